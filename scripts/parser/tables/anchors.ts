// Finding template labels in text whose layout is lost: labels are broken by spaces and line ends
// ("情 形，不\n计其他情形"), punctuation varies (，/、, full/half width) and crawled text glues a row's
// ordinal ("2.") to the cells before it. Text is folded (fold.ts) before matching.
import { fold } from '../read/fold.ts';

export interface Anchor {
  start: number;
  end: number;
}

const cache = new Map<string, RegExp>();
const patterns = new Map<string, string>();

const PUNCTUATION = '[^\\p{L}\\p{N}\\s]';

/**
 * A fragment as a pattern: any whitespace between characters, any punctuation (or none) for
 * punctuation. Whitespace is matched once per gap, never by two optional parts side by side, and a
 * match starts at a character of the fragment: a long run of spaces or tabs costs linear time, not
 * quadratic (`\s*[^…]?\s*` tried at every space of a 16,000-tab run took 2.6 s).
 */
export function fragmentPattern(fragment: string): string {
  let pattern = patterns.get(fragment);
  if (pattern === undefined) {
    const chars = [...fold(fragment).replace(/\s+/g, '')];
    const letter = (ch: string) => /[\p{L}\p{N}]/u.test(ch);
    const first = chars.findIndex(letter);
    pattern = chars
      .map((ch, i) => {
        // Punctuation before the first letter takes the spaces after it; later, the spaces before it.
        if (!letter(ch)) return i < first ? `(?:${PUNCTUATION}\\s*)?` : `(?:\\s*${PUNCTUATION})?`;
        return (i <= first ? '' : '\\s*') + escape(ch);
      })
      .join('');
    patterns.set(fragment, pattern);
  }
  return pattern;
}

function regex(pattern: string): RegExp {
  let re = cache.get(pattern);
  if (!re) cache.set(pattern, (re = new RegExp(pattern, 'gu')));
  return re;
}

/** First match of any fragment at or after `from` (and before `to`), earliest position winning. */
export function findFragment(text: string, fragments: string[], from: number, to = text.length, ordinal?: string): Anchor | undefined {
  let best: Anchor | undefined;
  for (const fragment of fragments) {
    // Short fragments ("其他", "重复申请") are only trusted with their ordinal in front.
    const needOrdinal = ordinal !== undefined && [...fragment].length <= 4;
    const prefix = ordinal ? `(?:${ordinal}\\s*[.、]\\s*)${needOrdinal ? '' : '?'}` : '';
    const re = regex(prefix + fragmentPattern(fragment));
    re.lastIndex = from;
    const m = re.exec(text);
    if (m && m.index < to && (!best || m.index < best.start)) best = { start: m.index, end: m.index + m[0].length };
  }
  return best;
}

/**
 * A numbered row's label that a PDF wrapped inside its cell ("8.属于行政查询事 | 2 0 … | 项"): its ordinal
 * and the first characters of the label, which tell the rows of a group apart.
 */
export function findWrapped(text: string, ordinal: string, label: string, from: number, to = text.length): Anchor | undefined {
  const start = [...label.replace(/^\d+\s*[.、]\s*/u, '')].slice(0, 6).join('');
  const re = regex(`${escape(ordinal)}\\s*[.、]\\s*${fragmentPattern(start)}`);
  re.lastIndex = from;
  const m = re.exec(text);
  return m && m.index < to ? { start: m.index, end: m.index + m[0].length } : undefined;
}

/** Position of the last match of any fragment inside [from, to). */
export function findLast(text: string, fragments: string[], from: number, to: number): Anchor | undefined {
  let last: Anchor | undefined;
  const re = regex(fragments.map(fragmentPattern).join('|'));
  re.lastIndex = from;
  for (let m = re.exec(text); m && m.index < to; m = re.exec(text)) {
    last = { start: m.index, end: m.index + m[0].length };
    if (m[0].length === 0) re.lastIndex++;
  }
  return last;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
