// Long fuzz runs of the parser: `npm run fuzz -- --count 100000 --seed 1 [--size 2] [--out DIR]`.
// Each input is parsed in a worker with a heap limit and a deadline; every tenth is a report with
// one figure changed, checked against the unchanged one. Inputs that took over a second, got no
// answer in time, crashed or changed numbers without a warning are saved as regression fixtures
// (default test/fuzz/fixtures/, which the fuzz suite of `npm test` parses again): the input, named
// <seed>-<draw>, and a .json saying how it was made and why it was kept. Prints: answered, slowest,
// peak memory, over the budget, crashes, unflagged changes. The npm script gives V8 4 MB semi-spaces:
// otherwise each thread's young generation grows past 100 MB, and the peak counts V8's nursery rather
// than what the parser holds.
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { extname, join } from 'node:path';
import { cliArgs } from './cli-args.ts';
import { Worker } from 'node:worker_threads';
import { changeOneFigure, mutate, mutateText, Random, type FuzzInput, type Seed } from './fuzz/inputs.ts';
import { loadPdfSeeds, mutatePdf } from './fuzz/pdf-inputs.ts';
import { unflaggedChanges, type Answer, type SavedInput } from './fuzz/run.ts';

const HELP = `usage: npm run fuzz -- [--count N] [--seed S] [--size K] [--out DIR]
  Parses N mutated inputs (default 10000) drawn from seed S (default 1), each in a worker within a time and
  memory budget; every tenth is a report with one figure changed, checked against the unchanged one.
  --size K     how much each input is mutated (default 1)
  --out DIR    where inputs that were slow, crashed or changed numbers unflagged are saved (default test/fuzz/fixtures)`;
const { values: args } = cliArgs(
  'npm run fuzz',
  {
    options: {
      count: { type: 'string', default: '10000' },
      seed: { type: 'string', default: '1' },
      size: { type: 'string', default: '1' },
      out: { type: 'string', default: 'test/fuzz/fixtures' },
    },
  },
  HELP,
);
const COUNT = Number(args.count);
const SEED = Number(args.seed);
const SIZE = Number(args.size);
/** No answer within this is over the budget (the build's own is 20 s: scripts/stage/pool.ts); slower than 2 s is a failure too, and over 1 s is kept. */
const DEADLINE_MS = 10_000;
const SLOW_MS = 2_000;
const KEEP_MS = 1_000;
const HEAP_MB = 1536;

const newWorker = () => {
  const w = new Worker(new URL('./fuzz/worker.ts', import.meta.url), { resourceLimits: { maxOldGenerationSizeMb: HEAP_MB } });
  w.unref();
  return w;
};
let worker = newWorker();
const spawn = () => {
  worker = newWorker();
};

/**
 * One input through the worker; a worker that dies or misses the deadline is replaced. The report comes
 * back only when `compare` asks for it (a figure change's two inputs): copying every report to this thread
 * would grow its heap for nothing.
 */
function parse(input: FuzzInput, compare = false): Promise<Answer> {
  return new Promise((resolve) => {
    const start = performance.now();
    const done = (a: Answer, replace = false) => {
      clearTimeout(timer);
      worker.off('message', onMessage).off('error', onError).off('exit', onExit);
      if (replace) spawn();
      resolve(a);
    };
    const onMessage = (a: Answer) => done(a);
    // Out of its heap is over the memory budget; any other death of the worker is a crash.
    const onError = (error: Error & { code?: string }) =>
      done(
        {
          kind: error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'over-budget' : 'crash',
          ms: performance.now() - start,
          message: `worker died: ${error.message}`,
        },
        true,
      );
    const onExit = (code: number) => done({ kind: 'crash', ms: performance.now() - start, message: `worker exited (${code})` }, true);
    const timer = setTimeout(() => {
      void worker.terminate();
      done({ kind: 'over-budget', ms: performance.now() - start, message: `no answer within ${DEADLINE_MS / 1000} s` }, true);
    }, DEADLINE_MS);
    worker.on('message', onMessage).on('error', onError).on('exit', onExit);
    worker.postMessage({ input, compare });
  });
}

const saved: string[] = [];
/** Keeps an input (or a figure change's two) as a fixture, with how it was made and why. */
function save(i: number, why: string, inputs: { input: FuzzInput; role?: 'before' | 'after'; ms?: number }[], change?: { from: number; to: number }) {
  mkdirSync(args.out!, { recursive: true });
  for (const { input, role, ms } of inputs) {
    const name = `${SEED}-${i}${role ? `-${role}` : ''}${extname(input.file) || '.bin'}`;
    const record: SavedInput = {
      file: input.file,
      seed: SEED,
      draw: i,
      how: input.how,
      why,
      ...(ms !== undefined && { ms: Math.round(ms) }),
      ...(role && change && { role, ...change }),
    };
    writeFileSync(join(args.out!, name), input.bytes);
    writeFileSync(join(args.out!, `${name}.json`), JSON.stringify(record, null, 2) + '\n');
    saved.push(name);
  }
}

/** The seeds, made in a worker that then ends: the synthetic generator it loads (some 100 MB) is not kept for the run. */
const seeds = await new Promise<Seed[]>((resolve, reject) => {
  const w = new Worker(new URL('./fuzz/seeds-worker.ts', import.meta.url), { workerData: 2 });
  w.once('message', (s: Seed[]) => void w.terminate().then(() => resolve(s)));
  w.once('error', reject);
});
const pdfSeeds = loadPdfSeeds();
const tally = { report: 0, error: 0, crash: 0, 'over-budget': 0, slow: 0, slowCpu: 0, pairs: 0, unflagged: 0 };
let slowest = { ms: 0, how: '' };
let mostCpu = { ms: 0, how: '' };
/** The process's RSS after each input, and the input after which it was highest: what to look at if it is over. */
let highest = { mb: 0, label: '' };
const started = performance.now();
const note = (a: Answer, input: FuzzInput, i: number, role?: 'before' | 'after') => {
  tally[a.kind]++;
  if (a.ms > slowest.ms) slowest = { ms: a.ms, how: input.how };
  if ((a.cpuMs ?? 0) > mostCpu.ms) mostCpu = { ms: a.cpuMs!, how: input.how };
  if ((a.cpuMs ?? 0) > SLOW_MS) tally.slowCpu++;
  const label = `#${i}${role ? ` (${role})` : ''} ${input.how}`;
  const mb = process.memoryUsage.rss() / 2 ** 20;
  if (mb > highest.mb) highest = { mb, label: `${label}, ${input.bytes.length} bytes` };
  if (a.kind === 'crash' || a.kind === 'over-budget') {
    console.log(`${a.kind} ${label}: ${a.message?.split('\n')[0]}`);
    save(i, a.message ?? a.kind, [{ input, role, ms: a.ms }]);
  } else if (a.ms > KEEP_MS) {
    if (a.ms > SLOW_MS) tally.slow++;
    console.log(`slow ${label}: ${Math.round(a.ms)} ms (CPU ${Math.round(a.cpuMs ?? 0)} ms), ${input.bytes.length} bytes`);
    save(i, `${Math.round(a.ms)} ms (CPU ${Math.round(a.cpuMs ?? 0)} ms)`, [{ input, role, ms: a.ms }]);
  }
};

for (let i = 0; i < COUNT; i++) {
  if (i && i % 1000 === 0) console.log(`${i} inputs, ${Math.round((performance.now() - started) / 1000)} s`);
  const rnd = new Random(SEED, 'fuzz', i);
  const seed = seeds[i % seeds.length];
  if (i % 10 === 9) {
    const change = changeOneFigure(rnd.chance(0.5) ? seed : mutateText(seed, rnd, SIZE), rnd);
    if (change) {
      const before = await parse(change.before, true);
      const after = await parse(change.after, true);
      note(before, change.before, i, 'before');
      note(after, change.after, i, 'after');
      if (before.report && after.report) {
        tally.pairs++;
        const changed = unflaggedChanges(before.report, after.report, change.from, change.to);
        if (changed.length) {
          tally.unflagged++;
          console.log(`unflagged #${i} ${change.before.how}: ${changed.join('; ')}`);
          save(
            i,
            `unflagged: ${changed.join('; ')}`,
            [
              { input: change.before, role: 'before' },
              { input: change.after, role: 'after' },
            ],
            { from: change.from, to: change.to },
          );
        }
      }
      continue;
    }
  }
  // Every twentieth draw is a PDF's bytes broken.
  const input = i % 20 === 19 ? mutatePdf(pdfSeeds, rnd) : mutate(seed, rnd, SIZE);
  note(await parse(input), input, i);
}
await worker.terminate();

const answered = tally.report + tally.error;
const all = answered + tally.crash + tally['over-budget'];
console.log(`
inputs        ${all} parsed for ${COUNT} draws (seed ${SEED}, size ${SIZE}, ${Math.round((performance.now() - started) / 1000)} s)
answered      ${answered} (${tally.report} reports, ${tally.error} errors)
slowest       ${Math.round(slowest.ms)} ms wall (${slowest.how}); ${tally.slow} over ${SLOW_MS} ms
most CPU      ${Math.round(mostCpu.ms)} ms of the parsing thread (${mostCpu.how}); ${tally.slowCpu} over ${SLOW_MS} ms
load average  ${loadavg()
  .map((l) => l.toFixed(1))
  .join(', ')} (1, 5, 15 min) at the end: wall times grow with it, CPU times do not
peak memory   ${Math.round(process.resourceUsage().maxRSS / 1024)} MB (process RSS); after one input at most ${Math.round(highest.mb)} MB (${highest.label})
over budget   ${tally['over-budget']} (no answer within ${DEADLINE_MS / 1000} s)
crashes       ${tally.crash}
unflagged     ${tally.unflagged} of ${tally.pairs} figure changes
${saved.length ? `saved ${saved.length} inputs in ${args.out}/` : 'nothing saved'}`);
process.exitCode = tally.crash || tally['over-budget'] || tally.unflagged || tally.slow ? 1 : 0;
