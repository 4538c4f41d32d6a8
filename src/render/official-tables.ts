// The three statistics tables as HTML, from their printed layout (model/table-layout.ts). The markup around
// the cells is the same for every report of a template, so it is laid out once per template, cell paths
// included, and a page only fills in its ~230 cells (cellHtml): rendered as Astro components, tables and
// cells were most of the time of building a report page.
import { TEMPLATES, type TemplateId } from '../../model/templates.ts';
import { tableLayout, tableGrid, type GridCell, type TableLayout } from '../../model/table-layout.ts';
import type { CellLookup } from './cell-view.ts';
import { cellHtml } from './cell-html.ts';
import { attributes, escapeHtml } from './html.ts';

/** A table laid out: its markup, with a slot (the cell's path and colspan) wherever a report's cell goes. */
type Layout = (string | { path: string; colspan?: number })[];

const CLASSES: Partial<Record<GridCell['kind'], string>> = { caption: 'block-caption', note: 'note' };
const SCOPES: Partial<Record<GridCell['kind'], string>> = { caption: 'colgroup', col: 'col', colgroup: 'colgroup', row: 'row', rowgroup: 'rowgroup' };

function header(c: GridCell): string {
  const className = c.kind === 'rowgroup' ? `group ${c.level === 0 ? 'outer' : 'inner'}` : CLASSES[c.kind];
  const tag = c.kind === 'note' ? 'td' : 'th';
  return `<${tag}${attributes({ colspan: c.colspan, rowspan: c.rowspan, scope: SCOPES[c.kind], class: className })}>${escapeHtml(c.text!)}</${tag}>`;
}

/** Adjacent pieces of markup joined, so that filling a layout in is one pass over its cells. */
function joined(parts: Layout): Layout {
  const out: Layout = [];
  for (const p of parts) {
    if (typeof p === 'string' && typeof out.at(-1) === 'string') out[out.length - 1] += p;
    else out.push(p);
  }
  return out;
}

/**
 * One table: a table of one section puts its header rows in <thead>; table 二's sections are a <tbody>
 * each, caption and header rows included (a table has one <thead>).
 */
function htmlLayout(layout: TableLayout, template: TemplateId | null): Layout {
  const caption = `${layout.caption}${template ? `（${template}年格式）` : ''}`;
  const out: Layout = [`<table class="official ${layout.table}"><caption>${escapeHtml(caption)}</caption>`];
  const rows = (grid: ReturnType<typeof tableGrid>) => {
    for (const row of grid) {
      out.push('<tr>');
      for (const c of row.cells) out.push(c.path ? { path: c.path, colspan: c.colspan } : header(c));
      out.push('</tr>');
    }
  };
  if (layout.sections.length === 1) {
    const grid = tableGrid(layout);
    out.push('<thead>');
    rows(grid.filter((r) => r.head));
    out.push('</thead><tbody>');
    rows(grid.filter((r) => !r.head));
    out.push('</tbody>');
  } else
    for (const section of layout.sections) {
      out.push('<tbody>');
      rows(tableGrid({ ...layout, sections: [section] }));
      out.push('</tbody>');
    }
  out.push('</table>');
  return joined(out);
}

const byTemplate = (table: 'proactive' | 'applications') =>
  Object.fromEntries(TEMPLATES.map((t) => [t, htmlLayout(tableLayout(table, t), t)])) as Record<TemplateId, Layout>;
const LAYOUTS = {
  proactive: byTemplate('proactive'),
  applications: byTemplate('applications'),
  review: htmlLayout(tableLayout('review'), null),
};

const fill = (layout: Layout, cell: CellLookup) => layout.map((p) => (typeof p === 'string' ? p : cellHtml(cell(p.path), p.colspan))).join('');

export const proactiveTableHtml = (template: TemplateId, cell: CellLookup) => fill(LAYOUTS.proactive[template], cell);
export const applicationsTableHtml = (template: TemplateId, cell: CellLookup) => fill(LAYOUTS.applications[template], cell);
export const reviewTableHtml = (cell: CellLookup) => fill(LAYOUTS.review, cell);
