// How a revision's changed figures read, on the report page and in the revisions feeds: each cell by its
// name in the data dictionary, and each version's state kept apart (a number; — a blank the report printed;
// ？ a cell nianbao could not tell, with why; or no such cell in that version's tables).
import { ALL_PATHS, cellMeaning, TABLE_NAMES, tableOfPath } from '../../model/cell-paths.ts';
import { UNKNOWN_REASONS, type UnknownReason } from '../../model/diagnostics.ts';
import type { CellState, Revision } from '../../model/revisions.ts';
import type { TableTemplates } from '../../model/cell-paths.ts';
import type { TemplateId } from '../../model/templates.ts';

const TEMPLATES_OF = new Map(ALL_PATHS.map(({ path, templates }) => [path, templates]));

/**
 * "表二 行政强制·本年处理决定数量": the cell's name in the template the report's table follows now (the two
 * templates name some cells differently), else in the first that has it.
 */
export function cellLabel(key: string, tables: TableTemplates): string {
  const has = TEMPLATES_OF.get(key);
  if (!has) return key;
  const table = tableOfPath(key);
  const current = table === 'review' ? null : tables[table];
  const template: TemplateId = current && has.includes(current) ? current : has[0]!;
  return `${TABLE_NAMES[table]} ${cellMeaning(key, template).label}`;
}

export function cellStateText(s: CellState): string {
  switch (s.state) {
    case 'number':
      return String(s.value);
    case 'blank':
      return '—（原表空白）';
    case 'unknown':
      return `？（${UNKNOWN_REASONS[s.reason as UnknownReason]?.label ?? '无法确定'}）`;
    case 'absent':
      return '（无此格）';
  }
}

/** One line for a feed: what changed. */
export function changesSummary(r: Revision, tables: TableTemplates, shown = 30): string {
  if (r.changes === null) return '此前版本无法再次读取，未比较统计表中的数字。';
  if (r.changes.length === 0) return '统计表中的数字没有变化（改动在文字部分）。';
  const lines = r.changes.slice(0, shown).map((c) => `${cellLabel(c.key, tables)}：${cellStateText(c.before)} → ${cellStateText(c.after)}`);
  return `${r.changes.length} 个数字有变化：${lines.join('；')}${r.changes.length > shown ? `；等 ${r.changes.length} 项` : ''}。`;
}
