/**
 * Field rules for the reference files (staff, patients, departments, encounters, care relations), as SQL predicates
 * over the staged text columns. See specs/access-log-dataset.md for the columns.
 */
import type { CsvFileKind } from '../dataset/layout.js';
import { DEPARTMENT_KINDS, ENCOUNTER_KINDS, ROLES } from '../domain/codes.js';
import {
  badDate,
  badTimestamp,
  isBlank,
  notIn,
  timestampSql,
  timestampWithoutOffset,
  type RowRule,
} from './check-rows.js';
import { ident } from './sql.js';

const missing = (field: string): RowRule => ({
  field,
  issue: 'VALUE_MISSING',
  bad: isBlank(field),
  message: () => 'required value is empty',
});

const oneOf = (field: string, values: readonly string[]): RowRule => ({
  field,
  issue: 'VALUE_INVALID',
  bad: notIn(field, values),
  message: (v) => `${JSON.stringify(v)} is not one of ${values.join(', ')}`,
});

/** A timestamp: unreadable ⇒ the row is skipped; readable without offset ⇒ kept as local time and counted. */
const timestamp = (field: string): RowRule[] => [
  {
    field,
    issue: 'VALUE_INVALID',
    bad: badTimestamp(field),
    message: (v) => `${JSON.stringify(v)} is not an ISO 8601 timestamp (e.g. 2026-03-04T13:22:05+01:00)`,
  },
  {
    field,
    issue: 'TIMESTAMP_WITHOUT_OFFSET',
    bad: timestampWithoutOffset(field),
    message: (v) => `${JSON.stringify(v)} has no UTC offset; read as local time in the workspace's time zone`,
  },
];

const date = (field: string): RowRule => ({
  field,
  issue: 'OPTIONAL_VALUE_INVALID',
  bad: badDate(field),
  message: (v) => `${JSON.stringify(v)} is not a date (YYYY-MM-DD); the value is ignored`,
});

/** Duplicate key: the later row is skipped. `dupTable` holds the record numbers of later copies. */
export const duplicateKey = (field: string, dupTable: string): RowRule => ({
  field,
  issue: 'DUPLICATE_KEY',
  bad: `rec IN (SELECT rec FROM ${dupTable})`,
  message: (v) => `${JSON.stringify(v)} appears more than once; the first row is used`,
});

export function referenceRules(kind: Exclude<CsvFileKind, 'access_events'>, present: ReadonlySet<string>): RowRule[] {
  const has = (c: string): boolean => present.has(c);
  switch (kind) {
    case 'departments':
      return [missing('department_id'), missing('name'), missing('kind'), oneOf('kind', DEPARTMENT_KINDS)];
    case 'staff':
      return [
        missing('user_id'),
        missing('family_name'),
        missing('given_name'),
        missing('role'),
        oneOf('role', ROLES),
        missing('department_id'),
        ...(has('employed_from') ? [date('employed_from')] : []),
        ...(has('employed_to') ? [date('employed_to')] : []),
      ];
    case 'patients':
      return [
        missing('patient_id'),
        missing('family_name'),
        missing('given_name'),
        ...(has('birth_year')
          ? [
              {
                field: 'birth_year',
                issue: 'OPTIONAL_VALUE_INVALID',
                bad: `(${ident('birth_year')} IS NOT NULL AND try_cast(${ident('birth_year')} AS INTEGER) IS NULL)`,
                message: (v: string | null) => `${JSON.stringify(v)} is not a year; the value is ignored`,
              } satisfies RowRule,
            ]
          : []),
      ];
    case 'encounters':
      return [
        missing('encounter_id'),
        missing('patient_id'),
        missing('department_id'),
        missing('start'),
        ...timestamp('start'),
        ...(has('end') ? timestamp('end') : []),
        missing('kind'),
        oneOf('kind', ENCOUNTER_KINDS),
        ...(has('end')
          ? [
              {
                field: 'end',
                issue: 'VALUE_INVALID',
                bad: `(${timestampSql('end', true)} < ${timestampSql('start')})`,
                message: (v: string | null) => `end ${JSON.stringify(v)} is before start`,
              } satisfies RowRule,
            ]
          : []),
      ];
    case 'care_relations':
      return [
        missing('patient_id'),
        missing('from'),
        ...timestamp('from'),
        ...(has('to') ? timestamp('to') : []),
        missing('kind'),
        {
          field: has('user_id') ? 'user_id' : 'department_id',
          issue: 'VALUE_MISSING',
          bad: `(${has('user_id') ? isBlank('user_id') : 'true'} AND ${has('department_id') ? isBlank('department_id') : 'true'})`,
          message: () => 'either user_id or department_id must be given',
        },
      ];
  }
}
