/**
 * Hospital contacts. History (up to three years back, coarse), then day by day from 45 days before the window to
 * its end: emergency visits (a third admitted), acute and elective admissions with intensive care, surgery and
 * transfers, births with newborn records, outpatient clinics with referrals, waiting lists and booked future
 * appointments, dialysis / chemotherapy / therapy series with a fixed therapist, and lab and radiology orders from
 * wards, clinics and general practitioners.
 */
import type { Tag } from './departments.js';
import { drawGivenName } from './names.js';
import type { Rng } from './rng.js';
import { WeightedTable } from './rng.js';
import type { Scheduler } from './schedule.js';
import { DAY, HOUR, MIN, utcToWall, wallToUtc } from './time.js';
import type { Role } from './types.js';
import { MUNICIPALITIES } from './population.js';
import { EMERGENCY, INPATIENT, ORDER, OTHER, OUTPATIENT, REFERRAL } from './types.js';
import type { World } from './world.js';

export const F_PHYSIO = 1;
export const F_PHARM = 2;
export const F_ELECTIVE = 4;
export const F_NEWBORN = 8;
export const F_EXTERNAL = 16;
export const F_SURGERY = 32;
export const F_SOCIAL = 64;

export class EncStore {
  n = 0;
  patient = new Int32Array(1 << 16);
  dept = new Int16Array(1 << 16);
  kind = new Uint8Array(1 << 16);
  start = new Float64Array(1 << 16);
  end = new Float64Array(1 << 16);
  clin = new Int32Array(1 << 16);
  flags = new Uint8Array(1 << 16);

  add(patient: number, dept: number, kind: number, start: number, end: number, clin = -1, flags = 0): number {
    if (this.n === this.patient.length) this.grow();
    const i = this.n++;
    this.patient[i] = patient;
    this.dept[i] = dept;
    this.kind[i] = kind;
    this.start[i] = start;
    this.end[i] = end;
    this.clin[i] = clin;
    this.flags[i] = flags;
    return i;
  }

  private grow(): void {
    const cap = this.patient.length * 2;
    const g = <T extends Int32Array | Int16Array | Uint8Array | Float64Array>(a: T, make: (n: number) => T): T => {
      const b = make(cap);
      b.set(a);
      return b;
    };
    this.patient = g(this.patient, (n) => new Int32Array(n));
    this.dept = g(this.dept, (n) => new Int16Array(n));
    this.kind = g(this.kind, (n) => new Uint8Array(n));
    this.start = g(this.start, (n) => new Float64Array(n));
    this.end = g(this.end, (n) => new Float64Array(n));
    this.clin = g(this.clin, (n) => new Int32Array(n));
    this.flags = g(this.flags, (n) => new Uint8Array(n));
  }
}

/** Age-band weights per unit type: 0–1, 2–15, 16–39, 40–64, 65–79, 80+. */
const BANDS: Partial<Record<Tag, readonly number[]>> = {
  med: [0, 0, 8, 26, 36, 30],
  geri: [0, 0, 0, 2, 30, 68],
  stroke: [0, 0, 3, 25, 40, 32],
  surg: [0, 2, 15, 38, 30, 15],
  ortho: [0, 6, 16, 24, 24, 30],
  icu: [1, 3, 16, 36, 30, 14],
  gyn: [0, 0, 45, 38, 13, 4],
  peds: [30, 70, 0, 0, 0, 0],
  psych: [0, 0, 58, 34, 7, 1],
  tsb: [0, 0, 62, 36, 2, 0],
  ed: [4, 10, 27, 26, 17, 16],
  opd: [1, 6, 20, 35, 25, 13],
  dialysis: [0, 0, 5, 35, 40, 20],
  onc: [0, 1, 6, 40, 38, 15],
  daysurg: [0, 8, 30, 37, 20, 5],
  dps: [0, 0, 66, 31, 3, 0],
  bup: [0, 100, 0, 0, 0, 0],
  obst: [0, 0, 100, 0, 0, 0],
  biochem: [1, 4, 22, 36, 24, 13],
};

interface WardCfg {
  los: number;
  sigma: number;
  acute: number;
  bedsPerNurse: number;
}

const WARD: Partial<Record<Tag, WardCfg>> = {
  med: { los: 3.2, sigma: 0.7, acute: 0.92, bedsPerNurse: 0.5 },
  geri: { los: 5.5, sigma: 0.5, acute: 0.9, bedsPerNurse: 0.5 },
  stroke: { los: 5, sigma: 0.6, acute: 1, bedsPerNurse: 0.45 },
  surg: { los: 2.8, sigma: 0.8, acute: 0.5, bedsPerNurse: 0.5 },
  ortho: { los: 3.8, sigma: 0.6, acute: 0.62, bedsPerNurse: 0.5 },
  icu: { los: 2.2, sigma: 0.8, acute: 1, bedsPerNurse: 0.22 },
  gyn: { los: 1.8, sigma: 0.6, acute: 0.5, bedsPerNurse: 0.5 },
  peds: { los: 2.2, sigma: 0.7, acute: 0.85, bedsPerNurse: 0.45 },
  psych: { los: 11, sigma: 0.8, acute: 0.8, bedsPerNurse: 0.45 },
  tsb: { los: 14, sigma: 0.5, acute: 0.2, bedsPerNurse: 0.5 },
};

const ED_HOURS = [
  1, 0.8, 0.6, 0.5, 0.5, 0.6, 0.8, 1.2, 2, 2.6, 2.8, 2.8, 2.7, 2.6, 2.6, 2.6, 2.6, 2.5, 2.4, 2.2, 2, 1.8, 1.5, 1.2,
];
const edHourTable = new WeightedTable(ED_HOURS);

const ageBand = (age: number): number =>
  age <= 1 ? 0 : age <= 15 ? 1 : age <= 39 ? 2 : age <= 64 ? 3 : age <= 79 ? 4 : 5;

export class Planner {
  readonly encs = new EncStore();
  /** [site 0/1][band][sex] → patients. */
  private readonly bands: number[][][][] = [0, 1].map(() => [0, 1, 2, 3, 4, 5].map(() => [[], []]));
  /** Patients seen before in a unit (follow-up candidates). */
  readonly known = new Map<number, number[]>();
  private readonly byDeptRole = new Map<string, number[]>();
  private readonly dutyCache = new Map<string, number[]>();
  private readonly D = (id: string): number => this.world.deptById.get(id)!;

  constructor(
    private readonly world: World,
    private readonly sched: Scheduler,
    private readonly rng: Rng,
  ) {
    const year = world.pop.year;
    world.pop.patients.forEach((p, i) => {
      if (p.test || p.muni < 0) return;
      const site = isLindvikMuni(p.muni) ? 1 : 0;
      this.bands[site]![ageBand(year - p.birthYear)]![p.sex]!.push(i);
    });
    for (const s of world.staff) {
      if (s.service) continue;
      const key = `${s.dept}:${s.role}`;
      const list = this.byDeptRole.get(key) ?? [];
      list.push(s.idx);
      this.byDeptRole.set(key, list);
    }
  }

  at(d: number, minutes: number): number {
    return wallToUtc(this.world.startWall + d * DAY + minutes * MIN);
  }

  count(dept: number, role: Role): number {
    return this.byDeptRole.get(`${dept}:${role}`)?.length ?? 0;
  }

  /** Someone of these roles in the unit who works that day; anyone of them if nobody does. */
  clinician(dept: number, d: number, roles: readonly Role[]): number {
    const key = `${dept}:${d}:${roles.join(',')}`;
    let list = this.dutyCache.get(key);
    if (!list) {
      const all = roles.flatMap((r) => this.byDeptRole.get(`${dept}:${r}`) ?? []);
      list = all.filter((s) => this.sched.duty(this.world.staff[s]!, d).some((sh) => sh.kind !== 'N'));
      if (list.length === 0) list = all;
      this.dutyCache.set(key, list);
    }
    return list.length === 0 ? -1 : this.rng.pick(list);
  }

  drawPatient(site: number, tag: Tag, female = false): number {
    const rng = this.rng;
    const w = BANDS[tag] ?? BANDS.opd!;
    let s = site === 2 ? (rng.chance(0.7) ? 0 : 1) : site === 1 ? (rng.chance(0.95) ? 1 : 0) : rng.chance(0.86) ? 0 : 1;
    for (let tries = 0; tries < 8; tries++) {
      const band = rng.weighted(w);
      const sex = female || tag === 'gyn' || tag === 'obst' ? 1 : rng.chance(0.5) ? 0 : 1;
      const list = this.bands[s]![band]![sex]!;
      if (list.length > 0) return rng.pick(list);
      s = 1 - s;
    }
    return this.rng.pick(this.bands[0]![3]![0]!);
  }

  private remember(dept: number, p: number): void {
    const list = this.known.get(dept) ?? [];
    list.push(p);
    this.known.set(dept, list);
  }

  add(p: number, dept: number, kind: number, start: number, end: number, clin = -1, flags = 0): number {
    if (kind !== ORDER && kind !== REFERRAL) this.remember(dept, p);
    return this.encs.add(p, dept, kind, start, end, clin, flags);
  }

  /** Discharge between 10 and 16 on the day the stay is over (the next day if that is too early). */
  private dischargeAt(earliest: number): number {
    const dayWall = Math.floor(utcToWall(earliest) / DAY) * DAY;
    const t = wallToUtc(dayWall + this.rng.int(10 * 60, 16 * 60) * MIN);
    return t >= earliest + 3 * HOUR ? t : wallToUtc(dayWall + DAY + this.rng.int(10 * 60, 16 * 60) * MIN);
  }

  dayOf(t: number): number {
    return Math.floor((utcToWall(t) - this.world.startWall) / DAY);
  }

  // ---------------------------------------------------------------------------------------------- history

  planHistory(): void {
    const rng = this.rng;
    const year = this.world.pop.year;
    const depts = this.world.depts;
    const pick = new Map<string, { table: WeightedTable; ids: number[] }>();
    const table = (site: number, kindTag: string, band: number): { table: WeightedTable; ids: number[] } => {
      const key = `${site}:${kindTag}:${band}`;
      let t = pick.get(key);
      if (!t) {
        const ids: number[] = [];
        const w: number[] = [];
        for (const d of depts) {
          const kindOk =
            kindTag === 'outpatient'
              ? d.kind === 'outpatient'
              : kindTag === 'inpatient'
                ? d.kind === 'ward' && d.tag !== 'neo' && d.tag !== 'postop'
                : d.kind === 'emergency';
          const siteOk = d.site === site || d.site === 2 || (site === 1 && d.site === 0 && kindTag !== 'emergency');
          if (!kindOk || !siteOk) continue;
          const bw = (BANDS[d.tag] ?? BANDS.opd!)[band] ?? 0;
          if (bw <= 0) continue;
          ids.push(d.idx);
          w.push(bw * d.weight * (d.site === site ? 1 : 0.25));
        }
        t = { table: new WeightedTable(w.length ? w : [1]), ids: ids.length ? ids : [this.D('BRK-MPOL')] };
        pick.set(key, t);
      }
      return t;
    };
    this.world.pop.patients.forEach((p, i) => {
      if (p.test || p.muni < 0) return;
      const age = year - p.birthYear;
      const lambda = age < 16 ? 0.3 : age < 40 ? 0.35 : age < 65 ? 0.6 : 1.1;
      const k = Math.min(4, rng.poisson(lambda));
      const site = isLindvikMuni(p.muni) ? 1 : 0;
      for (let j = 0; j < k; j++) {
        const kindTag = rng.pickWeighted([
          ['outpatient', 62],
          ['emergency', 22],
          ['inpatient', 16],
        ] as const);
        const t = table(site, kindTag, ageBand(age));
        const dept = t.ids[t.table.draw(rng)]!;
        const d = -rng.int(46, 1095);
        if (kindTag === 'outpatient') {
          const start = this.at(d, rng.int(8 * 60, 15 * 60));
          this.add(i, dept, OUTPATIENT, start, start + rng.int(20, 60) * MIN, this.anyClinician(dept));
        } else if (kindTag === 'emergency') {
          const start = this.at(d, edHourTable.draw(rng) * 60 + rng.int(0, 59));
          this.add(i, dept, EMERGENCY, start, start + rng.int(90, 420) * MIN, this.anyClinician(dept));
        } else {
          const start = this.at(d, rng.int(9 * 60, 22 * 60));
          const cfg = WARD[depts[dept]!.tag] ?? WARD.med!;
          this.add(
            i,
            dept,
            INPATIENT,
            start,
            this.dischargeAt(start + rng.logNormal(cfg.los, cfg.sigma) * DAY),
            this.anyClinician(dept),
          );
        }
      }
    });
  }

  private anyClinician(dept: number): number {
    const list = [
      ...(this.byDeptRole.get(`${dept}:physician`) ?? []),
      ...(this.byDeptRole.get(`${dept}:therapist`) ?? []),
    ];
    return list.length ? this.rng.pick(list) : -1;
  }

  // ---------------------------------------------------------------------------------------------- window

  planWindow(): void {
    const world = this.world;
    const days = world.days;
    const wards = world.depts.filter((d) => d.kind === 'ward' && WARD[d.tag]);
    const cohorts = this.makeCohorts();
    for (let d = -45; d < days + 45; d++) {
      const info = this.sched.day(d);
      const future = d >= days;
      if (!future) {
        for (const w of wards) this.wardDay(w.idx, d, info.closed, info.lowSeason);
        this.edWalkIns(d);
        this.births(d);
        this.gpOrders(d, info.closed);
      }
      this.outpatientDay(d, info.closed, info.lowSeason, cohorts, future);
    }
  }

  private beds(w: number): number {
    const cfg = WARD[this.world.depts[w]!.tag]!;
    return Math.max(3, Math.round(this.count(w, 'nurse') * cfg.bedsPerNurse));
  }

  private wardDay(w: number, d: number, closed: boolean, low: boolean): void {
    const rng = this.rng;
    const cfg = WARD[this.world.depts[w]!.tag]!;
    const meanLos = cfg.los * Math.exp((cfg.sigma * cfg.sigma) / 2);
    const lam = (this.beds(w) * 0.87) / meanLos;
    const acute = rng.poisson(lam * cfg.acute);
    const elective = closed ? 0 : rng.poisson(((lam * (1 - cfg.acute) * 7) / 5) * (low ? 0.6 : 1));
    for (let k = 0; k < acute; k++) this.admitAcute(w, d);
    for (let k = 0; k < elective; k++) this.admitElective(w, d);
  }

  private edFor(site: number): number {
    return this.D(site === 1 ? 'LVK-AMOT' : 'BRK-AMOT');
  }

  private labFor(site: number): number {
    return this.D(site === 1 ? 'LVK-LAB' : 'BRK-BIOK');
  }

  private radFor(site: number): number {
    return this.D(site === 1 ? 'LVK-RTG' : 'BRK-RTG');
  }

  /** An emergency visit with its orders; returns [encounter, end]. */
  edVisit(p: number, site: number, d: number): [number, number] {
    const rng = this.rng;
    const ed = this.edFor(site);
    const arrival = this.at(d, edHourTable.draw(rng) * 60 + rng.int(0, 59));
    const end = arrival + rng.int(100, 420) * MIN;
    const e = this.add(p, ed, EMERGENCY, arrival, end, this.clinician(ed, d, ['physician']));
    if (rng.chance(0.85))
      this.encs.add(p, this.labFor(site), ORDER, arrival + rng.int(10, 40) * MIN, arrival + rng.int(60, 150) * MIN);
    if (rng.chance(0.4))
      this.encs.add(p, this.radFor(site), ORDER, arrival + rng.int(20, 120) * MIN, arrival + rng.int(130, 300) * MIN);
    return [e, end];
  }

  private edWalkIns(d: number): void {
    for (const site of [0, 1]) {
      let acute = 0;
      for (const w of this.world.depts) {
        const cfg = WARD[w.tag];
        if (w.kind !== 'ward' || !cfg) continue;
        if ((site === 0 && w.site === 1) || (site === 1 && w.site !== 1)) continue;
        acute += ((this.beds(w.idx) * 0.87) / (cfg.los * Math.exp((cfg.sigma * cfg.sigma) / 2))) * cfg.acute;
      }
      const n = this.rng.poisson(acute * 1.8);
      for (let k = 0; k < n; k++) this.edVisit(this.drawPatient(site, 'ed'), site, d);
    }
  }

  inpatientStay(p: number, w: number, start: number, los: number, flags: number): number {
    const rng = this.rng;
    const dept = this.world.depts[w]!;
    const end = this.dischargeAt(start + los * DAY);
    let f = flags;
    const t = dept.tag;
    if (
      rng.chance(
        t === 'ortho' || t === 'geri' || t === 'stroke'
          ? 0.5
          : t === 'icu'
            ? 0.3
            : t === 'med' || t === 'surg'
              ? 0.2
              : 0.03,
      )
    )
      f |= F_PHYSIO;
    if (rng.chance(t === 'psych' || t === 'tsb' ? 0.1 : t === 'peds' ? 0.15 : 0.32)) f |= F_PHARM;
    if (rng.chance(t === 'geri' ? 0.35 : t === 'psych' || t === 'tsb' ? 0.25 : 0.06)) f |= F_SOCIAL;
    const startDay = this.dayOf(start);
    const e = this.add(p, w, INPATIENT, start, end, this.clinician(w, startDay, ['physician']), f);
    // Daily orders while admitted.
    const lastDay = Math.min(this.dayOf(end), this.world.days);
    const site = dept.site === 1 ? 1 : 0;
    for (let d = startDay; d <= lastDay; d++) {
      const morning = d === startDay ? start + 30 * MIN : this.at(d, rng.int(390, 510));
      if (morning >= end) break;
      if (
        t === 'psych' || t === 'tsb' ? rng.chance(d === startDay ? 0.8 : 0.08) : rng.chance(d === startDay ? 0.9 : 0.5)
      )
        this.encs.add(p, this.labFor(site), ORDER, morning, morning + rng.int(60, 180) * MIN);
      if (rng.chance(0.06)) this.encs.add(p, this.D('BRK-MIKR'), ORDER, morning, morning + rng.int(24, 72) * HOUR);
      if (rng.chance(t === 'psych' || t === 'tsb' ? 0.01 : 0.11)) {
        const rt = this.at(d, rng.int(540, 900));
        if (rt < end)
          this.encs.add(
            p,
            rng.chance(0.08) ? this.D('BRK-NUK') : this.radFor(site),
            ORDER,
            rt,
            rt + rng.int(30, 240) * MIN,
          );
      }
      if (rng.chance(t === 'icu' ? 0.15 : 0.02))
        this.encs.add(p, this.D('BRK-BLOD'), ORDER, morning, morning + rng.int(60, 240) * MIN);
    }
    return e;
  }

  private surgery(p: number, at: number, site: number, pathology: boolean): void {
    const rng = this.rng;
    const op = this.D('BRK-OP');
    const len = rng.int(45, 240) * MIN;
    this.encs.add(p, op, OTHER, at, at + len, this.clinician(op, this.dayOf(at), ['nurse']), F_SURGERY);
    if (site === 0 && rng.chance(0.55))
      this.encs.add(p, this.D('BRK-POST'), INPATIENT, at + len, at + len + rng.int(3, 20) * HOUR);
    if (pathology && rng.chance(0.4))
      this.encs.add(p, this.D('BRK-PAT'), ORDER, at + len, at + len + rng.int(3, 10) * DAY);
  }

  private admitAcute(w: number, d: number): void {
    const rng = this.rng;
    const dept = this.world.depts[w]!;
    const cfg = WARD[dept.tag]!;
    const site = dept.site === 1 ? 1 : 0;
    const p = this.drawPatient(dept.site, dept.tag);
    let start: number;
    if (dept.site === 2 && rng.chance(0.5)) start = this.at(d, rng.int(10 * 60, 23 * 60));
    else start = this.edVisit(p, site, d)[1];
    const los = rng.logNormal(cfg.los, cfg.sigma);
    this.inpatientStay(p, w, start, los, 0);
    if ((dept.tag === 'surg' || dept.tag === 'ortho') && rng.chance(0.55))
      this.surgery(p, start + rng.int(2, 20) * HOUR, site, true);
    if (dept.tag === 'icu') {
      // After intensive care: transfer to a ward for the rest of the stay.
      const icuEnd = this.encs.end[this.encs.n - 1]!;
      const wards = this.world.depts.filter(
        (x) => x.site === 0 && (x.tag === 'med' || x.tag === 'surg' || x.tag === 'ortho'),
      );
      if (rng.chance(0.85)) this.inpatientStay(p, rng.pick(wards).idx, icuEnd, rng.logNormal(4, 0.6), 0);
    }
  }

  private admitElective(w: number, d: number): void {
    const rng = this.rng;
    const dept = this.world.depts[w]!;
    const cfg = WARD[dept.tag]!;
    const site = dept.site === 1 ? 1 : 0;
    const p = this.drawPatient(dept.site, dept.tag);
    const start = this.at(d, rng.int(7 * 60, 10 * 60 + 30));
    const clinic =
      dept.tag === 'ortho'
        ? this.D('BRK-OPOL')
        : dept.tag === 'surg'
          ? this.D(site === 1 ? 'LVK-POL' : 'BRK-KPOL')
          : dept.tag === 'psych' || dept.tag === 'tsb'
            ? this.D('HMO-DPS')
            : dept.tag === 'gyn'
              ? w
              : this.D(site === 1 ? 'LVK-POL' : 'BRK-MPOL');
    const refStart = start - rng.int(20, 150) * DAY - rng.int(0, 8) * HOUR;
    let refEnd = start;
    if (rng.chance(0.55)) {
      const visitDay = d - rng.int(5, 25);
      const vs = this.at(visitDay, rng.int(8 * 60, 15 * 60));
      this.add(p, clinic, OUTPATIENT, vs, vs + rng.int(20, 50) * MIN, this.clinician(clinic, visitDay, ['physician']));
      refEnd = vs;
    }
    this.encs.add(p, clinic, REFERRAL, Math.min(refStart, refEnd - 3 * DAY), refEnd);
    this.inpatientStay(p, w, start, rng.logNormal(cfg.los, cfg.sigma), F_ELECTIVE);
    if (dept.tag === 'surg' || dept.tag === 'ortho' || dept.tag === 'gyn') {
      this.surgery(p, start + rng.int(1, 5) * HOUR, site, true);
      // Pre-operative assessment in the anaesthesia clinic a few days before.
      if (site === 0 && rng.chance(0.6)) {
        const pre = d - rng.int(1, 14);
        const ane = this.D('BRK-ANE');
        const ps = this.at(pre, rng.int(8 * 60, 14 * 60));
        this.add(p, ane, OUTPATIENT, ps, ps + rng.int(20, 45) * MIN, this.clinician(ane, pre, ['physician']));
      }
    }
  }

  private births(d: number): void {
    const rng = this.rng;
    const pop = this.world.pop;
    for (const [ward, site] of [
      ['BRK-FOD', 0],
      ['LVK-FOD', 1],
    ] as const) {
      const w = this.D(ward);
      const n = rng.poisson(Math.max(0.3, this.count(w, 'nurse') * 0.1));
      for (let k = 0; k < n; k++) {
        let mother = this.drawPatient(site, 'obst', true);
        for (
          let t = 0;
          t < 5 && (pop.year - pop.patients[mother]!.birthYear < 19 || pop.year - pop.patients[mother]!.birthYear > 43);
          t++
        )
          mother = this.drawPatient(site, 'obst', true);
        const m = pop.patients[mother]!;
        const start = this.at(d, rng.int(0, 1439));
        const los = rng.logNormal(2.2, 0.4);
        this.inpatientStay(mother, w, start - rng.int(2, 14) * HOUR, los, 0);
        const birthTime = start;
        const sex: 0 | 1 = rng.chance(0.51) ? 0 : 1;
        const by = new Date(birthTime + HOUR).getUTCFullYear();
        const given = rng.chance(0.3) ? (sex === 0 ? 'Guttebarn' : 'Jentebarn') : drawGivenName(rng, 0, sex, by);
        const baby = pop.addPerson(m.family, given, by, sex, m.addr);
        this.world.motherOf.set(baby, mother);
        if (rng.chance(0.08))
          this.inpatientStay(
            baby,
            this.D('BRK-NYF'),
            birthTime + rng.int(20, 90) * MIN,
            rng.logNormal(8, 0.7),
            F_NEWBORN,
          );
        else this.inpatientStay(baby, w, birthTime, los, F_NEWBORN);
      }
    }
  }

  private gpOrders(d: number, closed: boolean): void {
    const rng = this.rng;
    for (const id of ['BRK-BIOK', 'LVK-LAB', 'BRK-MIKR', 'BRK-RTG', 'LVK-RTG', 'BRK-PAT']) {
      const dept = this.D(id);
      const staffN = this.count(dept, 'lab') + this.count(dept, 'radiology');
      const rate = (id.includes('RTG') ? 0.7 : id === 'BRK-PAT' ? 0.8 : 1.6) * staffN * (closed ? 0.08 : 1);
      const n = rng.poisson(rate);
      const site = id.startsWith('LVK') ? 1 : 0;
      for (let k = 0; k < n; k++) {
        const p = this.drawPatient(site, 'biochem');
        const t = this.at(d, rng.int(9 * 60, 16 * 60));
        this.encs.add(p, dept, ORDER, t, t + rng.int(2, 30) * HOUR, -1, F_EXTERNAL);
      }
    }
  }

  private makeCohorts(): Cohort[] {
    const rng = this.rng;
    const out: Cohort[] = [];
    for (const d of this.world.depts) {
      if (d.kind !== 'outpatient') continue;
      const therapists = [
        ...(this.byDeptRole.get(`${d.idx}:therapist`) ?? []),
        ...(this.byDeptRole.get(`${d.idx}:physician`) ?? []),
      ];
      let size = 0;
      let period = 7;
      if (d.tag === 'dialysis') size = Math.round(this.count(d.idx, 'nurse') * 1.6);
      else if (d.tag === 'onc') size = Math.round(this.count(d.idx, 'physician') * 22 + 5);
      else if (d.tag === 'dps' || d.tag === 'bup') size = Math.round(therapists.length * 14);
      if (size === 0) continue;
      const site = d.site;
      for (let k = 0; k < size; k++) {
        if (d.tag === 'onc') period = rng.chance(0.5) ? 14 : 21;
        else if (d.tag === 'dps' || d.tag === 'bup') period = rng.chance(0.6) ? 7 : 14;
        out.push({
          dept: d.idx,
          patient: this.drawPatient(site, d.tag),
          period,
          phase: rng.int(0, 20),
          therapist: therapists.length ? rng.pick(therapists) : -1,
          from: rng.chance(0.7) ? -400 : rng.int(-45, this.world.days),
          dialysis: d.tag === 'dialysis',
          slot: rng.int(0, 14),
        });
      }
    }
    return out;
  }

  private outpatientDay(d: number, closed: boolean, low: boolean, cohorts: Cohort[], future: boolean): void {
    const rng = this.rng;
    const info = this.sched.day(d);
    for (const c of cohorts) {
      if (d < c.from) continue;
      let visit: boolean;
      if (c.dialysis)
        visit =
          info.dow === 6 || info.holiday
            ? false
            : c.phase % 2 === 0
              ? [0, 2, 4].includes(info.dow)
              : [1, 3, 5].includes(info.dow);
      else visit = !closed && (d + c.phase) % c.period === 0;
      if (!visit) continue;
      const start = this.at(d, c.dialysis ? (c.slot % 2 ? 12 * 60 + 30 : 7 * 60 + 30) : 8 * 60 + c.slot * 30);
      const len = c.dialysis
        ? rng.int(200, 270)
        : this.world.depts[c.dept]!.tag === 'onc'
          ? rng.int(90, 300)
          : rng.int(45, 60);
      const clin = c.dialysis ? this.clinician(c.dept, d, ['nurse']) : c.therapist;
      this.add(c.patient, c.dept, OUTPATIENT, start, start + len * MIN, clin);
      if (!future && rng.chance(c.dialysis ? 0.3 : 0.5))
        this.encs.add(c.patient, this.labFor(0), ORDER, start - 40 * MIN, start + 30 * MIN);
    }
    if (closed) return;
    for (const dept of this.world.depts) {
      if (dept.kind !== 'outpatient' || dept.tag === 'dialysis') continue;
      const rate =
        3.2 * this.count(dept.idx, 'physician') +
        (dept.tag === 'dps' || dept.tag === 'bup' ? 0.8 : 2.5) * this.count(dept.idx, 'therapist') +
        1.2 * this.count(dept.idx, 'nurse');
      const n = rng.poisson(
        rate * (low ? 0.7 : 1) * (dept.tag === 'dps' || dept.tag === 'bup' || dept.tag === 'onc' ? 0.5 : 1),
      );
      const site = dept.site === 1 ? 1 : dept.site;
      for (let k = 0; k < n; k++) {
        const start = this.at(d, 8 * 60 + rng.int(0, 22) * 20);
        const known = this.known.get(dept.idx);
        const isNew = rng.chance(0.42) || !known || known.length < 20;
        const p = isNew ? this.drawPatient(site, dept.tag) : rng.pick(known);
        const clinRoles: Role[] = rng.chance(0.75) ? ['physician', 'therapist'] : ['nurse'];
        this.add(p, dept.idx, OUTPATIENT, start, start + rng.int(20, 60) * MIN, this.clinician(dept.idx, d, clinRoles));
        if (isNew) this.encs.add(p, dept.idx, REFERRAL, start - rng.int(10, 150) * DAY - rng.int(0, 6) * HOUR, start);
        if (!future && rng.chance(0.33))
          this.encs.add(p, this.labFor(site === 1 ? 1 : 0), ORDER, start - rng.int(20, 90) * MIN, start + 20 * MIN);
        if (!future && rng.chance(0.07))
          this.encs.add(p, this.radFor(site === 1 ? 1 : 0), ORDER, start + 60 * MIN, start + 180 * MIN);
      }
      // New referrals that join the waiting list beyond the planning horizon (still open).
      if (d >= 0 && !future) {
        const waiting = rng.poisson(rate * 0.08);
        for (let k = 0; k < waiting; k++) {
          const t = this.at(d, rng.int(8 * 60, 15 * 60));
          this.encs.add(this.drawPatient(site, dept.tag), dept.idx, REFERRAL, t, Number.NaN);
        }
      }
    }
  }
}

interface Cohort {
  dept: number;
  patient: number;
  period: number;
  phase: number;
  therapist: number;
  from: number;
  dialysis: boolean;
  slot: number;
}

const LINDVIK_MUNIS = new Set(MUNICIPALITIES.flatMap((m, i) => (m.site === 1 ? [i] : [])));

/** Municipalities served by the local hospital in Lindvik. */
export function isLindvikMuni(muni: number): boolean {
  return LINDVIK_MUNIS.has(muni);
}
