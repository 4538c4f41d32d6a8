// In what order the search page searches the index's bundles: newest year first, the reader's province
// first, small bundles together, so a first search reads one part of a big year.
import { describe, expect, test } from 'vitest';
import { groupLabel, groupsText, searchGroups, type Bundle } from '../../src/search/search-groups.ts';

const b = (bundle: string, year: number, pages: number, ...provinces: string[]): Bundle => ({ bundle, year, pages, provinces });
// A big 2024 split by province (as model/search-bundles.ts splits it), and a small 2023 in one bundle (whose provinces the page is not told).
const bundles = [
  b('2024-p11', 2024, 900, '北京市'),
  b('2024-p12', 2024, 800, '天津市'),
  b('2024-p44-1', 2024, 2000, '广东省'),
  b('2024-p44-2', 2024, 2000, '广东省'),
  b('2024-none', 2024, 300),
  { bundle: '2023', year: 2023, pages: 1200 },
];
const names = (groups: ReturnType<typeof searchGroups>) => groups.map((g) => g.bundles.map((x) => x.bundle).join('+'));

describe('searchGroups', () => {
  test('a year in one bundle is one whole group; a big year is searched in groups of at most 2,500 reports (the most in one bundle)', () => {
    const groups = searchGroups(bundles, { preferred: [], groupPages: 2500 });
    // 900 + 800 fit together (1,700 ≤ 2,500); 2,000 more would not; 2,000 + 300 do.
    expect(names(groups)).toEqual(['2024-p11+2024-p12', '2024-p44-1', '2024-p44-2+2024-none', '2023']);
    expect(groups.map((g) => g.whole)).toEqual([false, false, false, true]);
    for (const g of groups) expect(g.bundles.reduce((n, x) => n + x.pages, 0)).toBeLessThanOrEqual(2500);
  });

  test('the provinces of the agencies the query names come first within each year', () => {
    // 2,000 and 2,000 apart; then 900 + 800 + 300 together.
    expect(names(searchGroups(bundles, { preferred: ['广东省'], groupPages: 2500 }))).toEqual([
      '2024-p44-1',
      '2024-p44-2',
      '2024-p11+2024-p12+2024-none',
      '2023',
    ]);
  });

  test('a region filter keeps only its province’s bundles (and a year in one bundle); a year filter only that year', () => {
    expect(names(searchGroups(bundles, { region: '北京市海淀区', preferred: [], groupPages: 2500 }))).toEqual(['2024-p11', '2023']);
    expect(names(searchGroups(bundles, { year: '2023', preferred: ['广东省'], groupPages: 2500 }))).toEqual(['2023']);
  });
});

describe('how the page names the groups', () => {
  const groups = searchGroups(bundles, { preferred: [], groupPages: 2500 });
  test('a whole year by its year, a part of a year by its provinces', () => {
    expect(groups.map(groupLabel)).toEqual(['2024 年度北京市、天津市', '2024 年度广东省', '2024 年度广东省、未定地区', '2023 年度']);
    expect(groupLabel({ year: 2024, bundles: [], whole: false, provinces: [] })).toBe('2024 年度未定地区');
    expect(groupLabel({ year: 2024, bundles: [], whole: false, provinces: ['河北省', '山西省', '辽宁省', '吉林省'] })).toBe(
      '2024 年度河北省、山西省、辽宁省等 4 个地区',
    );
  });

  test('what has been searched: a span of whole years, or the parts', () => {
    expect(groupsText([groups[3]!])).toBe('2023 年度');
    expect(groupsText(groups.slice(0, 2))).toBe('2024 年度北京市、天津市，2024 年度广东省');
    expect(groupsText(groups)).toBe('2024 年度北京市、天津市，2024 年度广东省等 4 部分');
  });
});
