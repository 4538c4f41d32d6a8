// The hub's heap is capped where a maintainer runs it (package.json's build:hub, which CI, GitLab and
// Kubernetes call), and the bench measures that same command, not a bare `node hub.ts`.
import { execFileSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import { hubNodeFlags } from '../../scripts/bench/shards.ts';

describe('the hub command', () => {
  test('the bench runs the hub with the flags of npm run build:hub: a heap of at most 1 GiB, a young generation of 16 MiB semi-spaces', () => {
    expect(hubNodeFlags('.')).toEqual(['--max-old-space-size=1024', '--max-semi-space-size=16']);
  });

  test('node takes those flags: the heap limit is 1 GiB of old space and a young generation of 16 MiB semi-spaces', () => {
    const limit = Number(
      execFileSync(process.execPath, [...hubNodeFlags('.'), '-p', 'require("node:v8").getHeapStatistics().heap_size_limit'], { encoding: 'utf8' }),
    );
    expect(limit / 2 ** 20).toBeGreaterThanOrEqual(1024);
    expect(limit / 2 ** 20).toBeLessThanOrEqual(1024 + 3 * 16);
  });
});
