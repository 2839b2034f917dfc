/**
 * Writing the dataset directory: the reference tables (staff, patients, departments), the events day by day (CSV
 * or FHIR NDJSON) with sequential event ids in time order, and the ground truth: every misuse event and every
 * (user, patient) pair that has misuse events, with its scenario.
 */
import { join } from 'node:path';
import { auditEventLine, loginLine, multiPatientLine, type AuditFields } from './fhir.js';
import { type Hospital, patientIdOf } from './model.js';
import type { Incident, Scenario } from './misuse-plan.js';
import { ACTIONS, type DayBucket, MULTI_PATIENT, NO_PATIENT, PURPOSES } from './sink.js';
import type { OsloFormatter } from './time.js';
import { BufferedFile, CsvFile } from './writers.js';

export function writeTables(dir: string, hospital: Hospital): Record<string, number> {
  const { departments, staff, population, addresses, municipalities, familyNames } = hospital;
  const departmentFile = new CsvFile(dir, 'departments.csv', ['department_id', 'name', 'kind', 'parent_id']);
  for (const d of departments)
    departmentFile.row([d.id, d.name, d.kind, d.parent === null ? '' : (departments[d.parent]?.id ?? '')]);
  departmentFile.close();

  const staffFile = new CsvFile(dir, 'staff.csv', [
    'user_id',
    'family_name',
    'given_name',
    'role',
    'department_id',
    'address_id',
    'employed_from',
    'employed_to',
  ]);
  for (const m of [...staff].sort((a, b) => (a.userId < b.userId ? -1 : 1))) {
    staffFile.row([
      m.userId,
      m.familyName,
      m.givenName,
      m.role,
      departments[m.home]?.id ?? '',
      addresses.ids[population.address[m.person] as number] ?? '',
      m.employedFrom,
      m.employedTo,
    ]);
  }
  staffFile.close();

  const patientFile = new CsvFile(dir, 'patients.csv', [
    'patient_id',
    'family_name',
    'given_name',
    'birth_year',
    'address_id',
    'municipality',
    'employee_user_id',
  ]);
  const byId = new Int32Array(population.count);
  for (let person = 0; person < population.count; person += 1)
    byId[(population.idNumber[person] as number) - 1] = person;
  for (const person of byId) {
    if (population.isPatient[person] !== 1) continue;
    const address = population.address[person] as number;
    const employee = population.employee[person] as number;
    patientFile.row([
      patientIdOf(population, person),
      familyNames[population.familyName[person] as number] ?? '',
      population.givenName[person] ?? '',
      String(population.birthYear[person]),
      addresses.ids[address] ?? '',
      municipalities[addresses.municipality[address] as number] ?? '',
      employee >= 0 ? (staff[employee]?.userId ?? '') : '',
    ]);
  }
  patientFile.close();
  return { 'departments.csv': departmentFile.rows, 'staff.csv': staffFile.rows, 'patients.csv': patientFile.rows };
}

export interface ScenarioCount {
  incidents: number;
  pairs: number;
  events: number;
}

export class EventOutput {
  private readonly file: BufferedFile;
  private readonly truthEvents: CsvFile;
  private nextId = 1;
  events = 0;
  nonPatientEvents = 0;
  private readonly pairs = new Map<string, Scenario>();
  private readonly scenarioEvents = new Map<Scenario, number>();
  private readonly emittedIncidents = new Set<number>();
  private readonly recentPatients: string[] = [];
  private readonly userIds: string[];
  private readonly unitIds: string[];
  private readonly workstationIds: string[];

  constructor(
    private readonly dir: string,
    private readonly format: 'csv' | 'fhir',
    private readonly hospital: Hospital,
    private readonly incidents: readonly Incident[],
    private readonly formatter: OsloFormatter,
  ) {
    this.file = new BufferedFile(join(dir, format === 'csv' ? 'access_events.csv' : 'audit_events.ndjson'));
    if (format === 'csv')
      this.file.write('event_id,timestamp,user_id,patient_id,action,purpose,department_id,workstation\n');
    this.truthEvents = new CsvFile(dir, 'ground_truth_events.csv', [
      'event_id',
      'user_id',
      'patient_id',
      'scenario',
      'timestamp',
    ]);
    this.userIds = hospital.staff.map((m) => m.userId);
    this.unitIds = hospital.departments.map((d) => d.id);
    this.workstationIds = hospital.workstations.map((w) => w.id);
  }

  get fileName(): string {
    return this.format === 'csv' ? 'access_events.csv' : 'audit_events.ndjson';
  }

  writeDay(bucket: DayBucket, dayStartUtc: number): void {
    const order = bucket.sortedOrder(dayStartUtc);
    const { population } = this.hospital;
    const {
      time: times,
      user: users,
      patient: patients,
      action: actions,
      purpose: purposes,
      unit: units,
      workstation: stations,
      incident: incidents,
    } = bucket;
    for (const i of order) {
      const id = `e${String(this.nextId).padStart(10, '0')}`;
      this.nextId += 1;
      const patient = patients[i] as number;
      const recorded = this.formatter.format(times[i] as number);
      const userId = this.userIds[users[i] as number] as string;
      const unit = units[i] as number;
      const fields: AuditFields = {
        id,
        recorded,
        action: ACTIONS[actions[i] as number] ?? 'read',
        purpose: PURPOSES[purposes[i] as number] ?? '',
        userId,
        unitId: unit >= 0 ? (this.unitIds[unit] ?? '') : '',
        workstation: this.workstationIds[stations[i] as number] ?? '',
      };
      if (patient === NO_PATIENT || patient === MULTI_PATIENT) {
        if (this.format === 'fhir') {
          // A ward list needs at least two patients to be "not about one patient".
          const list = this.recentPatients.slice(-4);
          this.file.write(
            patient === NO_PATIENT || list.length < 2 ? loginLine(fields) : multiPatientLine(fields, list),
          );
          this.nonPatientEvents += 1;
        }
        continue;
      }
      const patientId = patientIdOf(population, patient);
      if (this.format === 'csv') {
        this.file.write(
          `${id},${recorded},${userId},${patientId},${fields.action},${fields.purpose},${fields.unitId},${fields.workstation}\n`,
        );
      } else {
        const query =
          fields.action === 'search'
            ? Buffer.from(
                `Patient?family=${this.hospital.familyNames[population.familyName[patient] as number] ?? ''}`,
              ).toString('base64')
            : '';
        this.file.write(auditEventLine(fields, patientId, query));
        if (this.recentPatients.push(patientId) > 8) this.recentPatients.shift();
      }
      this.events += 1;
      const incident = incidents[i] as number;
      if (incident > 0) {
        const scenario = this.incidents[incident - 1]?.scenario;
        if (!scenario) throw new Error(`Unknown incident ${incident}`);
        this.truthEvents.row([id, userId, patientId, scenario, recorded]);
        this.scenarioEvents.set(scenario, (this.scenarioEvents.get(scenario) ?? 0) + 1);
        this.emittedIncidents.add(incident);
        const key = `${userId},${patientId}`;
        if (!this.pairs.has(key)) this.pairs.set(key, scenario);
      }
    }
  }

  /** Closes the event files and writes ground_truth.csv; returns rows per file and counts per scenario. */
  close(): { files: Record<string, number>; scenarios: Record<string, ScenarioCount> } {
    this.file.close();
    this.truthEvents.close();
    const truth = new CsvFile(this.dir, 'ground_truth.csv', ['user_id', 'patient_id', 'scenario']);
    const scenarios: Record<string, ScenarioCount> = {};
    for (const key of [...this.pairs.keys()].sort()) {
      const scenario = this.pairs.get(key) as Scenario;
      const [user, patient] = key.split(',') as [string, string];
      truth.row([user, patient, scenario]);
      const count = (scenarios[scenario] ??= { incidents: 0, pairs: 0, events: 0 });
      count.pairs += 1;
    }
    truth.close();
    for (const [scenario, events] of this.scenarioEvents) {
      const count = (scenarios[scenario] ??= { incidents: 0, pairs: 0, events: 0 });
      count.events = events;
      count.incidents = this.incidents.filter((i) => i.scenario === scenario && this.emittedIncidents.has(i.id)).length;
    }
    return {
      files: {
        [this.fileName]: this.events + this.nonPatientEvents,
        'ground_truth.csv': truth.rows,
        'ground_truth_events.csv': this.truthEvents.rows,
      },
      scenarios,
    };
  }
}
