// A revision is never silent: when an agency replaces a report's file between two builds, the report page
// (at the same address) says 原文已于 D 更新 with D the day of the build that read the new file, lists the
// figure that changed (行政强制 22 → 23, typed into the fixture by hand), and links the earlier original
// and its data, which the site still serves; the portal's and the agency's revisions feeds carry it. The
// record outlives generated/ (it is kept beside it) and later builds keep showing it.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildEnv } from './build.ts';

const root = mkdtempSync(join(tmpdir(), 'nianbao-revisions-'));
const [content, generated, dist] = [join(root, 'content'), join(root, 'generated'), join(root, 'dist')];
const report = join(content, 'row-missing.txt');
/** 2025-03-01 and 2025-03-10, noon in China. */
const DAY_1 = Date.UTC(2025, 2, 1, 4) / 1000;
const DAY_2 = Date.UTC(2025, 2, 10, 4) / 1000;

function build(day: number): string {
  const run = spawnSync(
    process.execPath,
    ['scripts/build.ts', '--content', content, '--generated', generated, '--dist', dist, '--site', 'https://example.org/'],
    { encoding: 'utf8', env: { ...buildEnv(), SOURCE_DATE_EPOCH: String(day) } },
  );
  if (run.status !== 0) throw new Error(`build failed:\n${run.stdout}\n${run.stderr}`);
  return run.stdout;
}

const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const read = (path: string) => readFileSync(join(dist, path), 'utf8');
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
const items = (path: string) => {
  const channel = new XMLParser().parse(read(path)).rss.channel;
  return ([] as { title: string; link: string; description: string }[]).concat(channel.item ?? []);
};

let before: Buffer;
let after: Buffer;
let id: string;
let agencyId: string;
beforeAll(() => {
  cpSync('test/e2e/fixtures/truth', content, { recursive: true });
  before = readFileSync(report);
  build(DAY_1);
  after = Buffer.from(before.toString('utf8').replace('行政强制\t22', '行政强制\t23'));
  expect(after.equals(before)).toBe(false);
  writeFileSync(report, after);
  build(DAY_2);
  const summaries = JSON.parse(readFileSync(join(generated, 'reports.json'), 'utf8')) as { id: string; agencyId: string; agency: string }[];
  ({ id, agencyId } = summaries.find((s) => s.agency === '白杨镇人民政府')!);
}, 600_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('a report whose file was replaced between two builds', () => {
  test('keeps its page address, says when the new file was read, and lists the changed figure old → new', () => {
    const page = text(read(`reports/${id}/index.html`));
    expect(page).toContain('原文已于 2025-03-10 更新');
    expect(page).toContain('此前版本（2025-03-01 起收录）');
    expect(page).toMatch(/有变化的数字（1 项）.*表二 行政强制·本年处理决定数量 22 23/);
    const others = readdirSync(join(dist, 'reports')).filter((r) => r !== id);
    for (const other of others) expect(read(`reports/${other}/index.html`)).not.toContain('原文已于');
  });

  test('publishes both versions: the earlier original byte for byte with its data, and the new one', () => {
    const html = read(`reports/${id}/index.html`);
    const links = [...html.matchAll(/href="\/(data\/(?:originals|reports)\/revisions\/[^"]+)"/g)].map((m) => m[1]!);
    const earlier = sha(before).slice(0, 12);
    expect(links).toEqual([
      `data/originals/revisions/${id}/${earlier}.txt`,
      `data/reports/revisions/${id}/${earlier}.json`,
      `data/reports/revisions/${id}/${earlier}.csv`,
    ]);
    expect(readFileSync(join(dist, links[0]!)).equals(before)).toBe(true);
    expect(JSON.parse(read(links[1]!)).proactive.coercion.decisions).toBe(22);
    expect(readFileSync(join(dist, `data/originals/${id}.txt`)).equals(after)).toBe(true);
    expect(JSON.parse(read(`data/reports/${id}.json`)).proactive.coercion.decisions).toBe(23);
  });

  test('is an item of the portal’s and its agency’s revisions feeds, and of no other agency’s', () => {
    const link = `https://example.org/reports/${id}/#revision-${sha(after).slice(0, 12)}`;
    for (const feed of ['feeds/revisions.xml', `feeds/agencies/${agencyId}/revisions.xml`]) {
      const [item, ...rest] = items(feed);
      expect(rest, feed).toEqual([]);
      expect(item).toMatchObject({ link, title: expect.stringContaining('原文已于 2025-03-10 更新') });
      expect(item!.description).toContain('表二 行政强制·本年处理决定数量：22 → 23');
    }
    const otherAgencies = readdirSync(join(dist, 'feeds/agencies')).filter((a) => a !== agencyId);
    expect(otherAgencies.length).toBeGreaterThan(0);
    for (const a of otherAgencies) expect(items(`feeds/agencies/${a}/revisions.xml`)).toEqual([]);
  });

  test('is still shown after a build with generated/ deleted, dated as before', () => {
    rmSync(generated, { recursive: true, force: true });
    build(DAY_2 + 86_400 * 30);
    expect(text(read(`reports/${id}/index.html`))).toContain('原文已于 2025-03-10 更新');
    expect(readFileSync(join(dist, `data/originals/revisions/${id}/${sha(before).slice(0, 12)}.txt`)).equals(before)).toBe(true);
  });
});
