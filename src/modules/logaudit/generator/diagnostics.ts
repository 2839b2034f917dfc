/**
 * Laboratory and imaging orders. Each order is an `order` encounter at the laboratory or imaging unit, usually
 * (not always) with an `order` care relation to that unit; the laboratory scientist who receives the sample, the
 * radiographer who takes the images and the radiologist who reports them open the record. General practitioners
 * send samples too, so the laboratory sees many patients it has no other contact with.
 */
import { ANY_ROLE, roleBit } from './context.js';
import { Purpose } from './sink.js';
import { between, H, inPeriod, type Sim } from './sim.js';
import type { Rng } from './rng.js';

const DAY = 86_400;

/** Normalises (day, seconds) so that seconds fall within the day. */
function normalise(day: number, sec: number): [number, number] {
  const shift = Math.floor(sec / DAY);
  return [day + shift, sec - shift * DAY];
}

export function labOrder(
  sim: Sim,
  rng: Rng,
  patient: number,
  site: number,
  day: number,
  sec: number,
  external = false,
): void {
  const kindRoll = rng.float();
  const trust = sim.index.trustUnit;
  const unit =
    kindRoll < 0.1 && trust.micro !== undefined
      ? trust.micro
      : kindRoll < 0.13 && trust.pathology !== undefined
        ? trust.pathology
        : sim.index.sites[site]?.unit.lab;
  if (unit === undefined || sim.patients.avoids(patient, unit)) return;
  const resultAfter = unit === trust.pathology ? between(rng, 24 * H, 96 * H) : between(rng, 1 * H, 20 * H);
  const [endDay, endSec] = normalise(day, sec + resultAfter);
  const encounter = sim.book.open({ patient, unit, kind: 'order', site, startDay: day, startSec: sec, endDay, endSec });
  if (rng.chance(external ? 0.7 : 0.85)) sim.book.relate(patient, { unit }, [day, sec], [endDay, endSec], 'order');
  if (encounter.endDay < 0) return;
  // Receiving and analysing the sample.
  const [receiveDay, receiveSec] = normalise(day, sec + between(rng, 0.3 * H, 2.5 * H));
  emitDiagnostic(sim, rng, unit, patient, receiveDay, receiveSec, roleBit.lab);
  if (rng.chance(0.35)) {
    emitDiagnostic(sim, rng, unit, patient, endDay, endSec, roleBit.lab | roleBit.physician);
  }
}

export function radiologyOrder(
  sim: Sim,
  rng: Rng,
  patient: number,
  site: number,
  day: number,
  sec: number,
  urgent: boolean,
): void {
  const unit = sim.index.sites[site]?.unit.radiology;
  if (unit === undefined || sim.patients.avoids(patient, unit)) return;
  const examAfter = urgent ? between(rng, 0.4 * H, 3 * H) : between(rng, 2 * H, 30 * H);
  const [examDay, examSec] = normalise(day, sec + examAfter);
  const reportAfter = urgent ? between(rng, 0.3 * H, 4 * H) : between(rng, 1 * H, 40 * H);
  const [endDay, endSec] = normalise(examDay, examSec + reportAfter);
  const encounter = sim.book.open({ patient, unit, kind: 'order', site, startDay: day, startSec: sec, endDay, endSec });
  if (rng.chance(0.85)) sim.book.relate(patient, { unit }, [day, sec], [endDay, endSec], 'order');
  if (encounter.endDay < 0) return;
  emitDiagnostic(sim, rng, unit, patient, examDay, examSec, roleBit.radiology);
  // The radiologist reports when at work: on the day shift, or on call for urgent images.
  emitDiagnostic(sim, rng, unit, patient, endDay, endSec, roleBit.physician, true);
}

function emitDiagnostic(
  sim: Sim,
  rng: Rng,
  unit: number,
  patient: number,
  day: number,
  sec: number,
  roles: number,
  report = false,
): void {
  if (!inPeriod(sim, day)) return;
  let at = sec;
  let user = sim.ctx.pickWorking(rng, unit, day, at, roles);
  if (user < 0) {
    // Nobody of that role on duty right then: the work waits for the next shift start.
    for (const next of [7.5 * H, 8 * H, 15 * H, 23 * H]) {
      if (next <= sec) continue;
      user = sim.ctx.pickWorking(rng, unit, day, next + 600, roles);
      if (user >= 0) {
        at = next + between(rng, 600, 2 * H);
        break;
      }
    }
  }
  if (user < 0) user = sim.ctx.pickWorking(rng, unit, day, at, ANY_ROLE & ~roleBit.secretary);
  if (user < 0) return;
  sim.ctx.session(rng, {
    user,
    patient,
    day,
    at,
    unit,
    purpose: Purpose.Treat,
    style: report ? 'document' : 'diagnostic',
  });
}

/** Samples and images sent by general practitioners and other hospitals. */
export function externalOrders(sim: Sim, rng: Rng, site: number, day: number, beds: number): void {
  const weekend = sim.ctx.calendar.day(day).isWeekend;
  const samples = rng.poisson(beds * (weekend ? 0.15 : 0.95));
  for (let i = 0; i < samples; i += 1) {
    labOrder(
      sim,
      rng,
      sim.patients.pick(rng, site, sim.index.sites[site]?.unit.lab),
      site,
      day,
      between(rng, 9 * H, 17 * H),
      true,
    );
  }
  const images = weekend ? 0 : rng.poisson(beds * 0.2);
  for (let i = 0; i < images; i += 1) {
    radiologyOrder(
      sim,
      rng,
      sim.patients.pick(rng, site, sim.index.sites[site]?.unit.radiology),
      site,
      day,
      between(rng, 8 * H, 15 * H),
      false,
    );
  }
}
