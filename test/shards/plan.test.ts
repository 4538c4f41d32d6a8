// Which shard a report is built in: the folder of content/ it was put in.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { folderShard, planShards } from '../../scripts/shards/plan.ts';

let content = '';
const put = (...paths: string[]) => {
  content = mkdtempSync(join(tmpdir(), 'nianbao-plan-'));
  for (const p of paths) {
    mkdirSync(join(content, p, '..'), { recursive: true });
    writeFileSync(join(content, p), '报告');
  }
};
afterEach(() => rmSync(content, { recursive: true, force: true }));

describe('planShards', () => {
  test('each folder at the top of content/ is a shard, with the files below it at any depth; the files at the top are shard root', async () => {
    put('44/广州市/2022.docx', '44/深圳市.txt', '11/a.html', 'top.txt', 'agencies.csv');
    const shards = await planShards(content);
    expect(shards.map((s) => [s.name, s.inputs.map((f) => f.slice(content.length + 1))])).toEqual([
      ['root', ['top.txt']],
      ['11', ['11/a.html']],
      ['44', ['44/广州市/2022.docx', '44/深圳市.txt']],
    ]);
  });

  test('a folder whose name cannot be a URL segment is refused with its path and what to do', async () => {
    put('广东/a.txt');
    await expect(planShards(content)).rejects.toThrow(/广东: a shard folder's name must be lower-case letters, digits and hyphens/);
  });

  test('the folder named hub is refused: the hub is not a shard', async () => {
    put('hub/a.txt');
    await expect(planShards(content)).rejects.toThrow(/not root or hub/);
  });

  test('folderShard names the folder of a file, and none for a file at the top', () => {
    expect(folderShard('/c', '/c/44/x/y.txt')).toBe('44');
    expect(folderShard('/c', '/c/y.txt')).toBeUndefined();
  });
});

describe('npm run build:shard -- --index N', () => {
  test('an index past the shards npm run build:plan lists is refused, saying how many there are', () => {
    put('44/a.txt', '11/b.txt', 'top.txt');
    const run = spawnSync(process.execPath, ['scripts/shards/build-shard.ts', '--index', '3', '--content', content], { encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`--index 3: npm run build:plan lists 3 shard(s) of ${content}/, numbered 0 to 2.`);
  });
});
