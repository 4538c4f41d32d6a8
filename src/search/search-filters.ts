// The Pagefind filters of a report page, named as the search page shows them. One list for both, so the
// search form's choices are exactly the values that were indexed.
import { LEVEL_LABELS, type Level } from '../../model/report.ts';
import type { TemplateId } from '../../model/templates.ts';

interface Filterable {
  year: number;
  level: Level;
  region: string | null;
  template: TemplateId | null;
  failed: number;
}

export const FILTER_NAMES = ['年度', '层级', '地区', '模板', '检查'] as const;

type Filter = [name: (typeof FILTER_NAMES)[number], value: string];

export const searchFilters = (r: Filterable): Filter[] => [
  ['年度', String(r.year)],
  ['层级', LEVEL_LABELS[r.level]],
  ...(r.region ? [['地区', r.region] satisfies Filter] : []),
  ['模板', r.template ? `${r.template}年格式` : '未识别'],
  ['检查', r.failed > 0 ? '有未通过的检查' : '未发现不一致'],
];
