/**
 * The closed vocabularies of the data contract (specs/access-log-dataset.md) and the small integer codes the
 * workspace stores instead of strings (a lookup table is cheaper to write and join than millions of strings).
 */

/** Lookup actions. `delete` is not in the CSV list but FHIR AuditEvent action `D` maps to it. */
export const ACTIONS = ['read', 'search', 'print', 'export', 'update', 'create', 'delete'] as const;
export type Action = (typeof ACTIONS)[number];

/** HL7 PurposeOfUse codes the contract names. ETREAT is emergency access ("akuttinnsyn", break-the-glass). */
export const PURPOSES = ['TREAT', 'ETREAT', 'HOPERAT', 'HPAYMT', 'HRESCH', 'PATRQT'] as const;
export type Purpose = (typeof PURPOSES)[number];

export const ROLES = [
  'physician',
  'nurse',
  'secretary',
  'lab',
  'radiology',
  'pharmacist',
  'therapist',
  'admin',
  'it',
  'other',
] as const;
export type Role = (typeof ROLES)[number];

export const DEPARTMENT_KINDS = [
  'ward',
  'outpatient',
  'emergency',
  'lab',
  'radiology',
  'pharmacy',
  'administration',
  'other',
] as const;
export type DepartmentKind = (typeof DEPARTMENT_KINDS)[number];

export const ENCOUNTER_KINDS = ['inpatient', 'outpatient', 'emergency', 'referral', 'order', 'other'] as const;
export type EncounterKind = (typeof ENCOUNTER_KINDS)[number];

/** Stored action code = index + 1 in ACTIONS (0 is never stored). */
export function actionCode(action: Action): number {
  return ACTIONS.indexOf(action) + 1;
}

export function actionFromCode(code: number): Action {
  const action = ACTIONS[code - 1];
  if (!action) throw new Error(`unknown action code ${code}`);
  return action;
}

/** Stored purpose code = index + 1 in PURPOSES; 0 = no purpose given. */
export function purposeCode(purpose: Purpose): number {
  return PURPOSES.indexOf(purpose) + 1;
}

export function purposeFromCode(code: number): Purpose | null {
  return code === 0 ? null : (PURPOSES[code - 1] ?? null);
}

/** SQL `CASE` mapping a text column to the stored code of a vocabulary (NULL when not in the vocabulary). */
export function sqlCodeCase(column: string, vocabulary: readonly string[]): string {
  const whens = vocabulary.map((value, index) => `WHEN '${value}' THEN ${index + 1}`).join(' ');
  return `(CASE ${column} ${whens} ELSE NULL END)`;
}

/** SQL literal list, e.g. `('read','search')`. */
export function sqlList(values: readonly string[]): string {
  return `(${values.map((v) => `'${v.replaceAll("'", "''")}'`).join(',')})`;
}
