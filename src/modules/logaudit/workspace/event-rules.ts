/**
 * Field rules for lookups (access_events.csv columns, or the same columns mapped from AuditEvent NDJSON).
 */
import { ACTIONS, PURPOSES, sqlList } from '../domain/codes.js';
import { badTimestamp, isBlank, timestampWithoutOffset, type RowRule } from './check-rows.js';
import { ident } from './sql.js';
import type { StagedFile } from './stage-csv.js';

const required = (field: string): RowRule => ({
  field,
  issue: 'VALUE_MISSING',
  bad: isBlank(field),
  message: () => 'required value is empty',
});

export function eventRules(staged: StagedFile): RowRule[] {
  const rules: RowRule[] = [];
  if (staged.kind === 'ndjson') {
    rules.push(
      {
        field: 'resourceType',
        issue: 'VALUE_INVALID',
        bad: `(resource_type IS DISTINCT FROM 'AuditEvent')`,
        valueSql: 'resource_type',
        message: (v) => `resourceType is ${JSON.stringify(v)}, not AuditEvent`,
      },
      {
        field: 'entity',
        issue: 'NOT_ONE_PATIENT',
        bad: `(coalesce(patient_count, 0) <> 1)`,
        valueSql: 'patient_count',
        message: (v) => `the event is not about exactly one patient (${v ?? 0} patient entities); skipped`,
      },
    );
  }
  rules.push(
    required('event_id'),
    required('timestamp'),
    {
      field: 'timestamp',
      issue: 'VALUE_INVALID',
      bad: badTimestamp('timestamp'),
      message: (v) => `${JSON.stringify(v)} is not an ISO 8601 timestamp (e.g. 2026-03-04T13:22:05+01:00)`,
    },
    {
      field: 'timestamp',
      issue: 'TIMESTAMP_WITHOUT_OFFSET',
      bad: timestampWithoutOffset('timestamp'),
      message: (v) => `${JSON.stringify(v)} has no UTC offset; read as local time in the workspace's time zone`,
    },
    required('user_id'),
    ...(staged.kind === 'csv' ? [required('patient_id')] : []),
    required('action'),
    {
      field: 'action',
      issue: 'VALUE_INVALID',
      bad: `(${ident('action')} IS NOT NULL AND lower(${ident('action')}) NOT IN (${ACTIONS.map((a) => `'${a}'`).join(',')}))`,
      message: (v) => `${JSON.stringify(v)} is not one of ${ACTIONS.join(', ')}`,
    },
  );
  if (staged.present.has('purpose')) {
    rules.push({
      field: 'purpose',
      issue: 'OPTIONAL_VALUE_INVALID',
      bad: `(nullif(${ident('purpose')}, '') IS NOT NULL AND upper(${ident('purpose')}) NOT IN (${PURPOSES.map((p) => `'${p}'`).join(',')}))`,
      message: (v) =>
        `${JSON.stringify(v)} is not a known PurposeOfUse code (${PURPOSES.join(', ')}); the lookup is kept without purpose`,
    });
  }
  return rules;
}

/** First character printable ASCII (not a space), so trim() cannot empty it: bytewise, '!' ≤ value < U+0080. */
const surelyNotBlank = (column: string): string => `(${ident(column)} >= '!' AND ${ident(column)} < chr(128))`;

/**
 * A cheap predicate that is true only for rows none of `eventRules(staged)` marks: every required value starts with
 * a visible ASCII character, the action and purpose are exactly (case included) in their vocabularies, the
 * timestamp ends in `Z` or a `+hh:mm` offset and is readable. Rows failing it are checked rule by rule. Keep it in
 * step with the rules above (check-rows.test.ts compares the two on awkward values).
 */
export function eventFastOk(staged: StagedFile): string {
  const ts = ident('timestamp');
  const parts = [
    surelyNotBlank('event_id'),
    surelyNotBlank('timestamp'),
    `(strpos(${ts}, '+') = length(${ts}) - 5 OR ends_with(${ts}, 'Z'))`,
    `try_cast(${ts} AS TIMESTAMPTZ) IS NOT NULL`,
    surelyNotBlank('user_id'),
    `${ident('action')} IN ${sqlList(ACTIONS)}`,
  ];
  if (staged.kind === 'csv') parts.push(surelyNotBlank('patient_id'));
  else parts.push(`resource_type = 'AuditEvent'`, 'patient_count = 1');
  if (staged.present.has('purpose')) {
    parts.push(
      `(${ident('purpose')} IS NULL OR ${ident('purpose')} = '' OR ${ident('purpose')} IN ${sqlList(PURPOSES)})`,
    );
  }
  return `(${parts.join(' AND ')})`;
}
