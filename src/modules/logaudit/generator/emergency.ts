/**
 * Emergency visits, around the clock with an afternoon peak. The patient is registered, triaged and seen by the
 * emergency department's nurses and physicians; blood tests and images are common; some records are opened with
 * emergency access (ETREAT, "akuttinnsyn") because parts of the history are restricted. About two in five are
 * admitted: a physician of the receiving specialty sees them in the department first.
 */
import { roleBit } from './context.js';
import { labOrder, radiologyOrder } from './diagnostics.js';
import type { Encounter } from './encounters.js';
import { admit } from './inpatient.js';
import { type Rng, WeightedPicker } from './rng.js';
import { Purpose } from './sink.js';
import { between, H, inPeriod, type Sim } from './sim.js';

const DAY = 86_400;

/** Relative arrivals per hour of the day (00-23). */
const arrivalsByHour = new WeightedPicker([
  2, 1.6, 1.3, 1.1, 1, 1, 1.3, 2, 3, 4, 4.6, 4.8, 4.8, 4.8, 4.8, 4.8, 5, 5, 4.6, 4.2, 3.8, 3.3, 2.8, 2.3,
]);

export function arrivalTime(rng: Rng): number {
  return arrivalsByHour.pick(rng) * H + rng.int(H);
}

export interface EmergencyOptions {
  readonly site: number;
  readonly day: number;
  readonly sec: number;
  readonly patient: number;
  /** Force admission (a VIP's accident), avoiding the given units. */
  readonly admitAvoiding?: readonly number[];
}

export function emergencyVisit(sim: Sim, rng: Rng, o: EmergencyOptions): Encounter | null {
  const site = sim.index.sites[o.site];
  const er = site?.unit.er;
  if (!site || er === undefined) return null;
  const { ctx } = sim;
  const duration = Math.min(12 * H, Math.max(1 * H, rng.logNormal(3.5 * H, 0.5)));
  const endAbs = o.sec + duration;
  const endDay = o.day + Math.floor(endAbs / DAY);
  const endSec = endAbs % DAY;
  const encounter = sim.book.open({
    patient: o.patient,
    unit: er,
    kind: 'emergency',
    site: o.site,
    startDay: o.day,
    startSec: o.sec,
    endDay,
    endSec,
  });
  if (endDay >= -1) sim.book.relate(o.patient, { unit: er }, [o.day, o.sec], [endDay, endSec], 'assigned');
  sim.recent[o.site]?.push(o.patient);
  const admitted = o.admitAvoiding !== undefined || rng.chance(0.42);

  if (inPeriod(sim, o.day)) {
    const session = (user: number, at: number, purpose: Purpose, style: 'review' | 'document' | 'admin'): void => {
      if (user >= 0) ctx.session(rng, { user, patient: o.patient, day: o.day, at, unit: er, purpose, style });
    };
    const clerk = ctx.pickWorking(rng, er, o.day, o.sec, roleBit.secretary);
    const triage = ctx.pickWorking(rng, er, o.day, o.sec, roleBit.nurse);
    session(clerk >= 0 ? clerk : triage, o.sec + between(rng, 0, 300), Purpose.Treat, 'admin');
    session(triage, o.sec + between(rng, 180, 900), Purpose.Treat, 'review');
    const doctorAt = o.sec + Math.min(duration * 0.6, between(rng, 600, 1.5 * H));
    const doctor = ctx.pickWorking(rng, er, o.day, doctorAt, roleBit.physician);
    // Restricted earlier notes are opened with emergency access now and then.
    session(doctor, doctorAt, rng.chance(0.18) ? Purpose.Emergency : Purpose.Treat, 'document');
    if (rng.chance(0.7)) session(doctor, o.sec + duration - between(rng, 300, 1800), Purpose.Treat, 'document');
    const nurseSessions = rng.poisson(2.2);
    for (let i = 0; i < nurseSessions; i += 1) {
      const at = o.sec + between(rng, 600, duration);
      session(
        ctx.pickWorking(rng, er, o.day, at, roleBit.nurse),
        at,
        rng.chance(0.06) ? Purpose.Emergency : Purpose.Treat,
        'review',
      );
    }
    if (rng.chance(0.75)) labOrder(sim, rng, o.patient, o.site, o.day, o.sec + between(rng, 300, 1800));
    if (rng.chance(0.4)) radiologyOrder(sim, rng, o.patient, o.site, o.day, o.sec + between(rng, 900, 2 * H), true);
    if (!admitted && rng.chance(0.3)) {
      const letterDay = o.day + 1;
      const secretaries = sim.index.staffOf(er, 'secretary');
      const at = between(rng, 8.5 * H, 15 * H);
      const writer = ctx.pickFromRoster(rng, secretaries, letterDay, at);
      if (writer >= 0 && inPeriod(sim, letterDay))
        ctx.session(rng, {
          user: writer,
          patient: o.patient,
          day: letterDay,
          at,
          unit: er,
          purpose: Purpose.Treat,
          style: 'admin',
        });
    }
  }

  if (admitted) {
    const toIcu = o.admitAvoiding === undefined && rng.chance(0.05);
    const specialty = site.specialties[site.acutePicker.pick(rng)];
    if (!specialty) return encounter;
    // The receiving specialty's physician sees the patient in the emergency department.
    const receiveAt = o.sec + duration * between(rng, 0.5, 0.9);
    if (inPeriod(sim, o.day) && receiveAt < DAY) {
      const key = toIcu ? `${o.site}:icu` : `${o.site}:${specialty.clinicKey}`;
      const onCall = ctx.roster.onCallMembers(key, o.day);
      let receiver = ctx.pickFromRoster(rng, specialty.physicians, o.day, receiveAt);
      if (receiver < 0 || rng.chance(0.4)) receiver = onCall.length > 0 ? rng.pick(onCall) : receiver;
      if (receiver >= 0 && ctx.roster.isEmployed(ctx.member(receiver), o.day)) {
        ctx.session(rng, {
          user: receiver,
          patient: o.patient,
          day: o.day,
          at: receiveAt,
          unit: er,
          purpose: rng.chance(0.08) ? Purpose.Emergency : Purpose.Treat,
          style: 'document',
        });
      }
    }
    admit(sim, rng, {
      patient: o.patient,
      site: o.site,
      day: endDay,
      sec: endSec,
      specialty,
      icu: toIcu,
      elective: false,
      ...(o.admitAvoiding ? { avoid: o.admitAvoiding } : {}),
    });
  }
  return encounter;
}
