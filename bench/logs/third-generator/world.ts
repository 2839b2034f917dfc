// The world behind the log: the trust's organisation, the catchment population (households, blocks of flats, family
// names shared by thousands or by a handful), the staff drawn from that population, and every patient's history of
// contacts over two years before and during the logged period (encounters, documented care relations, follow-up work).

import {
  CLINICS,
  COMMON_SURNAMES,
  FOREIGN_SURNAMES,
  GIVEN_FOREIGN,
  GIVEN_NO,
  MUNICIPALITIES,
  OUTSIDE_MUNICIPALITIES,
  RARE_JOINT,
  RARE_PREFIX,
  RARE_SUFFIX,
  SECTIONS,
  STAFF_MIX,
  STREET_FIRST,
  STREET_LAST,
  TITLES,
  TRUST_NAME,
  UNITS,
  type DeptKind,
  type Role,
  type Service,
  type Site,
  type UnitDef,
} from './catalog.js';
import { Calendar } from './clock.js';
import { hash32, hunit, Rng, WeightedTable } from './rng.js';

export interface WorldOptions {
  seed: number;
  /** Logged period: first civil date and number of days. */
  start: [number, number, number];
  days: number;
  /** Days of history before the period (encounters and relations only, no events). */
  historyDays: number;
  staffCount: number;
  population: number;
}

export interface Dept {
  idx: number;
  id: string;
  code: string;
  name: string;
  kind: DeptKind;
  parent: number;
  site: Site | '';
  /** 0 trust, 1 clinic, 2 section, 3 unit */
  level: number;
  service: Service | null;
  section: number;
  clinic: number;
  workstations: string[];
  /** Share of events from this unit that carry no purpose code (older client modules). */
  purposeBlank: number;
  teaching: boolean;
}

export interface Person {
  id: string;
  fam: string;
  given: string;
  sex: number;
  birthYear: number;
  hh: number;
  addr: number;
  muni: number;
  group: string;
  staff: number;
  parentHh: number;
}

export interface Household {
  addr: number;
  members: number[];
  fam: string;
  group: string;
  parentHh: number;
}

export interface Address {
  id: string;
  street: string;
  muni: number;
  building: number;
  postcode: string;
}

export type Pattern = 'office' | 'rota' | 'rotaDE' | 'doctor' | 'always' | 'extra' | 'student';

export interface Staff {
  idx: number;
  id: string;
  person: number;
  fam: string;
  given: string;
  sex: number;
  birthYear: number;
  role: Role;
  title: string;
  unit: number;
  section: number;
  site: Site;
  pattern: Pattern;
  fte: number;
  phase: number;
  /** 0 rotating incl. nights, 1 nights only, 2 no nights */
  nightPref: number;
  /** World day of first and last day of employment (to = 1e9 when open). */
  from: number;
  to: number;
  /** The contract was extended but the end date in the HR feed was never updated: works after `to`. */
  extended: boolean;
  /** Pairs [from, to] of world days on leave (vacation, sick leave, parental leave). */
  leaves: number[];
  addrId: string;
  favWs: string[];
  /** Personal remote desktop client (home office, on-call from home). */
  ctx: string;
  researcher: boolean;
  system: string | null;
}

export const ENC_INPATIENT = 0;
export const ENC_OUTPATIENT = 1;
export const ENC_EMERGENCY = 2;
export const ENC_REFERRAL = 3;
export const ENC_ORDER = 4;
export const ENC_KINDS = ['inpatient', 'outpatient', 'emergency', 'referral', 'order', 'other'] as const;

export const EF_HIDDEN = 1; // never exported to encounters.csv
export const EF_NOEND = 2; // exported without an end although it ended
export const EF_LAB = 4;
export const EF_RAD = 8;
export const EF_CANCER = 16;
export const EF_HIPFX = 32;
export const EF_STROKE = 64;

/** Growable struct-of-arrays store of encounters. */
export class EncStore {
  n = 0;
  patient = new Int32Array(1 << 16);
  unit = new Int16Array(1 << 16);
  start = new Int32Array(1 << 16);
  end = new Int32Array(1 << 16);
  kind = new Uint8Array(1 << 16);
  resp = new Int32Array(1 << 16);
  nurse = new Int32Array(1 << 16);
  prev = new Int32Array(1 << 16);
  flags = new Uint8Array(1 << 16);
  nextOfPatient = new Int32Array(1 << 16);

  private grow(): void {
    const cap = this.patient.length * 2;
    const g = <T extends Int32Array | Int16Array | Uint8Array>(a: T, make: (n: number) => T): T => {
      const b = make(cap);
      b.set(a);
      return b;
    };
    this.patient = g(this.patient, (n) => new Int32Array(n));
    this.unit = g(this.unit, (n) => new Int16Array(n));
    this.start = g(this.start, (n) => new Int32Array(n));
    this.end = g(this.end, (n) => new Int32Array(n));
    this.kind = g(this.kind, (n) => new Uint8Array(n));
    this.resp = g(this.resp, (n) => new Int32Array(n));
    this.nurse = g(this.nurse, (n) => new Int32Array(n));
    this.prev = g(this.prev, (n) => new Int32Array(n));
    this.flags = g(this.flags, (n) => new Uint8Array(n));
    this.nextOfPatient = g(this.nextOfPatient, (n) => new Int32Array(n));
  }

  add(
    p: number,
    unit: number,
    start: number,
    end: number,
    kind: number,
    resp: number,
    nurse: number,
    prev: number,
    flags: number,
  ): number {
    if (this.n === this.patient.length) this.grow();
    const i = this.n++;
    this.patient[i] = p;
    this.unit[i] = unit;
    this.start[i] = start;
    this.end[i] = end;
    this.kind[i] = kind;
    this.resp[i] = resp;
    this.nurse[i] = nurse;
    this.prev[i] = prev;
    this.flags[i] = flags;
    this.nextOfPatient[i] = -1;
    return i;
  }
}

export const REL_KINDS = ['assigned', 'appointment', 'referral', 'order', 'consult', 'research'] as const;

/** Documented care relations (struct of arrays). user or dept is -1. */
export class RelStore {
  patient: number[] = [];
  user: number[] = [];
  dept: number[] = [];
  from: number[] = [];
  to: number[] = [];
  kind: number[] = [];
  add(p: number, user: number, dept: number, from: number, to: number, kind: number): void {
    this.patient.push(p);
    this.user.push(user);
    this.dept.push(dept);
    this.from.push(from);
    this.to.push(to);
    this.kind.push(kind);
  }
  get n(): number {
    return this.patient.length;
  }
}

export const T_EPI_SEC = 1;
export const T_EPI_SIGN = 2;
export const T_CODING = 3;
export const T_REGISTRY = 4;
export const T_BILLING = 5;
export const T_DICTATION = 6;
export const T_REF_ASSESS = 7;
export const T_CONSULT = 8;
export const T_PATRQT = 9;
export const T_COMPLAINT = 10;

export interface Task {
  type: number;
  enc: number;
  patient: number;
  staff: number;
  minute: number;
}

export interface Program {
  patient: number;
  unit: number;
  resp: number;
  from: number;
  to: number;
  cancer: boolean;
}

/** Compressed day → items index. */
export class DayIndex {
  constructor(
    readonly offsets: Int32Array,
    readonly items: Int32Array,
  ) {}
  static build(
    days: number,
    entries: [number, number][] | ((emit: (day: number, item: number) => void) => void),
  ): DayIndex {
    const counts = new Int32Array(days + 1);
    const pass = (cb: (day: number, item: number) => void): void => {
      if (typeof entries === 'function') entries(cb);
      else for (const [d, it] of entries) cb(d, it);
    };
    pass((d) => {
      if (d >= 0 && d < days) counts[d + 1]!++;
    });
    for (let i = 0; i < days; i++) counts[i + 1]! += counts[i]!;
    const items = new Int32Array(counts[days]!);
    const fill = counts.slice();
    pass((d, it) => {
      if (d >= 0 && d < days) items[fill[d]!++] = it;
    });
    return new DayIndex(counts, items);
  }
  of(day: number): Int32Array {
    if (day < 0 || day + 1 >= this.offsets.length) return new Int32Array(0);
    return this.items.subarray(this.offsets[day]!, this.offsets[day + 1]!);
  }
}

export interface World {
  opts: WorldOptions;
  cal: Calendar;
  /** World day of the first logged day. */
  p0: number;
  /** World day after the last logged day. */
  p1: number;
  depts: Dept[];
  unitByCode: Map<string, number>;
  /** Unit dept indexes per section dept index. */
  sectionUnits: Map<number, number[]>;
  persons: Person[];
  households: Household[];
  addresses: Address[];
  buildings: number[][];
  staff: Staff[];
  /** Staff indexes by home unit. */
  staffByUnit: number[][];
  /** Physicians by section, in on-call rotation order. */
  physiciansBySection: Map<number, number[]>;
  system: Record<string, number>;
  enc: EncStore;
  rel: RelStore;
  tasksByDay: Task[][];
  programs: Program[];
  /** Period-relative index: encounters that need work on a day. */
  activeByDay: DayIndex;
  /** World-day index of encounter starts (all days), for picking "recent" or historical contacts. */
  startsByDay: DayIndex;
  firstEncOfPatient: Int32Array;
  byFullName: Map<string, number[]>;
}

const AGE_BANDS: [number, number, number][] = [
  [0, 9, 11],
  [10, 19, 12],
  [20, 29, 13],
  [30, 39, 13],
  [40, 49, 13],
  [50, 59, 13],
  [60, 69, 11],
  [70, 79, 9],
  [80, 89, 4],
  [90, 99, 1],
];

function asciiFold(s: string): string {
  return s
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/å/g, 'a')
    .normalize('NFD')
    .replace(/[^a-z]/g, '');
}

/** Injective number scrambling for opaque ids: (i * a + b) mod m with gcd(a, m) = 1. */
function scramble(i: number, a: number, b: number, m: number): number {
  return ((((i % m) * a) % m) + b) % m;
}

export function buildWorld(opts: WorldOptions): World {
  const { seed } = opts;
  const H = opts.historyDays;
  const P = opts.days;
  const startUtc = Date.UTC(opts.start[0], opts.start[1] - 1, opts.start[2]) - H * 86_400_000;
  const sd = new Date(startUtc);
  const cal = new Calendar(sd.getUTCFullYear(), sd.getUTCMonth() + 1, sd.getUTCDate(), H + P + 60);
  const refYear = cal.year[H]!;

  // ---------------------------------------------------------------- organisation
  const rngOrg = new Rng(seed, 101);
  const depts: Dept[] = [];
  let resh = 4_201_000 + rngOrg.int(500);
  const addDept = (d: Omit<Dept, 'idx' | 'id'>): number => {
    resh += 7 + rngOrg.int(60);
    depts.push({ ...d, idx: depts.length, id: String(resh) });
    return depts.length - 1;
  };
  const root = addDept({
    code: 'HF',
    name: TRUST_NAME,
    kind: 'administration',
    parent: -1,
    site: '',
    level: 0,
    service: null,
    section: -1,
    clinic: -1,
    workstations: [],
    purposeBlank: 0.3,
    teaching: false,
  });
  const clinicIdx = new Map<string, number>();
  for (const c of CLINICS) {
    const i = addDept({
      code: c.code,
      name: c.name,
      kind: c.code === 'STAB' ? 'administration' : 'other',
      parent: root,
      site: '',
      level: 1,
      service: null,
      section: -1,
      clinic: -1,
      workstations: [],
      purposeBlank: 0.3,
      teaching: false,
    });
    depts[i]!.clinic = i;
    clinicIdx.set(c.code, i);
  }
  const sectionIdx = new Map<string, number>();
  for (const s of SECTIONS) {
    const cl = clinicIdx.get(s.clinic)!;
    const i = addDept({
      code: s.code,
      name: s.name,
      kind: s.clinic === 'STAB' ? 'administration' : 'other',
      parent: cl,
      site: '',
      level: 2,
      service: null,
      section: -1,
      clinic: cl,
      workstations: [],
      purposeBlank: 0.3,
      teaching: false,
    });
    depts[i]!.section = i;
    sectionIdx.set(s.code, i);
  }
  const unitByCode = new Map<string, number>();
  const sectionUnits = new Map<number, number[]>();
  const kindOf = (u: UnitDef): DeptKind => {
    switch (u.service) {
      case 'ward':
      case 'icu':
        return 'ward';
      case 'ed':
        return 'emergency';
      case 'opd':
      case 'dialysis':
      case 'dayonc':
        return 'outpatient';
      case 'lab':
        return 'lab';
      case 'rad':
        return 'radiology';
      case 'pharm':
        return 'pharmacy';
      case 'booking':
      case 'archive':
      case 'coding':
      case 'quality':
        return 'administration';
      case 'it':
      case 'float':
      case 'research':
      case 'system':
      case 'theatre':
        return 'other';
    }
  };
  const buildingLetter = new Map<string, string>();
  for (const u of UNITS) {
    const sec = sectionIdx.get(u.section)!;
    const letter = buildingLetter.get(u.site + u.section) ?? String.fromCharCode(65 + (hash32(seed, sec, 7) % 8));
    buildingLetter.set(u.site + u.section, letter);
    const floor = 1 + (hash32(seed, resh, 3) % 7);
    const nWs = u.service === 'system' ? 3 : Math.max(3, Math.round(u.weight * 2.2));
    const ws: string[] = [];
    const base = hash32(seed, resh, 11) % 9000;
    for (let k = 0; k < nWs; k++) {
      ws.push(
        u.service === 'system'
          ? `SRV-INT-0${k + 1}`
          : `${u.site}-${letter}${floor}-${String(1000 + ((base + k * 37) % 9000)).padStart(4, '0')}`,
      );
    }
    const blankChoices =
      u.service === 'lab' || u.service === 'rad' ? [0.55, 0.7] : u.service === 'system' ? [0.15] : [0.08, 0.3, 0.55];
    const i = addDept({
      code: u.code,
      name: u.name,
      kind: kindOf(u),
      parent: sec,
      site: u.site,
      level: 3,
      service: u.service,
      section: sec,
      clinic: depts[sec]!.clinic,
      workstations: ws,
      purposeBlank: blankChoices[hash32(seed, resh, 5) % blankChoices.length]!,
      teaching: u.teaching === true,
    });
    unitByCode.set(u.code, i);
    const arr = sectionUnits.get(sec) ?? [];
    arr.push(i);
    sectionUnits.set(sec, arr);
  }
  const U = (code: string): number => {
    const i = unitByCode.get(code);
    if (i === undefined) throw new Error(`unknown unit ${code}`);
    return i;
  };

  // ---------------------------------------------------------------- population
  const rngPop = new Rng(seed, 202);
  const common = new WeightedTable(
    COMMON_SURNAMES.map((x) => x[0]),
    COMMON_SURNAMES.map((x) => x[1]),
  );
  const foreign = new WeightedTable(
    FOREIGN_SURNAMES.map((x) => x),
    FOREIGN_SURNAMES.map((x) => x[1]),
  );
  const rareSet = new Set<string>();
  for (const a of RARE_PREFIX)
    for (const j of RARE_JOINT)
      for (const b of RARE_SUFFIX) {
        if (j && (a.endsWith(j) || /[aeiouyæøå]$/.test(a))) continue;
        rareSet.add(a + j + b);
      }
  const rareNames = [...rareSet].sort();
  rngPop.shuffle(rareNames);
  // a rough Zipf over rare names: a few farm names are moderately common, most are shared by a handful of families
  const rare = new WeightedTable(
    rareNames,
    rareNames.map((_, i) => 1 / Math.pow(40 + i, 0.9)),
  );
  const drawSurname = (): [string, string] => {
    const x = rngPop.next();
    if (x < 0.42) return [common.draw(rngPop), 'no'];
    if (x < 0.5) {
      const f = foreign.draw(rngPop);
      return [f[0], f[2]];
    }
    return [rare.draw(rngPop), 'no'];
  };
  const drawGiven = (sex: number, birthYear: number, group: string): string => {
    const f = GIVEN_FOREIGN[group];
    if (f && (birthYear < 1995 || rngPop.chance(0.6))) return rngPop.pick(f[sex]!);
    const cohort = birthYear < 1960 ? 0 : birthYear < 1990 ? 1 : 2;
    const first = rngPop.pick(GIVEN_NO[sex]![cohort]!);
    if (group === 'no' && cohort < 2 && rngPop.chance(0.18)) {
      const second = rngPop.pick(GIVEN_NO[sex]![cohort]!);
      if (second !== first) return `${first} ${second}`;
    }
    return first;
  };
  const ageTable = new WeightedTable(
    AGE_BANDS.map((b) => b),
    AGE_BANDS.map((b) => b[2]),
  );
  const drawAge = (lo: number, hi: number): number => {
    for (let k = 0; k < 20; k++) {
      const b = ageTable.draw(rngPop);
      const a = rngPop.between(b[0], b[1]);
      if (a >= lo && a <= hi) return a;
    }
    return rngPop.between(lo, hi);
  };

  const persons: Person[] = [];
  const households: Household[] = [];
  const addresses: Address[] = [];
  const buildings: number[][] = [];
  const muniTable = new WeightedTable(
    MUNICIPALITIES.map((_, i) => i),
    MUNICIPALITIES.map((m) => m.share),
  );
  const streets: string[][] = MUNICIPALITIES.map((m, mi) => {
    const n = Math.max(12, Math.round(m.share * 220));
    const set = new Set<string>();
    const r = new Rng(seed, 303, mi);
    while (set.size < n) set.add(r.pick(STREET_FIRST) + r.pick(STREET_LAST));
    return [...set];
  });
  const houseNo = new Map<string, number>();
  const openBuilding: number[] = MUNICIPALITIES.map(() => -1);
  const openBuildingLeft: number[] = MUNICIPALITIES.map(() => 0);
  const buildingStreet: string[] = [];
  const buildingMuni: number[] = [];
  const buildingFlats: number[] = [];
  const addrId = (i: number): string => 'A' + String(1_000_000 + scramble(i, 7919, 104_729, 9_000_000));
  const newAddress = (muni: number, outside = false): number => {
    const mi = muni;
    let street: string;
    let building = -1;
    let postcode: string;
    if (outside) {
      const o = OUTSIDE_MUNICIPALITIES[mi - MUNICIPALITIES.length]!;
      street = `${rngPop.pick(STREET_FIRST)}${rngPop.pick(STREET_LAST)} ${rngPop.between(1, 120)}`;
      postcode = String(o.postcode + rngPop.int(30)).padStart(4, '0');
    } else {
      const m = MUNICIPALITIES[mi]!;
      if (rngPop.chance(m.flats)) {
        if (openBuildingLeft[mi]! <= 0) {
          building = buildings.length;
          buildings.push([]);
          const st = rngPop.int(streets[mi]!.length);
          const key = `${mi}:${st}`;
          const no = (houseNo.get(key) ?? 0) + 1 + rngPop.int(3);
          houseNo.set(key, no);
          buildingStreet.push(`${streets[mi]![st]} ${no}`);
          buildingMuni.push(mi);
          const flats = rngPop.between(6, 36);
          buildingFlats.push(flats);
          openBuilding[mi] = building;
          openBuildingLeft[mi] = flats;
        }
        building = openBuilding[mi]!;
        const k = buildingFlats[building]! - openBuildingLeft[mi]!;
        openBuildingLeft[mi]!--;
        const perFloor = 2 + (building % 4);
        const flat = `H${String(1 + Math.floor(k / perFloor)).padStart(2, '0')}${String(1 + (k % perFloor)).padStart(2, '0')}`;
        street = `${buildingStreet[building]}, ${flat}`;
        postcode = String(m.postcode + (hash32(building, 5) % 40)).padStart(4, '0');
      } else {
        const st = rngPop.int(streets[mi]!.length);
        const key = `${mi}:${st}`;
        const no = (houseNo.get(key) ?? 0) + 1 + rngPop.int(2);
        houseNo.set(key, no);
        street = `${streets[mi]![st]} ${no}${rngPop.chance(0.08) ? ' ' + 'ABC'[rngPop.int(3)] : ''}`;
        postcode = String(m.postcode + (st % 40)).padStart(4, '0');
      }
    }
    const a = addresses.length;
    addresses.push({ id: addrId(a), street, muni: mi, building, postcode });
    if (building >= 0) buildings[building]!.push(a);
    return a;
  };
  const patientId = (i: number): string =>
    String(10_000_000 + scramble(i, 654_435_761 % 90_000_000, 31_337, 90_000_000));
  const addPerson = (hh: number, fam: string, group: string, sex: number, age: number, parentHh: number): number => {
    const h = households[hh]!;
    const by = refYear - age;
    const i = persons.length;
    persons.push({
      id: patientId(i),
      fam,
      given: drawGiven(sex, by, group),
      sex,
      birthYear: by,
      hh,
      addr: h.addr,
      muni: addresses[h.addr]!.muni,
      group,
      staff: -1,
      parentHh,
    });
    h.members.push(i);
    return i;
  };
  /** Older households whose grown-up children may live elsewhere (same surname, different address). */
  const parentCandidates: number[] = [];
  const target = opts.population;
  while (persons.length < target) {
    const outside = rngPop.chance(0.015);
    const muni = outside ? MUNICIPALITIES.length + rngPop.int(OUTSIDE_MUNICIPALITIES.length) : muniTable.draw(rngPop);
    const type = outside ? 0 : rngPop.weighted([30, 20, 26, 8, 10, 4, 2]);
    let [fam, group] = drawSurname();
    let parentHh = -1;
    const youngAdult = type <= 1 || type === 5;
    if (youngAdult && parentCandidates.length > 0 && rngPop.chance(0.35)) {
      parentHh = rngPop.pick(parentCandidates);
      fam = households[parentHh]!.fam;
      group = households[parentHh]!.group;
    }
    const hh = households.length;
    const addr = newAddress(muni, outside);
    households.push({ addr, members: [], fam, group, parentHh });
    const partnerName = (): [string, string] => (rngPop.chance(0.55) ? [fam, group] : drawSurname());
    const sex0 = rngPop.int(2);
    switch (type) {
      case 0: {
        addPerson(hh, fam, group, sex0, outside ? drawAge(18, 85) : drawAge(20, 95), parentHh);
        break;
      }
      case 1: {
        const a = drawAge(22, 80);
        addPerson(hh, fam, group, sex0, a, parentHh);
        const [f2, g2] = partnerName();
        addPerson(hh, f2, g2, rngPop.chance(0.95) ? 1 - sex0 : sex0, Math.max(19, a + rngPop.between(-5, 5)), -1);
        break;
      }
      case 2:
      case 6: {
        const a = drawAge(28, 56);
        addPerson(hh, fam, group, 1, a, parentHh);
        const [f2, g2] = partnerName();
        addPerson(hh, f2, g2, 0, Math.max(22, a + rngPop.between(-6, 3)), -1);
        const kids = rngPop.weighted([0, 30, 45, 18, 7]);
        for (let k = 0; k < kids; k++) {
          const kidFam = f2 !== fam && rngPop.chance(0.25) ? f2 : fam;
          addPerson(hh, kidFam, group, rngPop.int(2), Math.max(0, Math.min(a - 20, rngPop.between(0, 22))), -1);
        }
        if (type === 6) addPerson(hh, fam, group, rngPop.int(2), Math.min(98, a + rngPop.between(24, 34)), -1);
        parentCandidates.push(hh);
        break;
      }
      case 3: {
        const a = drawAge(25, 55);
        addPerson(hh, fam, group, rngPop.chance(0.8) ? 0 : 1, a, parentHh);
        const kids = rngPop.between(1, 3);
        for (let k = 0; k < kids; k++)
          addPerson(hh, fam, group, rngPop.int(2), rngPop.between(0, Math.min(19, a - 19)), -1);
        break;
      }
      case 4: {
        const a = drawAge(65, 94);
        addPerson(hh, fam, group, 1, a, -1);
        if (rngPop.chance(0.7)) {
          const [f2, g2] = partnerName();
          addPerson(hh, f2, g2, 0, Math.max(60, a + rngPop.between(-6, 3)), -1);
        }
        parentCandidates.push(hh);
        break;
      }
      case 5: {
        const n = rngPop.between(2, 4);
        addPerson(hh, fam, group, rngPop.int(2), rngPop.between(19, 30), parentHh);
        for (let k = 1; k < n; k++) {
          const [f2, g2] = drawSurname();
          addPerson(hh, f2, g2, rngPop.int(2), rngPop.between(19, 30), -1);
        }
        break;
      }
    }
  }
  const byFullName = new Map<string, number[]>();
  for (let i = 0; i < persons.length; i++) {
    const key = `${persons[i]!.given} ${persons[i]!.fam}`;
    const arr = byFullName.get(key);
    if (arr) arr.push(i);
    else byFullName.set(key, [i]);
  }

  // ---------------------------------------------------------------- staff
  const rngStaff = new Rng(seed, 404);
  const staff: Staff[] = [];
  const usedIds = new Set<string>();
  const userId = (given: string, fam: string): string => {
    const base = (asciiFold(given.split(' ')[0]!).slice(0, 2) + asciiFold(fam).slice(0, 3)).padEnd(4, 'x');
    for (let k = 1; ; k++) {
      const id = `${base}${String(k).padStart(2, '0')}`;
      if (!usedIds.has(id)) {
        usedIds.add(id);
        return id;
      }
    }
  };
  const adults: number[] = [];
  for (let i = 0; i < persons.length; i++) {
    const p = persons[i]!;
    const age = refYear - p.birthYear;
    if (age >= 20 && age <= 68 && p.muni < MUNICIPALITIES.length) adults.push(i);
  }
  const femaleShare: Record<Role, number> = {
    physician: 0.52,
    nurse: 0.88,
    secretary: 0.94,
    lab: 0.8,
    radiology: 0.65,
    pharmacist: 0.75,
    therapist: 0.75,
    admin: 0.7,
    it: 0.25,
    other: 0.6,
  };
  const ageRange: Record<Role, [number, number]> = {
    physician: [26, 68],
    nurse: [22, 66],
    secretary: [22, 66],
    lab: [23, 66],
    radiology: [23, 66],
    pharmacist: [25, 66],
    therapist: [24, 66],
    admin: [24, 66],
    it: [22, 64],
    other: [20, 45],
  };
  const pickPerson = (role: Role): number => {
    const [lo, hi] = ageRange[role];
    const wantSex = rngStaff.chance(femaleShare[role]) ? 0 : 1;
    for (let k = 0; k < 60; k++) {
      const i = adults[rngStaff.int(adults.length)]!;
      const p = persons[i]!;
      const age = refYear - p.birthYear;
      if (p.staff >= 0 || age < lo || age > hi) continue;
      if (p.sex !== wantSex && k < 40) continue;
      return i;
    }
    return -1;
  };
  const fteFor = (role: Role): number => {
    const x = rngStaff.next();
    if (role === 'nurse')
      return x < 0.45 ? 1 : x < 0.65 ? 0.8 : x < 0.75 ? 0.75 : x < 0.85 ? 0.6 : x < 0.93 ? 0.5 : 0.2;
    if (role === 'physician') return x < 0.9 ? 1 : 0.5;
    return x < 0.8 ? 1 : x < 0.9 ? 0.8 : 0.5;
  };
  const patternFor = (role: Role, u: Dept, fte: number, title: string): Pattern => {
    const svc = u.service!;
    if (role === 'physician') return svc === 'research' ? 'office' : 'doctor';
    if (role === 'other') return title === 'sykepleierstudent' || title === 'medisinstudent' ? 'student' : 'office';
    if (role === 'nurse') {
      if (fte <= 0.2) return 'extra';
      if (svc === 'ward' || svc === 'icu' || svc === 'ed' || svc === 'float') return 'rota';
      if (svc === 'dialysis' || svc === 'theatre') return 'rotaDE';
      return 'office';
    }
    if (role === 'secretary') return svc === 'ed' ? 'rotaDE' : 'office';
    if (role === 'lab')
      return u.code === 'LAB-FJV' || u.code === 'LAB-STR' ? 'rota' : u.code === 'MIC' ? 'rotaDE' : 'office';
    if (role === 'radiology') return u.code === 'RAD-FJV' ? 'rota' : 'rotaDE';
    return 'office';
  };
  const totalWeight = UNITS.reduce((s, u) => s + u.weight, 0);
  const systemAccounts: [string, string][] = [
    ['svc_labsvar', 'Laboratoriesvar (integrasjon)'],
    ['svc_ris', 'RIS/PACS (integrasjon)'],
    ['svc_sms', 'Timepåminnelse SMS'],
    ['svc_plo', 'PLO-meldinger til kommunen'],
    ['svc_epikrise', 'Epikriseutsending'],
    ['svc_erecept', 'Reseptformidleren'],
    ['svc_npr', 'NPR-rapportering (batch)'],
  ];
  const clinicalStaff = Math.max(150, opts.staffCount - systemAccounts.length);
  const H0 = H;
  const periodEnd = H + P;
  const makeLeaves = (r: Rng, age: number, role: Role): number[] => {
    const out: number[] = [];
    // holidays: three summer weeks (fellesferie, staggered), often a week around Christmas or Easter
    for (let d = 0; d < cal.length; d++) {
      if (cal.month[d] === 7 && cal.mday[d] === 1) {
        const from = d - 7 + r.int(35);
        out.push(from, from + 20);
      }
      if (cal.month[d] === 12 && cal.mday[d] === 20 && r.chance(0.5)) out.push(d + r.int(4), d + 7 + r.int(5));
      if (cal.month[d] === 10 && cal.mday[d] === 7 && r.chance(0.3)) out.push(d, d + 6);
    }
    // short sickness absences
    const sick = r.poisson((cal.length / 365) * 3);
    for (let k = 0; k < sick; k++) {
      const d = r.int(cal.length);
      out.push(d, d + r.between(0, 3));
    }
    if (r.chance(0.06)) {
      const d = r.int(cal.length);
      out.push(d, d + r.between(21, 110));
    }
    if (age >= 25 && age <= 43 && role !== 'it' && r.chance(0.035 * (cal.length / 365))) {
      const d = r.int(cal.length);
      out.push(d, d + r.between(100, 300));
    }
    return out;
  };
  const addStaff = (
    role: Role,
    unit: number,
    opt: { system?: string; label?: string; former?: boolean } = {},
  ): number => {
    const u = depts[unit]!;
    const idx = staff.length;
    const r = new Rng(seed, 405, idx);
    let person = -1;
    let fam: string;
    let given: string;
    let sex: number;
    let birthYear: number;
    let addrIdStr = '';
    if (opt.system) {
      fam = 'Systembruker';
      given = opt.label ?? opt.system;
      sex = 0;
      birthYear = 0;
    } else {
      person = r.chance(0.87) ? pickPerson(role) : -1;
      if (person >= 0) {
        const p = persons[person]!;
        p.staff = idx;
        fam = p.fam;
        given = p.given;
        sex = p.sex;
        birthYear = p.birthYear;
        addrIdStr = addresses[p.addr]!.id;
      } else {
        // commuter: lives outside the catchment area, has no patient record here
        const [f, g] = drawSurname();
        sex = r.chance(femaleShare[role]) ? 0 : 1;
        const [lo, hi] = ageRange[role];
        birthYear = refYear - r.between(lo, hi);
        fam = f;
        given = drawGiven(sex, birthYear, g);
        const a = newAddress(MUNICIPALITIES.length + r.int(OUTSIDE_MUNICIPALITIES.length), true);
        addrIdStr = addresses[a]!.id;
      }
    }
    const titles = TITLES[role];
    let title = opt.system ? 'systembruker' : r.chance(0.6) ? titles[0]! : r.pick(titles);
    if (role === 'other' && !opt.system) {
      title =
        u.service === 'research'
          ? 'forsker'
          : u.service === 'ward'
            ? r.chance(0.5)
              ? 'medisinstudent'
              : 'sykepleierstudent'
            : 'miljøterapeut';
    }
    if (role === 'admin') {
      title =
        u.service === 'coding'
          ? 'kodekonsulent'
          : u.service === 'archive'
            ? 'arkivmedarbeider'
            : r.pick(['konsulent', 'rådgiver']);
    }
    if (role === 'nurse' && u.code === 'OBST-W') title = 'jordmor';
    if (role === 'nurse' && u.code === 'KVAL') title = r.chance(0.5) ? 'smittevernsykepleier' : 'registersykepleier';
    const fte = opt.system ? 1 : fteFor(role);
    const pattern: Pattern = opt.system ? 'always' : patternFor(role, u, fte, title);
    const age = refYear - birthYear;
    // employment: most long-standing; some hired or leaving during the period; students on short placements
    let from = H0 - r.between(60, 9000);
    let to = 1e9;
    let extended = false;
    if (opt.former) {
      to = H0 - r.between(5, 500);
      from = to - r.between(200, 4000);
    } else if (pattern === 'student') {
      from = H0 - 30 + r.int(P + 20);
      to = from + r.between(42, 84);
    } else if (!opt.system) {
      const x = r.next();
      if (x < 0.04) from = H0 + r.int(Math.max(1, P - 14));
      else if (x < 0.085) {
        to = H0 + 14 + r.int(Math.max(1, P - 14));
        extended = r.chance(0.1);
      }
    }
    const ws = u.workstations;
    const favWs = ws.length === 0 ? [] : [ws[r.int(ws.length)]!, ws[r.int(ws.length)]!];
    staff.push({
      idx,
      id: opt.system ?? userId(given, fam),
      person,
      fam,
      given,
      sex,
      birthYear,
      role,
      title,
      unit,
      section: u.section,
      site: (u.site || 'FJV') as Site,
      pattern,
      fte,
      phase: r.int(21),
      nightPref:
        role === 'nurse'
          ? r.weighted([78, 8, 14])
          : role === 'lab' || role === 'radiology'
            ? r.weighted([85, 5, 10])
            : 0,
      from,
      to,
      extended,
      leaves: opt.system ? [] : makeLeaves(r, age, role),
      addrId: addrIdStr,
      favWs,
      ctx: `CTX-${String(10000 + (hash32(seed, idx, 99) % 89999))}`,
      researcher: false,
      system: opt.system ? opt.system : null,
    });
    return idx;
  };
  for (const u of UNITS) {
    if (u.service === 'system') continue;
    const unit = unitByCode.get(u.code)!;
    const minHead: Partial<Record<Service, number>> = {
      ward: 14,
      icu: 12,
      ed: 14,
      dialysis: 8,
      opd: 5,
      lab: 4,
      rad: 6,
      dayonc: 7,
      float: 4,
    };
    const head = Math.max(minHead[u.service] ?? 2, Math.round((clinicalStaff * u.weight) / totalWeight));
    const mix = STAFF_MIX[u.service];
    const roles = Object.entries(mix) as [Role, number][];
    const counts = roles.map(([, share]) => Math.floor(head * share));
    let rest = head - counts.reduce((s, c) => s + c, 0);
    const fr = roles
      .map(([, share], i) => [head * share - counts[i]!, i] as [number, number])
      .sort((a, b) => b[0] - a[0]);
    for (let k = 0; rest > 0; k = (k + 1) % fr.length, rest--) counts[fr[k]![1]]!++;
    roles.forEach(([role], i) => {
      let c = counts[i]!;
      if (role === 'physician' && ['ward', 'icu', 'ed', 'opd', 'dialysis', 'dayonc', 'rad'].includes(u.service))
        c = Math.max(c, 2);
      if (role === 'secretary' && ['ward', 'opd', 'ed', 'dialysis', 'dayonc'].includes(u.service)) c = Math.max(c, 1);
      for (let k = 0; k < c; k++) addStaff(role, unit);
    });
  }
  const system: Record<string, number> = {};
  for (const [id, label] of systemAccounts) system[id] = addStaff('other', U('INT'), { system: id, label });
  // user accounts of people who left before the period: still listed in the HR feed
  const nFormer = Math.round(staff.length * 0.03);
  for (let k = 0; k < nFormer; k++) {
    const s = staff[rngStaff.int(staff.length)]!;
    if (s.system) continue;
    addStaff(s.role, s.unit, { former: true });
  }
  // a few physicians run approved research projects or quality-registry work
  for (const s of staff) if (s.role === 'physician' && rngStaff.chance(0.05)) s.researcher = true;
  for (const s of staff) if (depts[s.unit]!.service === 'research') s.researcher = true;
  const staffByUnit: number[][] = depts.map(() => []);
  for (const s of staff) staffByUnit[s.unit]!.push(s.idx);
  const physiciansBySection = new Map<number, number[]>();
  for (const s of staff) {
    if (s.role !== 'physician' || s.pattern !== 'doctor') continue;
    const arr = physiciansBySection.get(s.section) ?? [];
    arr.push(s.idx);
    physiciansBySection.set(s.section, arr);
  }

  // ---------------------------------------------------------------- encounters, relations, tasks
  const enc = new EncStore();
  const rel = new RelStore();
  const tasks: [number, Task][] = [];
  const programs: Program[] = [];
  const worldDays = H + P;
  const unitStaffOfRole = (unit: number, role: Role): number[] =>
    staffByUnit[unit]!.filter((s) => staff[s]!.role === role && !staff[s]!.system);
  const roleCache = new Map<number, number[]>();
  const staffOf = (unit: number, role: Role): number[] => {
    const key = unit * 16 + ['physician', 'nurse', 'therapist', 'secretary'].indexOf(role);
    let v = roleCache.get(key);
    if (!v) {
      v = unitStaffOfRole(unit, role).filter((s) => staff[s]!.to > H0 - 400);
      roleCache.set(key, v);
    }
    return v;
  };
  const activePhysBySection = new Map<number, number[]>();
  for (const [sec, arr] of physiciansBySection)
    activePhysBySection.set(
      sec,
      arr.filter((s) => staff[s]!.to > H0 - 400),
    );
  const sectionPhysicians = (unit: number): number[] => activePhysBySection.get(depts[unit]!.section) ?? [];
  const pickFrom = (arr: number[], r: Rng): number => (arr.length === 0 ? -1 : arr[r.int(arr.length)]!);
  const siteOfMuni = (mi: number): Site => (mi < MUNICIPALITIES.length ? MUNICIPALITIES[mi]!.site : 'FJV');
  const edFor = (site: Site): number => (site === 'STR' ? U('ED-STR') : U('ED-FJV'));
  const labFor = (site: Site): number => (site === 'STR' ? U('LAB-STR') : site === 'HGV' ? U('LAB-HGV') : U('LAB-FJV'));
  const radFor = (site: Site): number => (site === 'STR' ? U('RAD-STR') : U('RAD-FJV'));
  const workday = (d: number): number => cal.workdayOnOrAfter(d);
  const addWorkdays = (d: number, k: number): number => {
    let x = d;
    for (let i = 0; i < k; i++) x = workday(x + 1);
    return workday(x);
  };
  const pushTask = (day: number, t: Task): void => {
    if (day >= H && day < periodEnd) tasks.push([day - H, t]);
  };
  const relTo = (r: Rng, end: number): number => (end < 0 || r.chance(0.08) ? -1 : end);
  const edHours = [
    1, 0.8, 0.6, 0.5, 0.5, 0.6, 0.9, 1.5, 2.5, 3.2, 3.6, 3.6, 3.4, 3.3, 3.3, 3.4, 3.5, 3.5, 3.3, 3, 2.6, 2.2, 1.8, 1.3,
  ];

  const register = (p: number, i: number, last: Int32Array): void => {
    if (last[p]! >= 0) enc.nextOfPatient[last[p]!] = i;
    else firstEncOfPatient[p] = i;
    last[p] = i;
  };
  const firstEncOfPatient = new Int32Array(persons.length).fill(-1);
  const lastEnc = new Int32Array(persons.length).fill(-1);

  for (let p = 0; p < persons.length; p++) {
    const r = new Rng(seed, 505, p);
    const pe = persons[p]!;
    const age = refYear - pe.birthYear;
    const site = siteOfMuni(pe.muni);
    const years = worldDays / 365;
    const list: number[] = [];
    const add = (
      unit: number,
      start: number,
      end: number,
      kind: number,
      resp: number,
      nurse: number,
      prev: number,
      flags: number,
    ): number => {
      const hidden = r.chance(0.035) ? EF_HIDDEN : 0;
      const noEnd = end >= 0 && (kind === ENC_INPATIENT || kind === ENC_OUTPATIENT) && r.chance(0.012) ? EF_NOEND : 0;
      const i = enc.add(p, unit, start, end, kind, resp, nurse, prev, flags | hidden | noEnd);
      list.push(i);
      return i;
    };
    const opdVisit = (unit: number, day: number, resp: number, kind = ENC_OUTPATIENT, dur = 30): number => {
      const d = workday(day);
      const slot = 8 * 60 + 15 * r.int(28);
      const st = d * 1440 + slot;
      const clin = resp >= 0 ? resp : pickOpdClinician(unit, r);
      const i = add(unit, st, st + dur, kind, clin, -1, -1, 0);
      if (clin >= 0 && r.chance(0.8)) rel.add(p, clin, -1, st - 60 * 24 * r.int(20), st + dur, 1);
      else if (r.chance(0.3)) rel.add(p, -1, unit, st, st + dur, 1);
      if (kind === ENC_OUTPATIENT) {
        if (r.chance(0.6))
          pushTask(addWorkdays(d, r.int(4)), { type: T_DICTATION, enc: i, patient: p, staff: -1, minute: -1 });
        if (r.chance(0.18))
          pushTask(addWorkdays(d, r.between(3, 18)), { type: T_BILLING, enc: i, patient: p, staff: -1, minute: -1 });
        if (r.chance(0.12))
          pushTask(addWorkdays(d, r.between(5, 25)), { type: T_CODING, enc: i, patient: p, staff: -1, minute: -1 });
      }
      return i;
    };
    const referral = (unit: number, day: number): number => {
      const d = workday(day);
      const st = d * 1440 + 9 * 60 + r.int(300);
      const firstVisit = d + r.between(14, 70);
      const i = add(unit, st, firstVisit * 1440 + 8 * 60, ENC_REFERRAL, -1, -1, -1, 0);
      if (r.chance(0.7)) rel.add(p, -1, unit, st, firstVisit * 1440 + 8 * 60, 2);
      pushTask(addWorkdays(d, r.between(1, 8)), { type: T_REF_ASSESS, enc: i, patient: p, staff: -1, minute: -1 });
      return firstVisit;
    };
    const order = (unit: number, day: number): void => {
      const d = workday(day);
      const st = d * 1440 + 8 * 60 + r.int(9 * 60);
      add(unit, st, st + 1440 * r.between(0, 2) + 120, ENC_ORDER, -1, -1, -1, 0);
      if (r.chance(0.6)) rel.add(p, -1, unit, st, st + 1440 * 3, 3);
    };
    const ed = (day: number): [number, number] => {
      const hr = r.weighted(edHours);
      const st = day * 1440 + hr * 60 + r.int(60);
      const end = st + r.between(90, 420);
      const unit = edFor(site);
      const flags = (r.chance(0.75) ? EF_LAB : 0) | (r.chance(0.4) ? EF_RAD : 0);
      const i = add(
        unit,
        st,
        end,
        ENC_EMERGENCY,
        pickFrom(staffOf(unit, 'physician'), r),
        pickFrom(staffOf(unit, 'nurse'), r),
        -1,
        flags,
      );
      if (r.chance(0.55)) rel.add(p, -1, unit, st, end, 0);
      if (flags & EF_LAB && r.chance(0.6)) rel.add(p, -1, labFor(site === 'HGV' ? 'FJV' : site), st, end + 720, 3);
      if (flags & EF_RAD && r.chance(0.6)) rel.add(p, -1, radFor(site), st, end + 720, 3);
      return [i, end];
    };
    const admit = (unit: number, start: number, los: number, prev: number, flags = 0): [number, number] => {
      const dd = Math.floor(start / 1440) + los;
      let end = dd * 1440 + 10 * 60 + r.int(300);
      if (end <= start) end = start + 240 + r.int(600);
      const resp = pickFrom(sectionPhysicians(unit), r);
      const nurse = pickFrom(staffOf(unit, 'nurse'), r);
      const f = flags | (r.chance(0.85) ? EF_LAB : 0) | (r.chance(0.45) ? EF_RAD : 0);
      const i = add(unit, start, end, ENC_INPATIENT, resp, nurse, prev, f);
      if (r.chance(0.75)) rel.add(p, -1, unit, start, relTo(r, end), 0);
      if (resp >= 0 && r.chance(0.5)) rel.add(p, resp, -1, start, relTo(r, end), 0);
      if (nurse >= 0 && r.chance(0.3)) rel.add(p, nurse, -1, start, relTo(r, end), 0);
      if (f & EF_LAB && r.chance(0.7)) rel.add(p, -1, labFor(depts[unit]!.site as Site), start, end + 1440, 3);
      if (f & EF_RAD && r.chance(0.6)) rel.add(p, -1, radFor(depts[unit]!.site as Site), start, end + 1440, 3);
      // consultations from other sections: documented only now and then
      const nCons = r.poisson(0.05 * (los + 1)) + (r.chance(0.12) ? 1 : 0);
      for (let k = 0; k < nCons; k++) {
        const secCode = r.pick(['CARD', 'INF', 'GERI', 'NEUR', 'APSY', 'ORTH', 'GSUR', 'PULM', 'NEPH', 'GAST']);
        const sec = sectionIdx.get(secCode)!;
        if (sec === depts[unit]!.section) continue;
        const cons = pickFrom(activePhysBySection.get(sec) ?? [], r);
        if (cons < 0) continue;
        const cd = Math.floor(start / 1440) + r.int(los + 1);
        const minute = 9 * 60 + r.int(7 * 60);
        if (r.chance(0.35)) rel.add(p, cons, -1, cd * 1440 + minute, end, 4);
        pushTask(cd, { type: T_CONSULT, enc: i, patient: p, staff: cons, minute });
      }
      const dd2 = Math.floor(end / 1440);
      if (r.chance(0.9))
        pushTask(addWorkdays(dd2, r.int(4)), { type: T_EPI_SEC, enc: i, patient: p, staff: -1, minute: -1 });
      if (r.chance(0.85))
        pushTask(addWorkdays(dd2, r.between(1, 8)), { type: T_EPI_SIGN, enc: i, patient: p, staff: resp, minute: -1 });
      if (r.chance(0.7))
        pushTask(addWorkdays(dd2, r.between(5, 30)), { type: T_CODING, enc: i, patient: p, staff: -1, minute: -1 });
      if (f & (EF_STROKE | EF_HIPFX | EF_CANCER) && r.chance(0.6))
        pushTask(addWorkdays(dd2, r.between(25, 80)), { type: T_REGISTRY, enc: i, patient: p, staff: -1, minute: -1 });
      return [i, end];
    };
    /** ED visit, maybe followed by admission and transfers; returns discharge minute. */
    const acute = (day: number, wards: [string, number, number][], admitP: number, flags = 0): number => {
      const [e, edEnd] = ed(day);
      if (!r.chance(admitP)) return edEnd;
      let prev = e;
      let t = edEnd;
      for (const [code, lo, hi] of wards) {
        const [i, end] = admit(U(code), t, r.between(lo, hi), prev, flags);
        prev = i;
        t = end;
      }
      return t;
    };
    const medWard = (fjvCode: string): string => (site === 'STR' && r.chance(0.7) ? 'MEDSTR-W' : fjvCode);
    const surgWard = (fjvCode: string): string => (site === 'STR' && r.chance(0.6) ? 'SURGSTR-W' : fjvCode);

    // acute episodes
    const acuteRate = age < 5 ? 0.3 : age < 40 ? 0.13 : age < 65 ? 0.19 : age < 80 ? 0.36 : 0.6;
    const nAcute = r.poisson(acuteRate * years);
    for (let k = 0; k < nAcute; k++) {
      const day = r.int(worldDays);
      const w = [
        age > 35 ? 1.2 + age / 50 : 0.2, // chest pain
        age > 50 ? 1.5 : 0.5, // pneumonia / COPD
        age > 65 ? 1.2 : 0, // hip fracture
        age > 50 ? 0.9 : 0.05, // stroke
        1, // abdominal
        0.7, // infection
        age > 40 ? 0.4 : 0.1, // GI bleed
        2.2, // injury
        age < 16 ? 4 : 0, // child
        age >= 15 && age < 70 ? 0.6 : 0, // psychiatric crisis
        0.15, // intensive care
        age >= 80 ? 2 : 0, // frail elderly
      ];
      let end = 0;
      switch (r.weighted(w)) {
        case 0:
          end = acute(
            day,
            r.chance(0.4)
              ? [
                  ['CARD-CCU', 1, 2],
                  [medWard('CARD-W'), 1, 4],
                ]
              : [[medWard('CARD-W'), 1, 4]],
            0.5,
          );
          if (r.chance(0.4)) opdVisit(U('CARD-O'), Math.floor(end / 1440) + r.between(30, 90), -1);
          break;
        case 1:
          end = acute(day, [[medWard('PULM-W'), 2, 8]], 0.65);
          break;
        case 2:
          end = acute(
            day,
            r.chance(0.35)
              ? [
                  ['ORTH-W', 3, 7],
                  [r.chance(0.6) ? 'GERI-W' : 'REHAB-W', 4, 20],
                ]
              : [['ORTH-W', 3, 7]],
            1,
            EF_HIPFX,
          );
          opdVisit(U('ORTH-O'), Math.floor(end / 1440) + r.between(35, 60), -1);
          break;
        case 3:
          end = acute(
            day,
            r.chance(0.35)
              ? [
                  ['NEUR-W', 4, 10],
                  ['REHAB-W', 14, 30],
                ]
              : [['NEUR-W', 3, 9]],
            0.9,
            EF_STROKE,
          );
          if (r.chance(0.6)) opdVisit(U('NEUR-O'), Math.floor(end / 1440) + r.between(60, 100), -1);
          break;
        case 4:
          end = acute(day, [[surgWard('GSUR-W'), 1, 6]], 0.5);
          if (r.chance(0.3)) order(U('PAT'), Math.floor(end / 1440) - 1);
          break;
        case 5:
          end = acute(day, [[medWard('INF-W'), 2, 9]], 0.55);
          if (r.chance(0.5)) order(U('MIC'), day + 1);
          break;
        case 6:
          end = acute(day, [[medWard('GAST-W'), 1, 5]], 0.6);
          if (r.chance(0.4)) opdVisit(U('GAST-O'), Math.floor(end / 1440) + r.between(20, 60), -1);
          break;
        case 7:
          end = acute(day, [[surgWard('ORTH-W'), 1, 5]], 0.15);
          if (r.chance(0.25)) opdVisit(U('ORTH-O'), Math.floor(end / 1440) + r.between(10, 45), -1);
          break;
        case 8:
          end = acute(day, [['PED-W', 1, 4]], 0.35);
          if (r.chance(0.2)) opdVisit(U('PED-O'), Math.floor(end / 1440) + r.between(20, 60), -1);
          break;
        case 9: {
          end = acute(
            day,
            r.chance(0.3)
              ? [
                  ['APSY-W', 5, 21],
                  ['DPSH-W', 10, 40],
                ]
              : [['APSY-W', 3, 18]],
            0.55,
          );
          const dps = pe.muni < MUNICIPALITIES.length && MUNICIPALITIES[pe.muni]!.site === 'HGV' ? 'DPSH-O' : 'DPSF-O';
          const resp = pickOpdClinician(U(dps), r);
          const n = r.between(4, 14);
          let d = Math.floor(end / 1440) + r.between(7, 21);
          for (let v = 0; v < n; v++, d += r.between(7, 14))
            opdVisit(U(dps), d, r.chance(0.85) ? resp : -1, ENC_OUTPATIENT, 45);
          break;
        }
        case 10:
          end = acute(
            day,
            [
              ['ICU-W', 2, 7],
              [medWard('INF-W'), 3, 9],
            ],
            1,
          );
          break;
        case 11:
          end = acute(day, [[medWard('GERI-W'), 3, 10]], 0.7);
          break;
      }
      // readmission (reinnleggelse) within a month
      if (end > 0 && r.chance(age >= 70 ? 0.16 : 0.07)) {
        const d = Math.floor(end / 1440) + r.between(2, 30);
        acute(d, [[medWard(r.pick(['GERI-W', 'PULM-W', 'CARD-W', 'INF-W'])), 1, 6]], 0.9);
      }
    }

    // elective pathways via referral
    if (age >= 18) {
      const nElective = r.poisson((age < 50 ? 0.16 : 0.3) * years);
      for (let k = 0; k < nElective; k++) {
        const day = r.int(worldDays);
        const kind = r.weighted([
          age > 40 ? 1.2 : 0.4, // orthopaedics
          0.8, // general surgery
          pe.sex === 1 && age > 45 ? 0.8 : 0.1, // urology
          0.8, // ENT
          age > 55 ? 1.2 : 0.5, // eye
          pe.sex === 0 ? 1.2 : 0, // gynaecology
          0.6, // cardiology
          0.6, // gastro / endoscopy
          0.5, // neurology
          0.4, // pulmonology
        ]);
        const opd = ['ORTH-O', 'GSUR-O', 'URO-O', 'ENT-O', 'EYE-O', 'GYN-O', 'CARD-O', 'GAST-O', 'NEUR-O', 'PULM-O'][
          kind
        ]!;
        const u =
          site === 'STR' && (kind === 1 || kind === 0) && r.chance(0.5)
            ? U('SURGSTR-O')
            : site === 'STR' && kind >= 6 && r.chance(0.5)
              ? U('MEDSTR-O')
              : U(opd);
        const firstVisit = referral(u, day);
        const resp = pickOpdClinician(u, r);
        let d = firstVisit;
        const visits = r.weighted([0, 50, 30, 15, 5]);
        for (let v = 0; v < visits; v++, d += r.between(20, 100)) opdVisit(u, d, r.chance(0.8) ? resp : -1);
        if (kind <= 2 && r.chance(0.45)) {
          const sd2 = workday(d + r.between(20, 90));
          const ward = kind === 0 ? 'ORTH-W' : kind === 1 ? surgWard('GSUR-W') : 'URO-W';
          if (r.chance(0.4)) opdVisit(U('DAYS'), sd2, -1, ENC_OUTPATIENT, 240);
          else admit(U(ward), sd2 * 1440 + 7 * 60 + r.int(60), r.between(1, 4), -1);
          if (r.chance(0.5)) order(U('PAT'), sd2 + 1);
          opdVisit(u, sd2 + r.between(40, 90), r.chance(0.7) ? resp : -1);
        } else if ((kind === 3 || kind === 5) && r.chance(0.15)) {
          opdVisit(U('DAYS'), d + r.between(20, 60), -1, ENC_OUTPATIENT, 180);
        }
        if (kind === 5 && r.chance(0.3)) order(U('PAT'), firstVisit);
      }
    } else if (r.chance(0.04 * years)) {
      const firstVisit = referral(U('PED-O'), r.int(worldDays));
      const resp = pickOpdClinician(U('PED-O'), r);
      for (let v = 0, d = firstVisit; v < r.between(1, 4); v++, d += r.between(30, 120)) opdVisit(U('PED-O'), d, resp);
    }

    // births
    if (pe.sex === 0 && age >= 21 && age <= 43) {
      const nBirth = r.poisson(0.055 * years);
      for (let k = 0; k < nBirth; k++) {
        const day = r.int(worldDays);
        opdVisit(U('GYN-O'), day - 140, -1);
        if (r.chance(0.5)) opdVisit(U('GYN-O'), day - r.between(20, 60), -1);
        const st = day * 1440 + r.int(1440);
        const [i, end] = admit(U('OBST-W'), st, r.chance(0.8) ? 0 : 1, -1);
        admit(U('PP-W'), end, r.between(1, 4), i);
      }
    }

    // chronic programmes: long-term patients seen regularly for years
    const chronic = (unitCode: string, every: number, jitter: number, cancer = false): void => {
      const unit = U(unitCode);
      const resp = pickOpdClinician(unit, r);
      const from = r.chance(0.7) ? -r.int(2000) : r.int(worldDays);
      const to = r.chance(0.9) ? worldDays + 400 : from + r.between(200, 900);
      programs.push({ patient: p, unit, resp, from, to, cancer });
      if (resp >= 0 && r.chance(0.6)) rel.add(p, resp, -1, Math.max(0, from) * 1440, -1, 0);
      let d = Math.max(from, 0) + r.int(every);
      while (d < Math.min(to, worldDays)) {
        opdVisit(unit, d, r.chance(0.8) ? resp : -1, ENC_OUTPATIENT, unitCode === 'ONC-O' ? 180 : 30);
        if (r.chance(0.35)) order(labFor(site), d - r.between(1, 5));
        d += Math.max(3, every + Math.round(r.normal() * jitter));
      }
      // acute deteriorations of long-term patients
      if (unitCode === 'PULM-O')
        for (let k = r.poisson(0.6 * years); k > 0; k--) acute(r.int(worldDays), [[medWard('PULM-W'), 2, 8]], 0.8);
      if (unitCode === 'CARD-O')
        for (let k = r.poisson(0.3 * years); k > 0; k--) acute(r.int(worldDays), [[medWard('CARD-W'), 2, 6]], 0.7);
    };
    if (age > 50 && r.chance(0.0012)) {
      // haemodialysis three times a week
      const unit = U('NEPH-D');
      const resp = pickOpdClinician(unit, r);
      const from = r.chance(0.6) ? 0 : r.int(worldDays);
      const to = r.chance(0.85) ? worldDays : from + r.between(100, 500);
      const mwf = r.chance(0.5);
      programs.push({ patient: p, unit, resp, from, to, cancer: false });
      if (r.chance(0.7)) rel.add(p, -1, unit, from * 1440, -1, 0);
      const slot = r.chance(0.5) ? 7 * 60 + 30 : 12 * 60;
      for (let d = from; d < Math.min(to, worldDays); d++) {
        const dw = cal.dow[d]!;
        if (!(mwf ? dw === 0 || dw === 2 || dw === 4 : dw === 1 || dw === 3 || dw === 5)) continue;
        const st = d * 1440 + slot + r.int(20);
        add(unit, st, st + 240, ENC_OUTPATIENT, resp, -1, -1, 0);
      }
    }
    if (age > 60 && r.chance(0.05)) chronic('CARD-O', 100, 30);
    if (age > 55 && r.chance(0.035)) chronic('PULM-O', 150, 40);
    if (age >= 18 && age < 65 && r.chance(0.012)) chronic('GAST-O', 120, 30);
    if (age >= 15 && r.chance(0.01)) chronic('NEUR-O', 180, 40);
    if (age > 50 && r.chance(0.012)) chronic(site === 'STR' ? 'MEDSTR-O' : 'NEPH-O', 120, 30);
    if (age >= 18 && age < 70 && r.chance(0.018)) chronic(site === 'HGV' ? 'DPSH-O' : 'DPSF-O', 14, 4);
    if (age >= 18 && age < 60 && r.chance(0.004)) chronic('RUS-O', 21, 7);
    if (age < 18 && r.chance(0.005)) chronic('PED-O', 90, 20);
    if (age > 70 && r.chance(0.01)) chronic('GERI-O', 120, 30);
    if (age > 40 && r.chance(0.006 * years)) {
      // cancer pathway: referral, diagnostics, surgery, chemotherapy every three weeks, then controls for years
      const day = r.int(worldDays);
      const u = U(r.pick(['GSUR-O', 'PULM-O', 'URO-O', pe.sex === 0 ? 'GYN-O' : 'GAST-O']));
      let d = referral(u, day);
      opdVisit(u, d, -1);
      order(radFor(site), d + 2);
      order(U('PAT'), d + 3);
      if (r.chance(0.5)) {
        const [, end] = admit(
          U(r.pick(['GSUR-W', 'URO-W', 'PULM-W'])),
          workday(d + r.between(14, 30)) * 1440 + 7 * 60,
          r.between(2, 7),
          -1,
          EF_CANCER,
        );
        d = Math.floor(end / 1440);
      }
      const onc = U('ONC-O');
      const resp = pickOpdClinician(onc, r);
      programs.push({ patient: p, unit: onc, resp, from: d, to: d + 540, cancer: true });
      if (resp >= 0 && r.chance(0.6)) rel.add(p, resp, -1, d * 1440, -1, 0);
      let t = d + r.between(14, 28);
      for (let c = r.between(4, 8); c > 0; c--, t += 21)
        opdVisit(onc, t, r.chance(0.85) ? resp : -1, ENC_OUTPATIENT, 240);
      for (let c = 0; c < 6; c++, t += 90) opdVisit(onc, t, r.chance(0.85) ? resp : -1);
      if (r.chance(0.25))
        admit(U('ONC-W'), (d + r.between(30, 200)) * 1440 + r.int(1440), r.between(2, 8), -1, EF_CANCER);
    }

    // GP requisitions to the hospital laboratories and radiology
    const labRate = age < 18 ? 0.12 : age < 50 ? 0.35 : age < 70 ? 0.6 : 0.9;
    for (let k = r.poisson(labRate * years); k > 0; k--) order(labFor(site), r.int(worldDays));
    for (let k = r.poisson((age < 40 ? 0.05 : 0.12) * years); k > 0; k--) order(radFor(site), r.int(worldDays));
    if (pe.sex === 0 && age >= 25 && age <= 69)
      for (let k = r.poisson(0.15 * years); k > 0; k--) order(U('PAT'), r.int(worldDays));

    list.sort((a, b) => enc.start[a]! - enc.start[b]!);
    for (const i of list) register(p, i, lastEnc);
  }

  function pickOpdClinician(unit: number, r: Rng): number {
    const x = r.next();
    const phys = staffOf(unit, 'physician');
    const nur = staffOf(unit, 'nurse');
    const ther = staffOf(unit, 'therapist');
    if (ther.length > 0 && x < 0.12) return ther[r.int(ther.length)]!;
    if (nur.length > 0 && (x < 0.4 || phys.length === 0)) return nur[r.int(nur.length)]!;
    if (phys.length > 0) return phys[r.int(phys.length)]!;
    const sp = sectionPhysicians(unit);
    return sp.length > 0 ? sp[r.int(sp.length)]! : -1;
  }

  const startsByDay = DayIndex.build(worldDays, (emit) => {
    for (let i = 0; i < enc.n; i++) emit(Math.floor(enc.start[i]! / 1440), i);
  });

  // patients' requests for a copy of their record, complaints handled by the quality unit
  const rngAdm = new Rng(seed, 606);
  for (let d = H; d < periodEnd; d++) {
    if (cal.offDay(d)) continue;
    for (let k = rngAdm.poisson((persons.length * 0.006) / 250); k > 0; k--) {
      const p = rngAdm.int(persons.length);
      if (firstEncOfPatient[p]! < 0) continue;
      pushTask(d, { type: T_PATRQT, enc: -1, patient: p, staff: -1, minute: -1 });
    }
    for (let k = rngAdm.poisson((persons.length * 0.0015) / 250); k > 0; k--) {
      const day = d - rngAdm.between(20, 300);
      const starts = startsByDay.of(day);
      if (starts.length === 0) continue;
      const e = starts[rngAdm.int(starts.length)]!;
      if (enc.kind[e] !== ENC_INPATIENT && enc.kind[e] !== ENC_EMERGENCY) continue;
      pushTask(d, { type: T_COMPLAINT, enc: e, patient: enc.patient[e]!, staff: -1, minute: -1 });
      if (rngAdm.chance(0.5))
        pushTask(addWorkdays(d, rngAdm.between(1, 10)), {
          type: T_PATRQT,
          enc: -1,
          patient: enc.patient[e]!,
          staff: -1,
          minute: -1,
        });
    }
  }
  // work per logged day: inpatient stays on every day they span (plus the night after), other kinds on their start day
  const activeByDay = DayIndex.build(P + 2, (emit) => {
    for (let i = 0; i < enc.n; i++) {
      const s = Math.floor(enc.start[i]! / 1440);
      if (enc.kind[i] === ENC_INPATIENT) {
        const e = Math.floor(enc.end[i]! / 1440);
        for (let d = Math.max(s, H); d <= Math.min(e, periodEnd); d++) emit(d - H, i);
      } else if (s >= H - 2 && s <= periodEnd + 2) {
        emit(s - H, i);
      }
    }
  });
  const tasksByDay: Task[][] = Array.from({ length: P + 1 }, () => []);
  for (const [d, t] of tasks) tasksByDay[d]!.push(t);

  return {
    opts,
    cal,
    p0: H,
    p1: periodEnd,
    depts,
    unitByCode,
    sectionUnits,
    persons,
    households,
    addresses,
    buildings,
    staff,
    staffByUnit,
    physiciansBySection,
    system,
    enc,
    rel,
    tasksByDay,
    programs,
    activeByDay,
    startsByDay,
    firstEncOfPatient,
    byFullName,
  };
}

/** Iterate a patient's encounters in start order. */
export function* encountersOf(w: World, p: number): Generator<number> {
  for (let i = w.firstEncOfPatient[p]!; i >= 0; i = w.enc.nextOfPatient[i]!) yield i;
}

/** Stateless per-staff coin for decisions that must agree between passes. */
export function staffCoin(w: World, s: number, a: number, b = 0): number {
  return hunit(w.opts.seed, s, a, b);
}
