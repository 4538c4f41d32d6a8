// Table 三's merged row labels from the template data. A group printed like "三、…" is an outer group;
// one printed like "（三）…" sits inside the outer group around it (report-format.md §3.1).
import type { Row } from './templates.ts';

interface Span {
  label: string;
  span: number;
}
export interface RowLayout {
  row: Row;
  /** Present on the first row of a group: the merged label cell and how many rows it covers. */
  outer?: Span;
  inner?: Span;
  /** Columns the row's own label spans: 3 minus the group columns beside it. */
  labelSpan: number;
}

const isInner = (group: string) => group.startsWith('（');

export function layoutRows(rows: Row[]): RowLayout[] {
  let outer: string | undefined;
  const paths = rows.map((row) => {
    if (!row.group) outer = undefined;
    else if (!isInner(row.group)) outer = row.group;
    return { row, outer: row.group ? outer : undefined, inner: row.group && isInner(row.group) ? row.group : undefined };
  });
  const run = (i: number, key: 'outer' | 'inner'): Span | undefined => {
    const label = paths[i]![key];
    if (!label || paths[i - 1]?.[key] === label) return undefined;
    let span = 1;
    while (paths[i + span]?.[key] === label) span++;
    return { label, span };
  };
  return paths.map((p, i) => ({
    row: p.row,
    outer: run(i, 'outer'),
    inner: run(i, 'inner'),
    labelSpan: 3 - (p.outer ? 1 : 0) - (p.inner ? 1 : 0),
  }));
}
