// How the report pages are split into search indexes (one Pagefind bundle each).
import { describe, expect, test } from 'vitest';
import { SHARD_PAGES, searchShards } from '../../src/search/search-shards.ts';

const reports = (year: number, n: number) => Array.from({ length: n }, (_, i) => ({ id: `a${i}-${year}`, year }));

describe('searchShards', () => {
  test('one shard per year, newest first, named by the year', () => {
    const shards = searchShards([...reports(2020, 3), ...reports(2022, 2), ...reports(2021, 1)]);
    expect(shards.map((s) => [s.name, s.ids.length])).toEqual([
      ['2022', 2],
      ['2021', 1],
      ['2020', 3],
    ]);
  });

  test('a year too big for one index is split, each report in exactly one part', () => {
    const year = reports(2022, 3 * SHARD_PAGES + 1);
    const shards = searchShards(year);
    expect(shards.map((s) => s.name)).toEqual(['2022-1', '2022-2', '2022-3', '2022-4']);
    expect(shards.flatMap((s) => s.ids).sort()).toEqual(year.map((r) => r.id).sort());
    for (const s of shards) expect(s.ids.length).toBeLessThan(SHARD_PAGES * 1.2);
  });

  test('a new report leaves the others in their parts, so only its part is indexed again', () => {
    const before = searchShards(reports(2022, 2 * SHARD_PAGES + 10));
    const after = searchShards([...reports(2022, 2 * SHARD_PAGES + 10), { id: 'new-2022', year: 2022 }]);
    const changed = after.filter((s, i) => s.ids.join() !== before[i]!.ids.join());
    expect(changed).toHaveLength(1);
    expect(changed[0]!.ids).toContain('new-2022');
  });

  test('reports of build shards get one index per shard and year, newest year first, the top of content/ first within a year', () => {
    const inShard = (shard: string | undefined, year: number, n: number) => reports(year, n).map((r) => ({ ...r, id: `${shard ?? 'top'}-${r.id}`, shard }));
    const shards = searchShards([...inShard('b', 2020, 2), ...inShard('a', 2021, 1), ...inShard(undefined, 2021, 1), ...inShard('a', 2020, 3)]);
    expect(shards.map((s) => [s.name, s.ids.length])).toEqual([
      ['2021', 1],
      ['a/2021', 1],
      ['a/2020', 3],
      ['b/2020', 2],
    ]);
  });
});
