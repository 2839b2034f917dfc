import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import {
  combine,
  contributions,
  keptSignalsSql,
  scoreQuery,
  SIGNALS,
  type ExplanationState,
} from '../domain/scoring.js';
import { rows } from './sql.js';

describe('scoreQuery', () => {
  it('computes in SQL the same score as the TypeScript combination', async () => {
    const db = await (await DuckDBInstance.create(':memory:')).connect();
    const cases: { state: ExplanationState; strengths: number[] }[] = [
      { state: 'unexplained', strengths: SIGNALS.map((_, i) => (i % 3) / 3) },
      { state: 'explained', strengths: SIGNALS.map((_, i) => (i % 2 ? 1 : 0)) },
      { state: 'weak', strengths: SIGNALS.map(() => 0.5) },
      // one circumstance and the baseline only: the circumstance counts half
      { state: 'unexplained', strengths: SIGNALS.map((s) => (s.column === 's_rare_dept' || s.baseline ? 1 : 0)) },
      // two circumstances of one aspect (time) and the baseline: still uncorroborated
      { state: 'unexplained', strengths: SIGNALS.map((s) => (s.aspect === 'time' || s.baseline ? 1 : 0)) },
    ];
    for (const c of cases) {
      const columns = SIGNALS.map((s, i) => `${c.strengths[i]} AS ${s.column}`).join(', ');
      const [row] = await rows<{ score: number }>(
        db,
        `SELECT score FROM (${scoreQuery(`SELECT '${c.state}' AS state, ${columns}`)})`,
      );
      const expected = combine(contributions(c.state, (s) => c.strengths[SIGNALS.indexOf(s)] as number));
      expect(row?.score).toBeCloseTo(expected, 6);
    }
    db.closeSync();
  });

  /** Every signal at full strength, after the keeps (routine, real work, shared record) are applied. */
  async function kept(keeps: { routine: number; work: number; record: number }): Promise<Record<string, number>> {
    const db = await (await DuckDBInstance.create(':memory:')).connect();
    const columns = SIGNALS.map((s) => `1.0 AS ${s.column}`).join(', ');
    const [row] = await rows<Record<string, number>>(
      db,
      `SELECT * REPLACE (${keptSignalsSql()}) FROM (SELECT ${columns}, ${keeps.routine} AS routine_keep,
         ${keeps.work} AS work_keep, ${keeps.record} AS record_keep)`,
    );
    db.closeSync();
    return row ?? {};
  }

  it("scales behaviour signals for routine work, except those judged against the user's own habits", async () => {
    const row = await kept({ routine: 0, work: 0.5, record: 1 });
    expect(row.s_breadth).toBe(0); // a user who looks up unfamiliar patients every week as a job
    expect(row.s_hours).toBe(0.5); // the user's own hours: routine does not make 3 a.m. usual; real work still counts
    expect(row.s_burst).toBe(0); // a crowd signal: routine counts, signs of the user's own work do not
    expect(row.s_self).toBe(1); // a rule about the pair is not a behaviour signal
  });

  it('keeps only the rules about the account for a shared (test) record', async () => {
    const row = await kept({ routine: 1, work: 1, record: 0 });
    const codes = SIGNALS.filter((s) => row[s.column] !== 0).map((s) => s.code);
    expect(codes.sort()).toEqual(['AFTER_EMPLOYMENT', 'UNKNOWN_USER']);
  });
});
