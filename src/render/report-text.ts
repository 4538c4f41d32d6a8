// Words the pages use about a report that are not in the report itself.
import type { Report } from '../../model/report.ts';
import { safeSourceUrl } from '../../model/source-url.ts';

export const reportTitle = (r: Pick<Report, 'title' | 'agency' | 'year'>) => r.title ?? `${r.agency}${r.year}年政府信息公开工作年度报告`;

/**
 * A report's source address as a link only when it cannot mislead (model/source-url.ts: http(s), no user
 * info, no hidden characters in the host, at most 2,048 characters); anything else is not shown.
 */
export const safeLink = (url: string | null) => safeSourceUrl(url);
