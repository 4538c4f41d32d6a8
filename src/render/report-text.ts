// Words the pages use about a report that are not in the report itself.
import type { Report } from '../../model/report.ts';
import { SECTIONS } from '../../model/templates.ts';

export const reportTitle = (r: Pick<Report, 'title' | 'agency' | 'year'>) => r.title ?? `${r.agency}${r.year}年政府信息公开工作年度报告`;

/** A report's sections in the order its page prints them, with their headings: the preamble, the template's six, then any other. */
export const reportSections = (r: Pick<Report, 'sections'>): { key: string; label: string }[] => [
  ...(r.sections.preamble ? [{ key: 'preamble', label: '' }] : []),
  ...SECTIONS,
  ...Object.keys(r.sections)
    .filter((k) => k !== 'preamble' && !SECTIONS.some((s) => s.key === k))
    .map((key) => ({ key, label: '其他内容' })),
];
