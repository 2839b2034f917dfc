// Legitimate activity: a day-by-day simulation of the shared record (hospital + municipal care).
import { Rng } from './rng.js';
import type { Encounter, Patient, Staff, World } from './world.js';
import { A, PU, duty } from './schedule.js';
import type { Ev, Seg } from './schedule.js';
import type { Calendar } from './time.js';

export const LEGIT_PATTERNS = [
  'ward_inpatient',
  'float_nurse',
  'ed_visit',
  'legevakt_visit',
  'outpatient_booking',
  'outpatient_visit',
  'lab_order',
  'radiology_order',
  'pharmacy_review',
  'coding_after_discharge',
  'archive_after_discharge',
  'service_account',
  'it_support',
  'oncall_consult',
  'research',
  'homecare_route',
  'nursing_home',
  'gp_list',
  'gp_new_list_patient',
  'gp_office_staff',
  'health_station',
  'municipal_psych',
  'allocation_office',
  'discharge_coordination',
  'planned_context',
] as const;
export type LegitName = (typeof LEGIT_PATTERNS)[number];
const K = Object.fromEntries(LEGIT_PATTERNS.map((n, i) => [n, i])) as Record<LegitName, number>;
export const PLANNED_CONTEXT = K.planned_context;

interface Stay {
  p: number;
  ward: number;
  enc: Encounter;
  start: number;
  endT: number;
  endDay: number;
  coord: boolean;
}

export interface ForcedStay {
  day: number;
  p: number;
  ward: number;
  enc: Encounter;
}

interface Order {
  p: number;
  t: number;
  hosp: number;
  rad: boolean;
  used: number;
}

export class LegitSim {
  readonly r: Rng;
  private P: number;
  d = 0;
  dayStart = 0;
  dayEnd = 0;
  today: Ev[] = [];
  queue: Ev[][];
  onDuty: [number, Seg][][] = [];
  private segsOf = new Map<number, Seg[]>();
  stays: Stay[][] = [];
  private inpatient = new Set<number>();
  private wards: number[] = [];
  private orders: Order[] = [];
  private discharged: { p: number; day: number; hosp: number }[] = [];
  private lvReferrals: { p: number; t: number }[] = [];
  private routeRuns: { s: number; seg: Seg; pts: number[] }[] = [];
  private cohortCursor = [0, 0];
  private forced = new Map<number, ForcedStay[]>();
  private patterns: { name: string; w: number; we: number; fn: () => number }[];
  constructor(
    readonly w: World,
    readonly cal: Calendar,
    seed: number,
    readonly planted: Set<number>,
    forced: ForcedStay[],
  ) {
    this.r = new Rng(seed, 7);
    this.P = w.patients.length;
    this.queue = Array.from({ length: cal.days }, () => []);
    for (let i = 0; i < w.depts.length; i++) this.stays.push([]);
    for (const h of w.hospitals)
      for (const x of [...h.wards, h.icu, h.maternity, h.psychward]) if (x >= 0) this.wards.push(x);
    for (const f of forced) {
      const l = this.forced.get(f.day) ?? [];
      l.push(f);
      this.forced.set(f.day, l);
    }
    this.patterns = [
      { name: 'ward', w: 28, we: 30, fn: () => this.ward() },
      { name: 'ed', w: 3.5, we: 4, fn: () => this.ed() },
      { name: 'legevakt', w: 3, we: 5, fn: () => this.legevakt() },
      { name: 'outpatient', w: 8, we: 0.2, fn: () => this.outpatient() },
      { name: 'lab', w: 5, we: 4, fn: () => this.order(false) },
      { name: 'rad', w: 3.5, we: 2.5, fn: () => this.order(true) },
      { name: 'pharm', w: 2.3, we: 0.1, fn: () => this.pharmacy() },
      { name: 'coding', w: 2.5, we: 0.05, fn: () => this.coding() },
      { name: 'service', w: 3, we: 3, fn: () => this.service() },
      { name: 'it', w: 0.5, we: 0.02, fn: () => this.itSupport() },
      { name: 'consult', w: 2, we: 1.5, fn: () => this.consult() },
      { name: 'research', w: 0.8, we: 0.01, fn: () => this.research() },
      { name: 'homecare', w: 8, we: 8, fn: () => this.homecare() },
      { name: 'nursinghome', w: 3.5, we: 3.5, fn: () => this.nursingHome() },
      { name: 'gp', w: 10, we: 0.1, fn: () => this.gp() },
      { name: 'hs', w: 1.5, we: 0.01, fn: () => this.healthStation() },
      { name: 'psych', w: 2, we: 0.05, fn: () => this.psych() },
      { name: 'alloc', w: 1, we: 0.02, fn: () => this.allocation() },
    ];
  }

  // ---------- helpers ----------
  ok(u: number, p: number, d = this.d): boolean {
    const s = this.w.staff[u]!;
    const pt = this.w.patients[p]!;
    if (s.addr === pt.addr || s.patient === p) return false;
    if (
      !this.w.alive(pt, d) &&
      !(
        pt.deathDay <= d &&
        (this.w.depts[s.dept]!.type === 'coding' || this.w.depts[s.dept]!.type === 'archive' || s.svc)
      )
    )
      return false;
    return !this.planted.has(u * this.P + p);
  }
  emit(t: number, u: number, p: number, a: number, pu: number, dept: number, ws: number, k: number): void {
    t = Math.floor(t / 1000) * 1000;
    if (t < this.dayStart) t = this.dayStart + this.r.int(600) * 1000;
    const ev: Ev = { t, u, p, a, pu, d: dept, w: ws, k };
    if (t < this.dayEnd) this.today.push(ev);
    else {
      const dd = this.cal.dayOf(t);
      // a sitting that runs past midnight must not outlive the employment
      if (this.w.wd(dd) > this.w.staff[u]!.toDay) return;
      if (dd > this.d && dd < this.cal.days && t < this.cal.dayStart[this.cal.days]!) this.queue[dd]!.push(ev);
    }
  }
  /** several lookups in one sitting; returns events emitted */
  session(
    u: number,
    p: number,
    dept: number,
    t0: number,
    n: number,
    k: number,
    pu: number,
    opts: { upd?: number; print?: number; first?: number; etreat?: number; gap?: number } = {},
  ): number {
    const s = this.w.staff[u]!;
    const ws = this.wsFor(s, dept);
    let t = t0;
    for (let i = 0; i < n; i++) {
      let a: number = A.read;
      if (i === 0 && opts.first !== undefined) a = opts.first;
      else if (i > 0) {
        const x = this.r.next();
        if (x < (opts.upd ?? 0.2)) a = A.update;
        else if (x < (opts.upd ?? 0.2) + (opts.print ?? 0.02)) a = A.print;
      }
      let purpose = pu;
      if (opts.etreat && this.r.chance(opts.etreat)) purpose = PU.ETREAT;
      else if (this.r.chance(0.025)) purpose = PU.none;
      this.emit(t, u, p, a, purpose, dept, ws, k);
      t += 1000 * (10 + this.r.exp(opts.gap ?? 150));
    }
    return n;
  }
  wsFor(s: Staff, dept: number): number {
    if (s.svc) return s.ws;
    if (dept === s.dept && this.r.chance(0.75)) return s.ws;
    const pool = this.w.depts[dept]!.ws;
    return pool.length ? this.r.pick(pool) : s.ws;
  }
  minuteOf(t: number): number {
    return (t - this.dayStart) / 60000 + (this.cal.at(this.d, 0) - this.dayStart) / 60000;
  }
  timeIn(seg: Seg, damp = true): number {
    let m = seg.a + this.r.next() * (seg.b - seg.a);
    for (let i = 0; i < 3 && damp && (m < 390 || m >= 1350) && this.r.chance(0.65); i++)
      m = seg.a + this.r.next() * (seg.b - seg.a);
    return this.cal.at(this.d, Math.min(1439.9, m));
  }
  pickDuty(dept: number, role?: (s: Staff) => boolean): [number, Seg] | undefined {
    const l = this.onDuty[dept];
    if (!l || l.length === 0) return undefined;
    for (let i = 0; i < 8; i++) {
      const x = this.r.pick(l);
      // short pieces of a split night shift get proportionally fewer picks
      if (x[1].b - x[1].a < 300 && !this.r.chance((x[1].b - x[1].a) / 420)) continue;
      if (!role || role(this.w.staff[x[0]]!)) return x;
    }
    return undefined;
  }
  /** on-duty staff of dept whose shift covers instant t */
  dutyAt(dept: number, t: number, role?: (s: Staff) => boolean): [number, Seg] | undefined {
    const l = this.onDuty[dept];
    if (!l || l.length === 0) return undefined;
    const m = (t - this.dayStart) / 60000;
    const start = this.r.int(l.length);
    for (let i = 0; i < l.length; i++) {
      const x = l[(start + i) % l.length]!;
      const hourOk = m >= x[1].a && m < x[1].b;
      if (hourOk && (!role || role(this.w.staff[x[0]]!))) return x;
    }
    return undefined;
  }
  /** staff of a department on duty on future day dd (deterministic roster) */
  futureDuty(dept: number, dd: number, role: (s: Staff) => boolean): [number, Seg] | undefined {
    const st = this.w.depts[dept]!.staff;
    if (!st.length) return undefined;
    const o = this.r.int(st.length);
    for (let i = 0; i < st.length; i++) {
      const s = this.w.staff[st[(o + i) % st.length]!]!;
      if (!role(s)) continue;
      const seg = duty(this.w, s, dd).find((g) => g.dept === dept);
      if (seg) return [s.idx, seg];
    }
    return undefined;
  }
  ageWeight(p: Patient): number {
    const a = p.age;
    return a < 1 ? 0.4 : a < 18 ? 0.2 : a < 50 ? 0.3 : a < 70 ? 0.6 : 1;
  }
  randomPatient(filter: (p: Patient) => boolean, weighted = true): Patient | undefined {
    for (let i = 0; i < 60; i++) {
      const p = this.w.patients[this.r.int(this.P)]!;
      if (p.test || !this.w.alive(p, this.d) || !filter(p)) continue;
      if (weighted && !this.r.chance(this.ageWeight(p))) continue;
      return p;
    }
    return undefined;
  }
  hospFor(p: Patient): number {
    return p.muni === 1 ? (this.r.chance(0.8) ? 1 : 0) : this.r.chance(0.93) ? 0 : 1;
  }
  addEnc(p: number, dept: number, start: number, end: number | null, kind: Encounter['kind']): Encounter {
    const e: Encounter = {
      p,
      dept,
      start: Math.floor(start / 1000) * 1000,
      end: end === null ? null : Math.floor(end / 1000) * 1000,
      kind,
    };
    if (e.end !== null && e.end > this.cal.dayStart[this.cal.days]!) e.end = null;
    this.w.encounters.push(e);
    return e;
  }
  isPhys = (s: Staff) => s.role === 'physician';
  isNurse = (s: Staff) => s.role === 'nurse' || s.role === 'other';
  clinical = (s: Staff) => s.role !== 'secretary' && s.role !== 'admin';

  // ---------- day setup ----------
  beginDay(d: number, pre: Ev[]): void {
    this.d = d;
    this.dayStart = this.cal.dayStart[d]!;
    this.dayEnd = this.cal.dayStart[d + 1]!;
    this.today = [...this.queue[d]!, ...pre];
    this.queue[d] = [];
    this.onDuty = this.w.depts.map(() => []);
    this.segsOf.clear();
    for (const s of this.w.staff) {
      const segs = duty(this.w, s, d);
      if (!segs.length) continue;
      this.segsOf.set(s.idx, segs);
      for (const g of segs) this.onDuty[g.dept]!.push([s.idx, g]);
    }
    this.wardDay();
    this.planRoutes();
    if (this.orders.length > 4000) this.orders = this.orders.slice(-2000);
    if (this.discharged.length > 6000) this.discharged = this.discharged.filter((x) => x.day >= d - 25);
  }

  private admit(p: Patient, ward: number, start: number, days: number): void {
    const endT = start + days * 86_400_000 + this.r.range(-3, 3) * 3_600_000;
    const enc = this.addEnc(p.idx, ward, start, endT, 'inpatient');
    this.pushStay(p.idx, ward, enc, start, endT);
  }
  private pushStay(p: number, ward: number, enc: Encounter, start: number, endT: number): void {
    const pt = this.w.patients[p]!;
    let e = endT;
    if (pt.deathDay < 1e9) e = Math.min(e, this.cal.at(pt.deathDay, 300 + this.r.int(900)));
    if (e !== endT && enc.end !== null) enc.end = e;
    const endDay = e >= this.cal.dayStart[this.cal.days]! ? this.cal.days + 100 : this.cal.dayOf(e);
    this.stays[ward]!.push({ p, ward, enc, start, endT: e, endDay, coord: false });
    this.inpatient.add(p);
  }
  private losFor(ward: number): number {
    const t = this.w.depts[ward]!.type;
    if (t === 'icu') return this.r.range(1, 6);
    if (t === 'maternity') return this.r.range(2, 4);
    if (t === 'psychward') return this.r.range(4, 30);
    return 1 + Math.floor(this.r.exp(3.5));
  }
  private wardDay(): void {
    const d = this.d;
    for (const f of this.forced.get(d) ?? []) {
      if (this.inpatient.has(f.p)) continue;
      this.pushStay(f.p, f.ward, f.enc, f.enc.start, f.enc.end ?? this.cal.dayStart[this.cal.days]! + 86_400_000);
    }
    for (const ward of this.wards) {
      const list = this.stays[ward]!;
      const keep: Stay[] = [];
      for (const s of list) {
        if (s.endDay < d) {
          this.inpatient.delete(s.p);
          const hosp = this.w.depts[ward]!.hosp;
          this.discharged.push({ p: s.p, day: s.endDay, hosp });
          const pt = this.w.patients[s.p]!;
          // some elderly patients get home care after discharge (relation registered only sometimes)
          if (pt.age >= 75 && pt.district < 0 && pt.nh < 0 && pt.muni < this.w.munis.length && this.r.chance(0.2)) {
            const mu = this.w.munis[pt.muni]!;
            const dist = mu.homecare[this.w.addrs[pt.addr]!.street % mu.homecare.length]!;
            pt.district = dist;
            pt.evening = this.r.chance(0.3);
            this.w.depts[dist]!.members.push(pt.idx);
            if (this.r.chance(0.6))
              this.w.relations.push({
                p: pt.idx,
                user: -1,
                dept: dist,
                from: this.w.wd(d),
                to: null,
                kind: 'assigned',
              });
          }
          continue;
        }
        keep.push(s);
        // discharge coordination with the municipality
        if (!s.coord && (s.endDay === d + 1 || s.endDay === d + 2)) {
          s.coord = true;
          const pt = this.w.patients[s.p]!;
          if (pt.age >= 67 && pt.muni < this.w.munis.length && pt.nh < 0 && this.r.chance(0.5))
            this.dischargeCoordination(pt, s);
        }
      }
      this.stays[ward] = keep;
      const dep = this.w.depts[ward]!;
      const target = Math.round(dep.beds * (0.82 + 0.1 * this.r.next()));
      let guard = 0;
      while (this.stays[ward]!.length < target && guard++ < 200) {
        const typ = dep.type;
        const p = this.randomPatient((q) => {
          if (this.inpatient.has(q.idx) || (q.nh >= 0 && this.r.chance(0.8))) return false;
          if (typ === 'maternity') return q.female && q.age >= 20 && q.age <= 42;
          if (dep.specialty === 'Barneavdelingen') return q.age < 18;
          if (typ === 'psychward') return q.age >= 18 && q.age < 75;
          return q.age >= 18 || (q.age < 18 && this.r.chance(0.1));
        });
        if (!p) continue;
        const los = this.losFor(ward);
        const start =
          d === 0 ? this.cal.at(0, 600) - this.r.int(los * 24) * 3_600_000 : this.cal.at(d, 480 + this.r.int(720));
        this.admit(p, ward, start, los);
      }
    }
  }
  private dischargeCoordination(pt: Patient, s: Stay): void {
    const mu = this.w.munis[pt.muni]!;
    const x = this.pickDuty(mu.allocation);
    if (!x) return;
    const [u, seg] = x;
    if (!this.ok(u, pt.idx)) return;
    const t = this.timeIn(seg);
    if (this.r.chance(0.6)) {
      if (this.r.chance(0.5)) this.addEnc(pt.idx, mu.allocation, t - this.r.range(10, 300) * 60_000, null, 'referral');
      else
        this.w.relations.push({
          p: pt.idx,
          user: -1,
          dept: mu.allocation,
          from: this.w.wd(this.d),
          to: null,
          kind: 'referral',
        });
    }
    this.session(u, pt.idx, seg.dept, t, this.r.range(1, 4), K.discharge_coordination, PU.TREAT, { upd: 0.15 });
    // the home-care nurse may also look ahead
    if (pt.district >= 0) {
      const y = this.pickDuty(pt.district);
      if (y && this.ok(y[0], pt.idx))
        this.session(y[0], pt.idx, y[1].dept, this.timeIn(y[1]), 1, K.discharge_coordination, PU.TREAT);
    }
    void s;
  }
  private planRoutes(): void {
    this.routeRuns = [];
    for (const mu of this.w.munis) {
      for (const dist of mu.homecare) {
        const dep = this.w.depts[dist]!;
        const members = dep.members.filter((p) => this.w.alive(this.w.patients[p]!, this.d) && !this.inpatient.has(p));
        const day = (this.onDuty[dist] ?? []).filter((x) => x[1].a < 600);
        const eve = (this.onDuty[dist] ?? []).filter((x) => x[1].a >= 600);
        const split = (staff: [number, Seg][], pts: number[]) => {
          if (!staff.length || !pts.length) return;
          const k = Math.min(staff.length, Math.max(1, Math.ceil(pts.length / 6)));
          for (let i = 0; i < k; i++)
            this.routeRuns.push({ s: staff[i]![0], seg: staff[i]![1], pts: pts.filter((_, j) => j % k === i) });
        };
        split(day, members);
        split(
          eve,
          members.filter((p) => this.w.patients[p]!.evening),
        );
      }
    }
    this.r.shuffle(this.routeRuns);
  }

  // ---------- run one day ----------
  fill(target: number): void {
    const we = !this.cal.isWorkday(this.d);
    const ws = this.patterns.map((p) => (we ? p.we : p.w));
    let fails = 0;
    while (this.today.length < target) {
      const i = this.r.weighted(ws);
      const n = this.patterns[i]!.fn();
      if (n === 0) {
        fails++;
        if (fails > 2000) {
          // last resort: service-account lookups always succeed
          if (this.service() === 0) throw new Error('cannot fill day');
        }
      } else fails = 0;
    }
  }

  // ---------- patterns ----------
  private ward(): number {
    const ward = this.r.pick(this.wards);
    const list = this.stays[ward]!;
    if (!list.length) return 0;
    const st = this.r.pick(list);
    let x = this.pickDuty(ward);
    let k: number = K.ward_inpatient;
    if (this.r.chance(0.05)) {
      // borrowed nurse from another ward of the same hospital
      const h = this.w.hospitals[this.w.depts[ward]!.hosp]!;
      const other = this.r.pick(h.wards);
      const y = this.pickDuty(other, this.isNurse);
      if (y && other !== ward) {
        x = [y[0], { a: y[1].a, b: y[1].b, dept: ward }];
        k = K.float_nurse;
      }
    }
    if (!x) return 0;
    const [u, seg] = x;
    if (!this.ok(u, st.p)) return 0;
    let t = this.timeIn(seg);
    if (t < st.start) t = st.start + this.r.int(3600) * 1000;
    if (t > st.endT) t = st.endT - this.r.int(3600) * 1000;
    if (t < this.dayStart || t >= this.dayEnd) return 0;
    const s = this.w.staff[u]!;
    const icu = this.w.depts[ward]!.type === 'icu';
    const n = s.role === 'secretary' ? 1 : this.r.count(s.role === 'physician' ? 2.6 : 2.1);
    return this.session(u, st.p, seg.dept, t, n, k, PU.TREAT, {
      upd: s.role === 'secretary' ? 0 : 0.3,
      etreat: icu ? 0.04 : 0,
      print: 0.01,
    });
  }

  private edTime(): number {
    const hw = [2, 1.5, 1, 1, 1, 1, 1.5, 3, 5, 7, 8, 8, 8, 7.5, 7, 7, 7, 7, 6.5, 6, 5, 4, 3.5, 2.5];
    const h = this.r.weighted(hw);
    return this.cal.at(this.d, h * 60 + this.r.next() * 60);
  }
  private ed(): number {
    let p: Patient | undefined;
    let t = this.edTime();
    const ref = this.lvReferrals.findIndex((x) => x.t < this.dayEnd);
    if (ref >= 0 && this.r.chance(0.5)) {
      const x = this.lvReferrals.splice(ref, 1)[0]!;
      p = this.w.patients[x.p];
      t = Math.max(x.t + 40 * 60_000, this.dayStart);
      if (t >= this.dayEnd) return 0;
    } else p = this.randomPatient((q) => !this.inpatient.has(q.idx));
    if (!p || this.inpatient.has(p.idx)) return 0;
    const h = this.hospFor(p);
    const ed = this.w.hospitals[h]!.ed;
    const nurse = this.dutyAt(ed, t, this.isNurse) ?? this.pickDuty(ed, this.isNurse);
    const doc = this.dutyAt(ed, t + 1_800_000, this.isPhys) ?? this.pickDuty(ed, this.isPhys);
    if (!nurse || !doc || !this.ok(nurse[0], p.idx) || !this.ok(doc[0], p.idx)) return 0;
    this.addEnc(p.idx, ed, t, t + this.r.range(90, 420) * 60_000, 'emergency');
    let n = 0;
    const sec = this.dutyAt(ed, t, (s) => s.role === 'secretary');
    if (sec && this.ok(sec[0], p.idx) && this.r.chance(0.6))
      n += this.session(sec[0], p.idx, ed, t - 60_000, 2, K.ed_visit, PU.TREAT, { first: A.search, upd: 0.5 });
    n += this.session(nurse[0], p.idx, ed, t + this.r.range(1, 8) * 60_000, this.r.count(2), K.ed_visit, PU.TREAT, {
      upd: 0.4,
      etreat: 0.04,
    });
    n += this.session(doc[0], p.idx, ed, t + this.r.range(10, 70) * 60_000, this.r.count(3), K.ed_visit, PU.TREAT, {
      upd: 0.3,
      etreat: 0.08,
    });
    this.orders.push({ p: p.idx, t: t + 1_200_000, hosp: h, rad: this.r.chance(0.45), used: 0 });
    if (this.r.chance(0.25)) {
      const wards = this.w.hospitals[h]!.wards.concat(this.r.chance(0.1) ? [this.w.hospitals[h]!.icu] : []);
      const ward = this.r.pick(wards);
      if (this.stays[ward]!.length < this.w.depts[ward]!.beds * 1.05)
        this.admit(p, ward, t + this.r.range(120, 360) * 60_000, this.losFor(ward));
    }
    return n;
  }

  private legevakt(): number {
    const lvs = [this.w.munis[0]!.legevakt, this.w.munis[1]!.legevakt];
    const lv = this.r.chance(0.72) ? lvs[0]! : lvs[1]!;
    const served = this.w.depts[lv]!.served;
    const work = this.cal.isWorkday(this.d);
    const hw = work
      ? [3, 2, 1.5, 1, 1, 1, 1.5, 2, 3, 3, 3, 3, 3, 3, 3, 4, 7, 8, 8, 7, 6, 5, 4, 3.5]
      : [3, 2, 1.5, 1, 1, 1, 1.5, 3, 5, 7, 8, 8, 8, 7, 7, 7, 7, 7, 7, 6, 5, 4, 4, 3];
    const t = this.cal.at(this.d, this.r.weighted(hw) * 60 + this.r.next() * 60);
    const p = this.randomPatient((q) => served.includes(q.muni) && !this.inpatient.has(q.idx), false);
    if (!p) return 0;
    const nurse = this.dutyAt(lv, t, this.isNurse);
    const doc = this.dutyAt(lv, t + 1_200_000, this.isPhys) ?? this.dutyAt(lv, t, this.isPhys);
    if (!nurse || !doc || !this.ok(nurse[0], p.idx) || !this.ok(doc[0], p.idx)) return 0;
    // registration sometimes happens minutes after the first lookup (phone triage, walk-in)
    const late = this.r.chance(0.22);
    const encStart = late ? t + this.r.range(2, 25) * 60_000 : t - this.r.range(1, 10) * 60_000;
    this.addEnc(p.idx, lv, encStart, encStart + this.r.range(30, 180) * 60_000, 'emergency');
    let n = this.session(nurse[0], p.idx, lv, t, this.r.count(1.8), K.legevakt_visit, PU.TREAT, {
      first: this.r.chance(0.35) ? A.search : A.read,
      upd: 0.35,
      etreat: 0.05,
    });
    n += this.session(
      doc[0],
      p.idx,
      lv,
      t + this.r.range(8, 80) * 60_000,
      this.r.count(2.6),
      K.legevakt_visit,
      PU.TREAT,
      { upd: 0.35, etreat: 0.1 },
    );
    if (this.r.chance(0.08)) this.lvReferrals.push({ p: p.idx, t: t + 3_600_000 });
    if (this.r.chance(0.15))
      this.orders.push({ p: p.idx, t: t + 1_800_000, hosp: p.muni === 1 ? 1 : 0, rad: false, used: 0 });
    return n;
  }

  private outpatient(): number {
    const h = this.r.chance(0.75) ? 0 : 1;
    const H = this.w.hospitals[h]!;
    const clinic = H.dps >= 0 && this.r.chance(0.12) ? H.dps : this.r.pick(H.outpat);
    const dep = this.w.depts[clinic]!;
    const p = this.randomPatient((q) =>
      dep.specialty === 'Barnepoliklinikken' ? q.age < 18 : dep.type === 'dps' ? q.age >= 18 && q.age < 70 : true,
    );
    if (!p) return 0;
    const docs = dep.staff.filter(
      (s) => this.w.staff[s]!.role === 'physician' || this.w.staff[s]!.role === 'therapist',
    );
    if (!docs.length) return 0;
    const doc = this.r.pick(docs);
    if (!this.ok(doc, p.idx)) return 0;
    if (this.r.chance(0.5)) {
      // booking today by the patient office, visit on a later day
      const sec = this.pickDuty(H.secr);
      if (!sec || !this.ok(sec[0], p.idx)) return 0;
      const t = this.timeIn(sec[1]);
      this.addEnc(p.idx, clinic, t - this.r.range(3, 40) * 86_400_000, null, 'referral');
      this.w.relations.push({ p: p.idx, user: doc, dept: -1, from: this.w.wd(this.d), to: null, kind: 'appointment' });
      const n = this.session(sec[0], p.idx, H.secr, t, this.r.range(1, 3), K.outpatient_booking, PU.HOPERAT, {
        first: this.r.chance(0.4) ? A.search : A.read,
        upd: 0.3,
        print: 0.1,
      });
      const v = this.d + this.r.range(5, 35);
      const vd = this.futureDuty(clinic, v, this.clinical);
      if (vd && v < this.cal.days + 60) {
        const vt = this.cal.at(v, vd[1].a + this.r.int(Math.max(1, vd[1].b - vd[1].a - 60)));
        this.addEnc(p.idx, clinic, vt, vt + this.r.range(20, 90) * 60_000, 'outpatient');
        if (v < this.cal.days && this.ok(vd[0], p.idx, v)) {
          this.queueSession(vd[0], p.idx, clinic, vt, this.r.count(2.5), K.outpatient_visit, v);
        }
      }
      return n;
    }
    const x = this.pickDuty(clinic, this.clinical);
    if (!x || !this.ok(x[0], p.idx)) return 0;
    const t = this.timeIn(x[1], false);
    this.w.relations.push({
      p: p.idx,
      user: doc,
      dept: -1,
      from: this.w.wd(this.d) - this.r.range(5, 40),
      to: null,
      kind: 'appointment',
    });
    this.addEnc(p.idx, clinic, t, t + this.r.range(20, 90) * 60_000, 'outpatient');
    let n = this.session(x[0], p.idx, clinic, t, this.r.count(2.5), K.outpatient_visit, PU.TREAT, { upd: 0.35 });
    if (this.r.chance(0.3)) this.orders.push({ p: p.idx, t: t + 1_800_000, hosp: h, rad: this.r.chance(0.4), used: 0 });
    if (x[0] !== doc && this.segsOf.has(doc) && this.ok(doc, p.idx)) {
      const seg = this.segsOf.get(doc)![0]!;
      n += this.session(doc, p.idx, seg.dept, this.timeIn(seg, false), this.r.count(2), K.outpatient_visit, PU.TREAT, {
        upd: 0.4,
      });
    }
    return n;
  }
  private queueSession(u: number, p: number, dept: number, t: number, n: number, k: number, day: number): void {
    const saveD = this.d;
    void saveD;
    const ws = this.wsFor(this.w.staff[u]!, dept);
    for (let i = 0; i < n; i++) {
      const ev: Ev = {
        t: Math.floor(t / 1000) * 1000,
        u,
        p,
        a: i > 0 && this.r.chance(0.3) ? A.update : A.read,
        pu: PU.TREAT,
        d: dept,
        w: ws,
        k,
      };
      const dd = this.cal.dayOf(ev.t);
      if (this.w.wd(dd) > this.w.staff[u]!.toDay) break;
      if (dd > this.d && dd < this.cal.days) this.queue[dd]!.push(ev);
      else if (dd === this.d) this.today.push(ev);
      t += 1000 * (20 + this.r.exp(200));
    }
    void day;
  }

  private order(rad: boolean): number {
    let o: Order | undefined;
    for (let i = 0; i < 5 && this.orders.length; i++) {
      const c = this.orders[this.orders.length - 1 - this.r.int(Math.min(300, this.orders.length))]!;
      if (c.rad === rad || !rad) {
        o = c;
        break;
      }
    }
    let p: number;
    let hosp: number;
    let t0: number;
    if (o && o.used < 2 && o.t < this.dayEnd) {
      o.used++;
      p = o.p;
      hosp = o.hosp;
      t0 = Math.max(o.t, this.dayStart);
    } else {
      const ward = this.r.pick(this.wards);
      const st = this.stays[ward]!;
      if (!st.length) return 0;
      p = this.r.pick(st).p;
      hosp = this.w.depts[ward]!.hosp;
      t0 = this.dayStart + this.r.int(20 * 3600) * 1000;
    }
    const H = this.w.hospitals[hosp]!;
    const dept = rad ? H.rad : this.r.chance(0.8) ? H.lab[0]! : this.r.pick(H.lab);
    const t = t0 + this.r.range(10, 240) * 60_000;
    if (t >= this.dayEnd) return 0;
    const x =
      this.dutyAt(dept, t, rad ? (s) => s.role === 'radiology' : (s) => s.role === 'lab') ?? this.pickDuty(dept);
    if (!x || !this.ok(x[0], p)) return 0;
    if (this.r.chance(0.93)) this.addEnc(p, dept, t0, t0 + this.r.range(60, 48 * 60) * 60_000, 'order');
    else if (this.r.chance(0.5))
      this.w.relations.push({ p, user: -1, dept, from: this.w.wd(this.d), to: null, kind: 'order' });
    let n = this.session(
      x[0],
      p,
      dept,
      Math.max(t, this.dayStart),
      this.r.count(1.5),
      rad ? K.radiology_order : K.lab_order,
      PU.TREAT,
      { upd: 0.4, print: 0.05 },
    );
    if (rad && this.r.chance(0.6)) {
      const y = this.pickDuty(dept, this.isPhys);
      if (y && this.ok(y[0], p))
        n += this.session(
          y[0],
          p,
          dept,
          Math.max(t + 1_800_000, this.timeIn(y[1])),
          this.r.count(1.6),
          K.radiology_order,
          PU.TREAT,
          { upd: 0.5 },
        );
    }
    return n;
  }

  private pharmacy(): number {
    const x = this.pickDuty(this.w.pharm);
    if (!x) return 0;
    const ward = this.r.pick(this.wards);
    const st = this.stays[ward]!;
    if (!st.length) return 0;
    const p = this.r.pick(st).p;
    if (!this.ok(x[0], p)) return 0;
    return this.session(x[0], p, x[1].dept, this.timeIn(x[1]), this.r.count(1.7), K.pharmacy_review, PU.TREAT, {
      upd: 0.15,
    });
  }

  private coding(): number {
    const archive = this.r.chance(0.35);
    const dept = archive ? this.w.archive : this.w.coding;
    const x = this.pickDuty(dept);
    if (!x || !this.discharged.length) return 0;
    const c = this.discharged[this.discharged.length - 1 - this.r.int(Math.min(this.discharged.length, 800))]!;
    if (c.day > this.d - 1) return 0;
    if (!this.ok(x[0], c.p)) return 0;
    return this.session(
      x[0],
      c.p,
      dept,
      this.timeIn(x[1]),
      this.r.count(archive ? 1.6 : 2.2),
      archive ? K.archive_after_discharge : K.coding_after_discharge,
      archive ? PU.HOPERAT : this.r.chance(0.6) ? PU.HPAYMT : PU.HOPERAT,
      { upd: archive ? 0.05 : 0.25, print: archive ? 0.3 : 0.01 },
    );
  }

  private service(): number {
    const svcs = this.w.depts[this.w.integ]!.staff;
    const u = this.r.pick(svcs);
    const s = this.w.staff[u]!;
    let p: number;
    if (this.orders.length && this.r.chance(0.6))
      p = this.orders[this.orders.length - 1 - this.r.int(Math.min(500, this.orders.length))]!.p;
    else {
      const q = this.randomPatient(() => true);
      if (!q) return 0;
      p = q.idx;
    }
    if (!this.ok(u, p)) return 0;
    const t = this.dayStart + this.r.int(Math.floor((this.dayEnd - this.dayStart) / 1000)) * 1000;
    const a =
      s.id === 'svc-print'
        ? A.print
        : s.id === 'svc-lab-lis' || s.id === 'svc-ris-pacs'
          ? this.r.chance(0.5)
            ? A.update
            : A.create
          : s.id === 'svc-kommune-plo'
            ? this.r.chance(0.3)
              ? A.create
              : A.read
            : s.id === 'svc-eresept' && this.r.chance(0.2)
              ? A.export
              : A.read;
    const n = this.r.count(1.4);
    for (let i = 0; i < n; i++)
      this.emit(
        t + i * 2000,
        u,
        p,
        i === 0 ? a : A.read,
        this.r.chance(0.3) ? PU.none : PU.HOPERAT,
        this.w.integ,
        s.ws,
        K.service_account,
      );
    return n;
  }

  private itSupport(): number {
    const x = this.pickDuty(this.w.it);
    if (!x) return 0;
    const real = this.r.chance(0.15);
    const p = real ? this.randomPatient(() => true, false)?.idx : this.r.pick(this.w.testPatients);
    if (p === undefined || !this.ok(x[0], p)) return 0;
    const s = this.w.staff[x[0]]!;
    let t = this.timeIn(x[1]);
    const n = this.r.count(real ? 1.5 : 3);
    for (let i = 0; i < n; i++) {
      const a = real ? A.read : this.r.weighted([5, 1, 1, 0.3, 3, 1]);
      this.emit(t, x[0], p, a, PU.HOPERAT, x[1].dept, s.ws, K.it_support);
      t += 1000 * (5 + this.r.exp(60));
    }
    return n;
  }

  private consult(): number {
    const ward = this.r.pick(this.wards);
    const st = this.stays[ward]!;
    if (!st.length) return 0;
    const stay = this.r.pick(st);
    const h = this.w.hospitals[this.w.depts[ward]!.hosp]!;
    const from = this.r.pick(
      [...h.wards, ...h.outpat, h.rad, h.dps, h.psychward, h.icu].filter((x) => x >= 0 && x !== ward),
    );
    const x = this.pickDuty(from, this.isPhys);
    if (!x || !this.ok(x[0], stay.p)) return 0;
    let t = this.timeIn(x[1], false);
    if (t < stay.start) t = Math.min(this.dayEnd - 60_000, stay.start + 1_800_000);
    if (this.r.chance(0.5))
      this.w.relations.push({
        p: stay.p,
        user: x[0],
        dept: -1,
        from: this.w.wd(this.d),
        to: this.w.wd(this.d) + 3,
        kind: 'consult',
      });
    return this.session(x[0], stay.p, x[1].dept, t, this.r.count(2.2), K.oncall_consult, PU.TREAT, { upd: 0.3 });
  }

  private research(): number {
    const x = this.pickDuty(this.w.research);
    if (!x) return 0;
    const ci = this.r.int(this.w.cohorts.length);
    const c = this.w.cohorts[ci]!;
    if (!c.patients.length) return 0;
    let t = this.timeIn(x[1], false);
    let n = 0;
    const m = this.r.range(3, 7);
    for (let i = 0; i < m; i++) {
      const p = c.patients[this.cohortCursor[ci]! % c.patients.length]!;
      this.cohortCursor[ci]!++;
      if (!this.ok(x[0], p)) continue;
      this.emit(
        t,
        x[0],
        p,
        this.r.chance(0.1) ? A.export : A.read,
        PU.HRESCH,
        x[1].dept,
        this.w.staff[x[0]]!.ws,
        K.research,
      );
      n++;
      t += 1000 * (30 + this.r.exp(240));
    }
    return n;
  }

  private homecare(): number {
    const run = this.routeRuns.pop();
    if (!run) return 0;
    let t = this.cal.at(this.d, run.seg.a + 10 + this.r.int(20));
    let n = 0;
    const s = this.w.staff[run.s]!;
    for (const p of run.pts) {
      if (!this.ok(run.s, p)) continue;
      const m = this.r.chance(0.35) ? 2 : 1;
      for (let i = 0; i < m; i++) {
        this.emit(t, run.s, p, i > 0 ? A.update : A.read, PU.TREAT, run.seg.dept, s.ws, K.homecare_route);
        t += 1000 * (30 + this.r.int(400));
      }
      n += m;
      t += 60_000 * (12 + this.r.int(30));
    }
    return n;
  }

  private nursingHome(): number {
    const all = this.w.munis.flatMap((m) => m.nursinghomes);
    const unit = this.r.pick(all);
    const dep = this.w.depts[unit]!;
    const x = this.pickDuty(unit);
    if (!x || !dep.members.length) return 0;
    const s = this.w.staff[x[0]]!;
    let t = this.timeIn(x[1]);
    const m = s.role === 'physician' ? this.r.range(5, 12) : this.r.range(2, 5);
    let n = 0;
    for (let i = 0; i < m; i++) {
      const p = this.r.pick(dep.members);
      if (!this.ok(x[0], p)) continue;
      n += this.session(x[0], p, x[1].dept, t, this.r.count(1.4), K.nursing_home, PU.TREAT, { upd: 0.45 });
      t += 60_000 * (3 + this.r.int(25));
    }
    return n;
  }

  private gp(): number {
    const mu = this.w.munis[this.r.weighted(this.w.munis.map((m) => m.share))]!;
    const office = this.r.pick(mu.gps);
    const x = this.pickDuty(office);
    if (!x) return 0;
    const s = this.w.staff[x[0]]!;
    const gps = this.w.depts[office]!.staff.filter((g) => this.w.staff[g]!.role === 'physician');
    const gp = s.role === 'physician' ? s : this.w.staff[this.r.pick(gps)]!;
    let p: number;
    let k: number = K.gp_list;
    const recent = gp.joiners.filter((q) => {
      const pt = this.w.patients[q]!;
      return pt.gpFrom <= this.d && pt.gpFrom >= this.d - 14;
    });
    if (s.role === 'physician' && recent.length && this.r.chance(0.15)) {
      p = this.r.pick(recent);
      k = K.gp_new_list_patient;
    } else {
      if (!gp.list.length) return 0;
      p = this.r.pick(gp.list);
    }
    const pt = this.w.patients[p]!;
    if (this.w.gpOf(pt, this.d) !== gp.idx || !this.ok(x[0], p)) return 0;
    const t = this.timeIn(x[1], false);
    if (s.role !== 'physician')
      return this.session(x[0], p, x[1].dept, t, this.r.count(1.5), K.gp_office_staff, PU.TREAT, {
        first: this.r.chance(0.3) ? A.search : A.read,
        upd: 0.3,
        print: 0.05,
      });
    const consult = this.r.chance(0.5);
    if (consult) this.addEnc(p, office, t, t + this.r.range(15, 40) * 60_000, 'outpatient');
    if (consult && this.r.chance(0.2))
      this.orders.push({ p, t: t + 3_600_000, hosp: mu === this.w.munis[1] ? 1 : 0, rad: this.r.chance(0.2), used: 0 });
    if (consult && this.r.chance(0.06)) {
      const h = this.w.hospitals[mu === this.w.munis[1] ? 1 : 0]!;
      this.addEnc(p, this.r.pick(h.outpat), t + 1_800_000, null, 'referral');
    }
    return this.session(x[0], p, x[1].dept, t, consult ? this.r.count(3) : this.r.count(1.4), k, PU.TREAT, {
      upd: consult ? 0.4 : 0.25,
      print: 0.03,
    });
  }

  private healthStation(): number {
    const mu = this.w.munis[this.r.weighted(this.w.munis.map((m) => m.share))]!;
    const hs = this.w.depts[mu.healthstation]!;
    const x = this.pickDuty(hs.idx);
    if (!x || !hs.members.length) return 0;
    const c = this.w.patients[this.r.pick(hs.members)]!;
    if (!this.w.alive(c, this.d) || !this.ok(x[0], c.idx)) return 0;
    const t = this.timeIn(x[1], false);
    let n = this.session(x[0], c.idx, hs.idx, t, this.r.count(2), K.health_station, PU.TREAT, { upd: 0.4 });
    if (c.mother >= 0 && this.d - c.bornDay >= 5 && this.d - c.bornDay <= 14 && this.ok(x[0], c.mother)) {
      n += this.session(x[0], c.mother, hs.idx, t + 300_000, this.r.count(1.5), K.health_station, PU.TREAT, {
        upd: 0.3,
      });
    }
    return n;
  }

  private psych(): number {
    const mu = this.w.munis[this.r.weighted(this.w.munis.map((m) => m.share))]!;
    const dep = this.w.depts[mu.psych]!;
    const x = this.pickDuty(dep.idx);
    if (!x || !dep.members.length) return 0;
    const s = this.w.staff[x[0]]!;
    const p = s.clients.length && this.r.chance(0.8) ? this.r.pick(s.clients) : this.r.pick(dep.members);
    if (!this.ok(x[0], p)) return 0;
    return this.session(x[0], p, dep.idx, this.timeIn(x[1], false), this.r.count(2), K.municipal_psych, PU.TREAT, {
      upd: 0.4,
    });
  }

  private allocation(): number {
    const mu = this.w.munis[this.r.weighted(this.w.munis.map((m) => m.share))]!;
    const x = this.pickDuty(mu.allocation);
    if (!x) return 0;
    const m = this.w.munis.indexOf(mu);
    const hc = mu.homecare.flatMap((d) => this.w.depts[d]!.members);
    const p =
      hc.length && this.r.chance(0.4)
        ? this.w.patients[this.r.pick(hc)]
        : this.randomPatient((q) => q.muni === m && q.age >= 60);
    if (!p || !this.ok(x[0], p.idx)) return 0;
    const t = this.timeIn(x[1], false);
    if (p.district < 0 && this.r.chance(0.6))
      this.addEnc(p.idx, mu.allocation, t - this.r.range(1, 20) * 86_400_000, null, 'referral');
    return this.session(x[0], p.idx, mu.allocation, t, this.r.count(2), K.allocation_office, PU.TREAT, { upd: 0.3 });
  }

  /** births: mother and newborn on the maternity ward (called for day setup via forced stays) */
  birthStays(): ForcedStay[] {
    const out: ForcedStay[] = [];
    const mat = this.w.hospitals[0]!.maternity;
    for (const b of this.w.patients) {
      if (b.bornDay < 0 || b.bornDay > 1e8 || b.mother < 0) continue;
      const t = this.cal.at(b.bornDay, this.r.int(1440));
      const los = this.r.range(2, 4) * 86_400_000;
      const e1 = this.addEnc(b.mother, mat, t - this.r.range(2, 14) * 3_600_000, t + los, 'inpatient');
      const e2 = this.addEnc(b.idx, mat, t, t + los, 'inpatient');
      out.push({ day: this.cal.dayOf(e1.start) < 0 ? 0 : this.cal.dayOf(e1.start), p: b.mother, ward: mat, enc: e1 });
      out.push({ day: b.bornDay, p: b.idx, ward: mat, enc: e2 });
    }
    return out;
  }
  addForced(f: ForcedStay[]): void {
    for (const x of f) {
      const l = this.forced.get(x.day) ?? [];
      l.push(x);
      this.forced.set(x.day, l);
    }
  }
}
