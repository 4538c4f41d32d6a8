// Tables flattened into text (crawled web pages, pdftotext): find each template row's label in the
// text and read the figures after it, which may have run together ("1000001") and are cut later by
// solve.ts. Rows are searched in template order, so a label cannot be taken from another table.
import { SECTIONS } from '../../../model/templates.ts';
import { findFragment, findLast, findWrapped, type Anchor } from './anchors.ts';
import type { RowSpec } from './row-specs.ts';
import { alignShortRows } from './aligned-columns.ts';
import type { Equation } from '../solve/equations.ts';
import { readInOrder } from './tables-order.ts';
import { blankReadings, leadingAtoms, readings, type Atom } from '../solve/runs.ts';
import type { RowObservation } from '../solve/solve.ts';

export interface Refusal {
  spec: RowSpec;
  code: 'table/columns-split' | 'table/figures-before-labels';
}

export interface TextTables {
  found: Map<RowSpec, RowObservation>;
  /** Where each row's printed figures stand in the text. */
  at: Map<RowSpec, [number, number]>;
  /** Rows of a table whose layout was lost (text without layout), not read, with the warning code saying how. */
  refused: Refusal[];
  /** Where the tables are in the text, so the narrative can leave them out. */
  spans: [number, number][];
  /** Table 三 was read from its figures' order and the arithmetic (tables-order.ts): its checks prove nothing. */
  ordered: boolean;
}

const CAPTION = ['第二十条第(一)项', '第二十条第(五)项'];
/** Any block caption of table 二 (第二十条第（x）项). */
const CAPTION_ANY = ['第二十条第'];
const REVIEW_HEADING = ['政府信息公开行政复议', '行政复议、行政诉讼情况', '行政复议、提起行政诉讼', '行政诉讼情况'];
const REVIEW_HEADER_WORDS = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '维持', '纠正', '审结', '复议后起诉', '直接起诉'];
/** Table 三's header printed before its first row: the 勾稽 note and the applicant columns (report-format.md §3.1). */
const APPLICATIONS_HEADER = ['（本列数据的勾稽关系', '本列数据的勾稽关系', '申请人情况'];
const PROBLEMS = SECTIONS.find((s) => s.key === 'problems')!.match;

/** `text` must be folded (fold.ts); `eqs` are table 三's and 四's (equations.ts). */
export function observeText(text: string, proactive: RowSpec[], applications: RowSpec[], review: RowSpec | null, eqs: Equation[] = []): TextTables {
  const found = new Map<RowSpec, RowObservation>();
  const at = new Map<RowSpec, [number, number]>();
  let refused: Refusal[] = [];
  const spans: [number, number][] = [];
  let ordered = false;

  const appStart = applications.length ? findFragment(text, applications[0].match, 0) : undefined;
  const caption = findFragment(text, CAPTION, 0, appStart?.start);
  const proactiveEnd = appStart?.start ?? text.length;
  if (proactive.length) {
    const span = scanRows(text, proactive, caption?.start ?? 0, proactiveEnd, found, at, refused);
    if (span) spans.push([caption?.start ?? span[0], span[1]]);
  }

  let reviewFrom = proactiveEnd;
  if (appStart) {
    // The header goes with the table, not into section 三's text.
    const headerFrom = Math.max(spans.at(-1)?.[1] ?? 0, appStart.start - 1500);
    const header = findFragment(text, APPLICATIONS_HEADER, headerFrom, appStart.start);
    const last = applications.at(-1)!;
    const lastAnchor = findFragment(text, last.match, appStart.start);
    const heading = findFragment(text, REVIEW_HEADING, lastAnchor?.end ?? appStart.end);
    const from = header?.start ?? appStart.start;
    const to = heading?.start ?? text.length;
    const span = scanRows(text, applications, from, to, found, at, refused);
    if (span) spans.push([from, span[1]]);
    // Rows read with figures missing, too many, or not at all: text without layout; its figures' order may still settle them.
    const clean = applications.every((s) => {
      const readings = found.get(s)?.readings;
      return Array.isArray(readings) && readings.length === 1 && readings[0].values.every((v) => v !== undefined);
    });
    const inOrder = clean ? undefined : readInOrder(text, from, to, applications, eqs);
    if (inOrder) {
      for (const [spec, cells] of inOrder) {
        found.set(
          spec,
          observe(
            spec,
            cells.map((c) => ({ text: c, kind: 'cell' as const })),
            cells.join(' '),
          ),
        );
        at.delete(spec);
      }
      refused = refused.filter((r) => !inOrder.has(r.spec));
      ordered = true;
    }
    reviewFrom = heading?.start ?? span?.[1] ?? appStart.end;
  }

  const heading = review && findFragment(text, REVIEW_HEADING, reviewFrom);
  if (review && heading) {
    const sectionEnd = findFragment(text, PROBLEMS, heading.end)?.start ?? text.length;
    const header = findLast(text, REVIEW_HEADER_WORDS, heading.end, sectionEnd);
    const from = header?.end ?? heading.end;
    const { atoms, end } = leadingAtoms(text.slice(from, sectionEnd));
    if (atoms.length) {
      found.set(review, observe(review, atoms, text.slice(from, from + end)));
      at.set(review, [from + atoms[0].at!, from + end]);
      spans.push([heading.start, from + end]);
    }
  }
  return { found, at, refused, spans, ordered };
}

/** Find each row's label after the previous one; returns the span from the first label to the last figure. */
function scanRows(
  text: string,
  specs: RowSpec[],
  from: number,
  to: number,
  found: Map<RowSpec, RowObservation>,
  at: Map<RowSpec, [number, number]>,
  refused: Refusal[],
): [number, number] | undefined {
  const anchors: (Anchor | undefined)[] = [];
  let pos = from;
  specs.forEach((spec, i) => {
    const anchor = findRow(text, spec, pos, to);
    // A label found beyond the next row's label is not this row's: the row is missing.
    const next = specs[i + 1] && findRow(text, specs[i + 1], pos, to);
    if (anchor && !(next && next.start < anchor.start)) {
      anchors[i] = anchor;
      pos = anchor.end;
    }
  });
  // Text without layout may print each row's figures before its label: a block then opens with figures
  // right after its header ("…对外公开总数量 0 0 0 规章 3 3 45 规范性文件"). Which row a figure belongs to
  // cannot be told, and reading figures after labels would give each row its neighbour's: refused.
  const opensWithFigures = specs.some((_, i) => {
    const anchor = anchors[i];
    if (!anchor) return false;
    const before = text.slice(anchors.slice(0, i).findLast((a) => a)?.end ?? from, anchor.start);
    const opensBlock = i === 0 || findFragment(before, CAPTION_ANY, 0) !== undefined;
    // (?!\d): a run of digits is one figure, never cut between figures, or the match backtracks
    // through every cut of a long run (2^n: regex-backtracking.test.ts).
    return opensBlock && /\p{Script=Han}[^\d\p{Script=Han}]*(?:[+-]?\d+(?:\.\d+)?(?!\d)(?:亿元|万元|元)?[\s,，、]*)+$/u.test(before);
  });
  if (opensWithFigures) {
    refused.push(...specs.map((spec) => ({ spec, code: 'table/figures-before-labels' as const })));
    const first = anchors.find((a) => a);
    const last = anchors.findLast((a) => a);
    return first && last ? [first.start, last.end] : undefined;
  }
  const rows = specs.map((spec, i): Read | undefined => {
    const anchor = anchors[i];
    if (!anchor) return undefined;
    const stop = anchors.slice(i + 1).find((a) => a)?.start ?? to;
    const segment = beforeGluedYear(text.slice(anchor.end, stop));
    const first = leadingAtoms(segment);
    // The label wrapped between lines of its own figures ("2.没有现成信息需要另行制 0 0 / 法提供 作 0 0 0 0 0"):
    // the figures after the label's last words are the same row's.
    const more = first.atoms.length && first.atoms.length < spec.paths.length ? leadingAtoms(segment.slice(first.end)) : undefined;
    const rest = segment.slice(first.end);
    // Only figures after a few words of label: never a row's ordinal ("1.属于…") or a page number ("3/6").
    const wrapped =
      more?.atoms.length &&
      more.atoms.every((a) => a.kind === 'number' && !/^\s*[.、．/]/u.test(rest.slice(a.at! + a.text.length))) &&
      !/\d/.test(rest.slice(0, more.atoms[0].at!)) &&
      rest.slice(0, more.atoms[0].at!).replace(/\s+/g, '').length <= 12;
    const atoms = [...first.atoms, ...(wrapped ? more.atoms.map((a) => ({ ...a, at: a.at! + first.end })) : [])];
    return { spec, atoms, offsets: atoms.map((a) => anchor.end + a.at!), labelStart: anchor.start };
  });
  const orphaned = orphanedFigures(text, rows, from);
  const doubtful = [...orphaned, ...figuresBeforeLabels(text, rows)];
  refused.push(...doubtful.map((r) => ({ spec: r.spec, code: 'table/figures-before-labels' as const })));
  const read = rows.filter((r): r is Read => !!r && r.atoms.length > 0 && !doubtful.includes(r));
  let span: [number, number] | undefined;
  for (const r of read) span = [span?.[0] ?? r.labelStart, figuresEnd(r)];

  const n = specs[0]?.paths.length ?? 0;
  // A row showing more figures than cells means figures strayed between rows: where a short row's
  // figures stand then says nothing about its blanks.
  const strayed = read.some((r) => r.atoms.length > r.spec.paths.length);
  const aligned = specs.every((s) => s.paths.length === n) && !strayed ? alignShortRows(text, read, n) : new Map<number, string[]>();
  // Text without layout (pdftotext without -layout) may print a table's columns as separate blocks: most
  // rows then show fewer figures than cells, and the missing ones stand elsewhere. Such a table cannot
  // be read row by row; it is refused rather than pieced together.
  const short = read.filter((r, k) => !aligned.has(k) && r.atoms.reduce((d, a) => d + (a.kind === 'number' ? digitCount(a.text) : 1), 0) < r.spec.paths.length);
  if (read.length >= 4 && short.length * 2 > read.length) {
    refused.push(...specs.map((spec) => ({ spec, code: 'table/columns-split' as const })));
    return span;
  }
  read.forEach((r, k) => {
    const cells = aligned.get(k);
    const printed = text.slice(r.offsets[0], figuresEnd(r));
    found.set(r.spec, observe(r.spec, cells ? cells.map((c) => ({ text: c, kind: 'cell' as const })) : r.atoms, printed));
    at.set(r.spec, [r.offsets[0], figuresEnd(r)]);
  });
  return span;
}

interface Read {
  spec: RowSpec;
  atoms: Atom[];
  /** Absolute offsets of the atoms. */
  offsets: number[];
  labelStart: number;
}

const figuresEnd = (r: Read) => r.offsets.at(-1)! + r.atoms.at(-1)!.text.length;
const digitCount = (s: string) => (s.match(/\d/g) ?? []).length;

/**
 * Text without layout (and pdftotext -layout around a wrapped label) may print a row's figures away from
 * its label. A row showing its own figures and a neighbour's, as separate figures, is one of:
 *  - labels stacked before their figures: the row before shows none, and takes the first figures;
 *  - figures printed before the next label: the next row takes the last figures, and each row after it,
 *    up to one showing none, shows the figures of the row after it.
 * When exactly one holds, each row gets its own; when both or neither do, which figures are whose cannot
 * be told, and those rows are returned, to be refused.
 */
function figuresBeforeLabels(text: string, rows: (Read | undefined)[]): Read[] {
  const doubtful: Read[] = [];
  const separate = (r: Read) => r.atoms.every((a) => a.kind === 'number' && digitCount(a.text) <= 4);
  // Two rows' figures part at a line end; a line holding figures of both is columns run across rows.
  const partsAtLineEnd = (r: Read, at: number) => text.slice(r.offsets[at - 1] + r.atoms[at - 1].text.length, r.offsets[at]).includes('\n');
  const take = (to: Read, from: Read, start: number, end?: number) => {
    to.atoms = from.atoms.slice(start, end);
    to.offsets = from.offsets.slice(start, end);
  };
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (!r || r.atoms.length <= r.spec.paths.length || !separate(r)) continue;
    const own = r.spec.paths.length;
    const prev = rows[i - 1];
    const next = rows[i + 1];
    const stacked = !!prev && prev.atoms.length === 0 && r.atoms.length === prev.spec.paths.length + own && partsAtLineEnd(r, prev.spec.paths.length);
    let k = i + 1;
    while (rows[k]?.atoms.length && rows[k + 1] && rows[k]!.atoms.length === rows[k + 1]!.spec.paths.length && separate(rows[k]!)) k++;
    const chain = rows.slice(i + 1, k + 1);
    const before = !!next && r.atoms.length === own + next.spec.paths.length && partsAtLineEnd(r, own) && chain.every(Boolean) && rows[k]!.atoms.length === 0;
    if (stacked && !before) {
      take(prev, r, 0, prev.spec.paths.length);
      take(r, { ...r }, prev.spec.paths.length);
    } else if (before && !stacked) {
      for (let j = k; j > i + 1; j--) take(rows[j]!, rows[j - 1]!, 0);
      take(next, r, own);
      take(r, { ...r }, 0, own);
      i = k;
    } else if (r.atoms.length === own + (next?.spec.paths.length ?? NaN) || r.atoms.length === own + (prev?.spec.paths.length ?? NaN)) {
      // Whose figures these are cannot be told: this row, an empty row before it, and the run after it.
      doubtful.push(...([prev?.atoms.length === 0 ? prev : undefined, r, ...chain].filter(Boolean) as Read[]));
      i = k;
    }
  }
  return doubtful;
}

/**
 * A line of figures between rows that no row took ("8.属于行政查询事项 1 0 0 0 0 0 1 / page footer /
 * 28 4 0 0 0 1 33 / 1.本机关不掌握… 4 2 0 0 0 0 6"): the next row's own figures printed before its label,
 * so the figures after its label, and after each label up to a row showing none, may be the next row's.
 * Those rows are returned, to be refused.
 */
function orphanedFigures(text: string, rows: (Read | undefined)[], from: number): Read[] {
  const doubtful: Read[] = [];
  let end = from;
  rows.forEach((r, i) => {
    if (!r) return;
    const gap = text.slice(end, r.labelStart);
    end = r.atoms.length ? figuresEnd(r) : r.labelStart;
    if (i === 0 || !gap.split('\n').some((line) => /^\s*[+-]?\d+(?:\.\d+)?(?:\s+[+-]?\d+(?:\.\d+)?)+\s*$/.test(line))) return;
    for (let k = i; rows[k]; k++) {
      doubtful.push(rows[k]!);
      if (!rows[k]!.atoms.length) break;
    }
  });
  return doubtful;
}

/** A row's label, whole or (a numbered row) wrapped in its cell, first match from `from`. */
function findRow(text: string, spec: RowSpec, from: number, to: number): Anchor | undefined {
  const whole = findFragment(text, spec.match, from, to, spec.ordinal);
  const wrapped = spec.ordinal ? findWrapped(text, spec.ordinal, spec.label, from, to) : undefined;
  return !wrapped || (whole && whole.start <= wrapped.start) ? whole : wrapped;
}

/**
 * A table's last row run straight into the next paragraph ("结转下年度继续办理20000022025年，…"): the
 * paragraph's opening year is not part of the row's figures.
 */
function beforeGluedYear(text: string): string {
  const m = /\d((?:19|20)\d{2})\s*年/u.exec(text);
  return m ? text.slice(0, m.index + 1) : text;
}

function observe(spec: RowSpec, atoms: Atom[], printed: string): RowObservation {
  return {
    paths: spec.paths,
    label: spec.label,
    printed: printed
      .replace(/^[^\d+\-—/无]*/u, '')
      .replace(/\s+/g, ' ')
      .trim(),
    readings: readings(atoms, spec.paths.length, { money: spec.money }),
    blanks: blankReadings(atoms, spec.paths.length, { money: spec.money }),
  };
}
