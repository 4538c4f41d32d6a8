// The CI workflow builds the site in shards with the commands the README documents for one machine:
// a matrix job per shard, and a final job that needs them all.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { expectReadmeCommands } from './ci-commands.ts';

interface Step {
  run?: string;
  uses?: string;
  with?: Record<string, unknown>;
}
interface Job {
  needs?: string | string[];
  strategy?: { matrix?: Record<string, unknown> };
  steps: Step[];
}

const workflow = parse(readFileSync('.github/workflows/build-shards.yml', 'utf8')) as { jobs: Record<string, Job> };
const needsOf = (job: Job) => [job.needs ?? []].flat();
const runs = Object.values(workflow.jobs).flatMap((job) => job.steps.flatMap((s) => (s.run ? [s.run.trim()] : [])));

describe('.github/workflows/build-shards.yml', () => {
  test('builds each shard in a job of a matrix made from npm run build:plan', () => {
    const plan = workflow.jobs.plan!;
    expect(plan.steps.some((s) => s.run === 'npm run build:plan')).toBe(true);
    const shard = workflow.jobs.shard!;
    expect(needsOf(shard)).toContain('plan');
    expect(shard.strategy?.matrix?.shard).toBe('${{ fromJSON(needs.plan.outputs.shards) }}');
    expect(shard.steps.map((s) => s.run)).toContain('npm run build:shard -- --shard ${{ matrix.shard }}');
    expect(shard.steps.some((s) => s.uses?.startsWith('actions/upload-artifact'))).toBe(true);
  });

  test('a final job waits for every shard job, downloads their folders and builds the hub', () => {
    const site = workflow.jobs.site!;
    expect(needsOf(site)).toContain('shard');
    const steps = site.steps.map((s) => s.run ?? s.uses ?? '');
    const download = steps.findIndex((s) => s.startsWith('actions/download-artifact'));
    expect(download).toBeGreaterThanOrEqual(0);
    expect(steps.indexOf('npm run build:hub')).toBeGreaterThan(download);
  });

  test('runs npm ci and the commands the README documents for a sharded build on one machine', () => {
    expectReadmeCommands(runs, { '${{ matrix.shard }}': 'NAME' });
  });
});
