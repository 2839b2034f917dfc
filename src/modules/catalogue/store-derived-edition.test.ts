import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../../tests/support/test-db.js';
import { isAppError } from '../../platform/errors.js';
import { getEdition, listEditions, syncShippedEditions } from './catalogue-service.js';
import { loadEditionFolder, shippedEditionsDir } from './load-edition.js';
import { checkEditionContent, storeDerivedEdition } from './store-derived-edition.js';
import type { CatalogueEdition, Measure } from './types.js';

let t: TestDb;
let base: CatalogueEdition;

beforeAll(async () => {
  t = await createTestDb();
  await syncShippedEditions(t.db, new Date('2026-01-01T00:00:00Z'));
  base = (await loadEditionFolder(path.join(shippedEditionsDir, 'v0.7'))).content;
});
afterAll(async () => {
  await t?.close();
});

const proposed: Measure = {
  id: '2.9',
  areaId: '2',
  title: 'Felles tjeneste for sikkerhetskopiering',
  overviewTitle: null,
  kind: 'new',
  status: 'active',
  responsible: { text: 'Avklares', status: 'unplaced', actorIds: [] },
  relevantFor: { text: 'Små virksomheter', audiences: ['small-enterprises'], actorIds: [] },
  description: 'Foreslått tiltak.',
  remark: null,
  source: { file: 'varde:analysis-draft:test', section: 'Tiltak 2.9' },
};

const derived = (changes: Partial<CatalogueEdition['edition']>, measures = [...base.measures, proposed]) => ({
  ...base,
  edition: { ...base.edition, id: 'v0.8-test', supersedes: 'v0.7', publishedOn: '2026-02-01', ...changes },
  measures,
});

describe('editions made in Varde', () => {
  it('names every problem with the measures', () => {
    const bad = derived({}, [
      ...base.measures,
      { ...proposed, id: '9.1', areaId: '9' },
      { ...proposed, id: '1.1' },
      { ...proposed, responsible: { text: 'NHN', status: 'placed', actorIds: [] } },
    ]);
    expect(checkEditionContent(bad).map((p) => `${p.field}: ${p.message}`)).toStrictEqual([
      'measures[37].area: area "9" is not in the edition',
      'measures[38].id: duplicate measure id "1.1"',
      'measures[38].area: measure "1.1" does not belong to area "2"',
      'measures[39].responsible: a measure is unplaced ("Avklares") exactly when it names no responsible actor',
    ]);
    expect(checkEditionContent(derived({}))).toStrictEqual([]);
  });

  it('stores a new edition inside a transaction, refuses a taken id, and keeps the old edition', async () => {
    await t.db.transaction().execute((trx) => storeDerivedEdition(trx, derived({}), new Date('2026-02-01T00:00:00Z')));
    const stored = await getEdition(t.db, 'v0.8-test');
    expect(stored.measures.find((m) => m.id === '2.9')?.title).toBe('Felles tjeneste for sikkerhetskopiering');
    expect(stored.edition.supersedes).toBe('v0.7');
    expect((await getEdition(t.db, 'v0.7')).measures).toHaveLength(37);
    expect((await getEdition(t.db)).edition.id).toBe('v0.8-test');
    const again = await t.db
      .transaction()
      .execute((trx) => storeDerivedEdition(trx, derived({}), new Date()))
      .catch((error: unknown) => error);
    expect(isAppError(again) && again.code === 'EDITION_INVALID' && again.details[0]?.field).toBe('edition.id');
    expect((await listEditions(t.db)).map((e) => e.id).sort()).toStrictEqual(['v0.7', 'v0.8-test']);
  });
});
