// npm run demo: a portal of a few hundred made-up reports, built and served, so that a first look shows what
// the five sample reports of content/ (all zeros) cannot: trends, comparisons, rankings, search and marks.
// The corpus is the benchmark's (scripts/synthetic/generate.ts: made-up agencies in real provinces, several years
// each, every input form, about one report in ten with a figure off by one). Everything goes under demo/,
// never into content/, generated/ or dist/, and every page says 演示数据，非真实报告 (npm run build -- --demo).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { cliArgs } from './cli-args.ts';
import { REPORTS, writeCorpus } from './synthetic/generate.ts';
import { MANIFEST } from './synthetic/manifest.ts';
import { startServer } from './preview.ts';
import type { Summary } from '../model/summary.ts';
import { generatedFiles } from '../model/generated.ts';

const HELP = `usage: npm run demo -- [options]
  writes a synthetic corpus, builds a portal from it that says 演示数据，非真实报告 on every page, and serves it
  --reports N   how many reports (default 400)
  --seed S      which corpus (default 1): a seed always writes the same reports
  --dir DIR     where the corpus, its data and its site go (default demo): DIR/corpus, DIR/generated, DIR/dist
  --port N      where to serve it (default 4321)
  --build-only  build, do not serve (serve later with npm run preview -- --dist DIR/dist)`;
const { values: opts } = cliArgs(
  'npm run demo',
  {
    options: {
      reports: { type: 'string', default: '400' },
      seed: { type: 'string', default: '1' },
      dir: { type: 'string', default: 'demo' },
      port: { type: 'string', default: '4321' },
      'build-only': { type: 'boolean', default: false },
    },
  },
  HELP,
);
const reports = Number(opts.reports);
const seed = Number(opts.seed);
if (!Number.isInteger(reports) || reports < 1 || !Number.isInteger(seed)) {
  console.error('--reports and --seed take whole numbers. See npm run demo -- --help.');
  process.exit(2);
}

// The real portal's folders are never the demo's.
const ROOT = resolve(import.meta.dirname, '..');
const dir = resolve(opts.dir);
const inside = (folder: string) => !relative(resolve(ROOT, folder), dir).startsWith('..');
if (!relative(dir, ROOT).startsWith('..') || ['content', 'generated', 'dist', 'dist.builds'].some(inside)) {
  console.error(`--dir ${opts.dir}: the demo needs a folder of its own, not the project or its content/, generated/ or dist/.`);
  process.exit(2);
}
const corpus = join(dir, 'corpus');
const generated = join(dir, 'generated');
const dist = join(dir, 'dist');

/** The corpus already written for these options, if any: a second run rebuilds from it (and parses nothing again). */
function written(): boolean {
  try {
    const manifest = JSON.parse(readFileSync(join(corpus, MANIFEST), 'utf8')) as { seed: number; reports: number; from: number };
    return manifest.seed === seed && manifest.reports === reports && manifest.from === 0;
  } catch {
    return false;
  }
}

if (!written()) {
  rmSync(corpus, { recursive: true, force: true });
  const result = await writeCorpus({ reports, seed, out: corpus, regions: true });
  console.log(`[demo] wrote ${result.files} synthetic reports to ${relative(ROOT, corpus)}/ in ${result.seconds.toFixed(1)} s`);
}
const build = spawnSync(
  process.execPath,
  [join(ROOT, 'scripts/build.ts'), '--content', join(corpus, REPORTS), '--generated', generated, '--dist', dist, '--demo'],
  { stdio: 'inherit', cwd: ROOT },
);
if (build.status !== 0) process.exit(build.status ?? 1);

if (opts['build-only']) {
  console.log(`[demo] built into ${relative(ROOT, dist)}/; serve it with npm run preview -- --dist ${relative(ROOT, dist)}`);
} else {
  const { url } = await startServer({ dir: dist, port: Number(opts.port) });
  console.log(`\nDemo portal (made-up reports; every page says 演示数据，非真实报告) at ${url} (Ctrl+C to stop)`);
  for (const [what, path] of places(JSON.parse(readFileSync(generatedFiles(generated).summaries, 'utf8')) as Summary[])) {
    console.log(`  ${what.padEnd(30)} ${url}${path}`);
  }
}

/** Where to look first: an agency over its years, agencies compared, a year's ranking, a failed check, a search. */
function places(summaries: Summary[]): [string, string][] {
  const years = Map.groupBy(summaries, (s) => s.agencyId);
  // The agencies with the most years, then the most applications: the fullest charts.
  const received = (id: string) => years.get(id)!.reduce((sum, s) => sum + (s.figures.received ?? 0), 0);
  const agencies = [...years.keys()].sort((a, b) => years.get(b)!.length - years.get(a)!.length || received(b) - received(a));
  const newest = Math.max(...summaries.map((s) => s.year));
  const failing = summaries.find((s) => s.failed > 0);
  const first = years.get(agencies[0]!)![0]!;
  return [
    ['an agency over the years', `agencies/${first.agencyId}/`],
    ['four agencies compared', `compare/?a=${agencies.slice(0, 4).join(',')}`],
    [`${newest}: totals and ranking`, `years/${newest}/`],
    ...(failing ? [['a report failing a check', `reports/${failing.id}/`] as [string, string]] : []),
    // Agencies by name first, then reports holding the phrase, newest year first.
    ['search', `search/?q=${first.region?.match(/^.+?(省|自治区)/)?.[0] ?? '行政复议'}`],
  ];
}
