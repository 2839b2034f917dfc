/**
 * The static world: units, employees, the population with households and institutions, test patients, time off.
 * Patient ids are assigned at the end (after newborns exist), in random order so that ids say nothing about
 * households.
 */
import { DEPARTMENTS } from './departments.js';
import { MUNICIPALITIES, Population } from './population.js';
import type { Rng } from './rng.js';
import { buildStaff } from './staff.js';
import type { Circle, Dept, Staff } from './types.js';

export interface World {
  depts: Dept[];
  deptById: Map<string, number>;
  staff: Staff[];
  circles: Circle[];
  pop: Population;
  testPatients: number[];
  /** Newborn patient → mother patient. */
  motherOf: Map<number, number>;
  days: number;
  startWall: number;
}

export function buildDepartments(): Dept[] {
  const index = new Map<string, number>();
  DEPARTMENTS.forEach((d, i) => index.set(d.code, i));
  return DEPARTMENTS.map((d, i) => ({
    idx: i,
    id: d.code,
    name: d.name,
    kind: d.kind,
    parent: d.parent === null ? -1 : index.get(d.parent)!,
    site: d.site,
    tag: d.tag,
    weight: d.weight,
    terminals: [] as string[],
  }));
}

export function buildWorld(
  rng: Rng,
  staffCount: number,
  patientsPerUser: number,
  days: number,
  startWall: number,
): World {
  const depts = buildDepartments();
  const year = new Date(startWall).getUTCFullYear();
  const target = staffCount * patientsPerUser;
  const pop = new Population(rng.fork('population'), year, target);
  const { staff, circles } = buildStaff(rng.fork('staff'), depts, pop, staffCount, days);

  // Institutions first: a nursing home in every municipality, student halls in town, a reception centre.
  MUNICIPALITIES.forEach((m, i) => {
    if (m.code.startsWith('46') && m.code !== '4601') {
      const share = m.weight / 100;
      const homes = m.weight > 20 ? 3 : 1;
      for (let k = 0; k < homes; k++)
        pop.institution(i, 'nursing', Math.max(6, Math.round((target * share * 0.007) / homes)));
    }
  });
  const brk = MUNICIPALITIES.findIndex((m) => m.name === 'Brekkestad');
  const haugmo = MUNICIPALITIES.findIndex((m) => m.name === 'Haugmo');
  pop.institution(brk, 'students', Math.max(10, Math.round(target * 0.0015)));
  pop.institution(brk, 'students', Math.max(10, Math.round(target * 0.001)));
  pop.institution(haugmo, 'reception', Math.max(10, Math.round(target * 0.0012)));
  while (pop.patients.length < target) pop.household(pop.drawMunicipality(), pop.drawHouseholdKind());

  // Test patients in the production system, used by IT and in training.
  const testPatients: number[] = [];
  const tests: [string, string, number, 0 | 1][] = [
    ['Testpasient', 'Ola', 1950, 0],
    ['Testpasient', 'Kari', 1962, 1],
    ['Testpasient', 'Barn', 2016, 1],
    ['Testesen', 'Test', 1980, 0],
    ['Testesen', 'Tove', 1991, 1],
    ['Opplæring', 'Pasient En', 1975, 0],
    ['Opplæring', 'Pasient To', 1940, 1],
    ['Dips-Test', 'Integrasjon', 1900, 0],
  ];
  for (const [family, given, by, sex] of tests) {
    const p = pop.addPerson(family, given, by, sex, -1);
    pop.patients[p]!.test = true;
    testPatients.push(p);
  }

  // Terminals: asset-tag names, a few per unit, plus handheld devices on the wards.
  const trng = rng.fork('terminals');
  const used = new Set<string>();
  const perDept = new Map<number, number>();
  for (const s of staff) perDept.set(s.dept, (perDept.get(s.dept) ?? 0) + 1);
  for (const d of depts) {
    const n = Math.max(2, Math.ceil((perDept.get(d.idx) ?? 0) * 0.4));
    for (let k = 0; k < n; k++) {
      let name: string;
      do name = `PC${trng.int(10000, 99999)}`;
      while (used.has(name));
      used.add(name);
      d.terminals.push(name);
    }
    if (d.kind === 'ward' || d.kind === 'emergency')
      for (let k = 0; k < 2; k++) d.terminals.push(`MOB-${d.id.split('-')[1]}-${k + 1}`);
  }

  // Time off: one week of autumn holiday for some, Christmas for many, sick spells, some long-term sick leave.
  const orng = rng.fork('off');
  for (const s of staff) {
    if (s.service) continue;
    if (orng.chance(0.3)) {
      const w = orng.int(0, Math.max(0, Math.floor(days / 7) - 1));
      for (let k = 0; k < 7; k++) s.off.add(w * 7 + k);
    }
    const spells = orng.poisson((days / 90) * 0.9);
    for (let k = 0; k < spells; k++) {
      const start = orng.int(0, days - 1);
      const len = orng.chance(0.06) ? orng.int(14, 60) : orng.int(1, 6);
      for (let j = 0; j < len; j++) s.off.add(start + j);
    }
  }
  const deptById = new Map(depts.map((d) => [d.id, d.idx]));
  return { depts, deptById, staff, circles, pop, testPatients, motherOf: new Map(), days, startWall };
}

/** Patient ids in scrambled order (called once all patients, newborns included, exist). */
export function assignPatientIds(rng: Rng, world: World): void {
  const n = world.pop.patients.length;
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    const t = order[i]!;
    order[i] = order[j]!;
    order[j] = t;
  }
  for (let i = 0; i < n; i++) world.pop.patients[i]!.id = `P${1_000_000 + order[i]! * 3 + rng.int(0, 2)}`;
}
