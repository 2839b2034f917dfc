/**
 * Making the misuse plan happen: all scenarios are planned up front (planMisuse); on each simulated day the planned
 * sessions are emitted through the same session machinery as legitimate work. Victims left open in the plan ("a
 * patient on another ward") are chosen on the day among those the actor has never legitimately touched.
 */
import {
  planBreakGlass,
  planAfterHours,
  planAfterTermination,
  planBulk,
  planLowAndSlow,
  planSearches,
  planStolenCredentials,
  planVipWaves,
} from './misuse-patterns.js';
import { planColleagues, planExPartners, planFamily, planNeighbours, planSelfLookups } from './misuse-personal.js';
import { type MisusePlan, type MisuseSession, Planner, type PlanInput } from './misuse-plan.js';
import type { Rng } from './rng.js';
import type { Sim } from './sim.js';

export function planMisuse(input: PlanInput): MisusePlan {
  const p = new Planner(input);
  planSelfLookups(p);
  planFamily(p);
  planNeighbours(p);
  planColleagues(p);
  planExPartners(p);
  planVipWaves(p);
  planBulk(p);
  planLowAndSlow(p);
  planBreakGlass(p);
  planSearches(p);
  planAfterHours(p);
  planStolenCredentials(p);
  planAfterTermination(p);
  // Legitimate research extractions, planned here because they too need to know the roster in advance.
  const researchers: Array<[number, number]> = [];
  const physicians = input.hospital.staff.filter((m) => m.role === 'physician' && m.lastDay === null);
  const count = Math.max(1, Math.round(input.hospital.staff.length / 1500));
  for (let i = 0; i < count && physicians.length > 0; i += 1) {
    const researcher = p.rng.pick(physicians);
    const days = p.rng.range(1, 3);
    for (let k = 0; k < days; k += 1)
      researchers.push([researcher.index, p.rng.range(Math.min(5, input.days - 1), input.days - 1)]);
  }
  return p.result(researchers);
}

export function runMisuseDay(sim: Sim, plan: MisusePlan, rng: Rng, day: number): void {
  for (const session of plan.sessions.get(day) ?? []) {
    const patient = typeof session.patient === 'number' ? session.patient : resolveVictim(sim, rng, session, day);
    if (patient < 0) continue;
    sim.ctx.session(rng, {
      user: session.user,
      patient,
      day,
      at: session.at,
      unit: session.unit,
      purpose: session.purpose,
      style: session.style,
      incident: session.incident,
      searchFirst: session.searchFirst,
      ...(session.workstation === undefined ? {} : { workstation: session.workstation }),
    });
  }
}

function resolveVictim(sim: Sim, rng: Rng, session: MisuseSession, day: number): number {
  const { ctx } = sim;
  const actor = ctx.member(session.user);
  const touched = ctx.touched.get(actor.index);
  const site = sim.index.sites[actor.site] ?? sim.index.sites[0];
  const wards =
    session.patient === 'inpatient-former-unit'
      ? [actor.home]
      : (site?.wards ?? []).filter((w) => w !== actor.home && !actor.serves.includes(w));
  for (let attempt = 0; attempt < 40 && wards.length > 0; attempt += 1) {
    const list = sim.inpatients.get(rng.pick(wards));
    if (!list || list.length === 0) continue;
    const encounter = rng.pick(list);
    const patient = encounter.patient;
    if (encounter.startDay > day || encounter.endDay < day) continue;
    if (touched?.has(patient) || patient === actor.person || actor.relatives.includes(patient)) continue;
    const key = ctx.pairKey(actor.index, patient);
    if (ctx.blockedPairs.has(key)) continue;
    ctx.blockedPairs.add(key);
    return patient;
  }
  return -1;
}
