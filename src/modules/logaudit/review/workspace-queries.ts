/**
 * Thin read queries of the review workflow on a workspace's tables (the engine's schema, workspace/schema.ts):
 * facts about flagged users, a case's timeline, a patient's lookups, daily totals and the score distribution.
 * They only read, except `syncExplanationRules`, which writes the organisation's approved rules into the
 * `explanation_rules` table that the engine's explain step reads.
 */
import {
  actionFromCode,
  exec,
  explanationById,
  formatInZone,
  lit,
  purposeFromCode,
  rows,
  type DuckDb,
  type Workspace,
} from './engine.js';
import type { WorkspaceRule } from './domain/rules.js';
import type { PatientEncounter, PatientLookup } from './domain/patient-log.js';
import type { UserFacts } from './domain/merge-findings.js';

const list = (values: readonly string[]) =>
  values.length === 0 ? '(NULL)' : `(${values.map((v) => lit(v)).join(', ')})`;
const dayPredicate = (column: string, from: string | null, to: string | null) =>
  [
    from ? `CAST(${column} AS DATE) >= DATE ${lit(from)}` : 'true',
    to ? `CAST(${column} AS DATE) <= DATE ${lit(to)}` : 'true',
  ].join(' AND ');

export async function userFacts(db: DuckDb, userIds: readonly string[]): Promise<Map<string, UserFacts>> {
  const found = await rows<{ user_id: string; role: string | null; department_id: string | null; name: string | null }>(
    db,
    `SELECT u.user_id, u.role, u.department_id, d.name FROM users u LEFT JOIN departments d ON d.department_id = u.department_id
     WHERE u.user_id IN ${list(userIds)}`,
  );
  return new Map(
    found.map((r) => [r.user_id, { role: r.role, departmentId: r.department_id, departmentName: r.name }]),
  );
}

/** Replace the active rules of the workspace with the organisation's approved ones (one transaction). */
export async function syncExplanationRules(db: DuckDb, rules: readonly WorkspaceRule[], now: Date): Promise<void> {
  await exec(db, 'BEGIN TRANSACTION');
  try {
    await exec(db, 'UPDATE explanation_rules SET active = false WHERE active');
    for (const r of rules) {
      await exec(
        db,
        `INSERT OR REPLACE INTO explanation_rules (rule_id, description_nb, description_en, user_role, user_department_id,
           user_department_kind, action, purpose, encounter_kind, window_days, active, created_at)
         VALUES (${lit(r.rule_id)}, ${lit(r.description_nb)}, ${lit(r.description_en)}, ${lit(r.user_role)},
           ${lit(r.user_department_id)}, ${lit(r.user_department_kind)}, ${lit(r.action)}, ${lit(r.purpose)},
           ${lit(r.encounter_kind)}, ${Math.max(0, Math.round(r.window_days))}, true, ${lit(now.toISOString())})`,
      );
    }
    await exec(db, 'COMMIT');
  } catch (error) {
    await exec(db, 'ROLLBACK');
    throw error;
  }
}

export interface DailyCount {
  readonly day: string;
  readonly explained: number;
  readonly unexplained: number;
}

export async function dailyCounts(
  db: DuckDb,
  from: string | null = null,
  to: string | null = null,
): Promise<DailyCount[]> {
  const found = await rows<{ day: string; explained: number; unexplained: number }>(
    db,
    `SELECT strftime(CAST(ts AS DATE), '%Y-%m-%d') AS day, count(*) FILTER (WHERE explanation > 0) AS explained,
            count(*) FILTER (WHERE explanation = 0) AS unexplained
     FROM events WHERE ${dayPredicate('ts', from, to)} GROUP BY 1 ORDER BY 1`,
  );
  return found.map((r) => ({ day: r.day, explained: Number(r.explained), unexplained: Number(r.unexplained) }));
}

export interface ScoreBin {
  readonly from: number;
  readonly to: number;
  readonly pairs: number;
}

/** Distribution of the scores of every (user, patient) pair of the analysis just run (table a_scored), 20 bins. */
export async function scoreHistogram(db: DuckDb): Promise<ScoreBin[]> {
  const found = await rows<{ bin: number; n: number }>(
    db,
    `SELECT least(19, floor(score * 20))::INTEGER AS bin, count(*) AS n FROM a_scored GROUP BY 1 ORDER BY 1`,
  );
  const counts = new Map(found.map((r) => [Number(r.bin), Number(r.n)]));
  return Array.from({ length: 20 }, (_, i) => ({ from: i / 20, to: (i + 1) / 20, pairs: counts.get(i) ?? 0 }));
}

export async function eventTotals(db: DuckDb): Promise<{ events: number; first: string | null; last: string | null }> {
  const [r] = await rows<{ n: number; first: string | null; last: string | null }>(
    db,
    `SELECT count(*) AS n, strftime(min(CAST(ts AS DATE)), '%Y-%m-%d') AS first, strftime(max(CAST(ts AS DATE)), '%Y-%m-%d') AS last FROM events`,
  );
  return { events: Number(r?.n ?? 0), first: r?.first ?? null, last: r?.last ?? null };
}

export async function patientExists(db: DuckDb, patientId: string): Promise<boolean> {
  const found = await rows(db, `SELECT 1 FROM patients WHERE patient_id = ${lit(patientId)}`);
  return found.length > 0;
}

const explanationCode = (id: number): string | null => (id > 0 ? (explanationById(id)?.code ?? null) : null);

/** Every lookup of one patient in a period (local days), with who and where: nothing about any other patient. */
export async function patientLookups(
  ws: Workspace,
  patientId: string,
  from: string,
  to: string,
): Promise<PatientLookup[]> {
  const found = await rows<Record<string, unknown>>(
    ws.db,
    `SELECT e.event_id, epoch_ms(e.ts) AS ms, e.action, e.purpose, e.explanation, u.user_id, u.role,
            nullif(trim(concat_ws(' ', u.given_name, u.family_name)), '') AS user_name,
            coalesce(d.department_id, u.department_id) AS unit_id, coalesce(d.name, ud.name) AS unit_name
     FROM events e JOIN patients p ON p.pid = e.pid JOIN users u ON u.uid = e.uid
     LEFT JOIN departments d ON d.dept = e.dept LEFT JOIN departments ud ON ud.department_id = u.department_id
     WHERE p.patient_id = ${lit(patientId)} AND ${dayPredicate('e.ts', from, to)}
     ORDER BY e.ts, e.event_id`,
  );
  return found.map((r) => ({
    eventId: r.event_id as string,
    at: formatInZone(Number(r.ms), ws.timezone),
    action: actionFromCode(Number(r.action)),
    purpose: purposeFromCode(Number(r.purpose)),
    explanation: explanationCode(Number(r.explanation)),
    userId: r.user_id as string,
    userRole: (r.role as string | null) ?? null,
    userName: (r.user_name as string | null) ?? null,
    unitId: (r.unit_id as string | null) ?? null,
    unitName: (r.unit_name as string | null) ?? null,
  }));
}

/** The patient's encounters that touch the period (with a month's margin before, for long stays). */
export async function patientEncounters(
  ws: Workspace,
  patientIds: readonly string[],
  from: string,
  to: string,
): Promise<(PatientEncounter & { patientId: string })[]> {
  const found = await rows<Record<string, unknown>>(
    ws.db,
    `SELECT n.encounter_id, p.patient_id, n.kind, d.department_id, d.name, epoch_ms(n.start_ts) AS start_ms,
            epoch_ms(n.end_ts) AS end_ms
     FROM encounters n JOIN patients p ON p.pid = n.pid JOIN departments d ON d.dept = n.dept
     WHERE p.patient_id IN ${list(patientIds)}
       AND CAST(n.start_ts AS DATE) <= DATE ${lit(to)}
       AND (n.end_ts IS NULL OR CAST(n.end_ts AS DATE) >= DATE ${lit(from)} - INTERVAL 30 DAY)
     ORDER BY n.start_ts, n.encounter_id`,
  );
  return found.map((r) => ({
    encounterId: r.encounter_id as string,
    patientId: r.patient_id as string,
    kind: r.kind as string,
    unitId: r.department_id as string,
    unitName: (r.name as string | null) ?? null,
    start: formatInZone(Number(r.start_ms), ws.timezone),
    end: r.end_ms === null || r.end_ms === undefined ? null : formatInZone(Number(r.end_ms), ws.timezone),
  }));
}

/** The local day of the newest stored lookup (the default end of a patient's period). */
export async function latestDay(db: DuckDb): Promise<string | null> {
  return (await eventTotals(db)).last;
}
