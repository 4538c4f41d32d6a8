// Input file → Document, by form. Each form has its own reader; everything else is refused with a
// message naming the forms that are read.
import { extname } from 'node:path';
import mammoth from 'mammoth';
import type { Document } from './document.ts';
import { decode } from './encoding.ts';
import { readHtml } from './html-document.ts';
import { InputError } from './input-error.ts';
import { readMarkdown } from './markdown-document.ts';
import { readText } from './text-document.ts';

export type Format = 'txt' | 'html' | 'md' | 'docx';

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
};
export const READ_FORMS = '.txt, .html/.htm, .md, .docx';

const HINTS: Record<string, string> = {
  '.pdf': 'a PDF: extract its text with `pdftotext -layout` and add the .txt',
  '.doc': 'an old Word file: save it as .docx',
  '.wps': 'a WPS file: save it as .docx',
  '.xls': 'a spreadsheet, not a report',
  '.xlsx': 'a spreadsheet, not a report',
};

export function formatOf(file: string): Format | undefined {
  return FORMS[extname(file).toLowerCase()];
}

export async function readDocument(file: string, bytes: Uint8Array): Promise<{ format: Format; doc: Document }> {
  const ext = extname(file).toLowerCase();
  const format = FORMS[ext];
  if (!format) {
    const hint = HINTS[ext] ?? (/^\.(png|jpe?g|gif|bmp|tiff?|webp)$/.test(ext) ? 'an image: nianbao reads text, not scans' : 'not a form nianbao reads');
    throw new InputError(`${ext || 'a file without extension'} is ${hint}; nianbao reads ${READ_FORMS}`);
  }
  if (format === 'docx') return { format, doc: readHtml(await docxToHtml(bytes)) };
  const { text } = decode(bytes);
  if (format === 'html') return { format, doc: readHtml(text) };
  if (format === 'md') return { format, doc: readMarkdown(text) };
  // A .txt that is really a saved web page.
  if (/^\s*<(!doctype html|html)[\s>]/i.test(text)) return { format: 'html', doc: readHtml(text) };
  return { format, doc: readText(text) };
}

async function docxToHtml(bytes: Uint8Array): Promise<string> {
  if (bytes.length === 0) throw new InputError('the file is empty');
  try {
    const { value } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) });
    return value;
  } catch (cause) {
    throw new InputError(`not a readable .docx (${(cause as Error).message.split('\n')[0]}); is it truncated, or an old .doc renamed?`, { cause });
  }
}
