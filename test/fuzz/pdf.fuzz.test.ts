// The parser under broken PDFs (fixed seed): every mutated PDF gets one answer, a report or a one-line
// reason, within a time and memory budget, and never an internal error. `npm run fuzz` draws them too.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { Random } from '../../scripts/fuzz/inputs.ts';
import { loadPdfSeeds, mutatePdf, type PdfSeed } from '../../scripts/fuzz/pdf-inputs.ts';
import { answer } from '../../scripts/fuzz/run.ts';

const SEED = 20_261_207;
const INPUTS = 100;
/** Per input, on a slow shared machine: pdf.js reads a report in tens of milliseconds; this only catches hangs. */
const MS = 5000;
const MB = 1536;

let seeds: PdfSeed[];
const quiet = console.error;
beforeAll(() => {
  seeds = loadPdfSeeds();
  console.error = () => {};
});
afterAll(() => {
  console.error = quiet;
});

test(`${INPUTS} broken PDFs: one answer each, within ${MS} ms and ${MB} MB, no internal error`, async () => {
  const failures: string[] = [];
  const kinds = { report: 0, error: 0, crash: 0, 'over-budget': 0 };
  for (let i = 0; i < INPUTS; i++) {
    const input = mutatePdf(seeds, new Random(SEED, 'pdf', i));
    const a = await answer(input);
    kinds[a.kind]++;
    const rss = process.memoryUsage().rss / 2 ** 20;
    if (a.kind === 'over-budget') failures.push(`#${i} ${input.how}: over budget`);
    if (a.kind === 'crash') failures.push(`#${i} ${input.how}: ${a.message?.split('\n')[0]}`);
    if (a.ms > MS) failures.push(`#${i} ${input.how}: ${Math.round(a.ms)} ms`);
    if (rss > MB) failures.push(`#${i} ${input.how}: ${Math.round(rss)} MB`);
    if (a.kind === 'error') expect(a.message!.split('\n')).toHaveLength(1);
  }
  expect(failures).toEqual([]);
  // Some broken PDFs are still read (pdf.js repairs what it can), and the rest say why not.
  expect(kinds.report).toBeGreaterThan(0);
  expect(kinds.error).toBeGreaterThan(0);
}, 300_000);
