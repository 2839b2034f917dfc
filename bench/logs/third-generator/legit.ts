// Legitimate work, one logged day at a time: ward nursing by shift, rounds and on-call, emergency visits, clinic days,
// dialysis, chemotherapy, laboratory/radiology/pharmacy work from orders, consultations, discharge letters, coding,
// registries, billing, archive and patient requests, IT support, research, multidisciplinary meetings, phone contacts
// with long-term patients and the integration accounts. A day's events depend only on (seed, day, scale).

import { ROLE_INDEX, type Role } from './catalog.js';
import { hash32, hunit, Rng } from './rng.js';
import { SH_D, SH_E, SH_N, SH_OC, type Duty, type Roster } from './roster.js';
import {
  EF_LAB,
  EF_RAD,
  ENC_EMERGENCY,
  ENC_INPATIENT,
  ENC_ORDER,
  ENC_OUTPATIENT,
  ENC_REFERRAL,
  T_BILLING,
  T_CODING,
  T_COMPLAINT,
  T_CONSULT,
  T_DICTATION,
  T_EPI_SEC,
  T_EPI_SIGN,
  T_PATRQT,
  T_REF_ASSESS,
  T_REGISTRY,
  type World,
} from './world.js';

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
export const APPS = [
  'DIPS Arena',
  'Labsystem',
  'RIS/PACS',
  'Integrasjonsplattform',
  'Arkivløsning',
  'Kurve og medikasjon',
] as const;

/** One lookup. `sc` is the misuse scenario index, or -1 for legitimate work. */
export interface Ev {
  ms: number;
  u: number;
  p: number;
  a: number;
  pu: number;
  dep: number;
  ws: string;
  app: number;
  sc: number;
}

export const pairKey = (u: number, p: number): number => u * 4_194_304 + p;

/** Keeps legitimate work away from misuse pairs (except the earlier, real care some scenarios build on). */
export class Guard {
  readonly until = new Map<number, number>();
  block(u: number, p: number, allowedBeforeMs = 0): void {
    const k = pairKey(u, p);
    const prev = this.until.get(k);
    this.until.set(k, prev === undefined ? allowedBeforeMs : Math.min(prev, allowedBeforeMs));
  }
  blocks(u: number, p: number, ms: number): boolean {
    const v = this.until.get(pairKey(u, p));
    return v !== undefined && ms >= v;
  }
}

interface Ctx {
  dep?: number;
  ws?: string;
  app?: number;
}

const NO_CTX: Ctx = {};
const EMPTY: number[] = [];

export class DayGen {
  private rng = new Rng(0);
  private out: Ev[] = [];
  private day = 0;
  private pd = 0;
  private scale = 1;
  private readonly duty: (Duty | null)[];
  private pool = new Map<number, number[]>();
  private readonly U: (code: string) => number;
  private readonly cancerPrograms: number[];
  private readonly researchers: number[];
  private readonly nonSystemCount: number;

  constructor(
    private readonly w: World,
    private readonly roster: Roster,
    private readonly guard: Guard,
  ) {
    this.duty = new Array<Duty | null>(w.staff.length).fill(null);
    this.U = (code) => w.unitByCode.get(code)!;
    this.cancerPrograms = w.programs.map((_, i) => i).filter((i) => w.programs[i]!.cancer);
    this.researchers = w.staff.filter((s) => s.researcher).map((s) => s.idx);
    this.nonSystemCount = w.staff.filter((s) => !s.system).length;
  }

  /** Events of logged day `pd` (0-based). Times are on or after that day's local midnight. */
  run(pd: number, scale: number): Ev[] {
    const w = this.w;
    this.pd = pd;
    this.day = w.p0 + pd;
    this.scale = scale;
    this.rng = new Rng(w.opts.seed, 707, pd);
    this.out = [];
    this.buildDuty();
    const enc = w.enc;
    for (const e of w.activeByDay.of(pd)) {
      const k = enc.kind[e]!;
      const sDay = Math.floor(enc.start[e]! / 1440);
      if (k === ENC_INPATIENT) this.inpatientDay(e);
      else if (sDay !== this.day) continue;
      else if (k === ENC_EMERGENCY) this.edVisit(e);
      else if (k === ENC_OUTPATIENT) this.clinicVisit(e);
      else if (k === ENC_ORDER) this.orderWork(e);
      else if (k === ENC_REFERRAL) this.referralWork(e);
    }
    this.lookAhead();
    for (const t of w.tasksByDay[pd] ?? []) this.task(t.type, t.enc, t.patient, t.staff);
    this.background();
    return this.out;
  }

  // ------------------------------------------------------------------ rosters of the day

  private key(unit: number, role: Role, sh: number): number {
    return unit * 64 + ROLE_INDEX[role] * 4 + sh;
  }

  private buildDuty(): void {
    this.pool = new Map();
    const w = this.w;
    for (let s = 0; s < w.staff.length; s++) {
      const d = this.roster.duty(s, this.day);
      this.duty[s] = d;
      if (!d) continue;
      const k = this.key(d.unit, w.staff[s]!.role, d.sh);
      const arr = this.pool.get(k);
      if (arr) arr.push(s);
      else this.pool.set(k, [s]);
    }
  }

  private on(unit: number, role: Role, sh: number): number[] {
    return this.pool.get(this.key(unit, role, sh)) ?? EMPTY;
  }

  /** Someone of a role on duty in a unit, trying the shifts in order; a stable choice per (salt). */
  private pick(unit: number, role: Role, shifts: readonly number[], salt: number): number {
    for (const sh of shifts) {
      const arr = this.on(unit, role, sh);
      if (arr.length > 0) return arr[hash32(salt, this.pd, sh) % arr.length]!;
    }
    return -1;
  }

  private physicianFor(unit: number, salt: number, preferred = -1): number {
    if (preferred >= 0) {
      const d = this.duty[preferred];
      if (d && (d.sh === SH_D || d.sh === SH_OC) && this.w.depts[d.unit]!.section === this.w.depts[unit]!.section)
        return preferred;
    }
    const s = this.pick(unit, 'physician', [SH_D, SH_OC], salt);
    if (s >= 0) return s;
    for (const u of this.w.sectionUnits.get(this.w.depts[unit]!.section) ?? EMPTY) {
      const x = this.pick(u, 'physician', [SH_D, SH_OC], salt);
      if (x >= 0) return x;
    }
    return this.roster.oncall(this.w.depts[unit]!.section, this.day);
  }

  private shiftAt(minute: number): number {
    const m = minute % 1440;
    return m >= 420 && m < 900 ? SH_D : m >= 900 && m < 1350 ? SH_E : SH_N;
  }

  /** Laboratory or radiology staff on duty at a unit around a given minute. */
  private serviceStaff(unit: number, role: Role, minute: number, salt: number): number {
    const sh = this.shiftAt(minute);
    const order = sh === SH_D ? [SH_D, SH_E] : sh === SH_E ? [SH_E, SH_D, SH_N] : [SH_N, SH_E];
    return this.pick(unit, role, order, salt);
  }

  // ------------------------------------------------------------------ emitting

  private count(base: number): number {
    return 1 + this.rng.poisson(Math.max(0, base - 1) * this.scale);
  }

  private emit(u: number, p: number, minute: number, a: number, pu: number, ctx: Ctx = NO_CTX): void {
    if (u < 0 || p < 0) return;
    const w = this.w;
    const m = Math.max(0, minute);
    const ms = w.cal.at(this.day, m) + this.rng.int(60) * 1000;
    if (this.guard.blocks(u, p, ms)) return;
    const st = w.staff[u]!;
    // nobody is on duty for their own record: when it would happen, someone else does it (or nobody)
    if (st.person === p) return;
    const d = this.duty[u] ?? null;
    let dep = ctx.dep ?? (d ? d.unit : st.unit);
    let purpose = pu;
    const r = this.rng;
    if (purpose !== P_NONE && r.next() < w.depts[dep]!.purposeBlank) purpose = P_NONE;
    let ws = ctx.ws ?? this.workstation(u, m, d, dep);
    if (r.next() < 0.03) dep = -1;
    if (r.next() < 0.015) ws = '';
    let app = ctx.app ?? 0;
    if (ctx.app === undefined) {
      if (st.system) app = 3;
      else if (st.role === 'lab') app = 1;
      else if (st.role === 'radiology') app = 2;
      else if (st.role === 'nurse' && r.next() < 0.3) app = 5;
    }
    this.out.push({ ms, u, p, a, pu: purpose, dep, ws, app, sc: -1 });
  }

  private workstation(u: number, minute: number, d: Duty | null, dep: number): string {
    const w = this.w;
    const st = w.staff[u]!;
    const r = this.rng;
    if (st.system) return w.depts[st.unit]!.workstations[hash32(u, this.pd) % 3]!;
    if (
      d &&
      d.sh === SH_OC &&
      (minute % 1440 >= 1320 || minute >= 1440 || minute % 1440 < 420) &&
      hunit(u, this.pd, 31) < 0.6
    )
      return st.ctx;
    if (st.role === 'nurse' && r.next() < 0.2)
      return `MOB-${w.depts[dep]!.site || 'FJV'}-${String(100 + (hash32(u, 17) % 800))}`;
    if (dep === st.unit && st.favWs.length > 0 && r.next() < 0.75) return st.favWs[r.int(st.favWs.length)]!;
    const pool = w.depts[dep]!.workstations;
    if (pool.length === 0) return st.favWs[0] ?? st.ctx;
    return pool[r.int(pool.length)]!;
  }

  /** A cluster of events by one user on one patient: first a read, then reads or writes spread over [lo, hi]. */
  private session(
    u: number,
    p: number,
    lo: number,
    hi: number,
    base: number,
    updateShare: number,
    pu: number,
    ctx: Ctx = NO_CTX,
  ): void {
    if (u < 0 || hi < lo) return;
    const n = this.count(base);
    const r = this.rng;
    const times: number[] = [];
    for (let i = 0; i < n; i++) times.push(lo + r.next() * (hi - lo));
    times.sort((a, b) => a - b);
    for (let i = 0; i < n; i++)
      this.emit(u, p, Math.floor(times[i]!), i > 0 && r.next() < updateShare ? A_UPDATE : A_READ, pu, ctx);
  }

  // ------------------------------------------------------------------ encounters

  private inpatientDay(e: number): void {
    const w = this.w;
    const enc = w.enc;
    const r = this.rng;
    const unit = enc.unit[e]!;
    const p = enc.patient[e]!;
    const base = this.day * 1440;
    const from = Math.max(enc.start[e]!, base) - base;
    const to = Math.min(enc.end[e]!, base + 1440 + 480) - base;
    if (to <= from) return;
    const dept = w.depts[unit]!;
    const off = w.cal.offDay(this.day);
    const admitDay = Math.floor(enc.start[e]! / 1440) === this.day;
    const dischargeDay = Math.floor(enc.end[e]! / 1440) === this.day;
    const icu = dept.service === 'icu' || dept.code === 'CARD-CCU' || dept.code === 'NEO-W';
    // nursing, per shift
    const shifts: [number, number, number, number][] = [
      [SH_D, 420, 900, icu ? 5 : 3],
      [SH_E, 885, 1350, icu ? 4 : 2.2],
      [SH_N, 1335, 1890, icu ? 3 : 1.3],
    ];
    for (const [sh, lo, hi, n] of shifts) {
      const a = Math.max(lo, from);
      const b = Math.min(hi, to);
      if (b - a < 20) continue;
      let nurse = enc.nurse[e]!;
      const dn = nurse >= 0 ? this.duty[nurse] : null;
      if (!dn || dn.unit !== unit || dn.sh !== sh) nurse = this.pick(unit, 'nurse', [sh], e * 7 + sh);
      if (nurse < 0) nurse = this.pick(unit, 'nurse', [SH_D, SH_E, SH_N], e * 7 + sh);
      this.session(nurse, p, a, b, n, 0.35, P_TREAT);
      if (r.next() < 0.25) {
        const n2 = this.pick(unit, 'nurse', [sh], e * 13 + sh + 1);
        if (n2 !== nurse) this.session(n2, p, a, b, 1, 0.2, P_TREAT);
      }
      if (sh === SH_D && dept.teaching && r.next() < 0.18)
        this.session(this.pick(unit, 'other', [SH_D, SH_E], e), p, a, b, 1.3, 0, P_TREAT);
    }
    // physicians: rounds on weekdays, the on-call physician at weekends and at night
    if (!off) {
      const ph = this.physicianFor(unit, e, enc.resp[e]!);
      const a = Math.max(510, from);
      if (a < Math.min(720, to)) this.session(ph, p, a, Math.min(720, to), 2.2, 0.45, P_TREAT);
      if (r.next() < 0.3 && to > 780) this.session(ph, p, 780, Math.min(960, to), 1.2, 0.3, P_TREAT);
    } else if (r.next() < 0.55) {
      const oc = this.roster.oncall(dept.section, this.day);
      this.session(oc, p, Math.max(540, from), Math.min(840, to), 1.5, 0.3, P_TREAT);
    }
    if (r.next() < 0.07 && to > 1320) {
      const oc = this.roster.oncall(dept.section, this.day);
      this.session(oc, p, Math.max(1320, from), Math.min(1620, to), 1.3, 0.3, P_TREAT);
    }
    // laboratory: morning samples, the analyser result comes back through the integration account
    const site = (dept.site || 'FJV') as 'FJV' | 'STR' | 'HGV';
    if (enc.flags[e]! & EF_LAB ? r.next() < (admitDay ? 0.9 : 0.55) : r.next() < 0.08) {
      const lab = site === 'STR' ? this.U('LAB-STR') : site === 'HGV' ? this.U('LAB-HGV') : this.U('LAB-FJV');
      const t = Math.max(from, 400 + r.int(200));
      if (t < to) {
        this.session(this.serviceStaff(lab, 'lab', t, e), p, t, t + 30, 1.3, 0.2, P_TREAT);
        if (r.next() < 0.7)
          this.emit(this.w.system['svc_labsvar']!, p, t + 60 + r.int(180), A_UPDATE, P_TREAT, { dep: unit });
      }
    }
    if (enc.flags[e]! & EF_RAD ? r.next() < (admitDay ? 0.35 : 0.1) : r.next() < 0.02)
      this.imaging(
        p,
        Math.max(from, 480 + r.int(480)),
        site === 'STR' ? this.U('RAD-STR') : this.U('RAD-FJV'),
        e,
        unit,
      );
    if (!off && r.next() < (dept.clinic === w.depts[this.U('GERI-W')]!.clinic ? 0.12 : 0.06)) {
      const ph = this.pick(this.U('APO-FJV'), 'pharmacist', [SH_D], e);
      if (ph >= 0) this.session(ph, p, Math.max(from, 540), Math.max(from, 540) + 240, 1.3, 0.2, P_TREAT);
    }
    const rehabHeavy = ['ORTH-W', 'GERI-W', 'NEUR-W', 'REHAB-W'].includes(dept.code);
    if (!off && r.next() < (rehabHeavy ? 0.45 : 0.06)) {
      let th = this.pick(unit, 'therapist', [SH_D], e);
      if (th < 0) th = this.pick(this.U(site === 'HGV' ? 'REHAB-W' : 'ORTH-W'), 'therapist', [SH_D], e);
      this.session(th, p, Math.max(from, 510), Math.max(from, 510) + 330, 1.6, 0.4, P_TREAT);
    }
    if (!off && (admitDay || dischargeDay) && r.next() < 0.55) {
      const sec = this.pick(unit, 'secretary', [SH_D], e);
      this.session(sec, p, Math.max(from, 480), Math.max(from, 480) + 420, 1.3, 0.5, P_HOPERAT);
    }
    // handover: the physician of the unit the patient came from follows up on the transfer day
    const prev = enc.prev[e]!;
    if (admitDay && prev >= 0 && enc.kind[prev] === ENC_INPATIENT && r.next() < 0.35) {
      const ph = enc.resp[prev]!;
      if (ph >= 0 && this.duty[ph])
        this.session(ph, p, Math.max(from, 480), Math.max(from, 480) + 240, 1.2, 0, P_TREAT);
    }
    if (dischargeDay) {
      const age = this.w.cal.year[this.day]! - this.w.persons[p]!.birthYear;
      const t = to;
      if (age >= 65 && r.next() < 0.6)
        this.emit(w.system['svc_plo']!, p, t + r.int(60), A_UPDATE, P_TREAT, { dep: unit });
      if (r.next() < 0.5) this.emit(w.system['svc_erecept']!, p, t + r.int(30), A_READ, P_TREAT, { dep: unit });
    } else if (admitDay && r.next() < 0.3) {
      this.emit(w.system['svc_plo']!, p, from + r.int(120), A_UPDATE, P_TREAT, { dep: unit });
    }
  }

  private imaging(p: number, t: number, rad: number, salt: number, orderer: number): void {
    const r = this.rng;
    const rg = this.serviceStaff(rad, 'radiology', t, salt);
    this.session(rg, p, t, t + 25, 1.3, 0.3, P_TREAT);
    const radiologist = this.physicianFor(rad, salt);
    const rt = t + 30 + r.int(300);
    this.session(radiologist, p, rt, rt + 20, 1.6, 0.5, P_TREAT);
    if (r.next() < 0.8)
      this.emit(this.w.system['svc_ris']!, p, rt + 25 + r.int(10), A_UPDATE, P_TREAT, { dep: orderer });
  }

  private edVisit(e: number): void {
    const w = this.w;
    const enc = w.enc;
    const r = this.rng;
    const unit = enc.unit[e]!;
    const p = enc.patient[e]!;
    const t0 = enc.start[e]! - this.day * 1440;
    const t1 = enc.end[e]! - this.day * 1440;
    const sh = this.shiftAt(t0);
    const etreat = (): number => (r.next() < 0.035 ? P_ETREAT : P_TREAT);
    let reg = this.pick(unit, 'secretary', [sh, SH_D, SH_E], e);
    if (reg < 0 || sh === SH_N) reg = this.pick(unit, 'nurse', [sh], e + 1);
    if (r.next() < 0.6) this.emit(reg, p, t0, A_SEARCH, P_HOPERAT);
    this.emit(reg, p, t0 + 1 + r.int(4), A_READ, P_HOPERAT);
    const triage = this.pick(unit, 'nurse', [sh, SH_D, SH_E, SH_N], e + 2);
    this.session(triage, p, t0 + 3, Math.min(t1, t0 + 40), 2.2, 0.5, etreat());
    if (r.next() < 0.5) this.session(this.pick(unit, 'nurse', [sh], e + 3), p, t0 + 30, t1, 1.5, 0.4, P_TREAT);
    let doc = this.pick(unit, 'physician', [sh === SH_N ? SH_OC : SH_D, SH_OC, SH_D], e + 4);
    if (doc < 0) doc = enc.resp[e]!;
    this.session(doc, p, t0 + 15, Math.min(t1, t0 + 200), 2.6, 0.45, etreat());
    const site = w.depts[unit]!.site;
    if (enc.flags[e]! & EF_LAB) {
      const lab = this.U(site === 'STR' ? 'LAB-STR' : 'LAB-FJV');
      const t = t0 + 15 + r.int(40);
      this.session(this.serviceStaff(lab, 'lab', t, e), p, t, t + 20, 1.2, 0.2, P_TREAT);
      if (r.next() < 0.8) this.emit(w.system['svc_labsvar']!, p, t + 40 + r.int(80), A_UPDATE, P_TREAT, { dep: unit });
    }
    if (enc.flags[e]! & EF_RAD)
      this.imaging(p, t0 + 30 + r.int(90), this.U(site === 'STR' ? 'RAD-STR' : 'RAD-FJV'), e, unit);
    // the receiving section looks at the patient before the transfer: often before any relation exists
    for (let nx = enc.nextOfPatient[e]!; nx >= 0 && nx < enc.n; nx = -1) {
      if (enc.prev[nx] !== e) break;
      const sec = w.depts[enc.unit[nx]!]!.section;
      const doc2 =
        sh === SH_D && !w.cal.offDay(this.day)
          ? this.physicianFor(enc.unit[nx]!, e + 5)
          : this.roster.oncall(sec, this.day);
      this.session(doc2, p, Math.max(t0 + 30, t1 - 90), t1, 1.5, 0.2, r.next() < 0.15 ? P_ETREAT : P_TREAT);
    }
    // a specialist on call is asked to have a look (hardly ever documented as a consultation)
    if (r.next() < 0.14) {
      const secs = [...w.physiciansBySection.keys()];
      const sec = secs[r.int(secs.length)]!;
      this.session(this.roster.oncall(sec, this.day), p, t0 + 40, Math.max(t0 + 60, t1), 1.4, 0.3, P_TREAT);
    }
  }

  private clinicVisit(e: number): void {
    const w = this.w;
    const enc = w.enc;
    const r = this.rng;
    const unit = enc.unit[e]!;
    const p = enc.patient[e]!;
    const t0 = enc.start[e]! - this.day * 1440;
    const t1 = enc.end[e]! - this.day * 1440;
    const dept = w.depts[unit]!;
    const svc = dept.service;
    if (svc === 'dialysis') {
      this.session(this.pick(unit, 'nurse', [this.shiftAt(t0), SH_D, SH_E], e), p, t0, t1, 3.8, 0.5, P_TREAT);
      if (r.next() < 0.18) this.session(this.physicianFor(unit, e, enc.resp[e]!), p, t0 + 30, t1, 1.3, 0.4, P_TREAT);
      return;
    }
    if (r.next() < 0.8) {
      const sec = this.pick(unit, 'secretary', [SH_D], e);
      this.emit(sec, p, t0 - 5 - r.int(15), A_READ, r.next() < 0.5 ? P_HOPERAT : P_TREAT);
    }
    let clin = enc.resp[e]!;
    if (clin < 0 || !this.duty[clin]) {
      const role = clin >= 0 ? w.staff[clin]!.role : 'physician';
      clin = role === 'physician' ? this.physicianFor(unit, e) : this.pick(unit, role, [SH_D, SH_E], e);
      if (clin < 0) clin = this.physicianFor(unit, e);
    }
    this.session(clin, p, t0, Math.max(t0 + 15, t1 + 15), svc === 'dayonc' ? 2.2 : 2.6, 0.5, P_TREAT);
    if (svc === 'dayonc') {
      this.session(this.pick(unit, 'nurse', [SH_D], e + 1), p, t0, t1, 3, 0.5, P_TREAT);
      if (r.next() < 0.6) {
        const ph = this.pick(this.U('APO-FJV'), 'pharmacist', [SH_D], e);
        this.session(ph, p, Math.max(450, t0 - 120), t0, 1.3, 0.2, P_TREAT);
      }
    } else if (r.next() < 0.3) {
      this.emit(this.pick(unit, 'nurse', [SH_D], e + 1), p, t0 - r.int(10), A_READ, P_TREAT);
    }
    if (r.next() < 0.25) {
      const site = dept.site;
      const lab = this.U(site === 'STR' ? 'LAB-STR' : site === 'HGV' ? 'LAB-HGV' : 'LAB-FJV');
      const t = t0 - 30 + r.int(90);
      this.session(this.serviceStaff(lab, 'lab', t, e), p, t, t + 15, 1.2, 0.2, P_TREAT);
      if (r.next() < 0.7) this.emit(w.system['svc_labsvar']!, p, t + 60 + r.int(120), A_UPDATE, P_TREAT, { dep: unit });
    }
  }

  private orderWork(e: number): void {
    const w = this.w;
    const enc = w.enc;
    const r = this.rng;
    const unit = enc.unit[e]!;
    const p = enc.patient[e]!;
    const t0 = enc.start[e]! - this.day * 1440;
    const dept = w.depts[unit]!;
    if (dept.service === 'rad') {
      this.imaging(p, t0, unit, e, unit);
      return;
    }
    const t = t0 + r.int(240);
    this.session(this.serviceStaff(unit, 'lab', t, e), p, t, t + 30, 1.3, 0.25, P_TREAT);
    if (dept.code === 'PAT' || dept.code === 'MIC') {
      const doc = this.physicianFor(unit, e);
      const t2 = 540 + r.int(360);
      this.session(doc, p, t2, t2 + 30, 1.6, 0.5, P_TREAT);
    }
    if (r.next() < 0.8) this.emit(w.system['svc_labsvar']!, p, t + 60 + r.int(400), A_UPDATE, P_TREAT, { dep: unit });
  }

  private referralWork(e: number): void {
    const w = this.w;
    const enc = w.enc;
    const r = this.rng;
    const unit = enc.unit[e]!;
    const p = enc.patient[e]!;
    const t0 = enc.start[e]! - this.day * 1440;
    const site = w.depts[unit]!.site;
    const pak = this.U(site === 'STR' ? 'PAK-STR' : 'PAK-FJV');
    let sec = this.pick(pak, 'secretary', [SH_D], e);
    if (sec < 0) sec = this.pick(unit, 'secretary', [SH_D], e);
    if (sec < 0) return;
    // searching by name brings up namesakes before the right person is opened
    const pe = w.persons[p]!;
    const namesakes = w.byFullName.get(`${pe.given} ${pe.fam}`) ?? EMPTY;
    if (namesakes.length > 1 && r.next() < 0.5) {
      for (const q of namesakes.slice(0, 4)) if (q !== p) this.emit(sec, q, t0 - 1, A_SEARCH, P_HOPERAT, { dep: pak });
    }
    // the referral is registered in the receiving clinic's work list, or from the office's own context
    const ctx = { dep: r.next() < 0.6 ? unit : pak };
    this.emit(sec, p, t0, A_SEARCH, P_HOPERAT, ctx);
    this.emit(sec, p, t0 + 1, A_READ, P_HOPERAT, ctx);
    this.emit(sec, p, t0 + 3 + r.int(10), r.next() < 0.5 ? A_CREATE : A_UPDATE, P_HOPERAT, ctx);
  }

  /** Preparing tomorrow's clinic and the SMS reminders two days ahead. */
  private lookAhead(): void {
    const w = this.w;
    const enc = w.enc;
    const r = this.rng;
    if (!w.cal.offDay(this.day)) {
      for (const e of w.activeByDay.of(this.pd + 1)) {
        if (enc.kind[e] !== ENC_OUTPATIENT || Math.floor(enc.start[e]! / 1440) !== this.day + 1) continue;
        if (r.next() >= 0.22) continue;
        const c = enc.resp[e]!;
        if (c >= 0 && this.duty[c]) this.emit(c, enc.patient[e]!, 780 + r.int(200), A_READ, P_TREAT);
      }
    }
    for (const e of w.activeByDay.of(this.pd + 2)) {
      if (enc.kind[e] !== ENC_OUTPATIENT || Math.floor(enc.start[e]! / 1440) !== this.day + 2) continue;
      if (w.depts[enc.unit[e]!]!.service === 'dialysis' || r.next() >= 0.7) continue;
      this.emit(w.system['svc_sms']!, enc.patient[e]!, 120 + r.int(40), A_READ, P_HOPERAT, { dep: enc.unit[e]! });
    }
  }

  // ------------------------------------------------------------------ follow-up work

  private task(type: number, e: number, p: number, fixed: number): void {
    const w = this.w;
    const enc = w.enc;
    const r = this.rng;
    const unit = e >= 0 ? enc.unit[e]! : -1;
    const t = 500 + r.int(400);
    switch (type) {
      case T_EPI_SEC:
      case T_DICTATION: {
        let sec = this.pick(unit, 'secretary', [SH_D], e);
        if (sec < 0)
          for (const u of w.sectionUnits.get(w.depts[unit]!.section) ?? EMPTY)
            if (sec < 0) sec = this.pick(u, 'secretary', [SH_D], e);
        this.session(sec, p, t, t + 40, 1.6, 0.7, P_HOPERAT);
        break;
      }
      case T_EPI_SIGN: {
        const ph = this.physicianFor(unit, e, fixed);
        this.session(ph, p, t, t + 20, 1.5, 0.6, P_TREAT);
        if (r.next() < 0.8) this.emit(w.system['svc_epikrise']!, p, t + 25 + r.int(30), A_READ, P_TREAT, { dep: unit });
        break;
      }
      case T_CODING:
        this.session(
          this.pick(this.U('KOD'), 'admin', [SH_D], e),
          p,
          t,
          t + 15,
          1.3,
          0.2,
          P_HOPERAT,
          r.next() < 0.5 ? { dep: unit } : NO_CTX,
        );
        break;
      case T_REGISTRY:
        this.session(this.pick(this.U('KVAL'), 'nurse', [SH_D], e), p, t, t + 30, 2, 0.3, P_HOPERAT);
        break;
      case T_BILLING: {
        const site = w.depts[unit]!.site;
        this.session(
          this.pick(this.U(site === 'STR' ? 'PAK-STR' : 'PAK-FJV'), 'secretary', [SH_D], e),
          p,
          t,
          t + 10,
          1.2,
          0.2,
          P_HPAYMT,
        );
        break;
      }
      case T_REF_ASSESS: {
        const ph = this.physicianFor(unit, e);
        this.session(ph, p, t, t + 15, 1.5, 0.6, P_TREAT);
        break;
      }
      case T_CONSULT: {
        let c = fixed;
        if (!this.duty[c])
          c = this.physicianFor(w.staffByUnit[w.staff[fixed]!.unit]!.length > 0 ? w.staff[fixed]!.unit : unit, e);
        const dep = r.next() < 0.4 ? unit : undefined;
        const tm = 600 + r.int(360);
        this.session(c, p, tm, tm + 45, 2, 0.4, P_TREAT, dep === undefined ? NO_CTX : { dep });
        break;
      }
      case T_PATRQT: {
        const a = this.pick(this.U('DOK'), 'admin', [SH_D], p);
        this.session(a, p, t, t + 60, 2.5, 0, P_PATRQT, { app: 4 });
        this.emit(a, p, t + 61, r.next() < 0.6 ? A_PRINT : A_EXPORT, P_PATRQT, { app: 4 });
        break;
      }
      case T_COMPLAINT:
        this.session(this.pick(this.U('KVAL'), 'admin', [SH_D], p), p, t, t + 90, 3, 0.2, P_HOPERAT);
        break;
    }
  }

  // ------------------------------------------------------------------ work not tied to one encounter

  private background(): void {
    const w = this.w;
    const r = this.rng;
    const off = w.cal.offDay(this.day);
    const active = w.activeByDay.of(this.pd);
    const randomActive = (): number => (active.length === 0 ? -1 : w.enc.patient[active[r.int(active.length)]!]!);
    // IT support: a ticket about a screen showing a patient
    for (let k = r.poisson(this.nonSystemCount / (off ? 900 : 260)); k > 0; k--) {
      const it = this.pick(this.U('IKT-BS'), 'it', [SH_D], k);
      const p = randomActive();
      const t = 480 + r.int(480);
      this.session(it, p, t, t + 30, 1.6, 0, P_HOPERAT);
    }
    if (!off) {
      // archive: scanning incoming paper documents into recent records
      for (let k = r.poisson(w.persons.length / 2400); k > 0; k--) {
        const dd = this.day - 1 - r.int(40);
        const starts = w.startsByDay.of(dd);
        if (starts.length === 0) continue;
        const p = w.enc.patient[starts[r.int(starts.length)]!]!;
        const a = this.pick(this.U('DOK'), 'admin', [SH_D], k);
        const t = 480 + r.int(420);
        this.emit(a, p, t, A_READ, P_HOPERAT, { app: 4 });
        this.emit(a, p, t + 1 + r.int(3), A_UPDATE, P_HOPERAT, { app: 4 });
      }
      // infection control rounds over the wards' current inpatients
      const ic = this.pick(this.U('KVAL'), 'nurse', [SH_D], 3);
      for (let k = r.between(2, 7); k > 0 && ic >= 0; k--) {
        const e = active[r.int(Math.max(1, active.length))];
        if (e === undefined || w.enc.kind[e] !== ENC_INPATIENT) continue;
        const t = 540 + r.int(360);
        this.session(ic, w.enc.patient[e]!, t, t + 10, 1.3, 0.2, P_HOPERAT);
      }
      // phone contacts with long-term patients, usually not registered as a contact
      for (let k = r.poisson(w.programs.length * 0.01); k > 0; k--) {
        const pr = w.programs[r.int(w.programs.length)]!;
        if (this.day < pr.from || this.day > pr.to) continue;
        let who = pr.resp >= 0 && this.duty[pr.resp] ? pr.resp : this.pick(pr.unit, 'nurse', [SH_D], k);
        if (who < 0) who = this.physicianFor(pr.unit, k);
        const t = 490 + r.int(400);
        this.session(who, pr.patient, t, t + 12, 1.5, 0.5, P_TREAT);
      }
      this.mdt();
      this.research();
    }
    // the national patient register batch: last month's stays, early on the 5th
    if (w.cal.mday[this.day] === 5) {
      const npr = w.system['svc_npr']!;
      for (let d = this.day - 35; d < this.day - 4; d++) {
        for (const e of w.startsByDay.of(d)) {
          if (w.enc.kind[e] !== ENC_INPATIENT) continue;
          if (w.cal.mday[d]! < 5 && d < this.day - 31) continue;
          this.emit(npr, w.enc.patient[e]!, 60 + r.int(150), A_READ, P_HOPERAT);
        }
      }
    }
  }

  /** Tumour boards on Tuesdays and Thursdays: oncologist, surgeon, radiologist and pathologist go through a list. */
  private mdt(): void {
    const w = this.w;
    const dow = w.cal.dow[this.day]!;
    if (dow !== 1 && dow !== 3) return;
    const r = this.rng;
    const list: number[] = [];
    for (let k = 0; k < 60 && list.length < r.between(5, 11); k++) {
      const pr = w.programs[this.cancerPrograms[r.int(Math.max(1, this.cancerPrograms.length))]!];
      if (pr && this.day >= pr.from && this.day <= pr.from + 120 && !list.includes(pr.patient)) list.push(pr.patient);
    }
    const surgUnit = this.U(dow === 1 ? 'GSUR-O' : r.next() < 0.5 ? 'URO-O' : 'PULM-O');
    const team = [
      this.physicianFor(this.U('ONC-O'), 11),
      this.physicianFor(surgUnit, 12),
      this.physicianFor(this.U('RAD-FJV'), 13),
      this.physicianFor(this.U('PAT'), 14),
    ];
    for (const p of list) for (const s of team) this.session(s, p, 465, 540, 1.3, 0.15, P_TREAT);
  }

  /** Approved research and quality-registry projects: going through a cohort of earlier patients of the section. */
  private research(): void {
    const w = this.w;
    const r = this.rng;
    for (const s of this.researchers) {
      if (!this.duty[s] || r.next() > 0.1) continue;
      const sec = w.staff[s]!.section;
      const n = r.between(4, 14);
      const t = 600 + r.int(300);
      for (let k = 0, found = 0; k < n * 6 && found < n; k++) {
        const starts = w.startsByDay.of(this.day - 30 - r.int(650));
        if (starts.length === 0) continue;
        const e = starts[r.int(starts.length)]!;
        const u = w.enc.unit[e]!;
        if (
          w.depts[u]!.section !== sec &&
          !(w.depts[w.staff[s]!.unit]!.service === 'research' && w.enc.kind[e] === ENC_INPATIENT)
        )
          continue;
        found++;
        this.session(s, w.enc.patient[e]!, t + found * 6, t + found * 6 + 5, 1.4, 0, P_HRESCH);
      }
    }
  }
}
