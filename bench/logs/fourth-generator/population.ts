/**
 * The people of the trust's catchment area: municipalities, streets with houses and blocks of flats, households
 * (singles, couples, families, shared flats, three generations) and institutions where many unrelated people share
 * one registered address (nursing homes, student halls, a reception centre).
 *
 * Address ids look like matrikkel addresses: municipality number, street code, house number and dwelling
 * (H0101 …, U0101 for a basement flat); an institution has no dwelling part. Same id = same address.
 */
import { drawFamilyName, drawGivenName, drawGroup } from './names.js';
import type { Rng } from './rng.js';
import type { Address, Patient } from './types.js';

export interface Municipality {
  name: string;
  code: string;
  weight: number;
  /** Hospital that serves it (0 Brekkestad, 1 Lindvik); Haugmo serves everyone for psychiatry. */
  site: number;
  /** Share of dwellings in blocks of flats. */
  urban: number;
}

export const MUNICIPALITIES: readonly Municipality[] = [
  { name: 'Brekkestad', code: '4671', weight: 38, site: 0, urban: 0.55 },
  { name: 'Sørfjord', code: '4672', weight: 7, site: 0, urban: 0.2 },
  { name: 'Vassbygd', code: '4673', weight: 5, site: 0, urban: 0.1 },
  { name: 'Eidevik', code: '4674', weight: 6, site: 0, urban: 0.15 },
  { name: 'Haugmo', code: '4675', weight: 8, site: 0, urban: 0.25 },
  { name: 'Tverrdal', code: '4676', weight: 3, site: 0, urban: 0.05 },
  { name: 'Lindvik', code: '4677', weight: 11, site: 1, urban: 0.3 },
  { name: 'Kvernes', code: '4678', weight: 4, site: 1, urban: 0.05 },
  { name: 'Nordøy', code: '4679', weight: 4, site: 1, urban: 0.05 },
  { name: 'Skogsbø', code: '4680', weight: 3, site: 1, urban: 0.05 },
  { name: 'Fjellstrand', code: '4681', weight: 3, site: 0, urban: 0.1 },
  { name: 'Oslo', code: '0301', weight: 1.5, site: 0, urban: 0.8 },
  { name: 'Bergen', code: '4601', weight: 1.5, site: 0, urban: 0.7 },
  { name: 'Trondheim', code: '5001', weight: 0.5, site: 0, urban: 0.7 },
  { name: 'Stavanger', code: '1103', weight: 0.5, site: 0, urban: 0.7 },
];

interface Stock {
  flats: number[];
  houses: number[];
  nextStreet: number;
}

export class Population {
  readonly addresses: Address[] = [];
  readonly patients: Patient[] = [];
  /** Free dwellings per municipality, in random order (so that relatives do not end up next door). */
  private readonly stock: Stock[];
  /** Reference year for ages. */
  readonly year: number;
  private readonly muniWeights: number[];

  constructor(
    private readonly rng: Rng,
    year: number,
    expectedPeople: number,
  ) {
    this.year = year;
    this.muniWeights = MUNICIPALITIES.map((m) => m.weight);
    this.stock = MUNICIPALITIES.map((_, i) => ({ flats: [], houses: [], nextStreet: 100 + i * 7 }));
    const total = this.muniWeights.reduce((a, b) => a + b, 0);
    const households = (expectedPeople / 2) * 1.15;
    MUNICIPALITIES.forEach((m, i) => this.build(i, Math.ceil((households * m.weight) / total)));
  }

  drawMunicipality(): number {
    return this.rng.weighted(this.muniWeights);
  }

  /** Builds new streets (houses, some with a basement flat, and blocks of flats) until n more dwellings exist. */
  private build(muni: number, n: number): void {
    const rng = this.rng;
    const m = MUNICIPALITIES[muni]!;
    const st = this.stock[muni]!;
    const flats: number[] = [];
    const houses: number[] = [];
    let made = 0;
    while (made < n) {
      const street = st.nextStreet;
      st.nextStreet += rng.int(3, 40);
      const length = rng.int(6, 60);
      let house = 0;
      for (let h = 0; h < length; h++) {
        house += rng.chance(0.8) ? 2 : 1;
        const isFlat = rng.chance(m.urban);
        const units = isFlat ? rng.int(4, 24) : rng.chance(0.12) ? 2 : 1;
        const letter = units > 1 && house % 7 === 3 ? 'A' : '';
        const perFloor = units > 12 ? 4 : 3;
        for (let u = 1; u <= units; u++) {
          let dwelling: string;
          if (units === 1) dwelling = 'H0101';
          else if (units === 2) dwelling = u === 1 ? 'H0101' : 'U0101';
          else dwelling = `H0${1 + Math.floor((u - 1) / perFloor)}0${1 + ((u - 1) % perFloor)}`;
          const id = `${m.code}-${String(street).padStart(5, '0')}-${house}${letter}-${dwelling}`;
          this.addresses.push({ id, muni, street, house, unit: units === 1 ? 0 : u, institution: false });
          (isFlat ? flats : houses).push(this.addresses.length - 1);
          made++;
        }
      }
    }
    for (const a of rng.shuffle(flats)) st.flats.push(a);
    for (const a of rng.shuffle(houses)) st.houses.push(a);
  }

  /** A free dwelling in this municipality: a flat when `flat` is true, otherwise by the municipality's urban share. */
  newDwelling(muni: number, flat?: boolean): number {
    const st = this.stock[muni]!;
    const wantFlat = flat ?? this.rng.chance(MUNICIPALITIES[muni]!.urban);
    if (st.flats.length + st.houses.length === 0) this.build(muni, 200);
    const pool = (wantFlat && st.flats.length) || st.houses.length === 0 ? st.flats : st.houses;
    return pool.pop()!;
  }

  newInstitution(muni: number): number {
    const m = MUNICIPALITIES[muni]!;
    const st = this.stock[muni]!;
    const street = st.nextStreet;
    st.nextStreet += 11;
    const house = this.rng.int(1, 30);
    const id = `${m.code}-${String(street).padStart(5, '0')}-${house}`;
    this.addresses.push({ id, muni, street, house, unit: 0, institution: true });
    return this.addresses.length - 1;
  }

  addPerson(family: string, given: string, birthYear: number, sex: 0 | 1, addr: number): number {
    const muni = addr >= 0 ? this.addresses[addr]!.muni : -1;
    this.patients.push({ id: '', family, given, birthYear, sex, addr, muni, employee: -1, test: false });
    return this.patients.length - 1;
  }

  /** A person of the given origin group, age and sex. */
  person(group: number, family: string, age: number, sex: 0 | 1, addr: number): number {
    const birthYear = this.year - age;
    return this.addPerson(family, drawGivenName(this.rng, group, sex, birthYear), birthYear, sex, addr);
  }

  /** Children of a couple: surname of one parent or both (double surname). */
  childFamily(a: string, b: string): string {
    if (a === b) return a;
    const r = this.rng.next();
    if (r < 0.5) return b;
    if (r < 0.7) return a;
    return `${a} ${b}`;
  }

  /**
   * A household at a new dwelling. Returns the member indices. `kind` steers the composition; the head's age is
   * drawn by kind unless given.
   */
  household(
    muni: number,
    kind: HouseholdKind,
    group = drawGroup(this.rng),
    family?: string,
    headAge?: number,
  ): number[] {
    const rng = this.rng;
    const addr = this.newDwelling(muni, kind === 'shared' ? true : undefined);
    const fam = family ?? drawFamilyName(rng, group);
    const members: number[] = [];
    const sex: 0 | 1 = rng.chance(0.5) ? 0 : 1;
    switch (kind) {
      case 'single': {
        const age =
          headAge ?? (rng.chance(0.45) ? rng.int(19, 38) : rng.chance(0.5) ? rng.int(39, 69) : rng.int(70, 99));
        members.push(this.person(group, fam, age, age > 78 && rng.chance(0.7) ? 1 : sex, addr));
        break;
      }
      case 'couple':
      case 'family':
      case 'multigen': {
        const age = headAge ?? (kind === 'couple' ? rng.int(24, 92) : rng.int(27, 56));
        members.push(this.person(group, fam, age, sex, addr));
        const partnerGroup = rng.chance(0.88) ? group : drawGroup(rng);
        const partnerFam = rng.chance(0.55) ? fam : drawFamilyName(rng, partnerGroup);
        const partnerAge = Math.max(18, age + Math.round(rng.normal() * 3.5));
        members.push(this.person(partnerGroup, partnerFam, partnerAge, sex === 0 ? 1 : 0, addr));
        if (kind !== 'couple') {
          const kids = rng.weighted([35, 45, 17, 3]) + 1;
          const youngest = Math.min(age, partnerAge);
          for (let k = 0; k < kids; k++) {
            const kidAge = Math.max(0, youngest - rng.int(22, 40));
            if (kidAge > 24) continue;
            members.push(this.person(group, this.childFamily(fam, partnerFam), kidAge, rng.chance(0.5) ? 0 : 1, addr));
          }
          if (kind === 'multigen') {
            const gAge = Math.min(100, age + rng.int(24, 34));
            members.push(this.person(group, fam, gAge, rng.chance(0.7) ? 1 : 0, addr));
          }
        }
        break;
      }
      case 'single-parent': {
        const age = headAge ?? rng.int(24, 55);
        const parentSex: 0 | 1 = rng.chance(0.8) ? 1 : 0;
        members.push(this.person(group, fam, age, parentSex, addr));
        const kids = rng.int(1, 3);
        const otherFam = rng.chance(0.5) ? fam : drawFamilyName(rng, group);
        for (let k = 0; k < kids; k++) {
          const kidAge = Math.max(0, age - rng.int(20, 40));
          if (kidAge > 22) continue;
          members.push(this.person(group, this.childFamily(otherFam, fam), kidAge, rng.chance(0.5) ? 0 : 1, addr));
        }
        break;
      }
      case 'shared': {
        const n = rng.int(2, 4);
        for (let k = 0; k < n; k++) {
          const g = rng.chance(0.8) ? group : drawGroup(rng);
          members.push(this.person(g, drawFamilyName(rng, g), rng.int(19, 31), rng.chance(0.5) ? 0 : 1, addr));
        }
        break;
      }
    }
    return members;
  }

  drawHouseholdKind(): HouseholdKind {
    return this.rng.pickWeighted<HouseholdKind>([
      ['single', 37],
      ['couple', 25],
      ['family', 25],
      ['single-parent', 7],
      ['shared', 3],
      ['multigen', 3],
    ]);
  }

  /** Unrelated residents of an institution sharing one address. */
  institution(muni: number, kind: 'nursing' | 'students' | 'reception', size: number): number[] {
    const rng = this.rng;
    const addr = this.newInstitution(muni);
    const members: number[] = [];
    for (let k = 0; k < size; k++) {
      const group = kind === 'reception' ? 1 + rng.int(2, 6) : drawGroup(rng);
      const age =
        kind === 'nursing'
          ? rng.int(72, 101)
          : kind === 'students'
            ? rng.int(19, 29)
            : rng.chance(0.3)
              ? rng.int(0, 17)
              : rng.int(18, 55);
      const sex: 0 | 1 = kind === 'nursing' ? (rng.chance(0.65) ? 1 : 0) : rng.chance(0.5) ? 0 : 1;
      members.push(this.person(group, drawFamilyName(rng, group), age, sex, addr));
    }
    return members;
  }
}

export type HouseholdKind = 'single' | 'couple' | 'family' | 'single-parent' | 'shared' | 'multigen';
