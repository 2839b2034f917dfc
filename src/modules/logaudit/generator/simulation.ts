/**
 * The day loop. A warm-up before the period fills the wards, the booked appointments and the referral queue (no
 * events are kept from it); then each day: new arrivals, a day of every stay, the day's appointments, referral
 * assessments, background work, research and the planned misuse; then the day is sorted and written.
 */
import { backgroundDay, researchDay } from './background.js';
import { externalOrders } from './diagnostics.js';
import { arrivalTime, emergencyVisit } from './emergency.js';
import { admit, inpatientDay } from './inpatient.js';
import type { MisusePlan } from './misuse-plan.js';
import { runMisuseDay } from './misuse-run.js';
import { assessReferral, bookVisit, prepareVisit, receiveReferral, visitDay } from './outpatient.js';
import { Rng } from './rng.js';
import { addWeekdays, between, H, pushTo, type Sim } from './sim.js';

/** Days simulated before the period so that it starts with full wards and booked clinics. */
export const WARM_UP_DAYS = 42;

/** Arrivals per bed and day (the rest of the volume follows from these). */
const rates = {
  emergency: 0.18,
  elective: 0.1,
  followUps: 1.4,
  referrals: 0.45,
};

export async function simulate(sim: Sim, plan: MisusePlan, onDayDone: (day: number) => Promise<void>): Promise<void> {
  const { seed } = sim;
  for (const forced of plan.forced) pushTo(sim.forced, forced.day, forced);
  const research = new Map<number, number[]>();
  for (const [staff, day] of plan.researchers) pushTo(research, day, staff);

  for (let day = -WARM_UP_DAYS; day < sim.days; day += 1) {
    for (const site of sim.index.sites) arrivals(sim, Rng.keyed(seed, 100, site.site, day), site.site, day);
    (sim.forced.get(day) ?? []).forEach((f, i) => {
      emergencyVisit(sim, Rng.keyed(seed, 101, day, i), {
        site: f.site,
        day: f.day,
        sec: f.sec,
        patient: f.patient,
        admitAvoiding: f.avoid,
      });
    });
    for (const pending of sim.referrals.get(day) ?? [])
      assessReferral(sim, Rng.keyed(seed, 203, pending.encounter.index), pending, day);
    sim.referrals.delete(day);

    // From three weeks before the period the administrative tails (letters, coding) reach into it; from the day
    // before, the night shift does.
    if (day >= -21) {
      for (const encounters of sim.inpatients.values()) {
        for (const encounter of encounters) {
          if (encounter.startDay <= day && encounter.endDay >= day)
            inpatientDay(sim, Rng.keyed(seed, 200, encounter.index, day), encounter, day);
        }
      }
      for (const visit of sim.visits.get(day) ?? [])
        visitDay(sim, Rng.keyed(seed, 201, visit.encounter.index), visit, day);
    }
    if (day >= 0) {
      for (const visit of sim.visits.get(day + 1) ?? [])
        prepareVisit(sim, Rng.keyed(seed, 202, visit.encounter.index), visit, day);
      backgroundDay(sim, Rng.keyed(seed, 400, day), day);
      for (const staff of research.get(day) ?? []) researchDay(sim, Rng.keyed(seed, 401, staff, day), staff, day);
      runMisuseDay(sim, plan, Rng.keyed(seed, 500, day), day);
    }
    sim.visits.delete(day);
    for (const [unit, encounters] of sim.inpatients) {
      const staying = encounters.filter((e) => e.endDay > day);
      if (staying.length !== encounters.length) sim.inpatients.set(unit, staying);
    }
    await onDayDone(day);
  }
}

function arrivals(sim: Sim, rng: Rng, site: number, day: number): void {
  const siteIndex = sim.index.sites[site];
  if (!siteIndex) return;
  const calendarDay = sim.ctx.calendar.day(day);
  const beds = siteIndex.beds;
  const weekend = calendarDay.isWeekend;
  const monday = calendarDay.weekday === 1 ? 1.1 : 1;

  const emergencies = rng.poisson(rates.emergency * beds * monday * (weekend ? 0.92 : 1));
  for (let i = 0; i < emergencies; i += 1) {
    emergencyVisit(sim, rng, {
      site,
      day,
      sec: arrivalTime(rng),
      patient: sim.patients.pick(rng, site, siteIndex.unit.er),
    });
  }
  if (day >= -2) externalOrders(sim, rng, site, day, beds);
  if (weekend) return;
  const electives = rng.poisson(rates.elective * beds);
  for (let i = 0; i < electives; i += 1) {
    const specialty = siteIndex.specialties[siteIndex.electivePicker.pick(rng)];
    if (specialty && specialty.wards.length > 0) {
      admit(sim, rng, {
        patient: sim.patients.pick(rng, site, specialty.clinic),
        site,
        day,
        sec: between(rng, 7.5 * H, 11 * H),
        specialty,
        elective: true,
      });
    }
  }
  const followUps = rng.poisson(rates.followUps * beds);
  for (let i = 0; i < followUps; i += 1) {
    const visit = addWeekdays(sim, day, 1 + Math.min(65, Math.floor(rng.logNormal(10, 0.8))));
    const specialty = siteIndex.specialties[siteIndex.outpatientPicker.pick(rng)];
    if (visit < -21 || !specialty) continue;
    bookVisit(sim, rng, {
      site,
      specialty,
      bookingDay: day,
      visitDay: visit,
      patient: sim.patients.pick(rng, site, specialty.clinic),
    });
  }
  const referrals = rng.poisson(rates.referrals * beds);
  for (let i = 0; i < referrals; i += 1) {
    const specialty = siteIndex.specialties[siteIndex.outpatientPicker.pick(rng)];
    if (specialty) receiveReferral(sim, rng, site, day, specialty, sim.patients.pick(rng, site, specialty.clinic));
  }
}
