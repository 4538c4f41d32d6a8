// Markdown → Document: GFM pipe tables as tables, everything else as its text. A report needs no
// Markdown tree, so this reads line by line what remark with GFM tables gave (the same tables,
// rows and cell texts; prose with its markup removed) at a fraction of the cost, in time linear
// in the input and with no recursion, whatever the nesting.
import { MAX_CELLS, type Block, type Document } from './document.ts';
import { inlineText } from './markdown-inline.ts';

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const ATX = /^ {0,3}(#{1,6})(?:[ \t]+|$)/;
const THEMATIC = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const SETEXT = /^ {0,3}(?:=+|-+)[ \t]*$/;
/** Block quote markers, however many: the quotes hold the same blocks as the page. */
const QUOTES = /^(?: {0,3}> ?)+/;
const LIST = /^ {0,3}(?:[-+*]|\d{1,9}[.)])(?:[ \t]+|$)/;
const INDENTED = /^(?: {4}|\t)/;
const DELIMITER_CELL = /^[ \t]*:?-+:?[ \t]*$/;
/** HTML blocks (CommonMark §4.6): raw text (1), comment (2), a block-level tag (6), a lone tag (7). */
const HTML_RAW = /^ {0,3}<(?:script|pre|style|textarea)(?:[\s>]|$)/i;
const HTML_COMMENT = /^ {0,3}<!--/;
const HTML_BLOCK =
  /^ {0,3}<\/?(?:address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul)(?:[\s/>]|$)/i;
const HTML_LONE_TAG =
  /^ {0,3}(?:<[A-Za-z][A-Za-z0-9-]*(?:\s+[A-Za-z_:][\w.:-]*(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*\s*\/?>|<\/[A-Za-z][A-Za-z0-9-]*\s*>)[ \t]*$/;

export function readMarkdown(markdown: string): Document {
  const lines = markdown.split('\n');
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  /** The open paragraph is a list item's: another item may follow it directly. */
  let inList = false;
  let table: string[][] | null = null;
  let fence: { marker: string; indent: number; lines: string[] } | null = null;
  let html: 'raw' | 'comment' | 'block' | null = null;

  const text = (t: string) => {
    const trimmed = t.trim();
    if (trimmed) blocks.push({ kind: 'text', text: trimmed });
  };
  // Each line's indentation goes; a line ending in two spaces or a backslash is a hard break, which
  // reads as the line end it is anyway.
  const endParagraph = () => {
    if (paragraph.length)
      text(
        inlineText(paragraph.map((l, k) => l.trimStart().replace(k < paragraph.length - 1 ? /(?:\\|(?<![ \t])[ \t]*)$/ : /(?<![ \t])[ \t]+$/, '')).join('\n')),
      );
    paragraph = [];
    inList = false;
  };
  const endTable = () => {
    if (table) blocks.push({ kind: 'table', rows: table });
    table = null;
  };

  for (let i = 0; i < lines.length; i++) {
    const quote = QUOTES.exec(lines[i]);
    const line = quote ? lines[i].slice(quote[0].length) : lines[i];

    if (fence) {
      const close = FENCE.exec(line);
      if (close && close[1][0] === fence.marker[0] && close[1].length >= fence.marker.length && !line.slice(close[0].length).trim()) {
        text(fence.lines.join('\n'));
        fence = null;
      } else fence.lines.push(line.replace(new RegExp(`^ {0,${fence.indent}}`), ''));
      continue;
    }
    if (html) {
      const ends = html === 'raw' ? /<\/(?:script|pre|style|textarea)>/i.test(line) : html === 'comment' ? line.includes('-->') : !line.trim();
      if (ends) html = null;
      continue;
    }
    const blank = !line.trim();
    if (table) {
      if (!blank && !quote && !startsBlock(line)) {
        table.push(cells(line));
        continue;
      }
      endTable();
    }
    if (blank) {
      endParagraph();
      continue;
    }
    const opened = FENCE.exec(line);
    if (opened) {
      endParagraph();
      fence = { marker: opened[1], indent: line.length - line.trimStart().length, lines: [] };
      continue;
    }
    if (HTML_RAW.test(line) || HTML_COMMENT.test(line) || HTML_BLOCK.test(line) || (!paragraph.length && HTML_LONE_TAG.test(line))) {
      endParagraph();
      html = HTML_RAW.test(line) ? 'raw' : HTML_COMMENT.test(line) ? 'comment' : 'block';
      // The opening line may close its own block.
      if ((html === 'raw' && /<\/(?:script|pre|style|textarea)>/i.test(line)) || (html === 'comment' && line.includes('-->', line.indexOf('<!--') + 4)))
        html = null;
      continue;
    }
    const header = tableHeader(line, lines[i + 1]);
    if (header) {
      endParagraph();
      table = [header];
      i++;
      continue;
    }
    const atx = ATX.exec(line);
    if (atx) {
      endParagraph();
      text(inlineText(line.slice(atx[0].length).replace(/(?:^|(?<![ \t])[ \t]+)#+[ \t]*$/, '')));
      continue;
    }
    if (paragraph.length && SETEXT.test(line)) {
      // The paragraph above was a heading: its text is the same.
      endParagraph();
      continue;
    }
    if (THEMATIC.test(line)) {
      endParagraph();
      continue;
    }
    const item = LIST.exec(line);
    // Only a bullet or a list starting at 1, and not empty, interrupts a paragraph (CommonMark §5.2).
    if (item && (!paragraph.length || inList || (/^ {0,3}(?:[-+*]|1[.)])/.test(item[0]) && line.slice(item[0].length).trim()))) {
      endParagraph();
      paragraph.push(line.slice(item[0].length));
      inList = true;
      continue;
    }
    if (!paragraph.length && INDENTED.test(line)) {
      // Indented code: its text as written.
      text(line.replace(INDENTED, ''));
      continue;
    }
    paragraph.push(line);
  }
  if (fence) text(fence.lines.join('\n'));
  endParagraph();
  endTable();
  return { blocks };
}

/** A line that starts another block ends a table (GFM §4.10). */
function startsBlock(line: string): boolean {
  return FENCE.test(line) || ATX.test(line) || THEMATIC.test(line) || HTML_RAW.test(line) || HTML_COMMENT.test(line) || HTML_BLOCK.test(line);
}

/** The header row's cells, when `line` and the next line open a pipe table. */
function tableHeader(line: string, next: string | undefined): string[] | undefined {
  if (next === undefined || !/(?<!\\)\|/.test(line) || !next.includes('-')) return undefined;
  const delimiter = splitRow(next);
  if (!delimiter.every((c) => DELIMITER_CELL.test(c))) return undefined;
  if (!/\|/.test(next) && delimiter.length === 1) return undefined;
  const header = splitRow(line);
  return header.length === delimiter.length ? header.map((c) => inlineText(c).trim()) : undefined;
}

const cells = (line: string) => splitRow(line).map((c) => inlineText(c).trim());

/** A row's cells: split at pipes not escaped; a pipe at either end only bounds the row. Past MAX_CELLS the rest is one cell. */
function splitRow(line: string): string[] {
  let row = line.trim();
  if (row.startsWith('|')) row = row.slice(1);
  if (row.endsWith('|') && !row.endsWith('\\|')) row = row.slice(0, -1);
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i < row.length; i++) {
    if (row[i] === '\\') i++;
    else if (row[i] === '|') {
      out.push(row.slice(start, i));
      start = i + 1;
      if (out.length > MAX_CELLS) break;
    }
  }
  out.push(row.slice(start));
  return out;
}
