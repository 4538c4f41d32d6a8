// Input file → Document, by form. Each form has its own reader; everything else is refused with a
// message naming the forms that are read.
import { extname } from 'node:path';
import { MAX_CELLS, type Document } from './document.ts';
import { readDocx } from './docx-document.ts';
import { decode } from './encoding.ts';
import { readHtml } from './html-document.ts';
import { InputError } from './input-error.ts';
import { readMarkdown } from './markdown-document.ts';
import { pdfDocument } from './pdf-layout.ts';
import { readText } from './text-document.ts';

export type Format = 'txt' | 'html' | 'md' | 'docx' | 'pdf';

const FORMS: Record<string, Format> = {
  '.txt': 'txt',
  '.text': 'txt',
  '.html': 'html',
  '.htm': 'html',
  '.shtml': 'html',
  '.xhtml': 'html',
  '.md': 'md',
  '.markdown': 'md',
  '.docx': 'docx',
  '.pdf': 'pdf',
};
export const READ_FORMS = '.txt, .html/.htm, .md, .docx, .pdf';

const HINTS: Record<string, string> = {
  '.doc': 'an old Word file: save it as .docx',
  '.wps': 'a WPS file: save it as .docx',
  '.xls': 'a spreadsheet, not a report',
  '.xlsx': 'a spreadsheet, not a report',
};

/**
 * Largest file read, by form. A report's text is well under 1 MB; Word files carry pictures (a
 * scanned seal, photos) and web pages sometimes embed them as data: URIs. Far larger files are
 * not reports, and reading them would hold up the build. A PDF carries its fonts (a few MB of Chinese
 * glyphs when they are not subset).
 */
const MAX_BYTES: Record<Format, number> = { txt: 8 << 20, md: 8 << 20, html: 32 << 20, docx: 64 << 20, pdf: 64 << 20 };

/** What stands for the cells of a row beyond MAX_CELLS: text, so no figure is read from a row cut short. */
const CUT_ROW = '（此行单元格过多，其余未读）';

export function formatOf(file: string): Format | undefined {
  return FORMS[extname(file).toLowerCase()];
}

/** Refuses a file too large for its form, before it is read (parseFile) or once it is (readDocument). */
export function checkSize(file: string, size: number): void {
  const ext = extname(file).toLowerCase();
  const max = FORMS[ext] && MAX_BYTES[FORMS[ext]];
  if (max && size > max) {
    throw new InputError(
      `the file is ${(size / 2 ** 20).toFixed(1)} MB; nianbao reads ${ext} reports up to ${max >> 20} MB (a report's text is well under 1 MB): is it the right file? If so, save it without embedded pictures or attachments`,
    );
  }
}

export async function readDocument(file: string, bytes: Uint8Array): Promise<{ format: Format; doc: Document }> {
  const ext = extname(file).toLowerCase();
  const format = FORMS[ext];
  if (!format) {
    const hint = HINTS[ext] ?? (/^\.(png|jpe?g|gif|bmp|tiff?|webp)$/.test(ext) ? 'an image: nianbao reads text, not scans' : 'not a form nianbao reads');
    throw new InputError(`${ext || 'a file without extension'} is ${hint}; nianbao reads ${READ_FORMS}`);
  }
  checkSize(file, bytes.length);
  const read = format === 'pdf' ? { format, doc: pdfDocument(await readPdf(bytes)) } : readForm(format, bytes);
  for (const block of read.doc.blocks)
    if (block.kind === 'table') block.rows = block.rows.map((row) => (row.length > MAX_CELLS ? [...row.slice(0, MAX_CELLS), CUT_ROW] : row));
  return read;
}

/** pdf.js is loaded with the first PDF: a corpus without one never pays for it. */
async function readPdf(bytes: Uint8Array) {
  const { readPdfPages } = await import('./pdf-pages.ts');
  return readPdfPages(bytes);
}

function readForm(format: Format, bytes: Uint8Array): { format: Format; doc: Document } {
  if (format === 'docx') {
    if (bytes.length === 0) throw new InputError('the file is empty');
    return { format, doc: readDocx(bytes) };
  }
  const { text } = decode(bytes);
  if (format === 'html') return { format, doc: readHtml(text) };
  if (format === 'md') return { format, doc: readMarkdown(text) };
  // A .txt that is really a saved web page.
  if (/^\s*<(!doctype html|html)[\s>]/i.test(text)) return { format: 'html', doc: readHtml(text) };
  return { format, doc: readText(text) };
}
