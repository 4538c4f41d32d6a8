// npm run bench -- --shards N: the same synthetic corpus built in N shards, each by its own process and
// one after another (each shard has the machine to itself, as one CI runner would), then the hub; then
// `npm run build -- --shards` after one new report. The shards are the corpus's provinces, dealt into N
// folders of about equal size (an agency's reports stay together). From the measured cost per report
// of a shard and of the hub, it projects a national build on many runners (projection.ts).
import { execFileSync } from 'node:child_process';
import { linkSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, unlinkSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { shardRecord } from '../shards/shard-record.ts';
import { REPORTS, writeCorpus } from '../synthetic/generate.ts';
import { readManifest } from '../synthetic/manifest.ts';
import { heapTrace } from './gc-trace.ts';
import { measure } from './measure.ts';
import type { HubRun, ShardedRun, ShardRun } from './results.ts';
import { fitLine, hubRuns, perSize } from './projection.ts';
import { PAGE_ROWS } from '../../model/page-data.ts';

export interface ShardedOptions {
  root: string;
  /** The synthetic corpus (reports/<province>/<year>/<file>). */
  corpus: string;
  reports: number;
  seed: number;
  shards: number;
  /** Runs of the hub, each from scratch; their median at each size is a point of the projection (the first also times its stages). */
  repeat: number;
  run: string;
  log: (message: string) => void;
}

const node = process.execPath;

/**
 * The largest region page, and what it would weigh with a whole page of agencies: its agency rows
 * (<tr data-agency>) measured, the rest of the page kept, PAGE_ROWS rows of their mean size.
 */
function regionPageSize(site: string, pages: string[]): ShardedRun['hub']['regionPage'] {
  const sizes = pages.filter((p) => relative(site, p).startsWith('regions/')).map((p) => ({ p, bytes: statSync(p).size }));
  const largest = sizes.reduce<(typeof sizes)[number] | null>((max, x) => (!max || x.bytes > max.bytes ? x : max), null);
  if (!largest) return null;
  const html = readFileSync(largest.p);
  const rows = html.toString('utf8').match(/<tr data-agency=[\s\S]*?<\/tr>/g) ?? [];
  const rowBytes = rows.reduce((n, r) => n + Buffer.byteLength(r), 0);
  const full = rows.length ? largest.bytes - rowBytes + Math.round((rowBytes / rows.length) * PAGE_ROWS) : largest.bytes;
  return { path: relative(site, largest.p), bytes: largest.bytes, rows: rows.length, rowBytes, full };
}

/** The node flags `npm run build:hub` runs the hub with (package.json): the bench measures the same command. */
export function hubNodeFlags(root: string): string[] {
  const script: string = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts['build:hub'];
  const words = script.split(/\s+/).slice(1); // node <flags> <script>
  return words.slice(
    0,
    words.findIndex((w) => !w.startsWith('-')),
  );
}

/** The most heap (bytes, young generation included) node allows with these flags. */
export const heapLimit = (flags: string[]): number =>
  Number(execFileSync(node, [...flags, '-p', "require('node:v8').getHeapStatistics().heap_size_limit"], { encoding: 'utf8' }));

/** Heaps (MiB) the hub is run in again, smallest first, to find the smallest it finishes in. */
const HUB_HEAPS = [64, 96, 128, 192, 256, 384, 512, 1024];

/** Deals the corpus's provinces into `n` folders of `content`, largest first into the smallest; returns the folder of each province. */
function dealProvinces(corpus: string, content: string, n: number): Map<string, string> {
  const reports = join(corpus, REPORTS);
  const provinces = readdirSync(reports).map((p) => ({ name: p, files: readdirSync(join(reports, p), { recursive: true }).length }));
  const folders = Array.from({ length: n }, (_, i) => ({ name: `s${String(i + 1).padStart(2, '0')}`, files: 0 }));
  const folderOf = new Map<string, string>();
  for (const p of provinces.sort((a, b) => b.files - a.files)) {
    const into = folders.reduce((a, b) => (b.files < a.files ? b : a));
    into.files += p.files;
    folderOf.set(p.name, into.name);
  }
  for (const entry of readdirSync(reports, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const from = join(entry.parentPath, entry.name);
    const rel = relative(reports, from);
    const to = join(content, folderOf.get(rel.split('/')[0]!)!, rel);
    mkdirSync(dirname(to), { recursive: true });
    linkSync(from, to);
  }
  return folderOf;
}

const seconds = (out: string, label: string) => Number(new RegExp(`${label} ([\\d.]+) s`).exec(out)?.[1] ?? NaN);

export async function shardedRun({ root, corpus, reports, seed, shards: n, repeat, run, log }: ShardedOptions): Promise<ShardedRun> {
  const [content, shardsDir, dist] = [join(run, 'sharded-content'), join(run, 'shards'), join(run, 'sharded-dist')];
  // From scratch: nothing parsed, rendered or indexed by an earlier run.
  for (const dir of [content, shardsDir, dist]) rmSync(dir, { recursive: true, force: true });
  const folderOf = dealProvinces(corpus, content, n);
  const names = [...new Set(folderOf.values())].sort();

  const shards: ShardRun[] = [];
  for (const name of names) {
    log(`${reports}: shard ${name} (${shards.length + 1} of ${names.length}), its own process`);
    const m = await measure(node, ['scripts/shards/build-shard.ts', '--shard', name, '--content', content, '--shards-dir', shardsDir], { cwd: root });
    const record = shardRecord.parse(JSON.parse(readFileSync(join(shardsDir, name, 'shard.json'), 'utf8')));
    shards.push({
      name,
      reports: record.reports,
      seconds: m.seconds,
      peakRss: m.peakRss,
      stages: { data: record.seconds.data, astro: record.seconds.astro, pagefind: record.seconds.pagefind },
    });
  }
  log(`${reports}: hub and assembly`);
  const hubArgs = ['scripts/shards/hub.ts', '--content', content, '--shards-dir', shardsDir, '--dist', dist];
  // --trace-gc only prints: its heap apart from the rest of its memory (gc-trace.ts).
  const hubFlags = hubNodeFlags(root);
  const traced = () => measure(node, [...hubFlags, '--trace-gc', ...hubArgs], { cwd: root });
  const hub = await traced();
  const hubOut = hub.stdout + hub.stderr;
  const again: HubRun[] = [];
  for (let i = 1; i < repeat; i++) {
    log(`${reports}: the hub again (${i + 1} of ${repeat}), from scratch as the first`);
    // Not timed: a hub run over a published site also removes it, which the first run (a runner's) never does.
    for (const dir of [join(shardsDir, 'hub'), dist, `${dist}.builds`]) rmSync(dir, { recursive: true, force: true });
    const m = await traced();
    again.push({ seconds: m.seconds, peakRss: m.peakRss, heap: heapTrace(m.stdout + m.stderr) });
  }
  const html = readdirSync(join(shardsDir, 'hub/site'), { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && e.name.endsWith('.html'));
  const pages = html.length;
  const regionPage = regionPageSize(
    join(shardsDir, 'hub/site'),
    html.map((e) => join(e.parentPath, e.name)),
  );
  // The hub's live data: the smallest heap it finishes in (peak memory also counts garbage not yet collected).
  let heapMiB: number | null = null;
  for (const limit of HUB_HEAPS) {
    log(`${reports}: the hub again, in a heap of ${limit} MiB`);
    const ok = await measure(node, [`--max-old-space-size=${limit}`, ...hubArgs], { cwd: root }).then(
      () => true,
      () => false,
    );
    if (ok) {
      heapMiB = limit;
      break;
    }
  }

  // One new report in one shard: npm run build -- --shards (two shards at a time) rebuilds that shard, keeps the others, and runs the hub.
  const extra = join(run, 'sharded-next');
  rmSync(extra, { recursive: true, force: true });
  await writeCorpus({ reports: reports + 1, seed, out: extra, from: reports });
  const [entry] = readManifest(extra).files;
  const rel = relative(REPORTS, entry.file);
  const target = join(content, folderOf.get(rel.split('/')[0]!) ?? names[0]!, rel);
  mkdirSync(dirname(target), { recursive: true });
  linkSync(join(extra, entry.file), target);
  let rebuild;
  try {
    log(`${reports}: npm run build -- --shards after adding ${rel}`);
    rebuild = await measure(node, ['scripts/build.ts', '--shards', '--content', content, '--shards-dir', shardsDir, '--dist', dist], { cwd: root });
    const kept = (rebuild.stdout.match(/unchanged, kept/g) ?? []).length;
    if (kept !== names.length - 1) log(`expected ${names.length - 1} shards kept after one new report, the build kept ${kept}`);
  } finally {
    unlinkSync(target);
  }
  const sequential = shards.reduce((a, s) => a + s.seconds, 0) + hub.seconds;
  return {
    shards,
    hub: {
      seconds: hub.seconds,
      peakRss: hub.peakRss,
      heap: heapTrace(hubOut),
      heapLimit: heapLimit(hubFlags),
      merge: seconds(hubOut, 'merge'),
      pages,
      assemble: seconds(hubOut, 'assemble'),
      heapMiB,
      regionPage,
      again,
    },
    sequentialSeconds: sequential,
    rebuildOne: { seconds: rebuild.seconds, peakRss: rebuild.peakRss },
  };
}

const s = (x: number) => `${x.toFixed(1)} s`;
const regionText = (p: ShardedRun['hub']['regionPage']) =>
  p ? `${p.path}, ${(p.bytes / 1000).toFixed(1)} KB with ${p.rows} agencies (${(p.full / 1000).toFixed(1)} KB with ${PAGE_ROWS})` : 'none';
const gb = (b: number) => `${(b / 2 ** 30).toFixed(2)} GiB`;

/** The per-shard table of one run. */
export function shardedLines(r: ShardedRun, reports: number): string {
  const lines = [`${reports.toLocaleString('en')} reports in ${r.shards.length} shards, each built by its own process, one at a time:`];
  lines.push('  shard  reports    wall    data   astro  pagefind  peak memory');
  for (const x of r.shards)
    lines.push(
      `  ${x.name.padEnd(5)}  ${String(x.reports).padStart(7)}  ${s(x.seconds).padStart(6)}  ${s(x.stages.data).padStart(6)}  ${s(x.stages.astro).padStart(6)}  ${s(x.stages.pagefind).padStart(8)}  ${gb(x.peakRss)}`,
    );
  lines.push(
    `  hub: ${s(r.hub.seconds)} (merge ${s(r.hub.merge)}, ${r.hub.pages} pages, assemble ${s(r.hub.assemble)}), peak ${gb(r.hub.peakRss)}, finishes in a heap of ${r.hub.heapMiB === null ? `more than ${HUB_HEAPS.at(-1)} MiB` : `${r.hub.heapMiB} MiB`}`,
    `  largest region page: ${regionText(r.hub.regionPage)}`,
    `  all shards and the hub, one after another: ${s(r.sequentialSeconds)}`,
    `  npm run build -- --shards after one new report (one shard rebuilt, the others kept, hub, assembly): ${s(r.rebuildOne.seconds)}`,
  );
  return lines.join('\n');
}

/**
 * The hub's memory at each corpus size, and a line through it (fixed + per 1,000 reports, through each
 * size's median, as the projection's) whether or not it can be projected: whether it grows with the corpus is the question.
 */
export function hubMemoryLines(runs: { reports: number; shards: number; hub: ShardedRun['hub'] }[]): string {
  const lines = [
    'The hub by corpus size (peak memory of its process tree, run as npm run build:hub runs it; its largest heap and its largest heap after a full collection, by --trace-gc; the smallest heap it finishes in):',
  ];
  lines.push('  reports  shards   peak RSS  largest heap  live heap  finishes in  largest region page');
  const mibOf = (b: number | undefined) => (b === undefined ? '?' : `${(b / 2 ** 20).toFixed(0)} MiB`);
  const row = (r: (typeof runs)[number], h: HubRun, rest: string) =>
    `  ${String(r.reports).padStart(7)}  ${String(r.shards).padStart(6)}  ${gb(h.peakRss).padStart(9)}  ${mibOf(h.heap?.peak).padStart(12)}  ${mibOf(h.heap?.live).padStart(9)}  ${rest}`;
  for (const r of [...runs].sort((a, b) => a.reports - b.reports || a.shards - b.shards)) {
    lines.push(row(r, r.hub, `${(r.hub.heapMiB === null ? '?' : `${r.hub.heapMiB} MiB`).padStart(11)}  ${regionText(r.hub.regionPage)}`));
    for (const h of r.hub.again ?? []) lines.push(row(r, h, '(again)'.padStart(11)));
  }
  const fit = (points: [number, number][], unit: (v: number) => string) => {
    const line = fitLine(points);
    return line
      ? `${unit(line.a)} + ${unit(line.b * 1000)} per 1,000 reports (${points.length} points, ${new Set(points.map(([x]) => x)).size} sizes)`
      : 'no line (one size)';
  };
  const mib = (b: number) => `${(b / 2 ** 20).toFixed(1)} MiB`;
  lines.push(
    `  peak RSS: ${fit(
      perSize(hubRuns(runs), (h) => h.peakRss),
      mib,
    )}`,
  );
  const heaps = runs.filter((r) => r.hub.heapMiB !== null).map((r): [number, number] => [r.reports, r.hub.heapMiB! * 2 ** 20]);
  lines.push(`  heap: ${fit(heaps, mib)}; the heap is tried in steps (${HUB_HEAPS.join(', ')} MiB), so a line through it is coarse`);
  return lines.join('\n');
}
