/**
 * The dataset directory of the data contract: which files exist, which of the two event formats is used, and the
 * columns each CSV file must have.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../platform/errors.js';

export type EventFormat = 'csv' | 'ndjson';

export interface DatasetLayout {
  readonly dir: string;
  readonly events: { readonly path: string; readonly format: EventFormat };
  readonly staff: string;
  readonly patients: string;
  readonly departments: string;
  readonly encounters: string;
  readonly careRelations: string | null;
}

export type ReferenceFile = 'departments' | 'staff' | 'patients' | 'encounters' | 'care_relations';

/** Required and optional columns per CSV file (order in the file is free, unknown columns are ignored). */
export const CSV_COLUMNS = {
  access_events: {
    required: ['event_id', 'timestamp', 'user_id', 'patient_id', 'action'],
    optional: ['purpose', 'department_id', 'workstation'],
  },
  staff: {
    required: ['user_id', 'family_name', 'given_name', 'role', 'department_id'],
    optional: ['address_id', 'employed_from', 'employed_to'],
  },
  patients: {
    required: ['patient_id', 'family_name', 'given_name'],
    optional: ['birth_year', 'address_id', 'municipality', 'employee_user_id'],
  },
  departments: { required: ['department_id', 'name', 'kind'], optional: ['parent_id'] },
  encounters: { required: ['encounter_id', 'patient_id', 'department_id', 'start', 'kind'], optional: ['end'] },
  care_relations: { required: ['patient_id', 'from', 'kind'], optional: ['user_id', 'department_id', 'to'] },
} as const satisfies Record<string, { required: readonly string[]; optional: readonly string[] }>;

export type CsvFileKind = keyof typeof CSV_COLUMNS;

function existing(dir: string, name: string): string | null {
  const file = path.join(dir, name);
  return fs.existsSync(file) && fs.statSync(file).isFile() ? file : null;
}

function required(dir: string, name: string): string {
  const file = existing(dir, name);
  if (!file) {
    throw new AppError('LOG_DATASET_INVALID', `${name} is missing in ${dir}`, [
      { place: path.join(dir, name), message: 'required file of the dataset is missing' },
    ]);
  }
  return file;
}

export function locateDataset(dir: string): DatasetLayout {
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
    throw new AppError('LOG_DATASET_INVALID', `dataset directory not found: ${dir}`, [
      { place: dir, message: 'not a directory' },
    ]);
  }
  const csv = existing(dir, 'access_events.csv');
  const ndjson = existing(dir, 'audit_events.ndjson');
  if (csv && ndjson) {
    throw new AppError('LOG_DATASET_INVALID', `${dir} holds both access_events.csv and audit_events.ndjson`, [
      { place: dir, message: 'exactly one event file is allowed; remove one of them' },
    ]);
  }
  if (!csv && !ndjson) {
    throw new AppError('LOG_DATASET_INVALID', `no event file in ${dir}`, [
      { place: dir, message: 'expected access_events.csv or audit_events.ndjson' },
    ]);
  }
  return {
    dir,
    events: csv ? { path: csv, format: 'csv' } : { path: ndjson as string, format: 'ndjson' },
    staff: required(dir, 'staff.csv'),
    patients: required(dir, 'patients.csv'),
    departments: required(dir, 'departments.csv'),
    encounters: required(dir, 'encounters.csv'),
    careRelations: existing(dir, 'care_relations.csv'),
  };
}
