// Text → bytes in the encodings reports arrive in: mostly UTF-8, some with a BOM, some GB18030 (what
// Windows tools save for Chinese), a few UTF-16LE with a BOM (Notepad's "Unicode"); some with CRLF.
import iconv from 'iconv-lite';

export type Encoding = 'utf-8' | 'utf-8-bom' | 'gb18030' | 'utf-16le-bom';

export const ENCODING_SHARES: Record<Encoding, number> = { 'utf-8': 75, 'utf-8-bom': 10, gb18030: 10, 'utf-16le-bom': 5 };

/** The charset an HTML page in this encoding declares (Chinese sites declare GBK pages as gb2312). */
export const CHARSET: Record<Encoding, string> = { 'utf-8': 'utf-8', 'utf-8-bom': 'utf-8', gb18030: 'gb2312', 'utf-16le-bom': 'utf-16' };

export function encode(text: string, encoding: Encoding, crlf: boolean): Uint8Array {
  const lines = crlf ? text.replace(/\n/g, '\r\n') : text;
  if (encoding === 'gb18030') return iconv.encode(lines, 'gb18030');
  if (encoding === 'utf-16le-bom') return Buffer.from(`\ufeff${lines}`, 'utf16le');
  return Buffer.from(encoding === 'utf-8-bom' ? `\ufeff${lines}` : lines, 'utf8');
}
