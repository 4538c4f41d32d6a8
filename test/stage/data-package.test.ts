// datapackage.json describes the downloads as they are: every resource's files exist, every CSV's header is
// its schema's field names (the Chinese-header copies too), and the Parquet tables hold the same reports
// and keep the three states of a cell apart. The corpus is the typed truth reports (test/e2e/fixtures/truth):
// 白杨镇 2021 prints no 二、上年结转 row (7 cells nianbao cannot tell) and 行政强制 22; 洪泽区 2023 leaves
// its 复议后起诉 block blank; 青石县 2021 fails two checks.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { parquetMetadata, parquetReadObjects } from 'hyparquet';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runDataStage } from '../../scripts/stage/stage.ts';
import { truthCorpus } from '../e2e/fixtures/truth-corpus.ts';

let content: string;
let generated: string;
let downloads: string;
interface Resource {
  name: string;
  path: string | string[];
  format: string;
  encoding?: string;
  schema?: { fields: { name: string; title: string; type: string; constraints?: { required?: boolean } }[]; missingValues?: string[] };
}
let pkg: { name: string; licenses: unknown[]; resources: Resource[] };

beforeAll(async () => {
  content = truthCorpus();
  rmSync(join(content, 'script-report.html')); // an HTML report: not needed here
  generated = mkdtempSync(join(tmpdir(), 'nianbao-datapackage-'));
  await runDataStage({ contentDir: content, outDir: generated, workers: 1, log: () => {} });
  downloads = join(generated, 'downloads');
  pkg = JSON.parse(readFileSync(join(downloads, 'datapackage.json'), 'utf8'));
}, 60_000);
afterAll(() => {
  rmSync(content, { recursive: true, force: true });
  for (const dir of [generated, `${generated}.revisions`]) rmSync(dir, { recursive: true, force: true });
});

const paths = (r: Resource) => (Array.isArray(r.path) ? r.path : [r.path]);
const parquet = async (file: string) => {
  const bytes = readFileSync(join(downloads, file));
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  return {
    columns: parquetMetadata(buffer)
      .schema.slice(1)
      .map((s) => s.name),
    rows: (await parquetReadObjects({ file: buffer })) as Record<string, unknown>[],
  };
};

describe('datapackage.json', () => {
  test('lists every bulk download, and every file it lists exists', () => {
    const files = pkg.resources.flatMap(paths);
    expect(files).toEqual(
      expect.arrayContaining([
        'reports.csv',
        'reports-zh.csv',
        'checks.csv',
        'checks-zh.csv',
        'coverage.csv',
        'coverage-zh.csv',
        'dictionary.csv',
        'dictionary-zh.csv',
        'reports.json',
        'dictionary.json',
        'parquet/reports.parquet',
        'parquet/cells-2021.parquet',
        'parquet/cells-2023.parquet',
        'parquet/cells-2024.parquet',
        'parquet/checks.parquet',
      ]),
    );
    for (const file of files) expect(existsSync(join(downloads, file)), file).toBe(true);
    expect(pkg.licenses).toHaveLength(1);
  });

  test('every CSV header is its schema’s field names, in order; the Chinese copy has the same rows', () => {
    const csv = pkg.resources.filter((r) => r.format === 'csv');
    expect(csv.map((r) => r.path)).toHaveLength(8);
    for (const r of csv) {
      const text = readFileSync(join(downloads, r.path as string), 'utf8');
      expect(text.charCodeAt(0), `${r.path} starts with a BOM`).toBe(0xfeff);
      const [header, ...rows] = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true }).data;
      expect(header, r.path as string).toEqual(r.schema!.fields.map((f) => f.name));
      if (r.name.endsWith('-zh')) {
        const english = Papa.parse<string[]>(readFileSync(join(downloads, (r.path as string).replace('-zh', '')), 'utf8').slice(1), {
          skipEmptyLines: true,
        }).data;
        expect(rows).toEqual(english.slice(1));
      }
    }
    const reports = csv.find((r) => r.path === 'reports-zh.csv')!;
    expect(reports.schema!.fields.slice(0, 4).map((f) => f.name)).toEqual(['报告编号', '机构', '机构编号', '年度']);
    expect(csv.find((r) => r.path === 'reports.csv')!.schema!.missingValues).toEqual(['', '?']);
  });

  test('every Parquet file has its schema’s columns; reports.parquet has each report once', async () => {
    for (const r of pkg.resources.filter((x) => x.format === 'parquet'))
      for (const file of paths(r)) expect((await parquet(file)).columns, file).toEqual(r.schema!.fields.map((f) => f.name));
    const { rows } = await parquet('parquet/reports.parquet');
    expect(rows.map((r) => `${r.agency} ${r.year}`).sort()).toEqual([
      '洪泽区人民政府 2023',
      '淮安市洪泽区人民政府 2024',
      '白杨镇人民政府 2021',
      '青石县人民政府 2021',
    ]);
    expect(rows.find((r) => r.agency === '青石县人民政府')).toMatchObject({ failedChecks: 2, timeliness: 'no-date' });
    expect(rows.find((r) => r.year === 2024)).toMatchObject({ province: '江苏省', deadline: '2025-03-31' });
  });

  test('which cells columns are never null is said in the package and in the Parquet schema; value and reason may be', () => {
    const cells = pkg.resources.find((r) => r.name === 'cells-parquet')!;
    expect(cells.schema!.fields.filter((f) => f.constraints?.required).map((f) => f.name)).toEqual(['report', 'year', 'key', 'state']);
    const bytes = readFileSync(join(downloads, 'parquet/cells-2021.parquet'));
    const schema = parquetMetadata(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)).schema.slice(1);
    expect(Object.fromEntries(schema.map((s) => [s.name, s.repetition_type]))).toEqual({
      report: 'REQUIRED',
      year: 'REQUIRED',
      key: 'REQUIRED',
      value: 'OPTIONAL',
      state: 'REQUIRED',
      reason: 'OPTIONAL',
    });
  });

  test('cells keep a number, a printed blank and a cell nianbao could not tell apart', async () => {
    const { rows } = await parquet('parquet/cells-2021.parquet');
    const baiyang = rows.filter((c) => c.report === rows.find((x) => x.key === 'proactive.coercion.decisions' && x.value === 22)?.report);
    expect(baiyang.find((c) => c.key === 'proactive.coercion.decisions')).toMatchObject({ value: 22, state: 'number', reason: null });
    expect(baiyang.filter((c) => c.state === 'unknown').map((c) => [c.key, c.reason])).toEqual(
      ['naturalPerson', 'business', 'research', 'nonprofit', 'legalService', 'otherOrg', 'total'].map((k) => [
        `applications.carriedOver.${k}`,
        'row-not-found',
      ]),
    );
    const hongze = (await parquet('parquet/cells-2023.parquet')).rows;
    expect(hongze.find((c) => c.key === 'litigationAfterReview.total')).toMatchObject({ value: null, state: 'blank', reason: null });
  });
});
