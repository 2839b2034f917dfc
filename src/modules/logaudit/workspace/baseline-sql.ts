/**
 * The rules-only baseline, for comparison in the benchmark: what a simple rule engine does without explanations or
 * statistics. Each rule that fires adds one point: self-lookup, same family name (any), same address, patient is an
 * employee, emergency access (ETREAT) used, a lookup between 22 and 06, a lookup outside the employment period.
 * Needs the analysis context (a_ctx) of the same window; writes a_baseline (uid, pid, score).
 */
import { lit, exec, type Db } from './sql.js';

/** Bit mask of local hours 22–23 and 00–05. */
export const NIGHT_HOURS_MASK = [22, 23, 0, 1, 2, 3, 4, 5].reduce((mask, h) => mask | (1 << h), 0);

export const BASELINE_SQL = `CREATE OR REPLACE TEMP TABLE a_baseline AS
  SELECT uid, pid, (
      is_self::INTEGER + same_name::INTEGER + same_address::INTEGER
    + (employee_uid IS NOT NULL AND NOT is_self)::INTEGER + (n_etreat > 0)::INTEGER
    + ((hours_all & ${NIGHT_HOURS_MASK}) <> 0)::INTEGER + (n_after_employment > 0)::INTEGER)::DOUBLE AS score
  FROM a_ctx`;

export async function runBaseline(db: Db): Promise<void> {
  await exec(db, BASELINE_SQL);
}

/** Baseline scores of every pair, and the top `budget` pairs with at least one rule fired, as user/patient ids. */
export async function writeBaseline(db: Db, scoresFile: string, findingsFile: string, budget: number): Promise<void> {
  const ordered = `SELECT u.user_id, p.patient_id, b.score FROM a_baseline b JOIN users u USING (uid) JOIN patients p USING (pid)
                   ORDER BY b.score DESC, u.user_id, p.patient_id`;
  await exec(db, `COPY (${ordered}) TO ${lit(scoresFile)} (HEADER, DELIMITER ',')`);
  await exec(
    db,
    `COPY (SELECT user_id, patient_id, score FROM (${ordered}) WHERE score > 0 LIMIT ${Math.max(0, Math.floor(budget))})
     TO ${lit(findingsFile)} (FORMAT json)`,
  );
}
