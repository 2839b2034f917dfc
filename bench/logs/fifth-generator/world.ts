// The shared-record world: one health trust (two hospitals) and four municipalities on one patient record.
import { Rng } from './rng.js';
import { NameGen, TEST_NAMES } from './names.js';
import type { Calendar } from './time.js';
import { DAY_MS } from './time.js';

export type DeptKind =
  'ward' | 'outpatient' | 'emergency' | 'lab' | 'radiology' | 'pharmacy' | 'administration' | 'other';
export type UnitType =
  | 'org'
  | 'site'
  | 'ward'
  | 'icu'
  | 'maternity'
  | 'psychward'
  | 'ed'
  | 'outpat'
  | 'dps'
  | 'lab'
  | 'rad'
  | 'pharm'
  | 'secr'
  | 'coding'
  | 'archive'
  | 'research'
  | 'it'
  | 'integ'
  | 'legevakt'
  | 'homecare'
  | 'nursinghome'
  | 'gp'
  | 'healthstation'
  | 'psych'
  | 'allocation';
export type Role =
  'physician' | 'nurse' | 'secretary' | 'lab' | 'radiology' | 'pharmacist' | 'therapist' | 'admin' | 'it' | 'other';
export type Shift = 'rot' | 'office' | 'hc' | 'doc' | 'gp' | 'svc';

export interface Dept {
  idx: number;
  id: string;
  name: string;
  kind: DeptKind;
  parent: number;
  type: UnitType;
  muni: number; // municipality index (hospital units: where the hospital is)
  hosp: number; // 0/1 for hospital units, -1 otherwise
  org: number; // 0 = trust, 1.. = municipality org
  staff: number[];
  ws: number[]; // workstation pool (global ws index)
  beds: number;
  served: number[]; // legevakt: municipalities served
  members: number[]; // route patients / residents / clients / enrolled children
  specialty: string;
}

export interface Staff {
  idx: number;
  id: string;
  family: string;
  given: string;
  role: Role;
  dept: number;
  dept2: number;
  addr: number;
  patient: number;
  fromDay: number; // wall-day number
  toDay: number; // wall-day number, last day employed (Infinity = open)
  shift: Shift;
  ws: number;
  sickFrom: number; // window day index
  sickTo: number;
  svc: boolean;
  list: number[]; // GP list (patients ever on the list in window)
  joiners: number[]; // GP: patients joining during window
  clients: number[]; // psych therapist clients
}

export interface Patient {
  idx: number;
  id: string;
  family: string;
  given: string;
  female: boolean;
  birthYear: number;
  age: number;
  bornDay: number; // window day index of birth (-1e9 = before window)
  deathDay: number; // window day index (1e9 = alive)
  addr: number;
  muni: number;
  employee: number;
  relatives: number[];
  ex: number;
  gp: number; // current GP staff idx
  gpFrom: number; // window day index from which gp applies (-1e9 = before)
  gpPrev: number; // previous GP before gpFrom
  district: number; // home-care district dept idx or -1
  evening: boolean; // home-care evening visit
  nh: number; // nursing home unit or -1
  test: boolean;
  mother: number; // newborn: mother
  politician: boolean;
}

export interface Address {
  muni: number;
  street: number;
  num: number;
  residents: number[];
  inst: boolean;
}

export interface Encounter {
  p: number;
  dept: number;
  start: number;
  end: number | null;
  kind: 'inpatient' | 'outpatient' | 'emergency' | 'referral' | 'order' | 'other';
}

export interface Relation {
  p: number;
  user: number;
  dept: number;
  from: number; // wall-day
  to: number | null;
  kind: string;
}

export interface Muni {
  name: string;
  share: number;
  org: number; // org dept idx
  legevakt: number;
  homecare: number[];
  nursinghomes: number[];
  gps: number[]; // GP offices
  healthstation: number;
  psych: number;
  allocation: number;
  streets: number[][]; // address indices per street
  nStreets: number;
}

export const MUNIS: [string, number][] = [
  ['Fjordby', 0.55],
  ['Dalen', 0.2],
  ['Øyan', 0.12],
  ['Skogli', 0.13],
];
const OUTSIDE = ['Oslo', 'Bergen', 'Tromsø', 'Bodø', 'Ålesund', 'Stockholm'];

export class World {
  depts: Dept[] = [];
  staff: Staff[] = [];
  patients: Patient[] = [];
  addrs: Address[] = [];
  encounters: Encounter[] = [];
  relations: Relation[] = [];
  ws: string[] = [];
  munis: Muni[] = [];
  muniNames: string[] = [];
  hospitals: {
    site: number;
    ed: number;
    icu: number;
    wards: number[];
    outpat: number[];
    lab: number[];
    rad: number;
    secr: number;
    dps: number;
    psychward: number;
    maternity: number;
  }[] = [];
  coding = -1;
  archive = -1;
  research = -1;
  it = -1;
  integ = -1;
  pharm = -1;
  testPatients: number[] = [];
  cohorts: { dept: number; patients: number[]; documented: boolean; name: string }[] = [];
  byFamily = new Map<string, number[]>();
  scale: { E: number; P: number; S: number };
  constructor(
    readonly cal: Calendar,
    readonly seed: number,
    readonly events: number,
  ) {
    const E = events / cal.days;
    this.scale = { E, P: Math.round(12000 + E * 4), S: Math.round(250 + E / 6.5) };
  }

  /** wall-day of a window day index */
  wd(d: number): number {
    return this.cal.startDay + d;
  }
  alive(p: Patient, d: number): boolean {
    return p.bornDay <= d && p.deathDay > d;
  }
  gpOf(p: Patient, d: number): number {
    return d >= p.gpFrom ? p.gp : p.gpPrev;
  }
  neighbours(addr: number, span = 2): number[] {
    const a = this.addrs[addr]!;
    if (a.inst || a.muni >= this.munis.length) return [];
    const st = this.munis[a.muni]!.streets[a.street]!;
    const out: number[] = [];
    for (let k = Math.max(0, a.num - span); k <= Math.min(st.length - 1, a.num + span); k++) {
      if (k !== a.num) out.push(st[k]!);
    }
    return out;
  }
  onStaffDuty(s: Staff, d: number): boolean {
    const wday = this.wd(d);
    return wday >= s.fromDay && wday <= s.toDay && !(d >= s.sickFrom && d <= s.sickTo);
  }

  build(): void {
    const r = new Rng(this.seed, 1);
    const names = new NameGen(r);
    this.buildDepartments(r);
    this.buildPopulation(r, names);
    this.buildStaff(r, names);
    this.buildCare(r);
  }

  private addDept(
    name: string,
    kind: DeptKind,
    parent: number,
    type: UnitType,
    muni: number,
    hosp: number,
    org: number,
    specialty = '',
  ): number {
    const idx = this.depts.length;
    const id = `D${String((idx * 7919 + 1301) % 100000).padStart(5, '0')}`;
    this.depts.push({
      idx,
      id,
      name,
      kind,
      parent,
      type,
      muni,
      hosp,
      org,
      staff: [],
      ws: [],
      beds: 0,
      served: [],
      members: [],
      specialty,
    });
    return idx;
  }

  private buildDepartments(r: Rng): void {
    const { S } = this.scale;
    const trust = this.addDept('Helse Fjordmidt HF', 'administration', -1, 'org', 0, -1, 0);
    const sites = [
      this.addDept('Fjordby sykehus', 'administration', trust, 'site', 0, 0, 0),
      this.addDept('Dalen sjukehus', 'administration', trust, 'site', 1, 1, 0),
    ];
    const shared = this.addDept('Felles tjenester, Helse Fjordmidt', 'administration', trust, 'site', 0, -1, 0);
    const wardSpecs = [
      'Medisinsk sengepost',
      'Kirurgisk sengepost',
      'Ortopedisk sengepost',
      'Hjertemedisinsk sengepost',
      'Lungemedisinsk sengepost',
      'Geriatrisk sengepost',
      'Nevrologisk sengepost',
      'Barneavdelingen',
      'Gastrokirurgisk sengepost',
      'Infeksjonsmedisinsk sengepost',
      'Slagenheten',
      'Kreftavdelingen, sengepost',
    ];
    const nW = Math.max(4, Math.round((0.27 * S) / 22));
    for (let h = 0; h < 2; h++) {
      const site = sites[h]!;
      const muni = h === 0 ? 0 : 1;
      const nwh = h === 0 ? Math.max(3, Math.round(nW * 0.7)) : Math.max(2, nW - Math.round(nW * 0.7));
      const wards: number[] = [];
      for (let i = 0; i < nwh; i++) {
        const base = wardSpecs[i % wardSpecs.length]!;
        const nm = i >= wardSpecs.length ? `${base} ${Math.floor(i / wardSpecs.length) + 1}` : base;
        wards.push(this.addDept(`${nm}, ${h === 0 ? 'Fjordby' : 'Dalen'}`, 'ward', site, 'ward', muni, h, 0, base));
      }
      const icu = this.addDept(
        h === 0 ? 'Intensivavdelingen' : 'Intensiv/overvåkning, Dalen',
        'ward',
        site,
        'icu',
        muni,
        h,
        0,
        'Intensiv',
      );
      const ed = this.addDept(
        h === 0 ? 'Akuttmottaket, Fjordby' : 'Akuttmottak Dalen',
        'emergency',
        site,
        'ed',
        muni,
        h,
        0,
      );
      const maternity =
        h === 0 ? this.addDept('Føde/barsel, "Kvinneklinikken"', 'ward', site, 'maternity', muni, h, 0, 'Føde') : -1;
      const psychward =
        h === 0 ? this.addDept('Psykiatrisk akuttpost', 'ward', site, 'psychward', muni, h, 0, 'Psykiatri') : -1;
      const outpat =
        h === 0
          ? [
              'Medisinsk poliklinikk',
              'Kirurgisk poliklinikk',
              'Ortopedisk poliklinikk',
              'Barnepoliklinikken',
              'Hjertepoliklinikk',
            ].map((n) => this.addDept(n, 'outpatient', site, 'outpat', muni, h, 0, n))
          : [this.addDept('Poliklinikken, Dalen sjukehus', 'outpatient', site, 'outpat', muni, h, 0, 'Poliklinikk')];
      const dps =
        h === 0
          ? this.addDept(
              'DPS Fjordby, allmennpsykiatrisk poliklinikk',
              'outpatient',
              site,
              'dps',
              muni,
              h,
              0,
              'Psykiatri',
            )
          : -1;
      const lab =
        h === 0
          ? [
              this.addDept('Medisinsk biokjemi', 'lab', site, 'lab', muni, h, 0),
              this.addDept('Mikrobiologi', 'lab', site, 'lab', muni, h, 0),
            ]
          : [this.addDept('Laboratoriet, Dalen', 'lab', site, 'lab', muni, h, 0)];
      const rad = this.addDept(h === 0 ? 'Bildediagnostikk' : 'Røntgen, Dalen', 'radiology', site, 'rad', muni, h, 0);
      const secr = this.addDept(
        h === 0 ? 'Pasientkontoret, Fjordby' : 'Pasientkontor Dalen',
        'administration',
        site,
        'secr',
        muni,
        h,
        0,
      );
      this.hospitals.push({ site, ed, icu, wards, outpat, lab, rad, secr, dps, psychward, maternity });
    }
    this.pharm = this.addDept('Sykehusapoteket', 'pharmacy', sites[0]!, 'pharm', 0, 0, 0);
    this.coding = this.addDept('Seksjon for koding og DRG', 'administration', shared, 'coding', 0, 0, 0);
    this.archive = this.addDept('Dokumentsenteret (arkiv)', 'administration', shared, 'archive', 0, 0, 0);
    this.research = this.addDept('Forskningsavdelingen', 'other', shared, 'research', 0, 0, 0);
    this.it = this.addDept('IKT brukerstøtte, Helseplattformen', 'other', shared, 'it', 0, -1, 0);
    this.integ = this.addDept('Integrasjoner og tjenestekontoer', 'other', shared, 'integ', 0, -1, 0);

    // municipalities
    const munStaff = 0.37 * S;
    MUNIS.forEach(([name, share], m) => {
      const org = this.addDept(`${name} kommune`, 'administration', -1, 'org', m, -1, m + 1);
      const hv = this.addDept(`Helse og velferd, ${name}`, 'administration', org, 'site', m, -1, m + 1);
      const mu: Muni = {
        name,
        share,
        org,
        legevakt: -1,
        homecare: [],
        nursinghomes: [],
        gps: [],
        healthstation: -1,
        psych: -1,
        allocation: -1,
        streets: [],
        nStreets: 0,
      };
      const ms = munStaff * share;
      if (m === 0)
        mu.legevakt = this.addDept('Fjordby interkommunale legevakt', 'emergency', hv, 'legevakt', m, -1, m + 1);
      if (m === 1) mu.legevakt = this.addDept('Dalen legevakt', 'emergency', hv, 'legevakt', m, -1, m + 1);
      const nHc = Math.max(1, Math.round((ms * 0.3) / 16));
      const zones = ['Sentrum', 'Nord', 'Sør', 'Øst', 'Vest', 'Havna', 'Lia', 'Moen', 'Bakken', 'Strand'];
      for (let i = 0; i < nHc; i++)
        mu.homecare.push(
          this.addDept(
            `Hjemmesykepleien ${name}, sone ${zones[i % zones.length]}${i >= zones.length ? ' ' + (i + 1) : ''}`,
            'other',
            hv,
            'homecare',
            m,
            -1,
            m + 1,
          ),
        );
      const nNh = Math.max(1, Math.round((ms * 0.25) / 16));
      const homes = ['Solbakken', 'Fjordtun', 'Lindely', 'Granheim', 'Eikrem', 'Sjøgløtt', 'Bjørkly', 'Toppen'];
      for (let i = 0; i < nNh; i++) {
        const home = homes[Math.floor(i / 2) % homes.length]!;
        mu.nursinghomes.push(
          this.addDept(
            `${home} sykehjem, avdeling ${(i % 2) + 1}${i % 3 === 2 ? ', skjermet enhet' : ''}`,
            'ward',
            hv,
            'nursinghome',
            m,
            -1,
            m + 1,
          ),
        );
      }
      const nGp = Math.max(1, Math.round((ms * 0.22) / 6));
      const offices = [
        'Torget legesenter',
        'Fjordby legekontor',
        'Elvegata legesenter',
        'Kirkebakken legekontor',
        'Stasjonen legesenter',
        'Havnegata legekontor',
        'Moan legesenter',
      ];
      for (let i = 0; i < nGp; i++)
        mu.gps.push(
          this.addDept(
            `${offices[i % offices.length]!.replace('Fjordby', name)}${i >= offices.length ? ' ' + (i + 1) : ''}, ${name}`,
            'outpatient',
            hv,
            'gp',
            m,
            -1,
            m + 1,
          ),
        );
      mu.healthstation = this.addDept(`Helsestasjonen i ${name}`, 'outpatient', hv, 'healthstation', m, -1, m + 1);
      mu.psych = this.addDept(`Psykisk helse og rus, ${name}`, 'outpatient', hv, 'psych', m, -1, m + 1);
      mu.allocation = this.addDept(`Tildelingskontoret, ${name}`, 'administration', hv, 'allocation', m, -1, m + 1);
      this.munis.push(mu);
      this.muniNames.push(name);
    });
    const lv0 = this.depts[this.munis[0]!.legevakt]!;
    lv0.served = [0, 2, 3];
    for (const m of [2, 3]) this.munis[m]!.legevakt = lv0.idx;
    this.depts[this.munis[1]!.legevakt]!.served = [1];
    for (const n of OUTSIDE) this.muniNames.push(n);
    void r;
  }

  private newAddr(muni: number, street: number, inst = false): number {
    const idx = this.addrs.length;
    let num = 0;
    if (!inst && muni < this.munis.length) {
      const st = this.munis[muni]!.streets[street]!;
      num = st.length;
      st.push(idx);
    }
    this.addrs.push({ muni, street, num, residents: [], inst });
    return idx;
  }

  private newPatient(family: string, given: string, female: boolean, age: number, addr: number, muni: number): number {
    const idx = this.patients.length;
    const id = `P${String((idx * 104729 + 52711) % 10_000_000).padStart(7, '0')}`;
    const p: Patient = {
      idx,
      id,
      family,
      given,
      female,
      age,
      birthYear: this.cal.year - age,
      bornDay: -1e9,
      deathDay: 1e9,
      addr,
      muni,
      employee: -1,
      relatives: [],
      ex: -1,
      gp: -1,
      gpFrom: -1e9,
      gpPrev: -1,
      district: -1,
      evening: false,
      nh: -1,
      test: false,
      mother: -1,
      politician: false,
    };
    this.patients.push(p);
    this.addrs[addr]!.residents.push(idx);
    if (age >= 18) {
      let l = this.byFamily.get(family);
      if (!l) this.byFamily.set(family, (l = []));
      l.push(idx);
    }
    return idx;
  }

  private buildPopulation(r: Rng, names: NameGen): void {
    const { P } = this.scale;
    const ageAdult = () => 20 + Math.floor(r.next() * 62);
    this.munis.forEach((mu, m) => {
      const target = Math.round(P * 0.98 * mu.share);
      mu.nStreets = 0;
      let street = -1;
      let left = 0;
      const start = this.patients.length;
      while (this.patients.length - start < target) {
        if (left <= 0) {
          street = mu.streets.length;
          mu.streets.push([]);
          left = r.range(8, 70);
        }
        left--;
        const addr = this.newAddr(m, street);
        if (r.chance(0.07)) continue; // vacant or unregistered: used for staff who are not patients here
        const imm = r.chance(0.13);
        const fam = names.family(imm);
        const x = r.next();
        if (x < 0.3) {
          const f = r.chance(0.5);
          this.newPatient(fam, names.given(f, imm), f, ageAdult(), addr, m);
        } else if (x < 0.52) {
          const a = r.range(24, 88);
          this.newPatient(fam, names.given(false, imm), false, a, addr, m);
          this.newPatient(
            r.chance(0.45) ? fam : names.family(imm),
            names.given(true, imm),
            true,
            Math.max(20, a + r.range(-6, 4)),
            addr,
            m,
          );
        } else if (x < 0.8) {
          const a = r.range(26, 52);
          const mf = r.chance(0.5) ? fam : names.family(imm);
          this.newPatient(fam, names.given(false, imm), false, a, addr, m);
          this.newPatient(mf, names.given(true, imm), true, Math.max(20, a + r.range(-6, 3)), addr, m);
          const kids = r.range(1, imm ? 4 : 3);
          for (let k = 0; k < kids; k++) {
            const f = r.chance(0.5);
            this.newPatient(
              names.childFamily(fam, mf),
              names.given(f, imm),
              f,
              Math.max(0, Math.min(a - 20, r.range(0, 19))),
              addr,
              m,
            );
          }
        } else if (x < 0.88) {
          const f = r.chance(0.75);
          const a = r.range(24, 55);
          this.newPatient(fam, names.given(f, imm), f, a, addr, m);
          const kids = r.range(1, 2);
          for (let k = 0; k < kids; k++) {
            const g = r.chance(0.5);
            this.newPatient(fam, names.given(g, imm), g, Math.max(0, Math.min(a - 20, r.range(0, 19))), addr, m);
          }
        } else if (x < 0.96) {
          const f = r.chance(0.65);
          this.newPatient(fam, names.given(f, imm), f, r.range(78, 99), addr, m);
        } else {
          const n = r.range(2, 3);
          for (let k = 0; k < n; k++) {
            const f = r.chance(0.5);
            const i2 = r.chance(0.2);
            this.newPatient(names.family(i2), names.given(f, i2), f, r.range(19, 30), addr, m);
          }
        }
      }
    });
    // visitors from outside the region (no GP here)
    const outside = Math.round(P * 0.02);
    for (let i = 0; i < outside; i++) {
      const m = this.munis.length + r.int(OUTSIDE.length);
      const addr = this.newAddr(m, 0);
      const imm = r.chance(0.2);
      const f = r.chance(0.5);
      this.newPatient(names.family(imm), names.given(f, imm), f, r.range(1, 85), addr, m);
    }
    // relatives across addresses: elderly parents <-> adult children with same family name
    for (const p of this.patients) {
      if (p.age < 62) continue;
      const cands = this.byFamily.get(p.family);
      if (!cands || cands.length > 400) {
        if (!cands || r.chance(0.7)) continue;
      }
      const n = r.range(1, 3);
      for (let k = 0; k < n; k++) {
        const c = this.patients[r.pick(cands)]!;
        if (c.addr === p.addr || c.age < p.age - 45 || c.age > p.age - 18 || p.relatives.includes(c.idx)) continue;
        p.relatives.push(c.idx);
        c.relatives.push(p.idx);
      }
    }
    // siblings: adults with same family name in same municipality (some)
    for (const p of this.patients) {
      if (p.age < 25 || p.age > 70 || !r.chance(0.08)) continue;
      const cands = this.byFamily.get(p.family)!;
      const c = this.patients[r.pick(cands)]!;
      if (c.addr === p.addr || Math.abs(c.age - p.age) > 12 || p.relatives.includes(c.idx) || c.idx === p.idx) continue;
      p.relatives.push(c.idx);
      c.relatives.push(p.idx);
    }
    // ex-partners: adults living alone or as single parents
    const singles = this.patients.filter(
      (p) =>
        p.age >= 24 &&
        p.age <= 62 &&
        this.addrs[p.addr]!.residents.filter((q) => this.patients[q]!.age >= 18).length === 1,
    );
    r.shuffle(singles);
    for (let i = 0; i + 1 < singles.length; i += 2) {
      const a = singles[i]!;
      const b = singles[i + 1]!;
      if (!r.chance(0.35) || a.female === b.female || Math.abs(a.age - b.age) > 10) continue;
      a.ex = b.idx;
      b.ex = a.idx;
    }
    // test patients (IT, training)
    for (const [fam, giv] of TEST_NAMES) {
      const addr = this.newAddr(0, 0, true);
      const p = this.newPatient(fam, giv, giv === 'Kari', r.range(1, 80), addr, 0);
      this.patients[p]!.test = true;
      this.testPatients.push(p);
    }
  }

  private addWs(prefix: string, n: number, d: Dept): void {
    for (let i = 0; i < n; i++) {
      d.ws.push(this.ws.length);
      this.ws.push(`${prefix}-${String(d.idx).padStart(3, '0')}-${String(i + 1).padStart(3, '0')}`);
    }
  }

  private buildStaff(r: Rng, names: NameGen): void {
    const { S } = this.scale;
    type Mix = [Role, number][];
    const mixes: Record<string, { share: number; mix: Mix; shift: (role: Role) => Shift; ws: string }> = {
      ward: {
        share: 0.27,
        mix: [
          ['nurse', 0.6],
          ['physician', 0.14],
          ['other', 0.12],
          ['therapist', 0.06],
          ['secretary', 0.08],
        ],
        shift: (x) => (x === 'physician' ? 'doc' : x === 'secretary' || x === 'therapist' ? 'office' : 'rot'),
        ws: 'HF-PC',
      },
      icu: {
        share: 0.03,
        mix: [
          ['nurse', 0.8],
          ['physician', 0.2],
        ],
        shift: () => 'rot',
        ws: 'HF-ICU',
      },
      maternity: {
        share: 0.02,
        mix: [
          ['nurse', 0.75],
          ['physician', 0.15],
          ['other', 0.1],
        ],
        shift: () => 'rot',
        ws: 'HF-PC',
      },
      psychward: {
        share: 0.015,
        mix: [
          ['nurse', 0.6],
          ['physician', 0.15],
          ['therapist', 0.1],
          ['other', 0.15],
        ],
        shift: (x) => (x === 'therapist' ? 'office' : 'rot'),
        ws: 'HF-PC',
      },
      ed: {
        share: 0.04,
        mix: [
          ['nurse', 0.6],
          ['physician', 0.3],
          ['secretary', 0.1],
        ],
        shift: () => 'rot',
        ws: 'HF-AKU',
      },
      outpat: {
        share: 0.06,
        mix: [
          ['physician', 0.35],
          ['nurse', 0.35],
          ['secretary', 0.3],
        ],
        shift: () => 'office',
        ws: 'HF-POL',
      },
      dps: {
        share: 0.015,
        mix: [
          ['therapist', 0.5],
          ['physician', 0.25],
          ['secretary', 0.25],
        ],
        shift: () => 'office',
        ws: 'HF-DPS',
      },
      lab: {
        share: 0.03,
        mix: [
          ['lab', 0.9],
          ['physician', 0.1],
        ],
        shift: (x) => (x === 'lab' ? 'rot' : 'office'),
        ws: 'HF-LAB',
      },
      rad: {
        share: 0.025,
        mix: [
          ['radiology', 0.75],
          ['physician', 0.25],
        ],
        shift: (x) => (x === 'radiology' ? 'rot' : 'doc'),
        ws: 'HF-RAD',
      },
      pharm: { share: 0.01, mix: [['pharmacist', 1]], shift: () => 'office', ws: 'HF-APO' },
      secr: { share: 0.025, mix: [['secretary', 1]], shift: () => 'office', ws: 'HF-PK' },
      coding: { share: 0.008, mix: [['admin', 1]], shift: () => 'office', ws: 'HF-KOD' },
      archive: { share: 0.007, mix: [['admin', 1]], shift: () => 'office', ws: 'HF-ARK' },
      research: {
        share: 0.006,
        mix: [
          ['physician', 0.5],
          ['other', 0.5],
        ],
        shift: () => 'office',
        ws: 'HF-FOU',
      },
      it: { share: 0.008, mix: [['it', 1]], shift: () => 'office', ws: 'HF-IKT' },
      legevakt: {
        share: 0.025,
        mix: [
          ['nurse', 0.65],
          ['physician', 0.35],
        ],
        shift: () => 'rot',
        ws: 'KOM-LV',
      },
      homecare: {
        share: 0.1,
        mix: [
          ['nurse', 0.55],
          ['other', 0.45],
        ],
        shift: () => 'hc',
        ws: 'KOM-MOB',
      },
      nursinghome: {
        share: 0.09,
        mix: [
          ['nurse', 0.35],
          ['other', 0.6],
          ['physician', 0.05],
        ],
        shift: (x) => (x === 'physician' ? 'office' : 'hc'),
        ws: 'KOM-SHJ',
      },
      gp: {
        share: 0.075,
        mix: [
          ['physician', 0.5],
          ['secretary', 0.3],
          ['nurse', 0.2],
        ],
        shift: (x) => (x === 'physician' ? 'gp' : 'office'),
        ws: 'KOM-LEGE',
      },
      healthstation: {
        share: 0.018,
        mix: [
          ['nurse', 0.7],
          ['physician', 0.15],
          ['therapist', 0.15],
        ],
        shift: () => 'office',
        ws: 'KOM-HS',
      },
      psych: {
        share: 0.02,
        mix: [
          ['therapist', 0.5],
          ['nurse', 0.35],
          ['physician', 0.15],
        ],
        shift: () => 'office',
        ws: 'KOM-PHR',
      },
      allocation: {
        share: 0.015,
        mix: [
          ['admin', 0.8],
          ['nurse', 0.2],
        ],
        shift: () => 'office',
        ws: 'KOM-TK',
      },
    };
    const byType = new Map<UnitType, Dept[]>();
    for (const d of this.depts) {
      const l = byType.get(d.type) ?? [];
      l.push(d);
      byType.set(d.type, l);
    }
    const adultsByMuni: number[][] = this.munis.map(() => []);
    for (const p of this.patients)
      if (p.age >= 21 && p.age <= 66 && p.muni < this.munis.length && !p.test) adultsByMuni[p.muni]!.push(p.idx);
    const vacantByMuni: number[][] = this.munis.map(() => []);
    this.addrs.forEach((a, i) => {
      if (!a.inst && a.muni < this.munis.length && a.residents.length === 0) vacantByMuni[a.muni]!.push(i);
    });
    const startWall = this.cal.startDay;
    for (const [type, spec] of Object.entries(mixes) as [UnitType, (typeof mixes)[string]][]) {
      const units = byType.get(type) ?? [];
      if (units.length === 0) continue;
      const tot = units.reduce((s, u) => s + (u.org === 0 ? 1 : this.munis[u.muni]!.share * 4), 0);
      for (const u of units) {
        const w = u.org === 0 ? 1 : this.munis[u.muni]!.share * 4;
        const n = Math.max(type === 'gp' ? 4 : 3, Math.round((spec.share * S * w) / tot));
        // stratified role assignment: every unit gets its role mix in proportion
        const tot2 = spec.mix.reduce((a, x) => a + x[1], 0);
        const roleList: Role[] = [];
        for (let i = 0; i < n; i++) {
          let c = 0;
          const q = (i + 0.5) / n;
          let role: Role = spec.mix[0]![0];
          for (const [rl, sh] of spec.mix) {
            c += sh / tot2;
            role = rl;
            if (q < c) break;
          }
          roleList.push(role);
        }
        r.shuffle(roleList);
        for (let i = 0; i < n; i++) {
          let role = roleList[i]!;
          if (type === 'gp' && i < 2) role = 'physician';
          if (type === 'nursinghome' && i === 0) role = 'nurse';
          this.newStaff(r, names, u, role, spec.shift(role), adultsByMuni, vacantByMuni, startWall);
        }
        this.addWs(spec.ws, Math.max(2, Math.ceil(u.staff.length / 3)), u);
      }
    }
    // service accounts
    const integ = this.depts[this.integ]!;
    this.addWs('srv-integ', 4, integ);
    for (const [id, given] of [
      ['svc-lab-lis', 'Laboratoriesystem (LIS)'],
      ['svc-ris-pacs', 'RIS/PACS-integrasjon'],
      ['svc-kjernejournal', 'Kjernejournal-oppslag'],
      ['svc-eresept', 'e-resept / Reseptformidleren'],
      ['svc-print', 'Utskriftstjeneste'],
      ['svc-kommune-plo', 'PLO-meldinger kommune'],
    ] as const) {
      const s = this.newStaffRaw(id, 'Tjenestekonto', given, 'it', integ.idx, 'svc', startWall - 3000, r);
      s.svc = true;
      s.ws = integ.ws[this.staff.length % integ.ws.length]!;
    }
    // part-time in a second unit
    for (const s of this.staff) {
      const d = this.depts[s.dept]!;
      if (d.type === 'gp' && s.role === 'physician' && r.chance(0.35)) s.dept2 = this.munis[d.muni]!.legevakt;
      else if (d.type === 'homecare' && s.role === 'nurse' && r.chance(0.1))
        s.dept2 = r.pick(this.munis[d.muni]!.nursinghomes);
      else if (d.type === 'ward' && s.role === 'physician' && r.chance(0.06))
        s.dept2 = r.pick(this.hospitals[1 - d.hosp]!.wards);
      else if (d.type === 'legevakt' && s.role === 'nurse' && r.chance(0.1)) s.dept2 = this.munis[d.muni]!.homecare[0]!;
    }
  }

  private newStaffRaw(
    id: string,
    family: string,
    given: string,
    role: Role,
    dept: number,
    shift: Shift,
    fromDay: number,
    r: Rng,
  ): Staff {
    const idx = this.staff.length;
    const s: Staff = {
      idx,
      id,
      family,
      given,
      role,
      dept,
      dept2: -1,
      addr: -1,
      patient: -1,
      fromDay,
      toDay: Infinity,
      shift,
      ws: -1,
      sickFrom: 1e9,
      sickTo: -1,
      svc: false,
      list: [],
      joiners: [],
      clients: [],
    };
    this.staff.push(s);
    this.depts[dept]!.staff.push(idx);
    void r;
    return s;
  }

  private newStaff(
    r: Rng,
    names: NameGen,
    u: Dept,
    role: Role,
    shift: Shift,
    adultsByMuni: number[][],
    vacantByMuni: number[][],
    startWall: number,
  ): void {
    const idx = this.staff.length;
    const id = `U${String((idx * 7717 + 33391) % 1_000_000).padStart(6, '0')}`;
    // home municipality: municipal staff mostly live where they work; hospital staff anywhere
    const m =
      u.org === 0
        ? r.chance(0.6)
          ? u.muni
          : r.int(this.munis.length)
        : r.chance(0.85)
          ? u.muni
          : r.int(this.munis.length);
    let family: string;
    let given: string;
    let addr = -1;
    let patient = -1;
    if (r.chance(0.5)) {
      const pool = adultsByMuni[m]!;
      for (let t = 0; t < 30 && patient < 0; t++) {
        const c = this.patients[r.pick(pool)]!;
        if (c.employee < 0) patient = c.idx;
      }
    }
    if (patient >= 0) {
      const p = this.patients[patient]!;
      family = p.family;
      given = p.given;
      addr = p.addr;
    } else {
      const imm = r.chance(0.15);
      const f = role === 'nurse' || role === 'other' ? r.chance(0.85) : r.chance(0.5);
      family = names.family(imm);
      given = names.given(f, imm);
      const vac = vacantByMuni[m]!;
      if (r.chance(0.7) && vac.length > 0) addr = r.pick(vac);
      else {
        // lives with registered patients (e.g. partner), but is not registered as a patient in the region
        for (let t = 0; t < 20 && addr < 0; t++) {
          const c = this.patients[r.pick(adultsByMuni[m]!)]!;
          if (this.addrs[c.addr]!.residents.length <= 3) addr = c.addr;
        }
        if (addr < 0) addr = r.pick(vac);
      }
    }
    const x = r.next();
    const fromDay = x < 0.015 ? startWall + r.range(1, this.cal.days - 5) : startWall - r.range(20, 12000);
    const s = this.newStaffRaw(id, family, given, role, u.idx, shift, fromDay, r);
    s.addr = addr;
    s.patient = patient;
    if (patient >= 0) this.patients[patient]!.employee = idx;
    const y = r.next();
    if (y < 0.015) s.toDay = startWall + r.range(3, this.cal.days - 3);
    else if (y < 0.04) s.toDay = startWall + this.cal.days + r.range(10, 300);
    if (r.chance(0.04)) {
      s.sickFrom = r.range(0, this.cal.days - 5);
      s.sickTo = s.sickFrom + r.range(4, 25);
    }
    s.ws = u.ws.length > 0 ? u.ws[r.int(u.ws.length)]! : -1; // fixed later once pools exist
  }

  private buildCare(r: Rng): void {
    const { E } = this.scale;
    const wd0 = this.cal.startDay;
    for (const s of this.staff) if (s.ws < 0) s.ws = r.pick(this.depts[s.dept]!.ws);
    // beds
    for (const h of this.hospitals) {
      for (const w of [...h.wards, h.icu, h.maternity, h.psychward]) {
        if (w < 0) continue;
        const d = this.depts[w]!;
        d.beds = Math.max(5, Math.round(d.staff.length * (d.type === 'icu' ? 0.35 : 0.95)));
      }
    }
    // GP lists: every regional patient gets a GP in their municipality
    const gpRel = new Map<number, number>();
    for (const [m, mu] of this.munis.entries()) {
      const gps = mu.gps.flatMap((o) => this.depts[o]!.staff.filter((s) => this.staff[s]!.role === 'physician'));
      for (const p of this.patients) {
        if (p.muni !== m || p.test || (p.employee >= 0 && r.chance(0.02))) continue;
        let g = r.pick(gps);
        if (this.staff[g]!.patient === p.idx || this.staff[g]!.addr === p.addr)
          g = gps[(gps.indexOf(g) + 1) % gps.length]!;
        if (this.staff[g]!.addr === p.addr) continue;
        p.gp = g;
        this.staff[g]!.list.push(p.idx);
        gpRel.set(p.idx, this.relations.length);
        this.relations.push({ p: p.idx, user: g, dept: -1, from: wd0 - r.range(30, 9000), to: null, kind: 'assigned' });
      }
      // list changes during the window (new patients on a list)
      for (const p of this.patients) {
        if (p.muni !== m || p.gp < 0 || !r.chance(0.006)) continue;
        const g2 = r.pick(gps);
        if (g2 === p.gp || this.staff[g2]!.addr === p.addr) continue;
        const day = r.range(1, this.cal.days - 2);
        const old = this.relations[gpRel.get(p.idx)!]!;
        old.to = wd0 + day - 1;
        this.relations.push({ p: p.idx, user: g2, dept: -1, from: wd0 + day, to: null, kind: 'assigned' });
        p.gpPrev = p.gp;
        p.gp = g2;
        p.gpFrom = day;
        this.staff[g2]!.list.push(p.idx);
        this.staff[g2]!.joiners.push(p.idx);
      }
    }
    // nursing-home residents: new elderly patients at the institution's address, relatives among same-surname adults
    const nhTarget = Math.max(8, Math.round((E * 0.06) / 2.4));
    const allNh = this.munis.flatMap((mu) => mu.nursinghomes);
    const instAddr = new Map<string, number>();
    const ng = new NameGen(r);
    for (let i = 0; i < nhTarget; i++) {
      const u = this.depts[allNh[i % allNh.length]!]!;
      const home = u.name.split(' sykehjem')[0]!;
      let addr = instAddr.get(home);
      if (addr === undefined) {
        addr = this.newAddr(u.muni, 0, true);
        instAddr.set(home, addr);
      }
      const fam = ng.family(r.chance(0.04));
      const f = r.chance(0.68);
      const p = this.newPatient(fam, ng.given(f, false), f, r.range(74, 101), addr, u.muni);
      const pt = this.patients[p]!;
      pt.nh = u.idx;
      u.members.push(p);
      const cands = this.byFamily.get(fam) ?? [];
      const nrel = r.range(1, 3);
      for (let k = 0; k < nrel && cands.length > 0; k++) {
        const c = this.patients[r.pick(cands)]!;
        if (c.age < 30 || c.age > 75 || c.addr === addr || pt.relatives.includes(c.idx) || this.addrs[c.addr]!.inst)
          continue;
        pt.relatives.push(c.idx);
        c.relatives.push(p);
      }
      const gps = this.munis[u.muni]!.gps.flatMap((o) =>
        this.depts[o]!.staff.filter((s) => this.staff[s]!.role === 'physician'),
      );
      pt.gp = r.pick(gps);
      this.staff[pt.gp]!.list.push(p);
      this.relations.push({ p, user: pt.gp, dept: -1, from: wd0 - r.range(300, 5000), to: null, kind: 'assigned' });
      if (r.chance(0.95))
        this.relations.push({ p, user: -1, dept: u.idx, from: wd0 - r.range(20, 2500), to: null, kind: 'assigned' });
    }
    // home-care routes by district (districts partition the streets of a municipality)
    const hcTarget = Math.max(10, Math.round((E * 0.085) / 1.9));
    const elderly = this.patients.filter(
      (p) => p.muni < this.munis.length && p.nh < 0 && !p.test && (p.age >= 72 ? true : p.age >= 30 && r.chance(0.01)),
    );
    r.shuffle(elderly);
    let placed = 0;
    for (const p of elderly) {
      if (placed >= hcTarget) break;
      if (p.age < 72 && r.chance(0.5)) continue;
      const mu = this.munis[p.muni]!;
      const dist = mu.homecare[this.addrs[p.addr]!.street % mu.homecare.length]!;
      if (this.addrs[p.addr]!.residents.some((q) => this.patients[q]!.district >= 0) && r.chance(0.5)) continue;
      p.district = dist;
      p.evening = r.chance(0.4);
      this.depts[dist]!.members.push(p.idx);
      placed++;
      const x = r.next();
      if (x < 0.85)
        this.relations.push({
          p: p.idx,
          user: -1,
          dept: dist,
          from: wd0 - r.range(10, 2000),
          to: null,
          kind: 'assigned',
        });
      if (r.chance(0.3)) {
        const nurses = this.depts[dist]!.staff.filter(
          (s) => this.staff[s]!.role === 'nurse' && this.staff[s]!.addr !== p.addr,
        );
        if (nurses.length)
          this.relations.push({
            p: p.idx,
            user: r.pick(nurses),
            dept: -1,
            from: wd0 - r.range(10, 1000),
            to: null,
            kind: 'assigned',
          });
      }
    }
    // health station: children under 6 enrolled (department relation)
    for (const p of this.patients) {
      if (p.age <= 5 && p.muni < this.munis.length && !p.test) {
        const hs = this.munis[p.muni]!.healthstation;
        this.depts[hs]!.members.push(p.idx);
        this.relations.push({
          p: p.idx,
          user: -1,
          dept: hs,
          from: wd0 - p.age * 365 - r.range(5, 60),
          to: null,
          kind: 'assigned',
        });
      }
    }
    // municipal psychiatric / substance clients
    for (const [m, mu] of this.munis.entries()) {
      const d = this.depts[mu.psych]!;
      const ther = d.staff.filter((s) => this.staff[s]!.role !== 'admin');
      for (const p of this.patients) {
        if (p.muni !== m || p.age < 18 || p.age > 70 || p.nh >= 0 || !r.chance(0.006)) continue;
        const t = r.pick(ther);
        if (this.staff[t]!.addr === p.addr) continue;
        d.members.push(p.idx);
        this.staff[t]!.clients.push(p.idx);
        this.relations.push({ p: p.idx, user: t, dept: -1, from: wd0 - r.range(10, 1500), to: null, kind: 'assigned' });
        if (r.chance(0.7))
          this.relations.push({
            p: p.idx,
            user: -1,
            dept: d.idx,
            from: wd0 - r.range(10, 1500),
            to: null,
            kind: 'assigned',
          });
      }
    }
    // research cohorts (one documented by a project relation, one not)
    for (const [ci, name] of ['Hjertesviktregisteret', 'KOLS-oppfølging'].entries()) {
      const pts = this.patients.filter(
        (p) => p.age >= 50 && p.muni < this.munis.length && !p.test && p.nh < 0 && r.chance(0.01),
      );
      const documented = ci === 0;
      if (documented)
        for (const p of pts)
          this.relations.push({
            p: p.idx,
            user: -1,
            dept: this.research,
            from: wd0 - r.range(30, 400),
            to: null,
            kind: 'research',
          });
      this.cohorts.push({ dept: this.research, patients: pts.map((p) => p.idx), documented, name });
    }
    // deaths during the window: mostly nursing-home residents and the very old
    for (const p of this.patients) {
      const pr = p.nh >= 0 ? 0.05 : p.age >= 85 ? 0.012 : p.age >= 70 ? 0.003 : 0;
      if (pr > 0 && p.employee < 0 && r.chance(pr)) p.deathDay = r.range(1, this.cal.days - 1);
    }
    // births during the window: mother in a household, newborn added there
    const mothers = this.patients.filter(
      (p) => p.female && p.age >= 21 && p.age <= 41 && p.muni < this.munis.length && !this.addrs[p.addr]!.inst,
    );
    const nBirths = Math.max(3, Math.round(this.scale.P * 0.011 * (this.cal.days / 365)));
    for (let i = 0; i < nBirths; i++) {
      const mo = r.pick(mothers);
      if (this.addrs[mo.addr]!.residents.some((q) => this.patients[q]!.bornDay >= 0)) continue;
      const dad = this.addrs[mo.addr]!.residents.map((q) => this.patients[q]!).find((q) => !q.female && q.age >= 18);
      const fam = dad ? ng.childFamily(dad.family, mo.family) : mo.family;
      const f = r.chance(0.49);
      const p = this.newPatient(fam, ng.given(f, false), f, 0, mo.addr, mo.muni);
      const b = this.patients[p]!;
      b.bornDay = r.range(0, this.cal.days - 3);
      b.birthYear = new Date((wd0 + b.bornDay) * DAY_MS).getUTCFullYear();
      b.mother = mo.idx;
      b.gp = mo.gp;
      b.gpFrom = b.bornDay;
      b.gpPrev = -1;
      if (mo.gp >= 0) {
        this.staff[mo.gp]!.list.push(p);
        this.relations.push({ p, user: mo.gp, dept: -1, from: wd0 + b.bornDay, to: null, kind: 'assigned' });
      }
      const hs = this.munis[mo.muni]!.healthstation;
      this.depts[hs]!.members.push(p);
      this.relations.push({ p, user: -1, dept: hs, from: wd0 + b.bornDay + 3, to: null, kind: 'assigned' });
    }
  }
}
