// The data stage: content/ → parsed reports (cached per file by content hash and parser version)
// → corpus checks → generated/ (the site's data and the downloads). A rebuild parses only new or
// changed files and removes the outputs of deleted ones.
import { createHash } from 'node:crypto';
import { readdir, readFile, rm } from 'node:fs/promises';
import { extname, join, relative } from 'node:path';
import { buildInfo, type Agency, type BuildError, type BuildInfo } from '../../src/model/corpus.ts';
import type { Report } from '../../src/model/report.ts';
import { summarize } from '../../src/model/summary.ts';
import { PARSER_VERSION, type ParseOutcome } from '../parser/index.ts';
import { applyAgencyInfo, readAgencies, type AgencyInfo } from './agencies-csv.ts';
import { COLUMNS, flatten } from './columns.ts';
import { carryOverBreaks, duplicates } from './corpus-checks.ts';
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

export interface StageResult {
  info: BuildInfo;
  reports: Report[];
  counts: { fresh: number; changed: number; added: number; removed: number };
  ms: number;
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

export async function runDataStage(options: StageOptions): Promise<StageResult> {
  const started = performance.now();
  const io = fileIo(options.outDir, options.log);
  const state = await loadState(options.outDir);
  const files = await listInputs(options.contentDir);
  const counts = { fresh: 0, changed: 0, added: 0, removed: 0 };
  const outcomes = new Map<string, ParseOutcome>();
  const inputs: Record<string, string> = {};
  const pool = parsePool(options.workers);

  await eachLimited(files, 16, async (path) => {
    const file = relative(process.cwd(), path) || path;
    const bytes = await readFile(path);
    const sha = createHash('sha256').update(bytes).digest('hex');
    inputs[file] = sha;
    const cached = await readCached(options.outDir, sha);
    if (cached) {
      outcomes.set(file, withFile(cached, file));
      counts.fresh += state.inputs[file] === sha ? 1 : 0;
      counts.changed += state.inputs[file] && state.inputs[file] !== sha ? 1 : 0;
      counts.added += state.inputs[file] ? 0 : 1;
      return;
    }
    const outcome = await pool.parse(file, bytes);
    outcomes.set(file, outcome);
    await io.write(parsedPath(sha), JSON.stringify(outcome));
    if (state.inputs[file]) counts.changed++;
    else counts.added++;
  });
  await pool.close();
  counts.removed = Object.keys(state.inputs).filter((f) => !(f in inputs)).length;

  // Corpus: agencies.csv overrides, duplicates, R8.
  const errors: BuildError[] = [];
  let overrides = new Map<string, AgencyInfo>();
  const csv = await readFile(join(options.contentDir, AGENCIES_CSV), 'utf8').catch(() => null);
  if (csv !== null) {
    const { byName, problems } = readAgencies(csv);
    overrides = byName;
    for (const p of problems) io.log(`warning: ${p}`);
  }
  const parsed: Report[] = [];
  for (const file of files.map((p) => relative(process.cwd(), p) || p).sort()) {
    const o = outcomes.get(file)!;
    if ('error' in o) errors.push({ file, error: o.error });
    else parsed.push(applyAgencyInfo(o.report, overrides));
  }
  const { kept, errors: dupErrors } = duplicates(parsed);
  errors.push(...dupErrors);
  const reports = kept.sort((a, b) => a.agency.localeCompare(b.agency, 'zh') || a.year - b.year);
  const agencies = buildAgencies(reports);

  const outputs = await writeOutputs(io, reports, agencies, state.outputs);
  const years = [...new Set(reports.map((r) => r.year))].sort();
  const info = buildInfo.parse({
    generatedAt: new Date().toISOString(),
    parserVersion: PARSER_VERSION,
    reports: reports.length,
    agencies: agencies.length,
    years,
    errors: errors.sort((a, b) => a.file.localeCompare(b.file)),
  });
  await io.write('build.json', JSON.stringify(info, null, 1));
  await io.write(STATE, JSON.stringify({ parserVersion: PARSER_VERSION, inputs, outputs } satisfies State));
  return { info, reports, counts, ms: performance.now() - started };
}

/** One agency's reports with R8 between consecutive years, R8 also added to the later report. */
function buildAgencies(reports: Report[]): Agency[] {
  const byAgency = new Map<string, Report[]>();
  for (const r of reports) byAgency.set(r.agencyId, [...(byAgency.get(r.agencyId) ?? []), r]);
  return [...byAgency.values()].map((list) => {
    list.sort((a, b) => a.year - b.year);
    const breaks = carryOverBreaks(list);
    for (const b of breaks) {
      const r = list.find((x) => x.id === b.toReport)!;
      r.warnings.push({ code: 'R8', message: b.message, cells: [`applications.carriedOver.${b.column}`] });
    }
    const latest = list.at(-1)!;
    return {
      id: latest.agencyId,
      name: latest.agency,
      level: latest.level,
      region: latest.region,
      parent: latest.parent,
      sourceUrl: latest.sourceUrl,
      reports: list.map((r) => r.id),
      years: list.map((r) => r.year),
      carryOverBreaks: breaks,
    };
  });
}

async function writeOutputs(io: Io, reports: Report[], agencies: Agency[], previous: State['outputs']): Promise<State['outputs']> {
  const outputs: State['outputs'] = {};
  await eachLimited(reports, 8, async (r) => {
    const json = JSON.stringify(r);
    const hash = createHash('sha256').update(json).digest('hex');
    const ext = extname(r.file).toLowerCase() || '.txt';
    outputs[r.id] = { hash, ext };
    if (previous[r.id]?.hash === hash && previous[r.id]?.ext === ext) return;
    await Promise.all([
      io.write(`downloads/reports/${r.id}.json`, json),
      io.write(`downloads/reports/${r.id}.csv`, reportCsv(r)),
      io.write(`downloads/reports/${r.id}.md`, reportMarkdown(r)),
      readFile(r.file).then((bytes) => io.write(`downloads/originals/${r.id}${ext}`, bytes)),
    ]);
  });
  for (const [id, { ext }] of Object.entries(previous)) {
    if (outputs[id]) continue;
    await Promise.all(['.json', '.csv', '.md'].map((e) => io.remove(`downloads/reports/${id}${e}`)).concat(io.remove(`downloads/originals/${id}${ext}`)));
  }

  const summaries = reports.map(summarize);
  await io.write('reports.json', JSON.stringify(summaries));
  await io.write('agencies.json', JSON.stringify(agencies));
  const rows = reports.map(flatten);
  await io.write('downloads/reports.json', JSON.stringify(rows));
  await io.write('downloads/reports.csv', toCsv(COLUMNS.map((c) => c.key), rows));
  const issues = reports.flatMap((r) => [
    ...r.checks.filter((c) => c.ok !== true).map((c) => ({ report: r.id, agency: r.agency, year: r.year, rule: c.rule, scope: c.scope, result: c.ok === false ? 'fail' : 'undecided', expected: c.expected, actual: c.actual, message: c.message })),
    ...r.warnings.filter((w) => w.code === 'R8' || w.code === 'R13').map((w) => ({ report: r.id, agency: r.agency, year: r.year, rule: w.code, scope: '', result: 'warning', expected: null, actual: null, message: w.message })),
  ]);
  await io.write('downloads/checks.csv', toCsv(['report', 'agency', 'year', 'rule', 'scope', 'result', 'expected', 'actual', 'message'], issues));
  await io.write('downloads/dictionary.json', JSON.stringify(COLUMNS, null, 1));
  await io.write('downloads/dictionary.csv', toCsv(['key', 'label', 'meaning', 'templates', 'unit'], COLUMNS as unknown as Record<string, unknown>[]));
  return outputs;
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

const withFile = (o: ParseOutcome, file: string): ParseOutcome => ('report' in o ? { report: { ...o.report, file } } : o);
