// The form-independent shape every reader produces: the report's text in reading order, with the
// tables it could read as tables kept as rows of cells. Flat text (crawled pages, pdftotext) has no
// tables here: its cells are recovered later from the text itself (tables-text.ts).

/**
 * Most cells kept in a table row. Template rows have at most fifteen figures after their labels; a
 * row far wider is not one of them, and readers may stop splitting it here (read.ts cuts it).
 */
export const MAX_CELLS = 500;

/** What a reader puts for text it could not read (a PDF font without a character map): never a figure. */
export const UNREADABLE = '\uFFFD';

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
  /** Where the page says it was published: a crawler's 原文链接 line, an HTML canonical link or og:url. */
  pageUrl?: string;
  /** A PDF's page number of each block. */
  pages?: number[];
}

/** The document as one text: tables as tab-separated lines, so text-only readers see every cell. */
export function documentText(doc: Document): string {
  return textLayout(doc).text;
}

export interface TextLayout {
  /** documentText(doc). */
  text: string;
  /** Where each table row (all tables, in order) stands in `text`. */
  rows: [number, number][];
  /** Where each text block stands in proseText(doc) (`from`) and in `text` (`at`). */
  prose: { from: number; length: number; at: number }[];
  /** Where each block starts in `text`. */
  blocks: number[];
}

/** documentText(doc), with where its table rows and its prose stand in it (for the "原文" view). */
export function textLayout(doc: Document): TextLayout {
  const parts: string[] = [];
  const rows: [number, number][] = [];
  const prose: TextLayout['prose'] = [];
  const blocks: number[] = [];
  let at = 0;
  let from = 0;
  for (const block of doc.blocks) {
    blocks.push(at);
    if (block.kind === 'text') {
      prose.push({ from, length: block.text.length, at });
      from += block.text.length + 1;
      parts.push(block.text);
      at += block.text.length + 1;
    } else {
      for (const row of block.rows) {
        const line = row.join('\t');
        rows.push([at, at + line.length]);
        parts.push(line);
        at += line.length + 1;
      }
    }
  }
  return { text: parts.join('\n'), rows, prose, blocks };
}

/** A span of proseText(doc) as a span of documentText(doc), or undefined if it crosses blocks. */
export function proseToText(layout: TextLayout, [start, end]: [number, number]): [number, number] | undefined {
  const block = layout.prose.find((p) => start >= p.from && end <= p.from + p.length);
  return block && [block.at + start - block.from, block.at + end - block.from];
}

/** Only the prose, for metadata and the narrative sections. */
export function proseText(doc: Document): string {
  return doc.blocks
    .filter((b): b is TextBlock => b.kind === 'text')
    .map((b) => b.text)
    .join('\n');
}
