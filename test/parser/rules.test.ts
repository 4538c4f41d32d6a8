import { describe, expect, test } from 'vitest';
import { parseBytes } from '../../scripts/parser/index.ts';
import { readCell } from '../../scripts/parser/tables/read-cell.ts';
import type { Report } from '../../model/report.ts';
import { FIXTURE_2021, tabText, type Fixture } from './fixtures.ts';

async function parsedText(text: string): Promise<Report> {
  const outcome = await parseBytes('r.txt', new TextEncoder().encode(text));
  if ('error' in outcome) throw new Error(outcome.error);
  return outcome.report;
}
const withCells = (changes: Record<string, (number | string)[]>, review?: (number | string)[]): Fixture => ({
  ...FIXTURE_2021,
  applications: { ...FIXTURE_2021.applications, ...changes },
  review: review ?? FIXTURE_2021.review,
});
const check = (r: Report, rule: string, scope: string) => r.checks.find((c) => c.rule === rule && c.scope === scope);

describe('readCell', () => {
  test('keeps a blank cell null and its text in raw', () => expect(readCell('')).toEqual({ value: null, raw: '' }));
  test('reads padded zeros as 0', () => expect([readCell('0 ').value, readCell('\u00a00').value]).toEqual([0, 0]));
  test('placeholders are null, not 0, and keep their text', () => {
    for (const p of ['-', '/', '—', '无']) expect(readCell(p)).toEqual({ value: null, raw: p });
  });
  test('money is normalised to 万元 with the printed text kept', () => {
    expect(readCell('0.27亿元', true)).toEqual({ value: 2700, raw: '0.27亿元' });
    expect(readCell('251000元', true)).toEqual({ value: 25.1, raw: '251000元' });
  });
  test('text that is no number is null and marked unreadable', () => expect(readCell('见附件')).toMatchObject({ value: null, unreadable: true }));
});

describe('consistency checks R1–R5', () => {
  test('a consistent report passes every rule', async () => {
    const r = await parsedText(tabText(FIXTURE_2021));
    expect(r.checks.filter((c) => c.ok !== true)).toEqual([]);
    expect(new Set(r.checks.map((c) => c.rule))).toEqual(new Set(['R1', 'R2', 'R3', 'R4', 'R5']));
    expect(check(r, 'R1', 'total')).toMatchObject({ ok: true, expected: 7, actual: 7 });
  });

  test('R1 fails per column and names both numbers', async () => {
    // 结转下年度 自然人 printed 1 where 5+1 = 6+0.
    const r = await parsedText(tabText(withCells({ carriedForward: [1, 0, 0, 0, 0, 0, 1] })));
    const c = check(r, 'R1', 'naturalPerson')!;
    expect(c).toMatchObject({ ok: false, expected: 6, actual: 7 });
    expect(c.message).toContain('(6) ≠');
    expect(c.message).toContain('(7)');
    expect(c.cells).toContain('applications.carriedForward.naturalPerson');
  });

  test('R2 fails when the outcome rows do not add up to （七）总计', async () => {
    const r = await parsedText(tabText(withCells({ granted: [4, 0, 0, 0, 0, 0, 4] })));
    expect(check(r, 'R2', 'naturalPerson')).toMatchObject({ ok: false, expected: 6, actual: 7 });
    expect(check(r, 'R2', 'total')).toMatchObject({ ok: false, expected: 7, actual: 8 });
  });

  test('R3 fails when a row total is not the sum of the applicant columns', async () => {
    const r = await parsedText(tabText(withCells({ received: [5, 1, 0, 0, 0, 0, 7] })));
    expect(check(r, 'R3', 'received')).toMatchObject({ ok: false, expected: 7, actual: 6 });
  });

  test('R4 fails on a table-四 block whose total is wrong', async () => {
    const r = await parsedText(tabText(withCells({}, [1, 0, 0, 1, 3, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0])));
    expect(check(r, 'R4', 'review')).toMatchObject({ ok: false, expected: 3, actual: 2 });
    expect(check(r, 'R4', 'litigationDirect')).toMatchObject({ ok: true });
  });

  test('R5 fails on a negative count, naming the cell', async () => {
    const r = await parsedText(tabText(withCells({ rejectedDuplicate: [1, 0, 0, 0, -1, 0, 0] })));
    const bad = r.checks.filter((c) => c.rule === 'R5' && c.ok === false);
    expect(bad.map((c) => c.scope)).toEqual(['applications.rejectedDuplicate.legalService']);
  });

  test('a rule over a blank cell cannot tell, and says so', async () => {
    const r = await parsedText(tabText(withCells({ received: [5, '', 0, 0, 0, 0, 6] })));
    expect(r.applications.received.business).toBeNull();
    // Printed blank: raw keeps the empty text, so a reader can tell it from a cell nianbao could not decide.
    expect(r.raw['applications.received.business']).toBe('');
    const c = check(r, 'R3', 'received')!;
    expect(c.ok).toBeNull();
    expect(c.message).toContain('无法核对');
    expect(check(r, 'R1', 'business')!.ok).toBeNull();
  });

  test('a placeholder keeps its text in raw and is never counted as 0', async () => {
    const r = await parsedText(tabText(withCells({ carriedForward: [0, '—', 0, 0, 0, 0, 0] })));
    expect(r.applications.carriedForward.business).toBeNull();
    expect(r.raw['applications.carriedForward.business']).toBe('—');
  });
});

describe('R13: prose against tables', () => {
  // The message is what the report page, checks.csv and `nianbao check` print: the prose as quoted, its figure,
  // and every figure the table supports, typed here from the fixture's tables.
  const r13 = (r: Report) => r.warnings.filter((w) => w.code === 'R13').map((w) => ({ message: w.message, cells: [...new Set(w.cells)].sort() }));

  test('a report saying 收到和办理依申请公开2份 over a table of zeros is flagged with both figures', async () => {
    const zeros = Object.fromEntries(Object.keys(FIXTURE_2021.applications).map((k) => [k, [0, 0, 0, 0, 0, 0, 0]]));
    const r = await parsedText(tabText({ ...withCells(zeros), overview: '全年共收到和办理依申请公开2份，办结2份。' }));
    expect(r13(r)).toEqual([
      {
        message: '正文写「收到和办理依申请公开2份」（2），与表格不符：表中对应数字为 0。',
        cells: ['applications.carriedOver.total', 'applications.received.total'],
      },
    ]);
  });

  test('a received figure matching neither reading of the table names both (新收 6, with 上年结转 7)', async () => {
    const r = await parsedText(tabText({ ...FIXTURE_2021, overview: '2021年，本机关共收到政府信息公开申请9件。全年发生行政复议2件，行政诉讼1件。' }));
    expect(r13(r)).toEqual([
      {
        message: '正文写「收到政府信息公开申请9件」（9），与表格不符：表中对应数字为 6 或 7。',
        cells: ['applications.carriedOver.total', 'applications.received.total'],
      },
    ]);
  });

  test('a review count the table-四 block contradicts is flagged on that block alone', async () => {
    const r = await parsedText(
      tabText({ ...FIXTURE_2021, overview: '2021年，本机关共收到政府信息公开申请7件，其中上年结转1件。全年发生行政复议5件，行政诉讼1件。' }),
    );
    expect(r13(r)).toEqual([{ message: '正文写「行政复议5件」（5），与表格不符：表中对应数字为 2。', cells: ['review.total'] }]);
  });

  test('counting 上年结转 in the prose figure is not a contradiction', async () => {
    const r = await parsedText(tabText(FIXTURE_2021));
    expect(r.warnings.filter((w) => w.code === 'R13')).toEqual([]);
  });
});
