/**
 * Legitimate lookups that no encounter or care relation explains: the realistic noise an access-log control has
 * to live with. Incidental openings from a ward list, IT support reproducing a fault, quality-registry work on
 * recently discharged patients, the archive answering patients' requests for copies, secretaries and physicians
 * answering telephone calls about earlier treatment, and the occasional research extraction. Also the events that
 * are not about one patient (log-ins, printed ward lists), which only the FHIR output carries.
 */
import { roleBit } from './context.js';
import type { Rng } from './rng.js';
import { Action, MULTI_PATIENT, NO_PATIENT, Purpose } from './sink.js';
import { between, H, type Sim } from './sim.js';

const clinicalBits = roleBit.nurse | roleBit.physician | roleBit.secretary | roleBit.other;

export function backgroundDay(sim: Sim, rng: Rng, day: number): void {
  const { ctx } = sim;
  const staffing = ctx.staffing(day);
  const trust = sim.index.trustUnit;
  staffing.shifts.forEach((shift, staff) => {
    if (!shift) return;
    const member = ctx.member(staff);
    const bit = roleBit[member.role];
    const at = between(rng, shift.start + 600, shift.end - 600);
    if (rng.chance(0.04))
      emitRaw(sim, rng, day, shift.start + between(rng, 0, 900), staff, NO_PATIENT, Action.Read, shift.unit);
    if (rng.chance(0.004)) emitRaw(sim, rng, day, at, staff, MULTI_PATIENT, Action.Print, shift.unit);

    if ((bit & clinicalBits) !== 0 && rng.chance(0.02)) incidental(sim, rng, staff, day, at, shift.unit);
    const home = ctx.hospital.departments[member.home];
    if (member.role === 'it' && rng.chance(0.25)) {
      const patient = sim.recent[member.site]?.pick(rng) ?? -1;
      if (patient >= 0)
        ctx.session(rng, {
          user: staff,
          patient,
          day,
          at,
          unit: member.home,
          purpose: Purpose.Operations,
          style: 'glance',
        });
    }
    if (member.home === trust.quality && rng.chance(0.6)) qualityWork(sim, rng, staff, day, at);
    if (member.home === trust.archive) archiveWork(sim, rng, staff, day, shift.start, shift.end);
    const phoneDesk = member.role === 'secretary' && (home?.fn === 'outpatient' || home?.fn === 'patient-admin');
    const calls = phoneDesk ? rng.poisson(0.6) : member.role === 'physician' && rng.chance(0.04) ? 1 : 0;
    for (let i = 0; i < calls; i += 1) {
      // A patient or a GP calls about earlier treatment: often someone with no contact in this period.
      const recent = sim.recent[member.site]?.pick(rng) ?? -1;
      const patient = recent >= 0 && rng.chance(0.5) ? recent : sim.patients.anyOf(rng, member.site);
      ctx.session(rng, {
        user: staff,
        patient,
        day,
        at: between(rng, shift.start + 600, shift.end - 600),
        unit: shift.unit,
        purpose: Purpose.Treat,
        style: phoneDesk ? 'admin' : 'review',
        searchFirst: rng.chance(0.5),
      });
    }
  });
}

/**
 * The document centre: scanning incoming mail (letters from other hospitals, GP notes) into patients' records all
 * day, and answering patients' requests for copies of their records.
 */
function archiveWork(sim: Sim, rng: Rng, staff: number, day: number, start: number, end: number): void {
  const { ctx } = sim;
  const unit = ctx.member(staff).home;
  const sites = sim.index.sites.length;
  let t = start + between(rng, 600, 1800);
  const scans = rng.poisson(18);
  for (let i = 0; i < scans && t < end - 600; i += 1) {
    const site = rng.int(sites);
    const recent = sim.recent[site]?.pick(rng) ?? -1;
    const patient = recent >= 0 && rng.chance(0.55) ? recent : sim.patients.anyOf(rng, site);
    t =
      ctx.session(rng, {
        user: staff,
        patient,
        day,
        at: t,
        unit,
        purpose: Purpose.Operations,
        style: 'admin',
        searchFirst: rng.chance(0.3),
      }) + between(rng, 60, 1200);
  }
  if (rng.chance(0.75)) {
    const n = rng.range(1, 3);
    for (let i = 0; i < n; i += 1) {
      const patient = sim.patients.anyOf(rng, rng.int(sites));
      ctx.session(rng, {
        user: staff,
        patient,
        day,
        at: between(rng, start + 600, end - 600),
        unit,
        purpose: Purpose.PatientRequest,
        style: 'archive',
        searchFirst: rng.chance(0.5),
      });
    }
  }
}

/** Opening the wrong line in a list: a short look at a patient on a neighbouring ward. */
function incidental(sim: Sim, rng: Rng, staff: number, day: number, at: number, unit: number): void {
  const site = sim.index.sites[sim.ctx.hospital.departments[unit]?.site ?? 0];
  if (!site || site.wards.length === 0) return;
  const ward = rng.pick(site.wards);
  const patients = sim.inpatients.get(ward);
  if (!patients || patients.length === 0) return;
  const encounter = rng.pick(patients);
  if (encounter.startDay > day || encounter.endDay < day) return;
  sim.ctx.session(rng, {
    user: staff,
    patient: encounter.patient,
    day,
    at,
    unit,
    purpose: Purpose.Treat,
    style: 'glance',
  });
}

/** Registering recently discharged patients of one clinic in a quality registry. */
function qualityWork(sim: Sim, rng: Rng, staff: number, day: number, at: number): void {
  const rings = [...sim.discharged.values()];
  if (rings.length === 0) return;
  const ring = rng.pick(rings);
  const n = rng.range(3, 10);
  let t = at;
  for (let i = 0; i < n && t < at + 3 * H; i += 1) {
    const patient = ring.pick(rng);
    if (patient < 0) return;
    t =
      sim.ctx.session(rng, {
        user: staff,
        patient,
        day,
        at: t,
        unit: sim.ctx.member(staff).home,
        purpose: Purpose.Operations,
        style: 'review',
      }) + between(rng, 60, 900);
  }
}

function emitRaw(
  sim: Sim,
  rng: Rng,
  day: number,
  at: number,
  user: number,
  patient: number,
  action: Action,
  unit: number,
): void {
  const ws = sim.ctx.workstationFor(rng, user, unit, at);
  sim.ctx.sink.emit(
    sim.ctx.calendar.at(day, Math.floor(at)) + rng.int(1000),
    user,
    patient,
    action,
    Purpose.None,
    unit,
    ws,
  );
}

/** A researcher with an approved project extracts data on recent patients of their specialty on a few days. */
export function researchDay(sim: Sim, rng: Rng, researcher: number, day: number): void {
  const { ctx } = sim;
  const shift = ctx.shiftToday(researcher, day);
  if (!shift || shift.kind !== 'D') return;
  const specialty = sim.index.specialtyOfUnit(ctx.member(researcher).home);
  const ring = specialty ? sim.discharged.get(specialty.clinic) : undefined;
  if (!ring) return;
  let t = between(rng, 12 * H, 14 * H);
  const n = rng.range(12, 35);
  for (let i = 0; i < n; i += 1) {
    const patient = ring.pick(rng);
    if (patient < 0) return;
    t =
      ctx.session(rng, {
        user: researcher,
        patient,
        day,
        at: t,
        unit: shift.unit,
        purpose: Purpose.Research,
        style: rng.chance(0.2) ? 'archive' : 'review',
      }) + between(rng, 30, 400);
  }
}
