// The tables published as Parquet (downloads/parquet/), with their columns' names, types and Chinese
// meanings, and how each table's records are made from the bulk rows (reports.csv's rows, COLUMNS order)
// and the findings (checks.csv's lines). From the same dictionary as the CSV files: datapackage.json
// describes both, and the SQL page lists them.
//
// The three states of a cell are columns here, not markers in a number: `cells` has one record per cell
// a report's tables have, with `value` (null unless a number), `state` (number, blank: the report printed
// a blank; unknown: nianbao could not tell) and `reason` (why, for unknown). A NULL value alone never says
// which: read `state`.
import type { BasicType } from 'hyparquet-writer';
import type { CsvValue } from '../../model/csv.ts';
import { NOTE_COLUMNS, type Note } from '../../model/notes.ts';
import { reportPaths } from '../../model/cell-paths.ts';
import { UNKNOWN_REASON_CODES } from '../../model/diagnostics.ts';
import type { TemplateId } from '../../model/templates.ts';
import { timeliness } from '../../model/timeliness.ts';
import { provinceOf } from '../../model/region.ts';
import type { Level } from '../../model/report.ts';
import { CELL_COLUMNS, COLUMNS, DICTIONARY_COLUMNS, META_COLUMNS, UNKNOWN_CELL, type FieldType } from './columns.ts';

export interface Field {
  key: string;
  label: string;
  meaning: string;
  type: FieldType;
  /** Never null: written REQUIRED, which readers decode without null bookkeeping (hyparquet's for `cells` at 10,000 reports: 0.6 s → 0.2 s). */
  required?: boolean;
}

export interface Table {
  /** The SQL page's table name, and the file's (`parquet/<name>.parquet`, or `parquet/<name>-<year>.parquet` per year). */
  name: 'reports' | 'cells' | 'checks' | 'dictionary';
  title: string;
  description: string;
  fields: Field[];
  /** One file per year (`cells`: about 200 records per report). */
  perYear?: boolean;
}

const field = (key: string, label: string, meaning: string, type: FieldType, required = false): Field => ({
  key,
  label,
  meaning,
  type,
  ...(required && { required }),
});

export const REPORTS: Table = {
  name: 'reports',
  title: '报告',
  description: '每份报告一行：reports.csv 中报告本身的各列（不含单元格），以及省份和按《政府信息公开条例》第四十九条判断的发布时限。',
  fields: [
    ...META_COLUMNS.map(({ key, label, meaning, type }) => field(key, label, meaning, type)),
    field('province', '省份', '地区的省级部分（如“四川省”）；地区未知时为空', 'string'),
    field('deadline', '发布期限', '条例第四十九条规定的发布期限（部门次年1月31日，县级以上地方人民政府次年3月31日）；乡镇、街道和层级不明的机关为空', 'date'),
    field(
      'timeliness',
      '是否按期',
      'on-time 按期发布，late 逾期发布，no-date 报告未注明发布日期、无法判断，no-deadline 条例未规定期限或层级不明、不作判断',
      'string',
    ),
    field('daysAfterDeadline', '超出期限天数', '发布日期晚于期限的天数（按期发布为负数或 0）；无法判断时为空', 'integer'),
  ],
};

export const CELLS: Table = {
  name: 'cells',
  title: '单元格',
  description:
    '每份报告的每个统计单元格一行（报告的表格有的单元格）。value 只在 state 为 number 时有数；state 为 blank 是原表空白（不是 0），为 unknown 是无法从原文确定（reason 说明原因）。NULL 本身不区分这两者，请看 state。按年度分文件。',
  perYear: true,
  fields: [
    field('report', '报告编号', '报告的稳定编号，与 reports 的 id 相同', 'string', true),
    field('year', '年度', '统计数据所属年度', 'integer', true),
    field('key', '键', '单元格的键（如 applications.received.total），中文名称和含义见 dictionary', 'string', true),
    field('value', '数值', '单元格的数；原表空白或无法确定时为空（NULL），看 state', 'number'),
    field('state', '状态', 'number 数字，blank 原表空白（不是 0），unknown 无法确定', 'string', true),
    field('reason', '无法确定的原因', `state 为 unknown 时的原因：${UNKNOWN_REASON_CODES.join('、')}（含义见 reports.csv 的 unknown 列说明）`, 'string'),
  ],
};

export const CHECKS: Table = {
  name: 'checks',
  title: '核对结果',
  description: '与 checks.csv 相同：每项未通过或无法判断的一致性核对，以及跨年结转（R8）和正文与表格不符（R13）的提示，一行一项。',
  fields: NOTE_COLUMNS.map(({ key, label, meaning, type }) => field(key, label, meaning, type)),
};

export const DICTIONARY: Table = {
  name: 'dictionary',
  title: '数据字典',
  description: '与 dictionary.csv 相同：reports.csv 每一列（及 cells 的每个键）的中文名称、含义、单位、适用格式和类型。',
  fields: DICTIONARY_COLUMNS.map(({ key, label, meaning, type }) => field(key, label, meaning, type)),
};

export const TABLES = [REPORTS, CELLS, CHECKS, DICTIONARY];

const PARQUET_TYPE: Record<FieldType, BasicType> = { string: 'STRING', date: 'STRING', integer: 'INT32', number: 'DOUBLE', boolean: 'BOOLEAN' };
export const parquetColumns = (t: Table) => t.fields.map((f) => ({ name: f.key, type: PARQUET_TYPE[f.type], nullable: !f.required }));

const at = new Map(COLUMNS.map((c, i) => [c.key, i]));
const col = (row: readonly CsvValue[], key: string) => row[at.get(key)!];
const metaCount = META_COLUMNS.length;
export const yearOf = (row: readonly CsvValue[]) => col(row, 'year') as number;

/** reports: a bulk row's own columns, then its province and timeliness. */
export function reportRecord(row: readonly CsvValue[]): unknown[] {
  const t = timeliness({ level: col(row, 'level') as Level, year: col(row, 'year') as number, published: (col(row, 'published') as string | null) ?? null });
  const after = t.status === 'late' ? t.days : t.status === 'on-time' ? -t.days : null;
  return [...row.slice(0, metaCount), provinceOf((col(row, 'region') as string | null) ?? null), 'deadline' in t ? t.deadline : null, t.status, after];
}

/** The cells of a report with these tables, once per combination of templates. */
const pathSets = new Map<string, Set<string>>();
function pathsOf(proactive: TemplateId | null, applications: TemplateId | null): Set<string> {
  const key = `${proactive}|${applications}`;
  let set = pathSets.get(key);
  if (!set) pathSets.set(key, (set = new Set(reportPaths({ proactive, applications }))));
  return set;
}

/** cells: one record per cell the report's tables have (or that nianbao could not tell), in dictionary order. */
export function* cellRecords(row: readonly CsvValue[]): Generator<unknown[]> {
  const report = col(row, 'id');
  const year = col(row, 'year');
  const reasons = new Map(
    String(col(row, 'unknown') ?? '')
      .split(';')
      .filter(Boolean)
      .map((entry) => entry.split('=') as [string, string]),
  );
  const has = pathsOf((col(row, 'proactiveTemplate') as TemplateId | null) ?? null, (col(row, 'applicationsTemplate') as TemplateId | null) ?? null);
  for (let i = 0; i < CELL_COLUMNS.length; i++) {
    const key = CELL_COLUMNS[i]!.key;
    const value = row[metaCount + i];
    if (typeof value === 'number') yield [report, year, key, value, 'number', null];
    else if (value === UNKNOWN_CELL || reasons.has(key)) yield [report, year, key, null, 'unknown', reasons.get(key) ?? null];
    else if (has.has(key)) yield [report, year, key, null, 'blank', null];
  }
}

export const checkRecord = (n: Note): unknown[] => CHECKS.fields.map((f) => n[f.key as keyof Note] ?? null);

export const dictionaryRecords = (): unknown[][] => COLUMNS.map((c) => DICTIONARY.fields.map((f) => c[f.key as keyof typeof c] ?? null));
