// Checks across reports: two files for the same agency and year (the earlier stays; the other is an
// error naming it, never a silent overwrite), and R8, last year's 结转下年度 against this year's 上年结转 per column.
import type { BuildError, CarryOver } from '../../model/corpus.ts';
import type { Level } from '../../model/report.ts';
import { APPLICANTS } from '../../model/templates.ts';

/** What the corpus checks and the corpus files need of one report, without its text. */
export interface Entry {
  file: string;
  id: string;
  agencyId: string;
  agency: string;
  year: number;
  level: Level;
  region: string | null;
  parent: string | null;
  sourceUrl: string | null;
  /** 上年结转 and 结转下年度, per applicant column. */
  carriedOver: (number | null)[];
  carriedForward: (number | null)[];
}

/**
 * One page per agency and year. Of two files for the same one, the earlier stays: the file whose page
 * is live (it was published by the previous build), else the first by path (code-point order, the same
 * on every machine). The others are errors naming the one kept, so adding a file never takes a page down.
 */
export function duplicates<T extends { entry: Entry }>(reports: T[], live: (r: T) => boolean): { kept: T[]; errors: BuildError[] } {
  const byId = Map.groupBy(reports, (r) => r.entry.id);
  const kept: T[] = [];
  const errors: BuildError[] = [];
  for (const group of byId.values()) {
    const [first, ...others] = group.sort(
      (a, b) => Number(live(b)) - Number(live(a)) || (a.entry.file < b.entry.file ? -1 : a.entry.file > b.entry.file ? 1 : 0),
    );
    if (!first) continue;
    kept.push(first);
    for (const { entry: e } of others)
      errors.push({
        file: e.file,
        error: `same agency and year as ${first.entry.file} (${e.agency} ${e.year}), which stays published${live(first) ? ' (its page was already live)' : ' (it comes first by path)'}; remove one of the two files`,
      });
  }
  return { kept, errors };
}

/** R8 breaks between consecutive years of one agency's reports (sorted by year). */
export function carryOverBreaks(entries: Entry[]): CarryOver[] {
  const breaks: CarryOver[] = [];
  for (let i = 1; i < entries.length; i++) {
    const [before, after] = [entries[i - 1], entries[i]];
    if (after.year !== before.year + 1) continue;
    APPLICANTS.forEach((c, k) => {
      const forward = before.carriedForward[k];
      const over = after.carriedOver[k];
      if (forward === null || over === null || forward === over) return;
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
    });
  }
  return breaks;
}
