// npm run bench [-- --sizes 1000,10000] [--large] [--seed S] [--repeat N] [--shards N,M] [--search-year N] [--pdf SHARE]
// Builds synthetic corpora of each size (generation is not timed) and measures, each in a child
// process: the full build (data stage cold → Astro → Pagefind) with the peak memory of each stage,
// what it leaves on disk, the bytes of a first search in headless Chromium (every response, the
// worker's included), the SQL page's first queries, the data stage after one new report arrives and the full rebuild until dist/
// serves it, and bare Astro and bare Pagefind on the same pages as ours, run alternately with ours
// (--repeat N times each, medians). --shards N also builds the corpus in N shards, one process each,
// and projects a national build from their cost (projection.ts: it needs shards of sizes at least 2×
// apart, e.g. --shards 4,16, and the hub at three corpus sizes, e.g. --sizes 2000,10000,30000, or it
// says why it cannot project). Corpora above 20,000 reports (--large adds 100,000) get the data stage
// and the shards only. --search-year N (--large: 100,000) measures the first search over one year of N
// reports, its index split as the build splits it (search-site.ts). Prints one table and the targets,
// and writes bench-out/results-<date>.json.
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { cliArgs } from '../cli-args.ts';
import { parseBytes } from '../parser/index.ts';
import { bareAstro } from './bare.ts';
import { ASTRO_ENV } from '../site/astro.ts';
import { median, pageSizes, usage } from './disk.ts';
import { LAST_YEAR } from '../synthetic/agencies.ts';
import { planCorpus, REPORTS, writeCorpus, type Form } from '../synthetic/generate.ts';
import { describeMachine, machine } from './machine.ts';
import { MANIFEST, MANIFEST_VERSION, readManifest, readManifestHeader } from '../synthetic/manifest.ts';
import { measure, type Measured } from './measure.ts';
import { table, targetLines, targets, yearSearchLines, type DataRun, type Results, type SizeResult, type YearSearch } from './results.ts';
import { firstSearches } from './search-bytes.ts';
import { nationalProjection, projectionLines } from './projection.ts';
import { hubMemoryLines, shardedLines, shardedRun } from './shards.ts';
import { firstQueries } from './sql-page.ts';

const USAGE = 'usage: npm run bench [-- --sizes 1000,10000] [--large] [--seed S] [--repeat N] [--shards N,M] [--search-year N] [--pdf SHARE]';
const HELP = `${USAGE}
  Builds a synthetic corpus of each size and measures the build, the disk, a first search, the SQL page,
  a new report's rebuild, and bare Astro and bare Pagefind on the same pages; writes bench-out/results-<date>.json.
  --sizes N,M        corpus sizes (default 1000,10000); above 20,000 only the data stage and the shards
  --large            adds 100,000 (and --search-year 100000)
  --seed S           the synthetic corpus's seed (default 1)
  --repeat N         runs of ours and of the bare tools each, alternately; medians (default 3); the hub N times
                     from scratch, its median at each size a point of the projection
  --shards N,M       also build in N shards, then in M, and project a national build (projection.ts)
  --search-year N    the first search over one year of N reports (search-site.ts)
  --pdf SHARE        share of agencies publishing PDFs, printed by Chromium (default 0.1; 0 for runs about scale)`;
const { values } = cliArgs(
  'npm run bench',
  {
    options: {
      sizes: { type: 'string', default: '1000,10000' },
      large: { type: 'boolean', default: false },
      seed: { type: 'string', default: '1' },
      repeat: { type: 'string', default: '3' },
      shards: { type: 'string', default: '0' },
      'search-year': { type: 'string', default: '0' },
      pdf: { type: 'string', default: '0.1' },
    },
  },
  HELP,
);
const repeat = Math.max(1, Number(values.repeat));
/** --shards 2,4: the corpus in 2 shards, then in 4 (shards of two sizes, for the projection's fit). */
const shardCounts = values.shards === '0' ? [] : values.shards.split(',').map(Number);
const sizes = [...new Set([...values.sizes.split(',').map(Number), ...(values.large ? [100_000] : [])])].sort((a, b) => a - b);
const seed = Number(values.seed);
/** Share of agencies publishing PDFs in the bench's corpus (printed from their pages by Chromium, which makes
 * generating a large corpus slow: --pdf 0 for runs about scale rather than forms). */
const PDF_SHARE = Number(values.pdf);
/** --search-year N (--large: 100,000): the first search over an index of one year of N reports. */
const searchYear = values.large && values['search-year'] === '0' ? 100_000 : Number(values['search-year']);
if (
  !Number.isInteger(searchYear) ||
  searchYear < 0 ||
  sizes.some((n) => !Number.isInteger(n) || n < 1) ||
  !Number.isInteger(seed) ||
  !Number.isInteger(repeat) ||
  shardCounts.some((n) => !Number.isInteger(n) || n < 1) ||
  !(PDF_SHARE >= 0 && PDF_SHARE <= 1)
) {
  console.error(USAGE);
  process.exit(2);
}

const ROOT = resolve(import.meta.dirname, '../..');
const OUT = join(ROOT, 'bench-out');
const FULL_BUILD_MAX = 20_000;
/** A term in every report (the largest index chunks), and a place name, as someone looking for one agency types it. */
const COMMON_QUERY = '政府信息公开';
const node = process.execPath;
const log = (message: string) => console.error(`[bench] ${message}`);

/**
 * The corpus of `reports` reports, generated unless an identical one is already there; with `year`, every
 * agency reports that year only, and agencies.csv gives their regions.
 */
async function corpus(reports: number, year?: number): Promise<string> {
  const dir = join(OUT, `corpus-${year ? `year${year}-` : ''}${reports}-${seed}`);
  if (existsSync(join(dir, MANIFEST))) {
    const m = readManifestHeader(dir);
    if (m.version === MANIFEST_VERSION && m.seed === seed && m.reports === reports && m.from === 0 && (m.year ?? undefined) === year && m.pdf === PDF_SHARE)
      return dir;
  }
  log(`generating ${reports} reports into ${dir} (not timed)`);
  rmSync(dir, { recursive: true, force: true });
  const written = await writeCorpus({ reports, seed, out: dir, pdf: PDF_SHARE, ...(year && { year, regions: true }) });
  log(`generated in ${written.seconds.toFixed(1)} s`);
  return dir;
}

/** Parser CPU time per report by form, one thread, on up to 40 reports of each form. */
async function parseCost(dir: string): Promise<Record<string, number>> {
  const m = readManifest(dir);
  const out: Record<string, number> = {};
  for (const form of [...new Set(m.files.map((f) => f.form))].sort() as Form[]) {
    const files = m.files
      .filter((f) => f.form === form)
      .slice(0, 40)
      .map((f) => [f.file, readFileSync(join(dir, f.file))] as const);
    for (const [file, bytes] of files.slice(0, 5)) await parseBytes(file, bytes); // warm up
    const started = performance.now();
    for (const [file, bytes] of files) await parseBytes(file, bytes);
    out[form] = (performance.now() - started) / files.length;
  }
  return out;
}

/**
 * The PDF form's cost in a process of its own that parses up to 40 of the corpus's PDFs one after another
 * on one thread, as a parse worker does: CPU per report, its pages, and the process's peak memory.
 */
async function pdfCost(dir: string): Promise<Results['pdf']> {
  const files = readManifest(dir)
    .files.filter((f) => f.form === 'pdf')
    .slice(0, 40)
    .map((f) => join(dir, f.file));
  if (!files.length) return undefined;
  const run = await measure(node, ['scripts/bench/parse-files.ts', ...files], { cwd: ROOT });
  const { cpuMs, pages, failed } = JSON.parse(run.stdout.trim().split('\n').at(-1)!) as { cpuMs: number; pages: number; failed: number };
  return { reports: files.length, failed, cpuMsPerReport: cpuMs, pagesPerReport: pages, peakRss: run.peakRss };
}

const STAGE = /^\[(data|astro|pagefind)\] …/;

/** Pages in the search index, over every Pagefind bundle below `dir` (the site may shard it, e.g. by year). */
function indexedPages(dir: string): number {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.name === 'pagefind-entry.json')
    .map((e) => JSON.parse(readFileSync(join(e.parentPath, e.name), 'utf8')) as { languages: Record<string, { page_count: number }> })
    .reduce((n, entry) => n + Object.values(entry.languages).reduce((m, l) => m + l.page_count, 0), 0);
}

/** The short name of the corpus's first township: a place name, as someone looking for one agency types it. */
function placeName(plan: Parameters<typeof planCorpus>[0]): string {
  for (const r of planCorpus(plan)) if (r.agency.level === 'township') return r.agency.short;
  return '镇';
}

async function fullBuild(reports: number, dir: string, run: string): Promise<Partial<SizeResult>> {
  log(`${reports}: full build (data → Astro → Pagefind)`);
  const dist = join(run, 'dist');
  const build = await measure(node, ['scripts/build.ts', '--content', join(dir, REPORTS), '--generated', join(run, 'generated'), '--dist', dist], {
    cwd: ROOT,
    stage: (line) => STAGE.exec(line)?.[1],
  });
  const at = build.stageStarts;
  const pagefindPages = indexedPages(join(dist, 'pagefind'));
  const pages = pageSizes(dist);
  const reportPages = pageSizes(join(dist, 'reports'));
  const site = usage(dist);
  const index = usage(join(dist, 'pagefind'));
  const place = placeName({ reports, seed });
  log(`${reports}: first searches for “${COMMON_QUERY}” and “${place}” in headless Chromium`);
  const result: Partial<SizeResult> = {
    data: { seconds: at.astro, peakRss: build.stagePeaks.data },
    astro: { seconds: at.pagefind - at.astro, peakRss: build.stagePeaks.astro, pages: pages.length },
    pagefind: { seconds: build.seconds - at.pagefind, peakRss: build.stagePeaks.pagefind, pages: pagefindPages },
    totalSeconds: build.seconds,
    totalPeakRss: build.peakRss,
    distBytes: site.bytes,
    distFiles: site.files,
    indexBytes: index.bytes,
    indexFiles: index.files,
    reportPageBytes: { median: median(reportPages), max: reportPages.at(-1) ?? 0 },
    search: await firstSearches(dist, [COMMON_QUERY, place]),
  };
  log(`${reports}: the SQL page's first queries in headless Chromium`);
  result.sql = await firstQueries(dist);

  Object.assign(result, await alternate(reports, run, dist, { astro: result.astro!.seconds, pagefind: result.pagefind!.seconds }));
  return result;
}

/**
 * Ours against bare Astro and bare Pagefind on the same pages, run alternately (ours, bare Astro, bare
 * Pagefind, ours …) so that a change in the machine's load hits both alike; the first of ours is the
 * full build's. Ours is `npm run build -- --site-only` into a fresh folder (nothing kept from a previous
 * index). Medians of `repeat` runs each.
 */
async function alternate(
  reports: number,
  run: string,
  dist: string,
  first: { astro: number; pagefind: number },
): Promise<Pick<SizeResult, 'bareAstro' | 'barePagefind' | 'medians'>> {
  const bare = join(OUT, `bare-${reports}`);
  rmSync(bare, { recursive: true, force: true });
  const pages = readdirSync(dist, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name === 'index.html')
    .map((e) => relative(dist, join(e.parentPath, e.name)));
  bareAstro(join(bare, 'astro'), dist, pages);
  const runs = { astro: [first.astro], pagefind: [first.pagefind], bareAstro: [] as number[], barePagefind: [] as number[] };
  let bareAstroRun: Measured | undefined;
  let barePagefindRun: Measured | undefined;
  for (let i = 0; i < repeat; i++) {
    if (i > 0) {
      log(`${reports}: ours again (Astro → Pagefind from the same data), run ${i + 1} of ${repeat}`);
      const again = join(run, 'dist-again');
      rmSync(again, { recursive: true, force: true });
      const ours = await measure(node, ['scripts/build.ts', '--site-only', '--generated', join(run, 'generated'), '--dist', again], {
        cwd: ROOT,
        stage: (line) => STAGE.exec(line)?.[1],
      });
      runs.astro.push(ours.stageStarts.pagefind! - ours.stageStarts.astro!);
      runs.pagefind.push(ours.seconds - ours.stageStarts.pagefind!);
    }
    log(`${reports}: bare Astro, the same ${pages.length} pages, run ${i + 1} of ${repeat}`);
    rmSync(join(bare, 'astro/dist'), { recursive: true, force: true });
    bareAstroRun = await measure(node, [join(bare, 'astro/build.mjs')], {
      cwd: ROOT,
      env: { ...process.env, ...ASTRO_ENV },
    });
    runs.bareAstro.push(bareAstroRun.seconds);
    log(`${reports}: bare Pagefind, the same reports' text in one index, run ${i + 1} of ${repeat}`);
    rmSync(join(bare, 'pagefind'), { recursive: true, force: true });
    barePagefindRun = await measure(node, ['scripts/bench/bare-pagefind.ts', '--generated', join(run, 'generated'), '--out', join(bare, 'pagefind')], {
      cwd: ROOT,
    });
    runs.barePagefind.push(barePagefindRun.seconds);
  }
  const mid = (list: number[]) => median([...list].sort((a, b) => a - b));
  return {
    bareAstro: { seconds: mid(runs.bareAstro), peakRss: bareAstroRun!.peakRss, pages: pageSizes(join(bare, 'astro/dist')).length },
    barePagefind: { seconds: mid(runs.barePagefind), peakRss: barePagefindRun!.peakRss, pages: indexedPages(join(bare, 'pagefind')) },
    medians: {
      runs: repeat,
      astro: mid(runs.astro),
      pagefind: mid(runs.pagefind),
      bareAstro: mid(runs.bareAstro),
      barePagefind: mid(runs.barePagefind),
      all: runs,
    },
  };
}

/** The data stage alone (`nianbao data`) on the corpus, with the counts it prints. */
async function dataStage(dir: string, run: string): Promise<DataRun> {
  const data = await measure(node, ['scripts/nianbao.ts', 'data', '--content', join(dir, REPORTS), '--out', join(run, 'generated')], { cwd: ROOT });
  const out = data.stdout + data.stderr;
  const counts = /(\d+) new, (\d+) changed, (\d+) unchanged/.exec(out);
  const stage = /data stage: .*?([\d.]+) s/.exec(out);
  if (!counts || !stage) throw new Error(`the data stage printed no timing and counts:\n${out}`);
  const [added, changed, unchanged] = counts.slice(1).map(Number);
  const stageSeconds = Number(stage[1]);
  const split = /parse ([\d.]+) s, write ([\d.]+) s(?:, of which Parquet and data package ([\d.]+) s)?/.exec(out);
  return {
    seconds: data.seconds,
    peakRss: data.peakRss,
    stageSeconds,
    ...(split && { parseSeconds: Number(split[1]), writeSeconds: Number(split[2]) }),
    ...(split?.[3] && { downloadsSeconds: Number(split[3]) }),
    parsed: added + changed,
    unchanged,
  };
}

/**
 * The data stage with nothing changed, then after the next report of the same corpus (an agency's new
 * year, or a new agency) is added. The first run also catches up if the parser changed during the build.
 */
async function incremental(reports: number, dir: string, run: string, full: boolean): Promise<Pick<SizeResult, 'unchanged' | 'addOne' | 'rebuildOne'>> {
  log(`${reports}: data stage again, nothing changed`);
  const unchanged = await dataStage(dir, run);
  if (unchanged.parsed > 0) log(`the parser changed during this run: ${unchanged.parsed} files were parsed again`);
  const extra = join(run, 'next');
  await writeCorpus({ reports: reports + 1, seed, out: extra, from: reports, pdf: PDF_SHARE });
  const [entry] = readManifest(extra).files;
  const target = join(dir, entry.file);
  mkdirSync(dirname(target), { recursive: true });
  copyFileSync(join(extra, entry.file), target);
  try {
    log(`${reports}: data stage after adding ${entry.file}`);
    const addOne = await dataStage(dir, run);
    if (!full) return { unchanged, addOne };
    // The whole rebuild a maintainer waits for: from `npm run build` until dist/ serves the new page.
    // The data stage has seen the file already; a second new report makes it parse one again.
    const second = join(run, 'next2');
    await writeCorpus({ reports: reports + 2, seed, out: second, from: reports + 1, pdf: PDF_SHARE });
    const [entry2] = readManifest(second).files;
    const target2 = join(dir, entry2.file);
    mkdirSync(dirname(target2), { recursive: true });
    copyFileSync(join(second, entry2.file), target2);
    try {
      const dist = join(run, 'dist');
      const before = readdirSync(join(dist, 'reports')).length;
      log(`${reports}: full rebuild (npm run build) after adding ${entry2.file}`);
      const rebuild = await measure(node, ['scripts/build.ts', '--content', join(dir, REPORTS), '--generated', join(run, 'generated'), '--dist', dist], {
        cwd: ROOT,
        stage: (line) => STAGE.exec(line)?.[1],
      });
      // dist/ was built before either new report: it now serves both.
      const after = readdirSync(join(dist, 'reports')).length;
      if (after !== before + 2) throw new Error(`after adding a report dist/ has ${after} report pages, not ${before + 2}`);
      return { unchanged, addOne, rebuildOne: { seconds: rebuild.seconds, peakRss: rebuild.peakRss, pages: after } };
    } finally {
      unlinkSync(target2);
    }
  } finally {
    unlinkSync(target); // the corpus stays the corpus of `reports`, reusable next time
  }
}

/**
 * The first search over one year of `reports` reports, the search index split as our build splits it
 * (by province), served with the search page of `pageFrom` (a site built in this run): search-site.ts.
 */
async function yearSearch(reports: number, pageFrom: string): Promise<YearSearch> {
  const year = LAST_YEAR;
  const dir = await corpus(reports, year);
  const run = join(OUT, `run-year-${reports}`);
  rmSync(run, { recursive: true, force: true });
  mkdirSync(run, { recursive: true });
  log(`a year of ${reports}: data stage`);
  const data = await dataStage(dir, run);
  log(`a year of ${reports}: its search index, as our build splits it, and a search page over it`);
  const site = join(run, 'site');
  const index = await measure(node, ['scripts/bench/search-site.ts', '--generated', join(run, 'generated'), '--page-from', pageFrom, '--site', site], {
    cwd: ROOT,
  });
  const place = placeName({ reports, seed, year });
  log(`a year of ${reports}: first searches for “${COMMON_QUERY}” and “${place}” in headless Chromium`);
  const bundles = readdirSync(join(site, 'pagefind')).length;
  return {
    reports,
    year,
    data,
    index: { seconds: index.seconds, peakRss: index.peakRss, bundles, bytes: usage(join(site, 'pagefind')).bytes },
    search: await firstSearches(site, [COMMON_QUERY, place]),
  };
}

const results: Results = { machine: machine(), seed, parseMsByForm: {}, sizes: [], failed: [] };
const stamp = results.machine.date.slice(0, 16).replace(/:/g, '');
const file = join(OUT, `results-${stamp}.json`);
console.log(`nianbao bench on ${describeMachine(results.machine)}`);

for (const reports of sizes) {
  const dir = await corpus(reports);
  if (reports === sizes[0]) {
    results.parseMsByForm = await parseCost(dir);
    results.pdf = await pdfCost(dir);
  }
  const run = join(OUT, `run-${reports}`);
  if (existsSync(run)) log(`removing the previous ${run} (deleting many small files is slow on this disk)`);
  rmSync(run, { recursive: true, force: true });
  mkdirSync(run, { recursive: true });
  const full = reports <= FULL_BUILD_MAX;
  const before = loadavg()[0];
  if (before > 0.5) log(`load average ${before.toFixed(1)}: other processes share the cores, figures will be slower than on an idle machine`);
  try {
    if (!full) log(`${reports}: data stage (cold)`);
    const measured = full ? await fullBuild(reports, dir, run) : { data: await dataStage(dir, run) };
    const again = await incremental(reports, dir, run, full);
    const sharded = [];
    for (const shards of shardCounts) {
      // Each shard is built whole on this machine, as a runner would: only shards no larger than one full build.
      if (reports / shards > FULL_BUILD_MAX)
        log(`${reports}: not in ${shards} shards: a shard of ${Math.round(reports / shards)} reports is more than one build here takes (${FULL_BUILD_MAX})`);
      else sharded.push(await shardedRun({ root: ROOT, corpus: dir, reports, seed, shards, repeat, run, log }));
    }
    results.sizes.push({ reports, full, ...measured, ...again, sharded, load: [before, loadavg()[0]] } as SizeResult);
  } catch (e) {
    // A size that fails (out of memory at 100,000, say) is a finding too: report it and go on.
    const lines = (e as Error).message.split('\n');
    log(`${reports}: failed: ${lines.join('\n')}`);
    results.failed.push({ reports, error: [lines[0], ...lines.slice(1).slice(-2)].join(' … ') });
  }
  writeFileSync(file, JSON.stringify(results, null, 1));
}

const builtSite = results.sizes.find((x) => x.full)?.reports;
if (searchYear > 0 && builtSite === undefined)
  log(`--search-year ${searchYear}: needs a size of at most ${FULL_BUILD_MAX} in --sizes, whose search page it uses; not run`);
else if (searchYear > 0) {
  try {
    results.yearSearch = await yearSearch(searchYear, join(OUT, `run-${builtSite}`, 'dist'));
  } catch (e) {
    const lines = (e as Error).message.split('\n');
    log(`a year of ${searchYear}: failed: ${lines.join('\n')}`);
    results.failed.push({ reports: searchYear, error: `one year's search: ${[lines[0], ...lines.slice(1).slice(-2)].join(' … ')}` });
  }
  writeFileSync(file, JSON.stringify(results, null, 1));
}

console.log(`\n${table(results)}\n`);
console.log(
  `parser CPU per report, one thread: ${Object.entries(results.parseMsByForm)
    .map(([form, msPer]) => `${form} ${msPer.toFixed(1)} ms`)
    .join(', ')}`,
);
if (results.pdf) {
  const p = results.pdf;
  console.log(
    `PDF form (${p.reports} reports printed to PDF by Chromium, ${p.pagesPerReport.toFixed(1)} pages each${p.failed ? `, ${p.failed} not read` : ''}): ` +
      `parser CPU ${p.cpuMsPerReport.toFixed(1)} ms per report on one thread (goal ≤ 30 ms), peak ${(p.peakRss / 2 ** 20).toFixed(0)} MiB for a process parsing them one after another (goal ≤ 300 MB per worker)`,
  );
}
for (const x of results.sizes) for (const run of x.sharded ?? []) console.log(`\n${shardedLines(run, x.reports)}`);
const runs = results.sizes.flatMap((x) => (x.sharded ?? []).map((r) => ({ reports: x.reports, shards: r.shards, hub: r.hub })));
if (results.yearSearch) console.log(`\n${yearSearchLines(results.yearSearch)}`);
if (runs.length > 0) {
  console.log(`\n${hubMemoryLines(results.sizes.flatMap((x) => (x.sharded ?? []).map((r) => ({ reports: x.reports, shards: r.shards.length, hub: r.hub }))))}`);
  results.projection = nationalProjection(runs);
  writeFileSync(file, JSON.stringify(results, null, 1));
  console.log(`\n${projectionLines(results.projection)}`);
}
console.log(`\nTargets (benchmark figures, not timed tests):\n${targetLines(targets(results))}\n`);
console.log(`Results: ${file}`);
