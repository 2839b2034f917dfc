/**
 * Misuse rooted in the actor's private life: their own record, family members (same address and often the same
 * family name, or parents and siblings elsewhere with the birth name), neighbours (same apartment building, or the
 * same small municipality), colleagues (staff who are patients, sometimes admitted elsewhere just then) and the
 * ex-partner-like pattern: one person looked up again and again over weeks.
 */
import type { StaffMember } from './model.js';
import type { Planner } from './misuse-plan.js';

const H = 3600;

const clinical = (m: StaffMember): boolean =>
  ['nurse', 'physician', 'secretary', 'other', 'therapist', 'lab', 'radiology'].includes(m.role);

export function planSelfLookups(p: Planner): void {
  for (let i = 0; i < p.count('self_lookup'); i += 1) {
    const actor = p.pickActor((m) => clinical(m) && m.isPatient);
    if (!actor || !p.claim(actor.index, actor.person)) continue;
    const incident = p.newIncident('self_lookup', actor.index);
    p.spread(incident, actor.person, p.rng.range(1, 3), 0, p.input.days - 1, { searchFirst: p.rng.chance(0.3) });
  }
}

export function planFamily(p: Planner): void {
  const { population } = p;
  for (let i = 0; i < p.count('family'); i += 1) {
    const actor = p.pickActor(
      (m) => clinical(m) && m.relatives.some((r) => population.isPatient[r] === 1 && !p.isVictim(r)),
    );
    if (!actor) continue;
    const candidates = actor.relatives.filter((r) => population.isPatient[r] === 1 && !p.isVictim(r));
    const victims = p.rng.sample(candidates, p.rng.chance(0.3) ? 2 : 1).filter((v) => p.claim(actor.index, v));
    if (victims.length === 0) continue;
    const incident = p.newIncident('family', actor.index);
    const first = victims[0] as number;
    if (p.rng.chance(0.3)) {
      // The relative is admitted (elsewhere) and the actor cannot resist looking.
      const day = p.rng.range(1, Math.max(1, p.input.days - 4));
      p.forced.push({
        day,
        sec: (9 + p.rng.int(10)) * H,
        site: actor.site,
        patient: first,
        avoid: [actor.home, ...actor.serves],
      });
      p.spread(incident, first, p.rng.range(1, 3), day + 1, day + 4);
    } else {
      p.spread(incident, first, p.rng.range(1, 3), 0, p.input.days - 1, { searchFirst: p.rng.chance(0.3) });
    }
    for (const victim of victims.slice(1)) p.spread(incident, victim, 1, 0, p.input.days - 1);
  }
}

export function planNeighbours(p: Planner): void {
  const { population, addresses } = p.input.hospital;
  // Apartment buildings where staff live: who else lives there.
  const buildings = new Map<number, number[]>();
  for (const m of p.staff) {
    const address = population.address[m.person] as number;
    if ((addresses.households[address] ?? 0) > 1) buildings.set(address, []);
  }
  for (let person = 0; person < population.count; person += 1) {
    buildings.get(population.address[person] as number)?.push(person);
  }
  for (let i = 0; i < p.count('neighbour'); i += 1) {
    const actor = p.pickActor(
      (m) => clinical(m) && m.site < p.input.hospital.sites.length && population.site[m.person] === m.site,
    );
    if (!actor) continue;
    const household = population.household[actor.person];
    const sameBuilding = (buildings.get(population.address[actor.person] as number) ?? []).filter(
      (q) =>
        population.household[q] !== household &&
        population.isPatient[q] === 1 &&
        population.employee[q] === -1 &&
        !p.isVictim(q),
    );
    const victim = sameBuilding.length > 0 && p.rng.chance(0.6) ? p.rng.pick(sameBuilding) : p.strangerOf(actor, true);
    if (!p.claim(actor.index, victim)) continue;
    const incident = p.newIncident('neighbour', actor.index);
    p.spread(incident, victim, p.rng.range(1, 2), 0, p.input.days - 1, { searchFirst: p.rng.chance(0.4) });
  }
}

export function planColleagues(p: Planner): void {
  const { population } = p;
  const departments = p.input.hospital.departments;
  for (let i = 0; i < p.count('colleague'); i += 1) {
    const actor = p.pickActor(clinical);
    if (!actor) continue;
    const clinic = departments[actor.home]?.parent;
    const colleagues = p.staff.filter(
      (m) =>
        m.index !== actor.index &&
        m.isPatient &&
        !p.isVictim(m.person) &&
        !actor.relatives.includes(m.person) &&
        population.isPatient[m.person] === 1 &&
        (m.home === actor.home || departments[m.home]?.parent === clinic),
    );
    if (colleagues.length === 0) continue;
    const victims = p.rng
      .sample(colleagues, p.rng.chance(0.3) ? 2 : 1)
      .map((m) => m.person)
      .filter((v) => p.claim(actor.index, v));
    if (victims.length === 0) continue;
    const incident = p.newIncident('colleague', actor.index);
    const first = victims[0] as number;
    if (p.rng.chance(0.4)) {
      const day = p.rng.range(1, Math.max(1, p.input.days - 4));
      p.forced.push({
        day,
        sec: (8 + p.rng.int(12)) * H,
        site: actor.site,
        patient: first,
        avoid: [actor.home, ...actor.serves],
      });
      p.spread(incident, first, p.rng.range(1, 3), day + 1, day + 4);
    } else {
      p.spread(incident, first, p.rng.range(1, 2), 0, p.input.days - 1);
    }
    for (const victim of victims.slice(1)) p.spread(incident, victim, 1, 0, p.input.days - 1);
  }
}

export function planExPartners(p: Planner): void {
  const { population } = p.input.hospital;
  for (let i = 0; i < p.count('ex_partner'); i += 1) {
    const actor = p.pickActor(clinical);
    if (!actor) continue;
    let victim = -1;
    if (p.rng.chance(0.3)) {
      // Someone who still carries the actor's family name, at another address.
      const actorName = population.familyName[actor.person];
      for (let attempt = 0; attempt < 5000 && victim < 0; attempt += 1) {
        const q = p.input.patients.anyOf(p.rng, actor.site);
        if (
          population.familyName[q] === actorName &&
          population.household[q] !== population.household[actor.person] &&
          !actor.relatives.includes(q) &&
          !p.isVictim(q)
        )
          victim = q;
      }
    }
    if (victim < 0) victim = p.strangerOf(actor, p.rng.chance(0.7));
    if (!p.claim(actor.index, victim)) continue;
    const incident = p.newIncident('ex_partner', actor.index);
    const start = p.rng.range(0, Math.max(0, p.input.days - 15));
    const end = Math.min(p.input.days - 1, start + p.rng.range(14, 28));
    p.spread(incident, victim, p.rng.range(6, 18), start, end, { searchFirst: p.rng.chance(0.3) });
  }
}
