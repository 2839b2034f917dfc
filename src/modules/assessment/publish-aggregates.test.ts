import { describe, expect, it } from 'vitest';
import { mergeSmallCategories } from './merge-categories.js';
import { publishAggregates, type AggregateGroup, type DimensionSpec, type Publication } from './publish-aggregates.js';

const sizeOrder = ['micro', 'small', 'medium', 'large'];
const specs: DimensionSpec[] = [
  { name: 'type' },
  { name: 'size', ordinal: true, order: sizeOrder },
  { name: 'region' },
];

/** A small deterministic random generator (mulberry32), so every failing case can be replayed from its seed. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomGroups(seed: number, types: number, sizes: number, regions: number): AggregateGroup[] {
  const next = random(seed);
  const groups: AggregateGroup[] = [];
  for (let t = 0; t < types; t++)
    for (let s = 0; s < sizes; s++)
      for (let r = 0; r < regions; r++) {
        const roll = next();
        // Many empty and small groups, some large ones: where disclosure happens.
        const count = roll < 0.3 ? 0 : roll < 0.75 ? 1 + Math.floor(next() * 5) : 5 + Math.floor(next() * 30);
        if (count > 0)
          groups.push({ key: { type: `t${t}`, size: sizeOrder[s]!, region: `r${r}` }, count, sum: count * 2 });
      }
  return groups;
}

// ---------------------------------------------------------------- an independent attacker

const P = 2147483647n;
const mod = (a: bigint) => ((a % P) + P) % P;
function inverse(a: bigint): bigint {
  let [t, newT, r, newR] = [0n, 1n, P, mod(a)];
  while (newR !== 0n) {
    const q = r / newR;
    [t, newT] = [newT, t - q * newT];
    [r, newR] = [newR, r - q * newR];
  }
  return mod(t);
}

/** Row space over GF(p) in reduced form; exact, and written apart from the publisher's own check. */
class Attacker {
  private rows: { pivot: number; v: bigint[] }[] = [];
  constructor(private readonly width: number) {}
  private reduce(v: bigint[]) {
    for (const row of this.rows) {
      const f = v[row.pivot]!;
      if (f !== 0n) for (let i = 0; i < this.width; i++) v[i] = mod(v[i]! - f * row.v[i]!);
    }
    return v;
  }
  learn(indices: number[]) {
    const v = this.reduce(Array.from({ length: this.width }, (_, i) => (indices.includes(i) ? 1n : 0n)));
    const pivot = v.findIndex((x) => x !== 0n);
    if (pivot === -1) return;
    const inv = inverse(v[pivot]!);
    this.rows.push({ pivot, v: v.map((x) => mod(x * inv)) });
  }
  knows(indices: number[]) {
    return this.reduce(Array.from({ length: this.width }, (_, i) => (indices.includes(i) ? 1n : 0n))).every(
      (x) => x === 0n,
    );
  }
}

/** Everything the attacker can recover: returns the first small group (0 < n < k) it can compute, or null. */
function recoverSmallGroup(publication: Publication, groups: AggregateGroup[], maxUnion: number): string | null {
  const dims = specs.map((s) => s.name);
  const merged = dims.map((d) => publication.merges[d]!.map((c) => c.id));
  const memberOf = (d: string, original: string) =>
    publication.merges[d]!.find((c) => c.members.includes(original))!.id;
  const fine = merged.reduce<string[][]>((acc, list) => acc.flatMap((p) => list.map((x) => [...p, x])), [[]]);
  const truth = fine.map((key) =>
    groups.filter((g) => dims.every((d, i) => memberOf(d, g.key[d]!) === key[i])).reduce((s, g) => s + g.count, 0),
  );
  const attacker = new Attacker(fine.length);
  attacker.learn(fine.map((_, i) => i));
  // The attacker knows from public registers which finest groups are empty.
  truth.forEach((n, i) => n === 0 && attacker.learn([i]));
  for (const table of publication.tables)
    for (const cell of table.cells) {
      if (cell.suppressed) continue;
      const covered = fine.flatMap((key, i) =>
        table.dimensions.every((d) => key[dims.indexOf(d)] === cell.key[d]) ? [i] : [],
      );
      // No count is negative: a published zero empties every group under it.
      if (cell.count === 0) for (const i of covered) attacker.learn([i]);
      else attacker.learn(covered);
    }
  const indices = fine.map((_, i) => i);
  const unions: number[][] = [];
  const walk = (start: number, current: number[]) => {
    if (current.length > 0) unions.push(current);
    if (current.length === maxUnion) return;
    for (let i = start; i < indices.length; i++) walk(i + 1, [...current, i]);
  };
  walk(0, []);
  // Also every union of up to three two-way cells (published or not), from any tables.
  const pairCells = publication.tables
    .filter((t) => t.dimensions.length === 2)
    .flatMap((t) =>
      t.cells.map((c) =>
        fine.flatMap((key, i) => (t.dimensions.every((d) => key[dims.indexOf(d)] === c.key[d]) ? [i] : [])),
      ),
    );
  pairCells.forEach((a, i) => {
    unions.push(a);
    pairCells.slice(i + 1).forEach((b, j) => {
      unions.push([...new Set([...a, ...b])]);
      for (const c of pairCells.slice(i + j + 2)) unions.push([...new Set([...a, ...b, ...c])]);
    });
  });
  for (const union of unions) {
    const n = union.reduce((s, i) => s + truth[i]!, 0);
    if (n > 0 && n < publication.k && attacker.knows(union)) {
      return union.map((i) => fine[i]!.join('/')).join(' + ') + ` = ${n}`;
    }
  }
  return null;
}

describe('mergeSmallCategories', () => {
  it('puts nominal categories below k into "andre", and grows "andre" until it reaches k', () => {
    const merge = mergeSmallCategories(
      new Map([
        ['gp', 40],
        ['dental', 3],
        ['rhf', 1],
        ['pharmacy', 6],
      ]),
      5,
      { ordinal: false, order: ['gp', 'dental', 'pharmacy', 'rhf'] },
    );
    expect(merge.categories.map((c) => [c.id, c.count, c.note])).toEqual([
      ['gp', 40, null],
      ['other', 10, 'MERGED_OTHER'],
    ]);
    // dental (3) + rhf (1) = 4 < 5, so the smallest standing category (pharmacy) joins them.
    const other = merge.categories.find((c) => c.id === 'other')!;
    expect(other.members).toEqual(['dental', 'pharmacy', 'rhf']);
    expect(other.count).toBe(10);
    expect(merge.mapping.get('rhf')).toBe('other');
    expect(merge.mapping.get('gp')).toBe('gp');
  });

  it('merges an ordinal category with its smaller neighbour', () => {
    const merge = mergeSmallCategories(
      new Map([
        ['micro', 30],
        ['small', 8],
        ['medium', 2],
        ['large', 6],
      ]),
      5,
      { ordinal: true, order: sizeOrder },
    );
    expect(merge.categories.map((c) => [c.id, c.count])).toEqual([
      ['micro', 30],
      ['small', 8],
      ['medium+large', 8],
    ]);
  });
});

describe('publishAggregates', () => {
  it('withholds everything when the population is below k', () => {
    const p = publishAggregates([{ key: { type: 'gp', size: 'micro', region: 'nord' }, count: 4, sum: 8 }], 5, specs);
    expect(p.withheld).toBe(true);
    expect(p.total).toMatchObject({ suppressed: true, count: null, mean: null, notes: ['BELOW_K'] });
    expect(p.tables).toEqual([]);
  });

  it('suppresses a second cell in a row so the first cannot be found by subtraction', () => {
    // type × region only: gp has 20 in r1, 3 in r2, 12 in r3 → r2 is below k, and the smallest other cell goes too.
    const groups: AggregateGroup[] = [
      { key: { type: 'gp', region: 'r1' }, count: 20, sum: 40 },
      { key: { type: 'gp', region: 'r2' }, count: 3, sum: 9 },
      { key: { type: 'gp', region: 'r3' }, count: 12, sum: 24 },
      { key: { type: 'dental', region: 'r1' }, count: 9, sum: 9 },
      { key: { type: 'dental', region: 'r2' }, count: 8, sum: 8 },
      { key: { type: 'dental', region: 'r3' }, count: 7, sum: 7 },
    ];
    const p = publishAggregates(groups, 5, [{ name: 'type' }, { name: 'region' }]);
    const pair = p.tables.find((t) => t.dimensions.length === 2)!;
    const cell = (type: string, region: string) =>
      pair.cells.find((c) => c.key.type === type && c.key.region === region)!;
    expect(cell('gp', 'r2')).toMatchObject({ suppressed: true, count: null, mean: null, notes: ['BELOW_K'] });
    const hiddenInGpRow = pair.cells.filter((c) => c.key.type === 'gp' && c.suppressed);
    expect(hiddenInGpRow.length).toBeGreaterThanOrEqual(2);
    // And the r2 column, too: dental/r2 alone would give gp/r2 as "region total minus dental".
    expect(pair.cells.filter((c) => c.key.region === 'r2' && c.suppressed).length).toBeGreaterThanOrEqual(2);
    expect(recoverSmallGroupTwoDims(p, groups)).toBeNull();
  });

  it('publishes means only over at least k enterprises', () => {
    for (let seed = 1; seed <= 50; seed++) {
      const p = publishAggregates(randomGroups(seed, 6, 4, 5), 5, specs);
      for (const table of [{ cells: [p.total] }, ...p.tables])
        for (const cell of table.cells) {
          if (cell.suppressed) expect(cell.count).toBeNull();
          else expect(cell.count === 0 || (cell.count ?? 0) >= 5).toBe(true);
          if (cell.mean !== null) expect(cell.count).toBeGreaterThanOrEqual(5);
        }
    }
  });

  it('lets no attacker recover a group below k by adding and subtracting published counts (300 random sectors)', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const groups = randomGroups(seed * 7919, 4, 3, 3);
      const k = 3 + (seed % 5);
      const p = publishAggregates(groups, k, specs);
      if (p.withheld) continue;
      const found = recoverSmallGroup(p, groups, 3);
      expect(found, `seed ${seed * 7919}, k ${k}: ${found}`).toBeNull();
    }
  });

  it('gives the same cells whichever order the groups arrive in', () => {
    const groups = randomGroups(42, 5, 4, 4);
    const a = publishAggregates(groups, 5, specs);
    const b = publishAggregates([...groups].reverse(), 5, specs);
    expect(b).toEqual(a);
  });
});

function recoverSmallGroupTwoDims(p: Publication, groups: AggregateGroup[]): string | null {
  // The two-dimension case, reusing the attacker by giving every group a constant third dimension.
  const withSize = groups.map((g) => ({ ...g, key: { ...g.key, size: 'micro' } }));
  const p3 = publishAggregates(withSize, p.k, specs);
  return recoverSmallGroup(p3, withSize, 3);
}
