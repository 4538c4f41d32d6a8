// Plain text → Document. Text extracted from Word comes in two table layouts (content/ samples):
//  - one cell per line, each cell starting with a tab, rows separated by blank lines, and a cell's
//    text continuing on following lines that do not start with a tab ("本年新\n制作数量");
//  - one row per line, cells separated by tabs.
// Anything else is prose, and tables flattened into prose are recovered by tables-text.ts.
import type { Block, Document } from './document.ts';

export function readText(text: string): Document {
  const { body, pageTitle, pageDate, pageUrl } = pageHeader(text.replace(/\[bookmark: [^\]]*\]/g, ''));
  // A crawled page's breadcrumb and share bar ("当前位置：首页…相关链接：") are not the report.
  // Page numbers ("-3-", "第 3 页") that pdftotext leaves between table rows.
  const lines = body
    .replace(/^([^\n]{0,40}?)当前位置[:：][^\n]{0,400}?(?:相关链接[:：]|文件下载)/u, '$1')
    .split('\n')
    .filter((l) => !/^\s*(?:[-—–]\s*\d+\s*[-—–]|第\s*\d+\s*页(?:\s*(?:[/／,，]\s*)?共\s*\d+\s*页)?|共\s*\d+\s*页\s*第\s*\d+\s*页)\s*$/u.test(l))
    .filter((l) => !PIPE_RULE.test(l))
    .map(markdownLine);
  const blocks: Block[] = [];
  let prose: string[] = [];
  let rows: string[][] = [];
  let row: string[] | null = null;

  const flushProse = () => {
    if (prose.some((l) => l.trim())) blocks.push({ kind: 'text', text: prose.join('\n') });
    prose = [];
  };
  const flushRow = () => {
    if (row) rows.push(row);
    row = null;
  };
  const flushTable = () => {
    flushRow();
    // A lone line with a stray tab ("无\t"), or a few tab-indented lines without a figure (a signature
    // right-aligned with tabs: "\t云岭县人民政府办公室\n\t二〇二二年一月十八日"), is prose, not a table.
    const figures = rows.some((r) => r.some((c) => /^\s*[+-]?\d+(?:\.\d+)?\s*$/.test(c)));
    if (rows.length === 1 && rows[0].filter((c) => c.trim()).length <= 1) prose.push(rows[0].join(' '));
    else if (rows.length <= 3 && !figures) prose.push(...rows.flatMap((r) => r.map((c) => c.trim()).filter(Boolean)));
    else if (rows.length) blocks.push({ kind: 'table', rows: rows.map((r) => r.map(tidy)) });
    rows = [];
  };

  const { rowGoesOn, tableNext } = lookahead(lines);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const tabs = line.split('\t').length - 1;
    if (tabs === 1 && line.startsWith('\t')) {
      // One cell per line: the next cell of the current row.
      flushProse();
      row ??= [];
      row.push(line.slice(1));
    } else if (tabs > 0) {
      // A tab-separated row.
      flushProse();
      flushRow();
      rows.push(line.split('\t'));
    } else if (row && line.trim() && isContinuation(line, rowGoesOn[i])) {
      // The cell text goes on: a header or label broken across lines.
      row[row.length - 1] += line.trim();
    } else if (!line.trim()) {
      if (row) flushRow();
      else if (rows.length && !tableNext[i]) flushTable();
      else if (!rows.length) prose.push(line);
    } else {
      flushTable();
      prose.push(line);
    }
  }
  flushTable();
  flushProse();
  return { blocks, pageTitle, pageDate, pageUrl };
}

const PIPE_ROW = /^\s*\|.*\|\s*$/;
const PIPE_RULE = /^\s*(?:\|\s*)?(?::?-{3,}:?\s*\|\s*)+(?::?-{3,}:?\s*)?$/;

/**
 * Markdown saved as .txt: a heading's "## " is markup, not text, and a pipe table's row is a row of
 * tab-separated cells (led by a space, so that it is never read as one cell per line).
 */
function markdownLine(line: string): string {
  if (PIPE_ROW.test(line))
    return (
      ' ' +
      line
        .trim()
        .replace(/^\||\|$/g, '')
        .split('|')
        .join('\t')
    );
  return line.replace(/^#{1,6}\s+/, '');
}

/** Header lines that say where the page was published. */
export const URL_FIELDS = '原文链接|原文地址|原文网址|网址|来源|链接|url';

/**
 * Text saved by a crawler starts with the page's fields ("标题: …", "发布时间: 2020-01-17 08:18")
 * and a "==== 正文 ====" line before the page text.
 */
function pageHeader(text: string): { body: string; pageTitle?: string; pageDate?: string; pageUrl?: string } {
  const m = /^((?:.*\n){1,30}?)=+\s*正文\s*=+\s*\n/.exec(text);
  if (!m) return { body: text };
  // The value is the rest of its line, trimmed (a URL the whole rest).
  const field = (names: string, value = '\\S.*') => new RegExp(`^(?:${names})[^\\S\\n]*[:：][^\\S\\n]*(${value})`, 'mi').exec(m[1])?.[1].trim();
  return {
    body: text.slice(m[0].length),
    pageTitle: field('标题|title'),
    pageDate: field('发布时间|发布日期|日期|date'),
    pageUrl: field(URL_FIELDS, 'https?://\\S+(?=[^\\S\\n]*$)'),
  };
}

/**
 * For each line, what follows it: whether a cell line comes before the next blank line (the row
 * goes on), and whether the next non-blank line is a table line. One pass from the end, so that
 * reading stays linear in the number of lines.
 */
function lookahead(lines: string[]): { rowGoesOn: boolean[]; tableNext: boolean[] } {
  const rowGoesOn = Array<boolean>(lines.length).fill(false);
  const tableNext = Array<boolean>(lines.length).fill(false);
  for (let i = lines.length - 2; i >= 0; i--) {
    const next = lines[i + 1];
    rowGoesOn[i] = next.startsWith('\t') || (next.trim() !== '' && rowGoesOn[i + 1]);
    tableNext[i] = next.trim() ? next.includes('\t') : tableNext[i + 1];
  }
  return { rowGoesOn, tableNext };
}

/**
 * A non-tab line inside a cell-per-line row continues the cell when the row goes on after it, or
 * when it is a short fragment rather than a heading.
 */
function isContinuation(line: string, rowGoesOn: boolean): boolean {
  if (rowGoesOn) return true;
  const text = line.trim();
  return text.length <= 12 && !/^[一二三四五六七八九十\d]+[、.．]/.test(text);
}

const tidy = (cell: string) => cell.replace(/[\s\u00a0\u3000]+/g, ' ').trim();
