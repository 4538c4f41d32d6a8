// How the reports are split into search indexes (one Pagefind bundle each).
import { describe, expect, test } from 'vitest';
import { BUNDLE_PAGES, bundleList, bundleSize, indexBundles } from '../../model/search-bundles.ts';

const reports = (year: number, n: number, region: string | null = null, tag = 'a') =>
  Array.from({ length: n }, (_, i) => ({ id: `${tag}${i}-${year}`, year, region }));

describe('indexBundles', () => {
  test('one shard per year, newest first, named by the year, with the provinces of its reports', () => {
    const shards = indexBundles([...reports(2020, 3, '江苏省淮安市洪泽区'), ...reports(2022, 2, '北京市'), ...reports(2021, 1)]);
    expect(shards.map((s) => [s.name, s.ids.length, s.provinces])).toEqual([
      ['2022', 2, ['北京市']],
      ['2021', 1, []],
      ['2020', 3, ['江苏省']],
    ]);
  });

  test('a year too big for one index is split by province, a big province in parts, each report in exactly one', () => {
    const year = [...reports(2022, BUNDLE_PAGES + 1, '江苏省淮安市', 'js'), ...reports(2022, 10, '北京市', 'bj'), ...reports(2022, 5, null, 'x')];
    const shards = indexBundles(year);
    expect(shards.map((s) => [s.name, s.provinces])).toEqual([
      ['2022-p11', ['北京市']],
      ['2022-p32-1', ['江苏省']],
      ['2022-p32-2', ['江苏省']],
      ['2022-none', []],
    ]);
    expect(shards.flatMap((s) => s.ids).sort()).toEqual(year.map((r) => r.id).sort());
    expect(shards[0]!.ids).toHaveLength(10);
    for (const s of shards) expect(s.ids.length).toBeLessThan(BUNDLE_PAGES * 0.6);
  });

  test('a new report leaves the others in their parts, so only its part is indexed again', () => {
    const year = [...reports(2022, 2 * BUNDLE_PAGES + 10, '江苏省'), ...reports(2022, 10, '北京市', 'bj')];
    const before = indexBundles(year);
    const after = indexBundles([...year, { id: 'new-2022', year: 2022, region: '江苏省南京市' }]);
    const changed = after.filter((s, i) => s.ids.join() !== before[i]!.ids.join());
    expect(changed).toHaveLength(1);
    expect(changed[0]!.ids).toContain('new-2022');
  });

  test('reports of build shards get one index per shard and year, newest year first, the top of content/ first within a year', () => {
    const inShard = (shard: string | undefined, year: number, n: number) => reports(year, n).map((r) => ({ ...r, id: `${shard ?? 'top'}-${r.id}`, shard }));
    const shards = indexBundles([...inShard('b', 2020, 2), ...inShard('a', 2021, 1), ...inShard(undefined, 2021, 1), ...inShard('a', 2020, 3)]);
    expect(shards.map((s) => [s.name, s.ids.length])).toEqual([
      ['2021', 1],
      ['a/2021', 1],
      ['a/2020', 3],
      ['b/2020', 2],
    ]);
  });

  test('the search page gets each bundle with its year and size, and its provinces where its year has several', () => {
    const year = [...reports(2022, BUNDLE_PAGES, '江苏省'), ...reports(2022, 1, '北京市', 'bj'), ...reports(2021, 2, '北京市')];
    expect(bundleList(indexBundles(year).map(bundleSize))).toEqual([
      { bundle: 'pagefind/2022-p11/', year: 2022, pages: 1, provinces: ['北京市'] },
      { bundle: 'pagefind/2022-p32/', year: 2022, pages: BUNDLE_PAGES, provinces: ['江苏省'] },
      { bundle: 'pagefind/2021/', year: 2021, pages: 2 },
    ]);
  });
});
