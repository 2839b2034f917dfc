/**
 * Inpatient stays. The ward is assigned to the patient for the whole stay (a care relation to the unit); most
 * stays also name a responsible physician. Every shift the patient's nurses read and chart, physicians do rounds
 * on weekdays, the clinic's on-call physician looks in at night and at weekends, a clinical pharmacist reviews
 * medication on some wards, therapists and consultants from other specialties come by (a consult is registered
 * only sometimes), blood tests and images are ordered. After discharge a secretary writes the letters and a coder
 * codes the stay, days later and without any relation of their own.
 */
import { roleBit } from './context.js';
import { labOrder, radiologyOrder } from './diagnostics.js';
import type { Encounter } from './encounters.js';
import type { Rng } from './rng.js';
import { Purpose } from './sink.js';
import { addWeekdays, between, H, inPeriod, pushTo, Ring, type Sim } from './sim.js';
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
  const los = o.icu ? rng.logNormal(1.5, 0.6) : rng.logNormal(o.specialty.specialty.losMedian, o.specialty.specialty.losSigma);
  let endDay = o.day + Math.min(90, Math.round(los));
  let endSec = between(rng, 10 * H, 15.5 * H);
  if (endDay === o.day && endSec < o.sec + 4 * H) {
    endDay += 1;
  }
  if (endDay < o.day) endDay = o.day;
  endSec = Math.max(endSec, 0);
  const responsible = o.specialty.physicians.length > 0 && !o.icu ? rng.pick(o.specialty.physicians) : -1;
  const encounter = sim.book.open({
    patient: o.patient, unit, kind: 'inpatient', site: o.site, startDay: o.day, startSec: o.sec, endDay, endSec,
    responsible: responsible >= 0 && rng.chance(0.7) ? responsible : -1,
  });
  if (endDay < -1) return encounter;
  sim.book.relate(o.patient, { unit }, [o.day, o.sec], [endDay, endSec], 'assigned');
  if (encounter.responsible >= 0) sim.book.relate(o.patient, { user: encounter.responsible }, [o.day, o.sec], [endDay, endSec], 'assigned');
  if (rng.chance(0.3)) {
    const nurse = rng.pick(sim.index.staffOf(unit, 'nurse').concat([-1]));
    if (nurse >= 0) sim.book.relate(o.patient, { user: nurse }, [o.day, o.sec + 1800], [endDay, endSec], 'assigned');
  }
  pushTo(sim.inpatients, unit, encounter);
  if (inPeriod(sim, o.day)) {
    const receiver = sim.ctx.pickWorking(rng, unit, o.day, o.sec + 600, roleBit.nurse | roleBit.secretary);
    if (receiver >= 0) sim.ctx.session(rng, { user: receiver, patient: o.patient, day: o.day, at: o.sec + between(rng, 300, 1800), unit, purpose: Purpose.Treat, style: 'admin' });
    if (o.elective) {
      const doctor = sim.ctx.pickWorking(rng, unit, o.day, o.sec + H, roleBit.physician);
      if (doctor >= 0) sim.ctx.session(rng, { user: doctor, patient: o.patient, day: o.day, at: o.sec + between(rng, 0.5 * H, 3 * H), unit, purpose: Purpose.Treat, style: 'document' });
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
  const to = day === encounter.endDay ? encounter.endSec : day + 1 === encounter.endDay ? DAY + encounter.endSec : 31.5 * H;
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
      ctx.session(rng, { user: rng.pick(nurses), patient, day, at: between(rng, start, end), unit, purpose: Purpose.Treat, style: 'review' });
    }
    const aides = rng.poisson(shift.aides * share);
    for (let i = 0; i < aides; i += 1) {
      const aide = ctx.pickWorking(rng, unit, day, mid, roleBit.other);
      if (aide >= 0) ctx.session(rng, { user: aide, patient, day, at: between(rng, start, end), unit, purpose: Purpose.Treat, style: 'glance' });
    }
  }

  physicianRounds(sim, rng, encounter, day, from, to, weekday);
  if (weekday) allied(sim, rng, encounter, day, from, to);
  if (specialty && weekday && rng.chance(0.035)) consult(sim, rng, encounter, day, specialty);
  if (rng.chance(day === encounter.startDay ? 0.9 : 0.55)) labOrder(sim, rng, patient, encounter.site, day, Math.max(from, between(rng, 6.5 * H, 9 * H)));
  if (rng.chance(day === encounter.startDay ? 0.3 : 0.08)) radiologyOrder(sim, rng, patient, encounter.site, day, Math.max(from, between(rng, 8 * H, 14 * H)), false);
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

function physicianRounds(sim: Sim, rng: Rng, encounter: Encounter, day: number, from: number, to: number, weekday: boolean): void {
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
        ctx.session(rng, { user: doctor, patient, day, at: between(rng, dayFrom, Math.min(dayTo, 12.5 * H)), unit, purpose: Purpose.Treat, style: 'document' });
        const more = rng.poisson(0.9);
        for (let i = 0; i < more; i += 1) ctx.session(rng, { user: doctor, patient, day, at: between(rng, dayFrom, dayTo), unit, purpose: Purpose.Treat, style: 'review' });
      }
    } else if (rng.chance(0.5)) {
      const doctor = onCallFor(sim, rng, unit, day, false);
      if (doctor >= 0) ctx.session(rng, { user: doctor, patient, day, at: between(rng, dayFrom, dayTo), unit, purpose: Purpose.Treat, style: 'document' });
    }
  }
  // Evening and night: the clinic's on-call physician, sometimes covering another clinic's patients.
  for (const [start, end, chance] of [[16 * H, 23 * H, 0.15], [23 * H, 31 * H, 0.07]] as const) {
    const s = Math.max(start, from);
    const e = Math.min(end, to);
    if (e - s < 600 || !rng.chance(chance)) continue;
    const doctor = onCallFor(sim, rng, unit, day, rng.chance(0.2));
    if (doctor >= 0) ctx.session(rng, { user: doctor, patient, day, at: between(rng, s, e), unit, purpose: Purpose.Treat, style: 'review' });
  }
}

function onCallFor(sim: Sim, rng: Rng, unit: number, day: number, crossCover: boolean): number {
  const d = sim.ctx.hospital.departments[unit];
  if (!d) return -1;
  const own = d.fn === 'icu' ? `${d.site}:icu` : `${d.site}:${d.clinic ?? 'med'}`;
  const key = crossCover ? rng.pick(sim.ctx.roster.groupKeys(d.site).concat([own])) : own;
  const members = sim.ctx.roster.onCallMembers(key, day).filter((m) => sim.ctx.roster.isEmployed(sim.ctx.member(m), day));
  return members.length > 0 ? rng.pick(members) : -1;
}

/** Pharmacist, physio-/occupational therapist. */
function allied(sim: Sim, rng: Rng, encounter: Encounter, day: number, from: number, to: number): void {
  const { ctx } = sim;
  const site = sim.index.sites[encounter.site];
  const at = between(rng, Math.max(from, 8.5 * H), Math.max(Math.min(to, 15 * H), Math.max(from, 8.5 * H) + 1));
  if (at >= to) return;
  const pharmacists = sim.index.pharmacistsOf(encounter.unit);
  if (site?.unit.pharmacy !== undefined && pharmacists.length > 0 && rng.chance(0.3)) {
    const pharmacist = ctx.pickFromRoster(rng, pharmacists, day, at);
    if (pharmacist >= 0) ctx.session(rng, { user: pharmacist, patient: encounter.patient, day, at, unit: site.unit.pharmacy, purpose: Purpose.Treat, style: 'review' });
  }
  const therapyChance = sim.index.specialtyOfUnit(encounter.unit)?.specialty.therapy ?? 0.1;
  if (site?.unit.therapy !== undefined && rng.chance(therapyChance)) {
    const therapist = ctx.pickWorking(rng, site.unit.therapy, day, at, roleBit.therapist);
    if (therapist < 0) return;
    if (!encounter.therapy) {
      encounter.therapy = true;
      if (rng.chance(0.5)) sim.book.relate(encounter.patient, { unit: site.unit.therapy }, [day, at], [encounter.endDay, encounter.endSec], 'referral');
    }
    ctx.session(rng, { user: therapist, patient: encounter.patient, day, at, unit: site.unit.therapy, purpose: Purpose.Treat, style: 'document' });
  }
}

/** A physician of another specialty asked to assess the patient; the consult is registered six times in ten. */
function consult(sim: Sim, rng: Rng, encounter: Encounter, day: number, own: SpecialtyAtSite): void {
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
    sim.ctx.session(rng, { user: doctor, patient: encounter.patient, day, at: at + i * between(rng, 600, 3 * H), unit, purpose: Purpose.Treat, style: 'document' });
  }
}

/** The rapid-response team (intensive care) called to a deteriorating patient: legitimate emergency access. */
function rapidResponse(sim: Sim, rng: Rng, encounter: Encounter, day: number, from: number, to: number): void {
  const icu = sim.index.sites[encounter.site]?.unit.icu;
  if (icu === undefined) return;
  const at = between(rng, from, Math.min(to, DAY));
  const member = sim.ctx.pickWorking(rng, icu, day, at, roleBit.physician | roleBit.nurse);
  if (member >= 0) sim.ctx.session(rng, { user: member, patient: encounter.patient, day, at, unit: icu, purpose: Purpose.Emergency, style: 'review' });
}

/** Discharge day and the administrative tail (letters, coding) in the days after. */
function discharge(sim: Sim, rng: Rng, encounter: Encounter, day: number): void {
  const { ctx } = sim;
  const unit = encounter.unit;
  const patient = encounter.patient;
  const clinic = sim.index.specialtyOfUnit(unit)?.clinic;
  if (clinic !== undefined) {
    let ring = sim.discharged.get(clinic);
    if (!ring) sim.discharged.set(clinic, (ring = new Ring(400)));
    ring.push(patient);
  }
  const doctor = encounter.responsible >= 0 && ctx.shiftToday(encounter.responsible, day) ? encounter.responsible : ctx.pickWorking(rng, unit, day, encounter.endSec - H, roleBit.physician);
  if (doctor >= 0) ctx.session(rng, { user: doctor, patient, day, at: encounter.endSec - between(rng, 0.5 * H, 3 * H), unit, purpose: Purpose.Treat, style: 'document' });
  const nurse = ctx.pickWorking(rng, unit, day, encounter.endSec, roleBit.nurse);
  if (nurse >= 0) ctx.session(rng, { user: nurse, patient, day, at: encounter.endSec - between(rng, 0, 0.7 * H), unit, purpose: Purpose.Treat, style: 'admin' });

  // The letter: the ward's secretary, else the site's patient administration, within a week.
  const letterDay = addWeekdays(sim, day, rng.range(0, 4));
  const secretaries = sim.index.staffOf(unit, 'secretary');
  const siteAdmin = sim.index.sites[encounter.site]?.unit['patient-admin'];
  const writers = secretaries.length > 0 ? secretaries : siteAdmin !== undefined ? sim.index.staffOf(siteAdmin, 'secretary') : [];
  const letterAt = between(rng, 8.5 * H, 15 * H);
  const writer = ctx.pickFromRoster(rng, writers, letterDay, letterAt);
  if (writer >= 0 && inPeriod(sim, letterDay)) {
    ctx.session(rng, { user: writer, patient, day: letterDay, at: letterAt, unit: ctx.member(writer).home, purpose: rng.chance(0.75) ? Purpose.Treat : Purpose.Operations, style: 'admin' });
  }
  // Coding for activity-based funding, by the trust's coders, one to three weeks later.
  const coding = sim.index.trustUnit.coding;
  if (coding !== undefined && rng.chance(0.8)) {
    const codeDay = addWeekdays(sim, day, rng.range(1, 14));
    const at = between(rng, 8.5 * H, 15 * H);
    const coder = ctx.pickFromRoster(rng, sim.index.staffOf(coding, 'secretary'), codeDay, at);
    if (coder >= 0 && inPeriod(sim, codeDay)) {
      ctx.session(rng, { user: coder, patient, day: codeDay, at, unit: coding, purpose: rng.chance(0.7) ? Purpose.Payment : Purpose.Operations, style: 'coding' });
    }
  }
}
