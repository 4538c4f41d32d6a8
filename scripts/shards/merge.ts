// The hub's generated folder, merged from its shards' generated folders: the same files, in the same
// order, as one data stage over the whole corpus writes (reports.json, agencies.json, build.json and the
// bulk downloads, notes.json, revisions.json), plus the list of the shards' search bundles, and from the
// merged rows the Parquet tables and datapackage.json (scripts/data/corpus-downloads.ts). Only summaries, findings and
// bulk files are read, never a report's own file, so the hub stays small.
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import Papa from 'papaparse';
import { buildInfo, type Agency, type BuildInfo } from '../../model/corpus.ts';
import { csvLine, csvWithLines, type CsvValue } from '../../model/csv.ts';
import type { Summary } from '../../model/summary.ts';
import type { Revision } from '../../model/revisions.ts';
import { inChecksCsv, type Note } from '../../model/notes.ts';
import { writeCorpusDownloads } from '../data/corpus-downloads.ts';
import { bundlesOf, SEARCH_BUNDLES_FILE, searchShards } from '../../src/search/search-shards.ts';
import { ROOT_SHARD } from './plan.ts';
import { corpusOrder } from '../data/stage.ts';

interface ShardData {
  name: string;
  summaries: Summary[];
  agencies: Agency[];
  notes: Note[];
  info: BuildInfo;
  bulk: { columns: string[]; rows: CsvValue[][] };
  checks: string[];
  revisions: Revision[];
}

const readJson = async (path: string): Promise<unknown> => JSON.parse(await readFile(path, 'utf8'));

async function readShard(name: string, generated: string): Promise<ShardData> {
  const missing = (cause: unknown) =>
    new Error(`Shard ${name} has not been built (${generated} is incomplete): run \`npm run build:shard -- --shard ${name}\` first.`, { cause });
  try {
    return {
      name,
      summaries: (await readJson(join(generated, 'reports.json'))) as Summary[],
      agencies: (await readJson(join(generated, 'agencies.json'))) as Agency[],
      notes: (await readJson(join(generated, 'notes.json'))) as Note[],
      info: buildInfo.parse(await readJson(join(generated, 'build.json'))),
      bulk: (await readJson(join(generated, 'downloads/reports.json'))) as ShardData['bulk'],
      checks: csvRecords(await readFile(join(generated, 'downloads/checks.csv'), 'utf8')),
      // A shard built before revisions were recorded has none.
      revisions: existsSync(join(generated, 'revisions.json')) ? ((await readJson(join(generated, 'revisions.json'))) as Revision[]) : [],
    };
  } catch (error) {
    throw missing(error);
  }
}

/**
 * A CSV file's records as written (header first), split at the line breaks outside quotes: records are
 * moved between files whole, never parsed and written again (which would apply the formula guard twice).
 */
export function csvRecords(text: string): string[] {
  const records: string[] = [];
  let [start, quoted] = [0, false];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '"') quoted = !quoted;
    else if (!quoted && text[i] === '\r' && text[i + 1] === '\n') {
      records.push(text.slice(start, i));
      start = i + 2;
      i++;
    }
  }
  if (start < text.length) records.push(text.slice(start));
  return records;
}

export interface MergeInput {
  name: string;
  generated: string;
}

/** Writes the hub's generated folder from the shards' and returns its build info. */
export async function mergeShards(shards: MergeInput[], out: string): Promise<BuildInfo> {
  const data = await Promise.all(shards.map((s) => readShard(s.name, s.generated)));

  // An agency's page, its R8 and its duplicates are a shard's business: it must not span two.
  const agencyShard = new Map<string, string>();
  for (const shard of data)
    for (const a of shard.agencies) {
      const other = agencyShard.get(a.id);
      if (other)
        throw new Error(
          `Agency ${a.name} (${a.id}) has reports in shards ${other} and ${shard.name}: keep all of an agency's reports in one folder of content/.`,
        );
      agencyShard.set(a.id, shard.name);
    }

  const summaries = data.flatMap((d) => d.summaries).sort(corpusOrder);
  const agencyById = new Map(data.flatMap((d) => d.agencies).map((a) => [a.id, a]));
  const agencies = [...new Set(summaries.map((s) => s.agencyId))].map((id) => agencyById.get(id)!);
  const columns = data[0]?.bulk.columns ?? [];
  for (const d of data)
    if (JSON.stringify(d.bulk.columns) !== JSON.stringify(columns))
      throw new Error(`Shard ${d.name} was built with other data columns than shard ${data[0]!.name}: rebuild it with this version.`);
  const idColumn = columns.indexOf('id');
  const rowOf = new Map(data.flatMap((d) => d.bulk.rows.map((r) => [r[idColumn] as string, r])));
  const rows = summaries.map((s) => rowOf.get(s.id)!);

  // checks.csv: each report's records, in report order.
  const [checksHeader] = data[0]?.checks ?? [];
  const checksOf = new Map<string, string[]>();
  for (const d of data)
    for (const record of d.checks.slice(1)) {
      const report = (Papa.parse<string[]>(record).data[0] ?? [])[0] ?? '';
      checksOf.set(report, [...(checksOf.get(report) ?? []), record]);
    }
  const checks = [checksHeader ?? '', ...summaries.flatMap((s) => checksOf.get(s.id) ?? [])];

  const infos = data.map((d) => d.info);
  const parserVersions = new Set(infos.map((i) => i.parserVersion));
  if (parserVersions.size > 1) throw new Error(`Shards were parsed by different parser versions (${[...parserVersions].join(', ')}): rebuild the older ones.`);
  const info = buildInfo.parse({
    generatedAt: new Date().toISOString(),
    parserVersion: infos[0]?.parserVersion ?? '',
    reports: summaries.length,
    agencies: agencies.length,
    years: [...new Set(infos.flatMap((i) => i.years))].sort(),
    errors: infos.flatMap((i) => i.errors).sort((a, b) => a.file.localeCompare(b.file)),
    warnings: commonWarnings(infos),
  });
  const shardOf = new Map(data.flatMap((d) => d.summaries.map((s) => [s.id, d.name === ROOT_SHARD ? undefined : d.name])));
  const bundles = bundlesOf(searchShards(summaries.map((s) => ({ id: s.id, year: s.year, region: s.region, shard: shardOf.get(s.id) }))));

  const notesOf = Map.groupBy(
    data.flatMap((d) => d.notes),
    (n) => n.report,
  );
  const notes = summaries.flatMap((s) => notesOf.get(s.id) ?? []);
  const revisionsOf = Map.groupBy(
    data.flatMap((d) => d.revisions),
    (r) => r.report,
  );
  const revisions = summaries.flatMap((s) => revisionsOf.get(s.id) ?? []);

  await mkdir(join(out, 'downloads'), { recursive: true });
  await Promise.all([
    writeFile(join(out, 'reports.json'), JSON.stringify(summaries)),
    writeFile(join(out, 'agencies.json'), JSON.stringify(agencies)),
    writeFile(join(out, 'notes.json'), JSON.stringify(notes)),
    writeFile(join(out, 'revisions.json'), JSON.stringify(revisions)),
    writeFile(join(out, 'build.json'), JSON.stringify(info, null, 1)),
    writeFile(join(out, SEARCH_BUNDLES_FILE), JSON.stringify(bundles)),
    writeFile(join(out, 'downloads/reports.json'), JSON.stringify({ columns, rows })),
    writeFile(join(out, 'downloads/reports.csv'), csvWithLines(columns, rows.map(csvLine))),
    writeFile(join(out, 'downloads/checks.csv'), checks.join('\r\n')),
    ...(shards[0] ? ['dictionary.json', 'dictionary.csv'].map((f) => copyFile(join(shards[0]!.generated, 'downloads', f), join(out, 'downloads', f))) : []),
  ]);
  await writeCorpusDownloads(join(out, 'downloads'), { rows, checks: notes.filter(inChecksCsv) });
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
