/**
 * Read models over stored lookups for the reviewer and the patient (measure 4.7): who looked at a patient's record,
 * when, from which unit, and what explains it. Also stored runs and their findings.
 */
import { actionFromCode, purposeFromCode, type Action, type Purpose } from '../domain/codes.js';
import { explanationById } from '../domain/explanations.js';
import type { Reason } from '../domain/reasons.js';
import { formatInZone } from '../domain/time.js';
import { lit, rows } from './sql.js';
import type { Workspace } from './workspace.js';

export interface PatientAccess {
  readonly eventId: string;
  readonly at: string;
  readonly userId: string;
  readonly userName: string | null;
  readonly role: string | null;
  readonly departmentId: string | null;
  readonly departmentName: string | null;
  readonly action: Action;
  readonly purpose: Purpose | null;
  /** Explanation code (e.g. ENCOUNTER_IN_DEPARTMENT) or null when no documented reason was found. */
  readonly explanation: string | null;
  readonly explanationNb: string | null;
  readonly explanationEn: string | null;
}

/** Every stored lookup of one patient, oldest first, with its explanation. */
export async function patientAccessList(
  ws: Workspace,
  patientId: string,
  window: { from?: string | null; to?: string | null } = {},
): Promise<PatientAccess[]> {
  const found = await rows<Record<string, unknown>>(
    ws.db,
    `SELECT e.event_id, epoch_ms(e.ts) AS ms, u.user_id, concat_ws(' ', u.given_name, u.family_name) AS user_name, u.role,
            d.department_id, d.name AS department_name, e.action, e.purpose, e.explanation
     FROM events e JOIN patients p USING (pid) JOIN users u USING (uid) LEFT JOIN departments d ON d.dept = e.dept
     WHERE p.patient_id = ${lit(patientId)}
       ${window.from ? `AND CAST(e.ts AS DATE) >= DATE ${lit(window.from)}` : ''}
       ${window.to ? `AND CAST(e.ts AS DATE) <= DATE ${lit(window.to)}` : ''}
     ORDER BY e.ts, e.event_id`,
  );
  return found.map((r) => {
    const kind = explanationById(r.explanation as number);
    return {
      eventId: r.event_id as string,
      at: formatInZone(r.ms as number, ws.timezone),
      userId: r.user_id as string,
      userName: (r.user_name as string) || null,
      role: (r.role as string | null) ?? null,
      departmentId: (r.department_id as string | null) ?? null,
      departmentName: (r.department_name as string | null) ?? null,
      action: actionFromCode(r.action as number),
      purpose: purposeFromCode(r.purpose as number),
      explanation: kind?.code ?? null,
      explanationNb: kind?.textNb ?? null,
      explanationEn: kind?.textEn ?? null,
    };
  });
}

export interface StoredRun {
  readonly runId: number;
  readonly createdAt: string;
  readonly windowFrom: string | null;
  readonly windowTo: string | null;
  readonly budget: number;
  readonly events: number;
  readonly explainedEvents: number;
  readonly pairs: number;
  readonly findings: number;
}

export async function listRuns(ws: Workspace): Promise<StoredRun[]> {
  return rows<StoredRun>(
    ws.db,
    `SELECT run_id AS "runId", CAST(created_at AS VARCHAR) AS "createdAt", CAST(window_from AS VARCHAR) AS "windowFrom",
            CAST(window_to AS VARCHAR) AS "windowTo", budget, events, explained_events AS "explainedEvents", pairs, findings
     FROM analysis_runs ORDER BY run_id`,
  );
}

export interface StoredFinding {
  readonly rank: number;
  readonly caseId: string;
  readonly user_id: string;
  readonly patient_id: string;
  readonly score: number;
  readonly first_seen: string;
  readonly last_seen: string;
  readonly events: string[];
  readonly reasons: Reason[];
}

/** Findings of a run in rank order (the latest run when none is given). */
export async function readFindings(ws: Workspace, runId?: number): Promise<StoredFinding[]> {
  const run = runId ?? `(SELECT max(run_id) FROM analysis_runs)`;
  const found = await rows<Record<string, unknown>>(
    ws.db,
    `SELECT rank, case_id, user_id, patient_id, score, first_seen, last_seen, events, reasons FROM findings
     WHERE run_id = ${run} ORDER BY rank`,
  );
  return found.map((r) => ({
    rank: r.rank as number,
    caseId: r.case_id as string,
    user_id: r.user_id as string,
    patient_id: r.patient_id as string,
    score: r.score as number,
    first_seen: r.first_seen as string,
    last_seen: r.last_seen as string,
    events: r.events as string[],
    reasons: JSON.parse(r.reasons as string) as Reason[],
  }));
}
