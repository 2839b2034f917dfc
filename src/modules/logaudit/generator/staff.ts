/**
 * Staffing: how many people of which role each unit has (per bed, with floors so that a small ward still has a
 * roster), who they are (people from the catchment's households, so that staff have families and neighbours among
 * the patients), their employment dates and the workstations they normally use.
 */
import type { Department, Role, StaffMember, WorkPattern, Workstation } from './model.js';
import { familyNameTable } from './names.js';
import type { PopulationBuilder } from './population.js';
import type { Rng } from './rng.js';
import type { Sizing } from './scale.js';
import type { Calendar } from './time.js';

type Need = readonly [role: Role, count: number, pattern: WorkPattern];

function needsOf(d: Department, sizing: Sizing): Need[] {
  const b = d.beds;
  const site = sizing.bedsPerSite;
  const total = sizing.beds;
  const r = Math.round;
  const m = Math.max;
  switch (d.fn) {
    case 'ward':
      return [
        ['nurse', m(5, r(1.45 * b)), 'rotating'],
        ['other', r(0.25 * b), 'rotating'],
        ['physician', m(2, r(0.28 * b)), 'physician'],
        ['secretary', m(1, r(0.05 * b)), 'office'],
      ];
    case 'icu':
      return [
        ['nurse', m(5, r(3.5 * b)), 'rotating'],
        ['physician', m(2, r(0.5 * b)), 'physician'],
        ['secretary', 1, 'office'],
      ];
    case 'outpatient': {
      const weight = d.specialty?.outpatient ?? 1;
      return [
        ['physician', m(1, r(0.12 * b + 0.3 * weight)), 'physician'],
        ['nurse', m(1, r(0.2 * b)), 'office'],
        ['secretary', m(1, r(0.18 * b + 0.3)), 'office'],
      ];
    }
    case 'er':
      return [
        ['nurse', m(6, r(0.1 * site)), 'rotating'],
        ['physician', m(3, r(0.045 * site)), 'er-physician'],
        ['secretary', m(1, r(0.015 * site)), 'office'],
      ];
    case 'lab':
      return [['lab', m(3, r(0.13 * site)), 'diagnostic']];
    case 'micro':
      return [['lab', m(2, r(0.03 * total)), 'diagnostic']];
    case 'pathology':
      return [
        ['lab', m(2, r(0.02 * total)), 'office'],
        ['physician', m(1, r(0.008 * total)), 'physician'],
      ];
    case 'radiology':
      return [
        ['radiology', m(3, r(0.1 * site)), 'diagnostic'],
        ['physician', m(1, r(0.03 * site)), 'physician'],
        ['secretary', m(1, r(0.01 * site)), 'office'],
      ];
    case 'pharmacy':
      return [['pharmacist', m(1, r(0.025 * site)), 'office']];
    case 'therapy':
      return [['therapist', m(2, r(0.08 * site)), 'office']];
    case 'pool':
      return [['nurse', r(0.1 * site), 'rotating']];
    case 'patient-admin':
      return [['secretary', m(2, r(0.06 * site)), 'office']];
    case 'coding':
      return [['secretary', m(1, r(0.015 * total)), 'office']];
    case 'archive':
    case 'quality':
      return [['admin', m(1, r(0.01 * total)), 'office']];
    case 'it':
      return [['it', m(2, r(0.03 * total)), 'office']];
    case 'hr':
      return [
        ['admin', m(1, r(0.03 * total)), 'office'],
        ['other', r(0.01 * total), 'office'],
      ];
    case 'finance':
      return [['admin', m(1, r(0.03 * total)), 'office']];
    case 'root':
    case 'site':
    case 'clinic':
      return [];
  }
}

const femaleShare: Readonly<Record<Role, number>> = {
  physician: 0.52,
  nurse: 0.88,
  secretary: 0.9,
  lab: 0.75,
  radiology: 0.65,
  pharmacist: 0.8,
  therapist: 0.7,
  admin: 0.65,
  it: 0.25,
  other: 0.8,
};

const workstationShare: Partial<Record<Department['fn'], number>> = {
  ward: 0.3,
  icu: 0.3,
  er: 0.35,
  outpatient: 0.7,
  lab: 0.4,
  micro: 0.5,
  radiology: 0.5,
  pool: 0.05,
};

export interface StaffPlan {
  readonly staff: StaffMember[];
  readonly workstations: Workstation[];
  readonly remoteHosts: number[][];
  /** Population index → staff index (−1 when not an employee). */
  readonly employeeOf: Map<number, number>;
}

export function buildStaff(options: {
  departments: Department[];
  sizing: Sizing;
  people: PopulationBuilder;
  rng: Rng;
  calendar: Calendar;
  days: number;
  year: number;
}): StaffPlan {
  const { departments, sizing, people, rng, calendar, days, year } = options;
  const names = familyNameTable().names;
  type Draft = Omit<StaffMember, 'index' | 'userId' | 'workstations' | 'serves'> & {
    workstations: number[];
    serves: number[];
  };
  const drafts: Draft[] = [];
  for (const d of departments) {
    for (const [role, count, pattern] of needsOf(d, sizing)) {
      for (let i = 0; i < count; i += 1) {
        const sex = rng.chance(femaleShare[role]) ? 'f' : 'm';
        const minAge = role === 'physician' ? 27 : 21;
        const birthYear = year - rng.range(minAge, role === 'physician' ? 68 : 66);
        const commuter = rng.chance(0.1);
        const homeSite = commuter ? sizing.sites : d.site;
        const { person, members, birthName } = people.addHouseholdAround(homeSite, { sex, birthYear });
        const relatives = [...members];
        let isPatient = rng.chance(0.5);
        if (commuter) {
          isPatient = false;
          for (const member of members) people.markNotPatient(member);
        } else {
          relatives.push(...people.addRelatives(d.site, birthName, birthYear, people.municipalityOf(person)));
        }
        if (!isPatient) people.markNotPatient(person);
        const employment = employmentOf(rng, days, calendar);
        drafts.push({
          familyName: names[people.familyNameOf(person)] ?? 'Hansen',
          givenName: people.givenNameOf(person),
          role,
          home: d.index,
          site: d.site,
          pattern: rng.chance(0.08) && pattern === 'rotating' ? 'night' : pattern,
          person,
          isPatient,
          municipality: people.municipalityOf(person),
          ...employment,
          workstations: [],
          relatives,
          serves: [],
          officeStart: 7 * 3600 + 30 * 60 + rng.int(6) * 900,
        });
      }
    }
  }

  // Every dataset has at least one leaver during the period (the after-termination scenario needs one).
  const leaverRoles = ['nurse', 'physician', 'secretary', 'other'];
  if (days >= 6 && !drafts.some((d) => d.lastDay !== null && d.lastDay <= days - 3 && leaverRoles.includes(d.role))) {
    const nurses = drafts
      .map((d, i) => ({ d, i }))
      .filter(({ d }) => d.role === 'nurse' && d.firstDay !== null && d.firstDay < 0);
    if (nurses.length > 0) {
      const { d, i } = rng.pick(nurses);
      const lastDay = rng.range(1, days - 4);
      drafts[i] = { ...d, lastDay, employedTo: calendar.day(lastDay).date };
    }
  }

  // Opaque user ids in random order, so that ids say nothing about department or hiring order.
  const order = rng.shuffle(drafts.map((_, i) => i));
  const staff: StaffMember[] = drafts.map((draft, i) => ({
    ...draft,
    index: i,
    userId: `u${String(10000 + (order[i] as number) * 7 + rng.int(7)).padStart(6, '0')}`,
  }));
  for (const member of staff) departments[member.home]?.staff.push(member.index);

  const { workstations, remoteHosts } = assignWorkstations(departments, staff, sizing, rng);
  assignServices(departments, staff, rng);
  const employeeOf = new Map<number, number>();
  for (const member of staff) employeeOf.set(member.person, member.index);
  return { staff, workstations, remoteHosts, employeeOf };
}

function employmentOf(rng: Rng, days: number, calendar: Calendar) {
  const r = rng.float();
  let firstDay = -Math.max(30, Math.round(rng.logNormal(6, 0.9) * 365));
  let lastDay: number | null = null;
  if (r < 0.015) firstDay = rng.range(1, Math.max(1, days - 4));
  else if (r < 0.028) lastDay = rng.range(2, Math.max(2, days - 3));
  else if (r < 0.034) lastDay = -rng.range(20, 180);
  if (lastDay !== null && lastDay <= firstDay) firstDay = lastDay - rng.range(60, 1500);
  return {
    firstDay,
    lastDay,
    employedFrom: calendar.day(firstDay).date,
    employedTo: lastDay === null ? '' : calendar.day(lastDay).date,
  };
}

function assignWorkstations(departments: Department[], staff: StaffMember[], sizing: Sizing, rng: Rng) {
  const workstations: Workstation[] = [];
  const usedNumbers = new Set<number>();
  const newId = (prefix: string, digits: number): string => {
    let n = rng.int(10 ** digits);
    while (usedNumbers.has(n * 10 + prefix.length)) n = rng.int(10 ** digits);
    usedNumbers.add(n * 10 + prefix.length);
    return `${prefix}${String(n).padStart(digits, '0')}`;
  };
  for (const d of departments) {
    if (d.staff.length === 0) continue;
    const share = workstationShare[d.fn] ?? 0.8;
    const count = Math.max(2, Math.ceil(d.staff.length * share));
    for (let i = 0; i < count; i += 1) {
      d.workstations.push(workstations.length);
      workstations.push({ id: newId('PC', 6), department: d.index, remote: false });
    }
  }
  const remoteHosts: number[][] = [];
  for (let s = 0; s < sizing.sites; s += 1) {
    const siteStaff = staff.filter((m) => m.site === s).length;
    const hosts: number[] = [];
    for (let i = 0; i < Math.max(2, Math.ceil(siteStaff / 250)); i += 1) {
      hosts.push(workstations.length);
      workstations.push({ id: newId('VDI', 4), department: -1, remote: true });
    }
    remoteHosts.push(hosts);
  }
  for (const member of staff) {
    const pool = departments[member.home]?.workstations ?? [];
    const personal = member.pattern === 'office' || member.role === 'physician';
    const count = personal ? 1 : Math.min(pool.length, rng.range(2, 4));
    member.workstations.push(...rng.sample(pool, count));
  }
  return { workstations, remoteHosts };
}

/** Who serves which other units: clinical pharmacists cover some wards, physicians also the outpatient clinic. */
function assignServices(departments: Department[], staff: StaffMember[], rng: Rng): void {
  for (const member of staff) {
    const home = departments[member.home];
    if (!home) continue;
    if (member.role === 'physician' && home.specialty) {
      for (const d of departments) {
        if (d.index !== home.index && d.site === home.site && d.specialty === home.specialty)
          member.serves.push(d.index);
      }
    }
  }
  for (const site of new Set(departments.map((d) => d.site))) {
    const pharmacists = staff.filter((m) => m.role === 'pharmacist' && m.site === site);
    const wards = departments.filter((d) => d.site === site && (d.fn === 'ward' || d.fn === 'icu'));
    if (pharmacists.length === 0) continue;
    let next = 0;
    for (const ward of wards) {
      if (!rng.chance(0.55)) continue;
      pharmacists[next % pharmacists.length]?.serves.push(ward.index);
      next += 1;
    }
  }
}
