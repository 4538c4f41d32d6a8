// Runs one command as a child process and measures it: wall time, and the peak memory of its whole
// process tree (Pagefind's Node API runs its own binary as a child, so the node process alone would
// miss it), sampled from /proc every 100 ms and split by the stage markers the command prints.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';

export interface Measured {
  seconds: number;
  /** Peak of the summed resident memory of the process tree, in bytes. */
  peakRss: number;
  /** Peak per stage, for output lines matching `stage` (e.g. "[astro] …"): stage → bytes. */
  stagePeaks: Record<string, number>;
  /** Seconds from the start to each stage's first line. */
  stageStarts: Record<string, number>;
  stdout: string;
  stderr: string;
}

const PAGE = 4096;

/** Resident bytes of `root` and all its descendants. */
function treeRss(root: number): number {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
    } catch {
      // The process ended while we looked.
    }
  }
  let total = 0;
  for (const stack = [root]; stack.length;) {
    const pid = stack.pop()!;
    try {
      total += Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]) * PAGE;
    } catch {
      continue;
    }
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

export interface RunOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Recognises a stage marker in an output line, returning the stage's name. */
  stage?: (line: string) => string | undefined;
}

const peak = (samples: [number, number][]) => samples.reduce((max, [, rss]) => Math.max(max, rss), 0);

export function measure(command: string, args: string[], options: RunOptions = {}): Promise<Measured> {
  const started = performance.now();
  const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
  const samples: [number, number][] = [];
  const stageStarts: Record<string, number> = {};
  const out: string[] = [];
  const err: string[] = [];
  const now = () => (performance.now() - started) / 1000;
  const sample = () => samples.push([now(), treeRss(child.pid!)]);
  const timer = setInterval(sample, 100);
  const read = (stream: NodeJS.ReadableStream, into: string[]) =>
    createInterface({ input: stream }).on('line', (line) => {
      into.push(line);
      const stage = options.stage?.(line);
      if (stage && !(stage in stageStarts)) stageStarts[stage] = now();
    });
  read(child.stdout!, out);
  read(child.stderr!, err);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(timer);
      const seconds = now();
      if (code !== 0) {
        reject(new Error(`${command} ${args.join(' ')} exited with ${code}:\n${err.slice(-30).join('\n')}`));
        return;
      }
      const bounds = Object.entries(stageStarts).sort((a, b) => a[1] - b[1]);
      const stagePeaks: Record<string, number> = {};
      bounds.forEach(([stage, from], i) => {
        // Start-up before the first marker counts towards the first stage.
        const [start, end] = [i === 0 ? 0 : from, bounds[i + 1]?.[1] ?? Infinity];
        stagePeaks[stage] = peak(samples.filter(([t]) => t >= start && t < end));
      });
      resolve({ seconds, peakRss: peak(samples), stagePeaks, stageStarts, stdout: out.join('\n'), stderr: err.join('\n') });
    });
  });
}
