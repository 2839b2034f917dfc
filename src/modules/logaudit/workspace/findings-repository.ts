/**
 * Reading analysis results: the top pairs with their signals, the events behind them, totals, the scores of every
 * pair, and stored runs with their findings (for the reviewer workflow).
 */
import { LIST, listValue, VARCHAR } from '@duckdb/node-api';
import type { Finding } from '../domain/findings.js';
import type { ExplanationState } from '../domain/scoring.js';
import { SIGNALS } from '../domain/scoring.js';
import { eventWindowPredicate, scoredPairsSql, type AnalysisWindow } from './analysis-sql.js';
import { exec, lit, one, rows, type Db } from './sql.js';

export interface ScoredPair {
  readonly uid: number;
  readonly pid: number;
  readonly user_id: string;
  readonly patient_id: string;
  readonly score: number;
  readonly state: ExplanationState;
  readonly first_ms: number;
  readonly last_ms: number;
  readonly strengths: Record<string, number>;
  readonly facts: Record<string, number | null>;
  readonly hours_undocumented: number;
}

const FACT_COLUMNS = [
  'breadth',
  'rapid',
  'rapid_here',
  'breadth_typical',
  'strangers',
  'strangers_share',
  'strangers_typical',
  'exported',
  'exported_typical',
  'day_max',
  'day_typical',
  'spell_units',
  'research_others',
  'research_documented',
  'peers',
  'dept_size',
  'name_n',
  'full_name_n',
  'name_series',
  'week_n',
  'week_usual',
  'day_n',
  'day_usual',
  'exported_day',
  'exported_usual',
  'leaving_n',
  'leaving_expected',
  'n_weeks_unexplained',
  'follow_up_off_hours',
  'employee_by_name',
];

/** The highest-scoring pairs (at least `minScore`, ties by ids), with their signals and facts computed for them. */
export async function topPairs(db: Db, limit: number, minScore: number): Promise<ScoredPair[]> {
  await exec(
    db,
    `CREATE OR REPLACE TEMP TABLE a_top_pairs AS
     SELECT s.uid, s.pid FROM a_scored s JOIN users u USING (uid) JOIN patients p USING (pid)
     WHERE s.score >= ${minScore}
     ORDER BY s.score DESC, u.user_id, p.patient_id LIMIT ${Math.max(0, Math.floor(limit))}`,
  );
  const found = await rows<Record<string, unknown>>(
    db,
    `SELECT s.*, u.user_id, p.patient_id, epoch_ms(s.first_ts) AS first_ms, epoch_ms(s.last_ts) AS last_ms
     FROM (${scoredPairsSql('(SELECT * FROM a_ctx SEMI JOIN a_top_pairs USING (uid, pid))')}) s
     JOIN users u USING (uid) JOIN patients p USING (pid)
     ORDER BY s.score DESC, u.user_id, p.patient_id`,
  );
  return found.map((r) => ({
    uid: r.uid as number,
    pid: r.pid as number,
    user_id: r.user_id as string,
    patient_id: r.patient_id as string,
    score: r.score as number,
    state: r.state as ExplanationState,
    first_ms: r.first_ms as number,
    last_ms: r.last_ms as number,
    hours_undocumented: (r.hours_undocumented as number) ?? 0,
    strengths: Object.fromEntries(SIGNALS.map((s) => [s.column, Number(r[s.column] ?? 0)])),
    facts: Object.fromEntries(FACT_COLUMNS.map((c) => [c, r[c] === null || r[c] === undefined ? null : Number(r[c])])),
  }));
}

/** Event ids per pair (in time order), for the given pairs within the window. */
export async function eventIdsFor(
  db: Db,
  pairs: readonly { uid: number; pid: number }[],
  w: AnalysisWindow,
): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (pairs.length === 0) return out;
  await exec(db, 'CREATE OR REPLACE TEMP TABLE a_top (uid INTEGER, pid INTEGER)');
  const chunk = 2000;
  for (let i = 0; i < pairs.length; i += chunk) {
    const values = pairs
      .slice(i, i + chunk)
      .map((p) => `(${p.uid}, ${p.pid})`)
      .join(', ');
    await exec(db, `INSERT INTO a_top VALUES ${values}`);
  }
  const found = await rows<{ uid: number; pid: number; ids: string[] }>(
    db,
    `SELECT e.uid, e.pid, list(e.event_id ORDER BY e.ts, e.event_id) AS ids
     FROM events e SEMI JOIN a_top t ON t.uid = e.uid AND t.pid = e.pid
     WHERE ${eventWindowPredicate(w)} GROUP BY e.uid, e.pid`,
  );
  for (const r of found) out.set(`${r.uid}:${r.pid}`, r.ids);
  return out;
}

export interface AnalysisTotals {
  readonly events: number;
  readonly explainedEvents: number;
  readonly pairs: number;
  readonly unexplainedPairs: number;
}

export async function analysisTotals(db: Db): Promise<AnalysisTotals> {
  return one<AnalysisTotals & Record<string, number>>(
    db,
    `SELECT coalesce(sum(n_events), 0)::BIGINT AS events, coalesce(sum(n_events - n_unexplained), 0)::BIGINT AS "explainedEvents",
            count(*) AS pairs, count(*) FILTER (WHERE state = 'unexplained') AS "unexplainedPairs" FROM a_scored`,
  );
}

/** user_id,patient_id,score for every pair, highest first (ties by ids), as the contract's scores.csv. */
export async function writeScoresCsv(db: Db, file: string): Promise<void> {
  await exec(
    db,
    `COPY (SELECT u.user_id, p.patient_id, s.score FROM a_scored s JOIN users u USING (uid) JOIN patients p USING (pid)
           ORDER BY s.score DESC, u.user_id, p.patient_id)
     TO ${lit(file)} (HEADER, DELIMITER ',')`,
  );
}

export async function saveRun(
  db: Db,
  run: { createdAt: Date; window: AnalysisWindow; budget: number; totals: AnalysisTotals },
  findings: readonly (Finding & { case_id: string })[],
): Promise<number> {
  const runId = (await one<{ id: number }>(db, 'SELECT coalesce(max(run_id), 0) + 1 AS id FROM analysis_runs')).id;
  await exec(db, 'BEGIN TRANSACTION');
  try {
    await exec(
      db,
      `INSERT INTO analysis_runs VALUES (${runId}, ${lit(run.createdAt.toISOString())},
         ${run.window.from ? `DATE ${lit(run.window.from)}` : 'NULL'}, ${run.window.to ? `DATE ${lit(run.window.to)}` : 'NULL'},
         ${run.budget}, ${run.totals.events}, ${run.totals.explainedEvents}, ${run.totals.pairs}, ${findings.length})`,
    );
    // An appender, not INSERT … VALUES: thousands of rows with long event lists are slow to parse as SQL text.
    const appender = await db.createAppender('findings');
    try {
      findings.forEach((f, i) => {
        appender.appendInteger(runId);
        appender.appendInteger(i + 1);
        appender.appendVarchar(f.case_id);
        appender.appendVarchar(f.user_id);
        appender.appendVarchar(f.patient_id);
        appender.appendDouble(f.score);
        appender.appendVarchar(f.first_seen);
        appender.appendVarchar(f.last_seen);
        appender.appendList(listValue(f.events), LIST(VARCHAR));
        appender.appendVarchar(JSON.stringify(f.reasons));
        appender.endRow();
      });
      appender.flushSync();
    } finally {
      appender.closeSync();
    }
    await exec(db, 'COMMIT');
  } catch (error) {
    await exec(db, 'ROLLBACK');
    throw error;
  }
  return runId;
}
