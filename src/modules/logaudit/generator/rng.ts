/**
 * Deterministic randomness for the generator: xoshiro128** seeded through splitmix32, plus keyed sub-streams so
 * that every part of the simulation (a staff member's roster, one encounter's day) draws from its own stream and
 * the output does not depend on the order in which parts are visited.
 */

/** Mixes a 32-bit value (the murmur3 finaliser). */
export function mix32(value: number): number {
  let h = value >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Combines a seed and up to four integer keys into one 32-bit hash (fixed arity: no allocation per call). */
export function hashKeys(seed: number, a = 0, b = 0, c = 0, d = 0): number {
  let h = mix32(seed ^ 0x9e3779b9);
  h = mix32((h ^ mix32(a + 0x7f4a7c15)) + Math.imul(h, 31));
  h = mix32((h ^ mix32(b + 0x7f4a7c15)) + Math.imul(h, 31));
  h = mix32((h ^ mix32(c + 0x7f4a7c15)) + Math.imul(h, 31));
  h = mix32((h ^ mix32(d + 0x7f4a7c15)) + Math.imul(h, 31));
  return h;
}

/** A uniform float in [0, 1) from a hash, for one-off draws where a whole stream is not needed. */
export function hashFloat(seed: number, a = 0, b = 0, c = 0, d = 0): number {
  return hashKeys(seed, a, b, c, d) / 4294967296;
}

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  private spareNormal: number | null = null;

  constructor(seed: number) {
    let s = seed >>> 0;
    const next = (): number => {
      s = (s + 0x9e3779b9) >>> 0;
      return mix32(s);
    };
    this.a = next();
    this.b = next();
    this.c = next();
    this.d = next();
    if ((this.a | this.b | this.c | this.d) === 0) this.a = 1;
  }

  /** A stream derived from a seed and keys: `Rng.keyed(seed, staffIndex, day)`. */
  static keyed(seed: number, a = 0, b = 0, c = 0, d = 0): Rng {
    return new Rng(hashKeys(seed, a, b, c, d));
  }

  nextU32(): number {
    const result = Math.imul(rotl(Math.imul(this.b, 5), 7), 9) >>> 0;
    const t = this.b << 9;
    this.c ^= this.a;
    this.d ^= this.b;
    this.b ^= this.c;
    this.a ^= this.d;
    this.c ^= t;
    this.d = rotl(this.d, 11);
    return result;
  }

  /** Uniform in [0, 1). */
  float(): number {
    return this.nextU32() / 4294967296;
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.float() * n);
  }

  /** Uniform integer in [lo, hi] (both inclusive). */
  range(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1);
  }

  chance(p: number): boolean {
    return this.float() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('Rng.pick on an empty list');
    return items[this.int(items.length)] as T;
  }

  /** Standard normal (Box-Muller, caching the second value). */
  normal(): number {
    if (this.spareNormal !== null) {
      const v = this.spareNormal;
      this.spareNormal = null;
      return v;
    }
    let u = 0;
    while (u === 0) u = this.float();
    const v = this.float();
    const r = Math.sqrt(-2 * Math.log(u));
    this.spareNormal = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  }

  /** Log-normal with the given median and log-scale spread. */
  logNormal(median: number, sigma: number): number {
    return median * Math.exp(sigma * this.normal());
  }

  /** Exponential with the given mean. */
  exponential(mean: number): number {
    return -mean * Math.log(1 - this.float());
  }

  /** Poisson count (inversion for small means, rounded normal for large ones). */
  poisson(mean: number): number {
    if (mean <= 0) return 0;
    if (mean > 40) return Math.max(0, Math.round(mean + Math.sqrt(mean) * this.normal()));
    const limit = Math.exp(-mean);
    let k = 0;
    let p = this.float();
    while (p > limit) {
      k += 1;
      p *= this.float();
    }
    return k;
  }

  /** Number of trials up to and including the first success: 1 + geometric with the given mean extra count. */
  oneOrMore(meanExtra: number): number {
    if (meanExtra <= 0) return 1;
    const p = 1 / (1 + meanExtra);
    return 1 + Math.floor(Math.log(1 - this.float()) / Math.log(1 - p));
  }

  /** Fisher-Yates shuffle in place. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i -= 1) {
      const j = this.int(i + 1);
      const tmp = items[i] as T;
      items[i] = items[j] as T;
      items[j] = tmp;
    }
    return items;
  }

  /** k distinct items (or all of them when k exceeds the list). */
  sample<T>(items: readonly T[], k: number): T[] {
    if (k >= items.length) return this.shuffle([...items]);
    const chosen = new Set<number>();
    const out: T[] = [];
    while (out.length < k) {
      const i = this.int(items.length);
      if (chosen.has(i)) continue;
      chosen.add(i);
      out.push(items[i] as T);
    }
    return out;
  }
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}

/** Draws indices in proportion to fixed weights (cumulative table and binary search). */
export class WeightedPicker {
  private readonly cumulative: Float64Array;
  readonly total: number;

  constructor(weights: ArrayLike<number>) {
    this.cumulative = new Float64Array(weights.length);
    let sum = 0;
    for (let i = 0; i < weights.length; i += 1) {
      sum += Math.max(0, weights[i] ?? 0);
      this.cumulative[i] = sum;
    }
    if (sum <= 0) throw new Error('WeightedPicker needs at least one positive weight');
    this.total = sum;
  }

  get size(): number {
    return this.cumulative.length;
  }

  pick(rng: Rng): number {
    return this.at(rng.float() * this.total);
  }

  /** The index whose cumulative interval holds `target` (0 <= target < total). */
  at(target: number): number {
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.cumulative[mid] as number) > target) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}
