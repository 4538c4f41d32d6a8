// What the parser is unsure of, said in plain words on the report's page: tables it could not
// find, boundaries it had to infer, and prose figures that contradict the tables (R13).
import { REVIEW_PATHS } from '../../../model/cell-paths.ts';
import type { Warning } from '../../../model/report.ts';
import { applicationSpecs, proactiveSpecs, type RowSpec } from '../tables/row-specs.ts';
import type { Refusal } from '../tables/tables-text.ts';
import type { Fact } from '../solve/solve.ts';
import type { Detected } from '../tables/template-detect.ts';

const TABLE_NAMES = { proactive: '表二（主动公开）', applications: '表三（收到和处理申请）', review: '表四（行政复议、行政诉讼）' };

export function tableWarnings(detected: Detected, notFound: RowSpec[], inferred: boolean, refused: Refusal[] = []): Warning[] {
  const warnings: Warning[] = [];
  if (!detected.proactive && !detected.applications) {
    warnings.push({ code: 'table/none', message: '报告中没有找到统计表，只收录了文字部分。', cells: REVIEW_PATHS });
    return warnings;
  }
  if (detected.proactive && detected.applications && detected.proactive !== detected.applications) {
    warnings.push({
      code: 'template/mixed',
      message: `表二使用 ${detected.proactive} 年版格式的栏目，表三使用 ${detected.applications} 年版格式的行；两表各按自己的格式读取。`,
    });
  }
  for (const table of ['proactive', 'applications'] as const) {
    for (const code of ['table/columns-split', 'table/figures-before-labels'] as const) {
      const rows = refused.filter((r) => r.spec.table === table && r.code === code);
      if (!rows.length) continue;
      const whole = rows.length === allRows(table, detected);
      const which = whole ? '整张表留空' : `「${rows.map((r) => r.spec.label).join('」「')}」这几行留空`;
      const how =
        code === 'table/columns-split' ? '的大多数行只印出部分数字，其余各列的数字出现在文本的别处' : '的数字印在行名称之前，无法确定每个数字属于哪一行';
      warnings.push({
        code,
        message: `${TABLE_NAMES[table]}${how}（没有保留版面的 PDF 文本，例如不加 -layout 的 pdftotext），${which}。请直接放入 PDF 原件（nianbao 按版面读取），或提供 HTML、Word 原件。`,
        cells: rows.flatMap((r) => r.spec.paths),
      });
    }
  }
  for (const table of ['proactive', 'applications', 'review'] as const) {
    const specs = notFound.filter((s) => s.table === table);
    if (!specs.length) continue;
    warnings.push({
      code: 'table/rows-not-found',
      message: `${TABLE_NAMES[table]}中没有找到${table === 'review' ? '数据行' : `「${specs.map((s) => s.label).join('」「')}」`}，这些单元格留空。`,
      cells: specs.flatMap((s) => s.paths),
    });
  }
  if (inferred) {
    warnings.push({
      code: 'table/inferred-boundaries',
      message: '原文的表格单元格连在一起，单元格边界是根据表内勾稽关系和正文中的数字推断的；作为推断依据的核对项因此不能证明数据正确。',
    });
  }
  return warnings;
}

/** How many rows the table has in the template detected for it. */
function allRows(table: 'proactive' | 'applications', detected: Detected): number {
  const template = detected[table];
  if (!template) return 0;
  return table === 'proactive' ? proactiveSpecs(template).length : applicationSpecs(template).length;
}

/** R13: figures restated in the prose that no reading of the tables supports. */
export function textVersusTables(facts: Fact[], get: (path: string) => number | null): Warning[] {
  const warnings: Warning[] = [];
  const seen = new Set<string>();
  for (const fact of facts) {
    const sums = fact.alternatives.map((alt) => (alt.every((p) => get(p) !== null) ? alt.reduce((s, p) => s + (get(p) as number), 0) : null));
    if (sums.every((s) => s === null) || sums.includes(fact.value)) continue;
    const shown = [...new Set(sums.filter((s): s is number => s !== null))].join(' 或 ');
    const key = `${fact.quote}|${shown}`;
    if (seen.has(key)) continue;
    seen.add(key);
    warnings.push({
      code: 'R13',
      message: `正文写「${fact.quote}」（${fact.value}），与表格不符：表中对应数字为 ${shown}。`,
      cells: fact.alternatives.flat(),
    });
  }
  return warnings;
}
