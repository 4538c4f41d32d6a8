// The command lines as a maintainer types them: help that lists every command and option, one line of
// error and exit code 2 for a mistake (never a stack trace), and `nianbao check FILE…` checking only those files.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const run = (script: string, ...args: string[]) => {
  const r = spawnSync(process.execPath, [script, ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
const nianbao = (...args: string[]) => run('scripts/nianbao.ts', ...args);

describe('nianbao on the command line', () => {
  test('--help lists every command and exits 0', () => {
    const { code, out } = nianbao('--help');
    expect(code).toBe(0);
    for (const command of ['parse', 'check', 'data', 'help']) expect(out).toMatch(new RegExp(`^  ${command} `, 'm'));
  });

  test('help <command> and <command> --help list its options', () => {
    for (const args of [
      ['help', 'check'],
      ['check', '--help'],
    ]) {
      const { code, out } = nianbao(...args);
      expect(code).toBe(0);
      expect(out).toContain('usage: nianbao check');
      for (const option of ['--content DIR', '--out DIR', '--workers N', 'FILE|FOLDER']) expect(out).toContain(option);
    }
  });

  test('an unknown option, command or value is one line of error and exit code 2', () => {
    for (const args of [['check', '--bogus'], ['--bogus'], ['frobnicate'], ['data', '--content'], ['check', '--workers', 'many'], ['help', 'nope']]) {
      const { code, out, err } = nianbao(...args);
      expect(code, args.join(' ')).toBe(2);
      expect(out).toBe('');
      expect(err.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(err).not.toMatch(/\n\s+at /);
    }
    expect(nianbao('check', '--bogus').err).toBe('nianbao: unknown option "--bogus" for check. See nianbao --help.\n');
  });

  test('npm run build, build:shard and build:hub say their options and refuse unknown ones the same way', () => {
    for (const script of ['scripts/build.ts', 'scripts/shards/build-shard.ts', 'scripts/shards/hub.ts']) {
      const help = run(script, '--help');
      expect(help.code, script).toBe(0);
      expect(help.out).toContain('--content DIR');
      const wrong = run(script, '--bogus');
      expect(wrong.code, script).toBe(2);
      expect(wrong.err).toMatch(/^unknown option "--bogus"\. See npm run build(:shard|:hub)? -- --help\.\n$/);
    }
  });

  test('npm run bench and npm run fuzz print their usage for --help, and refuse unknown options in one line', () => {
    for (const [script, options] of [
      ['scripts/bench/bench.ts', ['--sizes N,M', '--repeat N', '--search-year N']],
      ['scripts/fuzz.ts', ['--count N', '--seed S', '--out DIR']],
    ] as const) {
      const help = run(script, '--help');
      expect(help.code, script).toBe(0);
      expect(help.err, script).toBe('');
      for (const option of options) expect(help.out, script).toContain(option);
      const wrong = run(script, '--bogus');
      expect(wrong.code, script).toBe(2);
      expect(wrong.err).toMatch(/^unknown option "--bogus"\. See npm run (bench|fuzz) -- --help\.\n$/);
    }
  });

  describe('check FILE…', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-cli-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    test('checks only the files given, and leaves the generated folder alone', () => {
      const content = join(dir, 'content');
      mkdirSync(content);
      copyFileSync(join(ROOT, 'test/parser/fixtures/crawled-2019/input.txt'), join(content, 'a.txt'));
      copyFileSync(join(ROOT, 'test/parser/fixtures/tab-separated-2021/input.txt'), join(content, 'b.txt'));
      const out = join(dir, 'generated');
      const { code, out: printed } = nianbao('check', join(content, 'b.txt'), '--content', content, '--out', out);
      expect(code).toBe(0);
      expect(printed).toMatch(/^1 reports from 1 agencies/);
      expect(printed).toContain('b.txt');
      expect(printed).not.toContain('a.txt');
      expect(spawnSync('ls', [out]).status).not.toBe(0);
    }, 60_000);
  });
});
