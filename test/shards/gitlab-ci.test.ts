// GitLab CI builds the site in shards with the commands the README documents for one machine: a plan job
// writes a child pipeline whose parallel:matrix holds the shards (GitLab's matrix is static), then runs
// it; each shard job builds one shard, and the site job needs them all.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { gitlabPipeline } from '../../scripts/shards/gitlab-pipeline.ts';
import { expectReadmeCommands } from './ci-commands.ts';

interface Job {
  extends?: string;
  stage?: string;
  needs?: string[];
  script?: string[];
  parallel?: { matrix: Record<string, string[]>[] };
  artifacts?: { paths: string[]; exclude?: string[] };
  cache?: { key: string; paths: string[] };
  trigger?: { include: { artifact: string; job: string }[]; strategy?: string };
}
/** Jobs by name, and `include` (the one key that is not a job). */
type Pipeline = Record<string, Job>;

const parent = parse(readFileSync('.gitlab-ci.yml', 'utf8')) as Pipeline;
const jobs = parse(readFileSync('.gitlab/shards.yml', 'utf8')) as Pipeline;
const SHARD = { '"$SHARD"': 'NAME' };

describe('.gitlab-ci.yml', () => {
  test('a plan job writes the child pipeline with npm run build:plan, and the next job runs it', () => {
    const command = parent.plan!.script!.find((c) => c.startsWith('npm run build:plan'))!;
    const file = command.match(/--gitlab-ci (\S+)$/)?.[1];
    expect(file).toBeDefined();
    expect(parent.plan!.artifacts!.paths).toContain(file);
    const trigger = Object.values(parent).find((j) => j.trigger)!;
    expect(trigger.needs).toContain('plan');
    expect(trigger.trigger!.include).toEqual([{ artifact: file, job: 'plan' }]);
    // The parent pipeline fails when a shard or the site fails.
    expect(trigger.trigger!.strategy).toBe('depend');
  });

  test('runs npm ci and the commands the README documents', () => {
    expectReadmeCommands(
      Object.values(parent).flatMap((j) => j.script ?? []),
      { 'shards-pipeline.yml': 'FILE' },
    );
  });
});

describe('the child pipeline npm run build:plan -- --gitlab-ci writes', () => {
  test('builds each shard in a job of one matrix, then the site after them all', () => {
    const child = parse(gitlabPipeline(['11', '44', 'guangdong-2024', 'root'])) as Pipeline;
    expect(child.include as unknown).toEqual([{ local: '.gitlab/shards.yml' }]);
    // Names that look like numbers stay strings: the shard is folder 11, not the number 11.
    expect(child.shard).toEqual({ extends: '.shard', parallel: { matrix: [{ SHARD: ['11', '44', 'guangdong-2024', 'root'] }] } });
    expect(child.site).toEqual({ extends: '.site', needs: ['shard'] });
  });

  test('more than 200 shards (GitLab’s limit for one matrix) take several matrix jobs, all needed by the site', () => {
    const names = Array.from({ length: 450 }, (_, i) => `s${i}`);
    const child = parse(gitlabPipeline(names)) as Pipeline;
    const matrices = ['shard-1', 'shard-2', 'shard-3'].map((j) => child[j]!.parallel!.matrix[0]!.SHARD!);
    expect(matrices.map((m) => m.length)).toEqual([200, 200, 50]);
    expect(matrices.flat()).toEqual(names);
    expect(child.site!.needs).toEqual(['shard-1', 'shard-2', 'shard-3']);
  });
});

describe('.gitlab/shards.yml', () => {
  test('a shard job builds the shard of its matrix variable, caches its folder and passes it on', () => {
    const shard = jobs['.shard']!;
    expect(shard.script).toEqual(['npm ci', 'npm run build:shard -- --shard "$SHARD"']);
    expect(shard.cache).toEqual({ key: 'shard-$SHARD', paths: ['shards/$SHARD/'] });
    expect(shard.artifacts!.paths).toEqual(['shards/$SHARD/']);
    expectReadmeCommands(shard.script!, SHARD);
  });

  test('the site job builds the hub after the shards and keeps the site', () => {
    const site = jobs['.site']!;
    expect(site.script).toEqual(['npm ci', 'npm run build:hub']);
    expect(jobs['.shard']!.stage).toBe('build');
    expect(site.stage).toBe('deploy');
    expect(site.artifacts!.paths).toEqual(['dist.builds/']);
    expectReadmeCommands(site.script!, {});
  });
});
