import fs from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { editionFiles, parseEdition, shippedEditionsDir } from './load-edition.js';
import { actorFamily, compareMeasureIds, filterMeasures, normaliseText } from './measure-query.js';
import { buildResponsibilityMatrix } from './responsibility-matrix.js';
import type { CatalogueEdition } from './types.js';

let edition: CatalogueEdition;

beforeAll(async () => {
  const files = {} as Record<(typeof editionFiles)[number], string>;
  for (const name of editionFiles) files[name] = await fs.readFile(path.join(shippedEditionsDir, 'v0.7', name), 'utf8');
  edition = parseEdition(files, 'v0.7').content;
});

const ids = (filter: Parameters<typeof filterMeasures>[1]) => filterMeasures(edition, filter).map((m) => m.id);

describe('searching and filtering measures', () => {
  it('finds "sikkerhetstesting" in 1.7, and compound parts like "testing"', () => {
    expect(ids({ q: 'sikkerhetstesting' })).toContain('1.7');
    expect(ids({ q: 'testing' })).toContain('1.7');
    expect(ids({ q: 'SIKKERHETSTESTING HelseCERT' })).toContain('1.7');
    expect(ids({ q: 'finnes-ikke-ord' })).toEqual([]);
  });

  it('matches Norwegian letters whether composed or decomposed', () => {
    const decomposed = 'logganalyse beskyttelsesprogram høytilgjengelig'.normalize('NFD');
    expect(normaliseText(decomposed)).toBe('logganalyse beskyttelsesprogram høytilgjengelig');
    expect(ids({ q: 'Åpenhet'.normalize('NFD') })).toEqual(['4.5']);
  });

  it('filters by area, kind and unplaced responsibility', () => {
    expect(ids({ area: '4' })).toEqual(['4.1', '4.2', '4.3', '4.4', '4.5', '4.6', '4.7']);
    expect(ids({ area: '5' })).toEqual([]);
    expect(ids({ responsibility: 'unplaced' })).toEqual(['1.10', '3.1', '4.7']);
    expect(ids({ kind: 'existing', area: '3' })).toEqual(['3.5', '3.6']);
  });

  it("includes the measures of an actor's parts: NHN covers HelseCERT", () => {
    expect(actorFamily(edition.actors, 'nhn').has('helsecert')).toBe(true);
    const nhn = ids({ actor: 'nhn' });
    expect(nhn).toEqual(expect.arrayContaining(['1.9', '2.1', '4.6', '1.5', '4.1']));
    expect(ids({ actor: 'helsecert' })).not.toContain('1.9');
    expect(ids({ actor: 'helse-sor-ost' })).toEqual(['4.6']);
  });

  it('orders ids naturally', () => {
    expect(['1.10', '1.2', '2.1', '1.1'].sort(compareMeasureIds)).toEqual(['1.1', '1.2', '1.10', '2.1']);
  });
});

describe('the responsibility matrix', () => {
  it('lists each responsible actor with its measures, and the unplaced measures as a gap', () => {
    const matrix = buildResponsibilityMatrix(edition);
    expect(matrix.unplaced.map((m) => m.id)).toEqual(['1.10', '3.1', '4.7']);
    const hod = matrix.actors.find((a) => a.id === 'hod');
    expect(hod?.measureIds).toContain('1.7');
    expect(matrix.actors.every((a) => a.measureIds.length > 0)).toBe(true);
    expect(matrix.measures).toHaveLength(37);
  });
});
