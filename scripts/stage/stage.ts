// The data stage: content/ → parsed reports → corpus checks → generated/ (the site's data and the
// downloads). Each input is remembered by the hash of its bytes (corpus-index.ts), so a rebuild
// parses only new or changed files, keeps memory flat (no report is held once written) and
// removes the outputs of deleted inputs. Whatever a file is or does (unreadable, a pipe, a link, a
// parse that hangs or runs out of memory), it ends as a page or in build.json's errors with a reason.
import { lstat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { buildInfo, type Agency, type BuildError, type BuildInfo, type BuildWarning, type CarryOver } from '../../model/corpus.ts';
import type { Report } from '../../model/report.ts';
import { cellPath } from '../../model/cell-paths.ts';
import type { Summary } from '../../model/summary.ts';
import { PARSER_VERSION } from '../parser/index.ts';
import { IDENTITY_VERSION } from './agency-identity.ts';
import { formerAgencyId, listedAgencies, readAgencies, unusedAliases } from './agencies-csv.ts';
import { isReport, readIndex, writeIndex, type Indexed, type IndexedReport } from './corpus-index.ts';
import { carryOverBreaks, duplicates, type Entry } from './corpus-checks.ts';
import type { CsvValue } from '../../model/csv.ts';
import { corpusFiles } from './corpus-files.ts';
import { writeParts } from '../page-data/parts.ts';
import { generatedFiles, IN_GENERATED } from '../../model/generated.ts';
import { writePageData } from '../page-data/page-data.ts';
import { writeCorpusDownloads } from './corpus-downloads.ts';
import { publishRevisions, recordVersions } from './revisions.ts';
import { fileIo, type Io } from './io.ts';
import { AGENCIES_CSV, InputProblem, listInputs, problemOf, readInput, type Inputs } from './inputs.ts';
import { inChecksCsv, type Note } from '../../model/notes.ts';
import { eachLimited, parsePool } from './pool.ts';
import type { Budget } from '../worker-pool.ts';
import { DOWNLOADS, indexedReport, sha } from './report-outputs.ts';

export interface StageOptions {
  contentDir: string;
  outDir: string;
  log?: (message: string) => void;
  /** Worker threads for parsing (default: one per core). */
  workers?: number;
  /** Time and memory each file may take (default pool.ts BUDGET). */
  budget?: Budget;
  /** The inputs, when they are only some of contentDir's (one shard's, scripts/shards/); contentDir still holds agencies.csv. */
  inputs?: Inputs;
  /** Where the stage remembers each report's versions across builds (default `<outDir>.revisions`: scripts/stage/revisions.ts). */
  revisionsDir?: string;
  /** The parse pool's worker module (default scripts/stage/parse-worker.ts): tests inject a parser that fails. */
  parseWorker?: URL;
  /** The stage's file access in outDir (default fileIo(outDir, log)): a test counts what it writes. */
  io?: Io;
  /** Whether to write the downloads made from the bulk files (Parquet, datapackage.json, Chinese headers): a shard's are the hub's business. Default true. */
  corpusDownloads?: boolean;
}

export interface StageResult {
  info: BuildInfo;
  summaries: Summary[];
  notes: Note[];
  counts: { fresh: number; changed: number; added: number; removed: number };
  /** Seconds spent reading and parsing inputs, and on the corpus and its files (of which `downloads`: Parquet, datapackage.json, Chinese-header CSVs). */
  seconds: { parse: number; write: number; downloads: number; total: number };
}

const byAgencyName = new Intl.Collator('zh');
/** The order of reports.json and the bulk downloads: by agency name, agency, year (the sharded hub merges in it too). */
export const corpusOrder = (a: { agency: string; agencyId: string; year: number }, b: { agency: string; agencyId: string; year: number }) =>
  byAgencyName.compare(a.agency, b.agency) || a.agencyId.localeCompare(b.agencyId) || a.year - b.year;

export async function runDataStage(options: StageOptions): Promise<StageResult> {
  const started = performance.now();
  const io = options.io ?? fileIo(options.outDir, options.log);
  const name = (path: string) => relative(process.cwd(), path) || path;
  const { files, problems: listed } = options.inputs ?? (await listInputs(options.contentDir));
  // Files that did not become a report for a reason other than their bytes (unreadable, over budget, a
  // bug): listed, and tried again by the next build rather than remembered in the index.
  const problems: BuildError[] = listed.map((p) => ({ ...p, file: name(p.file) }));
  const agenciesCsv = await readAgenciesCsv(options.contentDir, problems, name);
  const agencyRows = readAgencies(agenciesCsv);
  // Index lines hold identities, level and region as agencies.csv set them: a new agencies.csv redoes them all.
  const indexName = `index-${PARSER_VERSION}-${sha(agenciesCsv + IDENTITY_VERSION).slice(0, 8)}.jsonl`;
  const indexPath = `${IN_GENERATED.cache}/${indexName}`;
  await dropOtherIndexes(io, indexName);
  const previous = new Map((await readIndex(io, indexPath)).map((l) => [l.file, l]));
  await io.remove(IN_GENERATED.pending);

  // Pass 1: parse what is new or changed, each file in the pool within its budget; its downloads wait
  // in PENDING until the duplicates are known (they are named by report id, which two files can share).
  const counts = { fresh: 0, changed: 0, added: 0, removed: 0 };
  const lines = new Map<string, Indexed>();
  const pending = new Map<string, Pending>();
  const pool = parsePool({ threads: options.workers, budget: options.budget, agenciesCsv, worker: options.parseWorker });
  try {
    await eachLimited(files, 16, async (path) => {
      const file = name(path);
      const before = previous.get(file);
      const usable = before && (!isReport(before) || before.out);
      let input: Awaited<ReturnType<typeof readInput>>;
      try {
        // Unchanged size and modification time: the bytes hashed last time (a checkout resets the time,
        // and then the file is read and hashed again, not parsed again).
        const stats = await lstat(path);
        if (!stats.isFile()) throw new InputProblem('is no longer a plain file (it was replaced while the build was reading it); nianbao did not read it');
        const { size, mtimeMs } = stats;
        if (usable && before.size === size && before.mtimeMs === mtimeMs) {
          lines.set(file, before);
          counts.fresh++;
          return;
        }
        input = await readInput(path);
      } catch (error) {
        problems.push({ file, error: problemOf(error) });
        return;
      }
      const hash = sha(input.bytes);
      const stamp = { file, sha: hash, size: input.size, mtimeMs: input.mtimeMs };
      if (usable && before.sha === hash) {
        lines.set(file, { ...before, ...stamp });
        counts.fresh++;
        return;
      }
      counts[before ? 'changed' : 'added']++;
      // The original is set aside first: its bytes then move to the parser's worker.
      const prefix = pendingPrefix(file);
      await io.put(`${prefix}.original`, input.bytes);
      const parsed = await pool.parse(file, input.bytes, join(io.root, prefix));
      if ('failure' in parsed) {
        if (parsed.stop) throw new Error(`${file}: ${parsed.failure}`);
        if (parsed.stack) io.log(`${file}: ${parsed.stack}`);
        problems.push({ file, error: parsed.failure, ...(parsed.internal && { internal: true }) });
        return;
      }
      if ('error' in parsed) return void lines.set(file, { ...stamp, error: parsed.error });
      if (!('stored' in parsed)) throw new Error(`${file}: the parse pool answered without storing the report`);
      const { out, ...kept } = parsed.stored;
      pending.set(file, { prefix, ...out });
      lines.set(file, { ...stamp, ...kept, r8: [] });
    });
  } finally {
    await pool.close();
  }
  const parsed = performance.now();

  // Across the corpus: duplicates, then each agency's years (R8).
  const all = [...lines.values()];
  const errors: BuildError[] = [...problems, ...all.flatMap((l) => (isReport(l) ? [] : [{ file: l.file, error: l.error }]))];
  const live = new Map([...previous.values()].flatMap((l) => (isReport(l) && l.out ? [[l.entry.id, l] as const] : [])));
  const { kept, errors: duplicateErrors } = duplicates(all.filter(isReport), (l) => live.get(l.entry.id)?.file === l.file);
  errors.push(...duplicateErrors);
  kept.sort((a, b) => corpusOrder(a.entry, b.entry));
  const agencies = agenciesOf(
    kept.map((l) => l.entry),
    (e) => formerAgencyId(e.agency, agencyRows.byName),
  );
  const r8 = Map.groupBy(
    agencies.flatMap((a) => a.carryOverBreaks),
    (b) => b.toReport,
  );
  // Before this build's files replace a changed report's: its earlier version is archived first.
  const revisionsAt = options.revisionsDir ?? generatedFiles(options.outDir).revisionsState;
  await recordVersions(
    revisionsAt,
    io,
    () => parsePool({ threads: 1, budget: options.budget, agenciesCsv }),
    kept.flatMap((l) => {
      const waiting = pending.get(l.file);
      const ext = waiting?.ext ?? l.out?.ext;
      if (ext === undefined) return [];
      const json = waiting ? `${waiting.prefix}.json` : IN_GENERATED.report(l.entry.id);
      return [{ id: l.entry.id, file: l.file, sha256: l.sha, ext, json: join(io.root, json) }];
    }),
  );
  // R8 is the corpus's: a report gets its breaks before its files are published, and one already published
  // is rewritten only when its breaks changed (a neighbouring year arrived or changed).
  await eachLimited(kept, 8, async (l) => {
    const waiting = pending.get(l.file);
    const hash = await updateR8(io, l, waiting ? `${waiting.prefix}.json` : IN_GENERATED.report(l.entry.id), r8.get(l.entry.id) ?? []);
    if (hash) Object.assign(waiting ?? l.out ?? {}, { hash });
  });
  for (const l of kept) {
    const waiting = pending.get(l.file);
    if (waiting) await publish(io, l, waiting, live.get(l.entry.id));
  }
  await io.remove(IN_GENERATED.pending);
  counts.removed = [...previous.keys()].filter((f) => !lines.has(f)).length;

  // Outputs of reports that are gone (deleted, renamed agency, unreadable now).
  const keptIds = new Set(kept.map((l) => l.entry.id));
  for (const old of previous.values()) if (isReport(old) && old.out && !keptIds.has(old.entry.id)) await removeOutputs(io, old);
  await removeStrays(io, keptIds);
  const keptFiles = new Set(kept.map((l) => l.file));
  for (const line of lines.values()) if (isReport(line) && !keptFiles.has(line.file)) delete line.out;

  const summaries = kept.map((l) => l.summary);
  const notes = kept.flatMap((l) => l.notes);
  const revisions = publishRevisions(
    revisionsAt,
    io,
    kept.map((l) => l.entry.id),
  );
  const out = corpusFiles(io);
  for (const l of kept) out.report(l);
  for (const a of agencies) out.agency(a);
  for (const v of revisions) out.revision(v);
  await out.close();
  const checks = notes.filter(inChecksCsv);
  // What the pages spanning the corpus read (scripts/page-data/), and coverage.csv.
  const generated = generatedFiles(options.outDir);
  writeParts(generated.parts, { summaries, agencies, notes, revisions, listed: listedAgencies(agencyRows) });
  await writePageData([generated.parts], options.outDir);
  const downloadsStarted = performance.now();
  if (options.corpusDownloads !== false) await writeCorpusDownloads(generated.downloads, { rows: kept.map((l) => l.row as CsvValue[]), checks });
  const downloads = (performance.now() - downloadsStarted) / 1000;
  const info = buildInfo.parse({
    generatedAt: new Date().toISOString(),
    parserVersion: PARSER_VERSION,
    reports: kept.length,
    agencies: agencies.length,
    years: [...new Set(kept.map((l) => l.entry.year))].sort(),
    errors: errors.sort((a, b) => a.file.localeCompare(b.file)),
    warnings: agencyWarnings(
      name(join(options.contentDir, AGENCIES_CSV)),
      [
        ...agencyRows.problems,
        ...unusedAliases(
          agencyRows,
          all.flatMap((l) => (isReport(l) ? [l.entry.agency] : [])),
        ),
      ],
      io,
    ),
  });
  await io.write(IN_GENERATED.build, JSON.stringify(info, null, 1));
  writeIndex(
    io,
    indexPath,
    all.sort((a, b) => a.file.localeCompare(b.file)),
  );
  const done = performance.now();
  return {
    info,
    summaries,
    notes,
    counts,
    seconds: { parse: (parsed - started) / 1000, write: (done - parsed) / 1000, downloads, total: (done - started) / 1000 },
  };
}

/**
 * Gives the report at `path` the R8 warnings of this corpus, rewriting it only if they changed (most reports
 * have none, and then their files are written once, by the parse worker); returns the new file's hash.
 */
async function updateR8(io: Io, line: IndexedReport, path: string, breaks: CarryOver[]): Promise<string | undefined> {
  const messages = breaks.map((b) => b.message);
  if (JSON.stringify(messages) === JSON.stringify(line.r8)) return;
  const report = JSON.parse((await io.read(path)).toString('utf8')) as Report;
  report.warnings = [
    ...report.warnings.filter((w) => w.code !== 'R8'),
    ...breaks.map((b) => ({ code: 'R8' as const, message: b.message, cells: [cellPath('applications', 'carriedOver', b.column)] })),
  ];
  const json = JSON.stringify(report);
  await io.write(path, json);
  Object.assign(line, indexedReport(report), { r8: messages });
  return sha(json);
}

/**
 * Agencies with their reports by year, the R8 breaks between consecutive years, and the ids their names had
 * under the identity rules before these (`former`), whose addresses redirect to the current ones.
 */
function agenciesOf(entries: Entry[], former: (e: Entry) => string): Agency[] {
  const byAgency = new Map<string, Entry[]>();
  for (const e of entries) byAgency.set(e.agencyId, [...(byAgency.get(e.agencyId) ?? []), e]);
  return [...byAgency.values()].map((unsorted) => {
    // The corpus is ordered by name first: an agency that printed two names has its years apart.
    const list = unsorted.sort((a, b) => a.year - b.year);
    const latest = list.at(-1)!;
    return {
      id: latest.agencyId,
      name: latest.agency,
      names: [...new Set(list.map((e) => e.agency).reverse())],
      level: latest.level,
      region: latest.region,
      parent: latest.parent,
      sourceUrl: latest.sourceUrl,
      reports: list.map((e) => e.id),
      years: list.map((e) => e.year),
      carryOverBreaks: carryOverBreaks(list),
      formerIds: [...new Set(list.map(former).filter((id) => id !== latest.agencyId))],
      formerReports: Object.fromEntries(list.map((e) => [`${former(e)}-${e.year}`, e.id]).filter(([from, to]) => from !== to)),
    };
  });
}

interface Pending {
  /** Its files' common path: `<prefix>.json`, `.csv`, `.md`, `.original`. */
  prefix: string;
  hash: string;
  ext: string;
}

/**
 * Where a file's downloads wait: one flat folder and no temporary names, since nothing reads these files
 * until publish() moves them. The original (`<prefix>.original`) is a copy of the bytes that were parsed,
 * never a link into content/: editing a file there must not change what is served, nor its published sha256.
 */
const pendingPrefix = (file: string) => `${IN_GENERATED.pending}/${sha(file).slice(0, 16)}`;

/** Moves a kept report's downloads into place (over those of the file it replaces, if any). */
async function publish(io: Io, line: IndexedReport, { prefix, hash, ext }: Pending, replaced: IndexedReport | undefined): Promise<void> {
  const id = line.entry.id;
  if (replaced?.out && replaced.out.ext !== ext) await io.remove(IN_GENERATED.original(id, replaced.out.ext));
  await Promise.all([
    ...DOWNLOADS.map((e) => io.move(`${prefix}${e}`, IN_GENERATED.report(id, e))),
    io.move(`${prefix}.original`, IN_GENERATED.original(id, ext)),
  ]);
  line.out = { hash, ext };
}

async function removeOutputs(io: Io, line: IndexedReport): Promise<void> {
  if (!line.out) return;
  const id = line.entry.id;
  await Promise.all([...DOWNLOADS.map((e) => io.remove(IN_GENERATED.report(id, e))), io.remove(IN_GENERATED.original(id, line.out.ext))]);
  delete line.out;
}

/**
 * Downloads of report ids this build does not have, which the index could not name: a new agencies.csv or
 * parser version starts a new index, and a report whose id it changed left `<old id>.*` behind. A file is
 * a report's when its name is the report's id followed by `.` or `-` (`<id>.json`, `<id>.html.txt`, and
 * any other file named after a kept report stays); folders in them (earlier versions kept by another step)
 * are not this sweep's. The site is assembled afresh from these folders, so the swap that publishes the
 * build removes them from the site too.
 */
async function removeStrays(io: Io, keptIds: Set<string>): Promise<void> {
  const owned = (name: string) => {
    const base = name.split('.')[0]!;
    for (let end = base.indexOf('-'); end >= 0; end = base.indexOf('-', end + 1)) if (keptIds.has(base.slice(0, end))) return true;
    return keptIds.has(base);
  };
  let removed = 0;
  for (const folder of [IN_GENERATED.reports, IN_GENERATED.originals]) {
    for (const n of (await io.list(folder)).filter((e) => e.file && !owned(e.name)).map((e) => e.name)) {
      await io.remove(`${folder}/${n}`);
      removed++;
    }
  }
  if (removed) io.log(`removed ${removed} download(s) of reports this build no longer has`);
}

/** content/agencies.csv, if there is one; one that cannot be read is listed and ignored. */
async function readAgenciesCsv(contentDir: string, problems: BuildError[], name: (p: string) => string): Promise<string> {
  const path = join(contentDir, AGENCIES_CSV);
  try {
    return (await readInput(path)).bytes.toString('utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') problems.push({ file: name(path), error: problemOf(error) });
    return '';
  }
}

/** What in agencies.csv cannot be used, by line, also said in the build log (the parse workers apply the rest). */
function agencyWarnings(file: string, problems: { line: number; message: string }[], io: Io): BuildWarning[] {
  const warnings = problems.sort((a, b) => a.line - b.line).map((p) => ({ file, line: p.line, warning: p.message }));
  for (const w of warnings) io.log(`warning: ${w.file} line ${w.line}: ${w.warning}`);
  return warnings;
}

/** Indexes of another parser version or agencies.csv, and caches of earlier layouts, are stale. */
async function dropOtherIndexes(io: Io, current: string): Promise<void> {
  const stale = (await io.list(IN_GENERATED.cache)).filter(
    ({ name }) => name !== current && (name.startsWith('index-') || name.startsWith('parsed-v') || name === 'state.json'),
  );
  await Promise.all(stale.map(({ name }) => io.remove(`${IN_GENERATED.cache}/${name}`)));
}
