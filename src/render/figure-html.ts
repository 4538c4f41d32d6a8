// A key figure of a report as inline HTML, in its state and with its mark (model/marks.ts): the number; a
// blank the report printed; ？ when nianbao could not tell; ⚠ with what the parts add up to when the report's
// own numbers contradict it; a dotted underline when the arithmetic cut it. Every page that states a figure
// in words or in a table cell says it this way.
import { MARKS, partsNote } from '../../model/marks.ts';
import { figureGrade, type FigureKey, type Summary } from '../../model/summary.ts';
import { num } from './format.ts';
import { escapeHtml } from './html.ts';

export type FigureSource = Pick<Summary, 'figures' | 'unknownFigures' | 'failedFigures' | 'cutFigures' | 'figureParts'>;

const CUT_TITLE = `${MARKS.cut.name}：${MARKS.cut.explain}`;
const FAILED_WORDS = `（${MARKS.failed.name}）`;

/** "⚠ 0（原表总计；各列合计 6）": a contradicted figure in plain text (charts' tables, CSV cells, tooltips). */
export function figureText(s: FigureSource, key: FigureKey): string {
  const v = s.figures[key];
  const grade = figureGrade(s, key);
  if (grade === 'unknown') return '？';
  if (v === null) return '—';
  return grade === 'failed' ? `⚠ ${num(v)}${partsNote(s.figureParts[key] ?? [])}` : num(v);
}

/** The figure as inline HTML; `href` links the number to the cell it was read from. */
export function figureHtml(s: FigureSource, key: FigureKey, href?: string): string {
  const v = s.figures[key];
  const grade = figureGrade(s, key);
  const link = (inner: string) => (href ? `<a href="${escapeHtml(href)}">${inner}</a>` : inner);
  if (grade === 'unknown') return `<span class="unknown">${link('？')}<span class="sr-only">无法确定</span></span>`;
  if (v === null) return `<span class="blank">${link('<span aria-hidden="true">—</span><span class="sr-only">空白</span>')}</span>`;
  if (grade === 'failed') {
    const parts = partsNote(s.figureParts[key] ?? []);
    return `<span class="failed">${link(`<span aria-hidden="true">⚠</span> ${num(v)}`)}${parts && `<span class="parts">${parts}</span>`}<span class="sr-only">${FAILED_WORDS}</span></span>`;
  }
  if (grade === 'cut') return `<span class="cut" title="${escapeHtml(CUT_TITLE)}">${link(num(v))}<span class="sr-only">（${MARKS.cut.name}）</span></span>`;
  return link(num(v));
}
