/**
 * The clinical specialties a synthetic site can have, in the order a growing hospital adds them. Weights are
 * relative within the catalogue: bed share, how often the specialty admits from the emergency department or
 * electively, its outpatient volume, and its length of stay.
 */

export type ClinicKey = 'med' | 'kir' | 'kvb' | 'psyk';

export interface Specialty {
  readonly key: string;
  /** Norwegian, as it appears in department names. */
  readonly name: string;
  readonly clinic: ClinicKey;
  readonly beds: number;
  readonly acute: number;
  readonly elective: number;
  readonly outpatient: number;
  /** Median length of stay in days and its log-scale spread. */
  readonly losMedian: number;
  readonly losSigma: number;
  /** Chance per inpatient day that a physio- or occupational therapist is involved. */
  readonly therapy: number;
}

export const specialtyCatalogue: readonly Specialty[] = [
  { key: 'gen-med', name: 'indremedisin', clinic: 'med', beds: 10, acute: 10, elective: 1, outpatient: 3, losMedian: 3.2, losSigma: 0.7, therapy: 0.15 },
  { key: 'gen-kir', name: 'gastrokirurgi', clinic: 'kir', beds: 7, acute: 6, elective: 5, outpatient: 5, losMedian: 3, losSigma: 0.7, therapy: 0.1 },
  { key: 'orto', name: 'ortopedi', clinic: 'kir', beds: 7, acute: 5, elective: 5, outpatient: 7, losMedian: 3.5, losSigma: 0.6, therapy: 0.5 },
  { key: 'kard', name: 'kardiologi', clinic: 'med', beds: 5, acute: 6, elective: 2, outpatient: 5, losMedian: 2.5, losSigma: 0.6, therapy: 0.08 },
  { key: 'fodsel', name: 'fødsel og barsel', clinic: 'kvb', beds: 4, acute: 5, elective: 1, outpatient: 3, losMedian: 2.2, losSigma: 0.4, therapy: 0.02 },
  { key: 'barn', name: 'barnemedisin', clinic: 'kvb', beds: 3, acute: 3, elective: 1, outpatient: 4, losMedian: 2, losSigma: 0.7, therapy: 0.05 },
  { key: 'psyk', name: 'akuttpsykiatri', clinic: 'psyk', beds: 5, acute: 2, elective: 0.2, outpatient: 6, losMedian: 9, losSigma: 0.8, therapy: 0.05 },
  { key: 'lunge', name: 'lungemedisin', clinic: 'med', beds: 4, acute: 4, elective: 1, outpatient: 3, losMedian: 3.5, losSigma: 0.6, therapy: 0.15 },
  { key: 'geri', name: 'geriatri', clinic: 'med', beds: 3, acute: 3, elective: 0.3, outpatient: 1, losMedian: 6, losSigma: 0.6, therapy: 0.5 },
  { key: 'gyn', name: 'gynekologi', clinic: 'kvb', beds: 2, acute: 1, elective: 3, outpatient: 5, losMedian: 2, losSigma: 0.6, therapy: 0.03 },
  { key: 'nevro', name: 'nevrologi', clinic: 'med', beds: 3, acute: 3, elective: 1, outpatient: 4, losMedian: 4, losSigma: 0.7, therapy: 0.4 },
  { key: 'uro', name: 'urologi', clinic: 'kir', beds: 2, acute: 1.5, elective: 3, outpatient: 4, losMedian: 2.5, losSigma: 0.6, therapy: 0.05 },
  { key: 'onko', name: 'kreftbehandling', clinic: 'med', beds: 3, acute: 1.5, elective: 3, outpatient: 6, losMedian: 4, losSigma: 0.7, therapy: 0.1 },
  { key: 'gastro', name: 'fordøyelsessykdommer', clinic: 'med', beds: 2, acute: 2, elective: 1, outpatient: 4, losMedian: 3, losSigma: 0.6, therapy: 0.05 },
  { key: 'nyre', name: 'nyresykdommer', clinic: 'med', beds: 2, acute: 1.5, elective: 1, outpatient: 3, losMedian: 4, losSigma: 0.6, therapy: 0.05 },
  { key: 'kar', name: 'karkirurgi', clinic: 'kir', beds: 2, acute: 1, elective: 2, outpatient: 2, losMedian: 4, losSigma: 0.6, therapy: 0.15 },
  { key: 'onh', name: 'øre-nese-hals', clinic: 'kir', beds: 1, acute: 0.7, elective: 2, outpatient: 5, losMedian: 1.5, losSigma: 0.6, therapy: 0.02 },
  { key: 'hem', name: 'blodsykdommer', clinic: 'med', beds: 2, acute: 0.8, elective: 1.5, outpatient: 3, losMedian: 6, losSigma: 0.8, therapy: 0.05 },
  { key: 'revma', name: 'revmatologi', clinic: 'med', beds: 1, acute: 0.4, elective: 1, outpatient: 5, losMedian: 4, losSigma: 0.5, therapy: 0.3 },
  { key: 'rehab', name: 'rehabilitering', clinic: 'med', beds: 2, acute: 0.1, elective: 1.5, outpatient: 1, losMedian: 14, losSigma: 0.5, therapy: 0.9 },
  { key: 'hud', name: 'hudsykdommer', clinic: 'med', beds: 0.5, acute: 0.1, elective: 0.5, outpatient: 5, losMedian: 4, losSigma: 0.5, therapy: 0.02 },
  { key: 'oye', name: 'øyesykdommer', clinic: 'kir', beds: 0.5, acute: 0.2, elective: 1, outpatient: 6, losMedian: 1.5, losSigma: 0.5, therapy: 0.01 },
  { key: 'plast', name: 'plastikkirurgi', clinic: 'kir', beds: 1, acute: 0.5, elective: 1.5, outpatient: 2, losMedian: 3, losSigma: 0.6, therapy: 0.1 },
  { key: 'endo', name: 'hormonsykdommer', clinic: 'med', beds: 1, acute: 0.5, elective: 0.7, outpatient: 4, losMedian: 3, losSigma: 0.6, therapy: 0.05 },
  { key: 'ruspsyk', name: 'rus og avhengighet', clinic: 'psyk', beds: 2, acute: 0.6, elective: 0.5, outpatient: 4, losMedian: 12, losSigma: 0.6, therapy: 0.05 },
];

export const clinicNames: Readonly<Record<ClinicKey | 'akutt' | 'service' | 'stab', string>> = {
  med: 'Medisinsk klinikk',
  kir: 'Kirurgisk klinikk',
  kvb: 'Kvinne- og barneklinikken',
  psyk: 'Klinikk for psykisk helsevern',
  akutt: 'Akuttklinikken',
  service: 'Medisinsk serviceklinikk',
  stab: 'Stab og administrasjon',
};
