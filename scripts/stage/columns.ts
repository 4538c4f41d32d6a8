// The columns of reports.csv and the data dictionary: report metadata, then every cell of both
// templates under its dotted key (data-contract.md), each with its Chinese label and meaning.
// The three states of a cell stay apart in both bulk files (reports.csv and downloads/reports.json): a
// number; empty (null in JSON) for a blank the report printed; `?` for a cell nianbao could not tell, its
// reason in the `unknown` column (README "The data").
import type { Report } from '../../model/report.ts';
import { ALL_PATHS, cellMeaning, cellOf, reportPaths } from '../../model/cell-paths.ts';
import { cellMarks, partsNote } from '../../model/marks.ts';
import { UNKNOWN_REASONS } from '../../model/diagnostics.ts';

export interface CsvColumn {
  key: string;
  label: string;
  meaning: string;
  /** "2019", "2021" or "2019,2021". */
  templates: string;
  unit: string;
  /** Its Table Schema type (datapackage.json): string, integer, number, boolean or date. */
  type: FieldType;
}

export type FieldType = 'string' | 'integer' | 'number' | 'boolean' | 'date';

type Value = string | number | boolean | null;

/** What a bulk file writes in a cell nianbao could not tell (never empty: empty is a printed blank). */
export const UNKNOWN_CELL = '?';

/** `path=reason` for each cell nianbao could not tell, `;`-separated (model/diagnostics.ts reasons). */
export const unknownList = (r: Report) =>
  Object.entries(r.unknown ?? {})
    .map(([path, reason]) => `${path}=${reason}`)
    .join(';');

/**
 * The cells the report's own numbers contradict (model/marks.ts `failed`), `;`-separated, each printed total
 * with what its parts add up to: `applications.resultsTotal.total（原表总计；各项合计 27）;applications.granted.total`.
 */
export const contradictedList = (r: Report) => {
  const marks = cellMarks(r);
  return reportPaths(r.tableTemplates)
    .filter((p) => marks.grade(p) === 'failed')
    .map((p) => `${p}${partsNote(marks.parts(p))}`)
    .join(';');
};

const META: (CsvColumn & { of: (r: Report) => Value })[] = [
  {
    key: 'id',
    label: '报告编号',
    meaning: '报告的稳定编号（机构编号-年份），用于网址 /reports/<id>/',
    templates: '',
    type: 'string',
    unit: '',
    of: (r) => r.id,
  },
  { key: 'agency', label: '机构', meaning: '报告中给出的机构全称', templates: '', type: 'string', unit: '', of: (r) => r.agency },
  { key: 'agencyId', label: '机构编号', meaning: '机构的稳定编号，用于网址 /agencies/<id>/', templates: '', type: 'string', unit: '', of: (r) => r.agencyId },
  { key: 'year', label: '年度', meaning: '统计数据所属年度（不是发布年份）', templates: '', type: 'integer', unit: '年', of: (r) => r.year },
  { key: 'published', label: '发布日期', meaning: '报告落款或网页上的发布日期，未印出时为空', templates: '', type: 'date', unit: '', of: (r) => r.published },
  {
    key: 'level',
    label: '层级',
    meaning: '机构层级：province 省级、city 市级、county 县级、township 乡镇级、department 部门、other 其他',
    templates: '',
    type: 'string',
    unit: '',
    of: (r) => r.level,
  },
  { key: 'region', label: '地区', meaning: '所属地区（来自 content/agencies.csv）', templates: '', type: 'string', unit: '', of: (r) => r.region },
  { key: 'parent', label: '上级机构', meaning: '上级机构（来自 content/agencies.csv）', templates: '', type: 'string', unit: '', of: (r) => r.parent },
  {
    key: 'template',
    label: '表格格式',
    meaning: '按表格栏目识别的国家格式：2019（2019、2020年度）或 2021（2021年度起）',
    templates: '',
    type: 'string',
    unit: '',
    of: (r) => r.template,
  },
  {
    key: 'proactiveTemplate',
    label: '表二格式',
    meaning: '表二（主动公开）按栏目识别的格式：2019 或 2021；未找到表二时为空',
    templates: '',
    type: 'string',
    unit: '',
    of: (r) => r.tableTemplates.proactive,
  },
  {
    key: 'applicationsTemplate',
    label: '表三格式',
    meaning: '表三（收到和处理申请）按行名识别的格式：2019 或 2021；与表二不同时两表各按自己的格式读取',
    templates: '',
    type: 'string',
    unit: '',
    of: (r) => r.tableTemplates.applications,
  },
  {
    key: 'sourceUrl',
    label: '原文网址',
    meaning: '报告原文的网址（来自原文件中的原文链接或 content/agencies.csv），未记录时为空',
    templates: '',
    type: 'string',
    unit: '',
    of: (r) => r.sourceUrl,
  },
  {
    key: 'unknownCells',
    label: '无法确定的单元格',
    meaning: '解析时无法确定数值的单元格数量（不是原表空白）',
    templates: '',
    type: 'integer',
    unit: '格',
    of: (r) => Object.keys(r.unknown).length,
  },
  {
    key: 'unknown',
    label: '无法确定的单元格及原因',
    meaning: `每个无法确定的单元格的键与原因，以分号分隔（如 applications.received.total=ambiguous）。这些单元格在本表中写作 ?，不是空白；原因：${Object.entries(
      UNKNOWN_REASONS,
    )
      .map(([code, r]) => `${code} ${r.name}`)
      .join('、')}`,
    templates: '',
    type: 'string',
    unit: '',
    of: unknownList,
  },
  {
    key: 'contradicted',
    label: '自相矛盾的单元格',
    meaning:
      '报告自身的数字与之矛盾的单元格（一致性检查未通过，或正文、上一年度的数字不同；页面上标 ⚠），以分号分隔；原表总计与各项之和不符的，括号里给出各项之和，如 applications.received.total（原表总计；各列合计 6）。这些单元格在本表中仍写原表所印的数字',
    templates: '',
    type: 'string',
    unit: '',
    of: contradictedList,
  },
  {
    key: 'inferred',
    label: '边界推断',
    meaning: '原文表格单元格连在一起、边界由勾稽关系推断时为 true',
    templates: '',
    type: 'boolean',
    unit: '',
    of: (r) => r.inferred,
  },
  {
    key: 'failedChecks',
    label: '未通过核对项',
    meaning: '未通过的一致性核对（R1–R5）数量',
    templates: '',
    type: 'integer',
    unit: '项',
    of: (r) => r.checks.filter((c) => c.ok === false).length,
  },
  {
    key: 'undecidedChecks',
    label: '无法核对项',
    meaning: '因单元格为空而无法判断的核对数量',
    templates: '',
    type: 'integer',
    unit: '项',
    of: (r) => r.checks.filter((c) => c.ok === null).length,
  },
  {
    key: 'warnings',
    label: '提示',
    meaning: '解析时的提示数量（推断、缺行、正文与表格不符等）',
    templates: '',
    type: 'integer',
    unit: '条',
    of: (r) => r.warnings.length,
  },
  { key: 'format', label: '原文格式', meaning: '原文件格式 txt、html、md 或 docx', templates: '', type: 'string', unit: '', of: (r) => r.format },
  { key: 'file', label: '原文件', meaning: '原文件在 content/ 中的路径', templates: '', type: 'string', unit: '', of: (r) => r.file },
  { key: 'sha256', label: '原文件校验值', meaning: '原文件字节的 SHA-256', templates: '', type: 'string', unit: '', of: (r) => r.sha256 },
];

/** Every cell of every template, with the templates that have it; labels from the first of them. */
export const CELL_COLUMNS: CsvColumn[] = ALL_PATHS.map(({ path, templates }) => {
  const meaning = cellMeaning(path, templates[0]!);
  // Money (万元) may have decimals; every other cell is a count.
  return { key: path, ...meaning, templates: templates.join(','), type: meaning.unit === '万元' ? 'number' : 'integer' };
});
/** The report's own columns, before its cells. */
export const META_COLUMNS: CsvColumn[] = META;
export const COLUMNS: CsvColumn[] = [...META, ...CELL_COLUMNS];

/** dictionary.csv's columns: the dictionary describes itself too (datapackage.json, dictionary-zh.csv). */
export const DICTIONARY_COLUMNS: Omit<CsvColumn, 'templates' | 'unit'>[] = [
  { key: 'key', label: '键', meaning: '列名（CSV 表头、JSON 和 Parquet 中的键）', type: 'string' },
  { key: 'label', label: '名称', meaning: '中文名称（带中文表头的 CSV 用它作表头）', type: 'string' },
  { key: 'meaning', label: '含义', meaning: '含义，表格单元格注明所在的表、块和行', type: 'string' },
  { key: 'templates', label: '适用格式', meaning: '有这一单元格的表格格式（2019、2021，以逗号分隔）；空：每份报告都有', type: 'string' },
  { key: 'unit', label: '单位', meaning: '件、万元等', type: 'string' },
  { key: 'type', label: '类型', meaning: '数据类型：string 文字、integer 整数、number 数（可有小数）、boolean 真假、date 日期', type: 'string' },
];

/** The report's cells in CELL_COLUMNS order; undefined where its tables have no such cell. */
export const cellValues = (r: Report): (number | null | undefined)[] => CELL_COLUMNS.map((c) => cellOf(r, c.key));

/**
 * One report as one row, in COLUMNS order: metadata, then every cell: its number, null for a printed
 * blank or a cell its template does not have, UNKNOWN_CELL for a cell nianbao could not tell.
 */
export function flatten(r: Report): Value[] {
  const unknown = r.unknown ?? {};
  return [...META.map((m) => m.of(r)), ...cellValues(r).map((v, i) => (v === null && CELL_COLUMNS[i]!.key in unknown ? UNKNOWN_CELL : (v ?? null)))];
}
