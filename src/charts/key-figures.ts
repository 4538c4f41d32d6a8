// Key figures as pages chart and rank them: labels come from the template data, rates carry their formula.
import { figureGrade, type FigureKey, type Figures, type Summary } from '../../model/summary.ts';
import { partsNote } from '../../model/marks.ts';
import type { Series } from './chart-spec.ts';
import { OUTCOME_GROUPS, REVIEW_BLOCKS } from '../../model/templates.ts';
import { ratio } from '../render/format.ts';

export interface Measure {
  key: keyof Figures;
  label: string;
}

/** How applications were handled (table 三, rows under 三、本年度办理结果), one measure per outcome group. */
export const OUTCOMES: Measure[] = OUTCOME_GROUPS.map((g) => ({ key: g.key, label: g.label }));

/** Table 四 totals. */
export const DISPUTES: Measure[] = REVIEW_BLOCKS.map((b) => ({ key: b.key, label: b.name }));

export const DISCLOSURE_RATE = {
  label: '公开率',
  formula: '公开率 =（予以公开 + 部分公开）÷ 办理结果总计（表三“（七）总计”）',
};

/** Why a report gets no rate although its figures are there: its own numbers contradict the denominator. */
export const rateWithheld = (s: Pick<Summary, 'failedFigures'>): string =>
  s.failedFigures.includes('resultsTotal') ? '办理结果总计与报告自身其他数字矛盾，不以它为分母计算比率' : '';

/**
 * Granted in full or in part, over all decided applications; null when the total is blank or 0, and when the
 * report's own numbers contradict the total (no share over a contradicted denominator).
 */
export const disclosureRate = (s: Pick<Summary, 'figures' | 'failedFigures'>) => {
  const f = s.figures;
  return f.granted === null || f.partlyGranted === null || rateWithheld(s) ? null : ratio(f.granted + f.partlyGranted, f.resultsTotal);
};

/** Below this many decided applications a rate says little (one refusal moves it by 10 points). */
export const SMALL_SAMPLE = 10;

/** One key figure across reports, each value in its state, flagged (⚠, hatched) where its report contradicts it. */
export const figureSeries = (label: string, reports: Summary[], key: FigureKey): Series => ({
  label,
  values: reports.map((s) => s.figures[key]),
  unknown: reports.map((s) => s.figures[key] === null && s.unknownFigures.includes(key)),
  flagged: reports.map((s) => figureGrade(s, key) === 'failed'),
  notes: reports.map((s) => (figureGrade(s, key) === 'failed' ? partsNote(s.figureParts[key] ?? []) : '')),
  cut: reports.map((s) => figureGrade(s, key) === 'cut'),
});
