// Markup built as strings, for the parts of pages that render thousands of times (table cells, the rows
// of long tables): everything that comes from a report or the generated data goes through escapeHtml,
// as Astro would escape it.
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

const SPECIAL = /[&<>"']/;

/** Text safe inside an element or a double-quoted attribute (most text has nothing to escape: it is returned as it is). */
export const escapeHtml = (text: string) => (SPECIAL.test(text) ? text.replace(/[&<>"']/g, (c) => ENTITIES[c]!) : text);

/** ` name="value"` for each attribute with a value; null, undefined, false and '' leave it out. */
export function attributes(attrs: Record<string, string | number | false | null | undefined>): string {
  let out = '';
  for (const [k, v] of Object.entries(attrs)) if (v !== null && v !== undefined && v !== false && v !== '') out += ` ${k}="${escapeHtml(String(v))}"`;
  return out;
}

/**
 * A wide table scrolling sideways inside a labelled, keyboard-focusable region: TableWrap.astro's markup,
 * for the tables a page renders as strings (the report page's three: a component per table cost it more).
 */
export const tableWrapHtml = (label: string, table: string) =>
  `<div class="table-wrap" role="region" aria-label="${escapeHtml(label)}" tabindex="0">${table}</div>`;
