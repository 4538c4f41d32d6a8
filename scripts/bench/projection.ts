// From measured costs to a national build: a cost (time, peak memory) fitted as fixed + per report by
// least squares, and projected to a size far beyond what was measured only when the fit can bear it.
// A line through points of nearly one size, through one or two corpus sizes, or with a negative cost
// per report says nothing about a million reports: such a fit is "cannot project", with why, never a
// number. Every projection names its basis: the sizes it was fitted to and how far it extrapolates.
import { median } from './disk.ts';

export interface Line {
  /** Fixed cost. */
  a: number;
  /** Cost per report. */
  b: number;
}

/** What a fit must meet before it is projected. */
export interface FitRules {
  /** Distinct sizes needed: 2 for shards (many points), 3 for the hub (one point per corpus size). */
  minSizes: number;
  /** The largest measured size must be at least this multiple of the smallest. */
  minSpan: number;
  /** The projected value's standard error may be at most this share of it. */
  maxRelativeError: number;
  /** How far beyond the largest measured size a line is followed: a fixed cost measured on small sizes passes for a cost per report. */
  maxExtrapolation: number;
}

/** A national shard (4,464 reports) from shards of at least 450; the hub (1,000,000) from corpora of at least 20,000. */
export const SHARD_RULES: FitRules = { minSizes: 2, minSpan: 2, maxRelativeError: 0.25, maxExtrapolation: 10 };
export const HUB_RULES: FitRules = { minSizes: 3, minSpan: 2, maxRelativeError: 0.25, maxExtrapolation: 50 };

type Refused = { ok: false; why: string; basis: string };
/** A fitted value with its line, or why there is none. */
export type Projected = { ok: true; line: Line; value: number; basis: string } | Refused;
/** An upper bound (no line: it is not the fitted value), or why there is none. */
export type Bounded = { ok: true; value: number; basis: string } | Refused;

const n0 = (x: number) => Math.round(x).toLocaleString('en');

/** Least squares y = a + b·x; null when the points do not determine a slope (fewer than two distinct x). */
export function fitLine(points: [number, number][]): (Line & { residualSd: number | null; se: (x: number) => number | null }) | null {
  const n = points.length;
  if (n < 2) return null;
  const mx = points.reduce((t, [x]) => t + x, 0) / n;
  const my = points.reduce((t, [, y]) => t + y, 0) / n;
  const sxx = points.reduce((t, [x]) => t + (x - mx) ** 2, 0);
  if (sxx === 0) return null;
  const b = points.reduce((t, [x, y]) => t + (x - mx) * (y - my), 0) / sxx;
  const a = my - b * mx;
  // The residuals' standard deviation, and the standard error of the line's value at x (the fitted
  // mean there); both need a point more than the line's two parameters.
  const residualSd = n > 2 ? Math.sqrt(points.reduce((t, [x, y]) => t + (y - a - b * x) ** 2, 0) / (n - 2)) : null;
  return { a, b, residualSd, se: (x) => (residualSd === null ? null : residualSd * Math.sqrt(1 / n + (x - mx) ** 2 / sxx)) };
}

/** Why points cannot be followed to `at`: too few sizes, sizes too close together, or `at` too far beyond them; null when they can. */
function unfit(sizes: number[], at: number, rules: FitRules, per: string): string | null {
  const [min, max] = [sizes[0] ?? 0, sizes.at(-1) ?? 0];
  if (sizes.length < rules.minSizes)
    return `measured at ${sizes.length} size${sizes.length === 1 ? '' : 's'}, at least ${rules.minSizes} are needed to tell the cost per report from the fixed cost${rules.minSizes > 2 ? ' and to see whether it grows linearly' : ''}`;
  if (max < rules.minSpan * min)
    return `the sizes measured (${n0(min)}–${n0(max)}) are less than ${rules.minSpan}× apart, too close to tell the cost per report from the fixed cost`;
  if (at > rules.maxExtrapolation * max)
    return `${n0(at)} ${per} is more than ${rules.maxExtrapolation}× the largest size measured (${n0(max)}): measure larger ones`;
  return null;
}

/**
 * The points' sizes and the basis every projection from them names; `runs`, when more than the points,
 * the runs whose medians they are (perSize).
 */
function basisOf(points: [number, number][], at: number, per: string, runs = points.length): { sizes: number[]; basis: string } {
  const sizes = [...new Set(points.map(([x]) => x))].sort((a, b) => a - b);
  const max = sizes.at(-1) ?? 0;
  const range = sizes.length > 3 ? `${n0(sizes[0]!)}–${n0(max)}` : sizes.map(n0).join(', ');
  const what = runs > points.length ? `${points.length} sizes (medians of ${runs} runs)` : `${points.length} measurement${points.length === 1 ? '' : 's'}`;
  return {
    sizes,
    basis: `${what} at ${range} ${per}${max > 0 ? `, extrapolated ${(at / max).toFixed(1)}× beyond the largest` : ''}`,
  };
}

/**
 * The fitted cost at `at`, or why it cannot be told: too few sizes, sizes too close together, `at` too
 * far beyond them, a cost per report that is not positive, a fixed cost that is negative beyond noise,
 * or a value whose standard error is too large a share of it. `unit` prints a value (e.g. seconds); `per` names x ("reports");
 * `runs`, when the points are medians (perSize), how many runs they were taken from.
 */
export function project(points: [number, number][], at: number, rules: FitRules, unit: (v: number) => string, per = 'reports', runs?: number): Projected {
  const { sizes, basis } = basisOf(points, at, per, runs);
  const no = (why: string): Projected => ({ ok: false, why, basis });
  const why = unfit(sizes, at, rules, per);
  if (why) return no(why);
  const line = fitLine(points)!;
  if (line.b <= 0)
    return no(`the fitted cost per report is not positive (${unit(line.b * 1000)} per 1,000 ${per}): the measurements scatter more than they grow`);
  const smallest = Math.min(...points.map(([, y]) => y));
  if (line.a < -0.25 * smallest)
    return no(
      `the fitted fixed cost is negative (${unit(line.a)}), beyond a quarter of the smallest measurement (${unit(smallest)}): the costs grow faster than linearly or scatter`,
    );
  const value = line.a + line.b * at;
  const se = line.se(at);
  if (se !== null && se > rules.maxRelativeError * value)
    return no(
      `the fit puts ${unit(value)} at ${n0(at)} ${per}, give or take ${unit(se)} (one standard error, more than ${rules.maxRelativeError * 100} % of it): the measurements scatter too much for that distance`,
    );
  return { ok: true, line, value, basis };
}

/** Student's t, one-sided 95 %, for these degrees of freedom (1 to 10; beyond, 10's, a little more than it is). */
const t95 = (df: number) => [Infinity, 6.314, 2.92, 2.353, 2.132, 2.015, 1.943, 1.895, 1.86, 1.833, 1.812][df] ?? 1.812;

/**
 * The most a cost could be at `at`: the one-sided 95 % upper bound of the line through the points
 * (Student's t, as few points leave), and never less than the largest measured, so a cost that stays
 * flat or falls within noise is bounded, not refused. It needs a point more than the line's two
 * parameters; a cost the points bound loosely gets a loose bound, never a refusal for scattering.
 */
export function upperBound(points: [number, number][], at: number, rules: FitRules, per = 'reports', runs?: number): Bounded {
  const { sizes, basis } = basisOf(points, at, per, runs);
  const why = unfit(sizes, at, { ...rules, minSizes: Math.max(rules.minSizes, 3) }, per);
  if (why) return { ok: false, why, basis };
  const line = fitLine(points)!;
  const se = line.se(at)!;
  const value = Math.max(line.a + line.b * at + t95(points.length - 2) * se, ...points.map(([, y]) => y));
  return { ok: true, value, basis };
}

export interface ShardCost {
  reports: number;
  seconds: number;
  peakRss: number;
}

interface HubCost {
  seconds: number;
  peakRss: number;
  heap?: { peak: number; live: number } | null;
}

export interface MeasuredRun {
  /** The corpus's size. */
  reports: number;
  shards: ShardCost[];
  /** The hub; its heap (gc-trace.ts) and the most heap node allowed it, where measured; `again`, its runs after the first. */
  hub: HubCost & { heapLimit?: number; again?: HubCost[] };
}

/** Every run of the hub at each corpus size (the bench's table, and the runs perSize takes medians of). */
export const hubRuns = <H extends HubCost>(runs: { reports: number; hub: H & { heapLimit?: number; again?: H[] } }[]) =>
  runs.flatMap((r) => [r.hub, ...(r.hub.again ?? [])].map((h) => ({ reports: r.reports, heapLimit: r.hub.heapLimit, ...h })));

/**
 * One point per corpus size: the median of a cost over the runs there. Runs of one size build the same
 * corpus again, so they share whatever sets that size apart from the line; as points of their own they
 * would narrow its bounds as if each were another corpus. They steady the point instead.
 */
export function perSize<H extends { reports: number }>(runs: H[], cost: (h: H) => number): [number, number][] {
  const bySize = Map.groupBy(runs, (h) => h.reports);
  return [...bySize].map(([reports, at]) => [reports, median(at.map(cost).sort((a, b) => a - b))]);
}

export interface NationalPlan {
  reports: number;
  shards: number;
  runners: number;
}

/** A national corpus: about a million reports in province-year shards (32 provinces × 7 years), on 32 runners. */
export const NATIONAL: NationalPlan = { reports: 1_000_000, shards: 32 * 7, runners: 32 };

export interface National {
  plan: NationalPlan;
  perShard: number;
  shardTime: Projected;
  shardMemory: Projected;
  hubTime: Projected;
  hubMemory: Projected;
  /**
   * The hub's peak in its capped heap: the heap at most its limit, plus the rest of its memory (peak
   * memory less its largest heap), each bounded from above; null when the heap was not measured.
   */
  hubMemoryCapped: Bounded | null;
  /** Shards per runner × a shard's time, then the hub; null when either cannot be projected. */
  totalSeconds: number | null;
}

/**
 * A national build from the shards and hubs measured: a shard's time and peak memory fitted over every
 * shard built (shards of several sizes: --shards 4,16), the hub's over the corpus sizes (--sizes
 * 2000,10000,30000), then `shards per runner × shard time + hub`.
 */
export function nationalProjection(runs: MeasuredRun[], plan: NationalPlan = NATIONAL): National {
  const perShard = plan.reports / plan.shards;
  const shardPoints = (cost: (s: ShardCost) => number) => runs.flatMap((r) => r.shards.map((s): [number, number] => [s.reports, cost(s)]));
  const hub = hubRuns(runs);
  const hubPoints = (cost: (h: HubCost) => number) => perSize(hub, cost);
  const shardTime = project(
    shardPoints((s) => s.seconds),
    perShard,
    SHARD_RULES,
    seconds,
    'reports per shard',
  );
  const hubTime = project(
    hubPoints((h) => h.seconds),
    plan.reports,
    HUB_RULES,
    seconds,
    'reports in the corpus',
    hub.length,
  );
  return {
    plan,
    perShard,
    shardTime,
    shardMemory: project(
      shardPoints((s) => s.peakRss),
      perShard,
      SHARD_RULES,
      gib,
      'reports per shard',
    ),
    hubTime,
    hubMemory: project(
      hubPoints((h) => h.peakRss),
      plan.reports,
      HUB_RULES,
      gib,
      'reports in the corpus',
      hub.length,
    ),
    hubMemoryCapped: cappedHubMemory(runs, plan.reports),
    totalSeconds: shardTime.ok && hubTime.ok ? Math.ceil(plan.shards / plan.runners) * shardTime.value + hubTime.value : null,
  };
}

/**
 * The hub's peak memory with its heap held to its limit: the line through its peak memory follows the
 * garbage the heap holds, which grows with the corpus until the limit stops it, and at a million reports
 * it would be past the limit. Its live data (the heap after a full collection) must stay under the
 * limit; the rest of its memory (code, native memory such as Astro's bundler's, workers: peak memory less
 * the largest heap) is bounded from above, the heap counted at its limit. Both are upper bounds, not
 * fitted values: the question is whether the hub fits its runner, and memory that stays flat fits a line
 * with a slope of either sign.
 */
function cappedHubMemory(runs: MeasuredRun[], at: number): Bounded | null {
  const measured = hubRuns(runs).filter((h) => h.heap && h.heapLimit);
  if (measured.length === 0) return null;
  const limit = Math.min(...measured.map((h) => h.heapLimit!));
  const per = 'reports in the corpus';
  const live = upperBound(
    perSize(measured, (h) => h.heap!.live),
    at,
    HUB_RULES,
    per,
    measured.length,
  );
  if (!live.ok) return { ok: false, why: `its live data cannot be bounded: ${live.why}`, basis: live.basis };
  if (live.value >= limit)
    return {
      ok: false,
      why: `its live data could be ${gib(live.value)} (the line's 95 % upper bound), past its heap limit of ${gib(limit)}`,
      basis: live.basis,
    };
  const rest = upperBound(
    perSize(measured, (h) => h.peakRss - h.heap!.peak),
    at,
    HUB_RULES,
    per,
    measured.length,
  );
  if (!rest.ok) return { ok: false, why: `the rest of its memory cannot be bounded: ${rest.why}`, basis: rest.basis };
  return {
    ok: true,
    value: limit + rest.value,
    basis: `its heap limit ${gib(limit)} (its live data at most ${gib(live.value)}) + the rest of its memory at most ${gib(rest.value)} (95 % upper bounds), from ${rest.basis}`,
  };
}

const seconds = (s: number) => (Math.abs(s) >= 600 ? `${(s / 60).toFixed(1)} min` : Math.abs(s) >= 1 ? `${s.toFixed(1)} s` : `${(s * 1000).toFixed(1)} ms`);
const gib = (b: number) => (Math.abs(b) >= 2 ** 30 ? `${(b / 2 ** 30).toFixed(2)} GiB` : `${(b / 2 ** 20).toFixed(1)} MiB`);

/** A projected cost in words: its value ("at most" it when bounded), or why it cannot be projected. */
export const projectedText = (p: Projected | Bounded, unit: (v: number) => string): string =>
  p.ok ? `${'line' in p ? '' : 'at most '}${unit(p.value)}` : `cannot project: ${p.why}`;

/** One cost's line: its fit and value, or why it cannot be projected; then its basis. */
function costLine(label: string, p: Projected | Bounded, unit: (v: number) => string, at: number): string {
  const fit = p.ok && 'line' in p ? `${unit(p.line.a)} + ${unit(p.line.b * 1000)} per 1,000 reports = ` : '';
  return `  ${label}: ${fit}${projectedText(p, unit)}${p.ok ? ` at ${n0(at)}` : ''}\n      basis: ${p.basis}`;
}

export function projectionLines(p: National): string {
  const { plan } = p;
  const perRunner = Math.ceil(plan.shards / plan.runners);
  const total =
    p.totalSeconds === null
      ? `  total: cannot project: ${[!p.shardTime.ok && "a shard's time", !p.hubTime.ok && "the hub's time"].filter(Boolean).join(' and ')} cannot be projected (above)`
      : `  total: ${perRunner} shards per runner × ${seconds((p.shardTime as { value: number }).value)}, then the hub ${seconds((p.hubTime as { value: number }).value)}: about ${seconds(p.totalSeconds)}, plus moving the artifacts`;
  return [
    `Projection: ${n0(plan.reports)} reports in ${plan.shards} shards (province-years) of ${n0(p.perShard)} reports, on ${plan.runners} runners of this machine's size`,
    costLine('a shard, wall', p.shardTime, seconds, p.perShard),
    costLine('a shard, peak memory', p.shardMemory, gib, p.perShard),
    costLine('the hub, wall', p.hubTime, seconds, plan.reports),
    costLine('the hub, peak memory', p.hubMemory, gib, plan.reports),
    ...(p.hubMemoryCapped ? [costLine('the hub, peak memory with its heap at its limit', p.hubMemoryCapped, gib, plan.reports)] : []),
    total,
    '  linear fits: anything that grows faster than linearly in a shard or in the hub is not in them',
  ].join('\n');
}
