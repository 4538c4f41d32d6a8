// Long fuzz runs of the parser: `npm run fuzz -- --count 100000 --seed 1 [--size 2] [--out fuzz-out]`.
// Each input is parsed in a worker with a heap limit and a deadline; every tenth is a report with
// one figure changed, checked against the unchanged one. Failing inputs (internal errors, hangs,
// memory blow-ups, over the time budget, numbers changed without a warning) are saved in --out
// for a regression test. Prints: answered, slowest, peak memory, crashes, unflagged changes.
import { mkdirSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { changeOneFigure, loadSeeds, mutate, mutateText, Random, type FuzzInput } from './fuzz/inputs.ts';
import { loadPdfSeeds, mutatePdf } from './fuzz/pdf-inputs.ts';
import { unflaggedChanges, type Answer } from './fuzz/run.ts';

const { values: args } = parseArgs({
  options: {
    count: { type: 'string', default: '10000' },
    seed: { type: 'string', default: '1' },
    size: { type: 'string', default: '1' },
    out: { type: 'string', default: 'fuzz-out' },
  },
});
const COUNT = Number(args.count);
const SEED = Number(args.seed);
const SIZE = Number(args.size);
/** The budget of issue 9: every input answered within 10 s and 1.5 GB; slower than 2 s is reported too. */
const DEADLINE_MS = 10_000;
const SLOW_MS = 2_000;
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

/** One input through the worker; a worker that dies or misses the deadline is replaced. */
function parse(input: FuzzInput): Promise<Answer> {
  return new Promise((resolve) => {
    const start = performance.now();
    const done = (a: Answer) => {
      clearTimeout(timer);
      worker.off('message', onMessage).off('error', onError).off('exit', onExit);
      resolve(a);
    };
    const onMessage = (a: Answer) => done(a);
    const onError = (error: Error) => done({ kind: 'crash', ms: performance.now() - start, message: `worker died: ${error.message}` });
    const onExit = (code: number) => done({ kind: 'crash', ms: performance.now() - start, message: `worker exited (${code})` });
    const timer = setTimeout(() => {
      done({ kind: 'crash', ms: performance.now() - start, message: `no answer within ${DEADLINE_MS / 1000} s` });
      void worker.terminate();
      spawn();
    }, DEADLINE_MS);
    worker.on('message', onMessage).on('error', onError).on('exit', onExit);
    worker.postMessage(input);
  }).then((a) => {
    const answer = a as Answer;
    if (answer.kind === 'crash' && /worker (died|exited)/.test(answer.message ?? '')) spawn();
    return answer;
  });
}

const saved: string[] = [];
function save(i: number, why: string, ...inputs: FuzzInput[]) {
  mkdirSync(args.out!, { recursive: true });
  inputs.forEach((input, k) => {
    const name = `${SEED}-${i}${inputs.length > 1 ? `-${['before', 'after'][k]}` : ''}${extname(input.file) || '.bin'}`;
    writeFileSync(join(args.out!, name), input.bytes);
    writeFileSync(join(args.out!, `${name}.json`), JSON.stringify({ file: input.file, how: input.how, why }, null, 2));
    saved.push(name);
  });
}

const seeds = await loadSeeds(2);
const pdfSeeds = loadPdfSeeds();
const tally = { report: 0, error: 0, crash: 0, slow: 0, pairs: 0, unflagged: 0 };
let slowest = { ms: 0, how: '' };
const started = performance.now();
const note = (a: Answer, input: FuzzInput, i: number) => {
  tally[a.kind]++;
  if (a.ms > slowest.ms) slowest = { ms: a.ms, how: input.how };
  if (a.kind === 'crash') {
    console.log(`crash #${i} ${input.how}: ${a.message?.split('\n')[0]}`);
    save(i, a.message ?? 'crash', input);
  } else if (a.ms > SLOW_MS) {
    tally.slow++;
    console.log(`slow #${i} ${input.how}: ${Math.round(a.ms)} ms`);
    save(i, `${Math.round(a.ms)} ms`, input);
  }
};

for (let i = 0; i < COUNT; i++) {
  if (i && i % 1000 === 0) console.log(`${i} inputs, ${Math.round((performance.now() - started) / 1000)} s`);
  const rnd = new Random(SEED, 'fuzz', i);
  const seed = seeds[i % seeds.length];
  if (i % 10 === 9) {
    const change = changeOneFigure(rnd.chance(0.5) ? seed : mutateText(seed, rnd, SIZE), rnd);
    if (change) {
      const before = await parse(change.before);
      const after = await parse(change.after);
      note(before, change.before, i);
      note(after, change.after, i);
      if (before.report && after.report) {
        tally.pairs++;
        const changed = unflaggedChanges(before.report, after.report, change.from, change.to);
        if (changed.length) {
          tally.unflagged++;
          console.log(`unflagged #${i} ${change.before.how}: ${changed.join('; ')}`);
          save(i, `unflagged: ${changed.join('; ')}`, change.before, change.after);
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
const all = answered + tally.crash;
console.log(`
inputs        ${all} parsed for ${COUNT} draws (seed ${SEED}, size ${SIZE}, ${Math.round((performance.now() - started) / 1000)} s)
answered      ${answered} (${tally.report} reports, ${tally.error} errors)
slowest       ${Math.round(slowest.ms)} ms (${slowest.how}); ${tally.slow} over ${SLOW_MS} ms
peak memory   ${Math.round(process.resourceUsage().maxRSS / 1024)} MB (process RSS)
crashes       ${tally.crash}
unflagged     ${tally.unflagged} of ${tally.pairs} figure changes
${saved.length ? `saved ${saved.length} inputs in ${args.out}/` : 'nothing saved'}`);
process.exitCode = tally.crash || tally.unflagged || tally.slow ? 1 : 0;
