/**
 * Outpatient work. Referrals arrive, are registered by a secretary and assessed by a physician within days; the
 * appointment is booked (a care relation to the physician, sometimes only to the clinic) weeks ahead. On the day
 * the physician prepares, the secretary checks the patient in, a nurse takes measurements, the physician sees the
 * patient and charts; letters are written and signed in the days after. Some appointments are by telephone, some
 * patients do not show up.
 */
import { roleBit } from './context.js';
import { labOrder, radiologyOrder } from './diagnostics.js';
import type { Rng } from './rng.js';
import { Purpose } from './sink.js';
import { addWeekdays, between, H, inPeriod, pushTo, type Sim, type Visit } from './sim.js';
import type { SpecialtyAtSite } from './site-index.js';

/** Booking secretaries: the clinic's own, else the site's patient administration. */
function bookers(sim: Sim, specialty: SpecialtyAtSite, site: number): number[] {
  const own = sim.index.staffOf(specialty.clinic, 'secretary');
  const admin = sim.index.sites[site]?.unit['patient-admin'];
  return admin !== undefined && own.length < 2 ? own.concat(sim.index.staffOf(admin, 'secretary')) : own;
}

export function bookVisit(
  sim: Sim,
  rng: Rng,
  o: {
    site: number;
    specialty: SpecialtyAtSite;
    bookingDay: number;
    visitDay: number;
    patient: number;
    bookedAt?: number;
  },
): void {
  const { ctx } = sim;
  const slot = 8 * H + rng.int(30) * 900;
  const doctor = ctx.pickFromRoster(rng, o.specialty.physicians, o.visitDay, slot + 600);
  const physician = doctor >= 0 ? doctor : o.specialty.physicians.length > 0 ? rng.pick(o.specialty.physicians) : -1;
  const phone = rng.chance(0.06);
  const encounter = sim.book.open({
    patient: o.patient,
    unit: o.specialty.clinic,
    kind: phone ? 'other' : 'outpatient',
    site: o.site,
    startDay: o.visitDay,
    startSec: slot,
    endDay: o.visitDay,
    endSec: slot + (phone ? 900 : 1800 + rng.int(3) * 900),
    responsible: physician,
  });
  const bookedAt = o.bookedAt ?? between(rng, 8.5 * H, 15 * H);
  const relationTo: [number, number] = [o.visitDay, encounter.endSec + 2 * H];
  if (physician >= 0 && rng.chance(0.85))
    sim.book.relate(o.patient, { user: physician }, [o.bookingDay, bookedAt], relationTo, 'appointment');
  else sim.book.relate(o.patient, { unit: o.specialty.clinic }, [o.bookingDay, bookedAt], relationTo, 'appointment');
  if (inPeriod(sim, o.bookingDay)) {
    const booker = ctx.pickFromRoster(rng, bookers(sim, o.specialty, o.site), o.bookingDay, bookedAt);
    if (booker >= 0) {
      ctx.session(rng, {
        user: booker,
        patient: o.patient,
        day: o.bookingDay,
        at: bookedAt,
        unit: ctx.member(booker).home,
        purpose: rng.chance(0.8) ? Purpose.Treat : Purpose.Operations,
        style: 'booking',
        searchFirst: rng.chance(0.35),
      });
    }
  }
  pushTo(sim.visits, o.visitDay, { encounter, physician, specialty: o.specialty, phone, noShow: rng.chance(0.04) });
}

/** The day of an appointment; before the period only the letter written afterwards matters. */
export function visitDay(sim: Sim, rng: Rng, visit: Visit, day: number): void {
  const { ctx } = sim;
  const { encounter, physician, specialty } = visit;
  const patient = encounter.patient;
  const clinic = specialty.clinic;
  const slot = encounter.startSec;
  const secretaries = bookers(sim, specialty, encounter.site);
  if (day < -1) {
    if (!visit.noShow && physician >= 0) letters(sim, rng, visit, day, physician, secretaries);
    return;
  }
  sim.recent[encounter.site]?.push(patient);
  const doctorWorks = physician >= 0 && ctx.shiftToday(physician, day) !== null;
  const doctor = doctorWorks ? physician : ctx.pickWorking(rng, clinic, day, slot, roleBit.physician);

  if (!visit.phone && rng.chance(0.6)) {
    const clerk = ctx.pickFromRoster(rng, secretaries, day, slot - 600);
    if (clerk >= 0)
      ctx.session(rng, {
        user: clerk,
        patient,
        day,
        at: slot - between(rng, 120, 900),
        unit: ctx.member(clerk).home,
        purpose: Purpose.Treat,
        style: 'admin',
      });
  }
  if (visit.noShow) return;
  if (doctor >= 0 && rng.chance(0.5)) {
    ctx.session(rng, {
      user: doctor,
      patient,
      day,
      at: between(rng, 7.75 * H, Math.max(7.8 * H, slot - 300)),
      unit: clinic,
      purpose: Purpose.Treat,
      style: 'review',
    });
  }
  if (!visit.phone && rng.chance(0.5)) {
    const nurse = ctx.pickWorking(rng, clinic, day, slot, roleBit.nurse);
    if (nurse >= 0)
      ctx.session(rng, {
        user: nurse,
        patient,
        day,
        at: slot + between(rng, 0, 600),
        unit: clinic,
        purpose: Purpose.Treat,
        style: 'review',
      });
  }
  if (doctor < 0) return;
  ctx.session(rng, {
    user: doctor,
    patient,
    day,
    at: slot + between(rng, 300, 900),
    unit: clinic,
    purpose: Purpose.Treat,
    style: 'document',
  });
  if (rng.chance(0.4))
    ctx.session(rng, {
      user: doctor,
      patient,
      day,
      at: slot + between(rng, 1500, 2.5 * H),
      unit: clinic,
      purpose: Purpose.Treat,
      style: 'document',
    });
  if (!visit.phone && rng.chance(0.25))
    labOrder(sim, rng, patient, encounter.site, day, slot + between(rng, 900, 1.5 * H));
  if (!visit.phone && rng.chance(0.08)) radiologyOrder(sim, rng, patient, encounter.site, day, slot + 1800, false);

  letters(sim, rng, visit, day, doctor, secretaries);
}

/** The letter and its signature in the days after. */
function letters(sim: Sim, rng: Rng, visit: Visit, day: number, doctor: number, secretaries: readonly number[]): void {
  const { ctx } = sim;
  const patient = visit.encounter.patient;
  if (rng.chance(0.8)) {
    const letterDay = addWeekdays(sim, day, rng.range(0, 4));
    const letterAt = between(rng, 8.5 * H, 15 * H);
    const writer = ctx.pickFromRoster(rng, secretaries, letterDay, letterAt);
    if (writer >= 0 && inPeriod(sim, letterDay)) {
      ctx.session(rng, {
        user: writer,
        patient,
        day: letterDay,
        at: letterAt,
        unit: ctx.member(writer).home,
        purpose: Purpose.Treat,
        style: 'admin',
      });
      if (rng.chance(0.6)) {
        const signDay = addWeekdays(sim, letterDay, rng.range(0, 3));
        const signAt = between(rng, 8.5 * H, 15.5 * H);
        const shift = ctx.roster.shiftOf(ctx.member(doctor), signDay, ctx.calendar.day(signDay).isWeekend);
        if (shift && inPeriod(sim, signDay))
          ctx.session(rng, {
            user: doctor,
            patient,
            day: signDay,
            at: signAt,
            unit: shift.unit,
            purpose: Purpose.Treat,
            style: 'review',
          });
      }
    }
  }
}

/** The afternoon before: the booked physician reads up on tomorrow's patients (when at work). */
export function prepareVisit(sim: Sim, rng: Rng, visit: Visit, day: number): void {
  if (visit.physician < 0 || visit.noShow || !rng.chance(0.35)) return;
  const shift = sim.ctx.shiftToday(visit.physician, day);
  if (!shift || shift.kind !== 'D') return;
  sim.ctx.session(rng, {
    user: visit.physician,
    patient: visit.encounter.patient,
    day,
    at: between(rng, 13 * H, 15.9 * H),
    unit: shift.unit,
    purpose: Purpose.Treat,
    style: 'review',
  });
}

/** A referral arrives at a clinic: registered today, assessed by a physician within two weeks, then booked. */
export function receiveReferral(
  sim: Sim,
  rng: Rng,
  site: number,
  day: number,
  specialty: SpecialtyAtSite,
  patient: number,
): void {
  const { ctx } = sim;
  const at = between(rng, 8.5 * H, 14.5 * H);
  const assessDay = addWeekdays(sim, day, rng.range(1, 8));
  const encounter = sim.book.open({
    patient,
    unit: specialty.clinic,
    kind: 'referral',
    site,
    startDay: day,
    startSec: at,
    endDay: assessDay,
    endSec: 15 * H,
  });
  sim.book.relate(
    patient,
    { unit: specialty.clinic },
    [day, at],
    rng.chance(0.5) ? null : [assessDay, 15 * H],
    'referral',
  );
  if (inPeriod(sim, day)) {
    const clerk = ctx.pickFromRoster(rng, bookers(sim, specialty, site), day, at);
    if (clerk >= 0)
      ctx.session(rng, {
        user: clerk,
        patient,
        day,
        at,
        unit: ctx.member(clerk).home,
        purpose: Purpose.Treat,
        style: 'admin',
        searchFirst: rng.chance(0.2),
      });
  }
  pushTo(sim.referrals, assessDay, { encounter, specialty });
}

export function assessReferral(
  sim: Sim,
  rng: Rng,
  pending: { encounter: { patient: number; site: number }; specialty: SpecialtyAtSite },
  day: number,
): void {
  const { ctx } = sim;
  const { patient, site } = pending.encounter;
  const at = between(rng, 8.5 * H, 15 * H);
  const doctor = ctx.pickFromRoster(rng, pending.specialty.physicians, day, at);
  if (doctor >= 0 && inPeriod(sim, day)) {
    ctx.session(rng, {
      user: doctor,
      patient,
      day,
      at,
      unit: pending.specialty.clinic,
      purpose: Purpose.Treat,
      style: 'document',
    });
  }
  if (rng.chance(0.78)) {
    const visitDay = addWeekdays(sim, day, rng.range(5, 50));
    bookVisit(sim, rng, {
      site,
      specialty: pending.specialty,
      bookingDay: day,
      visitDay,
      patient,
      bookedAt: at + between(rng, 1800, 3 * H),
    });
  }
}
