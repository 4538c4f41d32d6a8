import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { APPLICANTS, APPLICATION_ROWS, outcomeRows, REVIEW_BLOCKS, REVIEW_PARTS } from '../../model/templates.ts';
import { FIRST_YEAR, LAST_YEAR } from '../../scripts/synthetic/agencies.ts';
import { chineseDate } from '../../scripts/synthetic/synthetic-report.ts';
import { DEFAULT_SHARES } from '../../scripts/synthetic/figures.ts';
import { checkOut, FORM_SHARES, planCorpus, writeCorpus, type PlannedReport } from '../../scripts/synthetic/generate.ts';
import { cellsOf, readManifest, type Manifest } from '../../scripts/synthetic/manifest.ts';

const plan = (reports: number, seed = 1, shares = DEFAULT_SHARES) => [...planCorpus({ reports, seed, shares })];

// R1–R4 as report-format.md §4 states them, written here independently of the parser's rules.
function failedRules(r: PlannedReport): string[] {
  const v = (path: string) => r.figures.values.get(path) ?? null;
  const failed: string[] = [];
  const test = (rule: string, scope: string, left: (number | null)[], right: (number | null)[]) => {
    if ([...left, ...right].some((x) => x === null)) return;
    const sum = (xs: (number | null)[]) => xs.reduce<number>((a, b) => a + b!, 0);
    if (sum(left) !== sum(right)) failed.push(`${rule}:${scope}`);
  };
  const a = (row: string, col: string) => v(`applications.${row}.${col}`);
  for (const { key: col } of APPLICANTS) {
    test('R1', col, [a('received', col), a('carriedOver', col)], [a('resultsTotal', col), a('carriedForward', col)]);
    test(
      'R2',
      col,
      [a('resultsTotal', col)],
      outcomeRows(r.figures.template).map((row) => a(row, col)),
    );
  }
  for (const { key: row } of APPLICATION_ROWS[r.figures.template]) {
    test(
      'R3',
      row,
      [a(row, 'total')],
      APPLICANTS.slice(0, 6).map((c) => a(row, c.key)),
    );
  }
  for (const { key: block } of REVIEW_BLOCKS)
    test(
      'R4',
      block,
      [v(`${block}.total`)],
      REVIEW_PARTS.map((c) => v(`${block}.${c}`)),
    );
  return failed.sort();
}

describe('planCorpus', () => {
  const reports = plan(3000);

  test('is deterministic for a seed and differs between seeds', () => {
    const again = plan(300);
    expect(again.map((r) => [r.file, [...r.figures.values]])).toEqual(reports.slice(0, 300).map((r) => [r.file, [...r.figures.values]]));
    expect(plan(300, 2).map((r) => r.agency.name)).not.toEqual(again.map((r) => r.agency.name));
  });

  test('gives the first N reports of a larger corpus unchanged, so one more report is one new file', () => {
    const bigger = plan(3001);
    expect(bigger.slice(0, 3000).map((r) => r.file)).toEqual(reports.map((r) => r.file));
    expect(reports.map((r) => r.file)).not.toContain(bigger[3000].file);
  });

  test('builds a hierarchy of every level, each agency under a government one level up', () => {
    const agencies = new Map(reports.map((r) => [r.agency.name, r.agency]));
    expect(new Set([...agencies.values()].map((a) => a.level))).toEqual(new Set(['province', 'city', 'county', 'township', 'department']));
    expect(new Set([...agencies.values()].map((a) => a.province)).size).toBeGreaterThan(20);
    for (const a of agencies.values()) {
      if (a.level === 'province') expect(a.parent).toBeNull();
      else expect(a.parent).toMatch(/人民政府$/);
      if (a.level === 'township') {
        expect(a.name).toMatch(/(镇|乡)人民政府$|街道办事处$/);
        expect(a.name.startsWith(a.parent!.replace(/人民政府$/, ''))).toBe(true);
      }
    }
    const townships = reports.filter((r) => r.agency.level === 'township').length / reports.length;
    expect(townships).toBeGreaterThan(0.25);
  });

  test('names every agency uniquely and has it report consecutive years with the template of its year', () => {
    const byAgency = new Map<number, PlannedReport[]>();
    for (const r of reports) byAgency.set(r.agency.index, [...(byAgency.get(r.agency.index) ?? []), r]);
    expect(new Set(reports.map((r) => r.agency.name)).size).toBe(byAgency.size);
    for (const list of byAgency.values()) {
      const years = list.map((r) => r.year);
      expect(years).toEqual(years.map((_, i) => years[0] + i));
      expect(years[0]).toBeGreaterThanOrEqual(FIRST_YEAR);
      expect(years.at(-1)).toBeLessThanOrEqual(LAST_YEAR);
    }
    expect(Math.max(...[...byAgency.values()].map((l) => l.length))).toBeGreaterThanOrEqual(3);
    for (const r of reports) expect(r.figures.template).toBe(r.year >= 2021 ? '2021' : '2019');
  });

  test('keeps R1–R4 in every report it does not break, and breaks exactly what it records', () => {
    for (const r of reports) {
      const recorded = r.figures.broken.filter((b) => b.rule !== 'R8').map((b) => `${b.rule}:${b.scope}`);
      expect(failedRules(r), r.file).toEqual(recorded.sort());
    }
  });

  test('changes one cell by one in a broken report and nothing else', () => {
    for (const r of reports.filter((x) => x.figures.perturbed)) {
      const changed = [...r.figures.values].filter(([path, value]) => value !== r.figures.truth.get(path));
      expect(changed.map(([path]) => path)).toEqual([r.figures.perturbed]);
      expect(Math.abs(changed[0][1]! - r.figures.truth.get(r.figures.perturbed!)!)).toBe(1);
    }
  });

  test('carries 结转下年度 into next year’s 上年结转, recording every R8 break', () => {
    for (let i = 1; i < reports.length; i++) {
      const [before, now] = [reports[i - 1], reports[i]];
      if (before.agency !== now.agency) continue;
      for (const { key } of APPLICANTS) {
        const forward = before.figures.values.get(`applications.carriedForward.${key}`);
        const over = now.figures.values.get(`applications.carriedOver.${key}`);
        const recorded = now.figures.broken.some((b) => b.rule === 'R8' && b.scope === key);
        if (forward !== null && over !== null) expect(recorded, now.file).toBe(forward !== over);
      }
    }
  });

  test('breaks about the configured share of reports and leaves a few with blanks', () => {
    const share = (f: (r: PlannedReport) => unknown) => reports.filter(f).length / reports.length;
    expect(share((r) => r.figures.perturbed)).toBeGreaterThan(0.07);
    expect(share((r) => r.figures.perturbed)).toBeLessThan(0.13);
    expect(share((r) => r.figures.blanks)).toBeGreaterThan(0.02);
    expect(share((r) => r.figures.blanks)).toBeLessThan(0.07);
    expect(plan(500, 1, { ...DEFAULT_SHARES, broken: 0 }).filter((r) => r.figures.perturbed)).toEqual([]);
  });

  test('gives township applications in the single digits and city departments tens to hundreds', () => {
    const received = (level: string, tier: string) =>
      reports.filter((r) => r.agency.level === level && r.agency.tier === tier).map((r) => r.figures.truth.get('applications.received.total')!);
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    expect(Math.max(...received('township', 'township'))).toBeLessThanOrEqual(5);
    expect(median(received('department', 'city'))).toBeGreaterThanOrEqual(10);
  });

  test('uses every form', () => {
    expect(new Set(reports.map((r) => r.form))).toEqual(new Set(Object.keys(FORM_SHARES)));
  });
});

describe('chineseDate', () => {
  test('writes dates in Chinese numerals as signature blocks do', () => {
    expect(chineseDate(2021, 1, 19)).toBe('二〇二一年一月十九日');
    expect(chineseDate(2020, 3, 30)).toBe('二〇二〇年三月三十日');
    expect(chineseDate(2022, 2, 8)).toBe('二〇二二年二月八日');
  });
});

describe('writeCorpus', () => {
  let dir: string;
  let manifest: Manifest;
  const bytes = (file: string) => readFileSync(join(dir, file));

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'nianbao-corpus-'));
    await writeCorpus({ reports: 400, seed: 5, out: join(dir, 'a') });
    manifest = readManifest(join(dir, 'a'));
  }, 60_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('writes the same bytes for the same seed', async () => {
    await writeCorpus({ reports: 60, seed: 5, out: join(dir, 'b') });
    const small = readManifest(join(dir, 'b'));
    expect(small.files).toEqual(manifest.files.slice(0, 60));
    for (const f of small.files) expect(bytes(join('b', f.file)).equals(bytes(join('a', f.file))), f.file).toBe(true);
  });

  test('writes each file in its declared encoding and line endings', () => {
    const seen = new Set<string>();
    for (const f of manifest.files) {
      const b = bytes(join('a', f.file));
      seen.add(`${f.form}/${f.encoding}`);
      if (f.form === 'docx') {
        expect(b.subarray(0, 2).toString('latin1')).toBe('PK');
        continue;
      }
      let text: string;
      if (f.encoding === 'utf-16le-bom') {
        expect([...b.subarray(0, 2)]).toEqual([0xff, 0xfe]);
        text = new TextDecoder('utf-16le').decode(b.subarray(2));
      } else if (f.encoding === 'gb18030') {
        expect(() => new TextDecoder('utf-8', { fatal: true }).decode(b)).toThrow();
        text = new TextDecoder('gb18030').decode(b);
      } else {
        expect([...b.subarray(0, 3)].join() === '239,187,191').toBe(f.encoding === 'utf-8-bom');
        text = new TextDecoder('utf-8', { fatal: true }).decode(b);
      }
      expect(text.includes('\r\n')).toBe(f.crlf);
      expect(text).toContain(f.title);
    }
    for (const encoding of ['utf-8', 'utf-8-bom', 'gb18030', 'utf-16le-bom'])
      expect(
        [...seen].some((s) => s.endsWith(encoding)),
        encoding,
      ).toBe(true);
  });

  test('lays HTML tables out with merged cells, &nbsp; blanks and <br /> in headers, inside a site page', () => {
    const html = manifest.files.filter((f) => f.form === 'html').map((f) => bytes(join('a', f.file)).toString('utf8'));
    const all = html.join('\n');
    expect(all).toContain('rowspan="22"');
    expect(all).toContain('rowspan="20"');
    expect(all).toContain('colspan="10"');
    expect(all).toContain('本年新<br />');
    expect(all).toMatch(/<ul class="nav">/);
    expect(all).toMatch(/class="footer"/);
    expect(html.some((h) => h.includes('&nbsp;'))).toBe(true);
  });

  test('writes about 8 KB of text per report', () => {
    const text = manifest.files.filter((f) => f.form === 'text-tabs' && f.encoding === 'utf-8').map((f) => bytes(join('a', f.file)).length);
    const mean = text.reduce((a, b) => a + b, 0) / text.length;
    expect(mean).toBeGreaterThan(6000);
    expect(mean).toBeLessThan(11000);
  });

  test('records every printed cell, blanks as null, and the checks it broke', () => {
    const entry = manifest.files.find((f) => f.perturbed)!;
    const cells = cellsOf(manifest, entry);
    expect(cells.size).toBe(entry.template === '2019' ? 22 + 23 * 7 + 15 : 10 + 25 * 7 + 15);
    expect(entry.broken.length).toBeGreaterThan(0);
    const blank = manifest.files.find((f) => f.blanks)!;
    expect([...cellsOf(manifest, blank).values()]).toContain(null);
  });

  test('refuses content/, the project itself and folders that already hold files', () => {
    expect(() => checkOut('content')).toThrow(/content/);
    expect(() => checkOut('content/bench')).toThrow(/content/);
    expect(() => checkOut('.')).toThrow(/project/);
    expect(() => checkOut(join(dir, 'a'))).toThrow(/not empty/);
  });
});
