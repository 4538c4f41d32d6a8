// The hub's generated folder, merged from its shards' generated folders: the same files, in the same
// order, as one data stage over the whole corpus writes (reports.json, agencies.json, notes.json,
// revisions.json, build.json and the bulk downloads), the page data (scripts/page-data/) and coverage.csv,
// the list of the shards' search bundles, and from the merged rows the Parquet tables and datapackage.json
// (scripts/stage/corpus-downloads.ts). Streamed: each shard's files are in corpus order, so a k-way merge
// (scripts/stage/merge-sorted.ts) reads each one report at a time, and writes each output as it goes. Only
// summaries, findings and bulk rows are read, never a report's own file.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildInfo, type Agency, type BuildInfo } from '../../model/corpus.ts';
import type { CsvValue } from '../../model/csv.ts';
import type { Summary } from '../../model/summary.ts';
import type { Revision } from '../../model/revisions.ts';
import { inChecksCsv, type Note } from '../../model/notes.ts';
import { bulkColumns, openBulk } from '../stage/bulk-files.ts';
import { corpusFiles } from '../stage/corpus-files.ts';
import { writeCorpusDownloads } from '../stage/corpus-downloads.ts';
import { fileIo } from '../stage/io.ts';
import { readArray } from '../stage/json-array.ts';
import { mergeSorted } from '../stage/merge-sorted.ts';
import { corpusOrder } from '../stage/stage.ts';
import { writePageData } from '../page-data/page-data.ts';
import { portalYears } from '../../model/coverage.ts';
import { partFiles } from '../page-data/parts.ts';
import { byCode } from '../page-data/orders.ts';
import { bundleList, type BundleSize } from '../../model/search-bundles.ts';
import { generatedFiles } from '../../model/generated.ts';
import { ROOT_SHARD } from './plan.ts';
import { readGenerated } from '../../model/generated-file.ts';

export interface MergeInput {
  name: string;
  generated: string;
}

/** One report of a shard with everything its files hold about it, read in step from each file. */
interface ShardReport {
  summary: Summary;
  row: CsvValue[];
  notes: Note[];
  revisions: Revision[];
  /** Its agency, with the agency's first report in the shard's order (agencies.json's order). */
  agency?: Agency;
}

/** An iterator that can look at its next element. */
async function peekable<T>(items: AsyncIterator<T>) {
  let next = await items.next();
  return {
    peek: () => (next.done ? undefined : next.value),
    async take() {
      const value = next.value as T;
      next = await items.next();
      return value;
    },
  };
}

/** A shard's reports in its own (corpus) order, each with its row, findings, revisions and agency. */
async function* shardReports({ name, generated }: MergeInput, columns: string[]): AsyncGenerator<ShardReport> {
  const file = generatedFiles(generated);
  const bulk = await openBulk(file.bulkJson);
  if (JSON.stringify(bulk.columns) !== JSON.stringify(columns))
    throw new Error(`Shard ${name} was built with other data columns than the others: rebuild it with this version.`);
  const idColumn = columns.indexOf('id');
  const notes = await peekable(readArray<Note>(file.notes));
  // A shard built before revisions were recorded has none.
  const revisions = await peekable(existsSync(file.revisions) ? readArray<Revision>(file.revisions) : (async function* () {})());
  const agencies = await peekable(readArray<Agency>(file.agencies));
  const outOfStep = (what: string, id: string) =>
    new Error(`Shard ${name}: ${what} is not in the order of its reports.json (at ${id}): rebuild it with \`npm run build:shard -- --shard ${name}\`.`);
  for await (const summary of readArray<Summary>(file.summaries)) {
    const row = (await bulk.rows.next()).value as CsvValue[] | undefined;
    if (row?.[idColumn] !== summary.id) throw outOfStep('downloads/reports.json', summary.id);
    const report: ShardReport = { summary, row, notes: [], revisions: [] };
    while (notes.peek()?.report === summary.id) report.notes.push(await notes.take());
    while (revisions.peek()?.report === summary.id) report.revisions.push(await revisions.take());
    if (agencies.peek()?.id === summary.agencyId) report.agency = await agencies.take();
    yield report;
  }
  for (const [what, rest] of [
    ['notes.json', notes.peek()],
    ['revisions.json', revisions.peek()],
    ['agencies.json', agencies.peek()],
  ] as const)
    if (rest) throw outOfStep(what, JSON.stringify(rest).slice(0, 60));
}

/** An agency's page, its R8 and its duplicates are a shard's business: no agency may have reports in two. */
async function checkAgenciesApart(shards: MergeInput[]): Promise<void> {
  const idsOf = async function* (s: MergeInput) {
    for await (const id of readArray<string>(join(generatedFiles(s.generated).parts, partFiles.ids))) yield { id, shard: s.name };
  };
  const ids = shards.map((s) => ({ name: `Shard ${s.name}'s agency ids`, items: idsOf(s) }));
  let last: { id: string; shard: string } | undefined;
  for await (const x of mergeSorted(ids, (a, b) => byCode(a.id, b.id))) {
    if (last?.id === x.id)
      throw new Error(`Agency ${x.id} has reports in shards ${last.shard} and ${x.shard}: keep all of an agency's reports in one folder of content/.`);
    last = x;
  }
}

/**
 * A shard renders its agencies' pages knowing only its own years: where a shard holds fewer years than the
 * portal, its agency pages would not count the others as expected (model/coverage.ts), unless every build
 * is given the portal's years.
 */
function warnOfYears(shards: MergeInput[], infos: BuildInfo[]): void {
  const all = portalYears(infos.flatMap((i) => i.years));
  const short = shards.filter((_, i) => all.some((y) => !portalYears(infos[i]!.years).includes(y)));
  if (short.length > 0)
    console.error(
      `warning: shard(s) ${short.map((s) => s.name).join(', ')} hold no report of some of the portal's years (${all.join(', ')}): their agency pages do not count those years as expected. Give every shard and the hub the portal's years: --years ${Math.min(...all)}-${Math.max(...all)}.`,
    );
}

/** Writes the hub's generated folder from the shards' and returns its build info. */
export async function mergeShards(shards: MergeInput[], out: string): Promise<BuildInfo> {
  const infos = shards.map((s) => {
    try {
      return readGenerated(generatedFiles(s.generated).build, buildInfo);
    } catch (cause) {
      throw new Error(`Shard ${s.name} has not been built (${s.generated} is incomplete): run \`npm run build:shard -- --shard ${s.name}\` first.`, { cause });
    }
  });
  warnOfYears(shards, infos);
  const parserVersions = new Set(infos.map((i) => i.parserVersion));
  if (parserVersions.size > 1) throw new Error(`Shards were parsed by different parser versions (${[...parserVersions].join(', ')}): rebuild the older ones.`);
  await checkAgenciesApart(shards);

  const files = generatedFiles(out);
  const columns = shards[0] ? await bulkColumns(generatedFiles(shards[0].generated).bulkJson) : [];
  const corpus = corpusFiles(fileIo(out), columns);
  const merged = mergeSorted(
    shards.map((s) => ({ name: `Shard ${s.name}'s reports.json`, items: shardReports(s, columns) })),
    (a, b) => corpusOrder(a.summary, b.summary),
  );
  for await (const r of merged) {
    corpus.report(r);
    if (r.agency) corpus.agency(r.agency);
    for (const v of r.revisions) corpus.revision(v);
  }
  const written = await corpus.close();

  const info = buildInfo.parse({
    generatedAt: new Date().toISOString(),
    parserVersion: infos[0]?.parserVersion ?? '',
    reports: written.reports,
    agencies: written.agencies,
    years: written.years,
    errors: infos.flatMap((i) => i.errors).sort((a, b) => a.file.localeCompare(b.file)),
    warnings: commonWarnings(infos),
  });
  writeFileSync(files.build, JSON.stringify(info, null, 1));

  // The search bundles: each shard's, newest year first, then by shard (model/search-bundles.ts).
  const indexes = shards.flatMap((s) => {
    const shard = s.name === ROOT_SHARD ? '' : s.name;
    const sizes = generatedFiles(s.generated).shardBundles;
    const own = existsSync(sizes) ? readGenerated<BundleSize[]>(sizes) : [];
    return own.map((x) => ({ ...x, shard }));
  });
  indexes.sort((a, b) => b.year - a.year || byCode(a.shard, b.shard));
  writeFileSync(generatedFiles(out).searchBundles, JSON.stringify(bundleList(indexes)));

  await writePageData(
    shards.map((s) => generatedFiles(s.generated).parts),
    out,
  );
  await writeCorpusDownloads(files.downloads, {
    rows: (async function* () {
      yield* (await openBulk(files.bulkJson)).rows;
    })(),
    checks: (async function* () {
      for await (const n of readArray<Note>(files.notes)) if (inChecksCsv(n)) yield n;
    })(),
  });
  return info;
}

/**
 * Every shard reads the same agencies.csv, so its rows' problems come once from each; an alias that merges
 * nothing is said by each shard whose reports lack the name, and is true of the corpus only if all say it.
 */
function commonWarnings(infos: BuildInfo[]): BuildInfo['warnings'] {
  const key = (w: BuildInfo['warnings'][number]) => JSON.stringify([w.file, w.line, w.warning]);
  const count = new Map<string, number>();
  for (const i of infos) for (const w of new Set(i.warnings.map(key))) count.set(w, (count.get(w) ?? 0) + 1);
  return (infos[0]?.warnings ?? []).filter((w) => count.get(key(w)) === infos.length);
}
