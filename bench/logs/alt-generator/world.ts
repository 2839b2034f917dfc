// The simulated region: households and addresses, two hospital sites, their units and staff, duty rosters and every
// patient contact (encounter) with the care relations that get documented for it.

import {
  COMMON_FAMILY_NAMES,
  FEMALE_GIVEN,
  MALE_GIVEN,
  MUNICIPALITIES,
  SITES,
  SPECIALTIES,
  farmNames,
} from './names.js';
import { DAY, HOUR, MINUTE, osloLocalToUtc, osloOffsetMs } from './oslo-time.js';
import { Rng, WeightedSampler, hashString, permute32, pickWeighted, unit } from './rng.js';

export type Role =
  'physician' | 'nurse' | 'secretary' | 'lab' | 'radiology' | 'pharmacist' | 'therapist' | 'admin' | 'it' | 'other';
export type DeptKind =
  'ward' | 'outpatient' | 'emergency' | 'lab' | 'radiology' | 'pharmacy' | 'administration' | 'other';
export type EncKind = 'inpatient' | 'outpatient' | 'emergency' | 'referral' | 'order' | 'other';
export type UnitType =
  | 'site'
  | 'clinic'
  | 'ward'
  | 'icu'
  | 'outpatient'
  | 'er'
  | 'lab'
  | 'rad'
  | 'pharmacy'
  | 'therapy'
  | 'patadmin'
  | 'doc'
  | 'it'
  | 'quality'
  | 'research'
  | 'palliative';
export type Job =
  | 'nurse'
  | 'doctor'
  | 'resident'
  | 'radiologist'
  | 'secretary'
  | 'biomed'
  | 'radiographer'
  | 'pharmacist'
  | 'therapist'
  | 'registrar'
  | 'coder'
  | 'archivist'
  | 'it'
  | 'integration'
  | 'quality'
  | 'researcher';
export type Pattern = 'rotating' | 'night' | 'office' | 'physician' | 'erdoc' | 'lab' | 'system';
export type ShiftKind = 'day' | 'evening' | 'night' | 'oncall' | 'office' | 'system';

export const ACTIONS = ['read', 'search', 'print', 'export', 'update', 'create'] as const;
export const A_READ = 0;
export const A_SEARCH = 1;
export const A_PRINT = 2;
export const A_EXPORT = 3;
export const A_UPDATE = 4;
export const A_CREATE = 5;
export const PURPOSES = ['', 'TREAT', 'ETREAT', 'HOPERAT', 'HPAYMT', 'HRESCH', 'PATRQT'] as const;
export const P_NONE = 0;
export const P_TREAT = 1;
export const P_ETREAT = 2;
export const P_HOPERAT = 3;
export const P_HPAYMT = 4;
export const P_HRESCH = 5;
export const P_PATRQT = 6;

export const OPEN = 1e9;

export interface Config {
  out: string;
  events: number;
  seed: string;
  days: number;
  /** First day of the window, as days since 1970-01-01 (Oslo calendar). */
  startDay: number;
  format: 'csv' | 'fhir';
}

export interface Address {
  id: string;
  muni: number;
  flats: boolean;
}

export interface Household {
  address: number;
  muni: number;
  members: number[];
}

export interface Person {
  idx: number;
  family: string;
  given: string;
  female: boolean;
  birthYear: number;
  address: number;
  muni: number;
  household: number;
  relatives: number[];
  util: number;
  staff: number;
  pid: string;
  encs: Enc[];
}

export interface Dept {
  idx: number;
  id: string;
  name: string;
  kind: DeptKind;
  unit: UnitType;
  parent: string;
  site: number;
  spec: number;
  beds: number;
  los: number;
  acute: number;
  ws: string[];
  app: string;
  costCenter: string;
}

export interface Staff {
  idx: number;
  id: string;
  person: number;
  role: Role;
  job: Job;
  title: string;
  home: number;
  site: number;
  spec: number;
  /** Window day indices; `from` may be far negative, `to` is OPEN while still employed. */
  from: number;
  to: number;
  fromKnown: boolean;
  pattern: Pattern;
  intensity: number;
  manager: boolean;
  rotation: number[];
  rotPhase: number;
  vpn: string;
  studies: number[];
  vacStart: number;
  exPartner: number;
  hideAddress: boolean;
}

export interface Enc {
  id: string;
  person: number;
  dept: number;
  kind: EncKind;
  start: number;
  end: number;
  d0: number;
  d1: number;
  doc: number;
  nurse: number;
  admitTo: number;
  consultDoc: number;
  consultDay: number;
  therapy: boolean;
  palliative: boolean;
  historic: boolean;
  priority: string;
}

export interface Study {
  id: string;
  name: string;
  spec: number;
  staff: number[];
  patients: number[];
  enrolDay: number[];
}

export interface Shift {
  kind: ShiftKind;
  dept: number;
  s0: number;
  s1: number;
}

export interface SiteUnits {
  er: number;
  icu: number;
  lab: number;
  micro: number;
  rad: number;
  therapy: number;
  patadmin: number;
  wards: number[];
  clinics: number[];
  wardBySpec: Map<number, number>;
  clinicBySpec: Map<number, number>;
}

export interface World {
  cfg: Config;
  seedHash: number;
  startDow: number;
  addresses: Address[];
  households: Household[];
  persons: Person[];
  depts: Dept[];
  staff: Staff[];
  encs: Enc[];
  studies: Study[];
  sites: SiteUnits[];
  central: { pharmacy: number; doc: number; it: number; quality: number; research: number; palliative: number };
  specs: number[];
  catchment: { persons: number[]; sampler: WeightedSampler }[];
  deptDoctors: number[][];
  deptNurses: number[][];
  specDoctors: Map<string, number[]>;
  windowStartUtc: number;
  windowEndUtc: number;
  refYear: number;
  addrKey: number;
  addrSeq: number;
  surnames: string[];
}

// ---------------------------------------------------------------------------------------------------------------
// Time helpers

export function localMidnight(w: World, d: number): number {
  return (w.cfg.startDay + d) * DAY;
}

/** UTC instant of a wall-clock time `minutes` after local midnight of window day d (may exceed 24h). */
export function utcAt(w: World, d: number, minutes: number): number {
  return osloLocalToUtc(localMidnight(w, d) + Math.round(minutes * MINUTE));
}

export function dayOf(w: World, utc: number): number {
  return Math.floor((utc + osloOffsetMs(utc)) / DAY) - w.cfg.startDay;
}

export function localHour(utc: number): number {
  const local = utc + osloOffsetMs(utc);
  return (((local % DAY) + DAY) % DAY) / HOUR;
}

export function weekday(w: World, d: number): number {
  return (((w.startDow + d) % 7) + 7) % 7;
}

export function isWeekend(w: World, d: number): boolean {
  const x = weekday(w, d);
  return x === 0 || x === 6;
}

// ---------------------------------------------------------------------------------------------------------------
// Rosters

/** Where a member of staff works on day d (residents rotate; ward physicians spend some days in the clinic). */
export function deptOn(w: World, st: Staff, d: number): number {
  if (st.rotation.length > 0) {
    const block = Math.floor((d + st.rotPhase) / 42);
    return st.rotation[((block % st.rotation.length) + st.rotation.length) % st.rotation.length] as number;
  }
  if (st.job === 'doctor') {
    const home = w.depts[st.home] as Dept;
    if (home.unit === 'ward' && !isWeekend(w, d) && unit(w.seedHash, st.idx, d, 3) < 0.3) {
      const clinic = w.sites[home.site]?.clinicBySpec.get(home.spec);
      if (clinic !== undefined) return clinic;
    }
  }
  return st.home;
}

function patternOn(w: World, st: Staff, dept: number): Pattern {
  if (st.rotation.length > 0) return (w.depts[dept] as Dept).unit === 'er' ? 'erdoc' : 'physician';
  return st.pattern;
}

/** The shift a member of staff works on day d, or null (off duty, on holiday, not employed). Pure function of the seed. */
export function shiftOf(w: World, st: Staff, d: number): Shift | null {
  if (d < st.from || d > st.to) return null;
  if (st.vacStart >= 0 && d >= st.vacStart && d < st.vacStart + 7) return null;
  const weekend = isWeekend(w, d);
  const u = unit(w.seedHash, st.idx, d, 0);
  const u2 = unit(w.seedHash, st.idx, d, 1);
  const dept = deptOn(w, st, d);
  let kind: ShiftKind;
  let from: number;
  let to: number;
  let workP = 0;
  let dayP = 0;
  let eveP = 0;
  switch (patternOn(w, st, dept)) {
    case 'system':
      return { kind: 'system', dept, s0: utcAt(w, d, 0), s1: utcAt(w, d, 24 * 60) - 1000 };
    case 'office':
      if (weekend ? u >= 0.03 : u >= 0.9) return null;
      kind = 'office';
      from = weekend ? 9 * 60 : 8 * 60;
      to = weekend ? 14 * 60 : 15 * 60 + 45;
      break;
    case 'night':
      if (u >= 0.42) return null;
      kind = 'night';
      from = 22 * 60 + 15;
      to = 31 * 60 + 45;
      break;
    case 'physician':
      if (unit(w.seedHash, st.idx, d, 2) < 0.11) {
        kind = 'oncall';
        from = weekend ? 9 * 60 : 15 * 60 + 30;
        to = 32 * 60;
      } else {
        if (weekend || u >= 0.88) return null;
        kind = 'day';
        from = 8 * 60;
        to = 16 * 60;
      }
      break;
    case 'rotating':
      workP = weekend ? 0.5 : 0.6;
      dayP = 0.45;
      eveP = 0.35;
      break;
    case 'erdoc':
      workP = 0.6;
      dayP = 0.45;
      eveP = 0.33;
      break;
    case 'lab':
      workP = weekend ? 0.35 : 0.7;
      dayP = 0.72;
      eveP = 0.18;
      break;
  }
  if (workP > 0) {
    if (u >= workP) return null;
    if (u2 < dayP) {
      kind = 'day';
      from = 7 * 60 + 30;
      to = 15 * 60 + 30;
    } else if (u2 < dayP + eveP) {
      kind = 'evening';
      from = 15 * 60;
      to = 22 * 60 + 30;
    } else {
      kind = 'night';
      from = 22 * 60 + 15;
      to = 31 * 60 + 45;
    }
  }
  const jitter = (unit(w.seedHash, st.idx, d, 4) - 0.5) * 20;
  return { kind: kind!, dept, s0: utcAt(w, d, from! + jitter), s1: utcAt(w, d, to! + jitter) };
}

export function workstation(w: World, st: Staff, dept: number, rng: Rng): string {
  const pool = (w.depts[dept] as Dept).ws;
  const x = rng.next();
  if (x < 0.05 || pool.length === 0) return '';
  if (x < 0.8) return pool[(st.idx * 7 + dept) % pool.length] as string;
  return rng.pick(pool);
}

/** How often each kind of user's applications record a purpose: clinicians mostly leave it empty or say TREAT. */
export function clinicalPurpose(rng: Rng, st: Staff): number {
  switch (st.job) {
    case 'biomed':
    case 'radiographer':
      return rng.chance(0.15) ? P_TREAT : P_NONE;
    case 'coder':
      return rng.chance(0.65) ? P_HOPERAT : rng.chance(0.3) ? P_HPAYMT : P_NONE;
    case 'registrar':
    case 'it':
    case 'integration':
    case 'quality':
      return rng.chance(0.6) ? P_HOPERAT : P_NONE;
    case 'archivist':
      return rng.chance(0.8) ? P_PATRQT : P_NONE;
    case 'researcher':
      return rng.chance(0.9) ? P_HRESCH : P_NONE;
    case 'nurse':
    case 'doctor':
    case 'resident':
    case 'radiologist':
    case 'secretary':
    case 'pharmacist':
    case 'therapist':
      return rng.chance(0.55) ? P_TREAT : P_NONE;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Building

function surnameSampler(): { names: string[]; sampler: WeightedSampler } {
  const names: string[] = [];
  const weights: number[] = [];
  let commonTotal = 0;
  for (const [, wgt] of COMMON_FAMILY_NAMES) commonTotal += wgt;
  for (const [n, wgt] of COMMON_FAMILY_NAMES) {
    names.push(n);
    weights.push((0.42 * wgt) / commonTotal);
  }
  const farm = farmNames();
  let farmTotal = 0;
  for (let i = 0; i < farm.length; i++) farmTotal += 1 / (i + 12);
  // A fixed shuffle of the farm names so the heavy ones are not all from the first prefix.
  const order = farm.map((n, i) => ({ n, k: permute32(i, 0x51f15e) })).sort((a, b) => a.k - b.k);
  order.forEach((o, i) => {
    names.push(o.n);
    weights.push((0.58 * (1 / (i + 12))) / farmTotal);
  });
  return { names, sampler: new WeightedSampler(weights) };
}

function utilisation(rng: Rng, birthYear: number, refYear: number): number {
  const age = refYear - birthYear;
  const base = age < 6 ? 1.4 : age < 18 ? 0.55 : age < 40 ? 0.7 : age < 60 ? 1 : age < 75 ? 2 : 3.4;
  return base * Math.exp(0.95 * rng.normal() - 0.45);
}

export function addAddress(w: World, muni: number, flats: boolean): number {
  w.addresses.push({ id: `adr-${permute32(w.addrSeq++, w.addrKey).toString(16).padStart(8, '0')}`, muni, flats });
  return w.addresses.length - 1;
}

export function addHousehold(w: World, muni: number, address: number): number {
  w.households.push({ address, muni, members: [] });
  return w.households.length - 1;
}

export function addPerson(w: World, rng: Rng, hh: number, family: string, female: boolean, birthYear: number): number {
  const h = w.households[hh]!;
  const idx = w.persons.length;
  w.persons.push({
    idx,
    family,
    given: rng.pick(female ? FEMALE_GIVEN : MALE_GIVEN),
    female,
    birthYear,
    address: h.address,
    muni: h.muni,
    household: hh,
    relatives: [],
    util: utilisation(rng, birthYear, w.refYear),
    staff: -1,
    pid: '',
    encs: [],
  });
  h.members.push(idx);
  return idx;
}

export function linkKin(w: World, a: number, b: number): void {
  if (a === b) return;
  w.persons[a]!.relatives.push(b);
  w.persons[b]!.relatives.push(a);
}

function buildPopulation(w: World, rng: Rng, target: number): void {
  const { names, sampler } = surnameSampler();
  w.surnames = names;
  const surname = (): string => names[sampler.sample(rng)] as string;
  const refYear = w.refYear;
  const totalWeight = MUNICIPALITIES.reduce((a, m) => a + m.weight, 0);
  const openBlock: { address: number; left: number }[] = MUNICIPALITIES.map(() => ({ address: -1, left: 0 }));

  const newAddress = (muni: number): number => {
    const m = MUNICIPALITIES[muni]!;
    if (rng.chance(m.flats)) {
      const b = openBlock[muni]!;
      if (b.left <= 0) {
        b.address = addAddress(w, muni, true);
        b.left = rng.range(4, 40);
      }
      b.left--;
      return b.address;
    }
    return addAddress(w, muni, false);
  };
  const newHousehold = (muni: number): number => {
    const noAddress = rng.chance(0.008);
    return addHousehold(w, noAddress && rng.chance(0.5) ? -1 : muni, noAddress ? -1 : newAddress(muni));
  };
  const link = (a: number, b: number): void => linkKin(w, a, b);
  const otherMuni = (muni: number): number => {
    const site = MUNICIPALITIES[muni]!.site;
    const x = rng.next();
    if (x < 0.6) return muni;
    const pool = MUNICIPALITIES.map((m, i) => ({ m, i })).filter((o) =>
      x < 0.9 ? o.m.site === site : o.m.site !== site,
    );
    return pool.length > 0 ? rng.pick(pool).i : muni;
  };
  /** A couple (or single adult) household with children; returns the member indices. */
  const family = (muni: number, family: string, born: number, couple: boolean, kids: number): number[] => {
    const hh = newHousehold(muni);
    const female = rng.chance(0.5);
    const a = addPerson(w, rng, hh, family, female, born);
    const members = [a];
    let partnerFamily = family;
    if (couple) {
      partnerFamily = rng.chance(0.6) ? family : surname();
      members.push(addPerson(w, rng, hh, partnerFamily, !female, born + rng.range(-5, 5)));
    }
    const kidFamily = rng.chance(0.85) ? family : partnerFamily;
    for (let k = 0; k < kids; k++) {
      const by = Math.min(refYear - 1, born + rng.range(23, 40));
      members.push(addPerson(w, rng, hh, kidFamily, rng.chance(0.5), by));
    }
    return members;
  };

  for (let mi = 0; mi < MUNICIPALITIES.length; mi++) {
    const goal = Math.round((target * MUNICIPALITIES[mi]!.weight) / totalWeight);
    const start = w.persons.length;
    while (w.persons.length - start < goal) {
      const x = rng.next();
      if (x < 0.18) {
        // Single adult, students, young workers.
        family(mi, surname(), rng.range(1960, refYear - 19), false, 0);
        continue;
      }
      // A clan: an older couple (or widow) and grown children with households of their own, same family name.
      const clan = surname();
      const elderBorn = rng.range(1930, 1966);
      const elders = family(mi, clan, elderBorn, rng.chance(0.72), 0);
      const nChildren = pickWeighted(rng, [0.15, 0.25, 0.35, 0.18, 0.07]);
      const siblings: number[] = [];
      for (let c = 0; c < nChildren; c++) {
        const childBorn = Math.min(refYear - 18, elderBorn + rng.range(22, 38));
        const female = rng.chance(0.5);
        const keepsName = female ? rng.chance(0.62) : rng.chance(0.95);
        const childFamily = keepsName ? clan : surname();
        const couple = rng.chance(0.68);
        const kids = couple ? pickWeighted(rng, [0.25, 0.25, 0.35, 0.15]) : pickWeighted(rng, [0.7, 0.2, 0.1]);
        const members = family(otherMuni(mi), childFamily, childBorn, couple, kids);
        const child = members[0]!;
        w.persons[child]!.female = female;
        w.persons[child]!.given = rng.pick(female ? FEMALE_GIVEN : MALE_GIVEN);
        for (const e of elders) link(e, child);
        for (const s of siblings) link(s, child);
        siblings.push(child);
      }
    }
  }
}

interface StaffTemplate {
  job: Job;
  role: Role;
  count: number;
}

function templatesFor(unitType: UnitType): StaffTemplate[] {
  const t = (job: Job, role: Role, count: number): StaffTemplate => ({ job, role, count });
  switch (unitType) {
    case 'ward':
      return [t('nurse', 'nurse', 30), t('doctor', 'physician', 4), t('secretary', 'secretary', 2)];
    case 'icu':
      return [t('nurse', 'nurse', 32), t('doctor', 'physician', 5)];
    case 'outpatient':
      return [t('nurse', 'nurse', 5), t('secretary', 'secretary', 5), t('doctor', 'physician', 4)];
    case 'er':
      return [t('nurse', 'nurse', 26), t('doctor', 'physician', 5), t('secretary', 'secretary', 4)];
    case 'lab':
      return [t('biomed', 'lab', 24)];
    case 'rad':
      return [t('radiographer', 'radiology', 16), t('radiologist', 'physician', 6), t('secretary', 'secretary', 3)];
    case 'therapy':
      return [t('therapist', 'therapist', 12)];
    case 'patadmin':
      return [t('registrar', 'admin', 8)];
    case 'pharmacy':
      return [t('pharmacist', 'pharmacist', 10)];
    case 'doc':
      return [t('coder', 'admin', 8), t('archivist', 'admin', 4)];
    case 'it':
      return [t('it', 'it', 5)];
    case 'quality':
      return [t('quality', 'other', 4)];
    case 'research':
      return [t('researcher', 'other', 6)];
    case 'palliative':
      return [t('nurse', 'nurse', 4), t('doctor', 'physician', 2)];
    case 'site':
    case 'clinic':
      return [];
  }
}

const TITLES: Record<Job, readonly string[]> = {
  nurse: ['sykepleier', 'sykepleier', 'sykepleier', 'spesialsykepleier', 'helsefagarbeider'],
  doctor: ['overlege', 'overlege', 'lege i spesialisering'],
  resident: ['lege i spesialisering'],
  radiologist: ['overlege radiologi'],
  secretary: ['helsesekretær', 'merkantil konsulent'],
  biomed: ['bioingeniør'],
  radiographer: ['radiograf'],
  pharmacist: ['farmasøyt', 'provisorfarmasøyt'],
  therapist: ['fysioterapeut', 'ergoterapeut'],
  registrar: ['konsulent pasientkontor'],
  coder: ['kodekonsulent'],
  archivist: ['arkivmedarbeider'],
  it: ['IT-konsulent', 'systemforvalter'],
  integration: ['systemkonto'],
  quality: ['kvalitetsrådgiver'],
  researcher: ['forsker', 'studiesykepleier', 'ph.d.-kandidat'],
};

function patternFor(job: Job, unitType: UnitType, rng: Rng): Pattern {
  switch (job) {
    case 'nurse':
      if (unitType === 'outpatient' || unitType === 'palliative') return 'office';
      return rng.chance(0.12) ? 'night' : 'rotating';
    case 'doctor':
      return unitType === 'er' ? 'erdoc' : 'physician';
    case 'resident':
    case 'radiologist':
      return 'physician';
    case 'biomed':
    case 'radiographer':
      return 'lab';
    case 'integration':
      return 'system';
    case 'secretary':
      return unitType === 'er' ? 'lab' : 'office';
    case 'pharmacist':
    case 'therapist':
    case 'registrar':
    case 'coder':
    case 'archivist':
    case 'it':
    case 'quality':
    case 'researcher':
      return 'office';
  }
}

const BASE_INTENSITY: Record<Job, number> = {
  nurse: 1,
  doctor: 1.25,
  resident: 1.3,
  radiologist: 1.6,
  secretary: 1.35,
  biomed: 0.9,
  radiographer: 0.9,
  pharmacist: 0.9,
  therapist: 0.55,
  registrar: 1.1,
  coder: 1.9,
  archivist: 0.45,
  it: 0.12,
  integration: 6,
  quality: 0.5,
  researcher: 0.45,
};

export function baseIntensity(job: Job): number {
  return BASE_INTENSITY[job];
}

export function buildWorld(cfg: Config): World {
  const rng = new Rng(`world:${cfg.seed}`);
  const w: World = {
    cfg,
    seedHash: hashString(`roster:${cfg.seed}`),
    startDow: new Date(cfg.startDay * DAY).getUTCDay(),
    addresses: [],
    households: [],
    persons: [],
    depts: [],
    staff: [],
    encs: [],
    studies: [],
    sites: [],
    central: { pharmacy: -1, doc: -1, it: -1, quality: -1, research: -1, palliative: -1 },
    specs: [],
    catchment: [],
    deptDoctors: [],
    deptNurses: [],
    specDoctors: new Map(),
    windowStartUtc: 0,
    windowEndUtc: 0,
    refYear: new Date(cfg.startDay * DAY).getUTCFullYear(),
    addrKey: rng.u32(),
    addrSeq: 0,
    surnames: [],
  };
  w.windowStartUtc = utcAt(w, 0, 0);
  w.windowEndUtc = utcAt(w, cfg.days, 0);

  // About 30 lookups per staff member per worked shift, about 55% of staff at work on a given day.
  const staffTarget = Math.max(120, Math.round(cfg.events / (cfg.days * 0.55 * 30)));
  const nSpecs = Math.min(SPECIALTIES.length, Math.max(5, Math.round(staffTarget / 150) + 3));
  w.specs = Array.from({ length: nSpecs }, (_, i) => i);

  buildDepartments(w, rng);
  buildPopulation(w, rng.fork('population'), Math.max(12_000, staffTarget * 80));
  buildCatchments(w);
  buildStaff(w, rng.fork('staff'), staffTarget);
  buildEncounters(w, rng.fork('encounters'));
  buildStudies(w, rng.fork('studies'));
  return w;
}

function buildDepartments(w: World, rng: Rng): void {
  const wsKey = rng.u32();
  let wsSeq = 0;
  const add = (
    site: number,
    id: string,
    name: string,
    kind: DeptKind,
    unitType: UnitType,
    parent: string,
    spec = -1,
  ): number => {
    const idx = w.depts.length;
    const app = unitType === 'lab' ? 'LIMS' : unitType === 'rad' ? 'RIS' : unitType === 'icu' ? 'ICU-kurve' : 'EPJ';
    w.depts.push({
      idx,
      id,
      name,
      kind,
      unit: unitType,
      parent,
      site,
      spec,
      beds: 0,
      los: 0,
      acute: 0,
      ws: [],
      app,
      costCenter: String(40000 + (permute32(wsSeq++, wsKey) % 60000)),
    });
    return idx;
  };
  for (let s = 0; s < SITES.length; s++) {
    const site = SITES[s]!;
    const suffix = s === 0 ? '' : `, ${site.name.split(' ')[0]}`;
    add(s, site.code, site.name, 'other', 'site', '');
    const units: SiteUnits = {
      er: -1,
      icu: -1,
      lab: -1,
      micro: -1,
      rad: -1,
      therapy: -1,
      patadmin: -1,
      wards: [],
      clinics: [],
      wardBySpec: new Map(),
      clinicBySpec: new Map(),
    };
    const clinics = new Set<string>();
    for (const si of w.specs) {
      const sp = SPECIALTIES[si]!;
      if (s > 0 && !sp.local) continue;
      const clinicId = `${site.code}.${sp.clinic}`;
      if (!clinics.has(clinicId)) {
        clinics.add(clinicId);
        add(s, clinicId, sp.clinicName + suffix, 'other', 'clinic', site.code);
      }
      const ward = add(s, `${site.code}.${sp.code}.SP`, sp.ward + suffix, 'ward', 'ward', clinicId, si);
      w.depts[ward]!.los = sp.los;
      w.depts[ward]!.acute = sp.acute;
      units.wards.push(ward);
      units.wardBySpec.set(si, ward);
      const pol = add(
        s,
        `${site.code}.${sp.code}.POL`,
        sp.outpatient + suffix,
        'outpatient',
        'outpatient',
        clinicId,
        si,
      );
      units.clinics.push(pol);
      units.clinicBySpec.set(si, pol);
    }
    units.er = add(s, `${site.code}.AKM`, `Akuttmottaket${suffix}`, 'emergency', 'er', site.code);
    units.icu = add(s, `${site.code}.INT`, `Intensiv og overvaking${suffix}`, 'ward', 'icu', site.code);
    w.depts[units.icu]!.los = 3;
    w.depts[units.icu]!.acute = 0.85;
    units.wards.push(units.icu);
    units.lab = add(s, `${site.code}.LAB`, `Laboratorium for medisinsk biokjemi${suffix}`, 'lab', 'lab', site.code);
    if (s === 0) units.micro = add(s, `${site.code}.MIK`, 'Mikrobiologisk avdeling', 'lab', 'lab', site.code);
    units.rad = add(s, `${site.code}.BDA`, `Bildediagnostikk${suffix}`, 'radiology', 'rad', site.code);
    units.therapy = add(s, `${site.code}.FYS`, `Fysio- og ergoterapi${suffix}`, 'other', 'therapy', site.code);
    units.patadmin = add(s, `${site.code}.PAS`, `Pasientkontoret${suffix}`, 'administration', 'patadmin', site.code);
    w.sites.push(units);
  }
  w.central.pharmacy = add(0, 'ELV.APO', 'Sykehusapoteket', 'pharmacy', 'pharmacy', 'ELV');
  w.central.doc = add(0, 'ELV.DOK', 'Dokumentasjonssenteret (koding og arkiv)', 'administration', 'doc', 'ELV');
  w.central.it = add(0, 'ELV.IKT', 'IKT brukarstøtte', 'other', 'it', 'ELV');
  w.central.quality = add(0, 'ELV.KVA', 'Kvalitet og pasienttryggleik', 'administration', 'quality', 'ELV');
  w.central.research = add(0, 'ELV.FOU', 'Forsking og innovasjon', 'other', 'research', 'ELV');
  w.central.palliative = add(0, 'ELV.PAL', 'Palliativt team', 'outpatient', 'palliative', 'ELV.MK');
}

function buildCatchments(w: World): void {
  for (let s = 0; s < SITES.length; s++) {
    const persons: number[] = [];
    for (const p of w.persons) {
      const site = p.muni >= 0 ? MUNICIPALITIES[p.muni]!.site : 0;
      if (site === s) persons.push(p.idx);
    }
    w.catchment.push({ persons, sampler: new WeightedSampler(persons.map((i) => w.persons[i]!.util)) });
  }
}

function staffId(rng: Rng, used: Set<string>, digits: number): string {
  for (;;) {
    const id = `HN${String(rng.int(10 ** digits)).padStart(digits, '0')}`;
    if (!used.has(id) && !id.startsWith('HN0000')) {
      used.add(id);
      return id;
    }
  }
}

function buildStaff(w: World, rng: Rng, staffTarget: number): void {
  interface Slot {
    dept: number;
    tpl: StaffTemplate;
    n: number;
  }
  const slots: Slot[] = [];
  for (const d of w.depts) {
    const siteScale = d.site === 0 ? 1 : 0.6;
    for (const tpl of templatesFor(d.unit)) slots.push({ dept: d.idx, tpl, n: tpl.count * siteScale });
  }
  // Residents: three per specialty and site, based in the specialty's ward.
  const residentsPerWard = new Map<number, number>();
  for (const site of w.sites)
    for (const ward of site.wards) if (w.depts[ward]!.spec >= 0) residentsPerWard.set(ward, 3);
  let base = 0;
  for (const s of slots) base += s.n;
  for (const n of residentsPerWard.values()) base += n;
  const scale = staffTarget / base;

  const digits = staffTarget > 60_000 ? 6 : 5;
  const used = new Set<string>();
  const taken = new Set<number>();
  const refYear = w.refYear;
  const adults = (site: number): number[] =>
    w.catchment[site]!.persons.filter((i) => {
      const age = refYear - w.persons[i]!.birthYear;
      return age >= 21 && age <= 67;
    });
  const adultPool = [adults(0), adults(1)];
  const pickPerson = (site: number): number => {
    for (let tries = 0; tries < 1000; tries++) {
      const pool = adultPool[rng.chance(0.88) ? site : 1 - site]!;
      const p = rng.pick(pool);
      if (!taken.has(p)) {
        taken.add(p);
        return p;
      }
    }
    throw new Error('not enough adults for staff');
  };
  const D = w.cfg.days;
  const newStaff = (dept: number, job: Job, role: Role): Staff => {
    const d = w.depts[dept]!;
    const person = pickPerson(d.site);
    const x = rng.next();
    let from = -rng.range(30, 9000);
    let to = OPEN;
    if (x < 0.03) from = rng.range(1, Math.max(2, D - 10));
    else if (x < 0.06) to = rng.range(5, Math.max(6, D - 5));
    const st: Staff = {
      idx: w.staff.length,
      id: staffId(rng, used, digits),
      person,
      role,
      job,
      title: rng.pick(TITLES[job]),
      home: dept,
      site: d.site,
      spec: d.spec,
      from,
      to,
      fromKnown: rng.chance(0.9),
      pattern: patternFor(job, d.unit, rng),
      intensity: BASE_INTENSITY[job] * Math.exp(0.35 * rng.normal()),
      manager: false,
      rotation: [],
      rotPhase: 0,
      vpn: '',
      studies: [],
      vacStart: rng.chance(0.35) ? rng.range(0, Math.max(0, D - 7)) : -1,
      exPartner: -1,
      hideAddress: rng.chance(0.08),
    };
    if (job === 'doctor' && st.title === 'lege i spesialisering') st.intensity *= 1.05;
    if (role === 'physician') st.vpn = `VPN-${String(10000 + rng.int(89999))}`;
    w.staff.push(st);
    w.persons[person]!.staff = st.idx;
    return st;
  };
  for (const s of slots) {
    const n = Math.max(1, Math.floor(s.n * scale + rng.next()));
    for (let i = 0; i < n; i++) newStaff(s.dept, s.tpl.job, s.tpl.role);
  }
  for (const [ward, r] of residentsPerWard) {
    const n = Math.max(1, Math.floor(r * scale + rng.next()));
    const d = w.depts[ward]!;
    const site = w.sites[d.site]!;
    for (let i = 0; i < n; i++) {
      const st = newStaff(ward, 'resident', 'physician');
      st.title = 'lege i spesialisering';
      const others = site.wards.filter((x) => x !== ward);
      const rotation = [
        ward,
        site.clinicBySpec.get(d.spec) ?? ward,
        site.er,
        rng.pick(others.length ? others : [ward]),
      ];
      st.rotation = rotation;
      st.rotPhase = rng.int(42 * rotation.length);
    }
  }
  // Former employees who left before the window: in the staff register, never in the log.
  const former = Math.max(2, Math.round(w.staff.length * 0.01));
  for (let i = 0; i < former; i++) {
    const dept = rng.pick(w.depts.filter((d) => d.unit === 'ward' || d.unit === 'outpatient'));
    const st = newStaff(
      dept.idx,
      dept.unit === 'ward' ? 'nurse' : 'secretary',
      dept.unit === 'ward' ? 'nurse' : 'secretary',
    );
    st.to = -rng.range(20, 400);
    st.from = st.to - rng.range(100, 5000);
  }
  // The lab-result integration: a system account that opens every patient with a lab order.
  const integ = newStaff(w.central.it, 'integration', 'it');
  integ.id = 'SYS-LABSVAR';
  integ.vacStart = -1;
  integ.from = -5000;
  integ.to = OPEN;
  const ip = w.persons[integ.person]!;
  ip.staff = -1;
  integ.person = -1;

  // Managers: one per ward (head nurse) and one senior physician per ward/clinic.
  for (const d of w.depts) {
    if (d.unit !== 'ward' && d.unit !== 'outpatient' && d.unit !== 'er' && d.unit !== 'icu') continue;
    const nurses = w.staff.filter((s) => s.home === d.idx && s.job === 'nurse' && s.to === OPEN && s.from < 0);
    if (nurses.length > 0) {
      const m = rng.pick(nurses);
      m.manager = true;
      m.title = d.unit === 'outpatient' ? 'seksjonsleiar' : 'avdelingssykepleier';
      m.pattern = 'office';
    }
    const docs = w.staff.filter((s) => s.home === d.idx && s.job === 'doctor' && s.to === OPEN);
    if (docs.length > 0 && d.unit !== 'outpatient') {
      const m = rng.pick(docs);
      m.manager = true;
      m.title = 'seksjonsoverlege';
    }
  }

  // Lookup tables.
  w.deptDoctors = w.depts.map(() => []);
  w.deptNurses = w.depts.map(() => []);
  for (const st of w.staff) {
    if (st.role === 'physician') {
      const places = st.rotation.length > 0 ? st.rotation : [st.home];
      for (const p of new Set(places)) w.deptDoctors[p]!.push(st.idx);
      const key = `${st.site}:${st.spec}`;
      if (st.spec >= 0) {
        const list = w.specDoctors.get(key) ?? [];
        list.push(st.idx);
        w.specDoctors.set(key, list);
      }
    }
    if (st.job === 'nurse') w.deptNurses[st.home]!.push(st.idx);
  }
  // Non-resident ward doctors also see patients in their specialty's clinic.
  for (const st of w.staff) {
    if (st.job !== 'doctor') continue;
    const d = w.depts[st.home]!;
    const clinic = w.sites[d.site]?.clinicBySpec.get(d.spec);
    if (d.unit === 'ward' && clinic !== undefined) w.deptDoctors[clinic]!.push(st.idx);
  }

  // Beds follow the nursing staff; workstations follow the head count.
  const wsKey = rng.u32();
  let wsSeq = 0;
  for (const d of w.depts) {
    const headcount = w.staff.filter((s) => s.home === d.idx).length;
    if (d.unit === 'ward' || d.unit === 'icu')
      d.beds = Math.max(4, Math.round(w.deptNurses[d.idx]!.length * (d.unit === 'icu' ? 0.28 : 0.72)));
    const n = d.unit === 'site' || d.unit === 'clinic' ? 0 : Math.max(2, Math.round(headcount / 2.5));
    for (let i = 0; i < n; i++) {
      const num = permute32(wsSeq++, wsKey) % 100000;
      d.ws.push(`${SITES[d.site]!.code}PC${String(num).padStart(5, '0')}`);
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Encounters

const THERAPY: Record<string, number> = { ORT: 0.6, NEVR: 0.55, GER: 0.7, MED: 0.25, LUNG: 0.3, GKIR: 0.2, KARD: 0.15 };
const PALLIATIVE: Record<string, number> = { ONK: 0.22, MED: 0.04, GER: 0.06, LUNG: 0.08 };

function pickWorking(w: World, cands: readonly number[], d: number, dept: number, rng: Rng): number {
  if (cands.length === 0) return -1;
  const off = rng.int(cands.length);
  for (let i = 0; i < cands.length; i++) {
    const st = w.staff[cands[(i + off) % cands.length]!]!;
    const sh = shiftOf(w, st, d);
    if (sh && sh.dept === dept && sh.kind !== 'night') return st.idx;
  }
  for (let i = 0; i < cands.length; i++) {
    const st = w.staff[cands[(i + off) % cands.length]!]!;
    if (d >= st.from && d <= st.to && deptOn(w, st, d) === dept) return st.idx;
  }
  return cands[off]!;
}

function buildEncounters(w: World, rng: Rng): void {
  const D = w.cfg.days;
  const first = -45;
  const last = D + 20;
  const nSites = w.sites.length;
  const specAt = (dept: number): string => {
    const sp = w.depts[dept]!.spec;
    return sp >= 0 ? SPECIALTIES[sp]!.code : 'ICU';
  };
  const samplePatient = (site: number): number => {
    const c = w.catchment[site]!;
    return c.persons[c.sampler.sample(rng)]!;
  };
  const add = (e: Omit<Enc, 'id' | 'd0' | 'd1'>): Enc => {
    const enc: Enc = { ...e, id: '', d0: dayOf(w, e.start), d1: e.end < 0 ? OPEN : dayOf(w, e.end) };
    w.encs.push(enc);
    w.persons[e.person]!.encs.push(enc);
    return enc;
  };
  const blank = {
    doc: -1,
    nurse: -1,
    admitTo: -1,
    consultDoc: -1,
    consultDay: -1,
    therapy: false,
    palliative: false,
    historic: false,
    priority: '',
  };
  const order = (person: number, dept: number, start: number, priority: string): void => {
    add({ ...blank, person, dept, kind: 'order', start, end: start + rng.range(1, 30) * HOUR, priority });
  };
  const admit = (person: number, ward: number, start: number, viaEr: boolean): void => {
    const d = w.depts[ward]!;
    const los = Math.min(30, 0.3 + rng.exp(d.los));
    const d0 = dayOf(w, start);
    const endDay = d0 + Math.floor(los);
    let end = utcAt(w, endDay, rng.range(10 * 60, 16 * 60));
    if (end <= start) end = start + rng.range(4, 20) * HOUR;
    const code = specAt(ward);
    const e = add({
      ...blank,
      person,
      dept: ward,
      kind: 'inpatient',
      start,
      end,
      priority: viaEr ? 'akutt' : 'elektiv',
      doc: pickWorking(w, w.deptDoctors[ward]!, d0, ward, rng),
      nurse: w.deptNurses[ward]!.length ? rng.pick(w.deptNurses[ward]!) : -1,
      therapy: rng.chance(THERAPY[code] ?? 0.08),
      palliative: rng.chance(PALLIATIVE[code] ?? 0),
    });
    if (rng.chance(d.unit === 'icu' ? 0.6 : 0.25)) {
      const site = w.sites[d.site]!;
      const otherSpecs = [...site.wardBySpec.keys()].filter((s) => s !== d.spec);
      if (otherSpecs.length > 0) {
        const sp = rng.pick(otherSpecs);
        const cday = e.d0 + rng.int(Math.max(1, Math.min(4, e.d1 - e.d0 + 1)));
        const cands = w.specDoctors.get(`${d.site}:${sp}`) ?? [];
        const ward2 = site.wardBySpec.get(sp)!;
        e.consultDoc = pickWorking(w, cands, cday, ward2, rng);
        e.consultDay = cday;
      }
    }
    // Daily blood tests and some imaging during the stay (only near the window: the rest is never looked at).
    for (let day = Math.max(e.d0, -3); day <= Math.min(e.d1, D + 1); day++) {
      if (rng.chance(0.55)) order(person, w.sites[d.site]!.lab, utcAt(w, day, rng.range(390, 540)), 'rutine');
      if (rng.chance(0.1)) order(person, w.sites[d.site]!.rad, utcAt(w, day, rng.range(480, 900)), 'rutine');
    }
  };

  // Rates per day derived from beds: admissions = beds * occupancy / length of stay.
  const erRate: number[] = [];
  const acuteWeights: { wards: number[]; weights: number[] }[] = [];
  const admitShare = 0.3;
  for (let s = 0; s < nSites; s++) {
    const site = w.sites[s]!;
    let acute = 0;
    const weights: number[] = [];
    for (const ward of site.wards) {
      const d = w.depts[ward]!;
      const lam = (d.beds * 0.85) / d.los;
      acute += lam * d.acute;
      weights.push(lam * d.acute);
    }
    erRate.push(acute / admitShare);
    acuteWeights.push({ wards: site.wards, weights });
  }
  const erHour = [
    1, 0.8, 0.6, 0.5, 0.5, 0.6, 0.9, 1.4, 2.2, 2.8, 3, 3, 2.9, 2.8, 2.8, 2.9, 3, 3, 2.8, 2.5, 2.2, 1.8, 1.5, 1.2,
  ];

  for (let d = first; d < last; d++) {
    const weekend = isWeekend(w, d);
    for (let s = 0; s < nSites; s++) {
      const site = w.sites[s]!;
      // Emergency department.
      const nEr = rng.poisson(erRate[s]! * (weekend ? 0.92 : 1));
      for (let i = 0; i < nEr; i++) {
        const x = rng.next();
        const person = x < 0.03 ? samplePatient(1 - s) : samplePatient(s);
        const hour = pickWeighted(rng, erHour);
        const start = utcAt(w, d, hour * 60 + rng.int(60));
        const end = start + Math.round((1.5 + rng.exp(3)) * HOUR);
        const e = add({
          ...blank,
          person,
          dept: site.er,
          kind: 'emergency',
          start,
          end,
          priority: rng.pick(['rød', 'oransje', 'gul', 'gul', 'grønn', 'grønn', 'blå']),
          doc: pickWorking(w, w.deptDoctors[site.er]!, d, site.er, rng),
          nurse: w.deptNurses[site.er]!.length ? rng.pick(w.deptNurses[site.er]!) : -1,
        });
        if (rng.chance(0.85)) order(person, site.lab, start + rng.range(10, 40) * MINUTE, 'øyeblikkelig');
        if (rng.chance(0.4)) order(person, site.rad, start + rng.range(20, 120) * MINUTE, 'øyeblikkelig');
        if (rng.chance(admitShare)) {
          const aw = acuteWeights[s]!;
          const ward = aw.wards[pickWeighted(rng, aw.weights)]!;
          e.admitTo = ward;
          admit(person, ward, end, true);
        }
      }
      // Planned admissions on weekdays.
      if (!weekend) {
        for (const ward of site.wards) {
          const dd = w.depts[ward]!;
          const lam = ((dd.beds * 0.85) / dd.los) * (1 - dd.acute) * 1.4;
          const n = rng.poisson(lam);
          for (let i = 0; i < n; i++) {
            const mainOnly = dd.spec >= 0 && !SPECIALTIES[dd.spec]!.local;
            const person = samplePatient(mainOnly && rng.chance(0.25) ? 1 : s);
            admit(person, ward, utcAt(w, d, rng.range(7 * 60 + 30, 13 * 60)), false);
          }
        }
      }
      // Outpatient clinics: appointments, their referrals, their tests.
      if (!weekend) {
        for (const clinic of site.clinics) {
          const dd = w.depts[clinic]!;
          const docs = w.deptDoctors[clinic]!;
          const mainOnly = dd.spec >= 0 && !SPECIALTIES[dd.spec]!.local;
          const n = rng.poisson(Math.max(4, docs.length * 1.6));
          for (let i = 0; i < n; i++) {
            const person = samplePatient(mainOnly && rng.chance(0.25) ? 1 : s);
            const start = utcAt(w, d, 8 * 60 + 15 * rng.int(30));
            add({
              ...blank,
              person,
              dept: clinic,
              kind: 'outpatient',
              start,
              end: start + rng.range(20, 75) * MINUTE,
              doc: pickWorking(w, docs, d, clinic, rng),
              priority: rng.chance(0.4) ? 'ny' : 'kontroll',
            });
            if (rng.chance(0.45)) {
              const rstart = start - rng.range(10, 120) * DAY + rng.range(-3, 3) * HOUR;
              add({ ...blank, person, dept: clinic, kind: 'referral', start: rstart, end: start, priority: 'ordinær' });
            }
            if (rng.chance(0.35)) order(person, site.lab, start - rng.range(30, 120) * MINUTE, 'rutine');
            if (rng.chance(0.12)) order(person, site.rad, start - rng.range(1, 5) * DAY, 'rutine');
          }
          // Referrals still on the waiting list.
          const nr = rng.poisson(Math.max(1, docs.length * 0.35));
          for (let i = 0; i < nr; i++) {
            add({
              ...blank,
              person: samplePatient(s),
              dept: clinic,
              kind: 'referral',
              start: utcAt(w, d, rng.range(8 * 60, 15 * 60)),
              end: -1,
              priority: 'ordinær',
            });
          }
        }
        // Tests ordered by general practitioners.
        const gp = rng.poisson(erRate[s]! * 0.5);
        for (let i = 0; i < gp; i++) {
          const lab = w.sites[s]!.micro >= 0 && rng.chance(0.25) ? w.sites[s]!.micro : w.sites[s]!.lab;
          order(samplePatient(s), rng.chance(0.85) ? lab : site.rad, utcAt(w, d, rng.range(8 * 60, 15 * 60)), 'rutine');
        }
      }
      // Palliative team home follow-ups.
      if (!weekend && s === 0) {
        const n = rng.poisson(1.5);
        for (let i = 0; i < n; i++) {
          const start = utcAt(w, d, rng.range(9 * 60, 14 * 60));
          add({
            ...blank,
            person: samplePatient(0),
            dept: w.central.palliative,
            kind: 'outpatient',
            start,
            end: start + HOUR,
            priority: 'kontroll',
          });
        }
      }
    }
  }

  // Contacts from earlier years: they make people registered patients, and give clinics their list of known patients.
  for (const p of w.persons) {
    const prob = 1 - Math.exp(-p.util * 0.9);
    if (!rng.chance(prob)) continue;
    const n = rng.range(1, 3);
    const site = p.muni >= 0 ? MUNICIPALITIES[p.muni]!.site : 0;
    for (let i = 0; i < n; i++) {
      addHistoric(w, rng, p.idx, rng.chance(0.85) ? site : 1 - site);
    }
  }

  // Open ends: what is still going on when the log was extracted.
  for (const e of w.encs) {
    if (e.end > w.windowEndUtc) {
      e.end = -1;
      e.d1 = OPEN;
    }
  }
}

/** Add an old contact so that the person has a record. */
export function addHistoric(w: World, rng: Rng, person: number, site: number): Enc {
  const s = w.sites[site] ?? w.sites[0]!;
  const d = -46 - rng.int(3650);
  const x = rng.next();
  const dept = x < 0.6 ? rng.pick(s.clinics) : x < 0.8 ? rng.pick(s.wards) : s.er;
  const kind: EncKind = x < 0.6 ? 'outpatient' : x < 0.8 ? 'inpatient' : 'emergency';
  const start = utcAt(w, d, rng.range(8 * 60, 18 * 60));
  const end = start + (kind === 'inpatient' ? rng.range(1, 8) * DAY : rng.range(1, 6) * HOUR);
  const e: Enc = {
    id: '',
    person,
    dept,
    kind,
    start,
    end,
    d0: dayOf(w, start),
    d1: dayOf(w, end),
    doc: -1,
    nurse: -1,
    admitTo: -1,
    consultDoc: -1,
    consultDay: -1,
    therapy: false,
    palliative: false,
    historic: true,
    priority: '',
  };
  w.encs.push(e);
  w.persons[person]!.encs.push(e);
  return e;
}

function buildStudies(w: World, rng: Rng): void {
  const researchers = w.staff.filter((s) => s.job === 'researcher');
  const nStudies = Math.max(2, Math.min(6, Math.round(researchers.length / 2)));
  const names = ['HJERTE-OPP', 'SLAG-REHAB', 'KOLS-HEIM', 'FRAIL-80', 'SEPSIS-TIDLIG', 'SMERTE-POST'];
  for (let i = 0; i < nStudies; i++) {
    const spec = rng.pick(w.specs);
    const study: Study = {
      id: `STUDIE-${i + 1}`,
      name: names[i % names.length]!,
      spec,
      staff: [],
      patients: [],
      enrolDay: [],
    };
    for (const r of researchers) if (r.studies.length === 0 || rng.chance(0.25)) study.staff.push(r.idx);
    if (study.staff.length === 0 && researchers.length > 0) study.staff.push(rng.pick(researchers).idx);
    w.studies.push(study);
  }
  for (const r of researchers) {
    for (let i = 0; i < w.studies.length; i++) if (w.studies[i]!.staff.includes(r.idx)) r.studies.push(i);
    if (r.studies.length === 0 && w.studies.length > 0) {
      r.studies.push(0);
      w.studies[0]!.staff.push(r.idx);
    }
  }
  // Enrol patients who had contacts in the study's specialty.
  const bySpec = new Map<number, Enc[]>();
  for (const e of w.encs) {
    if (e.kind !== 'inpatient' && e.kind !== 'outpatient') continue;
    const sp = w.depts[e.dept]!.spec;
    if (sp < 0) continue;
    const l = bySpec.get(sp) ?? [];
    l.push(e);
    bySpec.set(sp, l);
  }
  const perStudy = Math.max(20, Math.round(w.staff.length / 12));
  for (const study of w.studies) {
    const pool = bySpec.get(study.spec) ?? [];
    const seen = new Set<number>();
    for (let i = 0; i < perStudy * 3 && study.patients.length < perStudy && pool.length > 0; i++) {
      const e = rng.pick(pool);
      if (seen.has(e.person)) continue;
      seen.add(e.person);
      study.patients.push(e.person);
      study.enrolDay.push(Math.max(-200, Math.min(w.cfg.days - 5, e.d0 + rng.range(0, 10))));
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Final registration: every person with a contact gets a patient id; encounters get ids in order of start.

function checkDigits(d: number[]): number[] | null {
  const w1 = [3, 7, 6, 1, 8, 9, 4, 5, 2];
  const w2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
  let s = 0;
  for (let i = 0; i < 9; i++) s += d[i]! * w1[i]!;
  let k1 = 11 - (s % 11);
  if (k1 === 11) k1 = 0;
  if (k1 === 10) return null;
  s = 0;
  const e = [...d, k1];
  for (let i = 0; i < 10; i++) s += e[i]! * w2[i]!;
  let k2 = 11 - (s % 11);
  if (k2 === 11) k2 = 0;
  if (k2 === 10) return null;
  return [k1, k2];
}

export function finalise(w: World): void {
  const rng = new Rng(`ids:${w.cfg.seed}`);
  const used = new Set<string>();
  for (const p of w.persons) {
    if (p.encs.length === 0) continue;
    // Synthetic national-id shape: birth date with month + 80 (the test-person convention), so never a real person.
    for (;;) {
      const day = rng.range(1, 28);
      const month = rng.range(1, 12) + 80;
      const yy = p.birthYear % 100;
      const indiv = p.birthYear >= 2000 ? rng.range(500, 999) : rng.range(0, 499);
      const digits = [
        Math.floor(day / 10),
        day % 10,
        Math.floor(month / 10),
        month % 10,
        Math.floor(yy / 10),
        yy % 10,
        Math.floor(indiv / 100),
        Math.floor(indiv / 10) % 10,
        indiv % 10,
      ];
      const k = checkDigits(digits);
      if (!k) continue;
      const id = [...digits, ...k].join('');
      if (used.has(id)) continue;
      used.add(id);
      p.pid = id;
      break;
    }
  }
  w.encs.sort((a, b) => a.start - b.start || a.person - b.person);
  const base = 10_000_000 + rng.int(5_000_000);
  w.encs.forEach((e, i) => {
    e.id = `KT${base + i}`;
  });
}
