import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { combine, contributions, scoreQuery, SIGNALS, type ExplanationState } from '../domain/scoring.js';
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
});
