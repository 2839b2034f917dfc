/**
 * The people who come to an inpatient besides the ward's own staff (clinical pharmacist, therapists, consultants
 * from other specialties, the rapid-response team) and the discharge with its administrative tail: the letter
 * written by a secretary and the coding for activity-based funding, days later and without a relation of their own.
 */
import { roleBit } from './context.js';
import type { Encounter } from './encounters.js';
import type { Rng } from './rng.js';
import { Purpose } from './sink.js';
import { addWeekdays, between, H, inPeriod, Ring, type Sim } from './sim.js';
import type { SpecialtyAtSite } from './site-index.js';

const DAY = 86_400;

/** Pharmacist, physio-/occupational therapist. */
export function allied(sim: Sim, rng: Rng, encounter: Encounter, day: number, from: number, to: number): void {
  const { ctx } = sim;
  const site = sim.index.sites[encounter.site];
  const at = between(rng, Math.max(from, 8.5 * H), Math.max(Math.min(to, 15 * H), Math.max(from, 8.5 * H) + 1));
  if (at >= to) return;
  const pharmacists = sim.index.pharmacistsOf(encounter.unit);
  if (site?.unit.pharmacy !== undefined && pharmacists.length > 0 && rng.chance(0.3)) {
    const pharmacist = ctx.pickFromRoster(rng, pharmacists, day, at);
    if (pharmacist >= 0)
      ctx.session(rng, {
        user: pharmacist,
        patient: encounter.patient,
        day,
        at,
        unit: site.unit.pharmacy,
        purpose: Purpose.Treat,
        style: 'review',
      });
  }
  const therapyChance = sim.index.specialtyOfUnit(encounter.unit)?.specialty.therapy ?? 0.1;
  if (site?.unit.therapy !== undefined && rng.chance(therapyChance)) {
    const therapist = ctx.pickWorking(rng, site.unit.therapy, day, at, roleBit.therapist);
    if (therapist < 0) return;
    if (!encounter.therapy) {
      encounter.therapy = true;
      if (rng.chance(0.5))
        sim.book.relate(
          encounter.patient,
          { unit: site.unit.therapy },
          [day, at],
          [encounter.endDay, encounter.endSec],
          'referral',
        );
    }
    ctx.session(rng, {
      user: therapist,
      patient: encounter.patient,
      day,
      at,
      unit: site.unit.therapy,
      purpose: Purpose.Treat,
      style: 'document',
    });
  }
}

/** A physician of another specialty asked to assess the patient; the consult is registered six times in ten. */
export function consult(sim: Sim, rng: Rng, encounter: Encounter, day: number, own: SpecialtyAtSite): void {
  const site = sim.index.sites[encounter.site];
  const others = (site?.specialties ?? []).filter((s) => s !== own && s.physicians.length > 0);
  if (others.length === 0) return;
  const specialty = rng.pick(others);
  const at = between(rng, 10 * H, 15.5 * H);
  const doctor = sim.ctx.pickFromRoster(rng, specialty.physicians, day, at);
  if (doctor < 0) return;
  if (rng.chance(0.6)) sim.book.relate(encounter.patient, { user: doctor }, [day, at - 1800], [day + 3, at], 'consult');
  const unit = sim.ctx.shiftToday(doctor, day)?.unit ?? sim.ctx.member(doctor).home;
  const sessions = rng.range(1, 2);
  for (let i = 0; i < sessions; i += 1) {
    sim.ctx.session(rng, {
      user: doctor,
      patient: encounter.patient,
      day,
      at: at + i * between(rng, 600, 3 * H),
      unit,
      purpose: Purpose.Treat,
      style: 'document',
    });
  }
}

/** The rapid-response team (intensive care) called to a deteriorating patient: legitimate emergency access. */
export function rapidResponse(sim: Sim, rng: Rng, encounter: Encounter, day: number, from: number, to: number): void {
  const icu = sim.index.sites[encounter.site]?.unit.icu;
  if (icu === undefined) return;
  const at = between(rng, from, Math.min(to, DAY));
  const member = sim.ctx.pickWorking(rng, icu, day, at, roleBit.physician | roleBit.nurse);
  if (member >= 0)
    sim.ctx.session(rng, {
      user: member,
      patient: encounter.patient,
      day,
      at,
      unit: icu,
      purpose: Purpose.Emergency,
      style: 'review',
    });
}

/** Discharge day and the administrative tail (letters, coding) in the days after. */
export function discharge(sim: Sim, rng: Rng, encounter: Encounter, day: number): void {
  const { ctx } = sim;
  const unit = encounter.unit;
  const patient = encounter.patient;
  const clinic = sim.index.specialtyOfUnit(unit)?.clinic;
  if (clinic !== undefined) {
    let ring = sim.discharged.get(clinic);
    if (!ring) sim.discharged.set(clinic, (ring = new Ring(400)));
    ring.push(patient);
  }
  const doctor =
    encounter.responsible >= 0 && ctx.shiftToday(encounter.responsible, day)
      ? encounter.responsible
      : ctx.pickWorking(rng, unit, day, encounter.endSec - H, roleBit.physician);
  if (doctor >= 0)
    ctx.session(rng, {
      user: doctor,
      patient,
      day,
      at: encounter.endSec - between(rng, 0.5 * H, 3 * H),
      unit,
      purpose: Purpose.Treat,
      style: 'document',
    });
  const nurse = ctx.pickWorking(rng, unit, day, encounter.endSec, roleBit.nurse);
  if (nurse >= 0)
    ctx.session(rng, {
      user: nurse,
      patient,
      day,
      at: encounter.endSec - between(rng, 0, 0.7 * H),
      unit,
      purpose: Purpose.Treat,
      style: 'admin',
    });

  // The letter: the ward's secretary, else the site's patient administration, within a week.
  const letterDay = addWeekdays(sim, day, rng.range(0, 4));
  const secretaries = sim.index.staffOf(unit, 'secretary');
  const siteAdmin = sim.index.sites[encounter.site]?.unit['patient-admin'];
  const writers =
    secretaries.length > 0 ? secretaries : siteAdmin !== undefined ? sim.index.staffOf(siteAdmin, 'secretary') : [];
  const letterAt = between(rng, 8.5 * H, 15 * H);
  const writer = ctx.pickFromRoster(rng, writers, letterDay, letterAt);
  if (writer >= 0 && inPeriod(sim, letterDay)) {
    ctx.session(rng, {
      user: writer,
      patient,
      day: letterDay,
      at: letterAt,
      unit: ctx.member(writer).home,
      purpose: rng.chance(0.75) ? Purpose.Treat : Purpose.Operations,
      style: 'admin',
    });
  }
  // Coding for activity-based funding, by the trust's coders, one to three weeks later.
  const coding = sim.index.trustUnit.coding;
  if (coding !== undefined && rng.chance(0.8)) {
    const codeDay = addWeekdays(sim, day, rng.range(1, 14));
    const at = between(rng, 8.5 * H, 15 * H);
    const coder = ctx.pickFromRoster(rng, sim.index.staffOf(coding, 'secretary'), codeDay, at);
    if (coder >= 0 && inPeriod(sim, codeDay)) {
      ctx.session(rng, {
        user: coder,
        patient,
        day: codeDay,
        at,
        unit: coding,
        purpose: rng.chance(0.7) ? Purpose.Payment : Purpose.Operations,
        style: 'coding',
      });
    }
  }
}
