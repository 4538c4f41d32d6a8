// Seeded randomness for the synthetic corpus. Never Math.random: the same --seed must give the same
// bytes on every machine. Each agency and each report draws from its own stream (derived from the seed
// and its index), so the first N reports of a corpus of N + 1 are the N reports of a corpus of N.

/** 32-bit FNV-1a over the parts, to derive independent stream seeds. */
export function hash32(...parts: (string | number)[]): number {
  let h = 0x811c9dc5;
  for (const ch of parts.join('\u0001')) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export class Random {
  private state: number;

  constructor(...seed: (string | number)[]) {
    this.state = hash32(...seed);
  }

  /** mulberry32: uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** Index drawn with the given (unnormalised) weights. */
  weighted(weights: readonly number[]): number {
    let total = 0;
    for (const w of weights) total += w;
    let x = this.next() * total;
    for (let i = 0; i < weights.length; i++) {
      x -= weights[i];
      if (x < 0) return i;
    }
    return weights.length - 1;
  }

  /** One of the keys of a table of weights. */
  choose<K extends string>(table: Readonly<Record<K, number>>): K {
    const keys = Object.keys(table) as K[];
    return keys[this.weighted(keys.map((k) => table[k]))];
  }

  /** `count` distinct items in random order. */
  sample<T>(items: readonly T[], count: number): T[] {
    const pool = [...items];
    for (let i = pool.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [pool[i], pool[j]] = [pool[j], pool[i]];
    }
    return pool.slice(0, count);
  }

  /** Counts of `n` units spread over categories by weight (a multinomial draw). */
  spread(n: number, weights: readonly number[]): number[] {
    const counts = weights.map(() => 0);
    for (let i = 0; i < n; i++) counts[this.weighted(weights)]++;
    return counts;
  }

  /** A skewed positive count around `typical`: most values near it, a long tail above. */
  around(typical: number): number {
    const u = this.next() + this.next() + this.next() - 1.5; // roughly normal, sd 0.5
    return Math.max(0, Math.round(typical * Math.exp(1.2 * u)));
  }
}
