/**
 * Encounters and care relations as they are created by the simulation, written straight to encounters.csv and
 * care_relations.csv. Encounters that ended long before the period are left out, as an extract would leave them.
 */
import type { CsvFile } from './writers.js';
import { type Population, patientIdOf } from './model.js';
import { type Rng, WeightedPicker } from './rng.js';
import type { Calendar, OsloFormatter } from './time.js';

export type EncounterKind = 'inpatient' | 'outpatient' | 'emergency' | 'referral' | 'order' | 'other';

export interface Encounter {
  readonly index: number;
  readonly id: string;
  readonly patient: number;
  readonly unit: number;
  readonly kind: EncounterKind;
  readonly site: number;
  readonly startDay: number;
  readonly startSec: number;
  readonly endDay: number;
  readonly endSec: number;
  /** The responsible physician, when one is registered or implied. */
  responsible: number;
  /** Set once a therapist has been involved (the referral is registered only once). */
  therapy: boolean;
}

export interface EncounterSpec {
  readonly patient: number;
  readonly unit: number;
  readonly kind: EncounterKind;
  readonly site: number;
  readonly startDay: number;
  readonly startSec: number;
  readonly endDay: number;
  readonly endSec: number;
  readonly responsible?: number;
}

export type RelationKind = 'assigned' | 'appointment' | 'referral' | 'order' | 'consult';

/** Whether encounters of the warm-up that ended more than this many days before the period are left out. */
const KEEP_AFTER_DAY = -30;

export class EncounterBook {
  private next = 0;
  encounters = 0;
  relations = 0;

  constructor(
    private readonly calendar: Calendar,
    private readonly formatter: OsloFormatter,
    private readonly days: number,
    private readonly population: Population,
    private readonly userIds: readonly string[],
    private readonly unitIds: readonly string[],
    private readonly encounterFile: CsvFile,
    private readonly relationFile: CsvFile,
  ) {}

  open(spec: EncounterSpec): Encounter {
    const index = this.next;
    this.next += 1;
    const encounter: Encounter = {
      index,
      id: `k${String(index + 1).padStart(8, '0')}`,
      patient: spec.patient,
      unit: spec.unit,
      kind: spec.kind,
      site: spec.site,
      startDay: spec.startDay,
      startSec: spec.startSec,
      endDay: spec.endDay,
      endSec: spec.endSec,
      responsible: spec.responsible ?? -1,
      therapy: false,
    };
    if (spec.endDay >= KEEP_AFTER_DAY) {
      // Ids, timestamps and kinds never need CSV quoting.
      this.encounterFile.rawLine(
        `${encounter.id},${patientIdOf(this.population, spec.patient)},${this.unitIds[spec.unit] ?? ''},${this.stamp(spec.startDay, spec.startSec)},${this.stampOrOpen(spec.endDay, spec.endSec)},${spec.kind}\n`,
      );
      this.encounters += 1;
    }
    return encounter;
  }

  /** A documented relation between a user or a unit and a patient, from one moment to another (or open). */
  relate(
    patient: number,
    who: { user?: number; unit?: number },
    from: [number, number],
    to: [number, number] | null,
    kind: RelationKind,
  ): void {
    if (to && to[0] < KEEP_AFTER_DAY) return;
    const user = who.user !== undefined ? (this.userIds[who.user] ?? '') : '';
    const unit = who.unit !== undefined && who.user === undefined ? (this.unitIds[who.unit] ?? '') : '';
    this.relationFile.rawLine(
      `${patientIdOf(this.population, patient)},${user},${unit},${this.stamp(from[0], from[1])},${to ? this.stampOrOpen(to[0], to[1]) : ''},${kind}\n`,
    );
    this.relations += 1;
  }

  private stamp(day: number, sec: number): string {
    return this.formatter.format(this.calendar.at(day, Math.floor(sec)));
  }

  private stampOrOpen(day: number, sec: number): string {
    return day >= this.days ? '' : this.stamp(day, sec);
  }
}

/**
 * Draws patients for new encounters: in proportion to care need, from the site's catchment. Reserved patients
 * (a VIP whose only stay is the planned one) are never drawn, and a misuse victim never gets an encounter in the
 * snooper's own units, where the lookup would look like ordinary care.
 */
export class PatientPicker {
  private readonly people: Int32Array[] = [];
  private readonly pickers: WeightedPicker[] = [];
  /** Patient → units where the patient must not have an encounter. */
  readonly avoid = new Map<number, Set<number>>();

  constructor(
    private readonly population: Population,
    sites: number,
  ) {
    for (let s = 0; s < sites; s += 1) {
      const members: number[] = [];
      for (let i = 0; i < population.count; i += 1) {
        if (population.site[i] === s && population.isPatient[i] === 1) members.push(i);
      }
      const people = Int32Array.from(members);
      this.people.push(people);
      this.pickers.push(new WeightedPicker(Float64Array.from(people, (i) => population.careWeight[i] ?? 0)));
    }
  }

  avoids(patient: number, unit: number): boolean {
    return this.avoid.get(patient)?.has(unit) ?? false;
  }

  pick(rng: Rng, site: number, unit = -1): number {
    // A few patients come from another site's catchment (referred for specialised care, travellers).
    const from = this.pickers.length > 1 && rng.chance(0.05) ? rng.int(this.pickers.length) : site;
    const picker = this.pickers[from] as WeightedPicker;
    const people = this.people[from] as Int32Array;
    for (let attempt = 0; attempt < 20; attempt += 1) {
      const person = people[picker.pick(rng)] as number;
      if (this.population.reserved[person] === 0 && !this.avoids(person, unit)) return person;
    }
    return people[0] as number;
  }

  /** A uniformly random registered patient of a site (for misuse targets and odd legitimate lookups). */
  anyOf(rng: Rng, site: number): number {
    const people = this.people[site] ?? (this.people[0] as Int32Array);
    return people[rng.int(people.length)] as number;
  }
}
