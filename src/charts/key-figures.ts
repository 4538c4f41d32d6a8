// Key figures as pages chart and rank them: labels come from the template data, rates carry their formula.
import type { Figures } from '../../model/summary.ts';
import { APPLICATION_ROWS, REVIEW_BLOCKS } from '../../model/templates.ts';
import { ratio } from '../render/format.ts';

const rows = APPLICATION_ROWS['2021'];
/** "（二）部分公开（区分处理的…）" → "部分公开" */
const short = (label: string) => label.replace(/^（.）/, '').replace(/（.*$/, '');
const rowLabel = (key: string) => short(rows.find((r) => r.key === key)!.label);
const groupLabel = (prefix: string) => short(rows.find((r) => r.key.startsWith(prefix))!.group!);

export interface Measure {
  key: keyof Figures;
  label: string;
}

/** How applications were handled (table 三, rows under 三、本年度办理结果), one measure per group. */
export const OUTCOMES: Measure[] = [
  { key: 'granted', label: rowLabel('granted') },
  { key: 'partlyGranted', label: rowLabel('partlyGranted') },
  { key: 'withheld', label: groupLabel('withheld') },
  { key: 'unavailable', label: groupLabel('unavailable') },
  { key: 'rejected', label: groupLabel('rejected') },
  { key: 'otherHandling', label: groupLabel('otherNoCorrection') },
];

/** Table 四 totals. */
export const DISPUTES: Measure[] = REVIEW_BLOCKS.map((b) => ({ key: b.key as keyof Figures, label: b.label }));

export const DISCLOSURE_RATE = {
  label: '公开率',
  formula: '公开率 =（予以公开 + 部分公开）÷ 办理结果总计（表三“（七）总计”）',
};

/** Granted in full or in part, over all decided applications; null when the total is blank or 0. */
export const disclosureRate = (f: Figures) => (f.granted === null || f.partlyGranted === null ? null : ratio(f.granted + f.partlyGranted, f.resultsTotal));

/** Below this many decided applications a rate says little (one refusal moves it by 10 points). */
export const SMALL_SAMPLE = 10;
