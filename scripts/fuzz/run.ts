// One fuzz input through the parser, and what counts as a failure: no answer (an exception or an
// internal error), an answer beyond the time budget, or a changed figure that changed another
// number with no warning.
import type { Report } from '../../model/report.ts';
import { reportCells } from '../../model/cell-paths.ts';
import type { FuzzInput } from './inputs.ts';

export interface Answer {
  /** `crash`: an exception or internal error; `over-budget`: no answer within the time or memory allowed (scripts/fuzz.ts). */
  kind: 'report' | 'error' | 'crash' | 'over-budget';
  /** Wall time; `cpuMs`: the parsing thread's own CPU time, which a busy machine does not inflate. */
  ms: number;
  cpuMs?: number;
  report?: Report;
  message?: string;
}

/** What scripts/fuzz.ts writes beside an input it keeps (test/fuzz/fixtures/<seed>-<draw>….json). */
export interface SavedInput {
  /** The file name the parser was given. */
  file: string;
  seed: number;
  draw: number;
  how: string;
  why: string;
  ms?: number;
  /** One of a figure change's two inputs: the figure printed `from` in `before` is `to` in `after`. */
  role?: 'before' | 'after';
  from?: number;
  to?: number;
}

/** Parse one input; never throws. The parser is loaded by the first call: the fuzzer's main thread only compares. */
export async function answer(input: FuzzInput): Promise<Answer> {
  const { parseBytes } = await import('../parser/index.ts');
  const start = performance.now();
  const cpu = process.threadCpuUsage();
  try {
    const outcome = await parseBytes(input.file, input.bytes);
    const ms = performance.now() - start;
    const used = process.threadCpuUsage(cpu);
    const cpuMs = (used.user + used.system) / 1000;
    if ('report' in outcome) return { kind: 'report', ms, cpuMs, report: outcome.report };
    if (outcome.kind === 'internal') return { kind: 'crash', ms, cpuMs, message: `${outcome.error}\n${outcome.stack}` };
    return { kind: 'error', ms, cpuMs, message: outcome.error };
  } catch (error) {
    return { kind: 'crash', ms: performance.now() - start, message: `threw ${(error as Error)?.stack ?? String(error)}` };
  }
}

/** Every table cell of a report by dotted path. */
const cells = (report: Report): Map<string, number | null> => new Map([...reportCells(report)].map((c) => [c.path, c.value]));

/**
 * Cells whose number changed between the two reports when one printed figure went from `from` to
 * `to`, without a warning or failed check on them (or boundaries marked inferred): the edited
 * cell itself may change from `from` to `to`; a number may become null; nothing else may.
 */
export function unflaggedChanges(before: Report, after: Report, from: number, to: number): string[] {
  const flagged = (r: Report, p: string) =>
    r.inferred || r.warnings.some((w) => w.cells?.includes(p)) || r.checks.some((c) => c.ok === false && c.cells.includes(p));
  const a = cells(before);
  const b = cells(after);
  const changed: string[] = [];
  for (const [p, v] of b) {
    const old = a.get(p);
    if (typeof v !== 'number' || typeof old !== 'number' || v === old) continue;
    if (old === from && v === to) continue;
    if (before.raw[p]?.includes(String(from)) && after.raw[p]?.includes(String(to))) continue;
    if (flagged(after, p) || flagged(before, p)) continue;
    changed.push(`${p}: ${old} → ${v}`);
  }
  return changed;
}
