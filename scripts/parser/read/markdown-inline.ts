// The text of Markdown inline content, as CommonMark reads it: escapes and entities resolved,
// code spans kept as written, links reduced to their text, images and raw HTML tags removed, and
// the `*`/`_` of emphasis taken away (matched as CommonMark's delimiter runs; an unmatched star,
// such as a "*" placeholder in a cell, stays). One pass over the text, then one over its delimiters.

const PUNCTUATION = /[\p{P}\p{S}]/u;
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;
const ENTITY = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]{1,31}));/y;
const AUTOLINK =
  /<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*|[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*)>/y;
/** An open or closing tag (quoted values bounded: an unclosed quote must not make every `<` scan to the end). */
const TAG =
  /<(?:[A-Za-z][A-Za-z0-9-]*(?:\s+[A-Za-z_:][\w.:-]*(?:\s*=\s*(?:"[^"]{0,1024}"|'[^']{0,1024}'|[^\s"'=<>`]+))?)*\s*\/?>|\/[A-Za-z][A-Za-z0-9-]*\s*>)/y;
/** Comments, processing instructions, declarations and CDATA, each tried only if its end occurs later. */
const SPECIAL: [RegExp, string][] = [
  [/<!--[\s\S]*?-->/y, '-->'],
  [/<\?[\s\S]*?\?>/y, '?>'],
  [/<![A-Za-z][^>]*>/y, '>'],
  [/<!\[CDATA\[[\s\S]*?\]\]>/y, ']]>'],
];
/** `](destination "title")` after a link's text; the destination has no spaces or unescaped parentheses. */
const DESTINATION = /\]\(\s*(?!\s)(?:<[^<>\n]*>|(?:[^\s()\\]|\\.)*)(?:\s+(?:"[^"]*"|'[^']*'|\([^()]*\)))?\s*\)/y;

const NAMED: Record<string, string> = {
  nbsp: '\u00a0',
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  ensp: '\u2002',
  emsp: '\u2003',
  thinsp: '\u2009',
  middot: '·',
  ldquo: '“',
  rdquo: '”',
  lsquo: '‘',
  rsquo: '’',
  hellip: '…',
  mdash: '—',
  ndash: '–',
  times: '×',
  divide: '÷',
  plusmn: '±',
  deg: '°',
  copy: '©',
  reg: '®',
};

/** A piece of the output: literal text, or a run of `*`/`_` that may be emphasis. */
interface Piece {
  text: string;
  delimiter?: { char: string; open: boolean; close: boolean };
}

/** The characters that may start markup; text between them is copied as it is. */
const SPECIAL_CHARS = /[\\`<&[\]!*_]/g;

export function inlineText(source: string): string {
  SPECIAL_CHARS.lastIndex = 0;
  if (!SPECIAL_CHARS.test(source)) return source;
  const pieces: Piece[] = [];
  let literal = '';
  const flush = () => {
    if (literal) pieces.push({ text: literal });
    literal = '';
  };
  const codeRuns = backtickRuns(source);
  const lastEnd = new Map(SPECIAL.map(([, end]) => [end, source.lastIndexOf(end)]));
  /** Where each open link's text started (`[`), to drop the brackets when `](…)` follows. */
  const brackets: { at: number; image: boolean }[] = [];

  for (let i = 0; i < source.length;) {
    const ch = source[i];
    if (ch === '\\' && i + 1 < source.length && ASCII_PUNCTUATION.test(source[i + 1])) {
      literal += source[i + 1];
      i += 2;
    } else if (ch === '`') {
      let n = 1;
      while (source[i + n] === '`') n++;
      const close = codeRuns.next(n, i + n);
      if (close === undefined) literal += '`'.repeat(n);
      else {
        let code = source.slice(i + n, close).replace(/\n/g, ' ');
        if (code.startsWith(' ') && code.endsWith(' ') && /[^ ]/.test(code)) code = code.slice(1, -1);
        literal += code;
        i = close + n;
        continue;
      }
      i += n;
    } else if (ch === '<') {
      AUTOLINK.lastIndex = i;
      const link = AUTOLINK.exec(source);
      if (link) {
        literal += link[1];
        i = AUTOLINK.lastIndex;
        continue;
      }
      TAG.lastIndex = i;
      if (TAG.exec(source)) {
        i = TAG.lastIndex;
        continue;
      }
      const special = SPECIAL.find(([re, end]) => lastEnd.get(end)! > i && ((re.lastIndex = i), re.test(source)));
      if (special) {
        i = special[0].lastIndex;
        continue;
      }
      literal += ch;
      i++;
    } else if (ch === '&') {
      ENTITY.lastIndex = i;
      const m = ENTITY.exec(source);
      const decoded = m && (m[1] ? codePoint(Number(m[1])) : m[2] ? codePoint(Number.parseInt(m[2], 16)) : NAMED[m[3]]);
      if (decoded !== undefined && decoded !== null) {
        literal += decoded;
        i = ENTITY.lastIndex;
      } else {
        literal += ch;
        i++;
      }
    } else if (ch === '[' || (ch === '!' && source[i + 1] === '[')) {
      flush();
      brackets.push({ at: pieces.length, image: ch === '!' });
      pieces.push({ text: ch === '!' ? '![' : '[' });
      i += ch === '!' ? 2 : 1;
    } else if (ch === ']' && brackets.length) {
      DESTINATION.lastIndex = i;
      const open = brackets.pop()!;
      if (DESTINATION.exec(source)) {
        flush();
        // A link keeps its text; an image (its alt text) is not printed text.
        if (open.image) {
          pieces.length = open.at;
          while (brackets.length && brackets.at(-1)!.at >= open.at) brackets.pop();
        } else pieces[open.at] = { text: '' };
        i = DESTINATION.lastIndex;
      } else {
        literal += ch;
        i++;
      }
    } else if (ch === '*' || ch === '_') {
      flush();
      let n = 1;
      while (source[i + n] === ch) n++;
      pieces.push({ text: ch.repeat(n), delimiter: flanking(source, i, n, ch) });
      i += n;
    } else {
      SPECIAL_CHARS.lastIndex = i + 1;
      const next = SPECIAL_CHARS.exec(source)?.index ?? source.length;
      literal += source.slice(i, next);
      i = next;
    }
  }
  flush();
  matchEmphasis(pieces);
  return pieces.map((p) => p.text).join('');
}

/** Whether a run of `n` `ch` at `at` can open or close emphasis (CommonMark §6.2). */
function flanking(source: string, at: number, n: number, ch: string): { char: string; open: boolean; close: boolean } {
  const before = at > 0 ? source[at - 1] : ' ';
  const after = at + n < source.length ? source[at + n] : ' ';
  const space = (c: string) => /\s/u.test(c);
  const punct = (c: string) => PUNCTUATION.test(c);
  const left = !space(after) && (!punct(after) || space(before) || punct(before));
  const right = !space(before) && (!punct(before) || space(after) || punct(after));
  if (ch === '*') return { char: ch, open: left, close: right };
  return { char: ch, open: left && (!right || punct(before)), close: right && (!left || punct(after)) };
}

/**
 * Takes away the delimiters that match as emphasis: each closer with the nearest opener of its
 * character, dropping the openers between them (CommonMark §6.2, without the rule of three). One
 * stack per character keeps the work linear.
 */
function matchEmphasis(pieces: Piece[]) {
  const openers = new Map<string, { piece: Piece; at: number }[]>([
    ['*', []],
    ['_', []],
  ]);
  pieces.forEach((piece, at) => {
    const d = piece.delimiter;
    if (!d) return;
    const own = openers.get(d.char)!;
    if (d.close && own.length) {
      const opener = own.at(-1)!;
      const used = Math.min(opener.piece.text.length, piece.text.length);
      opener.piece.text = opener.piece.text.slice(used);
      piece.text = piece.text.slice(used);
      if (!opener.piece.text) own.pop();
      const other = openers.get(d.char === '*' ? '_' : '*')!;
      while (other.length && other.at(-1)!.at > opener.at) other.pop();
      if (!piece.text) return;
    }
    if (d.open && piece.text) own.push({ piece, at });
  });
}

function codePoint(n: number): string | undefined {
  if (n === 0 || n > 0x10ffff || (n >= 0xd800 && n <= 0xdfff)) return '\ufffd';
  return String.fromCodePoint(n);
}

/** For each length, the positions of backtick runs of exactly that length, read in order. */
function backtickRuns(source: string): { next: (length: number, from: number) => number | undefined } {
  const runs = new Map<number, number[]>();
  for (const m of source.matchAll(/`+/g)) {
    const list = runs.get(m[0].length) ?? [];
    list.push(m.index);
    runs.set(m[0].length, list);
  }
  const cursor = new Map<number, number>();
  return {
    next(length, from) {
      const list = runs.get(length) ?? [];
      let k = cursor.get(length) ?? 0;
      while (k < list.length && list[k] < from) k++;
      cursor.set(length, k);
      return list[k];
    },
  };
}
