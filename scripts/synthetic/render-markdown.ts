// A report as Markdown with pipe tables: headings for the sections, merged slots left empty (pipe
// tables have no spans), the first row of each table as its header row.
import type { ReportDocument } from './synthetic-report.ts';
import { grid, type Table } from './synthetic-tables.ts';

export function renderMarkdown(doc: ReportDocument): string {
  const out = [`# ${doc.title}`];
  for (const block of doc.blocks) {
    if (block.kind === 'heading') out.push(`${/^[一二三四五六]、/.test(block.text) ? '##' : '###'} ${block.text}`);
    else if (block.kind === 'paragraph') out.push(block.text);
    else out.push(pipeTable(block.table));
  }
  return out.join('\n\n') + '\n';
}

function pipeTable(table: Table): string {
  const slots = grid(table);
  const rows = slots.map((row) => `| ${row.map((s) => (s.origin ? s.cell.text.replace(/\n/g, '') : '')).join(' | ')} |`);
  return [rows[0], `|${' --- |'.repeat(slots[0].length)}`, ...rows.slice(1)].join('\n');
}
