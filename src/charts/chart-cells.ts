// What a chart's data table prints in one cell, for the server-rendered figure (ChartFigure.astro) and the
// browser-built one (src/client/figure-dom.ts) alike: the number (with ⚠ when its report is flagged), the
// blank's "—" read as 空白, or "？" read as 无法确定.
import { stateOf, type ChartSpec } from './chart-spec.ts';
import { BLANK, num, pct } from '../render/format.ts';

export interface ChartCell {
  className: string;
  /** What sighted readers see. */
  shown: string;
  /** What screen readers hear instead (or in addition, for a flagged number). */
  spoken: string;
}

export const FLAG_WORDS = '该报告有未通过的检查、推断或无法确定的单元格';

export function chartCell(spec: ChartSpec, seriesIndex: number, i: number): ChartCell {
  const s = spec.series[seriesIndex]!;
  const state = stateOf(s, i);
  if (state === 'blank') return { className: 'blank', shown: BLANK, spoken: '空白' };
  if (state === 'unknown') return { className: 'unknown', shown: '？', spoken: '无法确定' };
  const shown = (spec.percent ? pct : num)(s.values[i]);
  return s.flagged?.[i] ? { className: 'flagged', shown: `⚠ ${shown}`, spoken: `（${FLAG_WORDS}）` } : { className: '', shown, spoken: '' };
}
