/**
 * The misuse plan, made before the simulation runs: who snoops on whom, on which days and at what times. Each
 * incident belongs to one scenario; its lookups are ordinary sessions (same actions, purposes, units and mostly the
 * same workstations as the actor's daily work), so only what makes them misuse sets them apart. Victims chosen in
 * advance are kept out of ordinary encounters unless the plan gives them one (a colleague admitted elsewhere);
 * victims chosen on the day (a ward list browsed) are resolved during the simulation.
 */
import type { Hospital, StaffMember } from './model.js';
import type { PatientPicker } from './encounters.js';
import type { Roster, Shift } from './roster.js';
import { Rng } from './rng.js';
import type { SessionStyle } from './context.js';
import { Purpose } from './sink.js';
import type { ForcedAdmission } from './sim.js';
import type { HospitalIndex } from './site-index.js';
import type { Calendar } from './time.js';

export const SCENARIOS = [
  'self_lookup',
  'family',
  'neighbour',
  'colleague',
  'ex_partner',
  'vip_wave',
  'bulk_curiosity',
  'low_and_slow',
  'break_glass',
  'search_unrelated',
  'after_hours',
  'stolen_credential',
  'after_termination',
] as const;
export type Scenario = (typeof SCENARIOS)[number];

/** Incidents per 1,000 staff per 30 days (at least one of each). */
export const incidentRates: Readonly<Record<Scenario, number>> = {
  self_lookup: 4,
  family: 5,
  neighbour: 3,
  colleague: 3.5,
  ex_partner: 1.2,
  vip_wave: 0.25,
  bulk_curiosity: 0.4,
  low_and_slow: 1.5,
  break_glass: 1.5,
  search_unrelated: 3,
  after_hours: 1.5,
  stolen_credential: 0.2,
  after_termination: 0.8,
};

export interface Incident {
  readonly id: number;
  readonly scenario: Scenario;
  readonly user: number;
}

/** Who the victim of a planned session is when not fixed in advance. */
export type DynamicVictim = 'inpatient-elsewhere' | 'inpatient-former-unit';

export interface MisuseSession {
  readonly incident: number;
  readonly user: number;
  readonly patient: number | DynamicVictim;
  readonly day: number;
  readonly at: number;
  readonly unit: number;
  readonly purpose: Purpose;
  readonly style: SessionStyle;
  readonly searchFirst: boolean;
  readonly workstation?: number;
}

export interface MisusePlan {
  readonly incidents: Incident[];
  readonly sessions: Map<number, MisuseSession[]>;
  readonly forced: ForcedAdmission[];
  readonly blocked: Array<[user: number, patient: number]>;
  readonly watched: number[];
  readonly researchers: Array<[staff: number, day: number]>;
}

export interface PlanInput {
  readonly seed: number;
  readonly hospital: Hospital;
  readonly index: HospitalIndex;
  readonly roster: Roster;
  readonly calendar: Calendar;
  readonly patients: PatientPicker;
  readonly days: number;
}

/** The toolkit the scenario planners use. */
export class Planner {
  readonly rng: Rng;
  readonly incidents: Incident[] = [];
  readonly sessions = new Map<number, MisuseSession[]>();
  readonly forced: ForcedAdmission[] = [];
  readonly blocked: Array<[number, number]> = [];
  private readonly watched = new Set<number>();
  private readonly actors = new Set<number>();
  private readonly victims = new Set<number>();

  constructor(readonly input: PlanInput) {
    this.rng = Rng.keyed(input.seed, 300);
  }

  get staff(): readonly StaffMember[] {
    return this.input.hospital.staff;
  }

  get population() {
    return this.input.hospital.population;
  }

  newIncident(scenario: Scenario, user: number): Incident {
    const incident = { id: this.incidents.length + 1, scenario, user };
    this.incidents.push(incident);
    this.actors.add(user);
    this.watched.add(user);
    return incident;
  }

  /** An actor of the given roles, employed through the period, not yet an actor (now and then a repeat offender). */
  pickActor(test: (m: StaffMember) => boolean): StaffMember | null {
    const repeat = this.rng.chance(0.06);
    for (let attempt = 0; attempt < 4000; attempt += 1) {
      const member = this.rng.pick(this.staff);
      if (!test(member) || (this.actors.has(member.index) && !repeat)) continue;
      if (member.lastDay !== null || (member.firstDay !== null && member.firstDay > 0)) continue;
      // Pool nurses work on every ward: any lookup of theirs could be care.
      if (member.pattern === 'none' || this.input.hospital.departments[member.home]?.fn === 'pool') continue;
      return member;
    }
    return null;
  }

  shift(member: StaffMember, day: number): Shift | null {
    return this.input.roster.shiftOf(member, day, this.input.calendar.day(day).isWeekend);
  }

  /** A random day in [from, to] on which the member works, with the shift. */
  workingDay(member: StaffMember, from: number, to: number): { day: number; shift: Shift } | null {
    const lo = Math.max(0, from);
    const hi = Math.min(this.input.days - 1, to);
    for (let attempt = 0; attempt < 40 && hi >= lo; attempt += 1) {
      const day = this.rng.range(lo, hi);
      const shift = this.shift(member, day);
      if (shift) return { day, shift };
    }
    return null;
  }

  /** A moment inside a shift, away from its edges. */
  timeIn(shift: Shift): number {
    const margin = Math.min(900, (shift.end - shift.start) / 4);
    return shift.start + margin + this.rng.float() * (shift.end - shift.start - 2 * margin);
  }

  /** Marks a planned victim: no encounters in the actor's units, the pair kept free of legitimate lookups. */
  claim(user: number, patient: number): boolean {
    if (patient < 0 || this.population.isPatient[patient] !== 1) return false;
    const actor = this.staff[user] as StaffMember;
    const avoid = this.input.patients.avoid.get(patient) ?? new Set<number>();
    avoid.add(actor.home);
    for (const unit of actor.serves) avoid.add(unit);
    this.input.patients.avoid.set(patient, avoid);
    this.victims.add(patient);
    this.blocked.push([user, patient]);
    return true;
  }

  isVictim(patient: number): boolean {
    return this.victims.has(patient);
  }

  /** A random registered patient of the site, optionally living in a given municipality. */
  strangerOf(member: StaffMember, sameMunicipality: boolean): number {
    const { population, addresses } = this.input.hospital;
    for (let attempt = 0; attempt < 3000; attempt += 1) {
      const person = this.input.patients.anyOf(this.rng, member.site);
      if (person === member.person || member.relatives.includes(person) || this.victims.has(person)) continue;
      if (population.employee[person] !== -1) continue;
      if (sameMunicipality && addresses.municipality[population.address[person] as number] !== member.municipality)
        continue;
      return person;
    }
    return sameMunicipality ? this.strangerOf(member, false) : -1;
  }

  add(
    session: Omit<MisuseSession, 'purpose' | 'style' | 'searchFirst'> &
      Partial<Pick<MisuseSession, 'purpose' | 'style' | 'searchFirst'>>,
  ): void {
    const full: MisuseSession = { purpose: Purpose.Treat, style: 'browse', searchFirst: false, ...session };
    const list = this.sessions.get(full.day);
    if (list) list.push(full);
    else this.sessions.set(full.day, [full]);
  }

  /** Adds `count` sessions for one victim on working days in [from, to]. */
  spread(
    incident: Incident,
    patient: number,
    count: number,
    from: number,
    to: number,
    extra: Partial<MisuseSession> = {},
  ): number {
    const member = this.staff[incident.user] as StaffMember;
    let added = 0;
    for (let i = 0; i < count; i += 1) {
      const slot = this.workingDay(member, from, to);
      if (!slot) continue;
      this.add({
        incident: incident.id,
        user: member.index,
        patient,
        day: slot.day,
        at: this.timeIn(slot.shift),
        unit: slot.shift.unit,
        ...extra,
      });
      added += 1;
    }
    return added;
  }

  count(scenario: Scenario): number {
    const perStaff = (incidentRates[scenario] * this.staff.length) / 1000;
    return Math.max(1, Math.round(perStaff * (this.input.days / 30)));
  }

  result(researchers: Array<[number, number]>): MisusePlan {
    return {
      incidents: this.incidents,
      sessions: this.sessions,
      forced: this.forced,
      blocked: this.blocked,
      watched: [...this.watched],
      researchers,
    };
  }
}
