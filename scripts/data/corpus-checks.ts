// Checks across reports: two files for the same agency and year (an error naming both, never a
// silent overwrite), and R8, last year's 结转下年度 against this year's 上年结转 per column.
import type { CarryOver } from '../../src/model/corpus.ts';
import type { Report } from '../../src/model/report.ts';
import { APPLICANTS } from '../../src/model/templates.ts';

export function duplicates(reports: Report[]): { kept: Report[]; errors: { file: string; error: string }[] } {
  const byId = new Map<string, Report[]>();
  for (const r of reports) byId.set(r.id, [...(byId.get(r.id) ?? []), r]);
  const kept: Report[] = [];
  const errors: { file: string; error: string }[] = [];
  for (const group of byId.values()) {
    if (group.length === 1) kept.push(group[0]);
    else
      for (const r of group)
        errors.push({
          file: r.file,
          error: `same agency and year as ${group.filter((o) => o !== r).map((o) => o.file).join(', ')} (${r.agency} ${r.year}); keep one file and remove the other`,
        });
  }
  return { kept, errors };
}

/** R8 breaks between consecutive years of one agency's reports (sorted by year). */
export function carryOverBreaks(reports: Report[]): CarryOver[] {
  const breaks: CarryOver[] = [];
  for (let i = 1; i < reports.length; i++) {
    const [before, after] = [reports[i - 1], reports[i]];
    if (after.year !== before.year + 1) continue;
    for (const c of APPLICANTS) {
      const forward = before.applications.carriedForward?.[c.key as 'total'] ?? null;
      const over = after.applications.carriedOver?.[c.key as 'total'] ?? null;
      if (forward === null || over === null || forward === over) continue;
      breaks.push({
        column: c.key,
        fromReport: before.id,
        toReport: after.id,
        fromYear: before.year,
        toYear: after.year,
        carriedForward: forward,
        carriedOver: over,
        message: `${before.year}年报告的「结转下年度继续办理」${c.label}为 ${forward}，${after.year}年报告的「上年结转」${c.label}为 ${over}。`,
      });
    }
  }
  return breaks;
}
