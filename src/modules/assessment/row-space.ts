/**
 * What can be worked out from published counts: each published cell is a linear equation over the unknown
 * finest groups (sum of the groups it covers = its count). A set of groups is *determined* exactly when its
 * indicator vector is a linear combination of the published equations, i.e. lies in their row space: that is
 * everything an attacker can do by adding and subtracting published numbers across all tables.
 *
 * Arithmetic is exact, modulo the prime p = 67,108,859 (products stay below 2^53). A vector in the rational row
 * space is always in the modular one; the converse fails only if p divides a minor of a 0/1 matrix of a few hundred
 * columns, and even then the error is on the safe side (something more is suppressed).
 */

const p = 67108859;

const mod = (a: number) => {
  const r = a % p;
  return r < 0 ? r + p : r;
};
const mul = (a: number, b: number) => mod(a * b);

function inverse(a: number): number {
  let [t, newT, r, newR] = [0, 1, p, mod(a)];
  while (newR !== 0) {
    const q = Math.floor(r / newR);
    [t, newT] = [newT, t - q * newT];
    [r, newR] = [newR, r - q * newR];
  }
  return mod(t);
}

interface BasisRow {
  readonly pivot: number;
  readonly values: Int32Array;
  /** The row as a combination of the equations added, by id (empty when proofs are off). */
  readonly proof: Int32Array;
}

/**
 * The basis is kept in reduced row-echelon form with the first non-zero column (in index order) as pivot: every
 * row has 1 in its pivot column, every other row 0 there, and 0 in every column before its pivot. So the rows
 * whose pivots come after column c span exactly the determined vectors that are zero on columns 0..c.
 */
export class RowSpace {
  private readonly rowOfPivot = new Map<number, BasisRow>();

  constructor(
    readonly width: number,
    /** Equation ids run from 0 to equations - 1; 0 turns proofs off (faster). */
    readonly equations: number = 0,
  ) {}

  get rank(): number {
    return this.rowOfPivot.size;
  }

  private static subtract(target: { values: Int32Array; proof: Int32Array }, factor: number, row: BasisRow): void {
    for (let i = 0; i < target.values.length; i++) {
      if (row.values[i] !== 0) target.values[i] = mod(target.values[i]! - mul(factor, row.values[i]!));
    }
    for (let i = 0; i < target.proof.length; i++) {
      if (row.proof[i] !== 0) target.proof[i] = mod(target.proof[i]! - mul(factor, row.proof[i]!));
    }
  }

  /** Adds the equation "the sum of these unknowns is known", named `id` in proofs. */
  addIndices(indices: readonly number[], id?: number): void {
    const v = { values: new Int32Array(this.width), proof: new Int32Array(this.equations) };
    for (const i of indices) v.values[i] = 1;
    if (id !== undefined && this.equations > 0) v.proof[id] = 1;
    for (const [pivot, row] of this.rowOfPivot) {
      const factor = v.values[pivot]!;
      if (factor !== 0) RowSpace.subtract(v, factor, row);
    }
    const pivot = v.values.findIndex((x) => x !== 0);
    if (pivot === -1) return;
    const scale = inverse(v.values[pivot]!);
    for (let i = 0; i < this.width; i++) if (v.values[i] !== 0) v.values[i] = mul(v.values[i]!, scale);
    for (let i = 0; i < this.equations; i++) if (v.proof[i] !== 0) v.proof[i] = mul(v.proof[i]!, scale);
    const added: BasisRow = { pivot, values: v.values, proof: v.proof };
    for (const row of this.rowOfPivot.values()) {
      const factor = row.values[pivot]!;
      if (factor !== 0) RowSpace.subtract(row, factor, added);
    }
    this.rowOfPivot.set(pivot, added);
  }

  /** The basis rows whose pivot is at or after column `from` (they are zero on every column before it). */
  rowsFrom(from: number): Int32Array[] {
    return [...this.rowOfPivot.values()].filter((row) => row.pivot >= from).map((row) => row.values);
  }

  /** Whether the sum of these unknowns can be computed from the equations added so far. */
  determines(indices: readonly number[]): boolean {
    return this.combination(indices) !== null;
  }

  /** The ids of equations that give the sum of these unknowns, or null when it cannot be worked out. */
  proof(indices: readonly number[]): number[] | null {
    const used = this.combination(indices);
    if (!used) return null;
    const ids: number[] = [];
    used.forEach((x, i) => {
      if (x !== 0) ids.push(i);
    });
    return ids;
  }

  private combination(indices: readonly number[]): Int32Array | null {
    const inside = new Set(indices);
    const sum = new Int32Array(this.width);
    const used = new Int32Array(this.equations);
    // In reduced form the coefficient of each row is the vector's value at the row's pivot (here 1 or 0).
    for (const i of inside) {
      const row = this.rowOfPivot.get(i);
      if (!row) continue;
      for (let j = 0; j < this.width; j++) if (row.values[j] !== 0) sum[j] = mod(sum[j]! + row.values[j]!);
      for (let j = 0; j < this.equations; j++) if (row.proof[j] !== 0) used[j] = mod(used[j]! + row.proof[j]!);
    }
    for (let j = 0; j < this.width; j++) if (sum[j] !== (inside.has(j) ? 1 : 0)) return null;
    return used;
  }
}
