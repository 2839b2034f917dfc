/**
 * The misuse scenarios. Each plants (user, patient) pairs with their lookups; most lookups happen inside the
 * snooper's ordinary shift, at the unit's own terminal, with ordinary actions and purpose codes. See README.md.
 */
import type { MisusePlanner } from './misuse.js';
import type { Shift } from './schedule.js';
import { DAY, HOUR, MIN } from './time.js';
import type { Action, Purpose, Staff } from './types.js';
import { EMERGENCY, INPATIENT, OUTPATIENT } from './types.js';

type Recipe = readonly (readonly [readonly Action[], number])[];

const FIRST: Recipe = [
  [['search', 'read'], 55],
  [['search', 'read', 'read'], 25],
  [['read'], 20],
];
const AGAIN: Recipe = [
  [['read'], 55],
  [['read', 'read'], 35],
  [['search', 'read'], 10],
];
const SELF: Recipe = [
  [['read'], 50],
  [['read', 'read'], 30],
  [['read', 'print'], 20],
];

export interface Scenario {
  name: string;
  weight: number;
  plant: (m: MisusePlanner, wanted: number) => void;
}

interface PersonalOpts {
  snooper: (s: Staff) => boolean;
  targets: (s: Staff) => number[];
  trigger: number;
  cover: number;
  sessions: [number, number];
  span: [number, number];
  home: number;
  first?: Recipe;
  again?: Recipe;
  pur?: Purpose;
  /** Extra set-up for the pair (before lookups). */
  setup?: (s: Staff, p: number, day: number) => void;
  /** Called for each session on a shift instead of the default. */
  onSession?: (sh: Shift, p: number, k: number) => void;
  allowLegit?: boolean;
}

/** One snooper, one person they know, a few sessions spread over days or weeks. */
function personal(m: MisusePlanner, name: string, wanted: number, o: PersonalOpts): void {
  const rng = m.rng;
  let planted = 0;
  const pool = rng.shuffle(m.staffPool(o.snooper));
  // Up to three passes: a person may have nobody suitable, or no shift in the chosen weeks.
  for (const s of [...pool, ...pool, ...pool]) {
    if (planted >= wanted) break;
    if (m.usedSnoopers.has(s.idx)) continue;
    const cands = o.targets(s).filter((p) => p >= 0 && !m.world.pop.patients[p]!.test);
    if (cands.length === 0) continue;
    const p = rng.pick(cands);
    const x = rng.int(1, Math.max(1, m.days - 4));
    const span = rng.int(o.span[0], o.span[1]);
    const shifts = m.shifts(s.idx, x + 1, x + span, (sh) => sh.kind !== 'oncall' || rng.chance(0.3));
    if (shifts.length === 0) continue;
    if (!m.claim(s.idx, p, name, o.allowLegit)) continue;
    if (rng.chance(o.trigger)) m.trigger(p, x, s.dept);
    if (rng.chance(o.cover)) m.cover(s.idx, p);
    o.setup?.(s, p, x);
    const n = Math.min(shifts.length, rng.int(o.sessions[0], o.sessions[1]));
    const chosen = rng.sample(shifts, n).sort((a, b) => a.start - b.start);
    chosen.forEach((sh, k) => {
      const recipe = k === 0 ? (o.first ?? FIRST) : (o.again ?? AGAIN);
      if (o.onSession) o.onSession(sh, p, k);
      else if (s.homeClient && rng.chance(o.home) && (sh.kind === 'D' || sh.kind === 'remote'))
        m.fromHome(s.idx, p, name, sh.day, 19 * 60, 23 * 60 + 40, rng.pickWeighted(recipe), s.homeClient);
      else m.onShift(sh, p, name, rng.pickWeighted(recipe), o.pur ?? 'TREAT');
    });
    planted++;
  }
}

const clinicalUser = (s: Staff): boolean =>
  ['nurse', 'physician', 'secretary', 'other', 'therapist', 'lab', 'radiology'].includes(s.role);
const anyUser = (s: Staff): boolean => !s.service && !s.title.includes('student');

// ------------------------------------------------------------------------------------------- usual kinds

const selfLookup: Scenario = {
  name: 'self_lookup',
  weight: 7,
  plant: (m, wanted) =>
    personal(m, 'self_lookup', wanted, {
      snooper: (s) => s.patient >= 0 && anyUser(s),
      targets: (s) => [s.patient],
      trigger: 0.85,
      cover: 0,
      sessions: [1, 3],
      span: [3, 20],
      home: 0.15,
      first: SELF,
      again: SELF,
    }),
};

const familySameAddress: Scenario = {
  name: 'family_same_address',
  weight: 8,
  plant: (m, wanted) =>
    personal(m, 'family_same_address', wanted, {
      snooper: (s) => clinicalUser(s) && m.world.circles[s.idx]!.household.length > 0,
      targets: (s) => m.world.circles[s.idx]!.household.filter((p) => m.world.pop.patients[p]!.employee < 0),
      trigger: 0.8,
      cover: 0.25,
      sessions: [1, 4],
      span: [2, 10],
      home: 0.1,
      first: AGAIN,
    }),
};

const exPartner: Scenario = {
  name: 'ex_partner',
  weight: 5,
  plant: (m, wanted) =>
    personal(m, 'ex_partner', wanted, {
      snooper: (s) => m.world.circles[s.idx]!.ex.length > 0 && anyUser(s),
      targets: (s) => {
        const c = m.world.circles[s.idx]!;
        return m.rng.chance(0.75) ? c.ex : [...c.ex, ...c.exHousehold.filter((p) => m.age(p) >= 16)];
      },
      trigger: 0.35,
      cover: 0.2,
      sessions: [2, 5],
      span: [14, 60],
      home: 0.35,
    }),
};

const neighbour: Scenario = {
  name: 'neighbour',
  weight: 6,
  plant: (m, wanted) =>
    personal(m, 'neighbour', wanted, {
      snooper: (s) => clinicalUser(s) || s.role === 'admin',
      targets: (s) => {
        const mine = m.circleOf(s);
        return m.neighbours(s).filter((p) => !mine.has(p));
      },
      trigger: 0.7,
      cover: 0.2,
      sessions: [1, 2],
      span: [1, 5],
      home: 0.1,
    }),
};

const relativeElsewhere: Scenario = {
  name: 'relative_other_address',
  weight: 6,
  plant: (m, wanted) =>
    personal(m, 'relative_other_address', wanted, {
      snooper: (s) => anyUser(s),
      targets: (s) => {
        const c = m.world.circles[s.idx]!;
        return [...c.parents, ...c.siblings, ...c.adultChildren, ...c.inLaws];
      },
      trigger: 0.75,
      cover: 0.25,
      sessions: [1, 3],
      span: [2, 12],
      home: 0.15,
    }),
};

const colleague: Scenario = {
  name: 'colleague',
  weight: 6,
  plant: (m, wanted) => {
    const sameClinic = (a: Staff, b: Staff): boolean =>
      a.dept === b.dept || m.world.depts[a.dept]!.parent === m.world.depts[b.dept]!.parent;
    personal(m, 'colleague', wanted, {
      snooper: (s) => clinicalUser(s) && !s.manager,
      targets: (s) => {
        const mine = m.circleOf(s);
        return m.world.staff
          .filter(
            (c) => c.idx !== s.idx && c.patient >= 0 && sameClinic(s, c) && !mine.has(c.patient) && c.addr !== s.addr,
          )
          .map((c) => c.patient);
      },
      trigger: 0.85,
      cover: 0,
      sessions: [1, 2],
      span: [1, 14],
      home: 0.05,
      setup: (_s, p, day) => sickLeave(m, p, day),
    });
  },
};

/** The colleague is away on sick leave from the day of the contact. */
function sickLeave(m: MisusePlanner, p: number, day: number): void {
  const e = m.world.pop.patients[p]!.employee;
  if (e < 0 || m.usedSnoopers.has(e) || !m.rng.chance(0.6)) return;
  const len = m.rng.int(5, 25);
  for (let k = 0; k < len; k++) m.world.staff[e]!.off.add(day + k);
}

const newsworthy: Scenario = {
  name: 'newsworthy_patient',
  weight: 12,
  plant: (m, wanted) => {
    const rng = m.rng;
    const D = (id: string): number => m.world.deptById.get(id)!;
    const excluded = new Set(
      [
        'BRK-AMOT',
        'BRK-INT',
        'BRK-ANE',
        'BRK-POST',
        'BRK-OP',
        'BRK-ORT',
        'BRK-KSP1',
        'BRK-BIOK',
        'BRK-MIKR',
        'BRK-BLOD',
        'BRK-RTG',
        'BRK-APO',
        'BRK-FYS',
        'STAB-KOD',
        'STAB-SKR',
        'STAB-DOK',
        'BRK-PAT',
        'BRK-POOL',
      ].map(D),
    );
    let planted = 0;
    let guard = 0;
    while (planted < wanted && guard++ < 10) {
      // A local name in the news: a footballer, a mayor, a crime victim. Brought in at night, intensive care.
      const town = m
        .townsfolk(0)
        .filter((p) => m.age(p) >= 18 && m.age(p) <= 70 && m.world.pop.patients[p]!.employee < 0);
      if (town.length === 0) return;
      const p = rng.pick(town);
      const x = rng.int(2, Math.max(2, m.days - 8));
      const arrival = m.at(x, rng.int(0, 5 * 60));
      const ed = D('BRK-AMOT');
      m.planner.add(
        p,
        ed,
        EMERGENCY,
        arrival,
        arrival + rng.int(2, 4) * HOUR,
        m.planner.clinician(ed, x, ['physician']),
      );
      const icuEnd = arrival + 4 * HOUR + rng.int(3, 7) * DAY;
      m.planner.add(
        p,
        D('BRK-INT'),
        INPATIENT,
        arrival + 4 * HOUR,
        icuEnd,
        m.planner.clinician(D('BRK-INT'), x, ['physician']),
      );
      m.planner.inpatientStay(p, D(rng.pick(['BRK-ORT', 'BRK-KSP1'])), icuEnd, rng.logNormal(6, 0.4), 0);
      const size = Math.min(wanted - planted, rng.int(8, 16));
      const pool = rng.shuffle(
        m.staffPool((s) => !excluded.has(s.dept) && s.role !== 'it' && !s.title.includes('student')),
      );
      let snoopers = 0;
      for (const s of pool) {
        if (snoopers >= size) break;
        const shifts = m.shifts(s.idx, x, x + (rng.chance(0.7) ? 2 : 6), (sh) => sh.end > arrival + HOUR);
        if (shifts.length === 0 || !m.claim(s.idx, p, 'newsworthy_patient')) continue;
        const sh = rng.pick(shifts);
        const t0 = Math.max(sh.start + rng.int(10, 120) * MIN, arrival + rng.int(60, 600) * MIN);
        const t = t0 < sh.end - 10 * MIN ? t0 : undefined;
        m.onShift(sh, p, 'newsworthy_patient', rng.pickWeighted(FIRST), 'TREAT', t);
        if (rng.chance(0.15)) m.onShift(rng.pick(shifts), p, 'newsworthy_patient', ['read'], 'TREAT');
        snoopers++;
        planted++;
      }
    }
  },
};

const browsing: Scenario = {
  name: 'browsing',
  weight: 10,
  plant: (m, wanted) => {
    const rng = m.rng;
    let planted = 0;
    const pool = rng.shuffle(
      m.staffPool(
        (s) =>
          (s.role === 'nurse' && (s.model === 'night' || s.model === 'rot3')) ||
          s.role === 'secretary' ||
          s.role === 'admin',
      ),
    );
    for (const s of pool) {
      if (planted >= wanted) break;
      const shifts = m.shifts(s.idx, 0, m.days - 1);
      if (shifts.length < 4) continue;
      const night = shifts.filter((sh) => sh.kind === 'N' || sh.kind === 'E');
      const k = Math.min(wanted - planted, rng.int(4, 9));
      const mine = m.circleOf(s);
      const home = s.addr >= 0 ? m.world.pop.addresses[s.addr]!.muni : 0;
      for (let i = 0; i < k; i++) {
        const town = rng.chance(0.45) ? m.townsfolk(home) : m.townsfolk(rng.int(0, 10));
        if (town.length === 0) continue;
        const p = rng.pick(town);
        if (mine.has(p) || !m.claim(s.idx, p, 'browsing')) continue;
        const sh = night.length > 0 && rng.chance(0.7) ? rng.pick(night) : rng.pick(shifts);
        m.onShift(sh, p, 'browsing', rng.pickWeighted(FIRST));
        planted++;
      }
    }
  },
};

const etreatWithoutEmergency: Scenario = {
  name: 'etreat_without_emergency',
  weight: 5,
  plant: (m, wanted) => {
    const D = (id: string): number => m.world.deptById.get(id)!;
    const acute = new Set(['BRK-AMOT', 'LVK-AMOT', 'BRK-INT', 'BRK-ANE', 'BRK-POST', 'HMO-AKP'].map(D));
    personal(m, 'etreat_without_emergency', wanted, {
      snooper: (s) => clinicalUser(s) && !acute.has(s.dept),
      targets: (s) => {
        const mine = m.circleOf(s);
        const c = m.world.circles[s.idx]!;
        const near = [...m.neighbours(s), ...c.siblings, ...c.inLaws, ...c.exHousehold].filter(
          (p) => !c.household.includes(p),
        );
        if (near.length > 0 && m.rng.chance(0.5)) return near;
        const muni = s.addr >= 0 ? m.world.pop.addresses[s.addr]!.muni : 0;
        return m.rng.sample(m.townsfolk(muni), 50).filter((p) => !mine.has(p) && m.age(p) >= 18);
      },
      trigger: 0,
      cover: 0,
      sessions: [1, 2],
      span: [1, 40],
      home: 0,
      first: [
        [['search', 'read', 'read'], 60],
        [['read', 'read'], 40],
      ],
      again: [[['read'], 1]],
      pur: 'ETREAT',
      setup: (_s, p, day) => {
        // The motive: a restricted psychiatric record from an earlier course of treatment.
        const d = day - m.rng.int(60, 500);
        const start = m.at(d, m.rng.int(9 * 60, 15 * 60));
        m.planner.add(
          p,
          D('HMO-DPS'),
          OUTPATIENT,
          start,
          start + 45 * MIN,
          m.planner.clinician(D('HMO-DPS'), d, ['therapist']),
        );
      },
    });
  },
};

const afterEmployment: Scenario = {
  name: 'after_employment',
  weight: 5,
  plant: (m, wanted) => {
    const rng = m.rng;
    let planted = 0;
    const leavers = rng.shuffle(
      m.world.staff.filter(
        (s) =>
          !s.service &&
          s.to !== null &&
          s.worksUntil === s.to &&
          s.to >= 2 &&
          s.to <= m.days - 10 &&
          !s.title.includes('student') &&
          !m.usedSnoopers.has(s.idx),
      ),
    );
    for (const s of leavers) {
      if (planted >= wanted) break;
      const c = m.world.circles[s.idx]!;
      const colleagues = m.world.staff
        .filter((o) => o.dept === s.dept && o.patient >= 0 && o.idx !== s.idx)
        .map((o) => o.patient);
      const known = m.planner.known.get(s.dept) ?? [];
      const pool = [
        ...colleagues,
        ...c.ex,
        ...c.siblings,
        ...m.neighbours(s),
        ...(known.length ? rng.sample(known, 5) : []),
      ];
      if (pool.length === 0) continue;
      const k = Math.min(wanted - planted, rng.int(1, 2));
      const ws = s.homeClient ?? m.newClient();
      for (const p of rng.sample(pool, k)) {
        if (!m.claim(s.idx, p, 'after_employment')) continue;
        const sessions = rng.int(1, 3);
        for (let j = 0; j < sessions; j++) {
          const d = rng.int(s.to! + 2, Math.min(m.days - 1, s.to! + 45));
          const recipe: Recipe = [
            [['search', 'read'], 50],
            [['search', 'read', 'print'], 20],
            [['read'], 30],
          ];
          m.fromHome(s.idx, p, 'after_employment', d, 16 * 60, 23 * 60 + 30, rng.pickWeighted(recipe), ws);
        }
        planted++;
      }
    }
  },
};

// ------------------------------------------------------------------------------------------- less usual kinds

/** A colleague walks up to a terminal left logged in and looks up someone they know; the log shows the owner. */
const unlockedSession: Scenario = {
  name: 'unlocked_session',
  weight: 3,
  plant: (m, wanted) => {
    const rng = m.rng;
    let planted = 0;
    const wards = m.world.depts.filter((d) => d.kind === 'ward' || d.kind === 'emergency');
    for (let tries = 0; tries < 200 + wanted * 60 && planted < wanted; tries++) {
      const ward = rng.pick(wards);
      const people = m.world.staff.filter(
        (s) =>
          s.dept === ward.idx && !s.service && (s.role === 'nurse' || s.role === 'other' || s.role === 'secretary'),
      );
      if (people.length < 2) continue;
      const [a, b] = rng.sample(people, 2) as [Staff, Staff];
      if (m.usedSnoopers.has(a.idx) || a.addr === b.addr) continue;
      const cb = m.world.circles[b.idx]!;
      const mineA = m.circleOf(a);
      const targets = [...cb.ex, ...cb.exHousehold, ...cb.siblings, ...m.neighbours(b)].filter(
        (p) => !mineA.has(p) && m.age(p) >= 16,
      );
      if (targets.length === 0) continue;
      const d = rng.int(1, m.days - 2);
      const sa = m.shifts(a.idx, d, d).filter((sh) => sh.kind === 'D' || sh.kind === 'E');
      const sb = m.shifts(b.idx, d, d).filter((sh) => sa.some((x) => x.kind === sh.kind));
      if (sa.length === 0 || sb.length === 0) continue;
      const p = rng.pick(targets);
      if (!m.claim(a.idx, p, 'unlocked_session')) continue;
      const sh = sa[0]!;
      const t = sh.start + rng.int(60, 420) * MIN;
      m.session(
        a.idx,
        p,
        'unlocked_session',
        Math.min(t, sh.end - 20 * MIN),
        rng.pickWeighted(FIRST),
        'TREAT',
        sh.logDept,
        sh.ws,
      );
      planted++;
    }
  },
};

/** A clinician about to leave for private practice prints and exports the records of their own patients. */
const departureExfiltration: Scenario = {
  name: 'departure_exfiltration',
  weight: 6,
  plant: (m, wanted) => {
    const rng = m.rng;
    const encs = m.planner.encs;
    const opd = (s: Staff): boolean =>
      ['dps', 'bup', 'opd', 'onc'].includes(m.world.depts[s.dept]!.tag) &&
      (s.role === 'physician' || s.role === 'therapist');
    let planted = 0;
    const candidates = rng.shuffle(
      m.world.staff.filter((s) => !s.service && opd(s) && !m.usedSnoopers.has(s.idx) && s.from < -200),
    );
    for (const s of candidates) {
      if (planted >= wanted) break;
      const mine: number[] = [];
      const seen = new Set<number>();
      for (let i = 0; i < encs.n; i++)
        if (encs.clin[i] === s.idx && encs.kind[i] === OUTPATIENT && !seen.has(encs.patient[i]!)) {
          seen.add(encs.patient[i]!);
          mine.push(encs.patient[i]!);
        }
      if (mine.length < 5) continue;
      // Resignation: the last working day falls inside the window.
      if (s.to === null || s.to > m.days - 2 || s.to < 15) {
        s.to = rng.int(Math.max(15, Math.floor(m.days * 0.45)), Math.max(16, m.days - 2));
      }
      s.worksUntil = s.to;
      const shifts = m.shifts(s.idx, s.to - 14, s.to, (sh) => sh.kind === 'D' || sh.kind === 'remote');
      if (shifts.length < 2) continue;
      const k = Math.min(wanted - planted, rng.int(6, 12), mine.length);
      const chosen = rng.sample(mine, k);
      for (const p of chosen) {
        if (!m.claim(s.idx, p, 'departure_exfiltration', true)) continue;
        const sh = rng.pick(shifts);
        const t = sh.end - rng.int(20, 150) * MIN;
        const recipe: Recipe = [
          [['read', 'print'], 40],
          [['export'], 30],
          [['read', 'export'], 30],
        ];
        m.onShift(sh, p, 'departure_exfiltration', rng.pickWeighted(recipe), 'TREAT', t);
        planted++;
      }
      m.usedSnoopers.add(s.idx);
    }
  },
};

/** Phished credentials used at night from an unknown computer: searches, reads and exports in quick succession. */
const compromisedAccount: Scenario = {
  name: 'compromised_account',
  weight: 8,
  plant: (m, wanted) => {
    const rng = m.rng;
    let planted = 0;
    for (const s of rng.shuffle(
      m.staffPool((x) => x.role === 'nurse' || x.role === 'physician' || x.role === 'secretary'),
    )) {
      if (planted >= wanted) break;
      const ws = m.newClient();
      const nights = rng.int(1, 2);
      const left = wanted - planted;
      const k = left <= 14 ? left : rng.int(6, 12);
      let t = 0;
      const recipe: Recipe = [
        [['search', 'read'], 45],
        [['search', 'read', 'export'], 40],
        [['search', 'read', 'read'], 15],
      ];
      const first = rng.int(3, Math.max(3, m.days - 3));
      for (let i = 0; i < k; i++) {
        if (i === 0 || (nights === 2 && i === Math.ceil(k / 2))) {
          const d = i === 0 ? first : Math.min(m.days - 1, first + rng.int(1, 5));
          t = m.at(d, rng.int(40, 4 * 60 + 10));
        }
        const p = rng.pick(m.townsfolk(rng.int(0, 10)));
        if (!m.claim(s.idx, p, 'compromised_account')) continue;
        t =
          m.session(s.idx, p, 'compromised_account', t, rng.pickWeighted(recipe), 'TREAT', s.dept, ws) +
          rng.int(40, 360) * 1000;
        planted++;
      }
    }
  },
};

/** A colleague asks for a favour: "can you check how my ex is doing?" The looker has no link to the patient. */
const favourForColleague: Scenario = {
  name: 'favour_for_colleague',
  weight: 3,
  plant: (m, wanted) => {
    const rng = m.rng;
    let planted = 0;
    for (const b of rng.shuffle(m.world.staff.filter((s) => !s.service && m.world.circles[s.idx]!.ex.length > 0))) {
      if (planted >= wanted) break;
      const friends = m.staffPool((a) => a.dept === b.dept && a.idx !== b.idx && a.addr !== b.addr && clinicalUser(a));
      if (friends.length === 0) continue;
      const a = rng.pick(friends);
      const cb = m.world.circles[b.idx]!;
      const p = rng.pick([...cb.ex, ...cb.exHousehold.filter((x) => m.age(x) >= 16)]);
      if (m.circleOf(a).has(p)) continue;
      const x = rng.int(1, m.days - 3);
      const shifts = m.shifts(a.idx, x, x + 7);
      if (shifts.length === 0 || !m.claim(a.idx, p, 'favour_for_colleague')) continue;
      const n = Math.min(shifts.length, rng.int(1, 2));
      rng
        .sample(shifts, n)
        .forEach((sh, k) => m.onShift(sh, p, 'favour_for_colleague', rng.pickWeighted(k === 0 ? FIRST : AGAIN)));
      planted++;
    }
  },
};

/** A unit manager reads the record of an employee on sick leave, sometimes under an "operations" purpose. */
const managerChecksEmployee: Scenario = {
  name: 'manager_checks_employee',
  weight: 3,
  plant: (m, wanted) =>
    personal(m, 'manager_checks_employee', wanted, {
      snooper: (s) => s.manager,
      targets: (s) =>
        m.world.staff
          .filter(
            (e) =>
              e.dept === s.dept && e.idx !== s.idx && e.patient >= 0 && e.addr !== s.addr && !m.usedSnoopers.has(e.idx),
          )
          .map((e) => e.patient),
      trigger: 1,
      cover: 0,
      sessions: [1, 2],
      span: [2, 12],
      home: 0,
      pur: 'HOPERAT',
      setup: (_s, p, day) => {
        const e = m.world.pop.patients[p]!.employee;
        const len = m.rng.int(8, 30);
        for (let k = 0; k < len; k++) m.world.staff[e]!.off.add(day + k);
      },
    }),
};

/**
 * A nurse or doctor who treated someone in the emergency department or intensive care keeps reading the record
 * weeks after the patient moved on. The early lookups are real care; the pair is misuse because of the later ones.
 */
const lingeringInterest: Scenario = {
  name: 'lingering_interest',
  weight: 5,
  plant: (m, wanted) => {
    const rng = m.rng;
    const encs = m.planner.encs;
    const units = new Set(['BRK-AMOT', 'LVK-AMOT', 'BRK-INT'].map((id) => m.world.deptById.get(id)!));
    const byUnit = new Map<number, number[]>();
    const day0 = m.sched.day(0).start;
    const lastStart = m.sched.day(Math.max(1, m.days - 25)).start;
    for (let i = 0; i < encs.n; i++) {
      const d = encs.dept[i]!;
      if (!units.has(d) || encs.start[i]! < day0 || encs.start[i]! > lastStart) continue;
      if (encs.kind[i] !== EMERGENCY && encs.kind[i] !== INPATIENT) continue;
      (byUnit.get(d) ?? byUnit.set(d, []).get(d)!).push(i);
    }
    let planted = 0;
    for (const s of rng.shuffle(
      m.staffPool((x) => units.has(x.dept) && (x.role === 'nurse' || x.role === 'physician')),
    )) {
      if (planted >= wanted) break;
      const list = byUnit.get(s.dept) ?? [];
      const shifts = m.shifts(s.idx, 0, m.days - 25, (sh) => sh.kind !== 'oncall');
      let done = false;
      for (let tries = 0; tries < 20 && !done && shifts.length > 0 && list.length > 0; tries++) {
        const sh = rng.pick(shifts);
        const e = list.find(
          (i) =>
            encs.start[i]! < sh.end - 30 * MIN && encs.end[i]! > sh.start + 30 * MIN && m.age(encs.patient[i]!) >= 16,
        );
        if (e === undefined) continue;
        const p = encs.patient[e]!;
        if (m.world.pop.patients[p]!.employee >= 0 || !m.claim(s.idx, p, 'lingering_interest')) continue;
        const t = Math.max(sh.start, encs.start[e]!) + rng.int(5, 40) * MIN;
        m.onShift(
          sh,
          p,
          'lingering_interest',
          rng.pickWeighted([
            [['read', 'update'], 50],
            [['read', 'create', 'update'], 50],
          ] as Recipe),
          'TREAT',
          Math.min(t, sh.end - 10 * MIN),
        );
        const later = m.shifts(s.idx, sh.day + 14, sh.day + 60, (x) => x.kind !== 'oncall');
        const n = Math.min(later.length, rng.int(1, 3));
        for (const l of rng.sample(later, n)) m.onShift(l, p, 'lingering_interest', rng.pickWeighted(AGAIN));
        if (n === 0) m.onShift(sh, p, 'lingering_interest', ['read']);
        done = true;
        planted++;
      }
    }
  },
};

/** Checking out a date: a stranger of the opposite sex and similar age, found by name, in the same town. */
const dateCheck: Scenario = {
  name: 'date_check',
  weight: 3,
  plant: (m, wanted) =>
    personal(m, 'date_check', wanted, {
      snooper: (s) =>
        anyUser(s) &&
        m.age(s) >= 20 &&
        m.age(s) <= 48 &&
        !m.world.circles[s.idx]!.household.some((p) => m.age(p) >= 18),
      targets: (s) => {
        const muni = s.addr >= 0 ? m.world.pop.addresses[s.addr]!.muni : 0;
        const mine = m.circleOf(s);
        return m.rng
          .sample(m.townsfolk(muni), 400)
          .filter(
            (p) =>
              !mine.has(p) &&
              m.world.pop.patients[p]!.sex !== s.sex &&
              Math.abs(m.age(p) - m.age(s)) <= 6 &&
              m.world.pop.patients[p]!.employee < 0,
          );
      },
      trigger: 0,
      cover: 0,
      sessions: [1, 2],
      span: [1, 30],
      home: 0.5,
      first: [
        [['search', 'read'], 70],
        [['search', 'read', 'read'], 30],
      ],
    }),
};

/** The snooper first records a care relation to themselves ("I have a reason") and then reads. */
const selfDeclaredAccess: Scenario = {
  name: 'self_declared_access',
  weight: 4,
  plant: (m, wanted) =>
    personal(m, 'self_declared_access', wanted, {
      snooper: (s) => clinicalUser(s),
      targets: (s) => {
        const c = m.world.circles[s.idx]!;
        const colleagues = m.world.staff
          .filter((o) => o.dept === s.dept && o.patient >= 0 && o.addr !== s.addr && o.idx !== s.idx)
          .map((o) => o.patient);
        return m.rng.pick([m.neighbours(s), [...c.siblings, ...c.inLaws, ...c.ex], colleagues]);
      },
      trigger: 0.4,
      cover: 0,
      sessions: [1, 2],
      span: [1, 10],
      home: 0,
      onSession: (sh, p, k) => {
        const t = sh.start + m.rng.int(30, Math.max(31, Math.floor((sh.end - sh.start) / MIN) - 30)) * MIN;
        if (k === 0)
          m.relation({
            patient: p,
            user: sh.staff,
            dept: -1,
            from: t - m.rng.int(1, 4) * MIN,
            to: t + m.rng.int(1, 3) * DAY,
            kind: m.rng.chance(0.5) ? 'assigned' : 'consult',
          });
        m.onShift(sh, p, 'self_declared_access', k === 0 ? ['search', 'read', 'read'] : ['read'], 'TREAT', t);
      },
    }),
};

export const SCENARIOS: readonly Scenario[] = [
  selfLookup,
  familySameAddress,
  exPartner,
  neighbour,
  colleague,
  newsworthy,
  browsing,
  etreatWithoutEmergency,
  afterEmployment,
  relativeElsewhere,
  unlockedSession,
  departureExfiltration,
  compromisedAccount,
  favourForColleague,
  managerChecksEmployee,
  lingeringInterest,
  dateCheck,
  selfDeclaredAccess,
];
