/**
 * Employees: head count per unit, role, title, employment period, shift model and part-time share, remote access,
 * and the people around each employee (household, parents, siblings, grown children, in-laws, an ex-partner and the
 * ex's new household). Every employee gets such a circle by the same rules, so having relatives is no signal.
 */
import { roleMix } from './departments.js';
import { drawFamilyName, drawGroup, drawGivenName, fold } from './names.js';
import type { Population } from './population.js';
import { MUNICIPALITIES } from './population.js';
import type { Rng } from './rng.js';
import type { Circle, Dept, Role, ShiftModel, Staff } from './types.js';

const SERVICE_ACCOUNTS = [
  ['svc-labsvar', 'Labsvar'],
  ['svc-ris', 'RIS-integrasjon'],
  ['svc-dokimport', 'Dokumentimport'],
  ['svc-epikrise', 'Epikriseutsending'],
] as const;

const WARDISH = new Set([
  'med',
  'geri',
  'stroke',
  'surg',
  'ortho',
  'gyn',
  'peds',
  'obst',
  'icu',
  'postop',
  'neo',
  'psych',
  'tsb',
]);

function allocate(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const raw = weights.map((w) => (w / sum) * total);
  const out = raw.map((x) => (x > 0 ? Math.max(1, Math.floor(x)) : 0));
  let left = total - out.reduce((a, b) => a + b, 0);
  const order = raw.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; left > 0 && k < order.length * 4; k++) {
    const i = order[k % order.length]![1];
    if (raw[i]! > 0) {
      out[i]!++;
      left--;
    }
  }
  return out;
}

/** Roles for n people in a unit, following the mix with largest-remainder rounding. */
function rolesFor(mix: readonly (readonly [string, number])[], n: number): Role[] {
  const counts = allocate(
    n,
    mix.map((m) => m[1]),
  );
  const roles: Role[] = [];
  mix.forEach((m, i) => {
    for (let k = 0; k < counts[i]!; k++) roles.push(m[0] as Role);
  });
  return roles.slice(0, n);
}

function titleFor(rng: Rng, role: Role, dept: Dept): string {
  const t = dept.tag;
  switch (role) {
    case 'physician':
      return rng.pickWeighted([
        ['Overlege', 45],
        ['Lege i spesialisering', 47],
        ['LIS1', t === 'med' || t === 'surg' || t === 'ed' ? 12 : 0],
      ]);
    case 'nurse':
      if (t === 'icu' || t === 'postop') return rng.chance(0.8) ? 'Intensivsjukepleiar' : 'Sjukepleiar';
      if (t === 'anest') return 'Anestesisjukepleiar';
      if (t === 'theatre') return 'Operasjonssjukepleiar';
      if (t === 'obst') return rng.chance(0.55) ? 'Jordmor' : 'Sjukepleiar';
      if (t === 'coding') return 'Kodekonsulent';
      if (t === 'quality') return 'Registerkoordinator';
      if (t === 'research') return 'Studiesjukepleiar';
      return rng.chance(0.75) ? 'Sjukepleiar' : 'Spesialsjukepleiar';
    case 'secretary':
      return rng.chance(0.7) ? 'Helsesekretær' : 'Kontormedarbeidar';
    case 'lab':
      return 'Bioingeniør';
    case 'radiology':
      return 'Radiograf';
    case 'pharmacist':
      return rng.chance(0.6) ? 'Provisorfarmasøyt' : 'Farmasøyt';
    case 'therapist':
      if (t === 'ergo') return 'Ergoterapeut';
      if (t === 'dps' || t === 'bup' || t === 'psych' || t === 'tsb')
        return rng.chance(0.5) ? 'Psykolog' : 'Psykologspesialist';
      return 'Fysioterapeut';
    case 'admin':
      if (t === 'ptoffice') return 'Konsulent';
      if (t === 'archive') return 'Arkivmedarbeidar';
      if (t === 'coding') return 'Kodekonsulent';
      if (t === 'quality') return 'Rådgivar';
      if (t === 'billing') return 'Økonomikonsulent';
      return 'Rådgivar';
    case 'it':
      return rng.chance(0.5) ? 'Systemkonsulent' : 'Applikasjonsforvaltar';
    case 'other':
      if (t === 'psych' || t === 'tsb') return 'Miljøterapeut';
      if (t === 'social') return 'Sosionom';
      if (t === 'research') return rng.chance(0.5) ? 'Forskar' : 'Stipendiat';
      if (t === 'archive') return 'Arkivmedarbeidar';
      return 'Helsefagarbeidar';
  }
}

function modelFor(rng: Rng, role: Role, dept: Dept): ShiftModel {
  const t = dept.tag;
  const office = dept.kind === 'administration' || t === 'research' || t === 'social' || t === 'physio' || t === 'ergo';
  if (office) return 'office';
  if (role === 'physician') return t === 'ed' ? 'ed' : 'phys';
  if (role === 'secretary') return t === 'ed' ? 'rot2' : 'office';
  if (role === 'lab' || role === 'radiology') return 'lab';
  if (role === 'pharmacist' || role === 'therapist') return 'day';
  if (t === 'ed') return 'ed';
  if (WARDISH.has(t) || t === 'pool') {
    return rng.pickWeighted<ShiftModel>([
      ['rot3', 62],
      ['rot2', 20],
      ['night', 10],
      ['day', 8],
    ]);
  }
  if (t === 'theatre' || t === 'anest') return 'rot2';
  return 'day';
}

function fteFor(rng: Rng, role: Role): number {
  if (role === 'physician')
    return rng.pickWeighted([
      [1, 85],
      [0.8, 10],
      [0.5, 5],
    ] as const);
  if (role === 'nurse' || role === 'other')
    return rng.pickWeighted([
      [1, 35],
      [0.8, 20],
      [0.75, 15],
      [0.6, 12],
      [0.5, 10],
      [0.25, 8],
    ] as const);
  return rng.pickWeighted([
    [1, 70],
    [0.8, 15],
    [0.6, 10],
    [0.5, 5],
  ] as const);
}

function homeMuni(rng: Rng, site: number): number {
  const byName = (n: string): number => MUNICIPALITIES.findIndex((m) => m.name === n);
  const choices: (readonly [string, number])[] =
    site === 1
      ? [
          ['Lindvik', 58],
          ['Kvernes', 14],
          ['Nordøy', 12],
          ['Skogsbø', 8],
          ['Brekkestad', 8],
        ]
      : site === 2
        ? [
            ['Haugmo', 45],
            ['Brekkestad', 35],
            ['Eidevik', 10],
            ['Sørfjord', 10],
          ]
        : [
            ['Brekkestad', 58],
            ['Sørfjord', 10],
            ['Eidevik', 9],
            ['Vassbygd', 7],
            ['Haugmo', 8],
            ['Fjellstrand', 5],
            ['Tverrdal', 3],
          ];
  return byName(rng.pickWeighted(choices));
}

const pcName = (rng: Rng): string => {
  const chars = 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789';
  let s = '';
  for (let i = 0; i < 7; i++) s += chars[rng.int(0, chars.length - 1)];
  return rng.chance(0.7) ? `DESKTOP-${s}` : `LAPTOP-${s}`;
};

export interface StaffResult {
  staff: Staff[];
  circles: Circle[];
}

export function buildStaff(rng: Rng, depts: Dept[], pop: Population, count: number, days: number): StaffResult {
  const staff: Staff[] = [];
  const groupOf = new Map<number, number>();
  const usedIds = new Map<string, number>();
  const makeId = (given: string, family: string): string => {
    const base = (fold(given.split(' ')[0]!).slice(0, 3) + fold(family.split(' ').pop()!).slice(0, 3)).padEnd(4, 'x');
    const n = (usedIds.get(base) ?? 0) + 1;
    usedIds.set(base, n);
    return n === 1 ? base : `${base}${n}`;
  };
  const ikt = depts.find((d) => d.tag === 'ikt')!.idx;

  const base = (over: Partial<Staff>): Staff => ({
    idx: staff.length,
    id: '',
    family: '',
    given: '',
    role: 'other',
    title: '',
    dept: ikt,
    addr: -1,
    patient: -1,
    birthYear: pop.year - 40,
    sex: 0,
    from: -3000,
    to: null,
    worksUntil: null,
    model: 'office',
    fte: 1,
    phase: 0,
    oncallEvery: 0,
    homeClient: null,
    laptop: null,
    off: new Set<number>(),
    study: -1,
    manager: false,
    service: false,
    ...over,
  });

  for (const [id, name] of SERVICE_ACCOUNTS) {
    staff.push(
      base({
        id,
        family: 'Tenestekonto',
        given: name,
        role: 'it',
        title: 'Tenestekonto',
        model: 'system',
        service: true,
        from: -2500,
      }),
    );
  }

  const clinical = depts.filter((d) => d.weight > 0);
  const perDept = allocate(
    count - staff.length,
    clinical.map((d) => d.weight),
  );
  clinical.forEach((dept, di) => {
    const n = perDept[di]!;
    const roles = rng.shuffle(rolesFor(roleMix(dept.tag), n));
    roles.forEach((drawnRole, k) => {
      let role = drawnRole;
      const group = rng.chance(0.84) ? 0 : drawGroup(rng);
      const sex: 0 | 1 = rng.chance(role === 'nurse' || role === 'secretary' ? 0.12 : role === 'it' ? 0.7 : 0.45)
        ? 0
        : 1;
      const student = (role === 'nurse' || role === 'other') && WARDISH.has(dept.tag) && rng.chance(0.05);
      const age = student ? rng.int(20, 27) : role === 'physician' ? rng.int(27, 68) : rng.int(22, 67);
      const birthYear = pop.year - age;
      const given = drawGivenName(rng, group, sex, birthYear);
      const family = drawFamilyName(rng, group);
      groupOf.set(staff.length, group);
      let title = titleFor(rng, role, dept);
      const manager = k === 0 && dept.kind !== 'administration' && n >= 4;
      if (manager) {
        // Unit managers come from the unit's main profession (nurses on wards, clinics and the emergency department).
        const kindRole: Partial<Record<string, Role>> = { lab: 'lab', radiology: 'radiology', pharmacy: 'pharmacist' };
        role =
          kindRole[dept.kind] ??
          (dept.tag === 'physio' || dept.tag === 'ergo' ? 'therapist' : dept.tag === 'social' ? 'other' : 'nurse');
        title = dept.kind === 'ward' ? 'Seksjonsleiar' : 'Avdelingsleiar';
      }
      if (student) title = role === 'nurse' ? 'Sjukepleiarstudent' : 'Medisinstudent';

      // Employment: most have been there for years; some arrive, some leave, students and temps come and go.
      let from = -rng.int(30, 9000);
      let to: number | null = null;
      let worksUntil: number | null = null;
      const r = rng.next();
      if (student) {
        from = rng.int(-20, Math.max(0, days - 30));
        to = from + rng.int(42, 56);
      } else if (r < 0.04) {
        from = rng.int(0, Math.max(1, days - 10));
      } else if (r < 0.075) {
        to = rng.int(4, Math.max(5, days - 3));
      } else if (r < 0.1) {
        from = rng.int(-40, Math.max(1, days - 30));
        to = from + rng.int(30, 100);
        // Temps whose contract expired on paper but who keep taking shifts for a while.
        if (to < days - 5 && rng.chance(0.25)) worksUntil = to + rng.int(4, 20);
      }
      if (to !== null && worksUntil === null) worksUntil = to;

      const model = manager ? 'office' : modelFor(rng, role, dept);
      const remoteP: Record<string, number> = { physician: 0.45, it: 0.9, admin: 0.3, secretary: 0.12 };
      let remote = rng.chance(remoteP[role] ?? 0.03);
      if (dept.tag === 'coding' || dept.tag === 'typing' || dept.tag === 'quality' || dept.tag === 'research')
        remote = rng.chance(0.65);
      if (manager) remote = rng.chance(0.5);
      staff.push(
        base({
          family,
          given,
          role,
          title,
          dept: dept.idx,
          birthYear,
          sex,
          from,
          to,
          worksUntil,
          model,
          fte: student ? 1 : fteFor(rng, role),
          phase: rng.int(0, 20),
          oncallEvery: role === 'physician' ? rng.int(5, 9) : 0,
          homeClient: remote ? pcName(rng) : null,
          laptop:
            role === 'physician' && rng.chance(0.35)
              ? `LT${rng.int(10000, 99999)}`
              : role === 'it'
                ? `LT${rng.int(10000, 99999)}`
                : null,
          manager,
        }),
      );
    });
  });
  for (const s of staff) if (!s.id) s.id = makeId(s.given, s.family);

  const circles = buildCircles(rng, staff, depts, pop, groupOf);
  return { staff, circles };
}

function buildCircles(
  rng: Rng,
  staff: Staff[],
  depts: Dept[],
  pop: Population,
  groupOf: Map<number, number>,
): Circle[] {
  const circles: Circle[] = staff.map(() => ({
    household: [],
    parents: [],
    siblings: [],
    adultChildren: [],
    inLaws: [],
    ex: [],
    exHousehold: [],
  }));
  const people = staff.filter((s) => !s.service);
  // Couples where both work in the trust (about one employee in twenty).
  const partnerOf = new Map<number, number>();
  const adults = rng.shuffle(people.filter((s) => pop.year - s.birthYear >= 26).map((s) => s.idx));
  for (let i = 0; i + 1 < adults.length && partnerOf.size < people.length * 0.05; i += 2) {
    const a = staff[adults[i]!]!;
    const b = staff[adults[i + 1]!]!;
    if (Math.abs(a.birthYear - b.birthYear) > 8 || a.sex === b.sex) continue;
    partnerOf.set(a.idx, b.idx);
    partnerOf.set(b.idx, a.idx);
  }

  const selfRecord = (s: Staff, addr: number): void => {
    s.addr = addr;
    if (rng.chance(0.58)) {
      s.patient = pop.addPerson(s.family, s.given, s.birthYear, s.sex, addr);
      pop.patients[s.patient]!.employee = s.idx;
    }
  };

  const households = new Map<
    number,
    { muni: number; members: number[]; family: string; partnerFamily: string | null }
  >();
  for (const s of people) {
    const age = pop.year - s.birthYear;
    const c = circles[s.idx]!;
    const group = groupOf.get(s.idx) ?? 0;
    const colleague = partnerOf.get(s.idx);
    const shared = colleague !== undefined ? households.get(colleague) : undefined;
    let muni: number;
    let birthFamily = s.family;
    let partnerFamily: string | null = null;
    let kidsFamily = s.family;
    if (shared) {
      // The second of a couple who both work here: moves into the household made for the first.
      muni = shared.muni;
      selfRecord(s, staff[colleague!]!.addr);
      partnerFamily = shared.family;
      kidsFamily = pop.childFamily(shared.family, s.family);
      const partner = staff[colleague!]!;
      for (const m of shared.members) if (m !== s.patient) c.household.push(m);
      if (partner.patient >= 0) c.household.push(partner.patient);
      if (s.patient >= 0) circles[colleague!]!.household.push(s.patient);
    } else {
      muni = homeMuni(rng, depts[s.dept]!.site);
      const addr = pop.newDwelling(muni, age < 30 ? rng.chance(0.75) : undefined);
      selfRecord(s, addr);
      const hasPartner = colleague !== undefined || (age >= 24 && rng.chance(age < 30 ? 0.45 : 0.68));
      if (hasPartner) {
        partnerFamily =
          colleague !== undefined ? staff[colleague]!.family : rng.chance(0.5) ? s.family : drawFamilyName(rng, group);
        if (colleague === undefined) {
          const pAge = Math.max(20, age + Math.round(rng.normal() * 3.5));
          c.household.push(pop.person(group, partnerFamily, pAge, s.sex === 0 ? 1 : 0, addr));
        }
        // A woman who took her partner's name: her parents and siblings carry her birth name.
        if (s.sex === 1 && partnerFamily === s.family && rng.chance(0.5)) birthFamily = drawFamilyName(rng, group);
        kidsFamily = pop.childFamily(s.family, partnerFamily);
        if (age >= 27 && age <= 58 && rng.chance(0.62)) {
          const kids = rng.weighted([35, 45, 17, 3]) + 1;
          for (let k = 0; k < kids; k++) {
            const kidAge = age - rng.int(24, 40);
            if (kidAge < 0 || kidAge > 22) continue;
            c.household.push(pop.person(group, kidsFamily, kidAge, rng.chance(0.5) ? 0 : 1, addr));
          }
        }
      }
      households.set(s.idx, { muni, members: [...c.household], family: s.family, partnerFamily });
    }

    const otherMuni = (): number => (rng.chance(0.5) ? muni : pop.drawMunicipality());
    // Parents (a widowed parent living alone is usually the mother).
    const parentP = age < 40 ? 0.9 : age < 55 ? 0.7 : age < 65 ? 0.4 : 0.1;
    if (rng.chance(parentP)) {
      const pAddr = pop.newDwelling(otherMuni());
      const pAge = Math.min(98, age + rng.int(23, 36));
      if (pAge < 85 ? rng.chance(0.7) : rng.chance(0.3)) {
        c.parents.push(pop.person(group, birthFamily, pAge, 0, pAddr));
        c.parents.push(
          pop.person(
            group,
            rng.chance(0.75) ? birthFamily : drawFamilyName(rng, group),
            pAge - rng.int(0, 4),
            1,
            pAddr,
          ),
        );
      } else {
        c.parents.push(pop.person(group, birthFamily, pAge, rng.chance(0.65) ? 1 : 0, pAddr));
      }
    }
    // Siblings with their own households.
    const nSib = rng.weighted([30, 40, 22, 8]);
    for (let k = 0; k < nSib; k++) {
      const sibAge = Math.max(18, age + rng.int(-8, 8));
      const sibFam = rng.chance(0.8) ? birthFamily : drawFamilyName(rng, group);
      const kind = rng.chance(0.55) ? 'family' : rng.chance(0.5) ? 'couple' : 'single';
      const members = pop.household(otherMuni(), kind, group, sibFam, sibAge);
      c.siblings.push(members[0]!);
    }
    // Grown children who have moved out.
    if (age >= 48 && rng.chance(0.6)) {
      const n = rng.int(1, 2);
      for (let k = 0; k < n; k++) {
        const kidAge = age - rng.int(24, 35);
        if (kidAge < 19) continue;
        const members = pop.household(otherMuni(), rng.chance(0.5) ? 'single' : 'couple', group, kidsFamily, kidAge);
        c.adultChildren.push(members[0]!);
      }
    }
    // Parents-in-law.
    if (partnerFamily !== null && rng.chance(0.45)) {
      const lAddr = pop.newDwelling(otherMuni());
      const lAge = Math.min(97, age + rng.int(24, 34));
      c.inLaws.push(pop.person(group, partnerFamily, lAge, 0, lAddr));
      if (rng.chance(0.7)) c.inLaws.push(pop.person(group, partnerFamily, lAge - rng.int(0, 4), 1, lAddr));
    }
    // An ex-partner, often with a child who carries the employee's name, sometimes with a new partner.
    if (age >= 27 && rng.chance(0.2)) {
      const exAddr = pop.newDwelling(otherMuni());
      const exGroup = rng.chance(0.9) ? group : drawGroup(rng);
      const exFam = drawFamilyName(rng, exGroup);
      const exAge = Math.max(20, age + rng.int(-6, 6));
      c.ex.push(pop.person(exGroup, exFam, exAge, s.sex === 0 ? 1 : 0, exAddr));
      if (rng.chance(0.5))
        c.exHousehold.push(pop.person(exGroup, drawFamilyName(rng, exGroup), exAge + rng.int(-5, 5), s.sex, exAddr));
      if (age <= 55 && rng.chance(0.5)) {
        const kidAge = Math.max(0, Math.min(17, age - rng.int(25, 38)));
        c.exHousehold.push(
          pop.person(group, pop.childFamily(exFam, s.family), kidAge, rng.chance(0.5) ? 0 : 1, exAddr),
        );
      }
    }
  }
  return circles;
}
