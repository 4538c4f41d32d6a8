// An area's sums (a year across the country, a region in a year: model/page-data.ts AreaYear) as the pages
// say them: a sum never stands alone when some of its reports left the figure blank, could not be told or
// contradict it; a share is computed only over what it can be computed from, and says over what.
import type { AreaYear, FigureTotal } from '../../model/page-data.ts';
import type { FigureKey } from '../../model/summary.ts';
import { DISPUTES, OUTCOMES } from '../charts/key-figures.ts';
import { num, pct, ratio } from './format.ts';

/** The figures an area's totals show. */
export const TOTAL_FIGURES: { label: string; key: FigureKey }[] = [
  { label: '新收申请', key: 'received' },
  ...OUTCOMES,
  { label: '办理结果总计', key: 'resultsTotal' },
  ...DISPUTES,
];

/** What a sum leaves out or takes as printed, in short notes: "2 份空白未计", "1 份无法确定未计", "⚠ 1 份矛盾". */
export const totalNotes = (t: FigureTotal): string[] =>
  [t.blank > 0 && `${t.blank} 份空白未计`, t.unknown > 0 && `${t.unknown} 份无法确定未计`, t.failed > 0 && `⚠ ${t.failed} 份矛盾`].filter((x): x is string =>
    Boolean(x),
  );

/** A sum over `reports` reports with its notes in one line: "1,234（2 份无法确定未计）"; — when none of them gives the figure. */
export const totalText = (t: FigureTotal, reports: number): string => {
  const notes = totalNotes(t);
  return `${reports - t.blank - t.unknown > 0 ? num(t.sum) : '—'}${notes.length ? `（${notes.join('，')}）` : ''}`;
};

/** Reports with a date against a deadline: on time, late, and the others (undated, or no deadline applies). */
export function onTime(y: AreaYear) {
  const judged = [y.timeliness.department, y.timeliness.government];
  const sum = (k: 'on-time' | 'late' | 'no-date' | 'no-deadline') =>
    judged.reduce((n, c) => n + c[k], 0) + (k === 'no-deadline' ? y.timeliness.none['no-deadline'] : 0);
  const [onTime, late, noDate, noDeadline] = [sum('on-time'), sum('late'), sum('no-date'), sum('no-deadline')];
  return { onTime, late, noDate, noDeadline, share: ratio(onTime, onTime + late) };
}

/** "按期 80%（12 份中 …）" as one line: the share over dated reports with a deadline, and what it leaves out. */
export function onTimeText(y: AreaYear): string {
  const t = onTime(y);
  if (t.onTime + t.late === 0) return t.noDate > 0 ? `无法判断（${t.noDate} 份未注明日期）` : '不作判断';
  return `${pct(t.share)}（${t.onTime + t.late} 份中 ${t.onTime} 份按期${t.noDate > 0 ? `，另 ${t.noDate} 份未注明日期` : ''}）`;
}
