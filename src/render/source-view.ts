// The 原文 page's two long parts (SourcePage.astro) as strings: the figures read from each printed table row,
// and the report's text as nianbao read it with those rows highlighted. As Astro markup, their hundred-odd
// elements per report cost more than the rest of the page. Everything from the report goes through
// escapeHtml: the text is shown as text, never as the report's markup.
import type { Report } from '../../model/report.ts';
import { cellOf, reportPaths, rowIdOf, splitRowId, TABLE_NAMES, type TableTemplates } from '../../model/cell-paths.ts';
import { UNKNOWN_REASONS } from '../../model/diagnostics.ts';
import { rowAnchor } from './cell-view.ts';
import { num } from './format.ts';
import { escapeHtml } from './html.ts';
import { elided } from './paragraphs.ts';
import { rowLabel } from './row-labels.ts';

export interface SourceView {
  /** The `<li>` of each row read, in the order the rows stand in the text. */
  readingsHtml: string;
  /** The text, escaped, with each row's printed figures in a `<mark>` that its cells link to. */
  textHtml: string;
  /** Where each table stands in a PDF: "表三在第 3–4 页". */
  tablePages: string[];
}

/** Each row's cells in printed order, per pair of templates: the same for every report of the pair. */
const rowCells = new Map<string, Map<string, string[]>>();
function cellsByRow(t: TableTemplates): Map<string, string[]> {
  const key = `${t.proactive}/${t.applications}`;
  let cells = rowCells.get(key);
  if (!cells) rowCells.set(key, (cells = Map.groupBy(reportPaths(t), rowIdOf)));
  return cells;
}

/** What was left out of a piece, said in its place. */
const omittedHtml = (n: number) => (n > 0 ? `<span class="omitted">〔此处略去 ${n.toLocaleString('zh-CN')} 字，见原始文件〕</span>` : '');

export function sourceView(r: Report): SourceView {
  const text = r.sourceText;
  /** Rows in the order they stand in the text; overlapping or out-of-range spans are left unmarked. */
  const rows = Object.entries(r.printed)
    .filter(([, p]) => Number.isInteger(p.start) && Number.isInteger(p.end) && p.start >= 0 && p.end <= text.length && p.start < p.end)
    .sort(([, a], [, b]) => a.start - b.start)
    .filter(([, p], i, list) => i === 0 || list[i - 1]![1].end <= p.start);
  /** Each row's label, escaped: its highlight's title and its reading's link. */
  const labelOf = new Map(rows.map(([id]) => [id, escapeHtml(rowLabel(id, r.tableTemplates))]));

  /** The text cut at the highlighted spans: plain pieces and marked rows. */
  const pieces: { text: string; id?: string }[] = [];
  let at = 0;
  for (const [id, p] of rows) {
    if (p.start > at) pieces.push({ text: text.slice(at, p.start) });
    pieces.push({ text: text.slice(p.start, p.end), id });
    at = p.end;
  }
  if (at < text.length) pieces.push({ text: text.slice(at) });
  /**
   * A page of at most some 200,000 characters of text, whatever the report: the text between highlighted
   * rows keeps its first and last characters, a row's printed figures their first and last 500 (a report
   * of megabytes on one line made a page of 11 MB). What is left out is said where it was.
   */
  const plainKeep = Math.min(20_000, Math.floor(100_000 / Math.max(1, pieces.filter((p) => p.id === undefined).length)));
  let textHtml = '';
  for (const p of pieces) {
    const { head, omitted, tail } = elided(p.text, p.id === undefined ? plainKeep : 500);
    const shown = escapeHtml(head) + omittedHtml(omitted) + escapeHtml(tail);
    textHtml += p.id === undefined ? shown : `<mark id="${escapeHtml(rowAnchor(p.id))}" title="${labelOf.get(p.id)}">${shown}</mark>`;
  }

  /** A PDF's page holding a text offset (`pageStarts`: where each page's text starts). */
  const pageOf = (offset: number): number | undefined => {
    const page = r.pageStarts ? r.pageStarts.findLastIndex((start) => start <= offset) + 1 : 0;
    return page > 0 ? page : undefined;
  };
  const cellsOf = cellsByRow(r.tableTemplates);
  const pagesOf: Record<string, number[]> = {};
  let readingsHtml = '';
  for (const [id, p] of rows) {
    const cells = cellsOf.get(id) ?? [];
    let numbers = 0;
    const values = cells.map((path) => {
      const v = cellOf(r, path);
      if (typeof v === 'number') {
        numbers++;
        return num(v);
      }
      const unknown = r.unknown?.[path];
      return unknown ? `？${UNKNOWN_REASONS[unknown].label}` : '空白';
    });
    /** Fewer printed figures than numbers read: the parser cut a run of digits (or the report was inferred). */
    const cut = r.inferred || p.text.trim().split(/\s+/).filter(Boolean).length < numbers;
    const printed = elided(p.text, 100);
    const page = pageOf(p.start);
    if (page) (pagesOf[splitRowId(id).table] ??= []).push(page);
    readingsHtml +=
      `<li><a href="#${escapeHtml(rowAnchor(id))}">${labelOf.get(id)}</a>：` +
      `原文“<code>${escapeHtml(printed.omitted ? `${printed.head}……${printed.tail}` : p.text)}</code>”${cut ? ' → 推断拆分为 ' : ' → 读作 '}` +
      `<span class="cut">${escapeHtml(values.join(' | '))}</span>${page ? `（PDF 第 ${page} 页）` : ''}</li>`;
  }
  const tablePages = Object.entries(TABLE_NAMES).flatMap(([key, name]) => {
    const pages = pagesOf[key];
    if (!pages) return [];
    const [first, last] = [Math.min(...pages), Math.max(...pages)];
    return [`${name}在第 ${first === last ? first : `${first}–${last}`} 页`];
  });
  return { readingsHtml, textHtml, tablePages };
}
