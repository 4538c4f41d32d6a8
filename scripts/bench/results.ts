// Benchmark results: their shape (also written as JSON), the one table `npm run bench` prints, and
// the issue's targets checked against them.
import type { Machine } from './machine.ts';
import type { HeapTrace } from './gc-trace.ts';
import { projectedText, type National } from './projection.ts';
import { searchBudgetTargets, yearSearchTargets, type SearchCost } from './search-bytes.ts';
import { SQL_FIRST_QUERY_SECONDS, type SqlCost } from './sql-page.ts';

export interface Stage {
  seconds: number;
  peakRss: number;
}

export interface DataRun extends Stage {
  /** `seconds` is the command's wall time, as the maintainer waits for it. */
  /** The time the data stage reports for itself, and its parse/write split when it prints one. */
  stageSeconds: number;
  parseSeconds?: number;
  writeSeconds?: number;
  /** Of the write: the Parquet tables, datapackage.json and the Chinese-header CSVs. */
  downloadsSeconds?: number;
  parsed: number;
  unchanged: number;
}

export interface SizeResult {
  reports: number;
  /** Full build (data → Astro → Pagefind) or, for the largest corpora, the data stage alone. */
  full: boolean;
  data: Stage;
  astro?: Stage & { pages: number };
  pagefind?: Stage & { pages: number };
  totalSeconds?: number;
  totalPeakRss?: number;
  distBytes?: number;
  distFiles?: number;
  indexBytes?: number;
  indexFiles?: number;
  reportPageBytes?: { median: number; max: number };
  /** First searches: a term in every report, then a place name. */
  search?: SearchCost[];
  /** The SQL page's first queries, each in a fresh browser (scripts/bench/sql-page.ts). */
  sql?: SqlCost[];
  /** 1-minute load average before and after this size's measurements: above ~0.5, other work shared the cores. */
  load: [number, number];
  /** The data stage run again with nothing changed. */
  unchanged: DataRun;
  /** The data stage after one new report was added. */
  addOne: DataRun;
  /** Median of that many runs, ours and bare alternately (bare* hold the same medians). */
  medians?: { runs: number; astro: number; pagefind: number; bareAstro: number; barePagefind: number; all: Record<string, number[]> };
  bareAstro?: Stage & { pages: number };
  barePagefind?: Stage & { pages: number };
  /** `npm run build` after one new report, until dist/ serves its page. */
  rebuildOne?: Stage & { pages: number };
  /** --shards: one run per shard count. */
  sharded?: ShardedRun[];
}

export interface ShardRun {
  name: string;
  reports: number;
  seconds: number;
  peakRss: number;
  /** As the shard's build reports them: data stage, Astro, Pagefind. */
  stages: { data: number; astro: number; pagefind: number };
}

/** One run of the hub, as `npm run build:hub` runs it. */
export interface HubRun extends Stage {
  /** Its main heap, as --trace-gc printed it (gc-trace.ts); null when it printed none. */
  heap: HeapTrace | null;
}

/** `--shards N`: the corpus in N shards, each built by its own process, one after another, then the hub. */
export interface ShardedRun {
  shards: ShardRun[];
  hub: HubRun & {
    merge: number;
    pages: number;
    assemble: number;
    /** The most heap node allowed it (bytes; the cap of npm run build:hub, young generation included). */
    heapLimit: number;
    /** The smallest V8 heap (--max-old-space-size, MiB, of HUB_HEAPS) the hub finished in: its live data; null when none of them was enough. */
    heapMiB: number | null;
    /**
     * The largest region page the hub wrote (/regions/…), in bytes, with its agency rows and their bytes;
     * `full`: the same page with a whole page of agencies (PAGE_ROWS rows of that size).
     */
    regionPage: { path: string; bytes: number; rows: number; rowBytes: number; full: number } | null;
    /** The hub run again the same way, from scratch (--repeat N: N − 1 more): the projection takes the median at each size. */
    again?: HubRun[];
  };
  /** Sum of the shards and the hub: one runner building them all. */
  sequentialSeconds: number;
  /** `npm run build -- --shards` after one new report: one shard rebuilt, then the hub. */
  rebuildOne: Stage;
}

/** --search-year N: the first search over the index of one year of N reports (search-site.ts). */
export interface YearSearch {
  reports: number;
  year: number;
  data: DataRun;
  /** Our build's search index of that year: its bundles (by province) and their size on disk. */
  index: Stage & { bundles: number; bytes: number };
  /** A term in every report, then a place name. */
  search: SearchCost[];
}

export interface Results {
  machine: Machine;
  seed: number;
  /** Parser CPU time per report by input form, one thread (what the data stage divides among its workers). */
  parseMsByForm: Record<string, number>;
  /** The PDF form parsed in a process of its own, one report after another (bench.ts pdfCost). */
  pdf?: { reports: number; failed: number; cpuMsPerReport: number; pagesPerReport: number; peakRss: number };
  sizes: SizeResult[];
  /** Sizes whose measurement failed, with the error. */
  failed: { reports: number; error: string }[];
  /** With --shards: the national build projected from the shards and hubs measured. */
  projection?: National;
  yearSearch?: YearSearch;
}

const mb = (b: number) => `${(b / 1e6).toFixed(1)} MB`;
const gb = (b: number) => `${(b / 2 ** 30).toFixed(2)} GiB`;
const kb = (b: number) => `${(b / 1000).toFixed(1)} KB`;
const s = (x: number) => `${x.toFixed(1)} s`;
const ms = (seconds: number, n: number) => `${((seconds * 1000) / n).toFixed(2)} ms`;
const rate = (n: number, seconds: number) => `${Math.round(n / seconds)}/s`;
const searchBytes = (q: SearchCost) => `${kb(q.pagefindBytes)}${q.method === 'chromium' ? '' : ' (computed*)'}`;
const stageTiming = (d: DataRun) => `${s(d.stageSeconds)}${d.parseSeconds === undefined ? '' : ` (${s(d.parseSeconds)} · ${s(d.writeSeconds!)})`}`;
const sqlCost = (q: SqlCost) => (q.seconds === null ? `failed: ${q.error}` : `${s(q.seconds)} · ${mb(q.bytes)}`);
const ratio = (ours: number, bare: number) => `${(ours / bare).toFixed(1)}×`;

export function table(r: Results): string {
  const rows: [string, (x: SizeResult) => string | undefined][] = [
    ['reports', (x) => x.reports.toLocaleString('en')],
    ['data stage (cold): time', (x) => s(x.data.seconds)],
    ['  reports/s · per report', (x) => `${rate(x.reports, x.data.seconds)} · ${ms(x.data.seconds, x.reports)}`],
    ['  peak memory', (x) => gb(x.data.peakRss)],
    ['Astro: time', (x) => x.astro && s(x.astro.seconds)],
    ['  pages · pages/s · per page', (x) => x.astro && `${x.astro.pages} · ${rate(x.astro.pages, x.astro.seconds)} · ${ms(x.astro.seconds, x.astro.pages)}`],
    ['  peak memory', (x) => x.astro && gb(x.astro.peakRss)],
    [
      '  median of runs: ours · bare Astro, same pages · ours/bare',
      (x) => x.medians && `${s(x.medians.astro)} · ${s(x.medians.bareAstro)} · ${ratio(x.medians.astro, x.medians.bareAstro)} (${x.medians.runs} runs each)`,
    ],
    ['Pagefind: time', (x) => x.pagefind && s(x.pagefind.seconds)],
    ['  pages indexed · per page', (x) => x.pagefind && `${x.pagefind.pages} · ${ms(x.pagefind.seconds, x.pagefind.pages)}`],
    ['  peak memory', (x) => x.pagefind && gb(x.pagefind.peakRss)],
    [
      '  median of runs: ours · bare Pagefind, same pages · ours/bare',
      (x) =>
        x.medians &&
        `${s(x.medians.pagefind)} · ${s(x.medians.barePagefind)} · ${ratio(x.medians.pagefind, x.medians.barePagefind)} (${x.medians.runs} runs each)`,
    ],
    ['total build wall time', (x) => (x.totalSeconds !== undefined ? s(x.totalSeconds) : undefined)],
    ['  per report · peak memory', (x) => (x.totalSeconds !== undefined ? `${ms(x.totalSeconds, x.reports)} · ${gb(x.totalPeakRss!)}` : undefined)],
    ['dist/: size · files', (x) => (x.distBytes !== undefined ? `${mb(x.distBytes)} · ${x.distFiles}` : undefined)],
    ['search index: size · files', (x) => (x.indexBytes !== undefined ? `${mb(x.indexBytes)} · ${x.indexFiles}` : undefined)],
    ['report page HTML: median · largest', (x) => x.reportPageBytes && `${kb(x.reportPageBytes.median)} · ${kb(x.reportPageBytes.max)}`],
    ['first search, term in every report', (x) => x.search && searchBytes(x.search[0])],
    ['first search, a place name', (x) => x.search && searchBytes(x.search[1])],
    ['  + the search page itself', (x) => (x.search?.[0].method === 'chromium' ? kb(x.search[0].pageBytes) : undefined)],
    ['  time to results, each (headless Chromium here)', (x) => x.search && x.search.map((q) => s(q.seconds)).join(' · ')],
    ['SQL page, first query over reports: time · bytes', (x) => x.sql?.[0] && sqlCost(x.sql[0])],
    ['SQL page, first query over cells (per province)', (x) => x.sql?.[1] && sqlCost(x.sql[1])],
    [
      'Parquet, datapackage.json, Chinese CSVs: time · share of the build',
      (x) =>
        x.unchanged.downloadsSeconds !== undefined
          ? `${s(x.unchanged.downloadsSeconds)}${x.totalSeconds ? ` · ${((100 * x.unchanged.downloadsSeconds) / x.totalSeconds).toFixed(1)} %` : ''}`
          : undefined,
    ],
    ['data stage again, nothing changed', (x) => `${s(x.unchanged.seconds)} · ${x.unchanged.parsed} parsed`],
    ['  its own timing (parse · write)', (x) => stageTiming(x.unchanged)],
    ['data stage after adding one report', (x) => `${s(x.addOne.seconds)} · ${x.addOne.parsed} parsed`],
    ['  its own timing (parse · write)', (x) => stageTiming(x.addOne)],
    ['full rebuild after one new report (npm run build until dist/ serves it)', (x) => x.rebuildOne && s(x.rebuildOne.seconds)],
    ['load average before · after', (x) => x.load.map((l) => l.toFixed(1)).join(' · ')],
  ];
  const cols = r.sizes.map((x) => rows.map(([, f]) => f(x) ?? '–'));
  const labelWidth = Math.max(...rows.map(([l]) => [...l].length));
  const widths = cols.map((c) => Math.max(...c.map((v) => v.length)));
  const lines = rows.map(([label], i) => `${label.padEnd(labelWidth)}  ${cols.map((c, k) => c[i].padStart(widths[k])).join('  ')}`);
  const queries = r.sizes.find((x) => x.search)?.search;
  if (queries)
    lines.push(
      `first searches: “${queries.map((q) => q.query).join('” and “')}”, every byte fetched once the query is typed (Pagefind's JS, worker, WASM, metadata, filters, index chunks, fragments; agency names), uncompressed`,
    );
  const computed = r.sizes.flatMap((x) => x.search ?? []).find((q) => q.method !== 'chromium');
  if (computed) lines.push(`* ${computed.method}`);
  for (const f of r.failed) lines.push(`${f.reports.toLocaleString('en')} reports: failed: ${f.error}`);
  return lines.join('\n');
}

/** The one-year search's lines: its index, then each first search, the agency names apart. */
export function yearSearchLines(y: YearSearch): string {
  const year = y.reports.toLocaleString('en');
  return [
    `One year of ${year} reports (${y.year}), its search index split as the build splits it:`,
    `  data stage ${s(y.data.seconds)}, peak ${gb(y.data.peakRss)}; index ${y.index.bundles} bundles, ${mb(y.index.bytes)}, built in ${s(y.index.seconds)}, peak ${gb(y.index.peakRss)}`,
    ...y.search.map(
      (q) =>
        `  first search for “${q.query}”: ${searchBytes(q)}, of which agency names ${kb(q.namesBytes)}; results in ${s(q.seconds)} (+ the page ${kb(q.pageBytes)}): ${q.results}`,
    ),
  ].join('\n');
}

export interface Target {
  target: string;
  measured: string;
  met: boolean | null;
}

/** The issue's targets (benchmark figures, not timed tests); null where this run did not measure it. */
export function targets(r: Results): Target[] {
  const at = (n: number) => r.sizes.find((x) => x.reports === n);
  const [k1, k10, k100] = [at(1000), at(10000), at(100000)];
  const out: Target[] = [];
  for (const x of r.sizes) {
    out.push({
      target: `data stage ≥ 1,000 reports/s (${x.reports.toLocaleString('en')})`,
      measured: rate(x.reports, x.data.seconds),
      met: x.reports / x.data.seconds >= 1000,
    });
  }
  const large = '100,000 reports: data stage ≤ 100 s, peak ≤ 2 GB';
  const k100failed = r.failed.find((f) => f.reports === 100000);
  if (k100)
    out.push({ target: large, measured: `${s(k100.data.seconds)}, ${gb(k100.data.peakRss)}`, met: k100.data.seconds <= 100 && k100.data.peakRss <= 2e9 });
  else if (k100failed) out.push({ target: large, measured: `failed: ${k100failed.error}`, met: false });
  else out.push({ target: large, measured: 'not run (npm run bench -- --large)', met: null });
  if (k10?.totalSeconds !== undefined) {
    out.push({
      target: 'full build of 10,000 ≤ 120 s, peak ≤ 4 GB',
      measured: `${s(k10.totalSeconds)}, ${gb(k10.totalPeakRss!)}`,
      met: k10.totalSeconds <= 120 && k10.totalPeakRss! <= 4e9,
    });
  }
  if (k1?.totalSeconds !== undefined && k10?.totalSeconds !== undefined) {
    const [a, b] = [k1.totalSeconds / k1.reports, k10.totalSeconds / k10.reports];
    out.push({
      target: 'linear 1,000 → 10,000 (per-report cost within 1.5×)',
      measured: `${ms(k1.totalSeconds, k1.reports)} → ${ms(k10.totalSeconds, k10.reports)} per report`,
      met: b / a <= 1.5,
    });
  }
  if (k10) {
    const one = k10.addOne;
    out.push({
      target: 'one new report in 10,000: only it re-parsed, ≤ 2 s',
      measured: `${one.parsed} parsed, ${s(one.seconds)}`,
      met: one.parsed === 1 && one.seconds <= 2,
    });
    if (k10.reportPageBytes)
      out.push({ target: 'typical report page ≤ 50 KB HTML', measured: kb(k10.reportPageBytes.median), met: k10.reportPageBytes.median <= 50_000 });
  }
  for (const x of r.sizes) if (x.search) out.push(...searchBudgetTargets(x.reports, x.search));
  // Region pages are paged (PAGE_ROWS agencies): the synthetic corpus's made-up cities place every agency at its province.
  const region = r.sizes
    .flatMap((x) => (x.sharded ?? []).map((run) => ({ reports: x.reports, page: run.hub.regionPage })))
    .filter((x) => x.page)
    .at(-1);
  if (region?.page)
    out.push({
      target: 'region page of a province with 20,000 agencies ≤ 200 KB HTML (paged)',
      measured: `${kb(region.page.full)} with a whole page of agencies (largest page at ${region.reports.toLocaleString('en')} reports: ${region.page.path}, ${kb(region.page.bytes)} with ${region.page.rows})`,
      met: region.page.full <= 200_000,
    });
  if (r.projection) out.push(...nationalTargets(r.projection));
  if (r.yearSearch) out.push(...yearSearchTargets(r.yearSearch));
  for (const x of r.sizes) {
    const first = x.sql?.[1];
    if (first)
      out.push({
        target: `SQL page: first query ≤ ${SQL_FIRST_QUERY_SECONDS} s at 10,000 (over cells, measured at ${x.reports.toLocaleString('en')})`,
        measured: sqlCost(first),
        met: x.reports === 10_000 && first.seconds !== null ? first.seconds <= SQL_FIRST_QUERY_SECONDS : null,
      });
    if (x.unchanged.downloadsSeconds !== undefined && x.totalSeconds)
      out.push({
        target: `data package and Parquet add ≤ 5 % to the build (${x.reports.toLocaleString('en')})`,
        measured: `${s(x.unchanged.downloadsSeconds)} of ${s(x.totalSeconds)}`,
        met: x.unchanged.downloadsSeconds / x.totalSeconds <= 0.05,
      });
  }
  return out;
}

/**
 * The national build's targets, met only by a projection the bench accepts: "cannot project" is not met.
 * The hub's memory is the capped one where its heap was measured, as `npm run build:hub` runs it.
 */
function nationalTargets(p: National): Target[] {
  const n = p.plan.reports.toLocaleString('en');
  const minutes = (v: number) => `${(v / 60).toFixed(1)} min`;
  const hub = p.hubMemoryCapped ?? p.hubMemory;
  const runnerPeak = p.shardMemory.ok && hub.ok ? Math.max(p.shardMemory.value, hub.value) : null;
  return [
    { target: `the hub at ${n} reports: peak ≤ 2 GB, projected from three corpus sizes`, measured: projectedText(hub, gb), met: hub.ok && hub.value <= 2e9 },
    { target: `the hub at ${n} reports ≤ 20 min`, measured: projectedText(p.hubTime, minutes), met: p.hubTime.ok && p.hubTime.value <= 20 * 60 },
    {
      target: `${n} reports on ${p.plan.runners} runners ≤ 1 h, every runner ≤ 4 GB`,
      measured: `${p.totalSeconds === null ? 'time: cannot project' : minutes(p.totalSeconds)}, ${runnerPeak === null ? 'memory: cannot project' : `${gb(runnerPeak)} on a runner`}`,
      met: p.totalSeconds !== null && runnerPeak !== null && p.totalSeconds <= 3600 && runnerPeak <= 4e9,
    },
  ];
}

export const targetLines = (list: Target[]) => list.map((t) => `${t.met === null ? '  ?' : t.met ? ' ok' : 'NOT'}  ${t.target}: ${t.measured}`).join('\n');
