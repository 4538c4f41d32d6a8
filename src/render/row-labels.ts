// A printed table row (`applications.received`, `proactive.licensing`, `review`) in the template's words.
import { splitRowId, type TableTemplates } from '../../model/cell-paths.ts';
import { APPLICATION_ROWS, PROACTIVE } from '../../model/templates.ts';

export function rowLabel(rowId: string, t: TableTemplates): string {
  const { table, row: key } = splitRowId(rowId);
  if (table === 'review') return '表四 行政复议、行政诉讼';
  if (table === 'proactive' && t.proactive) {
    const block = PROACTIVE[t.proactive].find((b) => b.rows.some((r) => r.key === key));
    const row = block?.rows.find((r) => r.key === key);
    if (row) return `表二 ${block!.caption} ${row.label}`;
  }
  if (table === 'applications' && t.applications) {
    const row = APPLICATION_ROWS[t.applications].find((r) => r.key === key);
    if (row) return `表三 ${[row.group, row.label].filter(Boolean).join(' ')}`;
  }
  return rowId;
}
