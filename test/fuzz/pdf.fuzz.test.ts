// The parser under broken PDFs (fixed seed): every mutated PDF gets one answer, a report or a one-line
// reason, within a time and memory budget, and never an internal error. `npm run fuzz` draws them too.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { Random } from '../../scripts/fuzz/inputs.ts';
import { loadPdfSeeds, mutatePdf, type PdfSeed } from '../../scripts/fuzz/pdf-inputs.ts';
import { answer, type Answer } from '../../scripts/fuzz/run.ts';
import { readPdfPages } from '../../scripts/parser/read/pdf-pages.ts';

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

const fixture = (name: string) => new Uint8Array(readFileSync(join(import.meta.dirname, 'fixtures', name)));

/** One input parsed in a worker thread, as the build's pool and `npm run fuzz` parse: its answer, or how the thread died. */
function inWorker(bytes: Uint8Array): Promise<Answer | string> {
  const worker = new Worker(new URL('../../scripts/fuzz/worker.ts', import.meta.url));
  return new Promise<Answer | string>((resolve) => {
    worker.once('message', resolve);
    worker.once('error', (error) => resolve(`died: ${error.message}`));
    worker.postMessage({ input: { file: 'report.pdf', bytes, how: 'fixture' }, compare: false });
  }).finally(() => worker.terminate());
}

test('a PDF whose page tree holds a damaged page pdf.js fetched unasked is refused, and the parsing thread lives', async () => {
  // Seed 7, draw 34559 of `npm run fuzz`: page 2's object stream broken. pdf.js fetched it while looking for
  // page 1 and never awaited it; that rejection ended the thread before.
  const a = await inWorker(fixture('7-34559.pdf'));
  expect(a).toMatchObject({ kind: 'error', message: expect.stringMatching(/^PDF 已损坏：第 2 页无法读取/) });
});

test('a PDF with thousands of "[" in a row is refused at once, not parsed again at every level', async () => {
  // Seed 7, draw 47199: a run of "[" put into the ToUnicode-less fixture (it cost pdf.js up to 2 s).
  const a = await answer({ file: 'report.pdf', bytes: fixture('7-47199.pdf'), how: 'fixture' });
  expect(a.kind).toBe('error');
  expect(a.message).toMatch(/数组嵌套过深/);
  expect(a.ms).toBeLessThan(500);
});

test('a PDF that takes pdf.js longer than its budget of CPU time is refused with that reason, not read for seconds', async () => {
  // Damaged files cost pdf.js up to 2 s of CPU (seed 8, draw 61879); how much depends on the machine, so the
  // budget is shrunk here: a report's own PDF under a budget of 1 ms.
  const bytes = new Uint8Array(readFileSync(join(import.meta.dirname, '../parser/fixtures/pdf-wps-like-2021/input.pdf')));
  await expect(readPdfPages(bytes, { file: 1, page: 0 })).rejects.toThrow(/^PDF 结构异常：读取用时超出限度（3 页的文件已用 .* 秒计算时间/);
  expect((await readPdfPages(bytes)).pages).toHaveLength(3);
});
