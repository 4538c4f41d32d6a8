// The hub's heap as node's --trace-gc prints it (lines typed as node 24 prints them): the main isolate's
// largest committed heap and its largest heap after a full collection; a worker's isolate apart.
import { expect, test } from 'vitest';
import { heapTrace } from '../../scripts/bench/gc-trace.ts';

const MiB = 2 ** 20;
const OUTPUT = `[astro] building 40 pages
[19282:0xbfcd000]      137 ms: Scavenge 4.7 (5.8) -> 4.4 (6.8) MB, pooled: 0 MB, 22.06 / 0.00 ms  (average mu = 1.000, current mu = 1.000) allocation failure;
[19282:0xbfcd000]     1503 ms: Mark-Compact 99.1 (147.4) -> 85.7 (214.7) MB, pooled: 0 MB, 90.59 / 0.00 ms  (+ 16.9 ms in 44 steps since start of marking) finalize incremental marking via stack guard; GC in old space requested
[19282:0x7f3a8c000b60]     1610 ms: Scavenge 30.2 (300.1) -> 20.0 (300.5) MB, pooled: 0 MB, 1.0 / 0.00 ms  allocation failure;
[19282:0xbfcd000]     2210 ms: Mark-Compact (reduce) 120.5 (230.0) -> 60.2 (120.0) MB, pooled: 0 MB, 50.1 / 0.00 ms  (average mu = 0.9) memory reducer
[19282:0xbfcd000]     2400 ms: Scavenge 70.1 (121.0) -> 66.0 (121.0) MB, pooled: 0 MB, 2.0 / 0.00 ms  allocation failure;
[hub] assemble 1.2 s`;

// A heap that shrank into V8's pool of pages: committed 183.9 MB after the first, 117.9 MB and 42 MB pooled after the second.
const POOLED = `[31482:0x43c2b000]    24301 ms: Scavenge 160.4 (178.4) -> 154.7 (183.9) MB, pooled: 16 MB, 6.61 / 0.00 ms  (average mu = 0.981, current mu = 0.935) allocation failure;
[31482:0x43c2b000]    24812 ms: Scavenge 67.0 (118.4) -> 56.7 (117.9) MB, pooled: 42 MB, 3.20 / 0.00 ms  (average mu = 0.981, current mu = 0.935) allocation failure;`;

test('the main isolate: largest committed heap, and largest heap left after a full collection', () => {
  // 0x7f3a… is a worker's isolate (it collects after the main one first did): its 300.5 MB are not the main heap's.
  expect(heapTrace(OUTPUT)).toEqual({ peak: 230.0 * MiB, live: 85.7 * MiB });
});

test('pages V8 keeps pooled after a collection count as heap: 183.9 + 16 MB, more than any committed size', () => {
  expect(heapTrace(POOLED)?.peak).toBeCloseTo(199.9 * MiB, -3);
});

test('no trace, no heap', () => {
  expect(heapTrace('[astro] building 40 pages\n')).toBeNull();
});
