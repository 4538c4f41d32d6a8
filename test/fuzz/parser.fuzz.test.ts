// The parser under a few thousand mutated reports (fixed seeds): every input gets one answer, a
// report or a one-line error, within a time and memory budget; and changing one printed figure
// never changes another number without a warning. `npm run fuzz` runs the same for longer and keeps
// what it finds in fixtures/, which are parsed again here.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { changeOneFigure, fileOf, mutate, mutateText, Random, type Seed } from '../../scripts/fuzz/inputs.ts';
import { loadSeeds } from '../../scripts/fuzz/seeds.ts';
import { answer, unflaggedChanges, type Answer, type SavedInput } from '../../scripts/fuzz/run.ts';

/** Each seed draws its own inputs: a pattern one seed never reaches, another may. */
const SEEDS = [20_251_130, 7, 8];
const INPUTS = 2100;
const FIGURE_CHANGES = 300;
const FIXTURES = join(import.meta.dirname, 'fixtures');
/** Per input, on a slow shared machine; the parser's own limits are counts, so this only catches hangs. */
const MS = 2000;
const MB = 1536;

let seeds: Seed[];
const quiet = console.error;
beforeAll(async () => {
  seeds = await loadSeeds(2);
  // Internal errors print their stack for maintainers; the test counts them instead.
  console.error = () => {};
}, 60_000);
afterAll(() => {
  console.error = quiet;
});

describe('the parser under fuzzed input', () => {
  test('the seeds themselves are all read as reports', async () => {
    for (const seed of seeds) {
      const a = await answer({ file: `seed.${seed.form}`, bytes: fileOf(seed), how: seed.name });
      expect(a.kind, `${seed.name}: ${a.message ?? ''}`).toBe('report');
    }
  });

  test(`${INPUTS} mutated reports from seeds ${SEEDS.join(', ')}: one answer each, within ${MS} ms and ${MB} MB, no internal error`, async () => {
    const failures: string[] = [];
    const kinds: Record<Answer['kind'], number> = { report: 0, error: 0, crash: 0, 'over-budget': 0 };
    for (let i = 0; i < INPUTS; i++) {
      const input = mutate(seeds[i % seeds.length], new Random(SEEDS[i % SEEDS.length], 'fuzz', i));
      const a = await answer(input);
      kinds[a.kind]++;
      const rss = process.memoryUsage().rss / 2 ** 20;
      if (a.kind === 'crash') failures.push(`#${i} ${input.how}: ${a.message?.split('\n')[0]}`);
      if (a.ms > MS) failures.push(`#${i} ${input.how}: ${Math.round(a.ms)} ms`);
      if (rss > MB) failures.push(`#${i} ${input.how}: ${Math.round(rss)} MB`);
    }
    expect(failures).toEqual([]);
    // Most mutated reports are still reports: the mutations reach the table readers, not only the decoders.
    expect(kinds.report).toBeGreaterThan(INPUTS / 2);
  }, 120_000);

  test(`${FIGURE_CHANGES} reports with one figure changed: no other number changes without a warning`, async () => {
    const failures: string[] = [];
    let compared = 0;
    for (let i = 0; i < FIGURE_CHANGES; i++) {
      const rnd = new Random(SEEDS[i % SEEDS.length], 'figure', i);
      const seed = seeds[i % seeds.length];
      const change = changeOneFigure(rnd.chance(0.5) ? seed : mutateText(seed, rnd), rnd);
      if (!change) continue;
      const [before, after] = [await answer(change.before), await answer(change.after)];
      if (!before.report || !after.report) continue;
      compared++;
      const changed = unflaggedChanges(before.report, after.report, change.from, change.to);
      if (changed.length) failures.push(`${change.before.how}: ${changed.join('; ')}`);
    }
    expect(failures).toEqual([]);
    expect(compared).toBeGreaterThan(FIGURE_CHANGES / 3);
  }, 120_000);

  test('every input a long run kept (fixtures/) is answered within the budget, and its figure change flagged', async () => {
    const saved = readdirSync(FIXTURES).filter((n) => n.endsWith('.json'));
    expect(saved.length).toBeGreaterThan(0);
    const failures: string[] = [];
    const reports = new Map<string, Answer>();
    for (const name of saved) {
      const record = JSON.parse(readFileSync(join(FIXTURES, name), 'utf8')) as SavedInput;
      const input = name.replace(/\.json$/, '');
      const a = await answer({ file: record.file, bytes: readFileSync(join(FIXTURES, input)), how: record.how });
      if (a.kind === 'crash') failures.push(`${input} (${record.how}): ${a.message?.split('\n')[0]}`);
      if (a.ms > MS) failures.push(`${input} (${record.how}): ${Math.round(a.ms)} ms`);
      if (record.role) reports.set(input, a);
    }
    // A figure change kept for changing a number silently: its two inputs, compared again.
    for (const [input, before] of reports) {
      const record = JSON.parse(readFileSync(join(FIXTURES, `${input}.json`), 'utf8')) as SavedInput;
      const after = reports.get(input.replace('-before', '-after'));
      if (record.role !== 'before' || !before.report || !after?.report) continue;
      const changed = unflaggedChanges(before.report, after.report, record.from!, record.to!);
      if (changed.length) failures.push(`${input}: ${changed.join('; ')}`);
    }
    expect(failures).toEqual([]);
  }, 120_000);

  test('the figure check itself notices a number that changed elsewhere without a warning', async () => {
    const seed = seeds.find((s) => s.name.startsWith('synthetic-text-tabs'))!;
    const { report } = await answer({ file: 'a.txt', bytes: fileOf(seed), how: seed.name });
    const total = report!.applications.received.total!;
    // What a bug would give: another cell's number changed, nothing flagging it.
    const after = structuredClone(report!);
    after.applications.received.total = total + 5;
    Object.assign(after, { warnings: [], checks: [], inferred: false });
    expect(unflaggedChanges(report!, after, 1, 2)).toEqual([`applications.received.total: ${total} → ${total + 5}`]);
    after.warnings = [{ code: 'table/ambiguous-cells', message: '', cells: ['applications.received.total'] }];
    expect(unflaggedChanges(report!, after, 1, 2)).toEqual([]);
  });
});
