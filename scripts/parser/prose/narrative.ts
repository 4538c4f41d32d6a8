// The narrative: the text under each of the six numbered headings (report-format.md §2), found
// fuzzily (misnumbered "3、", reworded "主要问题和改进"), as Markdown paragraphs. Table text is left out.
import { APPLICANTS, HEADER_WORDS, REVIEW_BLOCKS, REVIEW_COLUMNS, SECTIONS, TEMPLATE_DATA } from '../../../model/templates.ts';
import { fragmentPattern } from '../tables/anchors.ts';
import { fold } from '../read/fold.ts';

/** Positions of the section headings in `text` (folded or not; folding keeps positions). */
export function headings(text: string): { key: string; start: number; end: number }[] {
  const folded = fold(text);
  const found: { key: string; start: number; end: number }[] = [];
  let pos = 0;
  for (const section of SECTIONS) {
    // A heading is numbered ("一、", "3、", "六."): the preamble names every section without numbers.
    // Words may come between the number and the fragment ("四、政府信息公开行政复议…", "五、政府信息公开工作存在的主要问题").
    // The heading goes on to its own end ("…主要问题及改进情况", "…需要报告的事项："), never into the body.
    const re = new RegExp(
      `(?:[一二三四五六七八九十]{1,2}|\\d{1,2})\\s*[、.．]\\s*[^\\n。；;]{0,14}?(?:${section.match.map(fragmentPattern).join('|')})(?:[^\\s。；;，,：:]{0,8}?(?:情况|事项|措施))?\\s*[：:。]?`,
      'gu',
    );
    re.lastIndex = pos;
    const m = re.exec(folded);
    if (!m) continue;
    found.push({ key: section.key, start: m.index, end: m.index + m[0].length });
    pos = m.index + m[0].length;
  }
  return found;
}

/**
 * Section key → Markdown. `drop` lists spans (table text) to leave out; text before the first
 * heading is the `preamble`.
 */
export function splitSections(text: string, drop: [number, number][] = []): Record<string, string> {
  const marks = headings(text);
  const sections: Record<string, string> = {};
  const bounds = [{ key: 'preamble', start: 0, end: 0 }, ...marks];
  bounds.forEach((h, i) => {
    const end = bounds[i + 1]?.start ?? text.length;
    const body = withoutSpans(text, drop, h.end, end);
    const markdown = toMarkdown(body);
    if (markdown) sections[h.key] = markdown;
  });
  return sections;
}

/** `text[from, to)` without the spans (tables), each cut replaced by a line end. */
export function withoutSpans(text: string, spans: [number, number][], from = 0, to = text.length): string {
  let out = '';
  let at = from;
  for (const [s, e] of [...spans].sort((a, b) => a[0] - b[0])) {
    if (e <= at || s >= to) continue;
    out += text.slice(at, Math.max(at, s)) + '\n';
    at = Math.max(at, e);
  }
  return out + text.slice(at, to);
}

/** A line that starts a heading or a list item: "三、", "（二）", "2.", "(1)". */
const ITEM_START = /^(?:[（(]\s*[一二三四五六七八九十\d]{1,3}\s*[）)]|[一二三四五六七八九十]{1,3}\s*[、.．]|\d{1,2}\s*[、.．](?!\d))/u;
/** A line that ends a paragraph: a sentence end, a colon, or a short line (titles, signatures, dates). */
const ENDS_PARAGRAPH = /[。！？；：!?;:」』”）)]$/u;
/** Figures only: a table row left in the text ("0", "0 0 5", "12.5"), not prose. */
const FIGURES_ONLY = /^[\d\s.,+\-—–/%]*$/u;

/** Words of the tables' headers (the template data's captions and column labels, and the printed header groups). */
const TABLE_WORDS = [
  ...Object.values(TEMPLATE_DATA).flatMap((t) => t.proactive.flatMap((b) => [b.caption, ...b.columns.map((c) => c.label)])),
  ...[...APPLICANTS, ...REVIEW_BLOCKS].flatMap((c) => (c.group ? [c.label, c.group] : [c.label])),
  ...REVIEW_COLUMNS.map((c) => c.label),
  HEADER_WORDS.proactive.rowHeader,
  HEADER_WORDS.applications.columnsHeader,
]
  .map((w) => w.replace(/[\s（）()：:]/gu, ''))
  .sort((a, b) => b.length - a.length);
/** A line made only of table header words ("本年废止件数", "结果维持 结果纠正"): table debris, not prose. */
const isHeaderDebris = (line: string) => {
  let rest = line.replace(/[\s（）()：:]/gu, '');
  for (const w of TABLE_WORDS) rest = rest.split(w).join('');
  return rest === '' && line.trim() !== '';
};

/**
 * Paragraphs separated by blank lines, Markdown syntax escaped so the text renders as written. Lines a
 * PDF wrapped are joined back: a line that does not end a sentence runs on into the next, unless either
 * is a heading or list item. Lines of figures only are table remnants and are dropped.
 */
export function toMarkdown(text: string): string {
  const lines = text
    .split('\n')
    .map((l) => l.replace(/[\s\u00a0\u3000]+/g, ' ').trim())
    .filter((l) => l && !FIGURES_ONLY.test(l) && !isHeaderDebris(l));
  // A wrapped line fills the page's width: nearly as long as the longest line (titles and signatures are short).
  const full = Math.max(15, Math.floor(0.75 * Math.max(0, ...lines.map((l) => [...l].length))));
  const paragraphs: string[] = [];
  let previous = '';
  for (const line of lines) {
    const runsOn = paragraphs.length > 0 && [...previous].length >= full && !ENDS_PARAGRAPH.test(previous) && !ITEM_START.test(line) && !isHeading(previous);
    if (runsOn) paragraphs[paragraphs.length - 1] = joinWrapped(paragraphs.at(-1)!, line);
    else paragraphs.push(line);
    previous = line;
  }
  return paragraphs
    .map((l) =>
      l
        .replace(/[\\`*_[\]<>|#~]/g, '\\$&')
        .replace(/^(\d+)\./, '$1\\.')
        .replace(/^([+-]) /, '\\$1 '),
    )
    .join('\n\n');
}

/** A short numbered line without a sentence end: a heading, not a paragraph. */
const isHeading = (line: string) => ITEM_START.test(line) && [...line].length <= 30 && !/[。；;]/u.test(line);

/** Chinese runs on without a space; a space stays between Latin words. */
const joinWrapped = (a: string, b: string) => (/[A-Za-z0-9,.]$/.test(a) && /^[A-Za-z0-9]/.test(b) ? `${a} ${b}` : a + b);
