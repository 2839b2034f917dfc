import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../../tests/support/test-db.js';
import {
  computeCubeFromFacts,
  deleteFactsBySource,
  factVersion,
  finishBulkFactLoad,
  insertFactRows,
  loadCube,
  replaceFacts,
} from './fact-repository.js';
import type { IndicatorFact } from './survey-types.js';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t?.close();
});

const fact = (
  organisationId: string,
  indicatorId: string,
  value: number,
  extra: Partial<IndicatorFact> = {},
): IndicatorFact => ({
  year: 2026,
  organisationId,
  indicatorId,
  value,
  organisationType: 'gp-office',
  sizeClass: 'micro',
  region: 'nord',
  source: 'survey',
  ...extra,
});
const sorted = (rows: Awaited<ReturnType<typeof loadCube>>) =>
  rows
    .map((r) => ({ ...r, sum: Math.round(r.sum * 1000) / 1000 }))
    .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

describe(`the maintained aggregate (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('stays equal to grouping the facts, through bulk loads, replacements, moves between groups and deletions', async () => {
    await insertFactRows(
      t.db,
      [fact('a', 'x', 1), fact('b', 'x', 3), fact('c', 'x', 2, { region: 'vest' }), fact('a', 'y', 0.5)],
      '2026-01-01T00:00:00Z',
    );
    await finishBulkFactLoad(t.db);
    expect(sorted(await loadCube(t.db))).toEqual(sorted(await computeCubeFromFacts(t.db)));
    const before = await factVersion(t.db);
    // A new answer for one enterprise, another that changes value, one that moves to another size class.
    await t.db.transaction().execute(async (trx) => {
      await replaceFacts(trx, [fact('d', 'x', 4), fact('b', 'x', 5)], '2026-02-01T00:00:00Z');
      await replaceFacts(trx, [fact('a', 'x', 2, { sizeClass: 'small' })], '2026-02-01T00:00:00Z');
    });
    expect(await factVersion(t.db)).toBeGreaterThan(before);
    await replaceFacts(t.db, [fact('e', 'x', 3, { source: 'self-assessment' })], '2026-02-02T00:00:00Z');
    await deleteFactsBySource(t.db, 'e', 2026, 'self-assessment');
    await deleteFactsBySource(t.db, 'b', 2026, 'self-assessment'); // nothing of that source: no change
    const cube = sorted(await loadCube(t.db));
    expect(cube).toEqual(sorted(await computeCubeFromFacts(t.db)));
    expect(cube.find((r) => r.indicatorId === 'x' && r.sizeClass === 'micro' && r.region === 'nord')).toMatchObject({
      count: 2,
      sum: 9,
    });
    expect(cube.find((r) => r.indicatorId === 'x' && r.sizeClass === 'small')).toMatchObject({ count: 1, sum: 2 });
  });
});
