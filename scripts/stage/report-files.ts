// The per-report downloads besides its JSON: a long CSV (one line per cell, with its label and the
// printed text) and a Markdown file (front matter, the narrative sections, the three tables).
import type { Report } from '../../model/report.ts';
import { UNKNOWN_REASONS } from '../../model/diagnostics.ts';
import { cellMarks, MARKS, partsNote } from '../../model/marks.ts';
import { SECTIONS } from '../../model/templates.ts';
import { cellOf, type TableKey } from '../../model/cell-paths.ts';
import { flatTable, tableLayout, type TableLayout } from '../../model/table-layout.ts';
import { CELL_COLUMNS, cellValues } from './columns.ts';
import { toCsv } from '../../model/csv.ts';
import YAML from 'yaml';

const CELL_FIELDS = ['key', 'label', 'value', 'state', 'reason', 'mark', 'note', 'printed', 'unit'];

/**
 * One line per cell the report has: its key and label, the value, its state (number; blank: printed
 * blank; unknown: nianbao could not tell, with the reason in words), its mark (model/marks.ts: `failed` when
 * the report's own numbers contradict it, `cut` when the arithmetic cut it with every check passing) with a
 * note in words (what a contradicted total's parts add up to), the printed text when odd, the unit.
 */
export function reportCsv(r: Report): string {
  const values = cellValues(r);
  const marks = cellMarks(r);
  const rows = CELL_COLUMNS.flatMap((c, i) => {
    const v = values[i];
    if (v === undefined) return [];
    const reason = v === null ? r.unknown?.[c.key] : undefined;
    const state = v !== null ? 'number' : reason ? 'unknown' : 'blank';
    const grade = marks.grade(c.key);
    const mark = grade === 'failed' || grade === 'cut' ? grade : '';
    const note = grade === 'failed' ? `${MARKS.failed.name}${partsNote(marks.parts(c.key))}` : grade === 'cut' ? MARKS.cut.name : '';
    return [
      [c.key, c.label, v, state, reason ? `${UNKNOWN_REASONS[reason].label}：${UNKNOWN_REASONS[reason].explain}` : '', mark, note, r.raw[c.key] ?? '', c.unit],
    ];
  });
  return toCsv(CELL_FIELDS, rows);
}

/**
 * Report text as Markdown shows it: never markup. HTML is written as entities (a viewer that allows raw
 * HTML must not run a report's <script>), and in one-line text (the title) Markdown's own marks are
 * escaped and line breaks become spaces.
 */
const htmlText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const lineText = (text: string) => htmlText(text.replace(/\s+/g, ' ').trim()).replace(/[\\`*_[\]~#]/g, '\\$&');
const pipe = (cells: string[]) => `| ${cells.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`;
const table = (head: string[], rows: string[][]) => [pipe(head), pipe(head.map(() => '---')), ...rows.map(pipe)].join('\n');

/** A statistics table as pipe tables (no merged cells): one per section, under its caption in bold (model/table-layout.ts). */
const tableMarkdown = (layout: TableLayout, md: (path: string) => string): string[] =>
  layout.sections.map(flatTable).flatMap((t) => [
    ...(t.caption ? [`**${t.caption}**`, ''] : []),
    table(
      t.head,
      t.rows.map((row) => [row.label, ...row.paths.map(md)]),
    ),
    '',
  ]);

export function reportMarkdown(r: Report): string {
  /** A cell: its number, （空） for a printed blank, （无法确定） for a cell nianbao could not tell. */
  const md = (path: string) => {
    const v = cellOf(r, path);
    return typeof v === 'number' ? String(v) : path in (r.unknown ?? {}) ? '（无法确定）' : '（空）';
  };
  const front = {
    id: r.id,
    agency: r.agency,
    agencyId: r.agencyId,
    year: r.year,
    published: r.published,
    level: r.level,
    region: r.region,
    template: r.template,
    proactiveTemplate: r.tableTemplates.proactive,
    applicationsTemplate: r.tableTemplates.applications,
    sourceUrl: r.sourceUrl,
    source: r.file,
    sha256: r.sha256,
  };
  const out = [
    '---',
    // YAML, written by the yaml library: each text value is one double-quoted line, whatever it holds.
    YAML.stringify(front, { lineWidth: 0, defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN' }).trimEnd(),
    '---',
    '',
    `# ${lineText(r.title ?? `${r.year}年${r.agency}政府信息公开工作年度报告`)}`,
    '',
  ];
  if (r.sections.preamble) out.push(htmlText(r.sections.preamble), '');
  for (const s of SECTIONS) {
    out.push(`## ${s.label}`, '');
    if (r.sections[s.key]) out.push(htmlText(r.sections[s.key]), '');
    const template = s.key === 'proactive' || s.key === 'applications' ? r.tableTemplates[s.key] : null;
    if (template) out.push(...tableMarkdown(tableLayout(s.key as TableKey, template), md));
    if (s.key === 'review') out.push(...tableMarkdown(tableLayout('review'), md));
  }
  return out.join('\n');
}
