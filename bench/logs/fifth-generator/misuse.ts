// Planted misuse (ground truth). Planned before the legitimate simulation so that legit activity can avoid the pairs.
import { Rng } from './rng.js';
import type { Encounter, Patient, Staff, World } from './world.js';
import { A, PU, duty } from './schedule.js';
import type { Ev, Seg } from './schedule.js';
import type { ForcedStay } from './legit.js';
import { PLANNED_CONTEXT } from './legit.js';

export const SCENARIOS = [
  ['self_lookup', 7],
  ['family_same_address', 8],
  ['ex_partner', 5],
  ['colleague', 8],
  ['celebrity_newsworthy', 10],
  ['browsing_random', 9],
  ['neighbour', 6],
  ['relative_other_address', 6],
  ['etreat_without_emergency', 4],
  ['after_employment_end', 4],
  ['homecare_offroute_neighbour', 5],
  ['gp_former_list_patient', 4],
  ['politician_psych_record', 5],
  ['nursinghome_resident_relative', 4],
  ['legevakt_repeat_lookup', 4],
  ['allocation_self_documented_neighbour', 3],
  ['healthstation_colleague_child', 3],
  ['surname_search', 6],
] as const;
export type ScenarioName = (typeof SCENARIOS)[number][0];

export interface Pair {
  u: number;
  p: number;
  sc: number;
  events: number;
  decoy: boolean;
}

export class Planter {
  readonly r: Rng;
  events: Ev[] = [];
  pairs: Pair[] = [];
  planted = new Set<number>();
  forced: ForcedStay[] = [];
  private P: number;
  private pairIdx = new Map<number, Pair>();
  private days: number;
  constructor(
    readonly w: World,
    seed: number,
  ) {
    this.r = new Rng(seed, 13);
    this.P = w.patients.length;
    this.days = w.cal.days;
  }

  key(u: number, p: number): number {
    return u * this.P + p;
  }
  /** a snooper candidate: a normal account employed over the whole window */
  private fullTime(s: Staff): boolean {
    return !s.svc && s.fromDay <= this.w.cal.startDay && s.toDay > this.w.cal.startDay + this.days && s.sickTo < 0;
  }
  private target(p: Patient): boolean {
    return !p.test && p.bornDay < 0 && p.deathDay > 1e8;
  }
  private canPlant(u: number, p: number): boolean {
    const s = this.w.staff[u]!;
    const pt = this.w.patients[p]!;
    return !this.planted.has(this.key(u, p)) && this.target(pt) && s.patient !== p;
  }
  private randomStaff(filter: (s: Staff) => boolean): Staff | undefined {
    for (let i = 0; i < 400; i++) {
      const s = this.w.staff[this.r.int(this.w.staff.length)]!;
      if (this.fullTime(s) && filter(s)) return s;
    }
    return undefined;
  }
  /** a day in [lo, hi] the user is on duty (optionally in a given department) */
  private workDay(s: Staff, lo: number, hi: number, dept = -1): { d: number; seg: Seg } | undefined {
    lo = Math.max(0, lo);
    hi = Math.min(this.days - 1, hi);
    if (hi < lo) return undefined;
    for (let i = 0; i < 40; i++) {
      const d = this.r.range(lo, hi);
      const segs = duty(this.w, s, d).filter((g) => dept < 0 || g.dept === dept);
      if (segs.length) return { d, seg: this.r.pick(segs) };
    }
    return undefined;
  }
  private timeIn(d: number, seg: Seg): number {
    let a = seg.a;
    let b = seg.b;
    if (this.r.chance(0.12)) {
      // outside the shift, shortly after it ends (still logged on at the unit)
      a = Math.min(1430, seg.b);
      b = Math.min(1439, seg.b + 150);
      if (b <= a) {
        a = seg.a;
        b = seg.b;
      }
    }
    return this.w.cal.at(d, a + this.r.next() * (b - a));
  }
  private addPair(u: number, p: number, sc: number): Pair {
    const k = this.key(u, p);
    let pr = this.pairIdx.get(k);
    if (!pr) {
      pr = { u, p, sc, events: 0, decoy: false };
      this.pairIdx.set(k, pr);
      this.pairs.push(pr);
      this.planted.add(k);
    }
    return pr;
  }
  /** one sitting of n lookups that blends in: own unit, usual workstation, TREAT, read */
  private sitting(
    s: Staff,
    p: number,
    t: number,
    dept: number,
    n: number,
    sc: number,
    opts: { purpose?: number; search?: number } = {},
  ): number {
    const pr = this.addPair(s.idx, p, sc);
    const pool = this.w.depts[dept]!.ws;
    const ws = this.r.chance(0.85) || !pool.length ? s.ws : this.r.pick(pool);
    t = Math.floor(t / 1000) * 1000;
    for (let i = 0; i < n; i++) {
      let a: number = A.read;
      if (i === 0 && this.r.chance(opts.search ?? 0.12)) a = A.search;
      else if (i > 0 && this.r.chance(0.03)) a = A.print;
      const pu = opts.purpose ?? (this.r.chance(0.96) ? PU.TREAT : PU.none);
      this.events.push({ t, u: s.idx, p, a, pu, d: dept, w: ws, k: 100 + sc });
      pr.events++;
      t += 1000 * (8 + Math.floor(this.r.exp(100)));
    }
    return n;
  }
  /** 1-3 sittings on days the user works */
  private lookups(
    s: Staff,
    p: number,
    sc: number,
    opts: { lo?: number; hi?: number; sittings?: number; n?: number; purpose?: number; dept?: number } = {},
  ): boolean {
    const sittings = opts.sittings ?? (this.r.chance(0.7) ? 1 : this.r.range(2, 3));
    let done = 0;
    for (let i = 0; i < sittings; i++) {
      const wd = this.workDay(s, opts.lo ?? 0, opts.hi ?? this.days - 1, opts.dept ?? -1);
      if (!wd) continue;
      this.sitting(s, p, this.timeIn(wd.d, wd.seg), wd.seg.dept, opts.n ?? this.r.count(1.8), sc, {
        purpose: opts.purpose,
      });
      done++;
    }
    return done > 0;
  }
  /** plausible but wrong documentation: an old contact in the snooper's own unit */
  private decoy(s: Staff, p: number, prob: number): void {
    if (!this.r.chance(prob)) return;
    const dep = this.w.depts[s.dept]!;
    const kind: Encounter['kind'] =
      dep.kind === 'ward'
        ? 'inpatient'
        : dep.kind === 'emergency'
          ? 'emergency'
          : dep.kind === 'outpatient'
            ? 'outpatient'
            : 'other';
    const start = this.w.cal.dayStart[0]! - this.r.range(60, 420) * 86_400_000 + this.r.int(600) * 60_000;
    this.w.encounters.push({ p, dept: s.dept, start, end: start + this.r.range(1, 96) * 3_600_000, kind });
    const pr = this.pairIdx.get(this.key(s.idx, p));
    if (pr) pr.decoy = true;
  }

  plan(total: number): void {
    const sumW = SCENARIOS.reduce((a, x) => a + x[1], 0);
    const targets = SCENARIOS.map(([, wt]) => Math.max(1, Math.round((total * wt) / sumW)));
    // group scenarios first (they need many pairs), then the rest
    const order = SCENARIOS.map((_, i) => i);
    for (const sc of order) {
      const name = SCENARIOS[sc]![0];
      let guard = 0;
      while (this.pairs.filter((x) => x.sc === sc).length < targets[sc]! && guard++ < 300) {
        const need = targets[sc]! - this.pairs.filter((x) => x.sc === sc).length;
        this.plant(name, sc, need);
      }
    }
    this.events.sort((a, b) => a.t - b.t);
  }

  private plant(name: ScenarioName, sc: number, need: number): void {
    const w = this.w;
    const r = this.r;
    const pts = w.patients;
    switch (name) {
      case 'self_lookup': {
        const s = this.randomStaff((x) => x.patient >= 0);
        // canPlant() refuses p === own record, so check the pair directly here
        if (s && !this.planted.has(this.key(s.idx, s.patient)) && this.target(pts[s.patient]!))
          this.lookups(s, s.patient, sc);
        return;
      }
      case 'family_same_address': {
        const s = this.randomStaff((x) => w.addrs[x.addr]!.residents.some((q) => q !== x.patient));
        if (!s) return;
        const q = r.pick(w.addrs[s.addr]!.residents.filter((x) => x !== s.patient));
        if (!this.canPlant(s.idx, q)) return;
        this.lookups(s, q, sc);
        this.decoy(s, q, 0.15);
        return;
      }
      case 'ex_partner': {
        const s = this.randomStaff((x) => x.patient >= 0 && pts[x.patient]!.ex >= 0);
        if (!s) return;
        const q = pts[s.patient]!.ex;
        if (pts[q]!.addr === s.addr || !this.canPlant(s.idx, q)) return;
        this.lookups(s, q, sc, { sittings: r.range(1, 4) });
        this.decoy(s, q, 0.2);
        return;
      }
      case 'colleague': {
        const s = this.randomStaff(() => true);
        if (!s) return;
        const col = w.depts[s.dept]!.staff.map((i) => w.staff[i]!).filter(
          (v) => v.idx !== s.idx && v.patient >= 0 && v.addr !== s.addr,
        );
        if (!col.length) return;
        const v = r.pick(col);
        if (!this.canPlant(s.idx, v.patient)) return;
        this.lookups(s, v.patient, sc);
        this.decoy(s, v.patient, 0.2);
        return;
      }
      case 'celebrity_newsworthy': {
        const cel = this.randomPatientWhere(
          (p) => p.age >= 22 && p.age <= 66 && p.employee < 0 && p.muni < w.munis.length && p.nh < 0,
        );
        if (!cel) return;
        const day = r.range(2, Math.max(3, this.days - 12));
        const H = w.hospitals[0]!;
        const ward = r.chance(0.5) ? H.icu : H.wards[Math.min(2, H.wards.length - 1)]!;
        const admit = w.cal.at(day, 120 + r.int(600));
        w.encounters.push({
          p: cel.idx,
          dept: H.ed,
          start: admit - r.range(60, 240) * 60_000,
          end: admit,
          kind: 'emergency',
        });
        const enc: Encounter = {
          p: cel.idx,
          dept: ward,
          start: admit,
          end: admit + r.range(5, 14) * 86_400_000,
          kind: 'inpatient',
        };
        if (enc.end! > w.cal.dayStart[this.days]!) enc.end = null;
        w.encounters.push(enc);
        this.forced.push({ day, p: cel.idx, ward, enc });
        const m = Math.min(need + 2, r.range(6, 14));
        for (let i = 0; i < m; i++) {
          const s = this.randomStaff(
            (x) => x.dept !== ward && x.dept !== H.ed && w.addrs[x.addr]!.residents.indexOf(cel.idx) < 0,
          );
          if (!s || !this.canPlant(s.idx, cel.idx)) continue;
          this.lookups(s, cel.idx, sc, { lo: day + 1, hi: day + 5, n: r.count(1.6) });
        }
        return;
      }
      case 'browsing_random': {
        const s = this.randomStaff((x) => ['secretary', 'nurse', 'other', 'admin', 'lab'].includes(x.role));
        if (!s) return;
        const lo = r.range(0, Math.max(0, this.days - 30));
        const hi = lo + r.range(20, 40);
        const m = Math.min(need + 3, r.range(10, 24));
        const home = w.addrs[s.addr]!.muni;
        for (let i = 0; i < m; i++) {
          const q = this.randomPatientWhere(
            (p) => (r.chance(0.6) ? p.muni === home : true) && p.addr !== s.addr && p.age >= 16,
          );
          if (!q || !this.canPlant(s.idx, q.idx)) continue;
          this.lookups(s, q.idx, sc, { lo, hi, sittings: 1, n: r.range(1, 2) });
          this.decoy(s, q.idx, 0.12);
        }
        return;
      }
      case 'neighbour': {
        const s = this.randomStaff((x) => w.neighbours(x.addr).some((a) => w.addrs[a]!.residents.length > 0));
        if (!s) return;
        const cands = w.neighbours(s.addr).flatMap((a) => w.addrs[a]!.residents);
        const q = r.pick(cands);
        if (!this.canPlant(s.idx, q)) return;
        this.lookups(s, q, sc);
        this.decoy(s, q, 0.2);
        return;
      }
      case 'relative_other_address': {
        const s = this.randomStaff(
          (x) => x.patient >= 0 && pts[x.patient]!.relatives.some((q) => pts[q]!.addr !== x.addr),
        );
        if (!s) return;
        const q = r.pick(pts[s.patient]!.relatives.filter((y) => pts[y]!.addr !== s.addr));
        if (!this.canPlant(s.idx, q)) return;
        this.lookups(s, q, sc);
        this.decoy(s, q, 0.2);
        return;
      }
      case 'etreat_without_emergency': {
        const s = this.randomStaff(
          (x) =>
            ['ward', 'outpat', 'gp', 'homecare', 'nursinghome', 'psych', 'secr'].includes(w.depts[x.dept]!.type) &&
            x.role !== 'admin',
        );
        if (!s) return;
        const home = w.addrs[s.addr]!.muni;
        const q = this.randomPatientWhere((p) => p.muni === home && p.addr !== s.addr && p.age >= 14);
        if (!q || !this.canPlant(s.idx, q.idx)) return;
        this.lookups(s, q.idx, sc, { purpose: PU.ETREAT, sittings: 1, n: r.range(1, 3) });
        this.decoy(s, q.idx, 0.15);
        return;
      }
      case 'after_employment_end': {
        let s = w.staff.find(
          (x) =>
            !x.svc &&
            x.toDay >= w.cal.startDay + 5 &&
            x.toDay < w.cal.startDay + this.days - 8 &&
            x.fromDay < w.cal.startDay &&
            !this.usedAfter.has(x.idx),
        );
        if (!s) {
          s = this.randomStaff((x) => !this.pairs.some((y) => y.u === x.idx));
          if (!s) return;
          s.toDay = w.cal.startDay + r.range(5, Math.max(6, this.days - 12));
        }
        this.usedAfter.add(s.idx);
        const end = s.toDay - w.cal.startDay;
        const m = Math.min(need, r.range(2, 5));
        const home = w.addrs[s.addr]!.muni;
        for (let i = 0; i < m; i++) {
          const q = this.randomPatientWhere((p) => p.muni === home && p.addr !== s.addr && p.age >= 16);
          if (!q || !this.canPlant(s.idx, q.idx)) continue;
          let d = r.range(end + 1, Math.min(this.days - 1, end + 25));
          for (let k = 0; k < 5 && !w.cal.isWorkday(d); k++) d = r.range(end + 1, Math.min(this.days - 1, end + 25));
          if (d <= end || d >= this.days) continue;
          const seg: Seg = r.chance(0.5) ? { a: 480, b: 960, dept: s.dept } : { a: 1080, b: 1380, dept: s.dept };
          this.sitting(s, q.idx, this.timeIn(d, seg), s.dept, r.range(1, 3), sc);
        }
        return;
      }
      case 'homecare_offroute_neighbour': {
        const s = this.randomStaff((x) => w.depts[x.dept]!.type === 'homecare');
        if (!s) return;
        const route = w.depts[s.dept]!.members.filter((p) => pts[p]!.addr !== s.addr);
        if (!route.length) return;
        const rp = pts[r.pick(route)]!;
        const cands = w
          .neighbours(rp.addr, 2)
          .flatMap((a) => w.addrs[a]!.residents)
          .filter((q) => pts[q]!.district < 0 && pts[q]!.addr !== s.addr);
        if (!cands.length) return;
        const q = r.pick(cands);
        if (!this.canPlant(s.idx, q)) return;
        this.lookups(s, q, sc, { dept: s.dept, n: r.range(1, 2) });
        return;
      }
      case 'gp_former_list_patient': {
        const s = this.randomStaff(
          (x) => w.depts[x.dept]!.type === 'gp' && x.role === 'physician' && x.list.length > 20,
        );
        if (!s) return;
        const p = pts[r.pick(s.list)]!;
        if (p.gp !== s.idx || p.gpFrom > -1e8 || p.nh >= 0 || !this.canPlant(s.idx, p.idx) || p.age < 16) return;
        const others = w.munis[p.muni]!.gps.flatMap((o) => w.depts[o]!.staff).filter(
          (g) => g !== s.idx && w.staff[g]!.role === 'physician' && w.staff[g]!.addr !== p.addr,
        );
        if (!others.length) return;
        const g2 = r.pick(others);
        const changed = w.cal.startDay - r.range(15, 240);
        const rel = w.relations.find((x) => x.p === p.idx && x.user === s.idx && x.kind === 'assigned');
        if (!rel) return;
        rel.to = changed - 1;
        w.relations.push({ p: p.idx, user: g2, dept: -1, from: changed, to: null, kind: 'assigned' });
        p.gp = g2;
        p.gpPrev = g2;
        s.list.splice(s.list.indexOf(p.idx), 1);
        w.staff[g2]!.list.push(p.idx);
        this.lookups(s, p.idx, sc, { dept: s.dept, sittings: r.range(2, 5), n: r.range(1, 2) });
        const pr = this.pairIdx.get(this.key(s.idx, p.idx));
        if (pr) pr.decoy = true; // the expired GP relation looks like documentation
        return;
      }
      case 'politician_psych_record': {
        const m = r.int(w.munis.length);
        const pol = this.randomPatientWhere(
          (p) => p.muni === m && p.age >= 32 && p.age <= 66 && p.employee < 0 && p.nh < 0,
        );
        const H = w.hospitals[0]!;
        if (!pol || H.dps < 0) return;
        pol.politician = true;
        const ther = w.depts[H.dps]!.staff.map((i) => w.staff[i]!).filter(
          (x) => x.role !== 'secretary' && this.fullTime(x) && x.addr !== pol.addr,
        );
        if (!ther.length) return;
        const th = r.pick(ther);
        for (let i = 0; i < 3; i++) {
          const st = w.cal.dayStart[0]! - r.range(15, 220) * 86_400_000 + r.range(480, 900) * 60_000;
          w.encounters.push({ p: pol.idx, dept: H.dps, start: st, end: st + 3_600_000, kind: 'outpatient' });
        }
        w.relations.push({
          p: pol.idx,
          user: th.idx,
          dept: -1,
          from: w.cal.startDay - r.range(200, 300),
          to: null,
          kind: 'assigned',
        });
        // a DPS visit inside the window, read by the therapist (legitimate context)
        const vd = this.workDay(th, 3, this.days - 5, H.dps);
        let lo = 0;
        if (vd) {
          const t = this.timeIn(vd.d, vd.seg);
          w.encounters.push({ p: pol.idx, dept: H.dps, start: t, end: t + 3_600_000, kind: 'outpatient' });
          for (let i = 0; i < 3; i++)
            this.events.push({
              t: Math.floor(t / 1000) * 1000 + i * 240_000,
              u: th.idx,
              p: pol.idx,
              a: i ? A.update : A.read,
              pu: PU.TREAT,
              d: H.dps,
              w: th.ws,
              k: PLANNED_CONTEXT,
            });
          lo = vd.d;
        }
        const k = Math.min(need + 1, r.range(2, 5));
        for (let i = 0; i < k; i++) {
          const s = this.randomStaff((x) => w.depts[x.dept]!.org === m + 1 && x.addr !== pol.addr);
          if (!s || !this.canPlant(s.idx, pol.idx)) continue;
          this.lookups(s, pol.idx, sc, { lo, hi: lo + 20 });
        }
        return;
      }
      case 'nursinghome_resident_relative': {
        const s = this.randomStaff((x) => w.depts[x.dept]!.type === 'nursinghome' && x.role !== 'physician');
        if (!s) return;
        const res = w.depts[s.dept]!.members.filter((p) => pts[p]!.relatives.length > 0);
        if (!res.length) return;
        const rp = pts[r.pick(res)]!;
        const q = r.pick(rp.relatives);
        if (pts[q]!.addr === s.addr || !this.canPlant(s.idx, q)) return;
        this.lookups(s, q, sc, { dept: s.dept });
        return;
      }
      case 'legevakt_repeat_lookup': {
        const s = this.randomStaff(
          (x) => w.depts[x.dept]!.type === 'legevakt' || (x.dept2 >= 0 && w.depts[x.dept2]!.type === 'legevakt'),
        );
        if (!s) return;
        const lv = w.depts[s.dept]!.type === 'legevakt' ? s.dept : s.dept2;
        const served = w.depts[lv]!.served;
        const q = this.randomPatientWhere(
          (p) => served.includes(p.muni) && p.addr !== s.addr && p.age >= 16 && p.nh < 0,
        );
        if (!q || !this.canPlant(s.idx, q.idx)) return;
        const st = w.cal.dayStart[0]! - r.range(45, 200) * 86_400_000 + r.range(0, 1439) * 60_000;
        w.encounters.push({ p: q.idx, dept: lv, start: st, end: st + r.range(30, 200) * 60_000, kind: 'emergency' });
        this.lookups(s, q.idx, sc, { dept: lv, sittings: r.range(3, 7), n: r.range(1, 2) });
        const pr = this.pairIdx.get(this.key(s.idx, q.idx));
        if (pr) pr.decoy = true;
        return;
      }
      case 'allocation_self_documented_neighbour': {
        const s = this.randomStaff(
          (x) =>
            w.depts[x.dept]!.type === 'allocation' &&
            w.neighbours(x.addr).some((a) => w.addrs[a]!.residents.length > 0),
        );
        if (!s) return;
        const cands = w
          .neighbours(s.addr)
          .flatMap((a) => w.addrs[a]!.residents)
          .filter((q) => pts[q]!.age >= 18);
        if (!cands.length) return;
        const q = r.pick(cands);
        if (!this.canPlant(s.idx, q)) return;
        const wd = this.workDay(s, 1, this.days - 3, s.dept);
        if (!wd) return;
        w.relations.push({ p: q, user: s.idx, dept: -1, from: w.wd(wd.d) - r.range(0, 2), to: null, kind: 'referral' });
        this.sitting(s, q, this.timeIn(wd.d, wd.seg), s.dept, r.range(2, 4), sc);
        if (r.chance(0.5)) this.lookups(s, q, sc, { lo: wd.d + 1, sittings: 1, dept: s.dept });
        const pr = this.pairIdx.get(this.key(s.idx, q));
        if (pr) pr.decoy = true;
        return;
      }
      case 'healthstation_colleague_child': {
        const s = this.randomStaff((x) => w.depts[x.dept]!.type === 'healthstation');
        if (!s) return;
        const m = w.depts[s.dept]!.muni;
        const hs = new Set(w.depts[s.dept]!.members);
        const cols = w.staff.filter(
          (v) =>
            v.idx !== s.idx &&
            !v.svc &&
            w.depts[v.dept]!.org === m + 1 &&
            v.addr !== s.addr &&
            w.addrs[v.addr]!.residents.some((c) => hs.has(c) && pts[c]!.bornDay < 0),
        );
        if (!cols.length) return;
        const v = r.pick(cols);
        const q = r.pick(w.addrs[v.addr]!.residents.filter((c) => hs.has(c) && pts[c]!.bornDay < 0));
        if (!this.canPlant(s.idx, q)) return;
        this.lookups(s, q, sc, { dept: s.dept });
        return;
      }
      case 'surname_search': {
        const s = this.randomStaff(() => true);
        if (!s) return;
        let fam = s.family;
        let holders = (w.byFamily.get(fam) ?? []).filter((q) => pts[q]!.addr !== s.addr && this.target(pts[q]!));
        if (holders.length < 5 || holders.length > 80 || r.chance(0.4)) {
          const fams = [...w.byFamily.keys()];
          for (let i = 0; i < 30; i++) {
            fam = r.pick(fams);
            holders = (w.byFamily.get(fam) ?? []).filter((q) => pts[q]!.addr !== s.addr && this.target(pts[q]!));
            if (holders.length >= 5 && holders.length <= 80) break;
          }
        }
        if (holders.length < 4) return;
        const wd = this.workDay(s, 0, this.days - 1);
        if (!wd) return;
        let t = this.timeIn(wd.d, wd.seg);
        const m = Math.min(need + 2, r.range(4, 8));
        r.shuffle(holders);
        for (const q of holders.slice(0, m)) {
          if (!this.canPlant(s.idx, q)) continue;
          const pr = this.addPair(s.idx, q, sc);
          const ev = (a: number) => {
            this.events.push({
              t: Math.floor(t / 1000) * 1000,
              u: s.idx,
              p: q,
              a,
              pu: PU.TREAT,
              d: wd.seg.dept,
              w: s.ws,
              k: 100 + sc,
            });
            pr.events++;
            t += 1000 * (5 + r.int(90));
          };
          ev(A.search);
          if (r.chance(0.75)) ev(A.read);
          if (r.chance(0.2)) ev(A.read);
        }
        return;
      }
    }
  }
  private usedAfter = new Set<number>();
  private randomPatientWhere(f: (p: Patient) => boolean): Patient | undefined {
    for (let i = 0; i < 500; i++) {
      const p = this.w.patients[this.r.int(this.P)]!;
      if (this.target(p) && f(p)) return p;
    }
    return undefined;
  }
}
