// The form-independent shape every reader produces: the report's text in reading order, with the
// tables it could read as tables kept as rows of cells. Flat text (crawled pages, pdftotext) has no
// tables here: its cells are recovered later from the text itself (tables-text.ts).

/**
 * Most cells kept in a table row. Template rows have at most fifteen figures after their labels; a
 * row far wider is not one of them, and readers may stop splitting it here (read.ts cuts it).
 */
export const MAX_CELLS = 500;

export interface TableBlock {
  kind: 'table';
  /** Each row's cells as printed (merged cells appear once, in the first row they span). */
  rows: string[][];
}
export interface TextBlock {
  kind: 'text';
  text: string;
}
export type Block = TableBlock | TextBlock;

export interface Document {
  blocks: Block[];
  /** The page's own title and date lines, for HTML pages and crawler headers. */
  pageTitle?: string;
  pageDate?: string;
}

/** The document as one text: tables as tab-separated lines, so text-only readers see every cell. */
export function documentText(doc: Document): string {
  return doc.blocks.map((b) => (b.kind === 'text' ? b.text : b.rows.map((r) => r.join('\t')).join('\n'))).join('\n');
}

/** Only the prose, for metadata and the narrative sections. */
export function proseText(doc: Document): string {
  return doc.blocks
    .filter((b): b is TextBlock => b.kind === 'text')
    .map((b) => b.text)
    .join('\n');
}
