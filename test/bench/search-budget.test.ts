// The bench prints the first-search bytes against the budgets, which are set for 10,000 reports.
import { describe, expect, test } from 'vitest';
import { searchBudgetTargets, type SearchCost } from '../../scripts/bench/search-bytes.ts';

const cost = (query: string, pagefindBytes: number): SearchCost => ({
  method: 'chromium',
  query,
  pagefindBytes,
  namesBytes: 0,
  pageBytes: 22_000,
  seconds: 0.1,
  results: '',
  largest: [],
});

describe('searchBudgetTargets', () => {
  test('at 10,000 reports a place name meets 300 KB and a common term 500 KB, or not', () => {
    const [common, place] = searchBudgetTargets(10_000, [cost('政府信息公开', 480_000), cost('鸣化镇', 310_000)]);
    expect(common).toMatchObject({ met: true, measured: '480 KB + page 22 KB' });
    expect(common!.target).toContain('≤ 500 KB');
    expect(place).toMatchObject({ met: false });
    expect(place!.target).toContain('≤ 300 KB');
  });

  test('at another size the line says where it was measured and neither meets nor misses', () => {
    const [common, place] = searchBudgetTargets(1_000, [cost('政府信息公开', 226_000), cost('鸣化镇', 180_000)]);
    expect(common!.met).toBeNull();
    expect(place!.target).toContain('measured at 1,000');
  });
});
