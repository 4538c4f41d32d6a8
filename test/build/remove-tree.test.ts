// Removing an old site: all of it, links as links, and with the event loop free meanwhile, so a build that
// removes a national site (minutes) keeps refreshing its lock (scripts/site/build-lock.ts).
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { removeTree } from '../../scripts/site/remove-tree.ts';

const folder = () => mkdtempSync(join(tmpdir(), 'nianbao-remove-'));

describe('removeTree', () => {
  test('removes a site with its folders and files, and a link without what it points to', async () => {
    const dir = folder();
    const site = join(dir, 'site');
    for (const id of ['a1', 'b2', 'c3']) {
      mkdirSync(join(site, 'reports', id), { recursive: true });
      writeFileSync(join(site, 'reports', id, 'index.html'), '<h1>年报</h1>');
    }
    writeFileSync(join(dir, 'kept.txt'), 'still here');
    symlinkSync(join(dir, 'kept.txt'), join(dir, 'link'));
    symlinkSync(join(dir, 'nowhere'), join(dir, 'broken-link'));

    await removeTree(site);
    await removeTree(join(dir, 'link'));
    await removeTree(join(dir, 'broken-link'));
    await removeTree(join(dir, 'never-made'));

    expect(existsSync(site)).toBe(false);
    expect(lstatSync(join(dir, 'link'), { throwIfNoEntry: false })).toBeUndefined();
    expect(lstatSync(join(dir, 'broken-link'), { throwIfNoEntry: false })).toBeUndefined();
    expect(readFileSync(join(dir, 'kept.txt'), 'utf8')).toBe('still here');
  });

  test('the event loop runs while a folder is removed', async () => {
    const site = join(folder(), 'site');
    mkdirSync(join(site, 'reports', 'a1'), { recursive: true });
    let ran = false;
    setImmediate(() => (ran = true));
    await removeTree(site);
    expect(ran).toBe(true);
    expect(existsSync(site)).toBe(false);
  });
});
