// Misuse, planned before the log is written: who looks at whom, when, from where. Every planned lookup is made of the
// same material as normal work (the user's own shifts, workstations, actions and purposes); what gives it away is
// the relation between the user and the patient, or the pattern over time, never a single column.

import { pairKey, sessionId } from './activity.js';
import { MUNICIPALITIES } from './names.js';
import { Rng, pickWeighted } from './rng.js';
import {
  A_EXPORT,
  A_PRINT,
  A_READ,
  A_SEARCH,
  OPEN,
  P_ETREAT,
  P_HOPERAT,
  P_HRESCH,
  P_NONE,
  addAddress,
  addHistoric,
  addHousehold,
  addPerson,
  clinicalPurpose,
  dayOf,
  isWeekend,
  linkKin,
  shiftOf,
  utcAt,
  workstation,
} from './world.js';
import type { Enc, Job, Staff, World } from './world.js';

export const SCENARIOS = [
  'family_snooping',
  'ex_partner',
  'neighbour',
  'colleague_lookup',
  'self_lookup',
  'vip_celebrity',
  'curiosity_browsing',
  'slow_snooping',
  'break_glass_no_emergency',
  'after_employment_end',
  'compromised_account',
  'bulk_export',
  'cross_site_lookup',
  'research_outside_study',
  'discharged_followup',
  'relative_in_own_unit',
  'manager_checks_staff',
  'namesake_fishing',
] as const;
export type Scenario = (typeof SCENARIOS)[number];

/** Relative frequency of incidents (not of pairs: one VIP or browsing incident makes many pairs). */
const INCIDENT_WEIGHT: Record<Scenario, number> = {
  family_snooping: 14,
  ex_partner: 4,
  neighbour: 5,
  colleague_lookup: 11,
  self_lookup: 6,
  vip_celebrity: 0.8,
  curiosity_browsing: 1.2,
  slow_snooping: 4,
  break_glass_no_emergency: 5,
  after_employment_end: 3,
  compromised_account: 0.6,
  bulk_export: 0.7,
  cross_site_lookup: 2,
  research_outside_study: 0.8,
  discharged_followup: 3,
  relative_in_own_unit: 3,
  manager_checks_staff: 2.5,
  namesake_fishing: 2.5,
};

export interface MisuseEvent {
  t: number;
  staff: number;
  person: number;
  action: number;
  purpose: number;
  dept: number;
  ws: string;
  app: string;
  session: string;
}

export interface TruthRow {
  staff: number;
  person: number;
  scenario: Scenario;
}

export interface MisusePlan {
  byDay: Map<number, MisuseEvent[]>;
  truth: TruthRow[];
  skip: Set<number>;
  incidents: Map<Scenario, number>;
  events: number;
}

const CLINICAL_JOBS: ReadonlySet<Job> = new Set<Job>([
  'nurse',
  'doctor',
  'resident',
  'secretary',
  'biomed',
  'radiographer',
  'therapist',
  'registrar',
  'pharmacist',
]);

interface EmitOpts {
  search?: number;
  purpose?: number;
  ws?: string;
  app?: string;
  session?: string;
  dept?: number;
}

class Planner {
  readonly plan: MisusePlan = { byDay: new Map(), truth: [], skip: new Set(), incidents: new Map(), events: 0 };
  private readonly truthKeys = new Set<number>();
  private readonly used = new Set<number>();
  private readonly f: number;
  private readonly D: number;
  private byAddress?: Map<number, number[]>;
  private registeredBySite?: number[][];
  private windowInpatients?: Enc[];
  private bySpec?: Map<number, Enc[]>;

  constructor(
    private readonly w: World,
    private readonly rng: Rng,
  ) {
    this.f = Math.min(2.5, Math.max(1, (w.cfg.events / 400_000) ** 0.25));
    this.D = w.cfg.days;
  }

  // --- helpers -----------------------------------------------------------------------------------------------

  private size(lo: number, hi: number, scale = this.f): number {
    return Math.max(1, Math.round(this.rng.range(lo, hi) * scale));
  }

  private age(p: number): number {
    return this.w.refYear - this.w.persons[p]!.birthYear;
  }

  private clinical(st: Staff): boolean {
    return st.person >= 0 && st.to === OPEN && st.from < 0 && CLINICAL_JOBS.has(st.job);
  }

  private pickUser(ok: (st: Staff) => boolean): Staff | null {
    const cands = this.w.staff.filter((s) => !this.used.has(s.idx) && ok(s));
    if (cands.length === 0) return null;
    return this.rng.pick(cands);
  }

  private kin(st: Staff): number[] {
    const w = this.w;
    const p = w.persons[st.person]!;
    const hh = w.households[p.household]!.members.filter((m) => m !== p.idx);
    return [...hh, ...p.relatives];
  }

  private sameHousehold(st: Staff, person: number): boolean {
    return st.person >= 0 && this.w.persons[st.person]!.household === this.w.persons[person]!.household;
  }

  /** Would this user meet this patient in their normal work? */
  private caredBy(st: Staff, person: number): boolean {
    for (const e of this.w.persons[person]!.encs) {
      if (e.doc === st.idx || e.nurse === st.idx || e.consultDoc === st.idx) return true;
      if (e.dept === st.home || st.rotation.includes(e.dept)) return true;
    }
    return false;
  }

  private ensureRegistered(person: number): void {
    const p = this.w.persons[person]!;
    if (p.encs.length > 0) return;
    const site = p.muni >= 0 ? MUNICIPALITIES[p.muni]!.site : 0;
    addHistoric(this.w, this.rng, person, site);
  }

  private windowEnc(person: number): Enc | null {
    const encs = this.w.persons[person]!.encs.filter(
      (e) =>
        !e.historic &&
        e.d0 >= 0 &&
        e.d0 < this.D - 2 &&
        (e.kind === 'inpatient' || e.kind === 'outpatient' || e.kind === 'emergency'),
    );
    return encs.length > 0 ? this.rng.pick(encs) : null;
  }

  private registered(site: number): number[] {
    if (!this.registeredBySite) {
      this.registeredBySite = this.w.sites.map(() => []);
      for (const p of this.w.persons) {
        if (p.encs.length === 0 || p.muni < 0) continue;
        this.registeredBySite[MUNICIPALITIES[p.muni]!.site]!.push(p.idx);
      }
    }
    return this.registeredBySite[site] ?? [];
  }

  private neighbours(person: number): number[] {
    if (!this.byAddress) {
      this.byAddress = new Map();
      for (const p of this.w.persons) {
        if (p.address < 0) continue;
        const l = this.byAddress.get(p.address) ?? [];
        l.push(p.idx);
        this.byAddress.set(p.address, l);
      }
    }
    const p = this.w.persons[person]!;
    if (p.address < 0) return [];
    return (this.byAddress.get(p.address) ?? []).filter((q) => this.w.persons[q]!.household !== p.household);
  }

  /** Inpatient stays of the window period (not history). */
  private inpatients(): Enc[] {
    if (!this.windowInpatients)
      this.windowInpatients = this.w.encs.filter((e) => e.kind === 'inpatient' && !e.historic);
    return this.windowInpatients;
  }

  private inpatientsOn(d: number, site: number): Enc[] {
    return this.inpatients().filter((e) => e.d0 <= d && e.d1 >= d && this.w.depts[e.dept]!.site === site);
  }

  private specContacts(spec: number): Enc[] {
    if (!this.bySpec) {
      this.bySpec = new Map();
      for (const e of this.w.encs) {
        if (e.kind !== 'inpatient' && e.kind !== 'outpatient') continue;
        const sp = this.w.depts[e.dept]!.spec;
        const l = this.bySpec.get(sp) ?? [];
        l.push(e);
        this.bySpec.set(sp, l);
      }
    }
    return this.bySpec.get(spec) ?? [];
  }

  /** A moment inside one of the user's own shifts between day lo and hi. */
  private slot(st: Staff, lo: number, hi: number, dayOnly = false): { t: number; dept: number; d: number } | null {
    const a = Math.max(0, lo);
    const b = Math.min(this.D - 1, hi);
    if (b < a) return null;
    for (let tries = 0; tries < 60; tries++) {
      const d = this.rng.range(a, b);
      const sh = shiftOf(this.w, st, d);
      if (!sh || (dayOnly && (sh.kind === 'night' || sh.kind === 'oncall'))) continue;
      const t = Math.floor(sh.s0 + (0.05 + 0.9 * this.rng.next()) * (sh.s1 - sh.s0));
      if (t < this.w.windowStartUtc) continue;
      return { t, dept: sh.dept, d };
    }
    return null;
  }

  private push(ev: MisuseEvent): void {
    const d = Math.min(this.D - 1, Math.max(0, dayOf(this.w, ev.t)));
    const l = this.plan.byDay.get(d);
    if (l) l.push(ev);
    else this.plan.byDay.set(d, [ev]);
    this.plan.events++;
  }

  /** A short sitting with one patient: maybe a search first, then reads. Returns the time after the last event. */
  private visit(st: Staff, person: number, t: number, dept: number, n: number, o: EmitOpts = {}): number {
    const w = this.w;
    const rng = this.rng;
    const d = dayOf(w, t);
    const purpose = o.purpose ?? clinicalPurpose(rng, st);
    const ws = o.ws ?? workstation(w, st, dept, rng);
    const app = o.app ?? (dept >= 0 ? w.depts[dept]!.app : 'EPJ');
    const session = o.session ?? sessionId(w, st, d);
    const deptOut = o.dept ?? (rng.chance(0.04) ? -1 : dept);
    for (let j = 0; j < n; j++) {
      const action = j === 0 && rng.chance(o.search ?? 0.1) ? A_SEARCH : A_READ;
      this.push({ t, staff: st.idx, person, action, purpose, dept: deptOut, ws, app, session });
      t += 4000 + Math.floor(rng.exp(40_000));
    }
    return t;
  }

  /** Record a pair; false if it is already labelled (then the caller should choose another patient). */
  private claim(st: Staff, person: number, scenario: Scenario, noSkip = false): boolean {
    const k = pairKey(st.idx, person);
    if (this.truthKeys.has(k) || (st.person === person && scenario !== 'self_lookup')) return false;
    this.truthKeys.add(k);
    this.plan.truth.push({ staff: st.idx, person, scenario });
    if (!noSkip) this.plan.skip.add(k);
    return true;
  }

  /** Sessions spread over [lo, hi]: each in one of the user's shifts. Returns the number of sessions placed. */
  private sessions(
    st: Staff,
    person: number,
    k: number,
    lo: number,
    hi: number,
    nLo: number,
    nHi: number,
    o: EmitOpts = {},
  ): number {
    let placed = 0;
    for (let i = 0; i < k; i++) {
      const s = this.slot(st, lo, hi);
      if (!s) continue;
      this.visit(st, person, s.t, s.dept, this.rng.range(nLo, nHi), o);
      placed++;
    }
    return placed;
  }

  // --- blended families (material for the ex-partner scenario, and plain noise) -----------------------------------

  makeExPartners(): void {
    const w = this.w;
    const rng = this.rng;
    for (const st of w.staff) {
      if (st.person < 0 || !rng.chance(0.05)) continue;
      const p = w.persons[st.person]!;
      const kids = w.households[p.household]!.members.filter(
        (m) => m !== p.idx && this.age(m) < 18 && this.age(m) >= 1,
      );
      if (kids.length === 0) continue;
      let family = rng.pick(w.surnames);
      while (family === p.family) family = rng.pick(w.surnames);
      const site = p.muni >= 0 ? MUNICIPALITIES[p.muni]!.site : 0;
      const munis = MUNICIPALITIES.map((m, i) => ({ m, i })).filter((o) => o.m.site === site);
      const muni = p.muni >= 0 && rng.chance(0.6) ? p.muni : rng.pick(munis).i;
      const hh = addHousehold(w, muni, addAddress(w, muni, false));
      const ex = addPerson(w, rng, hh, family, !p.female, p.birthYear + rng.range(-4, 4));
      if (rng.chance(0.4)) addPerson(w, rng, hh, rng.pick(w.surnames), p.female, p.birthYear + rng.range(-6, 6));
      for (const k of kids) {
        w.persons[k]!.family = family;
        linkKin(w, k, ex);
      }
      st.exPartner = ex;
      // Most of these people have been patients at some point, like anyone else.
      if (rng.chance(0.7)) addHistoric(w, rng, ex, site);
    }
  }

  // --- scenarios ---------------------------------------------------------------------------------------------------

  private family_snooping(): number {
    const st = this.pickUser((s) => this.clinical(s) && this.kin(s).length > 0);
    if (!st) return 0;
    const cands = this.rng.shuffle(this.kin(st).filter((k) => !this.caredBy(st, k)));
    const want = this.rng.chance(0.3) ? 2 : 1;
    let pairs = 0;
    for (const target of cands.slice(0, want)) {
      this.ensureRegistered(target);
      const e = this.windowEnc(target);
      const lo = e && this.rng.chance(0.7) ? e.d0 : this.rng.int(this.D);
      const k = this.rng.range(1, 4);
      if (!this.claim(st, target, 'family_snooping')) continue;
      if (this.sessions(st, target, k, lo, lo + (e ? 10 : 20), 1, 3, { search: 0.4 }) > 0) pairs++;
      else this.unclaim();
    }
    if (pairs > 0) this.used.add(st.idx);
    return pairs;
  }

  private unclaim(): void {
    const last = this.plan.truth.pop();
    if (!last) return;
    const k = pairKey(last.staff, last.person);
    this.truthKeys.delete(k);
    this.plan.skip.delete(k);
  }

  private ex_partner(): number {
    const st = this.pickUser((s) => this.clinical(s) && s.exPartner >= 0);
    if (!st) return 0;
    const ex = st.exPartner;
    this.ensureRegistered(ex);
    if (!this.claim(st, ex, 'ex_partner')) return 0;
    if (this.sessions(st, ex, this.rng.range(2, 5), 0, this.D - 1, 1, 2, { search: 0.5 }) === 0) {
      this.unclaim();
      return 0;
    }
    this.used.add(st.idx);
    return 1;
  }

  private neighbour(): number {
    const st = this.pickUser((s) => this.clinical(s) && this.neighbours(s.person).length > 0);
    if (!st) return 0;
    const cands = this.rng.shuffle(this.neighbours(st.person).filter((q) => !this.caredBy(st, q) && this.age(q) >= 16));
    let pairs = 0;
    for (const q of cands.slice(0, this.rng.chance(0.25) ? 2 : 1)) {
      this.ensureRegistered(q);
      if (!this.claim(st, q, 'neighbour')) continue;
      if (this.sessions(st, q, this.rng.range(1, 3), this.rng.int(this.D), this.D - 1, 1, 2, { search: 0.5 }) > 0)
        pairs++;
      else this.unclaim();
    }
    if (pairs > 0) this.used.add(st.idx);
    return pairs;
  }

  private colleague_lookup(): number {
    const w = this.w;
    const st = this.pickUser((s) => this.clinical(s));
    if (!st) return 0;
    const sameDept = this.rng.chance(0.6);
    const cands = w.staff.filter(
      (c) =>
        c.person >= 0 &&
        c.idx !== st.idx &&
        (sameDept ? c.home === st.home : c.site === st.site) &&
        !this.sameHousehold(st, c.person) &&
        !this.caredBy(st, c.person),
    );
    if (cands.length === 0) return 0;
    const withEnc = cands.filter((c) => this.windowEnc(c.person) !== null);
    let pairs = 0;
    for (let i = 0; i < (this.rng.chance(0.2) ? 2 : 1); i++) {
      const c = withEnc.length > 0 && this.rng.chance(0.6) ? this.rng.pick(withEnc) : this.rng.pick(cands);
      this.ensureRegistered(c.person);
      const e = this.windowEnc(c.person);
      const lo = e ? e.d0 : this.rng.int(this.D);
      if (!this.claim(st, c.person, 'colleague_lookup')) continue;
      if (this.sessions(st, c.person, this.rng.range(1, 2), lo, lo + 7, 1, 3, { search: 0.4 }) > 0) pairs++;
      else this.unclaim();
    }
    if (pairs > 0) this.used.add(st.idx);
    return pairs;
  }

  private self_lookup(): number {
    const preferEnc = this.rng.chance(0.6);
    const st = this.pickUser(
      (s) =>
        this.clinical(s) &&
        this.w.persons[s.person]!.encs.length > 0 &&
        (!preferEnc || this.windowEnc(s.person) !== null),
    );
    if (!st) return 0;
    const e = this.windowEnc(st.person);
    const lo = e ? e.d0 : this.rng.int(this.D);
    if (!this.claim(st, st.person, 'self_lookup')) return 0;
    if (this.sessions(st, st.person, this.rng.range(1, 4), lo, lo + 14, 1, 3, { search: 0.3 }) === 0) {
      this.unclaim();
      return 0;
    }
    this.used.add(st.idx);
    return 1;
  }

  private vip_celebrity(): number {
    const w = this.w;
    const rng = this.rng;
    const encs = this.inpatients().filter((e) => e.d0 >= 5 && e.d0 <= this.D - 6 && w.persons[e.person]!.staff < 0);
    if (encs.length === 0) return 0;
    const e = rng.pick(encs);
    const site = w.depts[e.dept]!.site;
    const units = w.sites[site]!;
    const spec = w.depts[e.dept]!.spec;
    const cands = rng.shuffle(
      w.staff.filter(
        (s) =>
          s.person >= 0 &&
          s.to === OPEN &&
          s.from < e.d0 &&
          (s.job === 'nurse' || s.job === 'doctor' || s.job === 'resident' || s.job === 'secretary') &&
          (s.site === site || rng.chance(0.2)) &&
          s.home !== e.dept &&
          s.home !== units.er &&
          s.home !== units.icu &&
          !(s.spec === spec && s.role === 'physician') &&
          s.idx !== e.doc &&
          s.idx !== e.nurse &&
          s.idx !== e.consultDoc &&
          !this.used.has(s.idx) &&
          !this.caredBy(s, e.person),
      ),
    );
    const m = this.size(4, 8);
    let pairs = 0;
    for (const st of cands) {
      if (pairs >= m) break;
      if (!this.claim(st, e.person, 'vip_celebrity')) continue;
      if (this.sessions(st, e.person, rng.chance(0.75) ? 1 : 2, e.d0, e.d0 + 3, 1, 3, { search: 0.6 }) > 0) {
        pairs++;
        this.used.add(st.idx);
      } else this.unclaim();
    }
    return pairs;
  }

  private curiosity_browsing(): number {
    const rng = this.rng;
    const st = this.pickUser(
      (s) =>
        this.clinical(s) &&
        (s.job === 'nurse' ||
          s.job === 'secretary' ||
          s.job === 'doctor' ||
          s.job === 'resident' ||
          s.job === 'registrar'),
    );
    if (!st) return 0;
    const base = rng.int(Math.max(1, this.D - 10));
    const m = this.size(5, 10);
    let pairs = 0;
    for (let i = 0; i < m * 3 && pairs < m; i++) {
      const s = this.slot(st, base, base + 10);
      if (!s) break;
      let target: number;
      if (rng.chance(0.5)) {
        const census = this.inpatientsOn(s.d, st.site).filter((e) => e.dept !== s.dept && e.dept !== st.home);
        if (census.length === 0) continue;
        target = rng.pick(census).person;
      } else {
        target = rng.pick(this.registered(st.site));
      }
      if (this.caredBy(st, target) || this.sameHousehold(st, target) || target === st.person) continue;
      if (!this.claim(st, target, 'curiosity_browsing')) continue;
      this.visit(st, target, s.t, s.dept, rng.range(1, 2), { search: 0.5 });
      pairs++;
    }
    if (pairs > 0) this.used.add(st.idx);
    return pairs;
  }

  private slow_snooping(): number {
    const w = this.w;
    const rng = this.rng;
    const st = this.pickUser((s) => this.clinical(s) && w.persons[s.person]!.muni >= 0);
    if (!st) return 0;
    const me = w.persons[st.person]!;
    const kin = new Set(this.kin(st));
    let target = -1;
    for (let i = 0; i < 200; i++) {
      const q = rng.pick(this.registered(st.site));
      const p = w.persons[q]!;
      if (p.muni !== me.muni || p.family === me.family || kin.has(q) || q === st.person || this.age(q) < 18) continue;
      if (this.caredBy(st, q)) continue;
      target = q;
      break;
    }
    if (target < 0 || !this.claim(st, target, 'slow_snooping')) return 0;
    let d = rng.int(Math.max(1, Math.floor(this.D / 3)));
    let placed = 0;
    while (d < this.D) {
      placed += this.sessions(st, target, 1, d, d + 2, 1, 2, { search: 0.3 });
      d += rng.range(5, 12);
    }
    if (placed === 0) {
      this.unclaim();
      return 0;
    }
    this.used.add(st.idx);
    return 1;
  }

  private break_glass_no_emergency(): number {
    const w = this.w;
    const rng = this.rng;
    const st = this.pickUser(
      (s) =>
        this.clinical(s) &&
        (s.job === 'nurse' || s.job === 'doctor' || s.job === 'resident' || s.job === 'secretary') &&
        s.rotation.length === 0 &&
        (w.depts[s.home]!.unit === 'ward' || w.depts[s.home]!.unit === 'outpatient'),
    );
    if (!st) return 0;
    let pairs = 0;
    const want = rng.chance(0.2) ? 2 : 1;
    for (let i = 0; i < 100 && pairs < want; i++) {
      const q = rng.pick(this.registered(rng.chance(0.85) ? st.site : 1 - st.site));
      const p = w.persons[q]!;
      if (p.encs.some((e) => e.kind === 'emergency' && e.d0 >= -3)) continue;
      if (this.caredBy(st, q) || this.sameHousehold(st, q) || q === st.person) continue;
      const s = this.slot(st, 0, this.D - 1);
      if (!s) return pairs;
      if (!this.claim(st, q, 'break_glass_no_emergency')) continue;
      this.visit(st, q, s.t, s.dept, rng.range(1, 4), { purpose: P_ETREAT, search: 0.5 });
      if (rng.chance(0.25)) this.sessions(st, q, 1, s.d + 1, s.d + 5, 1, 2, { purpose: P_ETREAT });
      pairs++;
    }
    if (pairs > 0) this.used.add(st.idx);
    return pairs;
  }

  private after_employment_end(): number {
    const w = this.w;
    const rng = this.rng;
    const ok = (s: Staff): boolean =>
      s.person >= 0 && s.from < 0 && CLINICAL_JOBS.has(s.job) && s.job !== 'pharmacist' && s.rotation.length === 0;
    let st = this.pickUser((s) => ok(s) && s.to >= 3 && s.to <= this.D - 10);
    if (!st) {
      st = this.pickUser((s) => ok(s) && s.to === OPEN && !s.manager);
      if (!st) return 0;
      st.to = rng.range(5, Math.max(6, Math.floor(this.D * 0.6)));
      // Nobody is put in charge of a patient after they have left.
      for (const e of w.encs) {
        if (e.d0 <= st.to) continue;
        if (e.doc === st.idx) e.doc = -1;
        if (e.nurse === st.idx) e.nurse = -1;
        if (e.consultDoc === st.idx) e.consultDoc = -1;
      }
    }
    const leftDay = st.to;
    const former = this.inpatients().filter((e) => e.dept === st.home && e.d1 >= leftDay - 60 && e.d1 <= leftDay);
    const me = w.persons[st.person]!;
    const m = this.size(1, 4, Math.sqrt(this.f));
    let pairs = 0;
    for (let i = 0; i < m * 4 && pairs < m; i++) {
      let q: number;
      if (former.length > 0 && rng.chance(0.5)) q = rng.pick(former).person;
      else {
        q = rng.pick(this.registered(st.site));
        if (w.persons[q]!.muni !== me.muni) continue;
      }
      if (q === st.person || this.sameHousehold(st, q)) continue;
      if (!this.claim(st, q, 'after_employment_end')) continue;
      const visits = rng.range(1, 2);
      let placed = 0;
      for (let v = 0; v < visits; v++) {
        let d = rng.range(leftDay + 2, this.D - 1);
        if (isWeekend(w, d) && rng.chance(0.8)) d = Math.min(this.D - 1, d + 2);
        if (d <= leftDay) continue;
        const t = utcAt(w, d, rng.range(7 * 60 + 30, 21 * 60));
        const ws = st.vpn && rng.chance(0.5) ? st.vpn : rng.chance(0.6) ? workstation(w, st, st.home, rng) : '';
        this.visit(st, q, t, st.home, rng.range(1, 3), { search: 0.4, ws, dept: rng.chance(0.3) ? -1 : st.home });
        placed++;
      }
      if (placed > 0) pairs++;
      else this.unclaim();
    }
    if (pairs > 0) this.used.add(st.idx);
    return pairs;
  }

  private compromised_account(): number {
    const w = this.w;
    const rng = this.rng;
    const st = this.pickUser(
      (s) =>
        this.clinical(s) &&
        s.pattern === 'office' &&
        (s.job === 'secretary' || s.job === 'registrar' || s.job === 'therapist' || s.job === 'nurse'),
    );
    if (!st) return 0;
    const vpns = new Set(w.staff.map((s) => s.vpn));
    let vpn = `VPN-${rng.range(10000, 99999)}`;
    while (vpns.has(vpn)) vpn = `VPN-${rng.range(10000, 99999)}`;
    const nights = rng.range(1, 3);
    const days: number[] = [];
    const first = rng.range(1, Math.max(1, this.D - 4));
    for (let i = 0; i < nights; i++) days.push(Math.min(this.D - 1, first + i * rng.range(1, 3)));
    const session = `s${rng.u32().toString(16).padStart(8, '0')}`;
    const m = this.size(5, 10);
    let pairs = 0;
    for (let i = 0; i < m * 3 && pairs < m; i++) {
      const q = rng.pick(this.registered(rng.chance(0.7) ? st.site : 1 - st.site));
      if (q === st.person || this.sameHousehold(st, q) || this.caredBy(st, q)) continue;
      if (!this.claim(st, q, 'compromised_account')) continue;
      const d = rng.pick(days);
      let t = utcAt(w, d, 30 + rng.next() * 240);
      const dept = rng.chance(0.5) ? st.home : -1;
      t = this.visit(st, q, t, st.home, rng.range(1, 2), { search: 0.6, ws: vpn, session, dept, purpose: P_NONE });
      if (rng.chance(0.25)) {
        this.push({
          t,
          staff: st.idx,
          person: q,
          action: A_EXPORT,
          purpose: P_NONE,
          dept,
          ws: vpn,
          app: 'EPJ',
          session,
        });
      }
      pairs++;
    }
    if (pairs > 0) this.used.add(st.idx);
    return pairs;
  }

  private bulk_export(): number {
    const w = this.w;
    const rng = this.rng;
    const st = this.pickUser(
      (s) => this.clinical(s) && (s.job === 'secretary' || s.job === 'registrar') && s.pattern === 'office',
    );
    if (!st) return 0;
    const s = this.slot(st, 10, this.D - 1, true);
    if (!s) return 0;
    const wards = w.depts.filter(
      (d) => (d.unit === 'ward' || d.unit === 'icu') && d.idx !== st.home && d.idx !== s.dept,
    );
    const ward = rng.pick(wards);
    const pool = [
      ...new Set(
        this.inpatients()
          .filter((e) => e.dept === ward.idx && e.d1 >= s.d - 60 && e.d1 < s.d)
          .map((e) => e.person),
      ),
    ];
    const m = this.size(6, 14);
    const ws = workstation(w, st, s.dept, rng);
    const purpose = rng.chance(0.3) ? P_HOPERAT : P_NONE;
    let t = s.t;
    let pairs = 0;
    for (let i = 0; i < m * 3 && pairs < m; i++) {
      const q = pool.length > 0 && rng.chance(0.8) ? rng.pick(pool) : rng.pick(this.registered(st.site));
      if (q === st.person || this.sameHousehold(st, q) || this.caredBy(st, q)) continue;
      if (!this.claim(st, q, 'bulk_export')) continue;
      const session = sessionId(w, st, s.d);
      if (rng.chance(0.5)) {
        this.push({ t, staff: st.idx, person: q, action: A_READ, purpose, dept: s.dept, ws, app: 'EPJ', session });
        t += 3000 + Math.floor(rng.exp(15_000));
      }
      const action = rng.chance(0.55) ? A_PRINT : A_EXPORT;
      this.push({ t, staff: st.idx, person: q, action, purpose, dept: s.dept, ws, app: 'EPJ', session });
      t += 20_000 + Math.floor(rng.next() * 100_000);
      pairs++;
    }
    if (pairs > 0) this.used.add(st.idx);
    return pairs;
  }

  private cross_site_lookup(): number {
    const w = this.w;
    const rng = this.rng;
    const st = this.pickUser(
      (s) =>
        this.clinical(s) &&
        (s.job === 'nurse' || s.job === 'secretary' || s.job === 'doctor' || s.job === 'resident') &&
        rng.chance(s.site === 1 ? 1 : 0.4),
    );
    if (!st) return 0;
    const other = 1 - st.site;
    const m = this.size(3, 6, Math.sqrt(this.f));
    const base = rng.int(Math.max(1, this.D - 21));
    let pairs = 0;
    for (let i = 0; i < m * 6 && pairs < m; i++) {
      const q = rng.pick(this.registered(other));
      if (w.persons[q]!.encs.some((e) => w.depts[e.dept]!.site === st.site)) continue;
      if (this.sameHousehold(st, q) || this.caredBy(st, q)) continue;
      if (!this.claim(st, q, 'cross_site_lookup')) continue;
      if (this.sessions(st, q, rng.chance(0.3) ? 2 : 1, base, base + 21, 1, 2, { search: 0.5 }) > 0) pairs++;
      else this.unclaim();
    }
    if (pairs > 0) this.used.add(st.idx);
    return pairs;
  }

  private research_outside_study(): number {
    const w = this.w;
    const rng = this.rng;
    let st = this.pickUser((s) => s.job === 'researcher' && s.studies.length > 0 && s.to === OPEN && s.person >= 0);
    if (!st) {
      // Few researchers in a small hospital: the same one may do it twice.
      const all = w.staff.filter(
        (s) => s.job === 'researcher' && s.studies.length > 0 && s.to === OPEN && s.person >= 0,
      );
      if (all.length === 0) return 0;
      st = rng.pick(all);
    }
    const enrolled = new Set<number>();
    for (const i of st.studies) for (const p of w.studies[i]!.patients) enrolled.add(p);
    const spec = w.studies[st.studies[0]!]!.spec;
    const pool = this.specContacts(spec).filter((e) => !enrolled.has(e.person));
    if (pool.length === 0) return 0;
    const m = this.size(3, 6);
    const base = rng.int(Math.max(1, this.D - 7));
    let pairs = 0;
    for (let i = 0; i < m * 3 && pairs < m; i++) {
      const q = rng.pick(pool).person;
      if (q === st.person || this.sameHousehold(st, q)) continue;
      if (!this.claim(st, q, 'research_outside_study')) continue;
      const purpose = rng.chance(0.9) ? P_HRESCH : P_NONE;
      if (this.sessions(st, q, 1, base, base + 6, 1, 3, { search: 0.3, purpose }) > 0) pairs++;
      else this.unclaim();
    }
    if (pairs > 0) this.used.add(st.idx);
    return pairs;
  }

  private discharged_followup(): number {
    const w = this.w;
    const rng = this.rng;
    const cands = this.inpatients().filter((e) => {
      if (e.nurse < 0 || e.d1 < 2 || e.d1 > Math.floor(this.D * 0.45)) return false;
      if (this.D - e.d1 < 21) return false;
      const st = w.staff[e.nurse]!;
      return st.to === OPEN && st.from < 0 && st.person >= 0 && !this.used.has(st.idx) && st.person !== e.person;
    });
    if (cands.length === 0) return 0;
    const e = rng.pick(cands);
    const st = w.staff[e.nurse]!;
    if (this.sameHousehold(st, e.person)) return 0;
    if (!this.claim(st, e.person, 'discharged_followup', true)) return 0;
    let d = e.d1 + rng.range(4, 8);
    let placed = 0;
    while (d < this.D) {
      placed += this.sessions(st, e.person, 1, d, d + 2, 1, 2, { search: 0.2 });
      d += rng.range(5, 9);
    }
    if (placed === 0) {
      this.unclaim();
      return 0;
    }
    this.used.add(st.idx);
    return 1;
  }

  private relative_in_own_unit(): number {
    const w = this.w;
    const rng = this.rng;
    const st = this.pickUser(
      (s) => this.clinical(s) && s.job === 'nurse' && w.depts[s.home]!.unit === 'ward' && this.kin(s).length > 0,
    );
    if (!st || this.D < 20) return 0;
    const kin = this.kin(st).filter((k) => this.age(k) >= 1);
    if (kin.length === 0) return 0;
    const q = rng.pick(kin);
    const startDay = rng.range(5, this.D - 12);
    const los = rng.range(3, 9);
    const start = utcAt(w, startDay, rng.range(9 * 60, 20 * 60));
    const end = utcAt(w, startDay + los, rng.range(10 * 60, 15 * 60));
    const nurses = w.deptNurses[st.home]!.filter((n) => n !== st.idx);
    const docs = w.deptDoctors[st.home]!;
    const e: Enc = {
      id: '',
      person: q,
      dept: st.home,
      kind: 'inpatient',
      start,
      end,
      d0: startDay,
      d1: startDay + los,
      doc: docs.length > 0 ? rng.pick(docs) : -1,
      nurse: nurses.length > 0 ? rng.pick(nurses) : -1,
      admitTo: -1,
      consultDoc: -1,
      consultDay: -1,
      therapy: false,
      palliative: false,
      historic: false,
      priority: 'akutt',
    };
    w.encs.push(e);
    w.persons[q]!.encs.push(e);
    if (!this.claim(st, q, 'relative_in_own_unit')) return 0;
    let placed = 0;
    for (let d = startDay; d <= startDay + los; d++) {
      const sh = shiftOf(w, st, d);
      if (!sh || !rng.chance(0.85)) continue;
      const lo = Math.max(sh.s0, start);
      const hi = Math.min(sh.s1, end);
      if (hi <= lo) continue;
      for (let v = rng.range(1, 3); v > 0; v--) {
        this.visit(st, q, Math.floor(lo + rng.next() * (hi - lo)), sh.dept, rng.range(1, 3), { search: 0.05 });
        placed++;
      }
    }
    if (placed === 0) {
      this.unclaim();
      return 0;
    }
    this.used.add(st.idx);
    return 1;
  }

  private manager_checks_staff(): number {
    const w = this.w;
    const rng = this.rng;
    const st = this.pickUser((s) => s.manager && s.person >= 0 && s.to === OPEN && s.from < 0);
    if (!st) return 0;
    const team = w.staff.filter(
      (c) =>
        c.person >= 0 &&
        c.idx !== st.idx &&
        c.home === st.home &&
        !this.sameHousehold(st, c.person) &&
        !this.caredBy(st, c.person),
    );
    if (team.length === 0) return 0;
    const sick = team.filter((c) => this.windowEnc(c.person) !== null);
    const m = rng.range(1, 3);
    let pairs = 0;
    for (let i = 0; i < m * 3 && pairs < m; i++) {
      const c = sick.length > 0 && rng.chance(0.7) ? rng.pick(sick) : rng.pick(team);
      this.ensureRegistered(c.person);
      const e = this.windowEnc(c.person);
      const lo = e ? e.d0 : rng.int(this.D);
      if (!this.claim(st, c.person, 'manager_checks_staff')) continue;
      if (this.sessions(st, c.person, rng.range(1, 2), lo, lo + 10, 1, 2, { search: 0.4 }) > 0) pairs++;
      else this.unclaim();
    }
    if (pairs > 0) this.used.add(st.idx);
    return pairs;
  }

  private namesake_fishing(): number {
    const w = this.w;
    const rng = this.rng;
    const st = this.pickUser((s) => this.clinical(s));
    if (!st) return 0;
    const byName = new Map<string, number[]>();
    for (const q of this.registered(st.site)) {
      const n = w.persons[q]!.family;
      const l = byName.get(n) ?? [];
      l.push(q);
      byName.set(n, l);
    }
    const me = w.persons[st.person]!;
    const names = [...byName.entries()].filter(([n, l]) => n !== me.family && l.length >= 3 && l.length <= 9);
    if (names.length === 0) return 0;
    const [, people] = rng.pick(names);
    const s = this.slot(st, 0, this.D - 1);
    if (!s) return 0;
    const k = Math.min(people.length, rng.range(3, 6));
    let t = s.t;
    let pairs = 0;
    const chosen: number[] = [];
    for (const q of rng.shuffle([...people])) {
      if (pairs >= k) break;
      if (q === st.person || this.sameHousehold(st, q) || this.caredBy(st, q)) continue;
      if (!this.claim(st, q, 'namesake_fishing')) continue;
      t = this.visit(st, q, t, s.dept, rng.range(1, 3), { search: 0.8 }) + rng.range(30, 240) * 1000;
      chosen.push(q);
      pairs++;
    }
    if (chosen.length > 0 && rng.chance(0.3)) this.sessions(st, rng.pick(chosen), 1, s.d + 5, s.d + 9, 1, 2);
    if (pairs > 0) this.used.add(st.idx);
    return pairs;
  }

  run(): void {
    const rng = this.rng;
    const budget = Math.max(40, Math.round(this.w.cfg.events / 4000));
    const fns: Record<Scenario, () => number> = {
      family_snooping: () => this.family_snooping(),
      ex_partner: () => this.ex_partner(),
      neighbour: () => this.neighbour(),
      colleague_lookup: () => this.colleague_lookup(),
      self_lookup: () => this.self_lookup(),
      vip_celebrity: () => this.vip_celebrity(),
      curiosity_browsing: () => this.curiosity_browsing(),
      slow_snooping: () => this.slow_snooping(),
      break_glass_no_emergency: () => this.break_glass_no_emergency(),
      after_employment_end: () => this.after_employment_end(),
      compromised_account: () => this.compromised_account(),
      bulk_export: () => this.bulk_export(),
      cross_site_lookup: () => this.cross_site_lookup(),
      research_outside_study: () => this.research_outside_study(),
      discharged_followup: () => this.discharged_followup(),
      relative_in_own_unit: () => this.relative_in_own_unit(),
      manager_checks_staff: () => this.manager_checks_staff(),
      namesake_fishing: () => this.namesake_fishing(),
    };
    const attempt = (sc: Scenario): number => {
      for (let tries = 0; tries < 6; tries++) {
        const n = fns[sc]();
        if (n > 0) {
          this.plan.incidents.set(sc, (this.plan.incidents.get(sc) ?? 0) + 1);
          return n;
        }
      }
      return 0;
    };
    let pairs = 0;
    for (const sc of rng.shuffle([...SCENARIOS])) pairs += attempt(sc);
    const weights = SCENARIOS.map((s) => INCIDENT_WEIGHT[s]);
    let stall = 0;
    while (pairs < budget && stall < 200) {
      const n = attempt(SCENARIOS[pickWeighted(rng, weights)]!);
      pairs += n;
      stall = n > 0 ? 0 : stall + 1;
    }
  }
}

export function planMisuse(w: World, seed: string): MisusePlan {
  const p = new Planner(w, new Rng(`misuse:${seed}`));
  p.makeExPartners();
  p.run();
  return p.plan;
}
