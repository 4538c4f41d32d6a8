// Word (.docx) → Document, read from the file's own XML: fflate unzips word/document.xml (and
// nothing else) and saxes streams it, with no DOM and no HTML in between. What is kept follows what
// mammoth's HTML gave readHtml, so Word files read as before: a paragraph is a line (a line break
// inside starts a new one), a table is rows of cells whose paragraphs run together, a cell merged
// across columns (gridSpan) appears once and one merged down (vMerge) only in its first row, a
// table holding tables is layout (its text read around the inner tables). Deleted and moved-away
// text, field codes and the modern branch of alternate content (mc:Choice; its mc:Fallback is read)
// are left out.
import { Unzip, UnzipInflate } from 'fflate';
import { SaxesParser } from 'saxes';
import type { Block, Document } from './document.ts';
import { InputError } from './input-error.ts';

/**
 * Largest document.xml read. Word writes a few hundred bytes of XML per printed character; a
 * 40-page report with its tables is 1–3 MB. A small file inflating beyond this is a zip bomb (the
 * sizes a zip declares can lie, so the bytes are counted as they inflate).
 */
export const MAX_XML_BYTES = 32 * 1024 * 1024;
/** Compressed bytes handed to the inflater at a time: each inflates to at most about 1,000 times as many. */
const CHUNK = 16 * 1024;
/** Tables nested deeper than this are read as text of the cell holding them. */
const MAX_TABLE_DEPTH = 50;

export function readDocx(bytes: Uint8Array): Document {
  return readDocumentXml(decodeXml(documentXml(bytes)));
}

/** word/document.xml, inflated under the cap. */
function documentXml(bytes: Uint8Array): Uint8Array {
  const parts: Uint8Array[] = [];
  let size = 0;
  let state = 'looking' as 'looking' | 'reading' | 'done' | 'too-large';
  let failure: Error | undefined;
  const unzip = new Unzip((file) => {
    if (file.name !== 'word/document.xml' || state !== 'looking') return;
    // A declared size over the cap is refused at once; a smaller one is not trusted.
    if ((file.originalSize ?? 0) > MAX_XML_BYTES) {
      state = 'too-large';
      return;
    }
    state = 'reading';
    file.ondata = (error, chunk, final) => {
      if (error) failure = error;
      else if ((size += chunk.length) > MAX_XML_BYTES) {
        state = 'too-large';
        file.terminate();
      } else {
        parts.push(chunk);
        if (final) state = 'done';
      }
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  try {
    for (let at = 0; at < bytes.length && state !== 'done' && state !== 'too-large' && !failure; at += CHUNK) {
      unzip.push(bytes.subarray(at, at + CHUNK), at + CHUNK >= bytes.length);
    }
  } catch (cause) {
    failure = cause as Error;
  }
  if (state === 'too-large') {
    throw new InputError(
      `the .docx's text (word/document.xml) inflates beyond ${MAX_XML_BYTES / 1024 / 1024} MB; no report is that long: is it a zip bomb, or a report with another file embedded in its text?`,
    );
  }
  if (failure || state !== 'done') {
    const why = failure ? failure.message.split('\n')[0] : state === 'looking' ? 'no word/document.xml inside' : 'word/document.xml is cut short';
    throw new InputError(`not a readable .docx (${why}); is it truncated, or an old .doc renamed?`, { cause: failure });
  }
  const xml = new Uint8Array(size);
  let offset = 0;
  for (const part of parts) {
    xml.set(part, offset);
    offset += part.length;
  }
  return xml;
}

function decodeXml(xml: Uint8Array): string {
  if (xml[0] === 0xff && xml[1] === 0xfe) return new TextDecoder('utf-16le').decode(xml.subarray(2));
  if (xml[0] === 0xfe && xml[1] === 0xff) return new TextDecoder('utf-16be').decode(xml.subarray(2));
  return new TextDecoder('utf-8').decode(xml);
}

/** Subtrees whose text is not printed: deleted or moved-away revisions, the modern alternate. */
const SKIPPED = new Set(['w:del', 'w:moveFrom', 'mc:Choice']);

interface TableFrame {
  rows: string[][];
  row: string[] | null;
  /** The row is a deleted revision (w:trPr/w:del). */
  rowDeleted: boolean;
  /** Grid column where the next cell starts, and the columns some earlier row had a cell at. */
  column: number;
  columns: Set<number>;
  cell: { text: string; span: number; continued: boolean } | null;
  /** The table's content in reading order, for when it turns out to be layout. */
  items: ({ lines: string[] } | { rows: string[][] })[];
  layout: boolean;
}

function readDocumentXml(xml: string): Document {
  const blocks: Block[] = [];
  const lines: string[] = [];
  const flushText = () => {
    if (lines.length) blocks.push({ kind: 'text', text: lines.join('\n') });
    lines.length = 0;
  };

  const names: string[] = [];
  const frames: TableFrame[] = [];
  /** Open paragraphs (a text box's paragraphs sit inside another's run): lines so far. */
  const paragraphs: string[][] = [];
  let skipped = 0;
  let inText = false;
  /** Tables opened beyond MAX_TABLE_DEPTH, read as plain paragraphs. */
  let flattened = 0;

  // Where a finished paragraph or table goes: the open cell of the innermost table, or the page.
  const addLines = (segments: string[]) => {
    const frame = frames.at(-1);
    if (frame?.cell) {
      frame.cell.text += segments.join('');
      frame.items.push({ lines: segments });
    } else if (frame) frame.items.push({ lines: segments });
    else
      for (const segment of segments) {
        const line = segment.replace(/[\s\u00a0]+/g, (ws) => (ws.includes('\u00a0') ? '\u00a0' : ' ')).trim();
        if (line) lines.push(line);
      }
  };
  const addTable = (rows: string[][]) => {
    const frame = frames.at(-1);
    if (frame) {
      frame.layout = true;
      frame.items.push({ rows });
    } else {
      flushText();
      if (rows.length) blocks.push({ kind: 'table', rows });
    }
  };
  const append = (text: string) => {
    const paragraph = paragraphs.at(-1);
    if (paragraph) paragraph[paragraph.length - 1] += text;
  };

  const parser = new SaxesParser({ position: false });
  parser.on('opentag', (tag) => {
    const attributes = tag.attributes as Record<string, string>;
    const parent = names.at(-1);
    names.push(tag.name);
    if (skipped || SKIPPED.has(tag.name)) {
      if (SKIPPED.has(tag.name)) skipped++;
      if (tag.name === 'w:del' && parent === 'w:trPr' && frames.length) frames.at(-1)!.rowDeleted = true;
      return;
    }
    const frame = frames.at(-1);
    switch (tag.name) {
      case 'w:p':
        paragraphs.push(['']);
        break;
      case 'w:t':
        inText = true;
        break;
      case 'w:tab':
        if (parent === 'w:r') append('\t');
        break;
      case 'w:br':
      case 'w:cr': {
        const type = attributes['w:type'];
        if (parent === 'w:r' && (!type || type === 'textWrapping')) paragraphs.at(-1)?.push('');
        break;
      }
      case 'w:noBreakHyphen':
        append('\u2011');
        break;
      case 'w:softHyphen':
        append('\u00ad');
        break;
      case 'w:tbl':
        if (frames.length >= MAX_TABLE_DEPTH || flattened) flattened++;
        else frames.push({ rows: [], row: null, rowDeleted: false, column: 0, columns: new Set(), cell: null, items: [], layout: false });
        break;
      case 'w:tr':
        if (frame && !flattened) {
          frame.row = [];
          frame.rowDeleted = false;
          frame.column = 0;
        }
        break;
      case 'w:tc':
        if (frame && !flattened) frame.cell = { text: '', span: 1, continued: false };
        break;
      case 'w:gridSpan':
        if (frame?.cell && !flattened) frame.cell.span = Math.max(1, Number.parseInt(attributes['w:val'] ?? '1', 10) || 1);
        break;
      case 'w:vMerge':
        if (frame?.cell && !flattened) frame.cell.continued = (attributes['w:val'] ?? 'continue') === 'continue';
        break;
    }
  });
  parser.on('text', (text) => {
    if (inText && !skipped) append(text);
  });
  parser.on('closetag', (tag) => {
    names.pop();
    if (skipped) {
      if (SKIPPED.has(tag.name)) skipped--;
      return;
    }
    const frame = frames.at(-1);
    switch (tag.name) {
      case 'w:p': {
        const paragraph = paragraphs.pop();
        if (paragraph) addLines(paragraph);
        break;
      }
      case 'w:t':
        inText = false;
        break;
      case 'w:tc':
        if (frame?.cell && frame.row && !flattened) {
          // As mammoth: a cell continuing a vertical merge is left out when a row above has a cell in its column.
          const { text, span, continued } = frame.cell;
          if (!(continued && frame.columns.has(frame.column))) {
            frame.columns.add(frame.column);
            frame.row.push(text.replace(/[\s\u00a0\u3000]+/g, ' ').trim());
          }
          frame.column += span;
          frame.cell = null;
        }
        break;
      case 'w:tr':
        if (frame?.row && !flattened) {
          if (!frame.rowDeleted) frame.rows.push(frame.row);
          frame.row = null;
        }
        break;
      case 'w:tbl':
        if (flattened) flattened--;
        else if (frame) {
          frames.pop();
          if (!frame.layout) addTable(frame.rows);
          else
            for (const item of frame.items) {
              if ('rows' in item) addTable(item.rows);
              else addLines(item.lines);
            }
        }
        break;
    }
  });
  try {
    parser.write(xml).close();
  } catch (cause) {
    throw new InputError(`not a readable .docx: its word/document.xml is not well-formed XML (${(cause as Error).message.split('\n')[0]})`, { cause });
  }
  flushText();
  return { blocks };
}
