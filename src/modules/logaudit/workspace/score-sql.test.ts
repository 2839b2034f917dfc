import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import {
  CASE_SHARE,
  caseShare,
  caseShareSql,
  combine,
  contribution,
  scoreSql,
  SIGNALS,
  type ExplanationState,
} from '../domain/scoring.js';
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

describe('caseShareSql', () => {
  it("leaves a user's first pairs alone, lowers the later ones, and agrees with the TypeScript", async () => {
    const db = await (await DuckDBInstance.create(':memory:')).connect();
    const ranks = [1, CASE_SHARE.fullPairs, CASE_SHARE.fullPairs + 1, CASE_SHARE.fullPairs + 20];
    const found = await rows<{ rank: number; score: number }>(
      db,
      `SELECT r AS rank, ${caseShareSql('0.8', 'r')} AS score FROM unnest([${ranks.join(', ')}]) AS t(r) ORDER BY r`,
    );
    expect(found.map((r) => r.score)).toEqual(ranks.map((r) => caseShare(0.8, r)));
    expect(caseShare(0.8, 1)).toBe(0.8);
    expect(caseShare(0.8, CASE_SHARE.fullPairs)).toBe(0.8);
    expect(caseShare(0.8, CASE_SHARE.fullPairs + 1)).toBeLessThan(0.8);
    expect(caseShare(0.8, CASE_SHARE.fullPairs + 20)).toBeLessThan(0.8 * 0.2);
    db.closeSync();
  });
});
