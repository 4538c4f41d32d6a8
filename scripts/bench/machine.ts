// Which machine a benchmark ran on, so its figures are never quoted without it.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism, cpus, totalmem } from 'node:os';
import { join } from 'node:path';

export interface Machine {
  date: string;
  cpu: string;
  cores: number;
  memoryGiB: number;
  node: string;
  os: string;
  /** How the root filesystem is mounted (file creation and deletion dominate site builds). */
  disk: string;
  versions: Record<string, string>;
  /** The commit measured, "+changes" when the work tree differed from it. */
  commit: string;
}

const read = (path: string) => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
};

export function machine(): Machine {
  const version = (pkg: string) =>
    (JSON.parse(read(join(import.meta.dirname, '../../node_modules', pkg, 'package.json')) || '{}') as { version?: string }).version ?? '?';
  const root = read('/proc/mounts')
    .split('\n')
    .map((l) => l.split(' '))
    .find((f) => f[1] === '/');
  return {
    date: new Date().toISOString(),
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: availableParallelism(),
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    os: (read('/etc/os-release').match(/^PRETTY_NAME="?([^"\n]+)/m)?.[1] ?? process.platform) + ` (${read('/proc/sys/kernel/osrelease').trim()})`,
    disk: root ? `${root[2]} (${root[3]})` : 'unknown',
    versions: { astro: version('astro'), pagefind: version('pagefind') },
    commit: commit(),
  };
}

function commit(): string {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: join(import.meta.dirname, '../..'), encoding: 'utf8' }).trim();
  try {
    return git('rev-parse', '--short', 'HEAD') + (git('status', '--porcelain', '--untracked-files=no', '--', 'scripts', 'src') ? '+changes' : '');
  } catch {
    return 'unknown (not a git checkout)';
  }
}

export const describeMachine = (m: Machine) =>
  `${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB RAM, ${m.os}, root fs ${m.disk}; Node ${m.node}, astro ${m.versions.astro}, pagefind ${m.versions.pagefind}; commit ${m.commit}; ${m.date.slice(0, 16).replace('T', ' ')} UTC`;
