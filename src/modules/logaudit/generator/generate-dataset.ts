/**
 * generateDataset: builds the synthetic hospital for a requested number of events, plans the misuse, simulates the
 * period day by day and writes the dataset directory with its ground truth. Same options, same bytes.
 */
import { mkdirSync } from 'node:fs';
import { AppError } from '../../../platform/errors.js';
import { SimContext } from './context.js';
import { buildDepartments } from './departments.js';
import { EncounterBook, PatientPicker } from './encounters.js';
import { planMisuse } from './misuse-run.js';
import type { Hospital } from './model.js';
import { familyNameTable } from './names.js';
import { EventOutput, type ScenarioCount, writeTables } from './output.js';
import { catchments } from './places.js';
import { PopulationBuilder } from './population.js';
import { Rng } from './rng.js';
import { Roster } from './roster.js';
import { sizeHospital } from './scale.js';
import { Ring, type Sim } from './sim.js';
import { simulate } from './simulation.js';
import { indexHospital } from './site-index.js';
import { EventSink } from './sink.js';
import { buildStaff } from './staff.js';
import { Calendar, OsloFormatter } from './time.js';
import { CsvFile } from './writers.js';

export interface GenerateOptions {
  readonly outDir: string;
  /** Approximate number of access events wanted. */
  readonly events: number;
  readonly seed: number;
  readonly format?: 'csv' | 'fhir';
  readonly days?: number;
  /** First day of the period, `YYYY-MM-DD` (Europe/Oslo). */
  readonly start?: string;
  readonly onProgress?: (progress: { day: number; days: number; events: number }) => void;
}

export interface GenerateSummary {
  readonly outDir: string;
  readonly format: 'csv' | 'fhir';
  readonly seed: number;
  readonly start: string;
  readonly days: number;
  readonly requestedEvents: number;
  /** Access events about one patient (the rows of access_events.csv). */
  readonly events: number;
  /** FHIR events not about one patient (log-ins, ward lists), which readers skip. */
  readonly nonPatientEvents: number;
  readonly files: Record<string, number>;
  readonly scenarios: Record<string, ScenarioCount>;
  readonly hospital: {
    readonly sites: number;
    readonly beds: number;
    readonly departments: number;
    readonly staff: number;
    readonly patients: number;
  };
}

export const DEFAULT_START = '2026-03-01';
export const DEFAULT_DAYS = 30;

export async function generateDataset(options: GenerateOptions): Promise<GenerateSummary> {
  const format = options.format ?? 'csv';
  const days = options.days ?? DEFAULT_DAYS;
  const start = options.start ?? DEFAULT_START;
  validate(options, format, days, start);
  const seed = seed32(options.seed);
  const calendar = new Calendar(start);
  const year = Number(start.slice(0, 4));
  const sizing = sizeHospital(options.events, days);

  const departmentPlan = buildDepartments(sizing, seed % 8);
  const people = new PopulationBuilder(Rng.keyed(seed, 1), year, sizing.sites, seed % catchments.length);
  const staffPlan = buildStaff({
    departments: departmentPlan.departments,
    sizing,
    people,
    rng: Rng.keyed(seed, 2),
    calendar,
    days,
    year,
  });
  for (let site = 0; site < sizing.sites; site += 1) {
    const target = people.size + sizing.populationPerSite;
    while (people.size < target) people.addGeneralHousehold(site);
  }
  const employee = new Int32Array(people.size).fill(-1);
  for (const member of staffPlan.staff) if (member.isPatient) employee[member.person] = member.index;
  const { population, addresses } = people.finalize(employee, seed);
  const hospital: Hospital = {
    departments: departmentPlan.departments,
    staff: staffPlan.staff,
    workstations: staffPlan.workstations,
    remoteHosts: staffPlan.remoteHosts,
    population,
    addresses,
    municipalities: people.municipalities,
    familyNames: familyNameTable().names,
    sites: departmentPlan.sites,
  };

  mkdirSync(options.outDir, { recursive: true });
  const tableRows = writeTables(options.outDir, hospital);
  const roster = new Roster(seed, hospital.staff, hospital.departments);
  const index = indexHospital(hospital);
  const patients = new PatientPicker(population, sizing.sites);
  const plan = planMisuse({ seed, hospital, index, roster, calendar, patients, days });

  const formatter = new OsloFormatter();
  const output = new EventOutput(options.outDir, format, hospital, plan.incidents, formatter);
  const encounterFile = new CsvFile(options.outDir, 'encounters.csv', [
    'encounter_id',
    'patient_id',
    'department_id',
    'start',
    'end',
    'kind',
  ]);
  const relationFile = new CsvFile(options.outDir, 'care_relations.csv', [
    'patient_id',
    'user_id',
    'department_id',
    'from',
    'to',
    'kind',
  ]);
  const book = new EncounterBook(
    calendar,
    formatter,
    days,
    population,
    hospital.staff.map((m) => m.userId),
    hospital.departments.map((d) => d.id),
    encounterFile,
    relationFile,
  );
  const sink = new EventSink(calendar, days, (day, bucket) => output.writeDay(bucket, calendar.day(day).startUtc));
  const ctx = new SimContext(seed, hospital, roster, calendar, sink, days);
  for (const [user, patient] of plan.blocked) ctx.blockedPairs.add(ctx.pairKey(user, patient));
  for (const user of plan.watched) ctx.touched.set(user, new Set());

  const sim: Sim = {
    ctx,
    book,
    index,
    patients,
    population,
    seed,
    days,
    inpatients: new Map(),
    visits: new Map(),
    referrals: new Map(),
    forced: new Map(),
    recent: index.sites.map(() => new Ring(5000)),
    discharged: new Map(),
  };
  try {
    await simulate(sim, plan, async (day) => {
      await sink.flushThrough(day);
      if (day >= 0) {
        options.onProgress?.({ day: day + 1, days, events: output.events });
        // Let other work (progress output, signals) run between days.
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
    });
  } finally {
    encounterFile.close();
    relationFile.close();
  }
  const closed = output.close();
  return {
    outDir: options.outDir,
    format,
    seed: options.seed,
    start,
    days,
    requestedEvents: options.events,
    events: output.events,
    nonPatientEvents: output.nonPatientEvents,
    files: {
      ...tableRows,
      'encounters.csv': encounterFile.rows,
      'care_relations.csv': relationFile.rows,
      ...closed.files,
    },
    scenarios: closed.scenarios,
    hospital: {
      sites: sizing.sites,
      beds: Math.round(sizing.beds),
      departments: hospital.departments.length,
      staff: hospital.staff.length,
      patients: tableRows['patients.csv'] ?? 0,
    },
  };
}

function validate(options: GenerateOptions, format: string, days: number, start: string): void {
  const problems: { place: string; message: string }[] = [];
  if (!options.outDir) problems.push({ place: 'outDir', message: 'An output directory is required' });
  if (!Number.isFinite(options.events) || options.events < 1000)
    problems.push({ place: 'events', message: 'At least 1,000 events' });
  if (!Number.isSafeInteger(options.seed) || options.seed < 0)
    problems.push({ place: 'seed', message: 'A non-negative integer' });
  if (format !== 'csv' && format !== 'fhir') problems.push({ place: 'format', message: 'csv or fhir' });
  if (!Number.isInteger(days) || days < 1 || days > 366)
    problems.push({ place: 'days', message: 'Between 1 and 366 days' });
  if (!/^\d{4}-\d{2}-\d{2}$/.test(start) || Number.isNaN(Date.parse(`${start}T00:00:00Z`)))
    problems.push({ place: 'start', message: 'A date as YYYY-MM-DD' });
  if (Number.isFinite(options.events) && options.events / Math.max(1, days) > 8_000_000)
    problems.push({ place: 'events', message: 'At most 8 million events per day' });
  if (problems.length > 0) throw new AppError('VALIDATION_FAILED', 'Invalid options for the log generator', problems);
}

/** Folds any safe integer seed into 32 bits. */
function seed32(seed: number): number {
  const high = Math.floor(seed / 4294967296);
  return ((seed >>> 0) ^ Math.imul(high, 0x9e3779b1)) >>> 0;
}
