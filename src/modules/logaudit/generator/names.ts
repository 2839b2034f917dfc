/**
 * Draws realistic Norwegian names: a head of common surnames with their real-world weight (about a quarter of the
 * population) and a long tail of rarer, composed farm names and patronymics, so that "same family name" means
 * little for a Hansen and a lot for a Skjervheim.
 */
import {
  commonFamilyNames,
  farmNameEndings,
  farmNameRoots,
  givenNames,
  groupGivenNames,
  patronymicRoots,
  type NameGroup,
} from './name-data.js';
import { Rng, WeightedPicker } from './rng.js';

const NORWAY_POPULATION = 5_500_000;

export interface FamilyNameTable {
  readonly names: readonly string[];
  readonly groups: readonly NameGroup[];
  readonly picker: WeightedPicker;
  /** Picker over Norwegian-origin names only (for in-laws and relatives in Norwegian families). */
  readonly norwegianPicker: WeightedPicker;
  readonly norwegianIndex: readonly number[];
}

let cachedTable: FamilyNameTable | null = null;

/** The surname table (fixed, independent of the dataset seed). */
export function familyNameTable(): FamilyNameTable {
  if (cachedTable) return cachedTable;
  const names: string[] = [];
  const groups: NameGroup[] = [];
  const weights: number[] = [];
  const seen = new Set<string>();
  let headTotal = 0;
  for (const [name, count, group] of commonFamilyNames) {
    names.push(name);
    groups.push(group);
    weights.push(count);
    seen.add(name);
    headTotal += count;
  }
  const tail: string[] = [];
  for (const root of farmNameRoots) {
    for (const ending of farmNameEndings) {
      const name = root + ending;
      if (!seen.has(name)) {
        seen.add(name);
        tail.push(name);
      }
    }
  }
  for (const root of patronymicRoots) {
    for (const ending of ['sen', 'ssen']) {
      const name = root + ending;
      if (!seen.has(name)) {
        seen.add(name);
        tail.push(name);
      }
    }
  }
  new Rng(0x5eed_0001).shuffle(tail);
  const tailTotal = NORWAY_POPULATION - headTotal;
  let harmonic = 0;
  for (let r = 0; r < tail.length; r += 1) harmonic += 1 / (r + 300);
  tail.forEach((name, r) => {
    names.push(name);
    groups.push('no');
    weights.push(tailTotal / harmonic / (r + 300));
  });
  const norwegianIndex = names.map((_, i) => i).filter((i) => groups[i] === 'no');
  cachedTable = {
    names,
    groups,
    picker: new WeightedPicker(weights),
    norwegianPicker: new WeightedPicker(norwegianIndex.map((i) => weights[i] ?? 0)),
    norwegianIndex,
  };
  return cachedTable;
}

export function pickFamilyName(rng: Rng): number {
  return familyNameTable().picker.pick(rng);
}

export function pickNorwegianFamilyName(rng: Rng): number {
  const table = familyNameTable();
  return table.norwegianIndex[table.norwegianPicker.pick(rng)] as number;
}

export type Sex = 'f' | 'm';

/** A given name fitting the family's origin, the person's sex and birth cohort; some Norwegians get a double name. */
export function pickGivenName(rng: Rng, group: NameGroup, sex: Sex, birthYear: number): string {
  if (group !== 'no') return rng.pick(groupGivenNames[group][sex]);
  const cohort = birthYear < 1965 ? 'old' : birthYear < 1995 ? 'mid' : 'young';
  const list = givenNames.no[sex][cohort];
  const first = pickSkewed(rng, list);
  if (cohort !== 'young' && rng.chance(0.12)) {
    const second = pickSkewed(rng, list);
    if (second !== first) return `${first} ${second}`;
  }
  return first;
}

/** Earlier names in a list are more common (a gentle Zipf-like skew). */
function pickSkewed(rng: Rng, list: readonly string[]): string {
  const u = rng.float();
  const index = Math.min(list.length - 1, Math.floor(list.length * u * u));
  return list[index] as string;
}
