// node scripts/bench/parse-files.ts FILE...: parses the files one after another on one thread, as one
// worker of the data stage does, and prints the parser's CPU time per file and their pages (PDFs) as JSON.
// The bench runs it in a child process of its own, whose peak memory is then a parse worker's at most.
import { readFileSync } from 'node:fs';
import { parseBytes } from '../parser/index.ts';

const files = process.argv.slice(2).map((f) => [f, new Uint8Array(readFileSync(f))] as const);
for (const [file, bytes] of files.slice(0, 3)) await parseBytes(file, bytes); // warm up
const cpu = process.cpuUsage();
const started = performance.now();
let pages = 0;
let failed = 0;
for (const [file, bytes] of files) {
  const outcome = await parseBytes(file, bytes);
  if ('report' in outcome) pages += outcome.report.pageStarts?.length ?? 0;
  else failed++;
}
const used = process.cpuUsage(cpu);
console.log(
  JSON.stringify({
    files: files.length,
    failed,
    cpuMs: (used.user + used.system) / 1000 / files.length,
    wallMs: (performance.now() - started) / files.length,
    pages: pages / files.length,
  }),
);
