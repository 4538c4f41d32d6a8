// Whatever is in content/, the data stage finishes: every input is a page or a line of build.json's
// errors with its reason, and the reports beside the odd files are still built.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { problemOf, readInput } from '../../scripts/stage/inputs.ts';
import { runDataStage } from '../../scripts/stage/stage.ts';
import { FIXTURE_2019, FIXTURE_2021, tabText } from '../parser/fixtures.ts';

let dir: string;
let content: string;
const run = (budget?: { seconds: number; memoryMb: number }) =>
  runDataStage({ contentDir: content, outDir: join(dir, 'generated'), workers: 1, budget, log: () => {} });
/** A file's reason in build.json, found by the end of its path. */
const reason = (errors: { file: string; error: string }[], end: string) => errors.find((e) => e.file.endsWith(end))?.error;
const root = process.getuid?.() === 0;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'nianbao-odd-'));
  content = join(dir, 'content');
  await mkdir(content);
  await writeFile(join(content, 'a.txt'), tabText(FIXTURE_2021));
  await writeFile(join(content, 'b.txt'), tabText(FIXTURE_2019));
});
afterEach(async () => {
  await chmod(join(content, 'sealed'), 0o755).catch(() => {});
  await rm(dir, { recursive: true, force: true });
});

describe('odd inputs', () => {
  test('names that are not UTF-8, links in and out of content/ and a named pipe are listed with their reason; the reports build', async () => {
    await writeFile(Buffer.concat([Buffer.from(join(content, 'bad')), Buffer.from([0xff, 0xfe]), Buffer.from('.txt')]), 'x');
    await mkdir(Buffer.concat([Buffer.from(join(content, '年报')), Buffer.from([0xc3])]));
    await symlink('/etc/hostname', join(content, 'outside.txt'));
    await symlink('a.txt', join(content, 'inside.txt'));
    execFileSync('mkfifo', [join(content, 'pipe.txt')]);
    await writeFile(join(content, '换行\n名字.txt'), tabText({ ...FIXTURE_2019, title: FIXTURE_2019.title.replace('2020', '2019') }));

    const { info, summaries } = await run();
    expect(summaries).toHaveLength(3);
    expect(summaries.map((s) => s.file).sort()).toEqual([
      expect.stringMatching(/a\.txt$/),
      expect.stringMatching(/b\.txt$/),
      expect.stringMatching(/换行\n名字\.txt$/),
    ]);
    expect(reason(info.errors, 'bad\\xff\\xfe.txt')).toMatch(/^file name is not valid UTF-8/);
    expect(reason(info.errors, '年报\\xc3')).toMatch(/^folder name is not valid UTF-8/);
    expect(reason(info.errors, 'outside.txt')).toBe(
      'is a symbolic link (to a place outside the folder of reports); nianbao does not follow links: put the file itself there',
    );
    expect(reason(info.errors, 'inside.txt')).toMatch(/^is a symbolic link \(to a\.txt in the same folder of reports\)/);
    expect(reason(info.errors, 'pipe.txt')).toBe('is a named pipe (FIFO), not a file; nianbao did not open it');
    expect(info.errors).toHaveLength(5);
    const written = JSON.parse(await readFile(join(dir, 'generated/build.json'), 'utf8'));
    expect(written.errors).toEqual(info.errors);
  });

  test.skipIf(root)('an unreadable file and an unreadable folder are listed; the reports build', async () => {
    await writeFile(join(content, 'secret.txt'), 'x');
    await chmod(join(content, 'secret.txt'), 0);
    await mkdir(join(content, 'sealed'));
    await writeFile(join(content, 'sealed/c.txt'), 'x');
    await chmod(join(content, 'sealed'), 0);
    const { info, summaries } = await run();
    expect(summaries).toHaveLength(2);
    expect(reason(info.errors, 'secret.txt')).toBe('cannot be read: permission denied (EACCES); let the user who runs the build read it');
    expect(reason(info.errors, 'sealed')).toMatch(/^folder cannot be read: permission denied \(EACCES\).*nothing in it was read$/);
  });

  test('a file that is gone, or became a pipe or a link, when it is read is refused without waiting on it', async () => {
    await expect(readInput(join(content, 'gone.txt')).catch(problemOf)).resolves.toBe(
      'does not exist (ENOENT): it was removed or renamed before nianbao could read it',
    );
    execFileSync('mkfifo', [join(content, 'pipe.txt')]);
    await expect(readInput(join(content, 'pipe.txt')).catch(problemOf)).resolves.toBe('is a named pipe (FIFO), not a file; nianbao did not read it');
    await symlink('a.txt', join(content, 'link.txt'));
    await expect(readInput(join(content, 'link.txt')).catch(problemOf)).resolves.toBe(
      'became a symbolic link while the build was reading it; nianbao does not follow links',
    );
  });

  test('files over their time budget are listed, and the stage still finishes', async () => {
    // A thousandth of a second: no worker starts, let alone parses, in that time.
    const { info, summaries } = await run({ seconds: 0.001, memoryMb: 1024 });
    expect(summaries).toEqual([]);
    expect(info.errors.map((e) => e.error)).toEqual([
      'took longer than 0.001 s; nianbao gave up on it (please report the file)',
      'took longer than 0.001 s; nianbao gave up on it (please report the file)',
    ]);
    // Not remembered: the next build (with time enough) tries them again.
    expect((await run()).summaries).toHaveLength(2);
  });

  test('editing a file in content/ in place does not change its published original', async () => {
    const { summaries } = await run();
    const id = summaries.find((s) => s.year === 2021)!.id;
    const original = join(dir, 'generated/downloads/originals', `${id}.txt`);
    // In place: same inode, as an editor that does not write a new file would.
    const handle = await import('node:fs/promises').then((fs) => fs.open(join(content, 'a.txt'), 'r+'));
    await handle.write('改', 0);
    await handle.close();
    expect(await readFile(original, 'utf8')).toBe(tabText(FIXTURE_2021));
  });
});

describe('nianbao parse', () => {
  test('every file gets its JSON line, in order, and nothing else is on stdout; exit 1 when any failed', async () => {
    execFileSync('mkfifo', [join(content, 'pipe.txt')]);
    // Nested 20,000 deep: enough to overflow a recursive reader's stack.
    await writeFile(join(content, 'deep.html'), `<html><body>${'<div>'.repeat(20_000)}2021年政府信息公开工作年度报告${'</div>'.repeat(20_000)}</body></html>`);
    const files = ['a.txt', 'deep.html', 'missing.txt', 'pipe.txt', 'b.txt'].map((f) => join(content, f));
    const cli = spawnSync(process.execPath, ['scripts/nianbao.ts', 'parse', ...files], { encoding: 'utf8', timeout: 60_000 });
    expect(cli.status).toBe(1);
    const lines = cli.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.file)).toEqual(files);
    expect(lines.map((l) => l.agency ?? l.error)).toEqual([
      '青禾县人民政府办公室',
      expect.any(String),
      'does not exist (ENOENT): it was removed or renamed before nianbao could read it',
      'is a named pipe (FIFO), not a file; nianbao did not read it',
      '白石市白石镇人民政府',
    ]);
  });
});
