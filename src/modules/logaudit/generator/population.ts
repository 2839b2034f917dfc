/**
 * Builds the population of a catchment: households living at addresses. An address id names a building (as a
 * national address register does), so an apartment block holds many unrelated households at one address id,
 * while a detached house holds one family. Couples often, not always, share a family name; children take one of
 * their parents' names; some flats are shared by unrelated young adults.
 */
import { Growable } from './growable.js';
import type { Addresses, Population } from './model.js';
import { familyNameTable, pickFamilyName, pickGivenName, pickNorwegianFamilyName, type Sex } from './names.js';
import { catchments } from './places.js';
import { mix32, type Rng, WeightedPicker } from './rng.js';

export interface PersonSpec {
  readonly familyName: number;
  readonly sex: Sex;
  readonly birthYear: number;
}

interface OpenBuilding {
  address: number;
  room: number;
}

export class PopulationBuilder {
  readonly municipalities: string[] = [];
  private readonly municipalitySite: number[] = [];
  private readonly apartmentShare: number[] = [];
  private readonly sitePickers: { picker: WeightedPicker; municipalities: number[] }[] = [];
  private readonly openBuildings = new Map<number, OpenBuilding>();

  private readonly familyName = new Growable(Int32Array);
  private readonly givenName: string[] = [];
  private readonly birthYear = new Growable(Int16Array);
  private readonly address = new Growable(Int32Array);
  private readonly household = new Growable(Int32Array);
  private readonly isPatient = new Growable(Uint8Array);
  private readonly site = new Growable(Uint8Array);
  private readonly careWeight = new Growable(Float32Array);
  private readonly addressMunicipality = new Growable(Int16Array);
  private readonly addressHouseholds = new Growable(Int32Array);
  private householdCount = 0;

  constructor(
    private readonly rng: Rng,
    private readonly year: number,
    sites: number,
    catchmentOffset: number,
  ) {
    for (let s = 0; s < sites + 1; s += 1) {
      // One extra catchment beyond the sites: where commuting staff live.
      const area = catchments[(catchmentOffset + s) % catchments.length] ?? [];
      const indices: number[] = [];
      const weights: number[] = [];
      for (const [name, population] of area) {
        indices.push(this.municipalities.length);
        weights.push(population);
        this.municipalities.push(name);
        this.municipalitySite.push(s);
        this.apartmentShare.push(clamp(0.05 + 0.25 * Math.log10(population / 3000), 0.05, 0.8));
      }
      this.sitePickers.push({ picker: new WeightedPicker(weights), municipalities: indices });
    }
  }

  get size(): number {
    return this.birthYear.length;
  }

  /** The municipality index of a person's home. */
  municipalityOf(person: number): number {
    return this.addressMunicipality.get(this.address.get(person));
  }

  addressOf(person: number): number {
    return this.address.get(person);
  }

  birthYearOf(person: number): number {
    return this.birthYear.get(person);
  }

  familyNameOf(person: number): number {
    return this.familyName.get(person);
  }

  givenNameOf(person: number): string {
    return this.givenName[person] as string;
  }

  markNotPatient(person: number): void {
    this.isPatient.set(person, 0);
  }

  pickMunicipality(site: number): number {
    const area = this.sitePickers[site];
    if (!area) throw new Error(`No catchment for site ${site}`);
    return area.municipalities[area.picker.pick(this.rng)] as number;
  }

  /** A random household of the general population; returns its members. */
  addGeneralHousehold(site: number): number[] {
    const r = this.rng.float();
    const age = (lo: number, hi: number): number => this.year - this.rng.range(lo, hi);
    const sex = (): Sex => (this.rng.chance(0.5) ? 'f' : 'm');
    if (r < 0.17) return this.addFamily(site, [age(20, 64)], 0, sex());
    if (r < 0.3) return this.addFamily(site, [age(65, 98)], 0, this.rng.chance(0.62) ? 'f' : 'm');
    if (r < 0.52) return this.addFamily(site, [age(22, 90)], 0, sex(), true);
    if (r < 0.8) return this.addFamily(site, [age(27, 56)], this.rng.range(1, 3), sex(), true);
    if (r < 0.88) return this.addFamily(site, [age(25, 55)], this.rng.range(1, 2), this.rng.chance(0.8) ? 'f' : 'm');
    return this.addSharedFlat(site);
  }

  /**
   * A household built around one given adult (a staff member): returns the adult's index and the other members.
   * The adult's birth family name is returned for creating parents and siblings elsewhere.
   */
  addHouseholdAround(
    site: number,
    adult: { sex: Sex; birthYear: number },
  ): { person: number; members: number[]; birthName: number } {
    const r = this.rng.float();
    const partner = r >= 0.25 && r < 0.95;
    const children = r >= 0.5 && r < 0.95 ? this.rng.range(1, 3) : r >= 0.95 ? this.rng.range(1, 2) : 0;
    const birthName = pickFamilyName(this.rng);
    const members = this.addFamily(site, [adult.birthYear], children, adult.sex, partner, birthName);
    return { person: members[0] as number, members: members.slice(1), birthName };
  }

  /** Parents or siblings of someone, living elsewhere in the catchment (sometimes in the same municipality). */
  addRelatives(site: number, birthName: number, birthYear: number, nearMunicipality: number): number[] {
    const out: number[] = [];
    const parentYear = birthYear - this.rng.range(22, 36);
    if (this.year - parentYear < 96 && this.rng.chance(0.55)) {
      const municipality = this.rng.chance(0.4) ? nearMunicipality : this.pickMunicipality(site);
      out.push(
        ...this.addFamily(
          site,
          [parentYear],
          0,
          this.rng.chance(0.5) ? 'f' : 'm',
          this.rng.chance(0.7),
          birthName,
          municipality,
        ),
      );
    }
    if (this.rng.chance(0.35)) {
      const municipality = this.rng.chance(0.4) ? nearMunicipality : this.pickMunicipality(site);
      const siblingName = this.rng.chance(0.65) ? birthName : pickNorwegianFamilyName(this.rng);
      const siblingYear = birthYear + this.rng.range(-8, 8);
      out.push(
        ...this.addFamily(
          site,
          [siblingYear],
          this.rng.range(0, 2),
          this.rng.chance(0.5) ? 'f' : 'm',
          this.rng.chance(0.6),
          siblingName,
          municipality,
        ),
      );
    }
    return out;
  }

  private addSharedFlat(site: number): number[] {
    const municipality = this.pickMunicipality(site);
    const address = this.placeHousehold(municipality, true);
    const household = this.householdCount++;
    const members: number[] = [];
    const n = this.rng.range(2, 3);
    for (let i = 0; i < n; i += 1) {
      const name = pickFamilyName(this.rng);
      members.push(
        this.addPerson(
          name,
          this.rng.chance(0.5) ? 'f' : 'm',
          this.year - this.rng.range(19, 31),
          address,
          household,
          site,
        ),
      );
    }
    return members;
  }

  /**
   * One family: the first adult (given birth year and sex), an optional partner and children. The family name of
   * the first adult is `birthName` unless the couple shares the partner's name.
   */
  private addFamily(
    site: number,
    adultYears: number[],
    children: number,
    firstSex: Sex,
    withPartner = false,
    birthName: number = pickFamilyName(this.rng),
    municipality: number = this.pickMunicipality(site),
  ): number[] {
    const table = familyNameTable();
    const group = table.groups[birthName] ?? 'no';
    const firstYear = adultYears[0] as number;
    const address = this.placeHousehold(municipality, false);
    const household = this.householdCount++;
    let partnerName = birthName;
    let firstName = birthName;
    if (withPartner) {
      if (group === 'no')
        partnerName = this.rng.chance(0.85) ? pickNorwegianFamilyName(this.rng) : pickFamilyName(this.rng);
      else partnerName = this.rng.chance(0.75) ? birthName : (sameGroupName(this.rng, group) ?? birthName);
      // Many couples share one name; which one varies.
      if (this.rng.chance(0.5)) {
        if (this.rng.chance(0.5)) firstName = partnerName;
        else partnerName = firstName;
      }
    }
    const members = [this.addPerson(firstName, firstSex, firstYear, address, household, site)];
    if (withPartner) {
      const partnerSex: Sex = this.rng.chance(0.95) ? (firstSex === 'f' ? 'm' : 'f') : firstSex;
      const partnerYear = clamp(firstYear + this.rng.range(-5, 5), 1920, this.year - 19);
      members.push(this.addPerson(partnerName, partnerSex, partnerYear, address, household, site));
    }
    const youngest = Math.min(firstYear + 44, this.year);
    for (let c = 0; c < children; c += 1) {
      const childYear = clamp(this.year - this.rng.range(0, 24), firstYear + 19, youngest);
      const childName = this.rng.chance(0.75) ? firstName : partnerName;
      members.push(this.addPerson(childName, this.rng.chance(0.5) ? 'f' : 'm', childYear, address, household, site));
    }
    return members;
  }

  /** Chooses an address: a house of its own, or a flat in the municipality's currently filling apartment building. */
  private placeHousehold(municipality: number, forceApartment: boolean): number {
    const apartment = forceApartment || this.rng.chance(this.apartmentShare[municipality] ?? 0.2);
    if (apartment) {
      let open = this.openBuildings.get(municipality);
      if (!open || open.room <= 0) {
        open = { address: this.newAddress(municipality), room: Math.max(2, Math.round(this.rng.logNormal(8, 0.7))) };
        this.openBuildings.set(municipality, open);
      }
      open.room -= 1;
      this.addressHouseholds.set(open.address, this.addressHouseholds.get(open.address) + 1);
      return open.address;
    }
    const address = this.newAddress(municipality);
    this.addressHouseholds.set(address, 1);
    return address;
  }

  private newAddress(municipality: number): number {
    this.addressMunicipality.push(municipality);
    return this.addressHouseholds.push(0);
  }

  private addPerson(
    name: number,
    sex: Sex,
    birthYear: number,
    address: number,
    household: number,
    site: number,
  ): number {
    const group = familyNameTable().groups[name] ?? 'no';
    this.familyName.push(name);
    this.givenName.push(pickGivenName(this.rng, group, sex, birthYear));
    this.birthYear.push(birthYear);
    this.address.push(address);
    this.household.push(household);
    this.isPatient.push(1);
    this.site.push(site);
    this.careWeight.push(ageWeight(this.year - birthYear) * this.rng.logNormal(1, 0.9));
    return this.birthYear.length - 1;
  }

  finalize(employee: Int32Array, salt: number): { population: Population; addresses: Addresses } {
    const count = this.size;
    const idNumber = new Int32Array(count);
    for (let i = 0; i < count; i += 1) idNumber[i] = i + 1;
    for (let i = count - 1; i > 0; i -= 1) {
      const j = this.rng.int(i + 1);
      const tmp = idNumber[i] as number;
      idNumber[i] = idNumber[j] as number;
      idNumber[j] = tmp;
    }
    const addressCount = this.addressHouseholds.length;
    const ids: string[] = new Array<string>(addressCount);
    for (let a = 0; a < addressCount; a += 1)
      ids[a] = `a${mix32((a + salt) >>> 0)
        .toString(36)
        .padStart(7, '0')}`;
    return {
      population: {
        count,
        familyName: this.familyName.toArray(),
        givenName: this.givenName,
        birthYear: this.birthYear.toArray(),
        address: this.address.toArray(),
        household: this.household.toArray(),
        employee,
        isPatient: this.isPatient.toArray(),
        site: this.site.toArray(),
        careWeight: this.careWeight.toArray(),
        reserved: new Uint8Array(count),
        idNumber,
      },
      addresses: {
        ids,
        municipality: this.addressMunicipality.toArray(),
        households: this.addressHouseholds.toArray(),
      },
    };
  }
}

function sameGroupName(rng: Rng, group: string): number | null {
  const table = familyNameTable();
  const candidates: number[] = [];
  for (let i = 0; i < table.names.length && i < 200; i += 1) if (table.groups[i] === group) candidates.push(i);
  return candidates.length > 0 ? rng.pick(candidates) : null;
}

/** Relative need of hospital care by age: newborns and the old use the hospital most. */
function ageWeight(age: number): number {
  if (age < 1) return 2;
  if (age < 16) return 0.5;
  if (age < 41) return 0.7;
  if (age < 61) return 1;
  if (age < 76) return 2;
  return 3.5;
}

function clamp(value: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, value));
}
