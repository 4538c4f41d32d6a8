// Choosing cell boundaries in run-together text. Every row offers its possible readings (runs.ts);
// the readings that break the fewest consistency equations win, then those needing the fewest
// missing cells, then those agreeing with the most figures restated in the prose. Cells on which
// all winners agree get their value; the others stay null with a warning: never a guess.
import type { Warning } from '../../../model/report.ts';
import { evaluate, type Equation, type Lookup } from './equations.ts';
import { notSafeInteger } from '../tables/read-cell.ts';
import { MAX_READINGS, type Reading } from './runs.ts';

export interface RowObservation {
  /** Dotted paths of the row's cells, in printed order. */
  paths: string[];
  /** Name of the row for messages. */
  label: string;
  /** What was printed, for messages. */
  printed: string;
  readings: Reading[] | 'too-many';
  /** Readings with blank cells, tried when no reading of `readings` is consistent (runs.ts). */
  blanks?: Reading[];
}

/** A figure restated in the prose: one of the alternative sums of cells should equal `value`. */
export interface Fact {
  alternatives: string[][];
  value: number;
  quote: string;
}

export interface Solution {
  values: Map<string, number | null>;
  raw: Map<string, string>;
  warnings: Warning[];
  /** Some boundaries were chosen by the arithmetic (so checks on them prove nothing). */
  inferred: boolean;
  /** The cells given a value by that choice: their row could be cut several ways (the report's `cut`). */
  cut: string[];
}

/**
 * Work allowed per report, in readings tried by the cut search (consistentCuts, leastBroken). The
 * real reports in the development corpus try at most 79 and a crawled report with every cell of
 * table 三 run together a dozen: the arithmetic prunes early. The allowance is a thousand times
 * that; spent in full (thirty rows of many readings each) it takes about half a second on a slow
 * shared core. A count, not a timer, so a report reads the same on every machine.
 */
export const MAX_WORK = 100_000;
/** At most this many combinations are tried when no cut is consistent (leastBroken). */
const MAX_COMBINATIONS = 20000;

/** The cut search's allowance for one report. */
class Budget {
  left = MAX_WORK;
  /** False once the allowance is spent. */
  spend(work = 1): boolean {
    this.left -= work;
    return this.left >= 0;
  }
}

export function solve(rows: RowObservation[], eqs: Equation[], facts: Fact[]): Solution {
  const values = new Map<string, number | null>();
  const raw = new Map<string, string>();
  const warnings: Warning[] = [];
  let inferred = false;
  /** Rows with more than one reading: the arithmetic chose their cut. */
  const chosenRows: RowObservation[] = [];

  const budget = new Budget();
  const fixed: Cells = new Map();
  const options: Option[] = [];
  for (const row of rows) {
    if (row.readings === 'too-many') {
      row.paths.forEach((p) => values.set(p, null));
      warnings.push(overBudget(row, `有超过 ${MAX_READINGS} 种拆分方式`));
      continue;
    }
    if (row.readings.length === 0) {
      row.paths.forEach((p) => values.set(p, null));
      warnings.push({
        code: 'table/unreadable-row',
        message: `「${row.label}」一行印出的数字「${shown(row.printed)}」无法拆分为 ${row.paths.length} 个单元格，该行留空。`,
        cells: row.paths,
      });
      continue;
    }
    const readings = keepLocallyBest(row, row.readings, eqs);
    if (readings.length === 1 && readings[0].values.every((v) => v !== undefined)) {
      record(row, readings[0], fixed, raw);
      if (row.readings.length > 1) {
        inferred = true;
        chosenRows.push(row);
      }
    } else {
      chosenRows.push(row);
      options.push({ row, readings });
      inferred = true;
    }
  }

  // Rows no equation reaches (table 二) are chosen alone, by the prose figures only; the others
  // jointly, since one row's cut changes the sums another row is checked against.
  const joint = options.filter((o) => eqs.some((e) => touches(e, o.row)));
  const alone = options.filter((o) => !joint.includes(o));
  const best = new Map<RowObservation, Cells[]>();
  /** Rows read with blank cells (withBlanks). */
  const blanked = new Set<RowObservation>();
  /** Rows whose search ran out of budget: null, never the best found so far. */
  const unfinished = new Set<RowObservation>();
  const choose = (group: Option[]) => {
    const touching = eqs.filter((e) => group.some((o) => touches(e, o.row)));
    // First the cuts that break no equation, found with pruning; only if there are none, the
    // cuts that break the fewest (the report itself is inconsistent), by trying them all.
    let candidates = consistentCuts(group, fixed, touching, budget);
    if (Array.isArray(candidates) && !candidates.length) {
      const blank = withBlanks(group, fixed, eqs, budget);
      blank?.rows.forEach((r) => blanked.add(r));
      candidates = blank?.cuts ?? leastBroken(group, fixed, touching, budget);
    }
    if (candidates === 'over-budget') group.forEach((o) => unfinished.add(o.row));
    const winners = Array.isArray(candidates) ? preferred(candidates, group, touching, facts) : [];
    winners.forEach((cells) => infer(cells, eqs));
    group.forEach((o) => best.set(o.row, winners));
  };
  if (joint.length) choose(joint);
  for (const o of alone) choose([o]);

  for (const [path, value] of fixed) values.set(path, value ?? null);
  for (const { row, readings } of options) {
    const uncertain: string[] = [];
    const winners = best.get(row) ?? [];
    row.paths.forEach((p, i) => {
      const seen = new Set(winners.map((cells) => cells.get(p)));
      const [only] = seen;
      if (winners.length && seen.size === 1 && only !== undefined) {
        values.set(p, only);
        const rawText = readings.find((r) => r.values[i] === only)?.raws[i];
        if (rawText !== undefined) raw.set(p, rawText);
      } else {
        values.set(p, null);
        uncertain.push(p);
      }
    });
    const missing = (blanked.has(row) ? row.blanks! : readings)[0].values.filter((v) => v === undefined).length;
    if (unfinished.has(row)) {
      warnings.push(overBudget(row, '与其他行组合后需要检验的拆分方式太多'));
    } else if (missing) {
      warnings.push({
        code: 'table/missing-cells',
        message: `「${row.label}」一行只印出 ${row.paths.length - missing} 个数字（${shown(row.printed)}），有 ${missing} 个单元格为空且位置不明${
          uncertain.length ? '；无法确定的单元格留空' : '；各单元格的值由表内勾稽关系推得'
        }。`,
        cells: row.paths,
      });
    } else if (uncertain.length) {
      warnings.push({
        code: 'table/ambiguous-cells',
        message: `「${row.label}」一行的数字「${shown(row.printed)}」有多种拆分都与表内勾稽关系和正文相符，无法确定的 ${uncertain.length} 个单元格留空。`,
        cells: uncertain,
      });
    }
  }
  const large = [...raw].filter(([p, text]) => values.get(p) === null && notSafeInteger(text)).map(([p]) => p);
  if (large.length) {
    warnings.push({
      code: 'table/not-safe-integer',
      message: `${large.length} 个单元格印出的数字过大，无法精确表示（${shown(raw.get(large[0])!)}），这些单元格留空，原文保留。`,
      cells: large,
    });
  }
  const cut = chosenRows.flatMap((row) => row.paths.filter((p) => typeof values.get(p) === 'number'));
  return { values, raw, warnings, inferred, cut };
}

function overBudget(row: RowObservation, why: string): Warning {
  return {
    code: 'table/over-budget',
    message: `「${row.label}」一行的数字「${shown(row.printed)}」${why}，超出解析器的计算限度，该行留空，不作猜测。`,
    cells: row.paths,
  };
}

/** Printed text quoted in a message, shortened: a row may print thousands of digits. */
const shown = (printed: string) => (printed.length > 60 ? `${printed.slice(0, 60)}…` : printed);

type Cells = Map<string, number | null | undefined>;
type Option = { row: RowObservation; readings: Reading[] };

/** Beyond this many consistent cuts the rows are ambiguous anyway: listing stops (all null). */
const MAX_CUTS = 500;

/**
 * Every cut of the rows that breaks no equation; 'too-many' when they are too many to list,
 * 'over-budget' when the report's allowance ran out before all were tried.
 */
function consistentCuts(group: Option[], fixed: Cells, eqs: Equation[], budget: Budget): Cells[] | 'too-many' | 'over-budget' {
  const order = [...group].sort((a, b) => a.readings.length - b.readings.length);
  const eqsOf = order.map((o) => eqs.filter((e) => touches(e, o.row)));
  const chosen: Cells = new Map();
  const open = new Set(group.flatMap((o) => o.row.paths));
  const get = (p: string) => (chosen.has(p) ? chosen.get(p) : fixed.get(p));
  const found: Cells[] = [];
  let spent = false;
  // False when the equation is broken whatever the rows still open hold (counts are never negative).
  const holds = (e: Equation) => {
    const side = (paths: string[]) => {
      let sum = 0;
      let pending = false;
      for (const p of paths) {
        if (open.has(p)) pending = true;
        else {
          const v = get(p);
          if (typeof v !== 'number' || v < 0) return undefined;
          sum += v;
        }
      }
      return { sum: Math.round(sum * 1e6), pending };
    };
    const l = side(e.left);
    const r = side(e.right);
    if (!l || !r) return true;
    if (!l.pending && !r.pending) return l.sum === r.sum;
    if (!l.pending && r.sum > l.sum) return false;
    if (!r.pending && l.sum > r.sum) return false;
    return true;
  };
  const visit = (k: number): boolean => {
    if (k === order.length) {
      found.push(new Map([...fixed, ...chosen]));
      return found.length <= MAX_CUTS;
    }
    const o = order[k];
    for (const reading of o.readings) {
      // Each reading tried is work, whether or not the equations let it through.
      if (!budget.spend()) return !(spent = true);
      o.row.paths.forEach((p, i) => {
        chosen.set(p, reading.values[i]);
        open.delete(p);
      });
      if (eqsOf[k].every(holds) && !visit(k + 1)) return false;
    }
    o.row.paths.forEach((p) => {
      chosen.delete(p);
      open.add(p);
    });
    return true;
  };
  if (visit(0)) return found;
  return spent ? 'over-budget' : 'too-many';
}

/**
 * When no cut is consistent, the readings that take the figures as printed with cells left blank:
 * kept if the equations then fix every blank cell and all hold. Undefined (or false) if none do.
 */
function withBlanks(group: Option[], fixed: Cells, eqs: Equation[], budget: Budget): { cuts: Cells[]; rows: RowObservation[] } | undefined {
  if (!group.some((o) => o.row.blanks?.length)) return undefined;
  const widened = group.map((o) => ({ row: o.row, readings: [...o.readings, ...(o.row.blanks ?? [])] }));
  const cuts = consistentCuts(
    widened,
    fixed,
    eqs.filter((e) => widened.some((o) => touches(e, o.row))),
    budget,
  );
  if (!Array.isArray(cuts)) return undefined;
  const paths = group.flatMap((o) => o.row.paths);
  const rows = new Set<RowObservation>();
  const complete = cuts.filter((cells) => {
    const blankRows = group.filter((o) => o.row.paths.some((p) => cells.get(p) === undefined)).map((o) => o.row);
    infer(cells, eqs);
    const ok = paths.every((p) => cells.get(p) !== undefined) && eqs.every((e) => evaluate(e, (p) => cells.get(p)).ok !== false);
    if (ok) blankRows.forEach((r) => rows.add(r));
    return ok;
  });
  return complete.length ? { cuts: complete, rows: [...rows] } : undefined;
}

/**
 * The cuts breaking the fewest equations, trying every combination: 'over-budget' when they are
 * too many to try, 'too-many' when more than MAX_CUTS tie (as in consistentCuts).
 */
function leastBroken(group: Option[], fixed: Cells, eqs: Equation[], budget: Budget): Cells[] | 'too-many' | 'over-budget' {
  const combinations = group.reduce((n, o) => n * o.readings.length, 1);
  if (combinations > MAX_COMBINATIONS || !budget.spend(combinations)) return 'over-budget';
  let fewest = Infinity;
  let tied: Reading[][] = [];
  const chosen: Cells = new Map(fixed);
  const get = (p: string) => chosen.get(p);
  // Every combination in turn, as an odometer over the rows' readings.
  const digit = group.map(() => 0);
  for (let n = 0; n < combinations; n++) {
    group.forEach((o, k) => o.row.paths.forEach((p, i) => chosen.set(p, o.readings[digit[k]].values[i])));
    let broken = 0;
    for (const e of eqs) if (evaluate(e, get).ok === false) broken++;
    if (broken < fewest) {
      fewest = broken;
      tied = [];
    }
    if (broken === fewest && tied.length <= MAX_CUTS) tied.push(group.map((o, k) => o.readings[digit[k]]));
    for (let k = group.length - 1; k >= 0 && ++digit[k] === group[k].readings.length; k--) digit[k] = 0;
  }
  if (tied.length > MAX_CUTS) return 'too-many';
  return tied.map((choice) => {
    const cells: Cells = new Map(fixed);
    group.forEach((o, k) => o.row.paths.forEach((p, i) => cells.set(p, choice[k].values[i])));
    return cells;
  });
}

/** Among equally consistent cuts, those needing the fewest missing cells, then matching the most prose figures. */
function preferred(cuts: Cells[], group: Option[], eqs: Equation[], facts: Fact[]): Cells[] {
  const paths = group.flatMap((o) => o.row.paths);
  const scored = cuts.map((cells) => ({ cells, score: scoreOf((p) => cells.get(p), paths, eqs, facts) }));
  const top = scored.reduce<number[] | undefined>((b, s) => (!b || compare(s.score, b) < 0 ? s.score : b), undefined);
  return scored.filter((s) => top && compare(s.score, top) === 0).map((s) => s.cells);
}

const touches = (e: Equation, row: RowObservation) => [...e.left, ...e.right].some((p) => row.paths.includes(p));

function record(row: RowObservation, reading: Reading, into: Cells, raw: Map<string, string>) {
  row.paths.forEach((p, i) => {
    into.set(p, reading.values[i]);
    const r = reading.raws[i];
    if (r !== undefined) raw.set(p, r);
  });
}

/** Readings that break the fewest of the equations lying wholly inside this row (R3, R4). */
function keepLocallyBest(row: RowObservation, readings: Reading[], eqs: Equation[]): Reading[] {
  if (readings.length === 1) return readings;
  const local = eqs.filter((e) => [...e.left, ...e.right].every((p) => row.paths.includes(p)));
  const broken = readings.map((r) => {
    const get = (p: string) => r.values[row.paths.indexOf(p)];
    return local.filter((e) => evaluate(e, get).ok === false).length;
  });
  const min = Math.min(...broken);
  return readings.filter((_, k) => broken[k] === min);
}

/** [equations broken, cells unknown, −facts matched]: smaller is better. */
function scoreOf(get: Lookup, paths: string[], eqs: Equation[], facts: Fact[]): number[] {
  const broken = eqs.filter((e) => evaluate(e, get).ok === false).length;
  const unknown = paths.filter((p) => get(p) === undefined).length;
  const matched = facts.filter((f) =>
    f.alternatives.some((alt) => alt.every((p) => typeof get(p) === 'number') && alt.reduce((s, p) => s + (get(p) as number), 0) === f.value),
  ).length;
  return [broken, unknown, -matched];
}

function compare(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}

/** Fill cells the run did not print where an equation leaves exactly one possible value. */
function infer(cells: Cells, eqs: Equation[]) {
  for (let changed = true; changed;) {
    changed = false;
    for (const eq of eqs) {
      const paths = [...eq.left, ...eq.right];
      const unknown = paths.filter((p) => cells.get(p) === undefined);
      if (unknown.length !== 1 || paths.some((p) => cells.get(p) === null)) continue;
      const sum = (ps: string[]) => ps.reduce((s, p) => s + ((cells.get(p) as number | undefined) ?? 0), 0);
      const value = eq.left.includes(unknown[0]) ? sum(eq.right) - sum(eq.left) : sum(eq.left) - sum(eq.right);
      if (value >= 0 && Number.isInteger(value)) {
        cells.set(unknown[0], value);
        changed = true;
      }
    }
  }
}
