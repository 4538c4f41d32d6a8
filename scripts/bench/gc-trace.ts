// What node's --trace-gc says of a process's heap: each collection prints the heap's used and committed
// size before and after it, per isolate. The bench runs the hub with it to tell its heap from the rest
// of its memory (code, native memory such as Astro's bundler's, worker threads), so the hub's peak can be
// projected with the heap held to its cap (projection.ts).

export interface HeapTrace {
  /**
   * The main isolate's largest heap, in bytes: committed, and after a collection with the pages V8 keeps
   * pooled for reuse (memory of the heap's, in no other count): the most of its memory the heap held.
   */
  peak: number;
  /** Its largest heap left after a full collection (Mark-Compact), in bytes: its live data, at least. */
  live: number;
}

// "[19282:0xbfcd000]   137 ms: Scavenge 4.7 (5.8) -> 4.4 (6.8) MB, pooled: 0 MB, …", "… Mark-Compact (reduce) 650.1 (680.2) -> …".
const LINE =
  /^\[\d+:(0x[0-9a-f]+)\]\s+[\d.]+ ms: ([A-Za-z-]+(?: [A-Za-z-]+)*)(?: \([a-z ]+\))? ([\d.]+) \(([\d.]+)\) -> ([\d.]+) \(([\d.]+)\) MB(?:, pooled: ([\d.]+) MB)?/;
const MiB = 2 ** 20;

/** The main isolate's heap from a process's --trace-gc output (the first isolate to collect: workers start later); null when it printed none. */
export function heapTrace(output: string): HeapTrace | null {
  const isolates = new Map<string, HeapTrace>();
  for (const line of output.split('\n')) {
    const m = LINE.exec(line);
    if (!m) continue;
    const [, isolate, kind, , before, usedAfter, after, pooled = '0'] = m;
    const t = isolates.get(isolate!) ?? { peak: 0, live: 0 };
    t.peak = Math.max(t.peak, Number(before) * MiB, (Number(after) + Number(pooled)) * MiB);
    if (kind === 'Mark-Compact') t.live = Math.max(t.live, Number(usedAfter) * MiB);
    isolates.set(isolate!, t);
  }
  return isolates.values().next().value ?? null;
}
