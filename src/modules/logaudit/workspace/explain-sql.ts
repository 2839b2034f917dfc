/**
 * Explanation of lookups in SQL. All documented reasons of a patient are periods in one table (`explainers`, rebuilt
 * from encounters and care relations); a batch of lookups is joined to it once on the patient and the time, each
 * matching period yields the explanation it gives to this lookup (or none), and the best one (lowest id in the
 * priority order of domain/explanations.ts) wins. Organisation rules are applied afterwards to what is left.
 */
import { purposeCode, sqlList } from '../domain/codes.js';
import {
  ADMIN_AFTER_DISCHARGE_DAYS,
  ADMIN_ROLES,
  RELATION_MARGIN_HOURS,
  SERVICE_DEPARTMENT_KINDS,
  SERVICE_ROLES,
} from '../domain/explain-policy.js';
import { explanationId } from '../domain/explanations.js';
import { localDateSql, localMsSql, type OffsetSegment } from '../domain/time.js';
import { exec, lit, type Db } from './sql.js';

export interface ExplanationRule {
  readonly rule_id: string;
  readonly user_role: string | null;
  readonly user_department_id: string | null;
  readonly user_department_kind: string | null;
  readonly action: string | null;
  readonly purpose: string | null;
  readonly encounter_kind: string | null;
  readonly window_days: number;
}

const ETREAT = purposeCode('ETREAT');

/**
 * Event flags (bits): 1 = outside the user's employment period, 2 = emergency access without an emergency contact,
 * 4 = the log named no unit for the lookup (the user's home unit stands in for it).
 */
export const FLAG_AFTER_EMPLOYMENT = 1;
export const FLAG_ETREAT_NO_EMERGENCY = 2;
export const FLAG_UNIT_NOT_GIVEN = 4;

/**
 * Kinds of period in `explainers`: a care relation, an encounter, the administrative weeks after a discharge, and a
 * user's care relation as seen from the holder's home unit (a colleague's relation: the GP office's secretary and
 * nurse work for the GP's list patients, a ward's nurses for the patients assigned to its physicians).
 */
export const SRC_RELATION = 1;
export const SRC_ENCOUNTER = 2;
const SRC_DISCHARGE = 3;
export const SRC_COLLEAGUE_RELATION = 4;

/** Rebuild `explainers` from encounter_windows and care_relations. */
export async function rebuildExplainers(db: Db): Promise<void> {
  await exec(
    db,
    `DELETE FROM explainers;
     INSERT INTO explainers
     SELECT pid, ${SRC_RELATION}, uid, dept, NULL, false, NULL, false,
            valid_from - to_hours(${RELATION_MARGIN_HOURS}),
            coalesce(valid_to, TIMESTAMPTZ 'infinity') + to_hours(${RELATION_MARGIN_HOURS})
     FROM care_relations
     UNION ALL
     SELECT pid, ${SRC_ENCOUNTER}, NULL, dept, clinic, enc_kind = 'order',
            CASE WHEN dept_kind IN ${sqlList(SERVICE_DEPARTMENT_KINDS)} THEN dept_kind END, is_emergency, win_from, win_to
     FROM encounter_windows
     UNION ALL
     SELECT pid, ${SRC_DISCHARGE}, NULL, dept, clinic, false, NULL, false, end_ts, end_ts + to_hours(${ADMIN_AFTER_DISCHARGE_DAYS * 24})
     FROM encounter_windows WHERE end_ts IS NOT NULL
     UNION ALL
     SELECT r.pid, ${SRC_COLLEAGUE_RELATION}, r.uid, d.dept, NULL, false, NULL, false,
            r.valid_from - to_hours(${RELATION_MARGIN_HOURS}),
            coalesce(r.valid_to, TIMESTAMPTZ 'infinity') + to_hours(${RELATION_MARGIN_HOURS})
     FROM care_relations r JOIN users u ON u.uid = r.uid JOIN departments d ON d.department_id = u.department_id`,
  );
}

/** Per-lookup columns the explanation needs, computed once per lookup (not once per matching period). */
export function lookupTraitsSql(): string {
  return `(CASE WHEN dept_kind IN ${sqlList(SERVICE_DEPARTMENT_KINDS)} THEN dept_kind
          WHEN role = 'lab' THEN 'lab' WHEN role = 'radiology' THEN 'radiology' WHEN role = 'pharmacist' THEN 'pharmacy' END) AS service_kind,
    (role IN ${sqlList(SERVICE_ROLES)} OR dept_kind IN ${sqlList(SERVICE_DEPARTMENT_KINDS)}) AS is_service,
    coalesce(role IN ${sqlList(ADMIN_ROLES)}, false) AS is_admin,
    (purpose = ${ETREAT} OR dept_kind = 'emergency') AS is_emergency_user,
    coalesce(dept_kind = 'administration', false) AS is_central_admin`;
}

/**
 * Per lookup of relation `c` (columns rec, uid, pid, ts, dept, clinic, purpose and the traits above): the best
 * explanation id (`code`) and whether an emergency contact covers it (`emergency`), as CTE m_best to LEFT JOIN on
 * rec. Each reason joins on its own key (patient and user, patient and unit, patient and clinic), so a lookup meets
 * only the periods that could explain it; the pid-only reasons run for the few lookups by service, emergency and
 * administrative staff, and keep only the periods that can give a code or show an emergency; a clinic match is kept
 * only for an encounter in another unit of the clinic. All matches go through one aggregation (the lowest id wins,
 * so a care relation of the user beats everything else).
 */
export function explainMatchCtes(c: string): string {
  const id = explanationId;
  const inWindow = `${c}.ts BETWEEN x.win_from AND x.win_to`;
  return `m_all AS (
      SELECT ${c}.rec, ${id('USER_CARE_RELATION')} AS code, NULL::BOOLEAN AS emergency FROM ${c} JOIN explainers x
        ON x.pid = ${c}.pid AND x.uid = ${c}.uid AND x.src = ${SRC_RELATION} AND ${inWindow}
      UNION ALL
      SELECT ${c}.rec, CASE x.src WHEN ${SRC_RELATION} THEN ${id('DEPARTMENT_CARE_RELATION')}
                               WHEN ${SRC_COLLEAGUE_RELATION} THEN ${id('COLLEAGUE_CARE_RELATION')}
                               ELSE ${id('ENCOUNTER_IN_DEPARTMENT')} END, NULL
      FROM ${c} JOIN explainers x ON x.pid = ${c}.pid AND x.dept = ${c}.dept
        AND x.src IN (${SRC_RELATION}, ${SRC_ENCOUNTER}, ${SRC_COLLEAGUE_RELATION}) AND ${inWindow}
      UNION ALL
      SELECT ${c}.rec, ${id('ENCOUNTER_IN_CLINIC')}, NULL FROM ${c} JOIN explainers x
        ON x.pid = ${c}.pid AND x.clinic = ${c}.clinic AND x.src = ${SRC_ENCOUNTER} AND ${inWindow}
          /* the same period in the unit of the lookup gives ENCOUNTER_IN_DEPARTMENT, which ranks higher */
          AND x.dept <> ${c}.dept
      UNION ALL
      SELECT o.rec,
        CASE WHEN x.is_order AND o.is_service AND (x.service_kind IS NULL OR x.service_kind = o.service_kind)
                   THEN ${id('ORDER_TO_SERVICE')}
                 WHEN x.is_emergency AND o.is_emergency_user THEN ${id('EMERGENCY_VISIT')}
                 WHEN x.src = ${SRC_DISCHARGE} AND o.is_admin AND (x.dept = o.dept OR x.clinic = o.clinic OR o.is_central_admin)
                   THEN ${id('ADMIN_AFTER_DISCHARGE')} END,
        x.is_emergency
      FROM (SELECT * FROM ${c} WHERE coalesce(is_service, false) OR coalesce(is_emergency_user, false) OR is_admin) o
      JOIN explainers x ON x.pid = o.pid AND o.ts BETWEEN x.win_from AND x.win_to
      WHERE x.is_emergency OR (x.is_order AND o.is_service) OR (x.src = ${SRC_DISCHARGE} AND o.is_admin)),
    m_best AS (SELECT rec, min(code) AS code, bool_or(emergency) AS emergency FROM m_all GROUP BY rec)`;
}

/** The explanation id from the m_best CTE joined as m_best (0 = nothing explains the lookup). */
export const EXPLANATION_FROM_MATCHES = `coalesce(m_best.code, 0)`;

export const MATCH_JOINS = (c: string): string => `LEFT JOIN m_best ON m_best.rec = ${c}.rec`;

/**
 * Flags of a lookup given its matches (ETREAT lookups are emergency users, so m_all sees their periods) and whether
 * the log named its unit (`unit_not_given`).
 */
export function flagsSql(segments: readonly OffsetSegment[]): string {
  const day = localDateSql(localMsSql('c.ts', segments));
  return `((CASE WHEN (c.employed_to IS NOT NULL AND ${day} > c.employed_to)
                  OR (c.employed_from IS NOT NULL AND ${day} < c.employed_from) THEN ${FLAG_AFTER_EMPLOYMENT} ELSE 0 END)
         + (CASE WHEN c.purpose = ${ETREAT} AND NOT coalesce(m_best.emergency, false) THEN ${FLAG_ETREAT_NO_EMERGENCY} ELSE 0 END)
         + (CASE WHEN c.unit_not_given THEN ${FLAG_UNIT_NOT_GIVEN} ELSE 0 END))::UTINYINT`;
}

/** SQL condition for one organisation rule over events `e` joined with their user `u` and unit `di`/`d`. */
export function ruleCondition(rule: ExplanationRule, actionCodeOf: (a: string) => number): string {
  const parts: string[] = [];
  if (rule.user_role) parts.push(`u.role = ${lit(rule.user_role)}`);
  if (rule.user_department_id) parts.push(`d.department_id = ${lit(rule.user_department_id)}`);
  if (rule.user_department_kind) parts.push(`di.kind = ${lit(rule.user_department_kind)}`);
  if (rule.action) parts.push(`e.action = ${actionCodeOf(rule.action)}`);
  if (rule.purpose) parts.push(`e.purpose = ${purposeCode(rule.purpose as 'TREAT')}`);
  if (rule.encounter_kind) {
    parts.push(
      `EXISTS (SELECT 1 FROM encounter_windows w WHERE w.pid = e.pid AND w.enc_kind = ${lit(rule.encounter_kind)}
               AND e.ts BETWEEN w.start_ts - to_days(${rule.window_days}) AND coalesce(w.end_ts, w.start_ts) + to_days(${rule.window_days}))`,
    );
  }
  return parts.length > 0 ? `(${parts.join(' AND ')})` : 'false';
}

/** Apply organisation rules to the still unexplained lookups matching `where` (a predicate over `e`). */
export async function applyOrganisationRules(
  db: Db,
  rules: readonly ExplanationRule[],
  where: string,
  actionCodeOf: (a: string) => number,
): Promise<void> {
  if (rules.length === 0) return;
  const condition = rules.map((r) => ruleCondition(r, actionCodeOf)).join(' OR ');
  await exec(
    db,
    `UPDATE events SET explanation = ${explanationId('ORGANISATION_RULE')}
     WHERE explanation = 0 AND ${where} AND rowid IN (
       SELECT e.rowid FROM events e JOIN users u USING (uid) LEFT JOIN departments d ON d.dept = e.dept
       LEFT JOIN dept_info di ON di.dept = e.dept
       WHERE e.explanation = 0 AND ${where.replaceAll('events.', 'e.')} AND (${condition}))`,
  );
}
