// datapackage.json (Frictionless Data Package, readable by frictionless in Python and R, pandas and data
// portals): every bulk download a resource, the tables with a Table Schema made from the same dictionary as
// the CSV headers and the data page. Deterministic (no dates): a build in shards publishes the same bytes.
//
// Three states in the CSV files: an empty cell is a blank the report printed, `?` a cell nianbao could not
// tell (its reason in the `unknown` column), and 0 is 0. Both are Table Schema missing values (a number
// field cannot hold either), so a loader reads both as missing: keep the `unknown` column, or read the
// Parquet `cells` table, whose `state` says which.
import { DATASET } from '../../model/dataset.ts';
import { COLUMNS, DICTIONARY_COLUMNS, UNKNOWN_CELL } from './columns.ts';
import { chineseName } from './chinese-csv.ts';
import { CHECKS, DICTIONARY, TABLES, type Field, type Table } from './parquet-tables.ts';
import { NOTE_COLUMNS } from '../../model/notes.ts';
import { COVERAGE_COLUMNS, NOT_PROOF } from '../../model/coverage.ts';

export const DATA_PACKAGE = 'datapackage.json';

/** The bulk CSV files and their columns: each is also published with Chinese headers (`<name>-zh.csv`). */
export const BULK_CSV: { file: string; title: string; description: string; fields: Field[]; missingValues: string[]; primaryKey?: string[] }[] = [
  {
    file: 'reports.csv',
    title: '全部报告',
    description: `每份报告一行：报告信息，再是每个统计单元格一列（键名即列名）。空单元格是原表空白（不是 0）；${UNKNOWN_CELL} 是无法从原文确定的单元格，原因见 unknown 列。UTF-8（带 BOM）。`,
    fields: COLUMNS.map(({ key, label, meaning, type, unit }) => ({
      key,
      label,
      meaning: unit && type !== 'string' ? `${meaning}（单位：${unit}）` : meaning,
      type,
    })),
    missingValues: ['', UNKNOWN_CELL],
    primaryKey: ['id'],
  },
  {
    file: 'checks.csv',
    title: '核对结果',
    description: CHECKS.description,
    fields: [...NOTE_COLUMNS],
    missingValues: [''],
  },
  {
    file: 'coverage.csv',
    title: '谁有报告',
    description: `每个机关在本库收录的每个年度一行：机关一旦在任一年度有报告，或列于 agencies.csv，即视为本库收录的每个年度都应有报告；report 为空表示本库没有它该年度的报告。${NOT_PROOF}`,
    fields: [...COVERAGE_COLUMNS],
    missingValues: [''],
  },
  {
    file: 'dictionary.csv',
    title: '数据字典',
    description: DICTIONARY.description,
    fields: DICTIONARY_COLUMNS,
    missingValues: [''],
    primaryKey: ['key'],
  },
];

/** The files of a Parquet table: one, or one per year of the corpus. */
const parquetPaths = (t: Table, years: number[]) => (t.perYear ? years.map((y) => `parquet/${t.name}-${y}.parquet`) : [`parquet/${t.name}.parquet`]);

const schemaField = (f: Field, name = f.key) => ({
  name,
  title: f.label,
  description: name === f.key ? f.meaning : `${f.meaning}（英文列名 ${f.key}）`,
  type: f.type,
  ...('required' in f && f.required && { constraints: { required: true } }),
});

/** The data package of a corpus whose cells span `years`. */
export function dataPackage(years: number[]) {
  const csv = BULK_CSV.flatMap((b) =>
    [false, true].map((chinese) => ({
      name: (chinese ? chineseName(b.file) : b.file).replace(/\.csv$/, chinese ? '' : '-csv'),
      path: chinese ? chineseName(b.file) : b.file,
      profile: 'tabular-data-resource',
      title: chinese ? `${b.title}（中文表头）` : b.title,
      description: chinese ? `与 ${b.file} 相同，表头为中文名称，便于用 Excel、WPS 打开。${b.description}` : b.description,
      format: 'csv',
      mediatype: 'text/csv',
      encoding: 'utf-8',
      dialect: { delimiter: ',', lineTerminator: '\r\n', quoteChar: '"', header: true },
      schema: {
        fields: b.fields.map((f) => schemaField(f, chinese ? f.label : f.key)),
        missingValues: b.missingValues,
        ...(b.primaryKey && { primaryKey: chinese ? b.primaryKey.map((k) => b.fields.find((f) => f.key === k)!.label) : b.primaryKey }),
      },
    })),
  );
  const parquet = TABLES.flatMap((t) => {
    const paths = parquetPaths(t, years);
    if (paths.length === 0) return []; // cells of an empty corpus
    return {
      name: `${t.name}-parquet`,
      path: paths.length === 1 ? paths[0]! : paths,
      profile: 'tabular-data-resource',
      title: `${t.title}（Parquet）`,
      description: t.description,
      format: 'parquet',
      mediatype: 'application/vnd.apache.parquet',
      schema: { fields: t.fields.map((f) => schemaField(f)) },
    };
  });
  const json = [
    {
      name: 'reports-json',
      path: 'reports.json',
      title: '全部报告（JSON）',
      description: '与 reports.csv 相同的表格：columns 为列名，rows 为每份报告一行；无法确定的单元格写作 "?"，原表空白为 null。',
    },
    { name: 'dictionary-json', path: 'dictionary.json', title: '数据字典（JSON）', description: DICTIONARY.description },
  ].map((r) => ({ ...r, format: 'json', mediatype: 'application/json', encoding: 'utf-8' }));
  return {
    profile: 'data-package',
    name: DATASET.name,
    title: DATASET.title,
    description: DATASET.description,
    keywords: DATASET.keywords,
    licenses: [DATASET.license],
    sources: [{ title: DATASET.source }],
    resources: [...csv, ...parquet, ...json],
  };
}
