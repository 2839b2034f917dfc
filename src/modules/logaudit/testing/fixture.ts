/**
 * Small hand-made datasets for tests: write rows as the contract's CSV files, and a tiny hospital whose ordinary
 * work is explained, so that a test can add one unusual lookup and see it come out on top.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export type Row = Record<string, string | number | null | undefined>;

export interface FixtureData {
  departments: Row[];
  staff: Row[];
  patients: Row[];
  encounters: Row[];
  care_relations: Row[];
  events: Row[];
}

const csvField = (v: string | number | null | undefined): string => {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};

export function toCsv(rows: readonly Row[], columns?: readonly string[], eol = '\n'): string {
  const cols = columns ?? [...new Set(rows.flatMap((r) => Object.keys(r)))];
  return [cols.join(','), ...rows.map((r) => cols.map((c) => csvField(r[c])).join(','))].join(eol) + eol;
}

export function tempDir(prefix = 'logaudit-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export const EVENT_COLUMNS = [
  'event_id',
  'timestamp',
  'user_id',
  'patient_id',
  'action',
  'purpose',
  'department_id',
  'workstation',
];

/** Write the dataset; `eventsCsv` replaces the generated access_events.csv content (for broken-file tests). */
export function writeDataset(dir: string, data: FixtureData, options: { eventsCsv?: string | Buffer } = {}): string {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(
    path.join(dir, 'departments.csv'),
    toCsv(data.departments, ['department_id', 'name', 'kind', 'parent_id']),
  );
  fs.writeFileSync(
    path.join(dir, 'staff.csv'),
    toCsv(data.staff, [
      'user_id',
      'family_name',
      'given_name',
      'role',
      'department_id',
      'address_id',
      'employed_from',
      'employed_to',
    ]),
  );
  fs.writeFileSync(
    path.join(dir, 'patients.csv'),
    toCsv(data.patients, [
      'patient_id',
      'family_name',
      'given_name',
      'birth_year',
      'address_id',
      'municipality',
      'employee_user_id',
    ]),
  );
  fs.writeFileSync(
    path.join(dir, 'encounters.csv'),
    toCsv(data.encounters, ['encounter_id', 'patient_id', 'department_id', 'start', 'end', 'kind']),
  );
  fs.writeFileSync(
    path.join(dir, 'care_relations.csv'),
    toCsv(data.care_relations, ['patient_id', 'user_id', 'department_id', 'from', 'to', 'kind']),
  );
  fs.writeFileSync(path.join(dir, 'access_events.csv'), options.eventsCsv ?? toCsv(data.events, EVENT_COLUMNS));
  return dir;
}

/** A scores.csv as written by the analysis: score by "user/patient". */
export function readScoresCsv(file: string): Map<string, number> {
  return new Map(
    fs
      .readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.split(','))
      .map(([user, patient, score]) => [`${user}/${patient}`, Number(score)] as const),
  );
}

/** ISO timestamp in Norwegian winter time (+01:00) for day d of March 2026 (d = 1..28) at hour h. */
export function at(day: number, hour: number, minute = 0): string {
  const dd = String(day).padStart(2, '0');
  const hh = String(Math.floor(hour)).padStart(2, '0');
  const mm = String(minute).padStart(2, '0');
  return `2026-03-${dd}T${hh}:${mm}:00+01:00`;
}

/**
 * A small hospital: wards W1–W4 in two clinics, an emergency department, a lab, administration. Each ward has ten
 * nurses and three physicians; 160 patients, each admitted for three days to one ward; the ward's staff read the
 * record every day of the stay (all explained by the encounter). Unusual lookups are added by each test.
 */
export function smallHospital(): FixtureData {
  const data: FixtureData = {
    departments: [],
    staff: [],
    patients: [],
    encounters: [],
    care_relations: [],
    events: [],
  };
  data.departments.push(
    { department_id: 'C1', name: 'Medisinsk klinikk', kind: 'other' },
    { department_id: 'C2', name: 'Kirurgisk klinikk', kind: 'other' },
    { department_id: 'W1', name: 'Sengepost 1', kind: 'ward', parent_id: 'C1' },
    { department_id: 'W2', name: 'Sengepost 2', kind: 'ward', parent_id: 'C1' },
    { department_id: 'W3', name: 'Sengepost 3', kind: 'ward', parent_id: 'C2' },
    { department_id: 'W4', name: 'Sengepost 4', kind: 'ward', parent_id: 'C2' },
    { department_id: 'ED', name: 'Akuttmottak', kind: 'emergency' },
    { department_id: 'LAB', name: 'Laboratorium', kind: 'lab' },
    { department_id: 'ADM', name: 'Pasientadministrasjon', kind: 'administration' },
  );
  const wards = ['W1', 'W2', 'W3', 'W4'];
  let u = 0;
  for (const w of wards) {
    for (let i = 0; i < 13; i++) {
      u++;
      data.staff.push({
        user_id: `u${u}`,
        family_name: `Staffname${u}`,
        given_name: 'Kari',
        role: i < 3 ? 'physician' : 'nurse',
        department_id: w,
        address_id: `addr-u${u}`,
        employed_from: '2020-01-01',
      });
    }
  }
  for (let i = 0; i < 6; i++)
    data.staff.push({
      user_id: `ed${i}`,
      family_name: `Ed${i}`,
      given_name: 'Per',
      role: i < 2 ? 'physician' : 'nurse',
      department_id: 'ED',
      address_id: `addr-ed${i}`,
    });
  for (let i = 0; i < 3; i++)
    data.staff.push({
      user_id: `lab${i}`,
      family_name: `Lab${i}`,
      given_name: 'Liv',
      role: 'lab',
      department_id: 'LAB',
    });
  for (let i = 0; i < 2; i++)
    data.staff.push({
      user_id: `adm${i}`,
      family_name: `Adm${i}`,
      given_name: 'Ola',
      role: 'secretary',
      department_id: 'ADM',
    });
  let e = 0;
  for (let p = 1; p <= 160; p++) {
    const ward = wards[p % 4] as string;
    const start = 1 + (p % 20);
    data.patients.push({
      patient_id: `p${p}`,
      family_name: `Patientname${p}`,
      given_name: 'Nils',
      birth_year: 1950 + (p % 50),
      address_id: `addr-p${p}`,
      municipality: '0301',
    });
    data.encounters.push({
      encounter_id: `enc${p}`,
      patient_id: `p${p}`,
      department_id: ward,
      start: at(start, 8),
      end: at(start + 3, 12),
      kind: 'inpatient',
    });
    const wardStaff = data.staff.filter((s) => s.department_id === ward);
    for (let d = 0; d < 3; d++) {
      for (let k = 0; k < 3; k++) {
        const s = wardStaff[(p + d * 3 + k) % wardStaff.length] as Row;
        e++;
        data.events.push({
          event_id: `e${e}`,
          timestamp: at(start + d, 9 + k * 2, p % 60),
          user_id: s.user_id,
          patient_id: `p${p}`,
          action: 'read',
          purpose: 'TREAT',
          department_id: ward,
          workstation: `ws-${ward}`,
        });
      }
    }
  }
  return data;
}

let extra = 0;
/** One extra lookup event (ids unique within the process). */
export function lookup(userId: string, patientId: string, timestamp: string, more: Row = {}): Row {
  extra++;
  return {
    event_id: `x${extra}`,
    timestamp,
    user_id: userId,
    patient_id: patientId,
    action: 'read',
    purpose: 'TREAT',
    ...more,
  };
}
