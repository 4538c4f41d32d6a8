// The served site is always a complete one: whatever the inputs, wherever a build is killed or paused,
// with two builds at once, and on another file system; and it holds only what the last build has. Builds run with the project's build script on the sample reports plus odd files;
// `dist` is checked as a static server would read it (through its link).
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import {
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  realpathSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
  renameSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildEnv } from '../e2e/build.ts';
import { newBuild, publish } from '../../scripts/site/swap.ts';

const root = mkdtempSync(join(tmpdir(), 'nianbao-publish-'));
const content = join(root, 'content');
let ids: string[] = [];
let years: number[] = [];

interface Build {
  child: ChildProcess;
  output: () => string;
  /** Resolves when the build prints `text`; rejects if it exits first. */
  printed: (text: string) => Promise<void>;
  exited: Promise<number | null>;
}

/** Starts `npm run build` for a checkout at `dir` (its generated/ and dist), over the shared content. */
function startBuild(dir: string, env: Record<string, string> = {}, extra: string[] = []): Build {
  const args = ['scripts/build.ts', '--content', content, '--generated', join(dir, 'generated'), '--dist', join(dir, 'dist'), ...extra];
  const child = spawn(process.execPath, args, { env: { ...buildEnv(), ...env } });
  let output = '';
  const listeners: (() => void)[] = [];
  const hear = (chunk: Buffer) => {
    output += chunk.toString();
    listeners.forEach((l) => l());
  };
  child.stdout!.on('data', hear);
  child.stderr!.on('data', hear);
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  const printed = (text: string) =>
    new Promise<void>((done, fail) => {
      const check = () => output.includes(text) && done();
      listeners.push(check);
      check();
      void exited.then(() => fail(new Error(`the build exited before printing ${text}:\n${output}`)));
    });
  return { child, output: () => output, printed, exited };
}

/** What a reader could not get from the site served at `dist`: empty when it is complete. */
function missing(dist: string): string[] {
  const pages = [
    'index.html',
    'search/index.html',
    'compare/index.html',
    'quality/index.html',
    'data/reports.csv',
    ...ids.map((id) => `reports/${id}/index.html`),
    ...ids.map((id) => `data/reports/${id}.json`),
    ...years.map((y) => `pagefind/${y}/pagefind-entry.json`),
  ];
  return pages.filter((p) => !existsSync(join(dist, p)));
}

/** A copy of the baseline checkout's generated data and published site (its link kept as a link). */
function copyOfBaseline(name: string): string {
  const dir = join(root, name);
  mkdirSync(dir);
  for (const part of ['generated', 'dist', 'dist.builds']) cpSync(join(root, 'base', part), join(dir, part), { recursive: true, verbatimSymlinks: true });
  return dir;
}

beforeAll(async () => {
  cpSync('content', content, { recursive: true });
  const dir = (name: string) => join(content, name);
  writeFileSync(Buffer.concat([Buffer.from(dir('名字')), Buffer.from([0xff]), Buffer.from('.txt')]), '不是 UTF-8 的文件名');
  symlinkSync('/etc/hostname', dir('outside.txt'));
  execFileSync('mkfifo', [dir('pipe.txt')]);
  cpSync(dir(readdirSync(content).sort()[0]), dir('zz-copy.txt'));
  writeFileSync(dir('notes.txt'), '这不是年度报告。');
  const build = startBuild(join(root, 'base'));
  expect(await build.exited, build.output()).toBe(0);
  const summaries = JSON.parse(readFileSync(join(root, 'base/generated/reports.json'), 'utf8')) as { id: string; year: number }[];
  ids = summaries.map((s) => s.id);
  years = [...new Set(summaries.map((s) => s.year))];
  (globalThis as { baseOutput?: string }).baseOutput = build.output();
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('a build over odd inputs', () => {
  test('publishes every report and lists every odd file with its reason', () => {
    const output = (globalThis as { baseOutput?: string }).baseOutput!;
    expect(ids).toHaveLength(readdirSync('content').length);
    expect(missing(join(root, 'base/dist'))).toEqual([]);
    expect(lstatSync(join(root, 'base/dist')).isSymbolicLink()).toBe(true);
    expect(output).toContain('5 input file(s) did not become a page:');
    expect(output).toMatch(/名字\\xff\.txt +file name is not valid UTF-8/);
    expect(output).toMatch(/outside\.txt +is a symbolic link \(to a place outside the folder of reports\)/);
    expect(output).toMatch(/pipe\.txt +is a named pipe \(FIFO\), not a file; nianbao did not open it/);
    expect(output).toMatch(/zz-copy\.txt +same agency and year as .*000_\w+\.txt .*which stays published/);
    expect(output).toMatch(/notes\.txt +not a 政府信息公开工作年度报告/);
  });
});

describe('the quality page', () => {
  test('says 内部错误，已记录 for a bug in nianbao, never its message', async () => {
    const dir = copyOfBaseline('internal');
    const buildJson = join(dir, 'generated/build.json');
    const info = JSON.parse(readFileSync(buildJson, 'utf8'));
    info.errors.push({ file: 'content/crash.html', error: 'TypeError: boom at /home/maintainer/nianbao/scripts/parser/tables.ts:12:5', internal: true });
    writeFileSync(buildJson, JSON.stringify(info));
    const build = startBuild(dir, {}, ['--site-only']);
    expect(await build.exited, build.output()).toBe(0);
    const html = readFileSync(join(dir, 'dist/quality/index.html'), 'utf8');
    expect(html).toMatch(/<code>content\/crash\.html<\/code>：内部错误，已记录/);
    expect(html).not.toContain('/home/maintainer');
    // Problems of a file are shown as they are.
    expect(html).toContain('is a named pipe (FIFO), not a file; nianbao did not open it');
  });
});

describe('a killed build', () => {
  const steps: [string, (b: Build) => Promise<void>][] = [
    ['before its data stage', (b) => b.printed('[stopped before data]')],
    ['before Astro', (b) => b.printed('[stopped before astro]')],
    ['while Astro writes pages', (b) => b.printed('[astro] …').then(() => new Promise((r) => setTimeout(r, 1500)))],
    ['before Pagefind', (b) => b.printed('[stopped before pagefind]')],
    ['just before the new site is published', (b) => b.printed('[stopped before publish]')],
    ['just after it is published, before old builds are removed', (b) => b.printed('[stopped before cleanup]')],
  ];
  const stopAt: Record<string, string> = { 0: 'data', 1: 'astro', 3: 'pagefind', 4: 'publish', 5: 'cleanup' };

  test.each(steps.map(([name, wait], i) => ({ name, wait, i })))('$name leaves a complete site served', async ({ wait, i }) => {
    const dir = copyOfBaseline(`killed-${i}`);
    const build = startBuild(dir, stopAt[i] ? { NIANBAO_STOP_BEFORE: stopAt[i] } : {});
    await wait(build);
    build.child.kill('SIGKILL');
    await build.exited;
    expect(missing(join(dir, 'dist'))).toEqual([]);
  });

  test('does not block the next build, which cleans up after it', async () => {
    // Killed here, not in the test before: on a busy machine that one can end more than 20 s before this starts.
    const dir = copyOfBaseline('killed-again');
    const killed = startBuild(dir, { NIANBAO_STOP_BEFORE: 'publish' });
    await killed.printed('[stopped before publish]');
    killed.child.kill('SIGKILL');
    await killed.exited;
    // Its lock goes stale 20 s after the kill; the next build waits for that, then builds.
    const next = startBuild(dir);
    expect(await next.exited, next.output()).toBe(0);
    expect(next.output()).toContain('Another build of this checkout is running');
    expect(missing(join(dir, 'dist'))).toEqual([]);
    expect(readdirSync(join(dir, 'dist.builds'))).toHaveLength(1);
  });
});

describe('two builds at once', () => {
  test('run one after the other, and the served site is complete all along', async () => {
    const dir = copyOfBaseline('twice');
    const gaps: string[] = [];
    const watch = setInterval(() => gaps.push(...missing(join(dir, 'dist'))), 50);
    const builds = [startBuild(dir), startBuild(dir)];
    const codes = await Promise.all(builds.map((b) => b.exited));
    clearInterval(watch);
    expect(codes).toEqual([0, 0]);
    expect(builds.filter((b) => b.output().includes('Another build of this checkout is running'))).toHaveLength(1);
    expect(gaps).toEqual([]);
    expect(readdirSync(join(dir, 'dist.builds'))).toHaveLength(1);
  });
});

describe('the first build after upgrading', () => {
  test('replaces a dist/ folder by a link to the new build', async () => {
    const dir = copyOfBaseline('folder');
    // An older nianbao published dist/ as a folder.
    const current = join(dir, 'dist.builds', readdirSync(join(dir, 'dist.builds'))[0]);
    rmSync(join(dir, 'dist'));
    renameSync(current, join(dir, 'dist'));
    const build = startBuild(dir);
    expect(await build.exited, build.output()).toBe(0);
    expect(lstatSync(join(dir, 'dist')).isSymbolicLink()).toBe(true);
    expect(missing(join(dir, 'dist'))).toEqual([]);
    expect(readdirSync(join(dir, 'dist.builds'))).toHaveLength(1);
  });
});

describe('one build publishes at a time, in order', () => {
  test('a build paused past its lock, woken after a newer build published, stops before publishing', async () => {
    const dir = copyOfBaseline('paused');
    const paused = startBuild(dir, { NIANBAO_PAUSE_BEFORE: 'publish' });
    await paused.printed('[paused before publish]');
    // Its lock goes stale while it is stopped; the next build takes it over, builds and publishes.
    const newer = startBuild(dir);
    expect(await newer.exited, newer.output()).toBe(0);
    expect(newer.output()).toContain('Another build of this checkout is running');
    const live = readlinkSync(join(dir, 'dist'));
    paused.child.kill('SIGCONT');
    expect(await paused.exited, paused.output()).toBe(1);
    expect(paused.output()).toMatch(/Not published: this build's lock was lost/);
    expect(readlinkSync(join(dir, 'dist'))).toBe(live);
    expect(missing(join(dir, 'dist'))).toEqual([]);
  });

  test('a build never replaces a newer one that is live', async () => {
    const dist = join(root, 'order', 'dist');
    mkdirSync(join(root, 'order'));
    const older = await newBuild(dist);
    await new Promise((r) => setTimeout(r, 5));
    const newer = await newBuild(dist);
    await publish(dist, newer, () => {});
    await expect(publish(dist, older, () => {})).rejects.toThrow(/Not published: .* is newer than this build/);
    expect(realpathSync(dist)).toBe(realpathSync(newer));
  });
});

describe('publishing removes what the new build no longer has', () => {
  test('an agency whose id changes (agencies.csv) leaves no page, download or original under its old id', async () => {
    const dir = join(root, 'id-change');
    const own = join(dir, 'content');
    cpSync('content', own, { recursive: true });
    const first = startBuild(dir, {}, ['--content', own]);
    expect(await first.exited, first.output()).toBe(0);
    const before = JSON.parse(readFileSync(join(dir, 'generated/reports.json'), 'utf8')) as { id: string; agency: string }[];
    const moved = before.find((s) => s.agency === '乡宁县人民政府办公室')!;
    // The office is merged into a name of its own choosing: a new identity, so a new id.
    writeFileSync(join(own, 'agencies.csv'), 'agency,aliases\n乡宁县政务公开办公室,乡宁县人民政府办公室\n');
    const second = startBuild(dir, {}, ['--content', own]);
    expect(await second.exited, second.output()).toBe(0);
    const after = JSON.parse(readFileSync(join(dir, 'generated/reports.json'), 'utf8')) as { id: string; agency: string }[];
    const renamed = after.find((s) => s.agency === '乡宁县人民政府办公室')!;
    expect(renamed.id).not.toBe(moved.id);
    const site = join(dir, 'dist');
    const left = [
      join(site, 'data/reports'),
      join(site, 'data/originals'),
      join(dir, 'generated/downloads/reports'),
      join(dir, 'generated/downloads/originals'),
    ]
      .flatMap((folder) => readdirSync(folder).map((name) => join(folder, name)))
      .filter((path) => path.includes(moved.id));
    expect(left).toEqual([]);
    expect(existsSync(join(site, `reports/${moved.id}`))).toBe(false);
    expect(existsSync(join(site, `reports/${renamed.id}/index.html`))).toBe(true);
    expect(existsSync(join(site, `data/reports/${renamed.id}.json`))).toBe(true);
  });
});

// /dev/shm is a file system of its own on Linux (tmpfs); where it is not, there is nothing to test.
const otherFs = existsSync('/dev/shm') && statSync('/dev/shm').dev !== statSync(process.cwd()).dev;

describe.skipIf(!otherFs)('--dist on another file system', () => {
  test('is built, copied there and published by one rename on that file system', async () => {
    const target = mkdtempSync('/dev/shm/nianbao-dist-');
    try {
      const dir = join(root, 'elsewhere');
      const build = startBuild(dir, {}, ['--dist', join(target, 'dist')]);
      expect(await build.exited, build.output()).toBe(0);
      expect(lstatSync(join(target, 'dist')).isSymbolicLink()).toBe(true);
      expect(missing(join(target, 'dist'))).toEqual([]);
      expect(readdirSync(join(target, 'dist.builds'))).toHaveLength(1);
      // The staging folder in the project is gone.
      expect(readdirSync('.astro').filter((n) => n === `site-${build.child.pid}`)).toEqual([]);
    } finally {
      rmSync(target, { recursive: true, force: true });
    }
  });
});
