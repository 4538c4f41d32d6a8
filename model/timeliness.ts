// Was a report published on time? 《政府信息公开条例》（2019年修订）第四十九条: the departments of people's
// governments at county level and above publish their previous year's report by 31 January; the
// competent office of a local people's government at county level and above publishes that government's
// report by 31 March (report-format.md §1). The article names no one else: township governments
// (乡镇、街道) have no deadline in the 条例 (their work is summed up in the county's report, and any date
// for their own report is a local rule the portal cannot check), and an agency whose level the name does
// not tell cannot be judged. Pure: the data stage and the site both use it.
import type { Level } from './report.ts';

export type DeadlineRule = 'department' | 'government';

/** The rule of 第四十九条 that applies to an agency of this level, or null where it sets no deadline. */
export function deadlineRule(level: Level): DeadlineRule | null {
  if (level === 'department') return 'department';
  if (level === 'province' || level === 'city' || level === 'county') return 'government';
  return null;
}

/** The last day (YYYY-MM-DD) to publish the report on `year` under the rule. */
export const deadline = (rule: DeadlineRule, year: number) => `${year + 1}-${rule === 'department' ? '01-31' : '03-31'}`;

export type Timeliness =
  /** Published on or before the deadline; `days` before it (0: on the day). */
  | { status: 'on-time'; published: string; deadline: string; days: number }
  /** Published `days` after the deadline. */
  | { status: 'late'; published: string; deadline: string; days: number }
  /** A deadline applies, but the report printed no date (nor did its page). */
  | { status: 'no-date'; deadline: string }
  /** No deadline of 第四十九条 applies to this level (township) or the level is unknown (other). */
  | { status: 'no-deadline'; published: string | null; level: Level };

const DAY = 86_400_000;
const utc = (date: string) => {
  const [y, m, d] = date.split('-').map(Number);
  return Date.UTC(y!, m! - 1, d!);
};
/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: string, to: string) => Math.round((utc(to) - utc(from)) / DAY);

export function timeliness(r: { level: Level; year: number; published: string | null }): Timeliness {
  const rule = deadlineRule(r.level);
  if (!rule) return { status: 'no-deadline', published: r.published, level: r.level };
  const due = deadline(rule, r.year);
  if (!r.published) return { status: 'no-date', deadline: due };
  const late = daysBetween(due, r.published);
  return late > 0
    ? { status: 'late', published: r.published, deadline: due, days: late }
    : { status: 'on-time', published: r.published, deadline: due, days: daysBetween(r.published, due) };
}

/** The years between an agency's first report and `latest` (the corpus's newest year) that have no report. */
export function missingYears(years: number[], latest: number): number[] {
  if (years.length === 0) return [];
  const have = new Set(years);
  const out: number[] = [];
  for (let y = Math.min(...years); y <= latest; y++) if (!have.has(y)) out.push(y);
  return out;
}

export const DEADLINE_LABELS: Record<DeadlineRule, string> = {
  department: '县级以上人民政府部门，次年1月31日前',
  government: '县级以上地方人民政府，次年3月31日前',
};

/** One line a reader sees for a report's timeliness. */
export function timelinessText(t: Timeliness): string {
  switch (t.status) {
    case 'on-time':
      return `按期发布（${t.published}，期限 ${t.deadline}）`;
    case 'late':
      return `逾期 ${t.days} 天（${t.published}，期限 ${t.deadline}）`;
    case 'no-date':
      return `报告未注明发布日期，无法判断（期限 ${t.deadline}）`;
    case 'no-deadline':
      return t.level === 'township' ? '条例第四十九条未规定乡镇、街道报告的发布期限，不作判断' : '无法从机关名称判断层级，不作判断';
  }
}
