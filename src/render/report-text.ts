// Words the pages use about a report that are not in the report itself.
import type { Report } from '../../model/report.ts';

export const reportTitle = (r: Pick<Report, 'title' | 'agency' | 'year'>) => r.title ?? `${r.agency}${r.year}年政府信息公开工作年度报告`;
