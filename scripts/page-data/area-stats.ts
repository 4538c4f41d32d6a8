// Sums over an area's reports (the country in a year, a region in a year): every figure in its three
// states, checks, the disclosure rate's terms, the received-applications distribution and 第四十九条
// timeliness. Counts and sums only, so the shards' stats add up to the corpus's in any order.
import { emptyYear, RECEIVED_BUCKETS, type AreaStats, type AreaYear, type TimelinessCounts } from '../../model/page-data.ts';
import { FIGURE_KEYS, type Summary } from '../../model/summary.ts';
import { deadlineRule, timeliness } from '../../model/timeliness.ts';

export const emptyStats = (): AreaStats => ({ agencies: 0, listed: 0, years: {} });

/** Adds one report. A figure the report contradicts is summed as printed and counted as such (pages say so); blank and unknown ones are counted, never summed as 0. */
export function addReport(y: AreaYear, s: Summary): void {
  y.reports++;
  for (const key of FIGURE_KEYS) {
    const v = s.figures[key];
    const t = y.totals[key];
    if (v !== null) {
      t.sum += v;
      if (s.failedFigures.includes(key)) t.failed++;
    } else if (s.unknownFigures.includes(key)) t.unknown++;
    else t.blank++;
  }
  if (s.checked === 0) y.unchecked++;
  else if (s.failed > 0) y.failing++;
  else if (s.undecided > 0) y.undecided++;
  // The overall rate counts the reports that give all three figures, their total uncontradicted (src/charts/key-figures.ts).
  const { granted, partlyGranted, resultsTotal, received } = s.figures;
  if (granted !== null && partlyGranted !== null && resultsTotal !== null && !s.failedFigures.includes('resultsTotal')) {
    y.rated.reports++;
    y.rated.granted += granted + partlyGranted;
    y.rated.decided += resultsTotal;
  }
  if (received !== null) {
    const bucket = RECEIVED_BUCKETS.findIndex(([, from, to]) => received >= from && received <= to);
    if (bucket >= 0) y.receivedBuckets[bucket]!++;
  }
  y.timeliness[deadlineRule(s.level) ?? 'none'][timeliness(s).status]++;
}

/** Adds `from` into `into`. */
export function addYear(into: AreaYear, from: AreaYear): void {
  into.reports += from.reports;
  for (const key of FIGURE_KEYS) for (const k of ['sum', 'blank', 'unknown', 'failed'] as const) into.totals[key][k] += from.totals[key][k];
  into.failing += from.failing;
  into.undecided += from.undecided;
  into.unchecked += from.unchecked;
  for (const k of ['reports', 'granted', 'decided'] as const) into.rated[k] += from.rated[k];
  from.receivedBuckets.forEach((n, i) => (into.receivedBuckets[i]! += n));
  for (const rule of ['department', 'government', 'none'] as const)
    for (const status of Object.keys(from.timeliness[rule]) as (keyof TimelinessCounts)[]) into.timeliness[rule][status] += from.timeliness[rule][status];
}

export function addStats(into: AreaStats, from: AreaStats): void {
  into.agencies += from.agencies;
  into.listed += from.listed;
  for (const [year, y] of Object.entries(from.years)) addYear((into.years[year] ??= emptyYear()), y);
}
