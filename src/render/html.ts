// Markup built as strings, for the parts of pages that render thousands of times (table cells, the rows
// of long tables): everything that comes from a report or the generated data goes through escapeHtml,
// as Astro would escape it.
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text safe inside an element or a double-quoted attribute. */
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);

/** ` name="value"` for each attribute with a value; null, undefined, false and '' leave it out. */
export const attributes = (attrs: Record<string, string | number | false | null | undefined>) =>
  Object.entries(attrs)
    .filter(([, v]) => v !== null && v !== undefined && v !== false && v !== '')
    .map(([k, v]) => ` ${k}="${escapeHtml(String(v))}"`)
    .join('');
