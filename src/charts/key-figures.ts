// Key figures as pages chart and rank them: labels come from the template data, rates carry their formula.
import type { FigureKey, Figures, Summary } from '../../model/summary.ts';
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
export const DISPUTES: Measure[] = REVIEW_BLOCKS.map((b) => ({ key: b.key, label: b.label }));

export const DISCLOSURE_RATE = {
  label: '公开率',
  formula: '公开率 =（予以公开 + 部分公开）÷ 办理结果总计（表三“（七）总计”）',
};

/** Granted in full or in part, over all decided applications; null when the total is blank or 0. */
export const disclosureRate = (f: Figures) => (f.granted === null || f.partlyGranted === null ? null : ratio(f.granted + f.partlyGranted, f.resultsTotal));

/** Below this many decided applications a rate says little (one refusal moves it by 10 points). */
export const SMALL_SAMPLE = 10;

/** A report whose numbers need care wherever they appear: it fails a check, or has inferred or undecided cells. */
export const needsCare = (s: Pick<Summary, 'failed' | 'inferred' | 'unknownCells'>) => s.failed > 0 || s.inferred || s.unknownCells > 0;

/** One key figure across reports, each value in its state, flagged where its report needs care. */
export const figureSeries = (label: string, reports: Summary[], key: FigureKey): Series => ({
  label,
  values: reports.map((s) => s.figures[key]),
  unknown: reports.map((s) => s.figures[key] === null && s.unknownFigures.includes(key)),
  flagged: reports.map(needsCare),
});
