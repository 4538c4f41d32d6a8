// A chart's numbers as the CSV its figure downloads: first what the picture is stamped with (title, page,
// source, data date, address, what the marks mean), then its data table, one row per label and one column
// per series. A cell is the number (a share as a percentage with one decimal), empty for a printed blank, `?`
// when it could not be told, 无报告 where the portal has no report, and for a number the report's own
// arithmetic contradicts the text "⚠ 0（原表总计；各列合计 6）", so that it is never summed as a plain number.
import { csvLine, csvWithLines, type CsvValue } from '../../model/csv.ts';
import { MARKS } from '../../model/marks.ts';
import { stateOf, type ChartSpec } from './chart-spec.ts';

/** What every download of a chart carries besides its numbers. */
export interface ChartStamp {
  /** What the page shows (an agency, a year, a comparison). */
  page: string;
  source: string;
  /** The date the data was built (YYYY-MM-DD). */
  built: string;
  /** The page's full address. */
  address: string;
}

export const SOURCE_LINE = '来源：各机关公开发布的《政府信息公开工作年度报告》，政府信息公开年报库整理';

/** What the marks a chart carries mean, in one line (the picture and the CSV say the same); empty when it carries none. */
export function marksLine(spec: ChartSpec): string {
  const has = (state: string) => spec.series.some((s) => s.values.some((_, i) => stateOf(s, i) === state));
  return [
    spec.series.some((s) => s.flagged?.some(Boolean) || s.withheld?.some(Boolean)) && `⚠（斜纹柱、空心三角）：${MARKS.failed.name}，报告自身的数字与此不符`,
    has('unknown') && `？：${MARKS.unknown.name}`,
    has('blank') && '空白：原表未填',
    has('absent') && '无报告：本站没有该年度的报告',
    spec.series.some((s) => s.cut?.some(Boolean)) && `${MARKS.cut.name}的数字：原文连写，按表内关系拆分，各项检查均通过`,
  ]
    .filter(Boolean)
    .join('；');
}

/** One cell of the table as written to the CSV. */
export function csvCell(spec: ChartSpec, seriesIndex: number, i: number): CsvValue {
  const s = spec.series[seriesIndex]!;
  const state = stateOf(s, i);
  if (state === 'blank') return null;
  if (state === 'unknown') return '?';
  if (state === 'absent') return '无报告';
  if (state === 'withheld') return '⚠ 不计算';
  const v = spec.percent ? Math.round(s.values[i]! * 1000) / 10 : s.values[i]!;
  return s.flagged?.[i] ? `⚠ ${v}${s.notes?.[i] ?? ''}` : v;
}

/** The chart's data table: a header row, then one row per label. */
export function chartTable(spec: ChartSpec): CsvValue[][] {
  const unit = spec.percent ? '（%）' : '';
  return [['', ...spec.series.map((s) => `${s.label}${unit}`)], ...spec.labels.map((label, i) => [label, ...spec.series.map((_, j) => csvCell(spec, j, i))])];
}

/** The whole CSV file (model/csv.ts: BOM, CRLF, no cell that a spreadsheet would run as a formula). */
export function chartCsv(spec: ChartSpec, stamp: ChartStamp): string {
  const lines: CsvValue[][] = [
    ['页面', stamp.page],
    ['来源', stamp.source],
    ['数据生成于', stamp.built],
    ['网址', stamp.address],
    ['说明', [spec.note, marksLine(spec)].filter(Boolean).join(' ')],
    [],
    ...chartTable(spec),
  ];
  // Lines one by one: the stamp's rows are shorter than the table's.
  return csvWithLines(['标题', spec.title], lines.map(csvLine));
}
