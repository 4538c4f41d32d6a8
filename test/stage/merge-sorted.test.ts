// The hub merges its shards' files as sorted streams: the result is in order whatever the shards, ties
// keep their shards' order, a shard out of order is refused, and the merge never reads ahead: what it
// holds is one element per shard, however long the shards are.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { ArrayWriter, openArray, readArray, writeArray } from '../../scripts/stage/json-array.ts';
import { mergeSorted } from '../../scripts/stage/merge-sorted.ts';

const collect = async <T>(items: AsyncIterable<T>) => {
  const out: T[] = [];
  for await (const x of items) out.push(x);
  return out;
};
const byNumber = (a: { n: number }, b: { n: number }) => a.n - b.n;

describe('mergeSorted', () => {
  test('merges three sorted shards into one order; equal elements keep the order of their shards', async () => {
    const shard = (name: string, ns: number[]) => ({ name, items: ns.map((n) => ({ n, from: name })).values() });
    const merged = await collect(mergeSorted([shard('a', [1, 4, 4, 9]), shard('b', []), shard('c', [2, 4, 10])], byNumber));
    expect(merged.map((x) => `${x.n}${x.from}`)).toEqual(['1a', '2c', '4a', '4a', '4c', '9a', '10c']);
  });

  test('refuses a shard that is not in order, naming it', async () => {
    const shards = [
      { name: 'shard a', items: [{ n: 1 }, { n: 3 }].values() },
      { name: 'shard b', items: [{ n: 2 }, { n: 1 }].values() },
    ];
    await expect(collect(mergeSorted(shards, byNumber))).rejects.toThrow(/shard b is not in order/);
  });

  test('reads each shard only as far as the merge has gone: never more than one element per shard ahead, for shards of 10 or 10,000', async () => {
    for (const size of [10, 10_000]) {
      let pulled = 0;
      let mostAhead = 0;
      const shard = function* (offset: number) {
        for (let i = 0; i < size; i++) {
          pulled++;
          yield { n: i * 4 + offset };
        }
      };
      const sources = [0, 1, 2, 3].map((o) => ({ name: `s${o}`, items: shard(o) }));
      let consumed = 0;
      for await (const x of mergeSorted(sources, byNumber)) {
        consumed++;
        expect(x.n).toBe(consumed - 1); // 0, 1, 2, … from the four shards in turn
        mostAhead = Math.max(mostAhead, pulled - consumed);
      }
      expect(consumed).toBe(4 * size);
      // Held at any moment: the four shards' next elements.
      expect(mostAhead).toBeLessThanOrEqual(4);
    }
  });
});

describe('one-element-per-line JSON arrays', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-json-array-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('are one JSON value to whoever reads them whole, and read back element by element', async () => {
    const items = [{ name: '万源市, "固军镇"\n人民政府', n: 1 }, [1, null, '?'], 'text ]},'];
    writeArray(join(dir, 'a.json'), items);
    const text = readFileSync(join(dir, 'a.json'), 'utf8');
    expect(JSON.parse(text)).toEqual(items);
    expect(text.split('\n')).toHaveLength(items.length + 2);
    expect(await collect(readArray(join(dir, 'a.json')))).toEqual(items);
  });

  test('an empty array, and one between a head and a tail (downloads/reports.json)', async () => {
    writeArray(join(dir, 'empty.json'), []);
    expect(JSON.parse(readFileSync(join(dir, 'empty.json'), 'utf8'))).toEqual([]);
    expect(await collect(readArray(join(dir, 'empty.json')))).toEqual([]);
    const bulk = new ArrayWriter(join(dir, 'bulk.json'), { head: '{"columns":["id","year"],"rows":[', tail: ']}' });
    bulk.add(['a-2020', 2020]);
    bulk.add(['b-2021', 2021]);
    bulk.close();
    expect(JSON.parse(readFileSync(join(dir, 'bulk.json'), 'utf8'))).toEqual({
      columns: ['id', 'year'],
      rows: [
        ['a-2020', 2020],
        ['b-2021', 2021],
      ],
    });
    const { head, items } = await openArray(join(dir, 'bulk.json'));
    expect(head).toBe('{"columns":["id","year"],"rows":[');
    expect(await collect(items)).toEqual([
      ['a-2020', 2020],
      ['b-2021', 2021],
    ]);
  });

  test('a file written whole by JSON.stringify is refused with what to do', async () => {
    const path = join(dir, 'old.json');
    writeArray(path, []);
    const { writeFileSync } = await import('node:fs');
    writeFileSync(path, JSON.stringify([{ a: 1 }, { a: 2 }]));
    await expect(openArray(path)).rejects.toThrow(/one element per line: rebuild it/);
  });
});
