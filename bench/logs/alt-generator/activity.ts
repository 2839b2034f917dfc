// Legitimate record lookups. Each day: who is at work (rosters), what each unit's work list looks like (census,
// emergency arrivals, appointments, orders, discharges), and then each person on duty works through their own lists.

import type { EventBuffer } from './buffer.js';
import { HOUR, MINUTE } from './oslo-time.js';
import { Rng, permute32, pickWeighted, unit } from './rng.js';
import {
  A_CREATE,
  A_EXPORT,
  A_PRINT,
  A_READ,
  A_SEARCH,
  A_UPDATE,
  OPEN,
  P_ETREAT,
  P_HOPERAT,
  P_HRESCH,
  clinicalPurpose,
  localHour,
  shiftOf,
  utcAt,
  workstation,
} from './world.js';
import type { Enc, Job, Shift, ShiftKind, Staff, World } from './world.js';

export function pairKey(staff: number, person: number): number {
  return staff * 4_194_304 + person;
}

export function sessionId(w: World, st: Staff, d: number): string {
  return `s${permute32(st.idx * 8192 + ((d + 4096) & 8191), w.seedHash)
    .toString(16)
    .padStart(8, '0')}`;
}

interface Profile {
  burst: number;
  search: number;
  update: number;
  print: number;
  exportP: number;
  create: number;
}

const PROFILES: Record<Job, Profile> = {
  nurse: { burst: 2.6, search: 0.03, update: 0.25, print: 0.01, exportP: 0, create: 0 },
  doctor: { burst: 3.2, search: 0.05, update: 0.22, print: 0.02, exportP: 0.001, create: 0 },
  resident: { burst: 3.4, search: 0.05, update: 0.25, print: 0.02, exportP: 0, create: 0 },
  radiologist: { burst: 2, search: 0.02, update: 0.5, print: 0, exportP: 0, create: 0 },
  secretary: { burst: 2.2, search: 0.2, update: 0.15, print: 0.12, exportP: 0.003, create: 0.02 },
  biomed: { burst: 1.6, search: 0.05, update: 0.35, print: 0, exportP: 0, create: 0 },
  radiographer: { burst: 1.8, search: 0.05, update: 0.3, print: 0, exportP: 0, create: 0 },
  pharmacist: { burst: 2.5, search: 0.05, update: 0.15, print: 0.01, exportP: 0, create: 0 },
  therapist: { burst: 2, search: 0.05, update: 0.35, print: 0.01, exportP: 0, create: 0 },
  registrar: { burst: 2, search: 0.35, update: 0.3, print: 0.05, exportP: 0, create: 0.12 },
  coder: { burst: 4, search: 0.1, update: 0.3, print: 0, exportP: 0, create: 0 },
  archivist: { burst: 2, search: 0.5, update: 0, print: 0.5, exportP: 0.3, create: 0 },
  it: { burst: 2.5, search: 0.3, update: 0.02, print: 0, exportP: 0, create: 0 },
  integration: { burst: 1, search: 0, update: 0.5, print: 0, exportP: 0, create: 0 },
  quality: { burst: 3, search: 0.1, update: 0.02, print: 0.02, exportP: 0, create: 0 },
  researcher: { burst: 2.5, search: 0.15, update: 0.05, print: 0.01, exportP: 0.02, create: 0 },
};

const SHIFT_FACTOR: Record<ShiftKind, number> = {
  day: 1,
  office: 1,
  evening: 1.05,
  night: 0.6,
  oncall: 0.7,
  system: 1,
};

type Timing = 'stay' | 'around' | 'after' | 'pre' | 'any';

interface Source {
  weight: number;
  encs?: readonly Enc[];
  persons?: readonly number[];
  timing: Timing;
  etreat: number;
  purpose: number;
}

interface Pools {
  census: Map<number, Enc[]>;
  censusAll: Enc[];
  er: Enc[][];
  erAll: Enc[];
  erRecent: Enc[][];
  erAdmitTo: Map<number, Enc[]>;
  appt: Map<number, Enc[]>;
  apptAll: Enc[];
  upcoming: Map<number, Enc[]>;
  referrals: Map<number, Enc[]>;
  referralsSite: Enc[][];
  orders: Map<number, Enc[]>;
  labOrdersAll: Enc[];
  discharged: Enc[];
  dischargedWard: Map<number, Enc[]>;
  recentOut: Enc[];
  therapy: Enc[][];
  palliative: Enc[];
  registration: Enc[][];
  consults: Enc[];
}

const EMPTY: Enc[] = [];

function push<K>(m: Map<K, Enc[]>, k: K, e: Enc): void {
  const l = m.get(k);
  if (l) l.push(e);
  else m.set(k, [e]);
}

export class Activity {
  private readonly byStartDay = new Map<number, Enc[]>();
  private readonly known = new Map<number, number[]>();
  private readonly registered: number[] = [];
  private readonly rng: Rng;
  private dayNow = 0;

  constructor(
    private readonly w: World,
    private readonly skip: Set<number>,
    seed: string,
  ) {
    this.rng = new Rng(`activity:${seed}`);
    const seenKnown = new Map<number, Set<number>>();
    for (const e of w.encs) {
      if (!e.historic) {
        const l = this.byStartDay.get(e.d0);
        if (l) l.push(e);
        else this.byStartDay.set(e.d0, [e]);
      }
      if (e.kind === 'outpatient' || e.kind === 'inpatient') {
        let s = seenKnown.get(e.dept);
        if (!s) seenKnown.set(e.dept, (s = new Set()));
        if (!s.has(e.person) && e.d0 < w.cfg.days) {
          s.add(e.person);
          const l = this.known.get(e.dept) ?? [];
          l.push(e.person);
          this.known.set(e.dept, l);
        }
      }
    }
    for (const p of w.persons) if (p.encs.length > 0) this.registered.push(p.idx);
  }

  private pools(d: number): Pools {
    const w = this.w;
    const nSites = w.sites.length;
    const p: Pools = {
      census: new Map(),
      censusAll: [],
      er: Array.from({ length: nSites }, () => []),
      erAll: [],
      erRecent: Array.from({ length: nSites }, () => []),
      erAdmitTo: new Map(),
      appt: new Map(),
      apptAll: [],
      upcoming: new Map(),
      referrals: new Map(),
      referralsSite: Array.from({ length: nSites }, () => []),
      orders: new Map(),
      labOrdersAll: [],
      discharged: [],
      dischargedWard: new Map(),
      recentOut: [],
      therapy: Array.from({ length: nSites }, () => []),
      palliative: [],
      registration: Array.from({ length: nSites }, () => []),
      consults: [],
    };
    const dayStart = utcAt(w, d, 0);
    const dayEnd2 = utcAt(w, d, 32 * 60);
    for (let sd = d - 62; sd <= d + 15; sd++) {
      const list = this.byStartDay.get(sd);
      if (!list) continue;
      for (const e of list) {
        const dept = w.depts[e.dept]!;
        const site = dept.site;
        const overlaps = e.start < dayEnd2 && (e.end < 0 || e.end > dayStart);
        switch (e.kind) {
          case 'inpatient':
            if (overlaps) {
              push(p.census, e.dept, e);
              p.censusAll.push(e);
              if (e.therapy) p.therapy[site]!.push(e);
              if (e.palliative) p.palliative.push(e);
              if (e.consultDay === d) p.consults.push(e);
            }
            if (e.d1 !== OPEN && e.d1 >= d - 30 && e.d1 <= d - 1) {
              p.discharged.push(e);
              if (e.d1 >= d - 14) push(p.dischargedWard, e.dept, e);
            }
            if (e.d0 === d) p.registration[site]!.push(e);
            break;
          case 'emergency':
            if (overlaps) {
              p.er[site]!.push(e);
              p.erAll.push(e);
              if (e.admitTo >= 0) push(p.erAdmitTo, e.admitTo, e);
            }
            if (e.d0 >= d - 2 && e.d0 <= d - 1) p.erRecent[site]!.push(e);
            if (e.d0 === d) p.registration[site]!.push(e);
            break;
          case 'outpatient':
            if (e.d0 === d) {
              push(p.appt, e.dept, e);
              p.apptAll.push(e);
              p.registration[site]!.push(e);
            } else if (e.d0 > d && e.d0 <= d + 14) push(p.upcoming, e.dept, e);
            else if (e.d0 >= d - 7 && e.d0 < d) p.recentOut.push(e);
            break;
          case 'referral':
            if (e.d0 >= d - 31 && e.d0 <= d && (e.end < 0 || e.end > dayStart)) {
              push(p.referrals, e.dept, e);
              p.referralsSite[site]!.push(e);
            }
            break;
          case 'order':
            if (e.start >= dayStart - 12 * HOUR && e.start < dayEnd2) {
              push(p.orders, e.dept, e);
              if (dept.kind === 'lab') p.labOrdersAll.push(e);
            }
            break;
          case 'other':
            break;
        }
      }
    }
    return p;
  }

  private sources(st: Staff, sh: Shift, p: Pools): Source[] {
    const w = this.w;
    const dept = w.depts[sh.dept]!;
    const site = w.sites[dept.site]!;
    const out: Source[] = [];
    const add = (weight: number, encs: readonly Enc[] | undefined, timing: Timing, etreat = 0, purpose = -1): void => {
      if (encs && encs.length > 0) out.push({ weight, encs, timing, etreat, purpose });
    };
    const addPersons = (weight: number, persons: readonly number[] | undefined, purpose = -1): void => {
      if (persons && persons.length > 0) out.push({ weight, persons, timing: 'any', etreat: 0, purpose });
    };
    const census = p.census.get(sh.dept) ?? EMPTY;
    switch (st.job) {
      case 'nurse':
        if (dept.unit === 'ward') {
          add(
            3,
            census.filter((e) => e.nurse === st.idx),
            'stay',
          );
          add(6, census, 'stay');
          add(0.5, p.erAdmitTo.get(sh.dept), 'stay', 0.1);
          add(0.3, p.dischargedWard.get(sh.dept), 'any');
          const siblings: Enc[] = [];
          for (const wd of site.wards) {
            if (wd !== sh.dept && w.depts[wd]!.parent === dept.parent) siblings.push(...(p.census.get(wd) ?? EMPTY));
          }
          add(0.25, siblings, 'stay');
        } else if (dept.unit === 'icu') {
          add(8, census, 'stay');
          add(0.4, p.er[dept.site], 'stay', 0.2);
        } else if (dept.unit === 'er') {
          add(9, p.er[dept.site], 'stay', 0.12);
          add(0.4, p.erRecent[dept.site], 'any');
        } else if (dept.unit === 'palliative') {
          add(6, p.palliative, 'stay');
          add(3, p.appt.get(sh.dept), 'around');
          addPersons(1, this.known.get(sh.dept));
        } else {
          add(6, p.appt.get(sh.dept), 'around');
          add(1, p.upcoming.get(sh.dept), 'any');
          addPersons(1.2, this.known.get(sh.dept));
        }
        break;
      case 'doctor':
      case 'resident':
        if (sh.kind === 'oncall') {
          const wards = dept.spec >= 0 ? site.wards.filter((x) => w.depts[x]!.spec === dept.spec) : [sh.dept];
          const all: Enc[] = [];
          const fromEr: Enc[] = [];
          for (const wd of wards) {
            all.push(...(p.census.get(wd) ?? EMPTY));
            fromEr.push(...(p.erAdmitTo.get(wd) ?? EMPTY));
          }
          if (dept.unit === 'palliative') all.push(...p.palliative);
          add(5, all, 'stay');
          add(2, fromEr, 'stay', 0.08);
          add(0.5, p.census.get(site.icu), 'stay');
          if (dept.unit === 'er') add(6, p.er[dept.site], 'stay', 0.1);
        } else if (dept.unit === 'ward') {
          add(
            4,
            census.filter((e) => e.doc === st.idx),
            'stay',
          );
          add(4, census, 'stay');
          add(0.6, p.dischargedWard.get(sh.dept), 'any');
          add(0.6, p.erAdmitTo.get(sh.dept), 'stay', 0.05);
        } else if (dept.unit === 'icu') {
          add(8, census, 'stay');
          add(0.6, p.er[dept.site], 'stay', 0.15);
        } else if (dept.unit === 'er') {
          add(9, p.er[dept.site], 'stay', 0.1);
          add(0.5, p.erRecent[dept.site], 'any');
        } else if (dept.unit === 'palliative') {
          add(6, p.palliative, 'stay');
          add(3, p.appt.get(sh.dept), 'around');
        } else {
          const appt = p.appt.get(sh.dept) ?? EMPTY;
          add(
            5,
            appt.filter((e) => e.doc === st.idx),
            'around',
          );
          add(2, appt, 'around');
          add(1.5, p.referrals.get(sh.dept), 'any');
          addPersons(0.8, this.known.get(sh.dept));
        }
        break;
      case 'radiologist':
        add(9, p.orders.get(site.rad), 'after');
        break;
      case 'secretary':
        if (dept.unit === 'ward') {
          add(3, census, 'stay');
          add(4, p.dischargedWard.get(sh.dept), 'any');
          add(0.3, p.erAdmitTo.get(sh.dept), 'stay');
        } else if (dept.unit === 'er') {
          add(8, p.er[dept.site], 'stay');
        } else if (dept.unit === 'rad') {
          add(8, p.orders.get(sh.dept), 'any');
        } else {
          add(4, p.upcoming.get(sh.dept), 'any');
          add(3, p.appt.get(sh.dept), 'around');
          add(3, p.referrals.get(sh.dept), 'any');
          addPersons(1, this.known.get(sh.dept));
        }
        break;
      case 'biomed':
        add(10, p.orders.get(sh.dept), 'after');
        break;
      case 'radiographer':
        add(10, p.orders.get(sh.dept), 'after');
        break;
      case 'pharmacist':
        add(8, p.censusAll, 'stay');
        break;
      case 'therapist':
        add(8, p.therapy[dept.site], 'stay');
        add(0.5, p.census.get(site.icu), 'stay');
        break;
      case 'registrar':
        add(10, p.registration[dept.site], 'pre', 0, P_HOPERAT);
        add(3, p.referralsSite[dept.site], 'any');
        break;
      case 'coder':
        add(10, p.discharged, 'any');
        add(3, p.recentOut, 'any');
        break;
      case 'archivist':
        addPersons(10, this.registered);
        break;
      case 'it':
        add(5, p.censusAll, 'stay');
        add(3, p.erAll, 'stay');
        add(2, p.apptAll, 'around');
        break;
      case 'integration':
        add(10, p.labOrdersAll, 'after', 0, P_HOPERAT);
        break;
      case 'quality':
        add(8, p.discharged, 'any');
        break;
      case 'researcher': {
        const persons: number[] = [];
        for (const s of st.studies) {
          const study = w.studies[s]!;
          study.patients.forEach((pp, i) => {
            if ((study.enrolDay[i] as number) <= this.dayNow) persons.push(pp);
          });
        }
        addPersons(10, persons, P_HRESCH);
        break;
      }
    }
    return out;
  }

  private excluded(st: Staff, person: number): boolean {
    if (this.skip.has(pairKey(st.idx, person))) return true;
    if (st.person < 0) return false;
    if (person === st.person) return true;
    const w = this.w;
    return w.persons[person]!.household === w.persons[st.person]!.household;
  }

  /** Generate up to n lookups for one person on duty; returns how many were produced. */
  private work(st: Staff, sh: Shift, n: number, srcs: Source[], d: number, buf: EventBuffer): number {
    if (srcs.length === 0 || n <= 0) return 0;
    const w = this.w;
    const rng = this.rng;
    const prof = PROFILES[st.job];
    const weights = srcs.map((s) => s.weight);
    const session = sessionId(w, st, d);
    let produced = 0;
    let fails = 0;
    while (produced < n && fails < 40) {
      const src = srcs[pickWeighted(rng, weights)]!;
      let person: number;
      let lo = sh.s0;
      let hi = sh.s1;
      if (src.encs) {
        const e = rng.pick(src.encs);
        person = e.person;
        const end = e.end < 0 ? Infinity : e.end;
        switch (src.timing) {
          case 'stay':
            lo = Math.max(lo, e.start - 5 * MINUTE);
            hi = Math.min(hi, end + 45 * MINUTE);
            break;
          case 'around':
            lo = Math.max(lo, e.start - 3 * HOUR);
            hi = Math.min(hi, (e.end < 0 ? e.start : e.end) + 4 * HOUR);
            break;
          case 'after':
            lo = Math.max(lo, e.start);
            hi = Math.min(hi, e.start + 12 * HOUR);
            break;
          case 'pre':
            lo = Math.max(lo, e.start - 3 * HOUR);
            hi = Math.min(hi, e.start + HOUR);
            break;
          case 'any':
            break;
        }
      } else {
        person = rng.pick(src.persons!);
      }
      if (hi <= lo || this.excluded(st, person)) {
        fails++;
        continue;
      }
      const burst = Math.min(n - produced, rng.geometric(prof.burst));
      let t = Math.floor(lo + rng.next() * (hi - lo));
      const purpose = rng.chance(src.etreat) ? P_ETREAT : src.purpose >= 0 ? src.purpose : clinicalPurpose(rng, st);
      const dept = rng.chance(0.04) ? -1 : sh.dept;
      let ws: string;
      let app = w.depts[sh.dept]!.app;
      if (st.job === 'integration') {
        ws = '';
        app = 'Integrasjonsmotor';
      } else if (st.vpn && sh.kind === 'oncall' && (localHour(t) >= 22 || localHour(t) < 7) && rng.chance(0.45)) {
        ws = st.vpn;
      } else {
        ws = workstation(w, st, sh.dept, rng);
        if (ws === '' && rng.chance(0.5)) app = 'Mobil-EPJ';
      }
      for (let j = 0; j < burst; j++) {
        let action = A_READ;
        if (j === 0) {
          if (rng.chance(prof.search)) action = A_SEARCH;
        } else {
          const x = rng.next();
          if (x < prof.update) action = A_UPDATE;
          else if (x < prof.update + prof.print) action = A_PRINT;
          else if (x < prof.update + prof.print + prof.exportP) action = A_EXPORT;
          else if (x < prof.update + prof.print + prof.exportP + prof.create) action = A_CREATE;
        }
        buf.add(t, st.idx, person, action, purpose, dept, ws, app, session);
        t += 4000 + Math.floor(rng.exp(45_000));
      }
      produced += burst;
    }
    return produced;
  }

  /** Consultations from other specialties, scheduled on the encounter; the consultant does them in their shift. */
  private consults(d: number, p: Pools, buf: EventBuffer): number {
    const w = this.w;
    const rng = this.rng;
    let n = 0;
    for (const e of p.consults) {
      if (e.consultDoc < 0) continue;
      const st = w.staff[e.consultDoc]!;
      const sh = shiftOf(w, st, d);
      if (!sh || sh.kind === 'night') continue;
      if (this.excluded(st, e.person)) continue;
      const lo = Math.max(sh.s0, e.start);
      const hi = Math.min(sh.s1, e.end < 0 ? Infinity : e.end);
      if (hi <= lo) continue;
      let t = Math.floor(lo + rng.next() * (hi - lo));
      const k = rng.range(2, 5);
      const purpose = clinicalPurpose(rng, st);
      const ws = workstation(w, st, sh.dept, rng);
      for (let j = 0; j < k; j++) {
        buf.add(
          t,
          st.idx,
          e.person,
          j > 0 && rng.chance(0.3) ? A_UPDATE : A_READ,
          purpose,
          sh.dept,
          ws,
          'EPJ',
          sessionId(w, st, d),
        );
        t += 5000 + Math.floor(rng.exp(60_000));
      }
      n += k;
    }
    return n;
  }

  /** Quality staff deliver a quality-registry extract about every four weeks: many exports in one sitting, legitimately. */
  private registryExport(st: Staff, sh: Shift, d: number, p: Pools, buf: EventBuffer): number {
    const w = this.w;
    const rng = this.rng;
    const block = Math.floor(d / 28);
    const day = Math.floor(unit(w.seedHash, st.idx, block, 9) * 20);
    if (((d % 28) + 28) % 28 !== day || p.discharged.length === 0) return 0;
    const spec = w.depts[rng.pick(p.discharged).dept]!.spec;
    const pool = p.discharged.filter((e) => w.depts[e.dept]!.spec === spec);
    const m = Math.min(pool.length, rng.range(15, 60));
    let t = Math.floor(sh.s0 + rng.next() * (sh.s1 - sh.s0) * 0.5);
    const ws = workstation(w, st, sh.dept, rng);
    let n = 0;
    const seen = new Set<number>();
    for (let i = 0; i < m; i++) {
      const e = rng.pick(pool);
      if (seen.has(e.person) || this.excluded(st, e.person)) continue;
      seen.add(e.person);
      buf.add(t, st.idx, e.person, A_READ, P_HOPERAT, sh.dept, ws, 'EPJ', sessionId(w, st, d));
      t += 3000 + Math.floor(rng.exp(20_000));
      buf.add(t, st.idx, e.person, A_EXPORT, P_HOPERAT, sh.dept, ws, 'EPJ', sessionId(w, st, d));
      t += 3000 + Math.floor(rng.exp(30_000));
      n += 2;
    }
    return n;
  }

  /** Generate exactly `target` legitimate lookups for day d (fewer only if nobody at all has work). */
  day(d: number, target: number, buf: EventBuffer): number {
    const w = this.w;
    const rng = this.rng;
    this.dayNow = d;
    const p = this.pools(d);
    let used = this.consults(d, p, buf);
    interface OnDuty {
      st: Staff;
      sh: Shift;
      weight: number;
      srcs: Source[];
    }
    const onDuty: OnDuty[] = [];
    for (const st of w.staff) {
      const sh = shiftOf(w, st, d);
      if (!sh) continue;
      if (st.job === 'quality' && used < target) used += this.registryExport(st, sh, d, p, buf);
      const srcs = this.sources(st, sh, p);
      if (srcs.length === 0) continue;
      onDuty.push({ st, sh, weight: st.intensity * SHIFT_FACTOR[sh.kind], srcs });
    }
    let remaining = Math.max(0, target - used);
    let produced = used;
    for (let pass = 0; pass < 6 && remaining > 0 && onDuty.length > 0; pass++) {
      let total = 0;
      for (const o of onDuty) total += o.weight;
      let acc = rng.next();
      let prev = Math.floor(acc);
      let got = 0;
      const share = remaining / total;
      for (const o of onDuty) {
        acc += o.weight * share;
        const n = Math.floor(acc) - prev;
        prev = Math.floor(acc);
        if (n > 0) got += this.work(o.st, o.sh, n, o.srcs, d, buf);
      }
      remaining -= got;
      produced += got;
    }
    return produced;
  }
}
