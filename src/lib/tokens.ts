/** A value usable as one space-separated token in a data-* attribute (src/scripts/filter-table.ts). */
export const token = (value: string) => value.replace(/\s+/g, '_');
