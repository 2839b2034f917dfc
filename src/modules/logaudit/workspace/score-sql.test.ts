import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { combine, contribution, scoreSql, SIGNALS, type ExplanationState } from '../domain/scoring.js';
import { rows } from './sql.js';

describe('scoreSql', () => {
  it('computes in SQL the same score as the TypeScript combination', async () => {
    const db = await (await DuckDBInstance.create(':memory:')).connect();
    const cases: { state: ExplanationState; strengths: number[] }[] = [
      { state: 'unexplained', strengths: SIGNALS.map((_, i) => (i % 3) / 3) },
      { state: 'explained', strengths: SIGNALS.map((_, i) => (i % 2 ? 1 : 0)) },
      { state: 'weak', strengths: SIGNALS.map(() => 0.5) },
    ];
    for (const c of cases) {
      const columns = SIGNALS.map((s, i) => `${c.strengths[i]} AS ${s.column}`).join(', ');
      const [row] = await rows<{ score: number }>(
        db,
        `SELECT ${scoreSql()} AS score FROM (SELECT '${c.state}' AS state, ${columns})`,
      );
      const expected = combine(SIGNALS.map((s, i) => contribution(s, c.state, c.strengths[i] as number)));
      expect(row?.score).toBeCloseTo(expected, 6);
    }
    db.closeSync();
  });
});
