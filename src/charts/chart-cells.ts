// What a chart's data table prints in one cell, for the server-rendered figure (ChartFigure.astro) and the
// browser-built one (src/client/figure-dom.ts) alike: the number (with ⚠ and what its parts add up to when
// the report contradicts it, dotted when the arithmetic cut it), the blank's "—" read as 空白, or "？" read
// as 无法确定 (model/marks.ts).
import { stateOf, type ChartSpec } from './chart-spec.ts';
import { BLANK, num, pct } from '../render/format.ts';
import { MARKS } from '../../model/marks.ts';

export interface ChartCell {
  className: string;
  /** What sighted readers see. */
  shown: string;
  /** What screen readers hear instead (or in addition, for a flagged number). */
  spoken: string;
}

export const FLAG_WORDS = `${MARKS.failed.name}：报告自身的数字与此不符`;

export function chartCell(spec: ChartSpec, seriesIndex: number, i: number): ChartCell {
  const s = spec.series[seriesIndex]!;
  const state = stateOf(s, i);
  if (state === 'blank') return { className: 'blank', shown: BLANK, spoken: '空白' };
  if (state === 'unknown') return { className: 'unknown', shown: '？', spoken: '无法确定' };
  if (state === 'absent') return { className: 'absent', shown: '无报告', spoken: '本站没有这一年度的报告' };
  if (state === 'withheld') return { className: 'withheld', shown: '⚠ 不计算', spoken: '分母与报告自身的其他数字矛盾，不计算' };
  const shown = (spec.percent ? pct : num)(s.values[i]);
  if (s.flagged?.[i]) return { className: 'flagged', shown: `⚠ ${shown}${s.notes?.[i] ?? ''}`, spoken: `（${FLAG_WORDS}）` };
  return s.cut?.[i] ? { className: 'cut', shown, spoken: `（${MARKS.cut.name}）` } : { className: '', shown, spoken: '' };
}
