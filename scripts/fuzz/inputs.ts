// Inputs for fuzzing the parser: reports as agencies publish them (the sample reports in content/,
// synthetic reports in every form, a few hand-typed snippets), mutated the ways real and hostile
// files go wrong: bytes flipped, cut short, lines shuffled and repeated, long digit runs, deep
// nesting, huge numbers, odd encodings and names. Seeded: the same seed gives the same inputs.
import { strToU8, zipSync } from 'fflate';
import { encode, type Encoding } from '../synthetic/encode.ts';
import { Random } from '../synthetic/random.ts';

export { Random };

export type Form = 'txt' | 'html' | 'md' | 'docx';

/** A report before mutation: its text (for Word files, word/document.xml inside the other entries). */
export interface Seed {
  name: string;
  form: Form;
  text: string;
  /** The other entries of a Word file. */
  zip?: Record<string, Uint8Array>;
}

export interface FuzzInput {
  /** File name given to the parser (its extension chooses the reader). */
  file: string;
  bytes: Uint8Array;
  /** The seed and mutations that made it, for a failure's report. */
  how: string;
}

const EXTENSION: Record<Form, string> = { txt: '.txt', html: '.html', md: '.md', docx: '.docx' };

/** The seed as the file it is, with `text` in place of its own. */
export function fileOf(seed: Seed, text = seed.text, encoding: Encoding = 'utf-8', crlf = false): Uint8Array {
  if (seed.form === 'docx') return zipSync({ ...seed.zip, 'word/document.xml': strToU8(text) });
  return encode(text, encoding, crlf);
}

type TextMutation = (text: string, rnd: Random, seed: Seed, size: number) => string;

const HUGE = [
  '9007199254740993',
  '18446744073709551616',
  '1e400',
  'Infinity',
  'NaN',
  '-0',
  '１２３',
  '1,234,567,890,123,456,789',
  '0.0000001',
  '99999999999999999999.5亿元',
];
const ODD = ['\u0000', '\ud800', '\ufeff', '\u202e', '\u200b', '\r', '\u3000', '\u00a0', '\t', '\ufffd', '<', '&', '|', '`', '*'];

const at = (text: string, rnd: Random) => rnd.int(0, text.length);
/** A text's lines; a Word file's paragraphs and table rows, so that moving them keeps the XML whole. */
const units = (text: string, seed: Seed) => (seed.form === 'docx' ? text.split(/(?<=<\/w:p>|<\/w:tr>)/) : text.split('\n'));
const joined = (units: string[], seed: Seed) => units.join(seed.form === 'docx' ? '' : '\n');
/** A position between two units. */
const boundary = (text: string, rnd: Random, seed: Seed) => {
  const parts = units(text, seed);
  return joined(parts.slice(0, rnd.int(0, parts.length)), seed).length;
};
const insert = (text: string, pos: number, piece: string) => text.slice(0, pos) + piece + text.slice(pos);
/** Positions of the figures in the text. */
const figures = (text: string) => [...text.matchAll(/\d+/g)];

const TEXT_MUTATIONS: Record<string, TextMutation> = {
  truncate: (t, rnd) => t.slice(0, at(t, rnd)),
  deleteRange: (t, rnd) => {
    const from = at(t, rnd);
    return t.slice(0, from) + t.slice(from + rnd.int(1, 2000));
  },
  shuffleLines: (t, rnd, seed) => {
    const lines = units(t, seed);
    const from = rnd.int(0, lines.length - 1);
    const window = lines.slice(from, from + rnd.int(2, 40));
    for (let i = window.length - 1; i > 0; i--) {
      const j = rnd.int(0, i);
      [window[i], window[j]] = [window[j], window[i]];
    }
    lines.splice(from, window.length, ...window);
    return joined(lines, seed);
  },
  repeatLines: (t, rnd, seed, size) => {
    const lines = units(t, seed);
    const from = rnd.int(0, lines.length - 1);
    const block = lines.slice(from, from + rnd.int(1, 5));
    lines.splice(from, 0, ...Array.from({ length: rnd.int(2, 40 * size) }, () => block).flat());
    return joined(lines, seed);
  },
  longDigits: (t, rnd) => {
    const runs = figures(t);
    const run = runs.length ? rnd.pick(runs) : undefined;
    const digits = Array.from({ length: rnd.int(10, 60) }, () => rnd.int(0, 9)).join('');
    return run ? t.slice(0, run.index) + digits + t.slice(run.index + run[0].length) : insert(t, at(t, rnd), digits);
  },
  runTogether: (t, rnd) => {
    const from = at(t, rnd);
    const to = from + rnd.int(100, 3000);
    return t.slice(0, from) + t.slice(from, to).replace(/[ \t\u3000]+|\n(?=\d)/g, '') + t.slice(to);
  },
  hugeNumber: (t, rnd) => {
    const runs = figures(t);
    if (!runs.length) return t;
    const run = rnd.pick(runs);
    const huge = rnd.chance(0.3) ? '9'.repeat(rnd.int(17, 400)) : rnd.pick(HUGE);
    return t.slice(0, run.index) + huge + t.slice(run.index + run[0].length);
  },
  oddChars: (t, rnd) => {
    let out = t;
    for (let k = rnd.int(1, 6); k > 0; k--) out = insert(out, at(out, rnd), rnd.pick(ODD));
    return out;
  },
  manyLines: (t, rnd, seed, size) => {
    const line = seed.form === 'docx' ? rnd.pick(['<w:p><w:r><w:t>短行</w:t></w:r></w:p>', '<w:p/>']) : rnd.pick(['短行\n', '\n', '\t\n', '续\n', '1\n']);
    return insert(t, boundary(t, rnd, seed), line.repeat(rnd.int(100, 5000 * size)));
  },
  splice: (t, rnd, seed) => {
    const from = at(t, rnd);
    return insert(t, at(t, rnd), t.slice(from, from + rnd.int(10, 3000)) + (seed.form === 'md' ? '\n' : ''));
  },
  deepNesting: (t, rnd, seed, size) => {
    const n = rnd.int(100, 4000 * size);
    const piece =
      seed.form === 'html'
        ? rnd.pick(['<div>', '<table><tr><td>', '<b>', '<span><p>'])
        : seed.form === 'md'
          ? rnd.pick(['>', '- ', '[', '*', '`', '> - '])
          : seed.form === 'docx'
            ? '<w:tbl><w:tr><w:tc>'
            : rnd.pick(['\t', '(', '（']);
    // Word's XML must stay well-formed to reach the reader: its tables nest and close.
    if (seed.form === 'docx') return insert(t, boundary(t, rnd, seed), piece.repeat(n) + '<w:p/>' + '</w:tc></w:tr></w:tbl>'.repeat(n));
    return insert(t, at(t, rnd), piece.repeat(n));
  },
  wideRow: (t, rnd, seed, size) => {
    const n = rnd.int(16, 5000 * size);
    const lines = t.split('\n');
    const k = rnd.int(0, lines.length - 1);
    const cell =
      seed.form === 'html' ? '<td>1</td>' : seed.form === 'md' ? ' 1 |' : seed.form === 'docx' ? '<w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc>' : '\t1';
    lines[k] += cell.repeat(n);
    return lines.join('\n');
  },
};

/** Mutations that keep Word's XML well-formed, so that most Word inputs reach the reader's own logic. */
const WELL_FORMED = ['shuffleLines', 'repeatLines', 'longDigits', 'hugeNumber', 'manyLines', 'deepNesting', 'wideRow'];

const ENCODINGS: Encoding[] = ['utf-8', 'utf-8', 'utf-8', 'utf-8-bom', 'gb18030', 'utf-16le-bom'];

/** The seed with one to three of the text mutations applied; `size` scales repetitions and depth. */
export function mutateText(seed: Seed, rnd: Random, size = 1): Seed {
  const how = [seed.name];
  let text = seed.text;
  for (let k = rnd.int(1, 3); k > 0; k--) {
    const name = rnd.pick(seed.form === 'docx' && rnd.chance(0.9) ? WELL_FORMED : Object.keys(TEXT_MUTATIONS));
    text = TEXT_MUTATIONS[name](text, rnd, seed, size);
    how.push(name);
  }
  return { ...seed, name: how.join(' '), text };
}

/** One mutated input from the seed: a few text mutations, an encoding, sometimes bytes broken. */
export function mutate(original: Seed, rnd: Random, size = 1): FuzzInput {
  const seed = mutateText(original, rnd, size);
  const how = [seed.name];
  const text = seed.text;
  const encoding = rnd.pick(ENCODINGS);
  const crlf = rnd.chance(0.2);
  let bytes: Uint8Array;
  try {
    bytes = fileOf(seed, text, encoding, crlf);
  } catch {
    // A lone surrogate or a character GB18030 cannot hold: the file as UTF-8 instead.
    bytes = fileOf(seed, text, 'utf-8', crlf);
  }
  if (seed.form !== 'docx') how.push(encoding + (crlf ? '+crlf' : ''));
  if (rnd.chance(0.15)) {
    bytes = bytes.slice();
    for (let k = rnd.int(1, 8); k > 0; k--) bytes[rnd.int(0, bytes.length - 1)] = rnd.int(0, 255);
    how.push('byteFlip');
  }
  if (rnd.chance(0.05)) {
    bytes = bytes.subarray(0, rnd.int(0, bytes.length));
    how.push('byteTruncate');
  }
  return { file: nameFor(original, rnd), bytes, how: how.join(' ') };
}

/** The seed's own name mostly; sometimes one a careless or hostile file system gives. */
function nameFor(seed: Seed, rnd: Random): string {
  const ext = EXTENSION[seed.form];
  if (!rnd.chance(0.1)) return `${seed.name.replace(/\W+/g, '-')}${ext}`;
  return rnd.pick([
    `报告 (1)${ext.toUpperCase()}`,
    `a${ext}${ext}`,
    `../../etc/passwd${ext}`,
    `<script>alert(1)</script>${ext}`,
    `=cmd|' /C calc'!A0${ext}`,
    `\ud800名${ext}`,
    `a.pdf`,
    `noextension`,
    `${ext}`,
  ]);
}

/**
 * The seed with one printed figure changed (a figure standing alone, not a date), for the check
 * that a changed figure changes no other number without a warning.
 */
export function changeOneFigure(seed: Seed, rnd: Random): { before: FuzzInput; after: FuzzInput; from: number; to: number } | undefined {
  const candidates = [...seed.text.matchAll(/(?<![\d.,，])\d{1,6}(?![\d.,，年月日号%])/g)].filter(
    (m) => seed.form !== 'docx' || /<w:t(?:\s[^>]*)?>[^<]*$/.test(seed.text.slice(Math.max(0, m.index - 200), m.index)),
  );
  if (!candidates.length) return undefined;
  const m = rnd.pick(candidates);
  const from = Number(m[0]);
  const to = rnd.pick([from + 1, from * 10 + rnd.int(0, 9), Math.floor(from / 10), from + rnd.int(2, 99)]);
  if (to === from) return undefined;
  const changed = seed.text.slice(0, m.index) + String(to) + seed.text.slice(m.index + m[0].length);
  const file = `fuzz${EXTENSION[seed.form]}`;
  const how = `${seed.name} | figure ${from}→${to} at ${m.index}`;
  return { before: { file, bytes: fileOf(seed), how }, after: { file, bytes: fileOf(seed, changed), how }, from, to };
}
