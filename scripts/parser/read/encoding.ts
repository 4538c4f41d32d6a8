// Bytes → text. Reports arrive as UTF-8 (with or without BOM), GB18030/GBK or UTF-16 with BOM; the
// maintainer is never asked which. Node's TextDecoder (full ICU) decodes GB18030, a superset of GBK.
import { InputError } from './input-error.ts';

const utf8 = new TextDecoder('utf-8', { fatal: true });
const gb18030 = new TextDecoder('gb18030', { fatal: true });

export interface Decoded {
  text: string;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';
}

export function decode(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) throw new InputError('the file is empty');
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return clean(new TextDecoder('utf-16le').decode(bytes.subarray(2)), 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return clean(new TextDecoder('utf-16be').decode(bytes.subarray(2)), 'utf-16be');
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return clean(strict(utf8, bytes.subarray(3)) ?? '', 'utf-8');
  if (looksBinary(bytes)) throw new InputError('the file is binary, not text (is it a PDF, an image or an old .doc/.wps? Save it as .docx, .html or .txt)');
  const asUtf8 = strict(utf8, bytes);
  if (asUtf8 !== undefined) return clean(asUtf8, 'utf-8');
  const asGb = strict(gb18030, bytes);
  if (asGb !== undefined) return clean(asGb, 'gb18030');
  throw new InputError('the text is in no encoding nianbao reads (tried UTF-8, GB18030/GBK, UTF-16 with BOM); save it as UTF-8');
}

function strict(decoder: TextDecoder, bytes: Uint8Array): string | undefined {
  try {
    return decoder.decode(bytes);
  } catch {
    return undefined;
  }
}

/** NUL bytes or many control characters in the first 8 KB: no text encoding we read produces them. */
function looksBinary(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 8192);
  let control = 0;
  for (const b of head) {
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  return control > head.length / 20;
}

function clean(text: string, encoding: Decoded['encoding']): Decoded {
  if (text.includes('\u0000')) throw new InputError(`the file decodes as ${encoding} but holds binary data`);
  return { text: text.replace(/\r\n?/g, '\n'), encoding };
}
