// Words a report page gives the search index besides its title and prose: the filled table rows, printed
// on the page too (TableTerms.astro).
import type { Report } from '../../model/report.ts';
import { APPLICATION_ROWS, PROACTIVE } from '../../model/templates.ts';

/**
 * Labels of the table rows a report filled with a figure other than 0 ("行政强制", "重复申请"): the tables
 * stay out of the index (numbers bloat it, performance-notes.md B.7), yet a search for a row's subject
 * finds the reports that actually report it.
 */
export function tableTerms(r: Report): string[] {
  const { proactive, applications } = r.tableTemplates;
  const active = (values: Record<string, number | null> | undefined) => Object.values(values ?? {}).some((v) => v !== null && v !== 0);
  const rows = [
    ...(proactive ? PROACTIVE[proactive] : []).flatMap((b) => b.rows.filter((row) => active(r.proactive[row.key]))),
    ...(applications ? APPLICATION_ROWS[applications] : []).filter((row) => active(r.applications[row.key])),
  ];
  return [...new Set(rows.map((row) => row.short))];
}

/** The line a report page prints of those rows, which the search index holds with the report's text. */
export function tableTermsLine(r: Report): string | null {
  const terms = tableTerms(r);
  return terms.length > 0 ? `统计表中数字不为零的项目：${terms.join('、')}。` : null;
}
