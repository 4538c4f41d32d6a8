// The three statistics tables as the official templates print them, as HTML: table 二 one block per 第二十条
// item; table 三 under the 勾稽 note and three header rows, its rows grouped under merged labels (三、本年度办理
// 结果 › （三）不予公开 …); table 四 行政复议 beside 行政诉讼's two blocks. The markup around the cells is the
// same for every report of a template, so it is laid out once per template, cell paths included, and a page
// only fills in its ~230 cells (cellHtml): rendered as Astro components, tables and cells were most of the
// time of building a report page.
import { APPLICANTS, APPLICATION_ROWS, PROACTIVE, REVIEW_BLOCKS, REVIEW_COLUMNS, TEMPLATES, type TemplateId } from '../../model/templates.ts';
import { cellPath } from '../../model/cell-paths.ts';
import { layoutRows } from '../../model/table-layout.ts';
import type { CellLookup } from './cell-view.ts';
import { cellHtml } from './cell-html.ts';
import { attributes, escapeHtml } from './html.ts';

/** A table laid out: its markup, with a slot (the cell's path and colspan) wherever a report's cell goes. */
type Layout = (string | { path: string; colspan?: number })[];

const th = (label: string, attrs: Record<string, string | number | undefined>) => `<th${attributes(attrs)}>${escapeHtml(label)}</th>`;

/** Adjacent pieces of markup joined, so that filling a layout in is one pass over its cells. */
function joined(parts: Layout): Layout {
  const out: Layout = [];
  for (const p of parts) {
    if (typeof p === 'string' && typeof out.at(-1) === 'string') out[out.length - 1] += p;
    else out.push(p);
  }
  return out;
}

/** Table 二: a full-width caption row per block, its "信息内容" header row, then its rows; a block with fewer columns stretches its last cell. */
function proactiveLayout(template: TemplateId): Layout {
  const blocks = PROACTIVE[template];
  const width = Math.max(...blocks.map((b) => b.columns.length));
  const span = (i: number, n: number) => (i === n - 1 ? width - n + 1 : undefined);
  const out: Layout = [`<table class="official proactive"><caption>主动公开政府信息情况（${template}年格式）</caption>`];
  for (const b of blocks) {
    out.push(`<tbody><tr>${th(b.caption, { colspan: width + 1, scope: 'colgroup', class: 'block-caption' })}</tr>`);
    out.push(`<tr><th scope="col">信息内容</th>${b.columns.map((c, i) => th(c.label, { scope: 'col', colspan: span(i, b.columns.length) })).join('')}</tr>`);
    for (const r of b.rows) {
      out.push(`<tr>${th(r.label, { scope: 'row' })}`);
      b.columns.forEach((c, i) => out.push({ path: cellPath('proactive', r.key, c.key), colspan: span(i, b.columns.length) }));
      out.push('</tr>');
    }
    out.push('</tbody>');
  }
  out.push('</table>');
  return joined(out);
}

/** Table 三: 申请人情况 split into 自然人, 法人或其他组织 (five kinds) and 总计; rows under their merged group labels. */
function applicationsLayout(template: TemplateId): Layout {
  const [natural, ...rest] = APPLICANTS;
  const organisations = rest.slice(0, -1);
  const total = rest.at(-1)!;
  const out: Layout = [
    `<table class="official applications"><caption>收到和处理政府信息公开申请情况（${template}年格式）</caption><thead><tr>`,
    '<td colspan="3" rowspan="3" class="note">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td>',
    `${th('申请人情况', { colspan: APPLICANTS.length, scope: 'colgroup' })}</tr>`,
    `<tr>${th(natural.label, { rowspan: 2, scope: 'col' })}${th('法人或其他组织', { colspan: organisations.length, scope: 'colgroup' })}`,
    `${th(total.label, { rowspan: 2, scope: 'col' })}</tr>`,
    `<tr>${organisations.map((c) => th(c.label, { scope: 'col' })).join('')}</tr></thead><tbody>`,
  ];
  for (const { row, outer, inner, labelSpan } of layoutRows(APPLICATION_ROWS[template])) {
    out.push('<tr>');
    if (outer) out.push(th(outer.label, { rowspan: outer.span, scope: 'rowgroup', class: 'group outer' }));
    if (inner) out.push(th(inner.label, { rowspan: inner.span, scope: 'rowgroup', class: 'group inner' }));
    out.push(th(row.label, { colspan: labelSpan, scope: 'row' }));
    for (const c of APPLICANTS) out.push({ path: cellPath('applications', row.key, c.key) });
    out.push('</tr>');
  }
  out.push('</tbody></table>');
  return joined(out);
}

/** Table 四: one data row; the block labels "行政诉讼·复议后起诉" in the template data carry the grouping. */
function reviewLayout(): Layout {
  const n = REVIEW_COLUMNS.length;
  const blocks = REVIEW_BLOCKS.map((b) => {
    const [group, sub] = b.label.split('·') as [string, string | undefined];
    return { key: b.key, group, sub };
  });
  const groups = [...new Set(blocks.map((b) => b.group))].map((group) => ({ group, span: blocks.filter((b) => b.group === group).length * n }));
  const columns = (attrs: Record<string, string | number>) => REVIEW_COLUMNS.map((c) => th(c.label, attrs)).join('');
  const out: Layout = [
    '<table class="official review"><caption>政府信息公开行政复议、行政诉讼情况</caption><thead>',
    `<tr>${groups.map((g) => th(g.group, { colspan: g.span, scope: 'colgroup' })).join('')}</tr>`,
    `<tr>${blocks.map((b) => (b.sub ? th(b.sub, { colspan: n, scope: 'colgroup' }) : columns({ rowspan: 2, scope: 'col' }))).join('')}</tr>`,
    `<tr>${blocks
      .filter((b) => b.sub)
      .map(() => columns({ scope: 'col' }))
      .join('')}</tr>`,
    '</thead><tbody><tr>',
    ...blocks.flatMap((b) => REVIEW_COLUMNS.map((c) => ({ path: cellPath(b.key, c.key) }))),
    '</tr></tbody></table>',
  ];
  return joined(out);
}

const LAYOUTS = {
  proactive: Object.fromEntries(TEMPLATES.map((t) => [t, proactiveLayout(t)])) as Record<TemplateId, Layout>,
  applications: Object.fromEntries(TEMPLATES.map((t) => [t, applicationsLayout(t)])) as Record<TemplateId, Layout>,
  review: reviewLayout(),
};

const fill = (layout: Layout, cell: CellLookup) => layout.map((p) => (typeof p === 'string' ? p : cellHtml(cell(p.path), p.colspan))).join('');

export const proactiveTableHtml = (template: TemplateId, cell: CellLookup) => fill(LAYOUTS.proactive[template], cell);
export const applicationsTableHtml = (template: TemplateId, cell: CellLookup) => fill(LAYOUTS.applications[template], cell);
export const reviewTableHtml = (cell: CellLookup) => fill(LAYOUTS.review, cell);
