// Every input is answered in bounded time and memory: each limit of the parser, reached on purpose,
// gives a report with the affected cells null and a warning saying why, or a clear error; never a
// guess, a crash or a hang. Inputs are typed here as a hostile or unlucky file would print them.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, test } from 'vitest';
import { parseBytes, parseFile, type ParseOutcome } from '../../scripts/parser/index.ts';
import type { Report } from '../../model/report.ts';
import { cellPerLineText, crawledText, FIXTURE_2021, htmlPage, markdown, tabText } from './fixtures.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);

/**
 * Parse one input; fails the test beyond `ms` of this thread's own CPU time. Wall time would say how busy
 * the machine is (other tests, other builds), not how much work the parser did: a budget of CPU is what
 * a hang or a super-linear search overruns on any machine.
 */
async function answered(file: string, bytes: Uint8Array, ms: number): Promise<ParseOutcome> {
  const start = process.threadCpuUsage();
  const outcome = await parseBytes(file, bytes);
  const used = process.threadCpuUsage(start);
  expect((used.user + used.system) / 1000, `${file} answered in time`).toBeLessThan(ms);
  return outcome;
}

function reportOf(outcome: ParseOutcome): Report {
  if ('error' in outcome) throw new Error(`expected a report, got: ${outcome.error}`);
  return outcome.report;
}

const codesFor = (r: Report, path: string) => r.warnings.filter((w) => w.cells?.includes(path)).map((w) => w.code);

describe('the cut search has a budget', () => {
  test('a table 三 row of 40 run-together digits: that row null with an over-budget warning, within a second', async () => {
    const applications = { ...FIXTURE_2021.applications, received: ['1234567890123456789012345678901234567890', '', '', '', '', '', ''] };
    const r = reportOf(await answered('e.txt', utf8(crawledText({ ...FIXTURE_2021, applications })), 1000));
    expect(Object.values(r.applications.received)).toEqual([null, null, null, null, null, null, null]);
    expect(codesFor(r, 'applications.received.total')).toContain('table/over-budget');
    // The other rows are still read.
    expect(r.applications.carriedOver.total).toBe(1);
  });

  test('a table 四 row of 28 run-together digits: its fifteen cells null with an over-budget warning, within a second', async () => {
    const review = ['1234567890123456789012345678', ...Array<string>(14).fill('')];
    const r = reportOf(await answered('e.txt', utf8(crawledText({ ...FIXTURE_2021, review })), 1000));
    expect(Object.values(r.review)).toEqual([null, null, null, null, null]);
    expect(Object.values(r.litigationAfterReview)).toEqual([null, null, null, null, null]);
    expect(codesFor(r, 'review.upheld')).toContain('table/over-budget');
  });
});

describe('the cut search counts every reading it tries', () => {
  test('rows printing one figure each and a row of 16 run-together digits: null with warnings, within two seconds (found by the fuzz suite: this hung)', async () => {
    const applications = Object.fromEntries(Object.keys(FIXTURE_2021.applications).map((row) => [row, ['0', '', '', '', '', '', '']]));
    applications.carriedOver = ['8579918176848485', '', '', '', '', '', ''];
    const r = reportOf(await answered('e.txt', utf8(crawledText({ ...FIXTURE_2021, applications }, ' ')), 2000));
    expect(Object.values(r.applications.carriedOver)).toEqual([null, null, null, null, null, null, null]);
    expect(codesFor(r, 'applications.carriedOver.total').length).toBeGreaterThan(0);
  });
});

describe('a figure that is not an exact integer is not a number', () => {
  test('2^53 + 1 in a table cell stays null, its printed text kept, with a warning', async () => {
    const applications = { ...FIXTURE_2021.applications, received: ['9007199254740993', 1, 0, 0, 0, 0, 6] };
    const r = reportOf(await answered('c.html', utf8(htmlPage({ ...FIXTURE_2021, applications })), 2000));
    expect(r.applications.received.naturalPerson).toBeNull();
    expect(r.raw['applications.received.naturalPerson']).toBe('9007199254740993');
    expect(codesFor(r, 'applications.received.naturalPerson')).toContain('table/not-safe-integer');
    expect(r.applications.received.business).toBe(1);
  });

  test('2^53 − 1, the largest exact integer, is still a number', async () => {
    const applications = { ...FIXTURE_2021.applications, received: ['9007199254740991', 1, 0, 0, 0, 0, 6] };
    const r = reportOf(await answered('c.html', utf8(htmlPage({ ...FIXTURE_2021, applications })), 2000));
    expect(r.applications.received.naturalPerson).toBe(9007199254740991);
  });

  test('400 nines (Infinity as a double) in a cell: null with a warning, and the report still answers', async () => {
    const proactive = { ...FIXTURE_2021.proactive, licensing: ['9'.repeat(400)] };
    const r = reportOf(await answered('c.html', utf8(htmlPage({ ...FIXTURE_2021, proactive })), 2000));
    expect(r.proactive.licensing).toEqual({ decisions: null });
    expect(r.raw['proactive.licensing.decisions']).toBe('9'.repeat(400));
    expect(codesFor(r, 'proactive.licensing.decisions')).toContain('table/not-safe-integer');
  });

  test('a money amount of 1e20 元 with decimals beyond exactness is null, not rounded', async () => {
    const proactive = { ...FIXTURE_2021.proactive, fees: ['123456789012345678.25'] };
    const r = reportOf(await answered('c.html', utf8(htmlPage({ ...FIXTURE_2021, proactive })), 2000));
    expect(r.proactive.fees).toEqual({ amount: null });
    expect(r.raw['proactive.fees.amount']).toBe('123456789012345678.25');
  });
});

describe('input limits', () => {
  test('a .docx whose text inflates to 40 MB (a zip bomb of 40 kB) is refused, even when the zip understates the size', async () => {
    const xml = new Uint8Array(40 * 2 ** 20).fill(0x20);
    xml.set(strToU8('<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'));
    const bomb = zipSync({ 'word/document.xml': xml });
    expect(bomb.length).toBeLessThan(200_000);
    expect(await answered('bomb.docx', bomb, 2000)).toEqual({ error: expect.stringMatching(/inflates beyond 32 MB.*zip bomb/), kind: 'input' });
    // The same bomb declaring 1 kB in its local and central headers: the inflated bytes are counted.
    const lying = bomb.slice();
    const view = new DataView(lying.buffer);
    view.setUint32(22, 1024, true);
    let central = lying.length - 4;
    while (view.getUint32(central, true) !== 0x02014b50) central--;
    view.setUint32(central + 24, 1024, true);
    expect(await answered('lying.docx', lying, 3000)).toEqual({ error: expect.stringMatching(/inflates beyond 32 MB.*zip bomb/), kind: 'input' });
  });

  test('parseFile looks before it reads: a FIFO and a 20 GB sparse file are refused at once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-budget-'));
    try {
      execFileSync('mkfifo', [join(dir, 'pipe.txt')]);
      writeFileSync(join(dir, 'huge.html'), '');
      truncateSync(join(dir, 'huge.html'), 20 * 2 ** 30);
      const start = performance.now();
      expect(await parseFile(join(dir, 'pipe.txt'))).toEqual({ error: expect.stringMatching(/not a regular file/), kind: 'input' });
      expect(await parseFile(join(dir, 'huge.html'))).toEqual({ error: expect.stringMatching(/20480\.0 MB.*up to 32 MB/), kind: 'input' });
      expect(performance.now() - start).toBeLessThan(1000);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a text file over 8 MB is refused with its size and what to do', async () => {
    const outcome = await answered('big.txt', new Uint8Array(9 * 2 ** 20).fill(0x31), 2000);
    expect(outcome).toEqual({ error: expect.stringMatching(/9\.0 MB.*up to 8 MB.*is it the right file/), kind: 'input' });
  });

  test('HTML nested 10,000 deep is refused with a clear reason, not a stack overflow', async () => {
    const page = htmlPage(FIXTURE_2021).replace('<div class="content">', `<div class="content">${'<div>'.repeat(10_000)}`);
    const outcome = await answered('deep.html', utf8(page), 2000);
    expect(outcome).toEqual({ error: expect.stringMatching(/nests its elements more than 1000 deep/), kind: 'input' });
  });

  test('Markdown nested 10,000 deep (quotes, lists, brackets, stars) still gives every cell', async () => {
    const deep = ['>'.repeat(10_000) + ' 引用', '- '.repeat(5_000) + '列表', '['.repeat(10_000), '*'.repeat(20_000)].join('\n\n');
    const r = reportOf(await answered('deep.md', utf8(`${markdown(FIXTURE_2021)}\n\n${deep}\n`), 2000));
    expect(r.applications.received).toEqual({ naturalPerson: 5, business: 1, research: 0, nonprofit: 0, legalService: 0, otherOrg: 0, total: 6 });
  });

  test('a table 四 row of 20,000 cells: table 四 null with a warning, the rest of the report read', async () => {
    const wide = { ...FIXTURE_2021, review: Array<number>(20_000).fill(1) };
    for (const [file, text] of [
      ['wide.html', htmlPage(wide)],
      ['wide.md', markdown(wide)],
      ['wide.txt', tabText(wide)],
    ]) {
      const r = reportOf(await answered(file, utf8(text), 3000));
      expect([...Object.values(r.review), ...Object.values(r.litigationDirect)], file).toEqual(Array(10).fill(null));
      expect(codesFor(r, 'review.upheld').length, file).toBeGreaterThan(0);
      expect(r.applications.received.total, file).toBe(6);
    }
  });

  test('labels are searched for across 20,000 blanks in linear time (found by npm run fuzz: 5 s before)', async () => {
    // A report cut short after a line of one word and 20,000 tabs, which reads as prose with 20,000 spaces.
    const text = crawledText(FIXTURE_2021).replace(/（一）予以公开.*$/s, `\n无${'\t'.repeat(20_000)}`);
    const r = reportOf(await answered('tabs.txt', utf8(text), 1500));
    expect(r.applications.received.total).toBe(6);
    expect(r.applications.granted.total).toBeNull();
  });

  test('100,000 short lines are read in linear time', async () => {
    const prose = reportOf(await answered('lines.txt', utf8(`${tabText(FIXTURE_2021)}\n${'短行\n'.repeat(100_000)}`), 3000));
    expect(prose.applications.received.total).toBe(6);
    // Lines continuing one cell of a cell-per-line table, then blank lines.
    const cells = cellPerLineText(FIXTURE_2021).replace('\t本年新', `\t本年新${'\n续'.repeat(100_000)}${'\n'.repeat(100_000)}`);
    const r = reportOf(await answered('cells.txt', utf8(cells), 3000));
    expect(r.applications.received.total).toBe(6);
  });
});
