/**
 * From a requested number of events to the size of the hospital. The ratios are documented in
 * docs/logaudit-generator.md; EVENTS_PER_BED_DAY was measured on the generator's own output so that the requested
 * event count is met within a few per cent.
 */
import { AppError } from '../../../platform/errors.js';

export const scalePresets: Readonly<Record<string, number>> = {
  tiny: 50_000,
  small: 400_000,
  medium: 4_000_000,
  large: 20_000_000,
};

/** Accepts `400k`, `4M`, `20m`, `1.5M`, `250000`, `250_000` or a preset name. */
export function parseScale(text: string): number {
  const trimmed = text.trim().toLowerCase().replaceAll('_', '');
  const preset = scalePresets[trimmed];
  if (preset !== undefined) return preset;
  const match = /^(\d+(?:\.\d+)?)([km]?)$/.exec(trimmed);
  if (!match) {
    throw new AppError('VALIDATION_FAILED', `Invalid scale "${text}"`, [
      { place: '--scale', message: 'Use a number of events such as 400k, 4M or 20M, or tiny|small|medium|large' },
    ]);
  }
  const factor = match[2] === 'k' ? 1_000 : match[2] === 'm' ? 1_000_000 : 1;
  const events = Math.round(Number(match[1]) * factor);
  if (events < 1_000 || events > 200_000_000) {
    throw new AppError('VALIDATION_FAILED', `Scale ${events} is out of range`, [
      { place: '--scale', message: 'Between 1k and 200M events' },
    ]);
  }
  return events;
}

/** Average events per occupied-or-not bed per day produced by the legitimate patterns (measured). */
export const EVENTS_PER_BED_DAY = 90;
/** Beds per site before the hospital splits into another site. */
const BEDS_PER_SITE = 450;
/** Patients in the register per bed (the catchment population the record system knows). */
const PATIENTS_PER_BED = 300;

export interface Sizing {
  readonly beds: number;
  readonly sites: number;
  readonly bedsPerSite: number;
  readonly populationPerSite: number;
}

export function sizeHospital(events: number, days: number): Sizing {
  const beds = Math.max(14, events / days / EVENTS_PER_BED_DAY);
  const sites = Math.min(8, Math.max(1, Math.round(beds / BEDS_PER_SITE)));
  const bedsPerSite = beds / sites;
  return {
    beds,
    sites,
    bedsPerSite,
    populationPerSite: Math.max(1500, Math.round(bedsPerSite * PATIENTS_PER_BED)),
  };
}
