// A k-way merge of sorted streams (tinyqueue, a small binary heap): the hub of a build in shards merges
// its shards' files this way, holding one element per shard, never a shard's whole file. Each source is
// read only as far as the merge has gone, so what is held does not grow with the corpus.
import TinyQueue from 'tinyqueue';

export interface Source<T> {
  /** Named in the error when the source is out of order. */
  name: string;
  items: AsyncIterator<T> | Iterator<T>;
}

/**
 * The elements of every source, in `compare`'s order. Each source must already be in that order (an
 * element that sorts before the one before it in its own source is an error, not silently misplaced).
 */
export async function* mergeSorted<T>(sources: Source<T>[], compare: (a: T, b: T) => number): AsyncGenerator<T & {}, void, undefined> {
  type Head = { item: T; source: number };
  const heap = new TinyQueue<Head>([], (a, b) => compare(a.item, b.item) || a.source - b.source);
  const pull = async (source: number, previous?: T) => {
    const next = await sources[source]!.items.next();
    if (next.done) return;
    if (previous !== undefined && compare(previous, next.value) > 0)
      throw new Error(`${sources[source]!.name} is not in order: rebuild it (an element sorts before the one written before it).`);
    heap.push({ item: next.value, source });
  };
  for (let i = 0; i < sources.length; i++) await pull(i);
  for (let head = heap.pop(); head; head = heap.pop()) {
    yield head.item as T & {};
    await pull(head.source, head.item);
  }
}
