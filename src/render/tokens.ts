/** A value usable as one space-separated token in a data-* attribute (src/client/filter-table.ts). */
export const token = (value: string) => value.replace(/\s+/g, '_');
