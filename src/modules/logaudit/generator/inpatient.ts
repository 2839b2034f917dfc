/**
 * Inpatient stays. The ward is assigned to the patient for the whole stay (a care relation to the unit); most
 * stays also name a responsible physician. Every shift the patient's nurses read and chart, physicians do rounds
 * on weekdays, the clinic's on-call physician looks in at night and at weekends, a clinical pharmacist reviews
 * medication on some wards, therapists and consultants from other specialties come by (a consult is registered
 * only sometimes), blood tests and images are ordered (see inpatient-visitors.ts for visitors and discharge).
 */
import { roleBit } from './context.js';
import { labOrder, radiologyOrder } from './diagnostics.js';
import type { Encounter } from './encounters.js';
import type { Rng } from './rng.js';
import { Purpose } from './sink.js';
import { allied, consult, discharge, rapidResponse } from './inpatient-visitors.js';
import { between, H, inPeriod, pushTo, type Sim } from './sim.js';
import type { SpecialtyAtSite } from './site-index.js';

const DAY = 86_400;

export interface AdmitOptions {
  readonly patient: number;
  readonly site: number;
  readonly day: number;
  readonly sec: number;
  readonly specialty: SpecialtyAtSite;
  readonly icu?: boolean;
  readonly elective: boolean;
  readonly avoid?: readonly number[];
}

export function admit(sim: Sim, rng: Rng, o: AdmitOptions): Encounter | null {
  const siteIndex = sim.index.sites[o.site];
  if (!siteIndex) return null;
  let wards = o.icu && siteIndex.unit.icu !== undefined ? [siteIndex.unit.icu] : o.specialty.wards;
  const banned = (w: number): boolean => (o.avoid?.includes(w) ?? false) || sim.patients.avoids(o.patient, w);
  wards = wards.filter((w) => !banned(w));
  if (wards.length === 0) wards = siteIndex.wards.filter((w) => !banned(w));
  if (wards.length === 0) return null;
  const unit = rng.pick(wards);
  const los = o.icu
    ? rng.logNormal(1.5, 0.6)
    : rng.logNormal(o.specialty.specialty.losMedian, o.specialty.specialty.losSigma);
  let endDay = o.day + Math.min(90, Math.round(los));
  let endSec = between(rng, 10 * H, 15.5 * H);
  if (endDay === o.day && endSec < o.sec + 4 * H) {
    endDay += 1;
  }
  if (endDay < o.day) endDay = o.day;
  endSec = Math.max(endSec, 0);
  const responsible = o.specialty.physicians.length > 0 && !o.icu ? rng.pick(o.specialty.physicians) : -1;
  const encounter = sim.book.open({
    patient: o.patient,
    unit,
    kind: 'inpatient',
    site: o.site,
    startDay: o.day,
    startSec: o.sec,
    endDay,
    endSec,
    responsible: responsible >= 0 && rng.chance(0.7) ? responsible : -1,
  });
  if (endDay < -1) return encounter;
  sim.book.relate(o.patient, { unit }, [o.day, o.sec], [endDay, endSec], 'assigned');
  if (encounter.responsible >= 0)
    sim.book.relate(o.patient, { user: encounter.responsible }, [o.day, o.sec], [endDay, endSec], 'assigned');
  if (rng.chance(0.3)) {
    const nurse = rng.pick(sim.index.staffOf(unit, 'nurse').concat([-1]));
    if (nurse >= 0) sim.book.relate(o.patient, { user: nurse }, [o.day, o.sec + 1800], [endDay, endSec], 'assigned');
  }
  pushTo(sim.inpatients, unit, encounter);
  if (inPeriod(sim, o.day)) {
    const receiver = sim.ctx.pickWorking(rng, unit, o.day, o.sec + 600, roleBit.nurse | roleBit.secretary);
    if (receiver >= 0)
      sim.ctx.session(rng, {
        user: receiver,
        patient: o.patient,
        day: o.day,
        at: o.sec + between(rng, 300, 1800),
        unit,
        purpose: Purpose.Treat,
        style: 'admin',
      });
    if (o.elective) {
      const doctor = sim.ctx.pickWorking(rng, unit, o.day, o.sec + H, roleBit.physician);
      if (doctor >= 0)
        sim.ctx.session(rng, {
          user: doctor,
          patient: o.patient,
          day: o.day,
          at: o.sec + between(rng, 0.5 * H, 3 * H),
          unit,
          purpose: Purpose.Treat,
          style: 'document',
        });
    }
  }
  return encounter;
}

const nurseShifts = [
  { from: 7 * H, to: 15 * H, sessions: 3.0, others: 0.7, aides: 0.5 },
  { from: 14.75 * H, to: 22.5 * H, sessions: 2.4, others: 0.6, aides: 0.4 },
  { from: 22.25 * H, to: 31.5 * H, sessions: 1.3, others: 0.3, aides: 0 },
] as const;

/** One day of a stay. Before the period only the discharge day matters (its letters and coding fall inside). */
export function inpatientDay(sim: Sim, rng: Rng, encounter: Encounter, day: number): void {
  if (day < -1) {
    if (day === encounter.endDay) discharge(sim, rng, encounter, day);
    return;
  }
  const { ctx } = sim;
  const unit = encounter.unit;
  const patient = encounter.patient;
  const from = day === encounter.startDay ? encounter.startSec : 0;
  const to =
    day === encounter.endDay ? encounter.endSec : day + 1 === encounter.endDay ? DAY + encounter.endSec : 31.5 * H;
  const weekday = !ctx.calendar.day(day).isWeekend;
  const specialty = sim.index.specialtyOfUnit(unit);

  for (const shift of nurseShifts) {
    const start = Math.max(shift.from, from);
    const end = Math.min(shift.to, to);
    if (end - start < 600) continue;
    const share = (end - start) / (shift.to - shift.from);
    const mid = (shift.from + shift.to) / 2;
    const nurses = ctx.workingDuring(unit, day, mid, mid + 1, roleBit.nurse);
    let primary = nurses.length > 0 ? (nurses[(encounter.index * 7 + day) % nurses.length] as number) : -1;
    if (primary < 0) primary = coverFromSibling(sim, rng, unit, day, mid);
    if (primary < 0) continue;
    const count = rng.poisson(shift.sessions * share);
    for (let i = 0; i < count; i += 1) {
      const at = i === 0 && rng.chance(0.4) ? start + between(rng, 300, 2400) : between(rng, start, end);
      ctx.session(rng, { user: primary, patient, day, at, unit, purpose: Purpose.Treat, style: 'review' });
    }
    const others = rng.poisson(shift.others * share);
    for (let i = 0; i < others && nurses.length > 1; i += 1) {
      ctx.session(rng, {
        user: rng.pick(nurses),
        patient,
        day,
        at: between(rng, start, end),
        unit,
        purpose: Purpose.Treat,
        style: 'review',
      });
    }
    const aides = rng.poisson(shift.aides * share);
    for (let i = 0; i < aides; i += 1) {
      const aide = ctx.pickWorking(rng, unit, day, mid, roleBit.other);
      if (aide >= 0)
        ctx.session(rng, {
          user: aide,
          patient,
          day,
          at: between(rng, start, end),
          unit,
          purpose: Purpose.Treat,
          style: 'glance',
        });
    }
  }

  physicianRounds(sim, rng, encounter, day, from, to, weekday);
  if (weekday) allied(sim, rng, encounter, day, from, to);
  if (specialty && weekday && rng.chance(0.035)) consult(sim, rng, encounter, day, specialty);
  if (rng.chance(day === encounter.startDay ? 0.9 : 0.55))
    labOrder(sim, rng, patient, encounter.site, day, Math.max(from, between(rng, 6.5 * H, 9 * H)));
  if (rng.chance(day === encounter.startDay ? 0.3 : 0.08))
    radiologyOrder(sim, rng, patient, encounter.site, day, Math.max(from, between(rng, 8 * H, 14 * H)), false);
  if (rng.chance(0.003)) rapidResponse(sim, rng, encounter, day, from, to);
  if (day === encounter.endDay) discharge(sim, rng, encounter, day);
}

/** When a ward has no nurse on the shift, a nurse from a sibling ward of the same clinic covers. */
function coverFromSibling(sim: Sim, rng: Rng, unit: number, day: number, at: number): number {
  const site = sim.index.sites[sim.ctx.hospital.departments[unit]?.site ?? 0];
  for (const ward of rng.shuffle([...(site?.wards ?? [])])) {
    if (ward === unit) continue;
    const nurse = sim.ctx.pickWorking(rng, ward, day, at, roleBit.nurse);
    if (nurse >= 0) return nurse;
  }
  return -1;
}

function physicianRounds(
  sim: Sim,
  rng: Rng,
  encounter: Encounter,
  day: number,
  from: number,
  to: number,
  weekday: boolean,
): void {
  const { ctx } = sim;
  const unit = encounter.unit;
  const patient = encounter.patient;
  const dayFrom = Math.max(from, 8 * H);
  const dayTo = Math.min(to, 16 * H);
  if (dayTo - dayFrom > 1200) {
    if (weekday) {
      let doctor = -1;
      const responsible = encounter.responsible;
      if (responsible >= 0 && ctx.shiftToday(responsible, day)?.kind === 'D' && rng.chance(0.8)) doctor = responsible;
      if (doctor < 0) doctor = ctx.pickWorking(rng, unit, day, 10 * H, roleBit.physician);
      if (doctor >= 0 && rng.chance(0.9)) {
        ctx.session(rng, {
          user: doctor,
          patient,
          day,
          at: between(rng, dayFrom, Math.min(dayTo, 12.5 * H)),
          unit,
          purpose: Purpose.Treat,
          style: 'document',
        });
        const more = rng.poisson(0.9);
        for (let i = 0; i < more; i += 1)
          ctx.session(rng, {
            user: doctor,
            patient,
            day,
            at: between(rng, dayFrom, dayTo),
            unit,
            purpose: Purpose.Treat,
            style: 'review',
          });
      }
    } else if (rng.chance(0.5)) {
      const doctor = onCallFor(sim, rng, unit, day, false);
      if (doctor >= 0)
        ctx.session(rng, {
          user: doctor,
          patient,
          day,
          at: between(rng, dayFrom, dayTo),
          unit,
          purpose: Purpose.Treat,
          style: 'document',
        });
    }
  }
  // Evening and night: the clinic's on-call physician, sometimes covering another clinic's patients.
  for (const [start, end, chance] of [
    [16 * H, 23 * H, 0.15],
    [23 * H, 31 * H, 0.07],
  ] as const) {
    const s = Math.max(start, from);
    const e = Math.min(end, to);
    if (e - s < 600 || !rng.chance(chance)) continue;
    const doctor = onCallFor(sim, rng, unit, day, rng.chance(0.2));
    if (doctor >= 0)
      ctx.session(rng, {
        user: doctor,
        patient,
        day,
        at: between(rng, s, e),
        unit,
        purpose: Purpose.Treat,
        style: 'review',
      });
  }
}

function onCallFor(sim: Sim, rng: Rng, unit: number, day: number, crossCover: boolean): number {
  const d = sim.ctx.hospital.departments[unit];
  if (!d) return -1;
  const own = d.fn === 'icu' ? `${d.site}:icu` : `${d.site}:${d.clinic ?? 'med'}`;
  const key = crossCover ? rng.pick(sim.ctx.roster.groupKeys(d.site).concat([own])) : own;
  const members = sim.ctx.roster
    .onCallMembers(key, day)
    .filter((m) => sim.ctx.roster.isEmployed(sim.ctx.member(m), day));
  return members.length > 0 ? rng.pick(members) : -1;
}
