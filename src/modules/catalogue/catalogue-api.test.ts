import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/support/test-app.js';
import { importEditionFolder } from './catalogue-service.js';
import { shippedEditionsDir } from './load-edition.js';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

async function get(url: string) {
  const response = await t.app.inject({ method: 'GET', url });
  return { status: response.statusCode, body: response.json() as Record<string, any> };
}

describe(`catalogue API (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('lists the 37 measures with kind, area and responsible actors', async () => {
    const { status, body } = await get('/api/v1/catalogue/measures');
    expect(status).toBe(200);
    expect(body.edition).toBe('v0.7');
    expect(body.count).toBe(37);
    const m46 = body.measures.find((m: { id: string }) => m.id === '4.6');
    expect(m46.title).toBe('Statistisk logganalyse');
    expect(m46.kind).toBe('new');
    expect(m46.area).toEqual({ id: '4', name: 'Avdekke og håndtere digitale angrep' });
    expect(m46.responsible.actors.map((a: { id: string }) => a.id)).toEqual(['helse-sor-ost', 'nhn']);
  });

  it('filters by actor, audience and free text in the query string', async () => {
    const byActor = await get('/api/v1/catalogue/measures?actor=helsetilsynet');
    expect(byActor.body.measures.map((m: { id: string }) => m.id)).toEqual(['2.8']);
    const search = await get('/api/v1/catalogue/measures?q=sikkerhetstesting');
    expect(search.body.measures.map((m: { id: string }) => m.id)).toContain('1.7');
    const small = await get('/api/v1/catalogue/measures?audience=small-enterprises');
    expect(small.body.measures.map((m: { id: string }) => m.id)).toContain('1.16');
  });

  it('answers one measure, and a stable error code for an unknown one', async () => {
    expect((await get('/api/v1/catalogue/measures/1.10')).body.responsible).toMatchObject({
      status: 'unplaced',
      actors: [],
    });
    const missing = await get('/api/v1/catalogue/measures/9.9');
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('MEASURE_NOT_FOUND');
  });

  it('refuses invalid filters with the field named', async () => {
    const bad = await get('/api/v1/catalogue/measures?kind=maybe');
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(bad.body.error.details)).toContain('kind');
  });

  it('serves areas, strategic areas, basic measures, actors and the responsibility matrix', async () => {
    expect((await get('/api/v1/catalogue/areas')).body.count).toBe(5);
    expect((await get('/api/v1/catalogue/areas/4')).body.measureIds).toHaveLength(7);
    expect((await get('/api/v1/catalogue/strategic-areas')).body.count).toBe(6);
    expect((await get('/api/v1/catalogue/strategy')).body.objectives.length).toBeGreaterThan(0);
    const basic = await get('/api/v1/catalogue/basic-measures/G2');
    expect(
      basic.body.guidance.some(
        (g: { kind: string; number: number }) => g.kind === 'normen-factsheet' && g.number === 7,
      ),
    ).toBe(true);
    const actor = await get('/api/v1/catalogue/actors/helsecert');
    expect(actor.body).toMatchObject({ shortName: 'HelseCERT', partOf: 'nhn' });
    expect(actor.body.responsibleFor).toContain('4.2');
    const matrix = await get('/api/v1/catalogue/responsibility-matrix');
    expect(matrix.body.unplaced.map((m: { id: string }) => m.id)).toEqual(['1.10', '3.1', '4.7']);
    expect((await get('/api/v1/catalogue/actors/ukjent')).body.error.code).toBe('ACTOR_NOT_FOUND');
  });

  it('serves the OpenAPI document and health', async () => {
    const openapi = await get('/api/openapi.json');
    expect(openapi.body.openapi).toBe('3.1.0');
    expect(Object.keys(openapi.body.paths)).toContain('/api/v1/catalogue/measures/{id}');
    expect((await get('/healthz')).body).toEqual({ status: 'ok' });
    expect((await t.app.inject({ method: 'GET', url: '/api/docs/' })).statusCode).toBe(200);
  });

  it('keeps the last good edition when a corrupted copy of it is imported', async () => {
    const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'varde-edition-'));
    const copy = path.join(folder, 'v0.7');
    await fs.cp(path.join(shippedEditionsDir, 'v0.7'), copy, { recursive: true });
    const measuresFile = path.join(copy, 'measures.yaml');
    const text = await fs.readFile(measuresFile, 'utf8');
    await fs.writeFile(
      measuresFile,
      text.replace('title: "Statistisk logganalyse"', 'title: "Endret tittel"').replace('- id: "2.2"', '- id: "2.1"'),
    );
    const outcome = await importEditionFolder(t.testDb.db, copy, new Date());
    expect(outcome.outcome).toBe('refused');
    if (outcome.outcome === 'refused') {
      expect(
        outcome.error.details.some((d) => d.place?.startsWith('v0.7/measures.yaml:') && d.field === 'measures[17].id'),
      ).toBe(true);
    }
    const after = await get('/api/v1/catalogue/measures/4.6');
    expect(after.body.title).toBe('Statistisk logganalyse');
    expect((await get('/api/v1/catalogue/measures')).body.count).toBe(37);
    await fs.rm(folder, { recursive: true, force: true });
  });

  it('stores a later edition beside the first, with history kept per edition', async () => {
    const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'varde-edition-'));
    const next = path.join(folder, 'v0.8');
    await fs.cp(path.join(shippedEditionsDir, 'v0.7'), next, { recursive: true });
    const editionFile = path.join(next, 'edition.yaml');
    await fs.writeFile(
      editionFile,
      (await fs.readFile(editionFile, 'utf8'))
        .replace('id: "v0.7"', 'id: "v0.8"')
        .replace('publishedOn: "2021-06-10"', 'publishedOn: "2021-12-31"')
        .replace('supersedes: null', 'supersedes: "v0.7"'),
    );
    const measuresFile = path.join(next, 'measures.yaml');
    const measures = await fs.readFile(measuresFile, 'utf8');
    await fs.writeFile(measuresFile, measures.replace(/(- id: "4\.7"\n)/, '$1    status: retired\n'));
    const outcome = await importEditionFolder(t.testDb.db, next, new Date());
    expect(outcome.outcome).toBe('imported');
    expect((await get('/api/v1/catalogue/measures/4.7')).body).toMatchObject({ edition: 'v0.8', status: 'retired' });
    expect((await get('/api/v1/catalogue/measures/4.7?edition=v0.7')).body).toMatchObject({
      edition: 'v0.7',
      status: 'active',
    });
    expect((await get('/api/v1/catalogue/editions')).body.editions.map((e: { id: string }) => e.id)).toEqual([
      'v0.8',
      'v0.7',
    ]);
    await fs.rm(folder, { recursive: true, force: true });
  });
});
