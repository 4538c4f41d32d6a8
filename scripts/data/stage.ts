// The data stage: content/ → parsed reports (cached per file by content hash and parser version)
// → corpus checks → generated/ (the site's data and the downloads). A rebuild parses only new or
// changed files and removes the outputs of deleted ones. Two passes keep memory flat: the first
// parses and keeps a few figures per report, the second writes each report from the cache.
import { createHash } from 'node:crypto';
import { link, readdir, readFile, rm } from 'node:fs/promises';
import { extname, join, relative } from 'node:path';
import { buildInfo, type Agency, type BuildError, type BuildInfo, type CarryOver } from '../../src/model/corpus.ts';
import type { Report } from '../../src/model/report.ts';
import { summarize, type Summary } from '../../src/model/summary.ts';
import { APPLICANTS } from '../../src/model/templates.ts';
import { PARSER_VERSION, type ParseOutcome } from '../parser/index.ts';
import { applyAgencyInfo, readAgencies, type AgencyInfo } from './agencies-csv.ts';
import { COLUMNS, flatten } from './columns.ts';
import { carryOverBreaks, duplicates, type Entry } from './corpus-checks.ts';
import { toCsv } from './csv.ts';
import { fileIo, type Io } from './io.ts';
import { AGENCIES_CSV, listInputs } from './inputs.ts';
import { eachLimited, parsePool } from './pool.ts';
import { reportCsv, reportMarkdown } from './report-files.ts';

export interface StageOptions {
  contentDir: string;
  outDir: string;
  log?: (message: string) => void;
  /** Worker threads for parsing (default: one per core). */
  workers?: number;
}

/** A failed check or a warning, for `nianbao check` and checks.csv. */
export interface Note {
  report: string;
  file: string;
  agency: string;
  year: number;
  rule: string;
  scope: string;
  result: 'fail' | 'undecided' | 'warning';
  expected: number | null;
  actual: number | null;
  message: string;
}

export interface StageResult {
  info: BuildInfo;
  summaries: Summary[];
  notes: Note[];
  counts: { fresh: number; changed: number; added: number; removed: number };
  /** Seconds spent parsing (pass 1) and writing (pass 2 and the corpus files). */
  seconds: { parse: number; write: number; total: number };
}

interface State {
  parserVersion: string;
  /** Input path → sha256 of its bytes at the last build. */
  inputs: Record<string, string>;
  /** Report id → hash of the files written for it. */
  outputs: Record<string, { hash: string; ext: string }>;
}

const STATE = '.cache/state.json';
const parsedPath = (sha: string) => `.cache/parsed-v${PARSER_VERSION}/${sha.slice(0, 2)}/${sha}.json`;
const byAgencyName = new Intl.Collator('zh');

export async function runDataStage(options: StageOptions): Promise<StageResult> {
  const started = performance.now();
  const io = fileIo(options.outDir, options.log);
  const state = await loadState(options.outDir);
  const overrides = await agencyOverrides(options.contentDir, io);

  // Pass 1: parse what changed, keep what the corpus checks need.
  const files = await listInputs(options.contentDir);
  const counts = { fresh: 0, changed: 0, added: 0, removed: 0 };
  const inputs: Record<string, string> = {};
  const entries: Entry[] = [];
  const errors: BuildError[] = [];
  const pool = parsePool(options.workers);
  await eachLimited(files, 16, async (path) => {
    const file = relative(process.cwd(), path) || path;
    const bytes = await readFile(path);
    const sha = createHash('sha256').update(bytes).digest('hex');
    inputs[file] = sha;
    const before = state.inputs[file];
    let outcome = await readCached(options.outDir, sha);
    if (outcome) counts[before === sha ? 'fresh' : before ? 'changed' : 'added']++;
    else {
      outcome = await pool.parse(file, bytes);
      await io.write(parsedPath(sha), JSON.stringify(outcome));
      counts[before ? 'changed' : 'added']++;
    }
    if ('error' in outcome) errors.push({ file, error: outcome.error });
    else entries.push(entryOf(applyAgencyInfo({ ...outcome.report, file }, overrides), sha));
  });
  await pool.close();
  counts.removed = Object.keys(state.inputs).filter((f) => !(f in inputs)).length;
  const parsed = performance.now();

  // Across the corpus: duplicates, then each agency's years (R8).
  const { kept, errors: duplicateErrors } = duplicates(entries);
  errors.push(...duplicateErrors);
  kept.sort((a, b) => byAgencyName.compare(a.agency, b.agency) || a.agencyId.localeCompare(b.agencyId) || a.year - b.year);
  const agencies = agenciesOf(kept);
  const r8 = new Map<string, CarryOver[]>();
  for (const b of agencies.flatMap((a) => a.carryOverBreaks)) r8.set(b.toReport, [...(r8.get(b.toReport) ?? []), b]);

  // Pass 2: every report with its corpus warnings, written where it changed.
  const summaries: Summary[] = [];
  const rows: unknown[][] = [];
  const notes: Note[] = [];
  const outputs: State['outputs'] = {};
  await eachLimited(kept, 8, async (entry) => {
    const cached = (await readCached(options.outDir, entry.sha)) as { report: Report };
    const report = applyAgencyInfo({ ...cached.report, file: entry.file }, overrides);
    for (const b of r8.get(report.id) ?? []) report.warnings.push({ code: 'R8', message: b.message, cells: [`applications.carriedOver.${b.column}`] });
    entry.summary = summarize(report);
    entry.row = flatten(report);
    entry.notes = notesOf(report);
    outputs[report.id] = await writeReport(io, report, state.outputs[report.id]);
  });
  for (const entry of kept) {
    summaries.push(entry.summary!);
    rows.push(entry.row!);
    notes.push(...entry.notes!);
  }
  for (const [id, { ext }] of Object.entries(state.outputs)) {
    if (outputs[id]) continue;
    await Promise.all([...['.json', '.csv', '.md'].map((e) => io.remove(`downloads/reports/${id}${e}`)), io.remove(`downloads/originals/${id}${ext}`)]);
  }

  const keys = COLUMNS.map((c) => c.key);
  await io.write('reports.json', JSON.stringify(summaries));
  await io.write('agencies.json', JSON.stringify(agencies));
  await io.write('downloads/reports.json', JSON.stringify({ columns: keys, rows }));
  await io.write('downloads/reports.csv', toCsv(keys, rows));
  await io.write(
    'downloads/checks.csv',
    toCsv(['report', 'agency', 'year', 'rule', 'scope', 'result', 'expected', 'actual', 'message'], notes.filter((n) => n.result !== 'warning' || /^R\d/.test(n.rule))),
  );
  await io.write('downloads/dictionary.json', JSON.stringify(COLUMNS, null, 1));
  await io.write('downloads/dictionary.csv', toCsv(['key', 'label', 'meaning', 'templates', 'unit'], COLUMNS));
  const info = buildInfo.parse({
    generatedAt: new Date().toISOString(),
    parserVersion: PARSER_VERSION,
    reports: kept.length,
    agencies: agencies.length,
    years: [...new Set(kept.map((e) => e.year))].sort(),
    errors: errors.sort((a, b) => a.file.localeCompare(b.file)),
  });
  await io.write('build.json', JSON.stringify(info, null, 1));
  await io.write(STATE, JSON.stringify({ parserVersion: PARSER_VERSION, inputs, outputs } satisfies State));
  const done = performance.now();
  return {
    info,
    summaries,
    notes,
    counts,
    seconds: { parse: (parsed - started) / 1000, write: (done - parsed) / 1000, total: (done - started) / 1000 },
  };
}

function entryOf(r: Report, sha: string): Entry {
  const row = (key: string) => APPLICANTS.map((c) => r.applications[key]?.[c.key as 'total'] ?? null);
  return {
    file: r.file,
    sha,
    id: r.id,
    agencyId: r.agencyId,
    agency: r.agency,
    year: r.year,
    level: r.level,
    region: r.region,
    parent: r.parent,
    sourceUrl: r.sourceUrl,
    carriedOver: row('carriedOver'),
    carriedForward: row('carriedForward'),
  };
}

/** Agencies with their reports by year and the R8 breaks between consecutive years. */
function agenciesOf(entries: Entry[]): Agency[] {
  const byAgency = new Map<string, Entry[]>();
  for (const e of entries) byAgency.set(e.agencyId, [...(byAgency.get(e.agencyId) ?? []), e]);
  return [...byAgency.values()].map((list) => {
    const latest = list.at(-1)!;
    return {
      id: latest.agencyId,
      name: latest.agency,
      level: latest.level,
      region: latest.region,
      parent: latest.parent,
      sourceUrl: latest.sourceUrl,
      reports: list.map((e) => e.id),
      years: list.map((e) => e.year),
      carryOverBreaks: carryOverBreaks(list),
    };
  });
}

function notesOf(r: Report): Note[] {
  const base = { report: r.id, file: r.file, agency: r.agency, year: r.year };
  return [
    ...r.checks
      .filter((c) => c.ok !== true)
      .map((c) => ({ ...base, rule: c.rule, scope: c.scope, result: c.ok === false ? ('fail' as const) : ('undecided' as const), expected: c.expected, actual: c.actual, message: c.message })),
    ...r.warnings.map((w) => ({ ...base, rule: w.code, scope: '', result: 'warning' as const, expected: null, actual: null, message: w.message })),
  ];
}

/** The report's downloads, rewritten only when the report changed; the original is linked, not copied. */
async function writeReport(io: Io, r: Report, previous: State['outputs'][string] | undefined): Promise<State['outputs'][string]> {
  const json = JSON.stringify(r);
  const ext = extname(r.file).toLowerCase() || '.txt';
  const written = { hash: createHash('sha256').update(json).digest('hex'), ext };
  if (previous?.hash === written.hash && previous.ext === ext) return written;
  const original = `downloads/originals/${r.id}${ext}`;
  await Promise.all([
    io.write(`downloads/reports/${r.id}.json`, json),
    io.write(`downloads/reports/${r.id}.csv`, reportCsv(r)),
    io.write(`downloads/reports/${r.id}.md`, reportMarkdown(r)),
    io.remove(original).then(() => link(r.file, join(io.root, original)).catch(async () => io.write(original, await readFile(r.file)))),
  ]);
  return written;
}

async function agencyOverrides(contentDir: string, io: Io): Promise<Map<string, AgencyInfo>> {
  const csv = await readFile(join(contentDir, AGENCIES_CSV), 'utf8').catch(() => null);
  if (csv === null) return new Map();
  const { byName, problems } = readAgencies(csv);
  for (const p of problems) io.log(`warning: ${p}`);
  return byName;
}

/** The previous build's state; after a parser change, a fresh one, and the old parses are dropped. */
async function loadState(outDir: string): Promise<State> {
  try {
    const s = JSON.parse(await readFile(join(outDir, STATE), 'utf8')) as State;
    if (s.parserVersion === PARSER_VERSION) return s;
  } catch {
    // No previous build.
  }
  const cache = join(outDir, '.cache');
  const old = (await readdir(cache).catch(() => [])).filter((d) => d.startsWith('parsed-v') && d !== `parsed-v${PARSER_VERSION}`);
  await Promise.all(old.map((d) => rm(join(cache, d), { recursive: true, force: true })));
  return { parserVersion: PARSER_VERSION, inputs: {}, outputs: {} };
}

async function readCached(outDir: string, sha: string): Promise<ParseOutcome | null> {
  try {
    return JSON.parse(await readFile(join(outDir, parsedPath(sha)), 'utf8')) as ParseOutcome;
  } catch {
    return null;
  }
}
