// Every numeric cell of a template, by its dotted path in the data contract
// (`proactive.fees.amount`, `applications.received.total`, `review.upheld`), in printed order.
import { APPLICANTS, APPLICATION_ROWS, PROACTIVE, REVIEW_BLOCKS, REVIEW_COLUMNS, TEMPLATES, type TemplateId } from '../../model/templates.ts';

function paths(template: TemplateId): string[] {
  return [
    ...PROACTIVE[template].flatMap((b) => b.rows.flatMap((r) => b.columns.map((c) => `proactive.${r.key}.${c.key}`))),
    ...APPLICATION_ROWS[template].flatMap((r) => APPLICANTS.map((c) => `applications.${r.key}.${c.key}`)),
    ...REVIEW_BLOCKS.flatMap((b) => REVIEW_COLUMNS.map((c) => `${b.key}.${c.key}`)),
  ];
}

const PATHS = Object.fromEntries(TEMPLATES.map((t) => [t, paths(t)])) as Record<TemplateId, string[]>;

export const cellPaths = (template: TemplateId): string[] => PATHS[template];

/** The value at a dotted path of a parsed report (undefined when the path is absent). */
export function valueAt(report: object, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], report);
}
