// Misuse scenarios, planned before any legitimate event is generated. Each incident picks a user and one or more
// patients, changes the world where the story needs it (an ex-partner who kept the surname, an end date of employment,
// a long leave, a complaint), and produces the improper lookups. Every (user, patient) pair it touches is labelled.

import { MUNICIPALITIES, type Role } from './catalog.js';
import {
  A_EXPORT,
  A_PRINT,
  A_READ,
  A_SEARCH,
  A_UPDATE,
  Guard,
  P_ETREAT,
  P_HOPERAT,
  P_NONE,
  P_TREAT,
  pairKey,
  type Ev,
} from './legit.js';
import { Rng } from './rng.js';
import type { Roster } from './roster.js';
import {
  ENC_EMERGENCY,
  ENC_INPATIENT,
  ENC_OUTPATIENT,
  ENC_REFERRAL,
  T_COMPLAINT,
  T_PATRQT,
  encountersOf,
  type World,
} from './world.js';

export const SCENARIOS = [
  'celebrity_snooping',
  'ex_spouse',
  'neighbour',
  'family_member',
  'self_lookup',
  'colleague',
  'shared_credentials',
  'departing_export',
  'post_employment',
  'etreat_no_emergency',
  'slow_snooping',
  'post_discharge_curiosity',
  'rival_clinic',
  'clerk_printing',
  'namesake',
  'romantic_interest',
  'complaint_tampering',
  'search_browsing',
  'leave_remote_access',
] as const;
export type Scenario = (typeof SCENARIOS)[number];

/** Share of the misuse pairs per scenario (normalised). */
const SHARE: Record<Scenario, number> = {
  celebrity_snooping: 12,
  ex_spouse: 4,
  neighbour: 5,
  family_member: 6,
  self_lookup: 3,
  colleague: 5,
  shared_credentials: 10,
  departing_export: 9,
  post_employment: 5,
  etreat_no_emergency: 4,
  slow_snooping: 8,
  post_discharge_curiosity: 5,
  rival_clinic: 7,
  clerk_printing: 4,
  namesake: 3,
  romantic_interest: 2.5,
  complaint_tampering: 2.5,
  search_browsing: 3,
  leave_remote_access: 3,
};

export interface MisusePair {
  u: number;
  p: number;
  sc: number;
}

export interface MisusePlan {
  events: Ev[];
  pairs: MisusePair[];
  guard: Guard;
  incidents: number[];
}

type Mode = 'shift' | 'evening' | 'night' | 'office' | 'offday';

export function planMisuse(w: World, roster: Roster, targetPairs: number): MisusePlan {
  const rng = new Rng(w.opts.seed, 909);
  const P = w.opts.days;
  const { staff, persons, enc, depts, cal } = w;
  const guard = new Guard();
  const events: Ev[] = [];
  const pairs: MisusePair[] = [];
  const pairSc = new Map<number, number>();
  const usedUsers = new Set<number>();
  const incidents = SCENARIOS.map(() => 0);

  // ------------------------------------------------------------------ indexes the planner needs
  const relUsers = new Map<number, Set<number>>();
  for (let i = 0; i < w.rel.n; i++) {
    const u = w.rel.user[i]!;
    if (u < 0) continue;
    const p = w.rel.patient[i]!;
    let s = relUsers.get(p);
    if (!s) relUsers.set(p, (s = new Set()));
    s.add(u);
  }
  const addrPersons = new Map<number, number[]>();
  for (let i = 0; i < persons.length; i++) {
    const a = persons[i]!.addr;
    const arr = addrPersons.get(a);
    if (arr) arr.push(i);
    else addrPersons.set(a, [i]);
  }
  const byMuni: number[][] = MUNICIPALITIES.map(() => []);
  for (let i = 0; i < persons.length; i++)
    if (persons[i]!.muni < MUNICIPALITIES.length) byMuni[persons[i]!.muni]!.push(i);
  const age = (p: number): number => cal.year[w.p0]! - persons[p]!.birthYear;

  // ------------------------------------------------------------------ helpers
  const steady = (s: number): boolean => {
    const st = staff[s]!;
    return !st.system && st.from <= w.p0 - 60 && st.to >= w.p1 && st.pattern !== 'student' && st.pattern !== 'extra';
  };
  const pickUser = (ok: (s: number) => boolean, tries = 4000): number => {
    for (let k = 0; k < tries; k++) {
      const s = rng.int(staff.length);
      if (usedUsers.has(s) || !steady(s) || !ok(s)) continue;
      return s;
    }
    return -1;
  };
  const hasRole = (s: number, roles: readonly Role[]): boolean => roles.includes(staff[s]!.role);
  const unrelated = (u: number, p: number, aroundDay = -1, win = 180): boolean => {
    const st = staff[u]!;
    if (st.person === p) return false;
    if (st.person >= 0 && persons[st.person]!.hh === persons[p]!.hh) return false;
    return noCareLink(u, p, aroundDay, win);
  };
  /** No documented relation of the user and no contact of the patient with the user's section (near a day). */
  const noCareLink = (u: number, p: number, aroundDay = -1, win = 180): boolean => {
    const st = staff[u]!;
    if (relUsers.get(p)?.has(u)) return false;
    for (const e of encountersOf(w, p)) {
      if (enc.resp[e] === u || enc.nurse[e] === u) return false;
      const du = enc.unit[e]!;
      if (du === st.unit || depts[du]!.section === st.section) {
        if (aroundDay < 0) return false;
        const sd = Math.floor(enc.start[e]! / 1440);
        const ed = Math.floor(Math.max(enc.end[e]!, enc.start[e]!) / 1440);
        if (ed >= aroundDay - win && sd <= aroundDay + win) return false;
      }
    }
    return true;
  };
  const randomPatient = (ok: (p: number) => boolean, withRecord = 0.8): number => {
    for (let k = 0; k < 400; k++) {
      const p = rng.int(persons.length);
      if (withRecord > 0 && rng.chance(withRecord) && w.firstEncOfPatient[p]! < 0) continue;
      if (ok(p)) return p;
    }
    return -1;
  };
  const foreignWs = (u: number): string => {
    const st = staff[u]!;
    if (rng.chance(0.5)) return `CTX-${String(10000 + rng.int(89999))}`;
    for (let k = 0; k < 50; k++) {
      const d = depts[rng.int(depts.length)]!;
      if (d.level === 3 && d.workstations.length > 0 && d.site !== st.site && d.service !== 'system')
        return rng.pick(d.workstations);
    }
    return 'CTX-00000';
  };
  const ownWs = (u: number, unit: number): string => {
    const st = staff[u]!;
    if (unit === st.unit && st.favWs.length > 0 && rng.chance(0.8)) return rng.pick(st.favWs);
    const pool = depts[unit]!.workstations;
    return pool.length > 0 ? rng.pick(pool) : st.ctx;
  };
  /** Period day with a shift for the user in [lo, hi], or -1. */
  const shiftDay = (u: number, lo: number, hi: number): number => {
    const a = Math.max(0, lo);
    const b = Math.min(P - 1, hi);
    if (b < a) return -1;
    for (let k = 0; k < 40; k++) {
      const d = a + rng.int(b - a + 1);
      if (roster.duty(u, w.p0 + d)) return d;
    }
    for (let d = a; d <= b; d++) if (roster.duty(u, w.p0 + d)) return d;
    return -1;
  };
  interface Slot {
    ms: number;
    dep: number;
    ws: string;
  }
  /** A moment for a misuse lookup on period day d. */
  const when = (u: number, d: number, mode: Mode, ws?: string): Slot | null => {
    const st = staff[u]!;
    const day = w.p0 + d;
    if (d < 0 || d >= P) return null;
    const sec = rng.int(60) * 1000;
    switch (mode) {
      case 'shift': {
        const du = roster.duty(u, day);
        if (!du) return null;
        const lo = du.start + 20;
        const hi = Math.max(lo + 10, du.end - 15);
        const m = lo + rng.int(hi - lo);
        return { ms: cal.at(day, m) + sec, dep: rng.chance(0.96) ? du.unit : -1, ws: ws ?? ownWs(u, du.unit) };
      }
      case 'evening':
        return { ms: cal.at(day, 1140 + rng.int(270)) + sec, dep: rng.chance(0.6) ? st.unit : -1, ws: ws ?? st.ctx };
      case 'night':
        return {
          ms: cal.at(day, 1440 + 30 + rng.int(240)) + sec,
          dep: rng.chance(0.5) ? st.unit : -1,
          ws: ws ?? foreignWs(u),
        };
      case 'office':
        return { ms: cal.at(day, 540 + rng.int(390)) + sec, dep: rng.chance(0.7) ? st.unit : -1, ws: ws ?? st.ctx };
      case 'offday':
        return { ms: cal.at(day, 600 + rng.int(600)) + sec, dep: rng.chance(0.5) ? st.unit : -1, ws: ws ?? st.ctx };
    }
  };
  /** Mode draw, falling back to the evening when the user has no shift that day. */
  const slotFor = (u: number, d: number, weights: [number, number, number], ws?: string): Slot | null => {
    const m = rng.weighted(weights);
    const mode: Mode = m === 0 ? 'shift' : m === 1 ? 'evening' : 'night';
    return when(u, d, mode, ws) ?? when(u, d, 'evening', ws);
  };
  const claim = (sc: number, u: number, p: number, allowedBeforeMs = 0): boolean => {
    if (u < 0 || p < 0) return false;
    const k = pairKey(u, p);
    if (pairSc.has(k)) return pairSc.get(k) === sc;
    pairSc.set(k, sc);
    pairs.push({ u, p, sc });
    guard.block(u, p, allowedBeforeMs);
    return true;
  };
  const ev = (sc: number, u: number, p: number, slot: Slot, a: number, pu: number, plusSec = 0): void => {
    events.push({ ms: slot.ms + plusSec * 1000, u, p, a, pu, dep: slot.dep, ws: slot.ws, app: 0, sc });
  };
  const purpose = (): number => (rng.chance(0.5) ? P_NONE : rng.chance(0.92) ? P_TREAT : P_HOPERAT);
  /** A few reads of one patient on one occasion, sometimes preceded by a name search. */
  const look = (sc: number, u: number, p: number, slot: Slot, reads: number, searchP = 0.3): void => {
    let t = 0;
    if (rng.chance(searchP)) {
      ev(sc, u, p, slot, A_SEARCH, P_NONE);
      t += 20 + rng.int(40);
    }
    const pu = purpose();
    for (let i = 0; i < reads; i++) {
      ev(sc, u, p, slot, A_READ, pu, t);
      t += 30 + rng.int(240);
    }
  };
  const sizeFor = (lo: number, hi: number, left: number): number => Math.max(1, Math.min(left, rng.between(lo, hi)));
  const rename = (p: number, fam: string): void => {
    const pe = persons[p]!;
    const oldKey = `${pe.given} ${pe.fam}`;
    const arr = w.byFullName.get(oldKey);
    if (arr) {
      const i = arr.indexOf(p);
      if (i >= 0) arr.splice(i, 1);
    }
    pe.fam = fam;
    const key = `${pe.given} ${fam}`;
    const a2 = w.byFullName.get(key);
    if (a2) a2.push(p);
    else w.byFullName.set(key, [p]);
  };
  const personOf = (s: number): number => staff[s]!.person;

  // ------------------------------------------------------------------ scenarios
  const planners: Record<Scenario, (sc: number, left: number) => number> = {
    celebrity_snooping: (sc, left) => {
      // a well-known person brought in after an accident: many staff with no part in the care take a look
      let e = -1;
      for (let k = 0; k < 400 && e < 0; k++) {
        const d = rng.between(2, Math.max(3, P - 10));
        for (const x of w.activeByDay.of(d)) {
          if (enc.kind[x] !== ENC_INPATIENT || Math.floor(enc.start[x]! / 1440) !== w.p0 + d) continue;
          const prev = enc.prev[x]!;
          if (prev < 0 || enc.kind[prev] !== ENC_EMERGENCY || enc.end[x]! - enc.start[x]! < 3 * 1440) continue;
          if (age(enc.patient[x]!) < 18 || persons[enc.patient[x]!]!.staff >= 0) continue;
          e = x;
          break;
        }
      }
      if (e < 0) return 0;
      const p = enc.patient[e]!;
      const d0 = Math.floor(enc.start[e]! / 1440) - w.p0;
      const n = sizeFor(8, 30, left);
      let made = 0;
      for (let k = 0; k < n * 20 && made < n; k++) {
        const role = (
          [
            'nurse',
            'nurse',
            'nurse',
            'physician',
            'physician',
            'secretary',
            'secretary',
            'lab',
            'radiology',
            'therapist',
            'admin',
            'other',
          ] as Role[]
        )[rng.int(12)]!;
        const u = pickUser((s) => staff[s]!.role === role, 200);
        if (u < 0 || !unrelated(u, p, d0 + w.p0, 30)) continue;
        const d = Math.min(P - 1, d0 + Math.floor(rng.expo(1.6)));
        const slot = rng.chance(0.7)
          ? (when(u, shiftDay(u, d, d + 3), 'shift') ?? when(u, d, 'evening'))
          : when(u, d, 'evening');
        if (!slot || !claim(sc, u, p)) continue;
        usedUsers.add(u);
        const pu = rng.chance(0.05) ? P_ETREAT : purpose();
        if (rng.chance(0.4)) ev(sc, u, p, slot, A_SEARCH, P_NONE);
        for (let i = 0, reads = rng.between(1, 3); i < reads; i++)
          ev(sc, u, p, slot, A_READ, pu, 30 + i * (20 + rng.int(200)));
        made++;
      }
      return made;
    },

    ex_spouse: (sc) => {
      const u = pickUser((s) => personOf(s) >= 0 && age(personOf(s)) >= 28 && age(personOf(s)) <= 62);
      if (u < 0) return 0;
      const me = persons[personOf(u)]!;
      const myBuilding = w.addresses[me.addr]!.building;
      const ex = randomPatient((p) => {
        const pe = persons[p]!;
        const hh = w.households[pe.hh]!;
        const adults = hh.members.filter((m) => age(m) >= 18).length;
        return (
          pe.staff < 0 &&
          pe.hh !== me.hh &&
          pe.muni < MUNICIPALITIES.length &&
          (myBuilding < 0 || w.addresses[pe.addr]!.building !== myBuilding) &&
          Math.abs(pe.birthYear - me.birthYear) <= 7 &&
          (rng.chance(0.05) || pe.sex !== me.sex) &&
          adults === 1 &&
          hh.parentHh !== me.hh &&
          unrelated(u, p)
        );
      }, 0.5);
      if (ex < 0) return 0;
      usedUsers.add(u);
      const kids = w.households[persons[ex]!.hh]!.members.filter((m) => m !== ex && age(m) < 18);
      if (rng.chance(0.45)) {
        // she (or he) kept the married name, and so did the children
        rename(ex, me.fam);
        for (const k of kids) if (rng.chance(0.8)) rename(k, me.fam);
      }
      claim(sc, u, ex);
      const start = rng.int(Math.max(1, P - 20));
      const times = rng.between(2, 6);
      for (let i = 0; i < times; i++) {
        const slot = slotFor(u, Math.min(P - 1, start + rng.int(Math.min(50, P - start))), [50, 35, 15]);
        if (slot) look(sc, u, ex, slot, rng.between(1, 3), 0.3);
      }
      let made = 1;
      if (kids.length > 0 && rng.chance(0.35)) {
        const kid = rng.pick(kids);
        if (unrelated(u, kid) && claim(sc, u, kid)) {
          const slot = slotFor(u, Math.min(P - 1, start + rng.int(10)), [40, 50, 10]);
          if (slot) look(sc, u, kid, slot, 1, 0);
          made++;
        }
      }
      return made;
    },

    neighbour: (sc, left) => {
      const u = pickUser((s) => {
        const p = personOf(s);
        if (p < 0) return false;
        const b = w.addresses[persons[p]!.addr]!.building;
        return b >= 0 && w.buildings[b]!.length >= 4;
      });
      if (u < 0) return 0;
      const me = persons[personOf(u)]!;
      const flats = w.buildings[w.addresses[me.addr]!.building]!.filter((a) => a !== me.addr);
      const n = sizeFor(1, 2, left);
      let made = 0;
      for (let k = 0; k < 30 && made < n; k++) {
        const cands = addrPersons.get(rng.pick(flats)) ?? [];
        if (cands.length === 0) continue;
        const p = rng.pick(cands);
        if (!unrelated(u, p) || !claim(sc, u, p)) continue;
        made++;
        const d = rng.int(P);
        for (let i = 0, times = rng.between(1, 3); i < times; i++) {
          const slot = slotFor(u, Math.min(P - 1, d + rng.int(8)), [60, 30, 10]);
          if (slot) look(sc, u, p, slot, rng.between(1, 3), 0.35);
        }
      }
      if (made > 0) usedUsers.add(u);
      return made;
    },

    family_member: (sc, left) => {
      const u = pickUser((s) => personOf(s) >= 0);
      if (u < 0) return 0;
      const me = persons[personOf(u)]!;
      const rel: number[] = [];
      for (const m of w.households[me.hh]!.members) if (m !== personOf(u)) rel.push(m);
      const hhs = new Set<number>();
      const parentHh = w.households[me.hh]!.parentHh;
      if (parentHh >= 0) hhs.add(parentHh);
      for (let h = 0; h < w.households.length; h++) {
        const ph = w.households[h]!.parentHh;
        if (h !== me.hh && (ph === me.hh || (parentHh >= 0 && ph === parentHh))) hhs.add(h);
      }
      for (const h of hhs) for (const m of w.households[h]!.members) rel.push(m);
      const cands = rel.filter((p) => persons[p]!.staff < 0 && noCareLink(u, p));
      if (cands.length === 0) return 0;
      // relatives who are actually ill draw the most curiosity
      cands.sort((a, b) => Number(hasContactInPeriod(b)) - Number(hasContactInPeriod(a)));
      const n = Math.min(sizeFor(1, 3, left), cands.length);
      let made = 0;
      for (const p of cands.slice(0, n)) {
        if (!claim(sc, u, p)) continue;
        made++;
        const d = firstPeriodContact(p) ?? rng.int(P);
        for (let i = 0, times = rng.between(1, 4); i < times; i++) {
          const slot = slotFor(u, Math.min(P - 1, d + rng.int(10)), [65, 30, 5]);
          if (slot) look(sc, u, p, slot, rng.between(1, 3), 0.15);
        }
      }
      if (made > 0) usedUsers.add(u);
      return made;
    },

    self_lookup: (sc) => {
      const u = pickUser((s) => personOf(s) >= 0 && w.firstEncOfPatient[personOf(s)]! >= 0);
      if (u < 0) return 0;
      const p = personOf(u);
      usedUsers.add(u);
      claim(sc, u, p);
      for (let i = 0, times = rng.between(1, 3); i < times; i++) {
        const slot = slotFor(u, rng.int(P), [80, 20, 0]);
        if (!slot) continue;
        look(sc, u, p, slot, rng.between(1, 2), 0.1);
        if (rng.chance(0.25)) ev(sc, u, p, slot, A_PRINT, P_NONE, 400);
      }
      return 1;
    },

    colleague: (sc, left) => {
      const u = pickUser((s) => w.staffByUnit[staff[s]!.unit]!.length >= 5);
      if (u < 0) return 0;
      const mates = w.staffByUnit[staff[u]!.unit]!.filter(
        (c) => c !== u && staff[c]!.person >= 0 && !staff[c]!.system && w.firstEncOfPatient[staff[c]!.person]! >= 0,
      );
      const n = Math.min(sizeFor(1, 2, left), mates.length);
      let made = 0;
      for (const c of rng.shuffle(mates.slice())) {
        if (made >= n) break;
        const p = staff[c]!.person;
        if (!unrelated(u, p) || !claim(sc, u, p)) continue;
        made++;
        const slot = slotFor(u, rng.int(P), [75, 20, 5]);
        if (slot) look(sc, u, p, slot, rng.between(1, 3), 0.2);
      }
      if (made > 0) usedUsers.add(u);
      return made;
    },

    shared_credentials: (sc, left) => {
      const u = pickUser((s) => hasRole(s, ['nurse', 'physician', 'secretary']));
      if (u < 0) return 0;
      usedUsers.add(u);
      const n = sizeFor(10, 40, left);
      const sessions = rng.between(1, 3);
      const muni = rng.int(MUNICIPALITIES.length);
      let made = 0;
      for (let s = 0; s < sessions && made < n; s++) {
        const d = rng.int(P);
        const ws = foreignWs(u);
        const offday = rng.chance(0.35) && !roster.duty(u, w.p0 + d);
        let slot = when(u, d, offday ? 'offday' : 'night', ws);
        if (!slot) continue;
        const per = Math.ceil((n - made) / (sessions - s));
        let inSession = 0;
        for (let k = 0; k < per * 5 && inSession < per; k++) {
          const p = rng.chance(0.4) ? rng.pick(byMuni[muni]!) : randomPatient(() => true);
          if (p < 0 || !unrelated(u, p) || !claim(sc, u, p)) continue;
          made++;
          inSession++;
          slot = { ...slot, ms: slot.ms + (60 + rng.int(300)) * 1000, dep: rng.chance(0.5) ? staff[u]!.unit : -1 };
          if (rng.chance(0.3)) ev(sc, u, p, slot, A_SEARCH, P_NONE);
          ev(sc, u, p, slot, A_READ, P_NONE, 15);
          if (rng.chance(0.4)) ev(sc, u, p, slot, A_READ, P_NONE, 40 + rng.int(60));
          if (rng.chance(0.1)) ev(sc, u, p, slot, A_PRINT, P_NONE, 120);
        }
      }
      return made;
    },

    departing_export: (sc, left) => {
      const u = pickUser(
        (s) => hasRole(s, ['secretary', 'physician', 'therapist', 'nurse']) && staff[s]!.from <= w.p0 - 200,
      );
      if (u < 0 || P < 20) return 0;
      const st = staff[u]!;
      const last = rng.between(Math.max(18, Math.floor(P * 0.3)), P - 3);
      st.to = w.p0 + last;
      usedUsers.add(u);
      const n = sizeFor(20, 80, left);
      const section = st.section;
      const targets: number[] = [];
      for (let k = 0; k < n * 30 && targets.length < n; k++) {
        let p: number;
        if (rng.chance(0.7)) {
          const starts = w.startsByDay.of(w.p0 + last - 15 - rng.int(600));
          if (starts.length === 0) continue;
          const e = starts[rng.int(starts.length)]!;
          if (depts[enc.unit[e]!]!.section !== section) continue;
          p = enc.patient[e]!;
        } else {
          p = randomPatient((q) => unrelated(u, q));
        }
        if (p < 0 || targets.includes(p) || p === st.person) continue;
        targets.push(p);
      }
      let made = 0;
      for (const p of targets) {
        const d = last - rng.int(15);
        const m = rng.weighted([65, 20, 15]);
        const slot =
          m === 0 ? (when(u, d, 'shift') ?? when(u, d, 'evening')) : when(u, d, m === 1 ? 'evening' : 'offday');
        if (!slot) continue;
        if (!claim(sc, u, p, slot.ms)) continue;
        made++;
        const x = rng.next();
        if (x < 0.15) ev(sc, u, p, slot, A_READ, P_TREAT);
        ev(sc, u, p, slot, x < 0.6 ? A_EXPORT : A_PRINT, rng.chance(0.5) ? P_NONE : P_HOPERAT, 20 + rng.int(60));
      }
      return made;
    },

    post_employment: (sc, left) => {
      const u = pickUser((s) => staff[s]!.from <= w.p0 - 300);
      if (u < 0) return 0;
      const st = staff[u]!;
      const end = rng.between(-40, Math.max(-39, Math.floor(P * 0.6)));
      st.to = w.p0 + end;
      st.extended = false;
      usedUsers.add(u);
      const n = sizeFor(3, 12, left);
      let made = 0;
      for (let k = 0; k < n * 10 && made < n; k++) {
        const p =
          rng.chance(0.5) && st.person >= 0
            ? rng.pick(byMuni[Math.min(persons[st.person]!.muni, MUNICIPALITIES.length - 1)]!)
            : randomPatient(() => true);
        if (p < 0 || !unrelated(u, p) || !claim(sc, u, p)) continue;
        const d = Math.min(P - 1, Math.max(end + 3, 0) + rng.int(Math.max(1, Math.min(70, P - Math.max(end + 3, 0)))));
        const m = rng.weighted([50, 30, 20]);
        const slot = when(u, d, m === 0 ? 'evening' : m === 1 ? 'office' : 'night', m === 2 ? foreignWs(u) : undefined);
        if (!slot) continue;
        made++;
        look(sc, u, p, slot, rng.between(1, 3), 0.4);
      }
      return made;
    },

    etreat_no_emergency: (sc, left) => {
      const u = pickUser((s) => hasRole(s, ['physician', 'nurse']) && depts[staff[s]!.unit]!.service !== 'ed');
      if (u < 0) return 0;
      const n = sizeFor(1, 2, left);
      let made = 0;
      for (let k = 0; k < 40 && made < n; k++) {
        const d = shiftDay(u, 0, P - 1);
        if (d < 0) break;
        const p = randomPatient((q) => unrelated(u, q, w.p0 + d, 60) && !emergencyNear(q, w.p0 + d, 5));
        if (p < 0 || !claim(sc, u, p)) continue;
        made++;
        const slot = rng.chance(0.75) ? when(u, d, 'shift') : when(u, d, 'evening');
        if (!slot) continue;
        for (let i = 0, n2 = rng.between(1, 3); i < n2; i++)
          ev(sc, u, p, slot, A_READ, P_ETREAT, i * (30 + rng.int(300)));
        if (rng.chance(0.3)) ev(sc, u, p, slot, A_READ, P_NONE, 3600 * (1 + rng.int(20)));
      }
      if (made > 0) usedUsers.add(u);
      return made;
    },

    slow_snooping: (sc, left) => {
      const u = pickUser((s) => hasRole(s, ['nurse', 'secretary', 'physician', 'lab']) && staff[s]!.fte >= 0.8);
      if (u < 0) return 0;
      usedUsers.add(u);
      let made = 0;
      for (let d = rng.int(6); d < P && made < left; d += rng.between(3, 9)) {
        const sd = shiftDay(u, d, d + 3);
        if (sd < 0) continue;
        const p = randomPatient((q) => unrelated(u, q, w.p0 + sd, 120));
        if (p < 0 || !claim(sc, u, p)) continue;
        const slot = rng.chance(0.95) ? when(u, sd, 'shift') : when(u, sd, 'evening');
        if (!slot) continue;
        made++;
        const pu = rng.chance(0.4) ? P_TREAT : P_NONE;
        ev(sc, u, p, slot, A_READ, pu);
        if (rng.chance(0.15)) ev(sc, u, p, slot, A_READ, pu, 60 + rng.int(600));
      }
      return made;
    },

    post_discharge_curiosity: (sc) => {
      // a nurse opens the record of a patient she looked after on her ward months ago; nothing new has happened
      const u = pickUser(
        (s) => staff[s]!.role === 'nurse' && ['ward', 'icu'].includes(depts[staff[s]!.unit]!.service ?? ''),
      );
      if (u < 0) return 0;
      const st = staff[u]!;
      let best = -1;
      for (let k = 0; k < 3000 && best < 0; k++) {
        const e0 = w.startsByDay.of(w.p0 - 400 + rng.int(400 + P - 50));
        if (e0.length === 0) continue;
        const e = e0[rng.int(e0.length)]!;
        if (enc.kind[e] !== ENC_INPATIENT || enc.unit[e] !== st.unit) continue;
        if (enc.nurse[e] !== u && k < 2000) continue;
        if (Math.floor(enc.end[e]! / 1440) + 45 >= w.p1 - 1) continue;
        best = e;
      }
      if (best < 0) return 0;
      const p = enc.patient[best]!;
      const endDay = Math.floor(enc.end[best]! / 1440);
      const lo = Math.max(0, endDay + 45 - w.p0);
      const d = shiftDay(u, lo, Math.min(P - 1, lo + 200));
      if (d < 0 || !unrelatedSince(u, p, w.p0 + d, endDay + 14)) return 0;
      if (!claim(sc, u, p, cal.at(endDay + 14, 0))) return 0;
      usedUsers.add(u);
      const slot = rng.chance(0.8) ? when(u, d, 'shift') : when(u, d, 'evening');
      if (slot) look(sc, u, p, slot, rng.between(1, 3), 0.3);
      if (rng.chance(0.4)) {
        const s2 = when(u, shiftDay(u, d + 3, d + 20), 'shift');
        if (s2) look(sc, u, p, s2, 1, 0);
      }
      return 1;
    },

    rival_clinic: (sc, left) => {
      // a specialist with a private practice on the side browses patients of a competing clinic in one municipality
      const u = pickUser(
        (s) =>
          staff[s]!.role === 'physician' &&
          ['ORTH', 'GSUR', 'OBGYN', 'ENT', 'EYE', 'URO', 'DPSF', 'SURGSTR'].includes(depts[staff[s]!.section]!.code),
      );
      if (u < 0) return 0;
      usedUsers.add(u);
      const muni = 1 + rng.int(MUNICIPALITIES.length - 1);
      const n = sizeFor(12, 35, left);
      const start = rng.int(Math.max(1, P - 25));
      let made = 0;
      for (let k = 0; k < n * 40 && made < n; k++) {
        const p = rng.pick(byMuni[muni]!);
        const referred = hasReferralElsewhere(p, staff[u]!.section);
        if ((!referred && rng.chance(0.7)) || !unrelated(u, p) || !claim(sc, u, p)) continue;
        const d = shiftDay(u, start, start + 25);
        const slot = d >= 0 ? when(u, d, 'shift') : when(u, start, 'evening');
        if (!slot) continue;
        made++;
        look(sc, u, p, slot, rng.between(1, 2), 0.25);
        if (rng.chance(0.2)) ev(sc, u, p, slot, A_PRINT, P_TREAT, 300);
      }
      return made;
    },

    clerk_printing: (sc, left) => {
      const u = pickUser((s) => staff[s]!.role === 'secretary' && staff[s]!.pattern === 'office');
      if (u < 0) return 0;
      usedUsers.add(u);
      const n = sizeFor(4, 12, left);
      const targets: number[] = [];
      const fam = randomPatient((p) => w.households[persons[p]!.hh]!.members.length >= 3 && unrelated(u, p));
      if (fam >= 0)
        for (const m of w.households[persons[fam]!.hh]!.members)
          if (unrelated(u, m) && targets.length < n) targets.push(m);
      for (let k = 0; k < 200 && targets.length < n; k++) {
        const p = randomPatient((q) => unrelated(u, q));
        if (p >= 0 && !targets.includes(p)) targets.push(p);
      }
      const d = shiftDay(u, 0, P - 1);
      let made = 0;
      for (const p of targets) {
        if (!claim(sc, u, p)) continue;
        const slot = when(u, rng.chance(0.7) && d >= 0 ? d : rng.int(P), 'shift') ?? when(u, Math.max(0, d), 'evening');
        if (!slot) continue;
        made++;
        if (rng.chance(0.7)) ev(sc, u, p, slot, A_READ, P_HOPERAT);
        ev(sc, u, p, slot, A_PRINT, rng.chance(0.5) ? P_HOPERAT : P_NONE, 40);
        if (rng.chance(0.3)) ev(sc, u, p, slot, A_PRINT, P_NONE, 90);
      }
      return made;
    },

    namesake: (sc) => {
      const u = pickUser(
        (s) =>
          (w.byFullName.get(`${staff[s]!.given} ${staff[s]!.fam}`)?.filter((p) => p !== staff[s]!.person).length ?? 0) >
          0,
        20000,
      );
      if (u < 0) return 0;
      const same = w.byFullName
        .get(`${staff[u]!.given} ${staff[u]!.fam}`)!
        .filter((p) => p !== staff[u]!.person && unrelated(u, p));
      if (same.length === 0) return 0;
      const p = rng.pick(same);
      if (!claim(sc, u, p)) return 0;
      usedUsers.add(u);
      const slot = slotFor(u, rng.int(P), [70, 25, 5]);
      if (slot) look(sc, u, p, slot, rng.between(1, 2), 0.6);
      return 1;
    },

    romantic_interest: (sc) => {
      const u = pickUser(
        (s) => staff[s]!.birthYear >= cal.year[w.p0]! - 50 && staff[s]!.birthYear <= cal.year[w.p0]! - 22,
      );
      if (u < 0) return 0;
      const st = staff[u]!;
      const muni = st.person >= 0 ? persons[st.person]!.muni : rng.int(MUNICIPALITIES.length);
      const pool = byMuni[Math.min(muni, MUNICIPALITIES.length - 1)]!;
      let p = -1;
      for (let k = 0; k < 500 && p < 0; k++) {
        const q = rng.pick(pool);
        const pe = persons[q]!;
        if (pe.sex !== st.sex && Math.abs(pe.birthYear - st.birthYear) <= 8 && pe.staff < 0 && unrelated(u, q)) p = q;
      }
      if (p < 0 || !claim(sc, u, p)) return 0;
      usedUsers.add(u);
      const start = rng.int(Math.max(1, P - 21));
      const span = Math.min(P - start, rng.between(21, 56));
      const first = slotFor(u, start, [55, 45, 0]);
      if (first) ev(sc, u, p, first, A_SEARCH, P_NONE);
      for (let i = 0, n = rng.between(6, 14); i < n; i++) {
        const slot = slotFor(u, start + rng.int(span), [55, 40, 5]);
        if (slot) ev(sc, u, p, slot, A_READ, rng.chance(0.6) ? P_NONE : P_TREAT);
      }
      return 1;
    },

    complaint_tampering: (sc) => {
      // the patient has complained; before the case is reviewed the physician involved reads and amends the record
      for (let k = 0; k < 3000; k++) {
        const starts = w.startsByDay.of(w.p0 - 400 + rng.int(400 + Math.max(1, P - 70)));
        if (starts.length === 0) continue;
        const e = starts[rng.int(starts.length)]!;
        const u = enc.resp[e]!;
        if (
          u < 0 ||
          (enc.kind[e] !== ENC_INPATIENT && enc.kind[e] !== ENC_OUTPATIENT) ||
          staff[u]!.role !== 'physician'
        )
          continue;
        if (usedUsers.has(u) || !steady(u)) continue;
        const endDay = Math.floor(enc.end[e]! / 1440);
        const lo = Math.max(5, endDay + 60 - w.p0);
        if (lo > P - 12) continue;
        const c = rng.between(lo, P - 12);
        const p = enc.patient[e]!;
        if (!unrelatedSince(u, p, w.p0 + c + 10, endDay + 30)) continue;
        if (!claim(sc, u, p, cal.at(endDay + 30, 0))) continue;
        usedUsers.add(u);
        w.tasksByDay[c]!.push({ type: T_COMPLAINT, enc: e, patient: p, staff: -1, minute: -1 });
        if (rng.chance(0.6)) w.tasksByDay[c + 1]!.push({ type: T_PATRQT, enc: -1, patient: p, staff: -1, minute: -1 });
        for (let i = 0, n = rng.between(1, 3); i < n; i++) {
          const d = c + 1 + rng.int(9);
          const slot = rng.chance(0.5)
            ? when(u, d, 'evening')
            : (when(u, shiftDay(u, d, d + 3), 'shift') ?? when(u, d, 'evening'));
          if (!slot) continue;
          ev(sc, u, p, slot, A_READ, P_TREAT);
          ev(sc, u, p, slot, A_READ, P_TREAT, 120 + rng.int(400));
          if (rng.chance(0.7)) ev(sc, u, p, slot, A_UPDATE, P_TREAT, 600 + rng.int(600));
        }
        return 1;
      }
      return 0;
    },

    search_browsing: (sc, left) => {
      // looking for someone by name: browsing a page of same-surname hits, then opening the one sought
      const u = pickUser(() => true);
      if (u < 0) return 0;
      const target = randomPatient((p) => unrelated(u, p) && famCount(persons[p]!.fam) >= 15);
      if (target < 0) return 0;
      usedUsers.add(u);
      const fam = persons[target]!.fam;
      const list = [target];
      const others = famMembers(fam);
      for (let k = 0; k < 80 && list.length < Math.min(left, rng.between(5, 12)); k++) {
        const q = rng.pick(others);
        if (!list.includes(q) && unrelated(u, q)) list.push(q);
      }
      const slot = slotFor(u, rng.int(P), [60, 40, 0]);
      if (!slot) return 0;
      rng.shuffle(list);
      let t = 0;
      let made = 0;
      for (const q of list) {
        if (!claim(sc, u, q)) continue;
        made++;
        ev(sc, u, q, slot, A_SEARCH, P_NONE, t);
        t += 3 + rng.int(25);
      }
      if (pairSc.get(pairKey(u, target)) === sc) {
        ev(sc, u, target, slot, A_READ, P_NONE, t + 20);
        if (rng.chance(0.5)) ev(sc, u, target, slot, A_READ, P_NONE, t + 200 + rng.int(600));
      }
      return made;
    },

    leave_remote_access: (sc, left) => {
      if (P < 45) return 0;
      const u = pickUser((s) => hasRole(s, ['nurse', 'physician', 'secretary']) && staff[s]!.fte >= 0.5);
      if (u < 0) return 0;
      const st = staff[u]!;
      const ls = rng.int(Math.max(1, P - 40));
      const le = Math.min(P - 1, ls + rng.between(35, 90));
      st.leaves.push(w.p0 + ls, w.p0 + le);
      usedUsers.add(u);
      const n = sizeFor(2, 6, left);
      let made = 0;
      for (let k = 0; k < n * 20 && made < n; k++) {
        const d = ls + 3 + rng.int(Math.max(1, le - ls - 3));
        let p = -1;
        if (rng.chance(0.5)) {
          // "just checking" on patients of her own ward while off sick
          for (const e of w.activeByDay.of(d)) {
            if (enc.unit[e] === st.unit && rng.chance(0.3)) {
              p = enc.patient[e]!;
              break;
            }
          }
        }
        if (p < 0) p = randomPatient((q) => unrelated(u, q));
        if (p < 0 || p === st.person || !claim(sc, u, p)) continue;
        const slot = when(u, d, rng.chance(0.6) ? 'offday' : 'evening');
        if (!slot) continue;
        made++;
        look(sc, u, p, slot, rng.between(1, 3), 0.3);
      }
      return made;
    },
  };

  // helpers that close over the indexes above
  function hasContactInPeriod(p: number): boolean {
    return firstPeriodContact(p) !== undefined;
  }
  function firstPeriodContact(p: number): number | undefined {
    for (const e of encountersOf(w, p)) {
      const d = Math.floor(enc.start[e]! / 1440);
      if (d >= w.p0 && d < w.p1 && enc.kind[e] !== 4) return d - w.p0;
    }
    return undefined;
  }
  function emergencyNear(p: number, day: number, win: number): boolean {
    for (const e of encountersOf(w, p)) {
      const d = Math.floor(enc.start[e]! / 1440);
      if ((enc.kind[e] === ENC_EMERGENCY || enc.kind[e] === ENC_INPATIENT) && Math.abs(d - day) <= win) return true;
    }
    return false;
  }
  function hasReferralElsewhere(p: number, section: number): boolean {
    for (const e of encountersOf(w, p)) {
      if ((enc.kind[e] === ENC_REFERRAL || enc.kind[e] === ENC_OUTPATIENT) && depts[enc.unit[e]!]!.section !== section)
        return true;
    }
    return false;
  }
  /** No contact of the patient with the user's section after `sinceDay` up to `day` + 10, nor a relation of the user. */
  function unrelatedSince(u: number, p: number, day: number, sinceDay: number): boolean {
    const st = staff[u]!;
    if (st.person === p) return false;
    for (const e of encountersOf(w, p)) {
      const sd = Math.floor(enc.start[e]! / 1440);
      if (sd <= sinceDay || sd > day + 10) continue;
      if (enc.unit[e] === st.unit || depts[enc.unit[e]!]!.section === st.section || enc.resp[e] === u) return false;
    }
    return true;
  }
  let famIndex: Map<string, number[]> | null = null;
  function famMembers(fam: string): number[] {
    if (!famIndex) {
      famIndex = new Map();
      for (let i = 0; i < persons.length; i++) {
        const f = persons[i]!.fam;
        const a = famIndex.get(f);
        if (a) a.push(i);
        else famIndex.set(f, [i]);
      }
    }
    return famIndex.get(fam) ?? [];
  }
  function famCount(fam: string): number {
    return famMembers(fam).length;
  }

  // ------------------------------------------------------------------ allocation
  const total = Object.values(SHARE).reduce((s, x) => s + x, 0);
  const budget = SCENARIOS.map((s) => Math.max(1, Math.round((targetPairs * SHARE[s]) / total)));
  const got = SCENARIOS.map(() => 0);
  const fails = SCENARIOS.map(() => 0);
  let progress = true;
  while (progress) {
    progress = false;
    for (let sc = 0; sc < SCENARIOS.length; sc++) {
      if (got[sc]! >= budget[sc]! || fails[sc]! > 25) continue;
      const made = planners[SCENARIOS[sc]!](sc, budget[sc]! - got[sc]!);
      if (made > 0) {
        got[sc]! += made;
        incidents[sc]!++;
        progress = true;
      } else {
        fails[sc]!++;
        progress = true;
      }
    }
  }
  // drop labelled pairs that ended up without any event (a slot could not be found)
  const seen = new Set<number>();
  const inPeriod = (ms: number): boolean => ms >= cal.midnight[w.p0]! && ms < cal.midnightOf(w.p1 + 1);
  const kept = events.filter((e) => inPeriod(e.ms));
  for (const e of kept) seen.add(pairKey(e.u, e.p));
  const keptPairs = pairs.filter((x) => seen.has(pairKey(x.u, x.p)));
  return { events: kept, pairs: keptPairs, guard, incidents };
}
