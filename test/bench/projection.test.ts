// The bench's national projection: fits checked against values computed by hand, and the fits it must
// refuse (sizes nearly equal, one or two corpus sizes, a negative cost) printed as "cannot project".
import { describe, expect, test } from 'vitest';
import { targetLines, targets, type Results } from '../../scripts/bench/results.ts';
import { fitLine, HUB_RULES, nationalProjection, project, projectionLines, SHARD_RULES, upperBound, type MeasuredRun } from '../../scripts/bench/projection.ts';

const s = (x: number) => `${x.toFixed(2)} s`;

describe('fitLine', () => {
  test('finds the line through points that lie on one', () => {
    // 5 = a + 1000b, 7 = a + 2000b → b = 0.002, a = 3; 3 + 4000 × 0.002 = 11.
    const line = fitLine([
      [1000, 5],
      [2000, 7],
      [4000, 11],
    ])!;
    expect(line.a).toBeCloseTo(3, 9);
    expect(line.b).toBeCloseTo(0.002, 12);
    expect(line.residualSd).toBeCloseTo(0, 9);
  });

  test('gives the residual spread and the standard error of its value', () => {
    // x 0,1,2; y 1,1,4: mean x 1, mean y 2, Sxx 2, Sxy 3 → b 1.5, a 0.5; residuals 0.5, −1, 0.5,
    // SSE 1.5 over 1 degree of freedom → s = √1.5 = 1.2247; at x = 4: s·√(1/3 + 9/2) = 2.6926.
    const line = fitLine([
      [0, 1],
      [1, 1],
      [2, 4],
    ])!;
    expect(line.b).toBeCloseTo(1.5, 12);
    expect(line.a).toBeCloseTo(0.5, 12);
    expect(line.residualSd).toBeCloseTo(1.2247, 4);
    expect(line.se(1)).toBeCloseTo(0.7071, 4);
    expect(line.se(4)).toBeCloseTo(2.6926, 4);
  });

  test('has no slope for one size, and no spread for two points', () => {
    expect(
      fitLine([
        [2000, 3],
        [2000, 6],
      ]),
    ).toBeNull();
    const two = fitLine([
      [2000, 3],
      [10000, 11],
    ])!;
    expect(two.residualSd).toBeNull();
    expect(two.se(100_000)).toBeNull();
  });
});

describe('project', () => {
  test('projects shards of two sizes 4× apart, naming its basis', () => {
    // Mean x 1250, mean y 19, Sxx 2,250,000, Sxy 27,000 → 12 ms per report + 4 s; at 4,464: 57.568 s.
    // s = √(1/2) = 0.7071; se = 0.7071·√(1/4 + 3214²/2,250,000) = 1.556 s, 2.7 % of it.
    const p = project(
      [
        [500, 10.5],
        [500, 9.5],
        [2000, 28.5],
        [2000, 27.5],
      ],
      4464,
      SHARD_RULES,
      s,
    );
    expect(p.ok).toBe(true);
    if (!p.ok) return;
    expect(p.line.a).toBeCloseTo(4, 9);
    expect(p.line.b).toBeCloseTo(0.012, 12);
    expect(p.value).toBeCloseTo(57.568, 3);
    expect(p.basis).toBe('4 measurements at 500, 2,000 reports, extrapolated 2.2× beyond the largest');
  });

  test('refuses shards of nearly one size (the fit that once printed "-9.8 ms per report = -17.9 s")', () => {
    const p = project(
      [
        [478, 10.8],
        [490, 9.5],
        [505, 10.1],
        [519, 9.7],
      ],
      4464,
      SHARD_RULES,
      s,
    );
    expect(p).toMatchObject({ ok: false, basis: '4 measurements at 478–519 reports, extrapolated 8.6× beyond the largest' });
    expect(!p.ok && p.why).toContain('less than 2× apart');
  });

  test('refuses a hub measured at one corpus size, or at two', () => {
    const one = project(
      [
        [2000, 3.4],
        [2000, 6.5],
      ],
      1_000_000,
      HUB_RULES,
      s,
    );
    expect(!one.ok && one.why).toMatch(/^measured at 1 size, at least 3 are needed/);
    const two = project(
      [
        [2000, 3.4],
        [10000, 8.0],
      ],
      1_000_000,
      HUB_RULES,
      s,
    );
    expect(!two.ok && two.why).toContain('measured at 2 sizes');
    expect(two.basis).toBe('2 measurements at 2,000, 10,000 reports, extrapolated 100.0× beyond the largest');
  });

  test('refuses a cost per report that falls as the size grows', () => {
    // 10 s at 1,000 reports, 8 s at 4,000: −2 s per 3,000 reports.
    const p = project(
      [
        [1000, 10],
        [4000, 8],
      ],
      4464,
      SHARD_RULES,
      s,
    );
    expect(!p.ok && p.why).toBe('the fitted cost per report is not positive (-0.67 s per 1,000 reports): the measurements scatter more than they grow');
  });

  test('refuses a negative fixed cost: costs that grow faster than linearly', () => {
    // On the line 1 ms per report − 1 s: −1 s is more than a quarter of the smallest measurement (1 s).
    const p = project(
      [
        [2000, 1],
        [10000, 9],
        [30000, 29],
      ],
      1_000_000,
      HUB_RULES,
      s,
    );
    expect(!p.ok && p.why).toMatch(/^the fitted fixed cost is negative \(-1.00 s\)/);
  });

  test('refuses a value whose standard error is more than a quarter of it', () => {
    // x 10,20,30; y 10,10,16: mean x 20, mean y 12, Sxx 200, Sxy 60 → b 0.3, a 6; residuals 1, −2, 1,
    // s = √6; at 60: 24, give or take √6·√(1/3 + 1600/200) = 7.07 (29 %).
    const p = project(
      [
        [10, 10],
        [20, 10],
        [30, 16],
      ],
      60,
      HUB_RULES,
      s,
    );
    expect(!p.ok && p.why).toBe(
      'the fit puts 24.00 s at 60 reports, give or take 7.07 s (one standard error, more than 25 % of it): the measurements scatter too much for that distance',
    );
  });

  test('refuses to follow a line further than 10× beyond the largest shard measured', () => {
    // 0.5 GiB + 4.2 MiB per report over shards of 15–78 reports (a bench of 60 and 150 reports) would say 19 GiB at 4,464.
    const p = project(
      [
        [15, 0.57],
        [38, 0.6],
        [78, 0.84],
      ],
      4464,
      SHARD_RULES,
      s,
    );
    expect(!p.ok && p.why).toBe('4,464 reports is more than 10× the largest size measured (78): measure larger ones');
  });
});

describe('upperBound', () => {
  test('bounds a cost that stays flat, where a line through it falls a little', () => {
    // x 10,000–80,000, y 230, 226, 229, 224: mean x 37,500, Sxx 2,875,000,000, b −0.0652 per 1,000, a 229.70;
    // at a million 164.48 on the line; s 2.294, se 2.294·√(1/4 + 962,500²/2,875,000,000) = 41.19;
    // two degrees of freedom, t 2.92: 164.48 + 120.27 = 284.75.
    const flat: [number, number][] = [
      [10000, 230],
      [20000, 226],
      [40000, 229],
      [80000, 224],
    ];
    expect(project(flat, 1_000_000, HUB_RULES, s).ok).toBe(false);
    const b = upperBound(flat, 1_000_000, HUB_RULES);
    expect(b.ok && b.value).toBeCloseTo(284.75, 1);
  });

  test('never bounds a cost below what was measured', () => {
    // 240, 235, 228, 200: the line's bound at a million is −165, the largest measured 240.
    const b = upperBound(
      [
        [10000, 240],
        [20000, 235],
        [40000, 228],
        [80000, 200],
      ],
      1_000_000,
      HUB_RULES,
    );
    expect(b.ok && b.value).toBe(240);
  });

  test('needs three sizes, the spread of two being unknown', () => {
    const b = upperBound(
      [
        [10000, 230],
        [40000, 229],
      ],
      1_000_000,
      { ...HUB_RULES, minSizes: 2 },
    );
    expect(!b.ok && b.why).toMatch(/^measured at 2 sizes, at least 3 are needed/);
  });
});

describe('nationalProjection', () => {
  const GiB = 2 ** 30;
  // Shards on 4 s + 12 ms per report and 0.5 GiB + 0.3 GiB per 1,000 reports; the hub on 8 s + 1 ms per
  // report and 0.55 GiB + 0.025 GiB per 1,000 reports of the corpus.
  const shard = (reports: number) => ({ reports, seconds: 4 + 0.012 * reports, peakRss: (0.5 + 0.0003 * reports) * GiB });
  const hub = (reports: number) => ({ seconds: 8 + 0.001 * reports, peakRss: (0.55 + 0.000025 * reports) * GiB });
  const runs: MeasuredRun[] = [
    { reports: 2000, shards: Array.from({ length: 4 }, () => shard(500)), hub: hub(2000) },
    { reports: 10000, shards: Array.from({ length: 5 }, () => shard(2000)), hub: hub(10000) },
    { reports: 30000, shards: Array.from({ length: 15 }, () => shard(2000)), hub: hub(30000) },
  ];

  const withHeap = (live: number, limitMiB = 1216) =>
    runs.map((r) => ({
      ...r,
      hub: { ...r.hub, heapLimit: limitMiB * 2 ** 20, heap: { peak: (0.15 + 0.0000245 * r.reports) * GiB, live: (0.06 + live * r.reports) * GiB } },
    }));

  test('1,000,000 reports in 224 shards on 32 runners: 7 shards per runner, then the hub', () => {
    // A shard of 4,464.29 reports: 4 + 53.571 = 57.571 s, × 7 = 403.0 s; the hub: 8 + 1,000 = 1,008 s; 1,411.0 s.
    const p = nationalProjection(runs);
    expect(p.perShard).toBeCloseTo(4464.29, 2);
    expect(p.shardTime.ok && p.shardTime.value).toBeCloseTo(57.571, 3);
    expect(p.hubTime.ok && p.hubTime.value).toBeCloseTo(1008, 6);
    expect(p.totalSeconds).toBeCloseTo(1411.0, 1);
    // 0.5 + 1.339 = 1.84 GiB per shard; the hub 0.55 + 25 = 25.55 GiB.
    expect(p.shardMemory.ok && p.shardMemory.value / GiB).toBeCloseTo(1.839, 3);
    expect(p.hubMemory.ok && p.hubMemory.value / GiB).toBeCloseTo(25.55, 6);
    const text = projectionLines(p);
    expect(text).toContain('total: 7 shards per runner × 57.6 s, then the hub 16.8 min: about 23.5 min');
    expect(text).toContain('basis: 3 measurements at 2,000, 10,000, 30,000 reports in the corpus, extrapolated 33.3× beyond the largest');
  });

  test('the hub with its heap at its limit: the limit plus the rest of its memory, if its live data fits', () => {
    // Heap limit 1,216 MiB; the heap peaks at 0.15 GiB + 0.0245 GiB per 1,000 reports, so the rest of the
    // memory is 0.40 GiB + 0.0005 GiB per 1,000: 0.90 GiB at a million, plus the limit (1.1875 GiB) = 2.0875 GiB.
    // The live data, 0.06 GiB + 0.0003 GiB per 1,000, is 0.36 GiB there.
    const p = nationalProjection(withHeap(0.0000003));
    expect(p.hubMemoryCapped?.ok && p.hubMemoryCapped.value / GiB).toBeCloseTo(2.0875, 6);
    expect(projectionLines(p)).toContain('the hub, peak memory with its heap at its limit: at most 2.09 GiB at 1,000,000');
    // Live data of 1.56 GiB at a million would not fit: no figure.
    const over = nationalProjection(withHeap(0.0000015)).hubMemoryCapped;
    expect(over?.ok === false && over.why).toBe("its live data could be 1.56 GiB (the line's 95 % upper bound), past its heap limit of 1.19 GiB");
    // As the bench measured the hub at 5,000, 20,000 and 40,000 (MiB): live data 73.2, 73.8, 79.5, which
    // scatter but stay far under the limit (257.2 MiB at a million on the line, + 6.314 × 67.33 = 682.3
    // MiB at most); the rest of its memory 400.3, 431.6, 435.2: 1,354.7 MiB on the line, give or take
    // 524.0, so at most 1,354.7 + 6.314 × 524.0 = 4,663.1 MiB; with the limit, 5,879.1 MiB = 5.74 GiB.
    const MiB = 2 ** 20;
    const measured = [
      [5000, 675.9, 275.6, 73.2],
      [20000, 716.2, 284.6, 73.8],
      [40000, 753.3, 318.1, 79.5],
    ].map(([reports, rss, peak, live]) => ({
      reports: reports!,
      shards: [],
      hub: { seconds: 1, peakRss: rss! * MiB, heapLimit: 1216 * MiB, heap: { peak: peak! * MiB, live: live! * MiB } },
    }));
    const real = nationalProjection(measured).hubMemoryCapped;
    expect(real?.ok && real.value / MiB).toBeCloseTo(5879.1, 0);
    expect(real?.basis).toBe(
      'its heap limit 1.19 GiB (its live data at most 682.3 MiB) + the rest of its memory at most 4.55 GiB (95 % upper bounds), from 3 measurements at 5,000, 20,000, 40,000 reports in the corpus, extrapolated 25.0× beyond the largest',
    );
    // Without the heap measured there is no such line.
    expect(nationalProjection(runs).hubMemoryCapped).toBeNull();
  });

  test('takes the median of the runs of the hub at each size, one point per size', () => {
    // The rest of its memory, three runs at each size (MiB): 230, 226, 241 · 229, 224, 240 · 231, 227, 250
    // at 10,000, 20,000, 40,000; the medians 230, 229, 231. Mean x 23,333, Sxx 466.67 (thousands²), Sxy 20:
    // b 0.042857 per 1,000, a 229, 271.857 at a million; residuals 0.571, −0.857, 0.286, s 1.0690 on one
    // degree of freedom, se 1.0690·√(1/3 + 976.67²/466.67) = 48.336; t 6.314: at most 577.05. With the
    // limit of 1,216 MiB: 1,793.05 MiB.
    const MiB = 2 ** 20;
    const hub = (rest: number) => ({ seconds: 1, peakRss: (100 + rest) * MiB, heap: { peak: 100 * MiB, live: 50 * MiB } });
    const thrice = [
      [10000, 230, 226, 241],
      [20000, 229, 224, 240],
      [40000, 231, 227, 250],
    ].map(([reports, first, ...again]) => ({ reports: reports!, shards: [], hub: { ...hub(first!), heapLimit: 1216 * MiB, again: again.map(hub) } }));
    const p = nationalProjection(thrice).hubMemoryCapped;
    expect(p?.ok && p.value / MiB).toBeCloseTo(1793.05, 1);
    expect(p?.basis).toContain('from 3 sizes (medians of 9 runs) at 10,000, 20,000, 40,000 reports in the corpus');
  });

  test("the issue's national targets are met only by what the projection accepts", () => {
    const lines = (r: MeasuredRun[]) =>
      targetLines(targets({ sizes: [], failed: [], projection: nationalProjection(r) } as unknown as Results))
        .split('\n')
        .filter((line) => line.includes('1,000,000'))
        .join('\n');
    // A heap limit of 512 MiB: 0.5 + 0.90 = 1.40 GiB for the hub; a runner's peak is a shard's 1.84 GiB.
    expect(lines(withHeap(0.0000003, 512))).toBe(
      [
        ' ok  the hub at 1,000,000 reports: peak ≤ 2 GB, projected from three corpus sizes: at most 1.40 GiB',
        ' ok  the hub at 1,000,000 reports ≤ 20 min: 16.8 min',
        ' ok  1,000,000 reports on 32 runners ≤ 1 h, every runner ≤ 4 GB: 23.5 min, 1.84 GiB on a runner',
      ].join('\n'),
    );
    // 1.19 + 0.90 = 2.09 GiB, 2.24 GB: over.
    expect(lines(withHeap(0.0000003))).toMatch(/^NOT {2}the hub at 1,000,000 reports: peak ≤ 2 GB, projected from three corpus sizes: at most 2\.09 GiB\n/);
    // The hub at two sizes: nothing projected, nothing met.
    expect(lines(runs.slice(0, 2))).toMatch(
      /^NOT {2}the hub at 1,000,000 reports: peak ≤ 2 GB, projected from three corpus sizes: cannot project: measured at 2 sizes/,
    );
    expect(lines(runs.slice(0, 2))).toContain('NOT  1,000,000 reports on 32 runners ≤ 1 h, every runner ≤ 4 GB: time: cannot project, memory: cannot project');
  });

  test('with the hub at two corpus sizes the total is "cannot project", and says why', () => {
    const text = projectionLines(nationalProjection(runs.slice(0, 2)));
    expect(text).toContain('the hub, wall: cannot project: measured at 2 sizes');
    expect(text).toContain("total: cannot project: the hub's time cannot be projected");
    expect(text).not.toMatch(/total: .*min/);
  });
});
