/**
 * What a case page shows from the workspace: the user, the flagged patients, the user's lookups of them on a
 * timeline beside the patients' encounters and care relations, and what explains the user's other lookups in the
 * same period (counts by documented reason only — never a list of them: that would be an activity report).
 */
import { actionFromCode, explanationById, formatInZone, lit, purposeFromCode, rows, type Workspace } from './engine.js';
import { patientEncounters } from './workspace-queries.js';
import type { PatientEncounter } from './domain/patient-log.js';

export interface CaseUser {
  readonly userId: string;
  readonly givenName: string | null;
  readonly familyName: string | null;
  readonly role: string | null;
  readonly departmentId: string | null;
  readonly departmentName: string | null;
  readonly employedFrom: string | null;
  readonly employedTo: string | null;
  readonly inStaffList: boolean;
}

export interface CasePatient {
  readonly patientId: string;
  readonly givenName: string | null;
  readonly familyName: string | null;
  readonly birthYear: number | null;
  readonly isEmployee: boolean;
}

export interface CaseLookup {
  readonly eventId: string;
  readonly patientId: string;
  readonly at: string;
  readonly action: string;
  readonly purpose: string | null;
  readonly explanation: string | null;
  readonly unitName: string | null;
}

export interface CareRelationView {
  readonly patientId: string;
  readonly kind: string;
  readonly from: string;
  readonly to: string | null;
  readonly unitName: string | null;
  /** The relation names this user (not just the unit). */
  readonly withThisUser: boolean;
  readonly withThisUsersUnit: boolean;
}

export interface CaseWorkspaceView {
  readonly user: CaseUser | null;
  readonly patients: CasePatient[];
  readonly lookups: CaseLookup[];
  readonly encounters: (PatientEncounter & { patientId: string })[];
  readonly careRelations: CareRelationView[];
  readonly otherLookups: { readonly total: number; readonly byExplanation: { code: string | null; count: number }[] };
}

const list = (values: readonly string[]) =>
  values.length === 0 ? '(NULL)' : `(${values.map((v) => lit(v)).join(', ')})`;
const day = (column: string, from: string, to: string) =>
  `CAST(${column} AS DATE) BETWEEN DATE ${lit(from)} AND DATE ${lit(to)}`;
const code = (id: unknown) => (Number(id) > 0 ? (explanationById(Number(id))?.code ?? null) : null);
const text = (v: unknown) => (v === null || v === undefined ? null : String(v));

/** `from`/`to` are local days bounding the timeline (the findings' period with a margin). */
export async function readCase(
  ws: Workspace,
  userId: string,
  patientIds: readonly string[],
  from: string,
  to: string,
): Promise<CaseWorkspaceView> {
  const [u] = await rows<Record<string, unknown>>(
    ws.db,
    `SELECT u.uid, u.user_id, u.given_name, u.family_name, u.role, u.department_id, d.name AS department_name,
            strftime(u.employed_from, '%Y-%m-%d') AS employed_from, strftime(u.employed_to, '%Y-%m-%d') AS employed_to, u.known
     FROM users u LEFT JOIN departments d ON d.department_id = u.department_id WHERE u.user_id = ${lit(userId)}`,
  );
  const user: CaseUser | null = u
    ? {
        userId,
        givenName: text(u.given_name),
        familyName: text(u.family_name),
        role: text(u.role),
        departmentId: text(u.department_id),
        departmentName: text(u.department_name),
        employedFrom: text(u.employed_from),
        employedTo: text(u.employed_to),
        inStaffList: Boolean(u.known),
      }
    : null;
  const patients = (
    await rows<Record<string, unknown>>(
      ws.db,
      `SELECT patient_id, given_name, family_name, birth_year, employee_user_id FROM patients
       WHERE patient_id IN ${list(patientIds)} ORDER BY patient_id`,
    )
  ).map((p) => ({
    patientId: String(p.patient_id),
    givenName: text(p.given_name),
    familyName: text(p.family_name),
    birthYear: p.birth_year === null || p.birth_year === undefined ? null : Number(p.birth_year),
    isEmployee: p.employee_user_id !== null && p.employee_user_id !== undefined,
  }));
  if (!u)
    return {
      user,
      patients,
      lookups: [],
      encounters: [],
      careRelations: [],
      otherLookups: { total: 0, byExplanation: [] },
    };
  const uid = Number(u.uid);
  const lookups = (
    await rows<Record<string, unknown>>(
      ws.db,
      `SELECT e.event_id, p.patient_id, epoch_ms(e.ts) AS ms, e.action, e.purpose, e.explanation, d.name AS unit
       FROM events e JOIN patients p ON p.pid = e.pid LEFT JOIN departments d ON d.dept = e.dept
       WHERE e.uid = ${uid} AND p.patient_id IN ${list(patientIds)} AND ${day('e.ts', from, to)}
       ORDER BY e.ts, e.event_id LIMIT 5000`,
    )
  ).map((r) => ({
    eventId: String(r.event_id),
    patientId: String(r.patient_id),
    at: formatInZone(Number(r.ms), ws.timezone),
    action: actionFromCode(Number(r.action)),
    purpose: purposeFromCode(Number(r.purpose)),
    explanation: code(r.explanation),
    unitName: text(r.unit),
  }));
  const careRelations = (
    await rows<Record<string, unknown>>(
      ws.db,
      `SELECT p.patient_id, c.kind, epoch_ms(c.valid_from) AS from_ms, epoch_ms(c.valid_to) AS to_ms,
              coalesce(d.name, ud.name) AS unit, c.uid = ${uid} AS with_user,
              coalesce(d.department_id, ud.department_id) = ${lit(user?.departmentId ?? null)} AS with_unit
       FROM care_relations c JOIN patients p ON p.pid = c.pid LEFT JOIN departments d ON d.dept = c.dept
       LEFT JOIN users cu ON cu.uid = c.uid LEFT JOIN departments ud ON ud.department_id = cu.department_id
       WHERE p.patient_id IN ${list(patientIds)}
         AND CAST(c.valid_from AS DATE) <= DATE ${lit(to)} AND (c.valid_to IS NULL OR CAST(c.valid_to AS DATE) >= DATE ${lit(from)})
       ORDER BY c.valid_from LIMIT 500`,
    )
  ).map((r) => ({
    patientId: String(r.patient_id),
    kind: String(r.kind),
    from: formatInZone(Number(r.from_ms), ws.timezone),
    to: r.to_ms === null || r.to_ms === undefined ? null : formatInZone(Number(r.to_ms), ws.timezone),
    unitName: text(r.unit),
    withThisUser: r.with_user === true,
    withThisUsersUnit: r.with_unit === true,
  }));
  const other = await rows<{ explanation: number; n: number }>(
    ws.db,
    `SELECT e.explanation, count(*) AS n FROM events e JOIN patients p ON p.pid = e.pid
     WHERE e.uid = ${uid} AND p.patient_id NOT IN ${list(patientIds)} AND ${day('e.ts', from, to)}
     GROUP BY 1 ORDER BY 2 DESC`,
  );
  return {
    user,
    patients,
    lookups,
    encounters: await patientEncounters(ws, patientIds, from, to),
    careRelations,
    otherLookups: {
      total: other.reduce((s, r) => s + Number(r.n), 0),
      byExplanation: other.map((r) => ({ code: code(r.explanation), count: Number(r.n) })),
    },
  };
}
