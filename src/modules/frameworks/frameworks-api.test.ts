import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asPrincipal, createTestApp, type TestApp } from '../../../tests/support/test-app.js';
import type { Principal, Role } from '../../platform/http/access.js';
import { listAuditEvents } from '../audit/index.js';
import { syncShippedFrameworks } from './sync-shipped-frameworks.js';

let t: TestApp;
const nsmId = 'urn:varde:framework:nsm-grunnprinsipper-2.1';
const nsmFile = readFileSync(new URL('../../../data/frameworks/nsm-grunnprinsipper-2.1.yaml', import.meta.url), 'utf8');
const nistExcerpt = readFileSync(new URL('./fixtures/ciso-nist-csf-2.0-excerpt.yaml', import.meta.url), 'utf8');

const person = (roles: Role[], userId = `u-${roles.join('-') || 'none'}`): Principal => ({
  userId,
  displayName: `Test ${roles.join(', ')}`,
  sessionId: `s-${userId}`,
  organisationId: 'o1',
  roles,
  actorIds: [],
});
const owner = person(['strategy-owner']);
const admin = person(['administrator']);

beforeAll(async () => {
  t = await createTestApp({}, { principalHeader: true });
  const outcomes = await syncShippedFrameworks(t.testDb.db, new Date('2026-01-01T00:00:00Z'));
  expect(outcomes.map((o) => o.outcome)).toStrictEqual(['imported', 'imported', 'imported', 'imported']);
});
afterAll(async () => {
  await t?.close();
});

async function call(method: 'GET' | 'POST', url: string, principal?: Principal, payload?: unknown) {
  const response = await t.app.inject({
    method,
    url,
    headers: principal ? asPrincipal(principal) : {},
    ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
  });
  const json = response.headers['content-type']?.toString().startsWith('application/json');
  return {
    status: response.statusCode,
    body: (json ? response.json() : response.body) as any,
    headers: response.headers,
  };
}

const storedRows = async () =>
  (
    await t.testDb.db
      .selectFrom('framework_library_version')
      .select(['library_id', 'version', 'content_hash'])
      .execute()
  )
    .map((r) => `${r.library_id}@${r.version}:${r.content_hash}`)
    .sort();

describe(`frameworks API (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('lists the shipped libraries and leaves them unchanged on a second start', async () => {
    const { status, body } = await call('GET', '/api/v1/frameworks');
    expect(status).toBe(200);
    expect(body.count).toBe(4);
    const nsm = body.libraries.find((l: { id: string }) => l.id === nsmId);
    expect(nsm).toMatchObject({ kind: 'framework', version: 1, refId: 'NSM-GP-2.1', nodeCount: 25, origin: 'shipped' });
    expect(nsm.versions).toStrictEqual([1]);
    const again = await syncShippedFrameworks(t.testDb.db, new Date('2026-01-02T00:00:00Z'));
    expect(again.every((o) => o.outcome === 'unchanged')).toBe(true);
  });

  it('shows a library with its tree by id, short code or name part', async () => {
    for (const ref of [nsmId, 'NSM-GP-2.1', 'nsm-grunnprinsipper-2.1']) {
      const { status, body } = await call('GET', `/api/v1/frameworks/${encodeURIComponent(ref)}`);
      expect(status).toBe(200);
      expect(body.info.id).toBe(nsmId);
      expect(body.library.nodes.filter((n: { assessable: boolean }) => n.assessable)).toHaveLength(21);
      expect(body.library.nodes.find((n: { id: string }) => n.id === '2.9').title.nb).toBe(
        'Etabler evne til gjenoppretting av data',
      );
      expect(body.library.scale.levels).toHaveLength(6);
    }
    const missing = await call('GET', '/api/v1/frameworks/urn:varde:framework:finnes-ikke');
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('FRAMEWORK_NOT_FOUND');
  });

  it('exports NSM in both formats, and each export re-imports identically', async () => {
    const before = await storedRows();
    for (const format of ['varde', 'ciso'] as const) {
      const file = await call('GET', `/api/v1/frameworks/NSM-GP-2.1/export?format=${format}`);
      expect(file.status).toBe(200);
      expect(String(file.headers['content-type'])).toContain('application/yaml');
      expect(String(file.headers['content-disposition'])).toContain(
        format === 'varde' ? 'nsm-grunnprinsipper-2.1.yaml' : 'nsm-grunnprinsipper-2.1.ciso.yaml',
      );
      const back = await call('POST', '/api/v1/frameworks/import', owner, {
        fileName: `nsm.${format}.yaml`,
        content: file.body,
      });
      expect(back.status).toBe(200);
      expect(back.body.outcome).toBe('unchanged');
      expect(back.body.library.contentHash).toBe(
        (await call('GET', `/api/v1/frameworks/${encodeURIComponent(nsmId)}`)).body.info.contentHash,
      );
    }
    expect(await storedRows()).toStrictEqual(before);
  });

  it("imports a framework file from CISO Assistant's public library", async () => {
    const result = await call('POST', '/api/v1/frameworks/import', owner, {
      fileName: 'nist-csf-2.0.yaml',
      content: nistExcerpt,
    });
    expect(result.status).toBe(201);
    expect(result.body).toMatchObject({
      outcome: 'imported',
      current: true,
      library: { id: 'urn:intuitem:framework:nist-csf-2.0', version: 6, sourceFormat: 'ciso', nodeCount: 4 },
    });
    const shown = await call('GET', '/api/v1/frameworks/NIST-CSF-2.0');
    expect(shown.body.library.nodes.map((n: { refId: string }) => n.refId)).toStrictEqual([
      'GV',
      'GV.OC',
      'GV.OC-01',
      'GV.OC-02',
    ]);
    const events = await listAuditEvents(
      t.testDb.db,
      { principal: admin, now: new Date() },
      { action: 'framework.import' },
      50,
    );
    expect(events.some((e) => e.objectId === 'urn:intuitem:framework:nist-csf-2.0@6' && e.outcome === 'success')).toBe(
      true,
    );
  });

  it('refuses a bad file with the place of every problem and stores nothing', async () => {
    const before = await storedRows();
    const broken = nsmFile
      .replace('id: urn:varde:framework:nsm-grunnprinsipper-2.1', 'id: urn:varde:framework:nsm-kopi')
      .replace('  - id: "2.9"\n    parent: "2"', '  - id: "2.9"\n    parent: "9"');
    const line = broken.split('\n').findIndex((l) => l.includes('parent: "9"')) + 1;
    const result = await call('POST', '/api/v1/frameworks/import', admin, { fileName: 'kopi.yaml', content: broken });
    expect(result.status).toBe(422);
    expect(result.body.error.code).toBe('FRAMEWORK_INVALID');
    expect(result.body.error.details).toContainEqual(
      expect.objectContaining({ place: `kopi.yaml:${line}`, field: expect.stringContaining('parent') }),
    );
    const notYaml = await call('POST', '/api/v1/frameworks/import', admin, { fileName: 'x.yaml', content: 'a: [1' });
    expect(notYaml.status).toBe(422);
    expect(notYaml.body.error.details[0].place).toMatch(/^x\.yaml/);
    expect(await storedRows()).toStrictEqual(before);
  });

  it('refuses a mapping to a framework that is not stored, naming the mapping', async () => {
    const mapping = readFileSync(new URL('./fixtures/ciso-mapping-example.yaml', import.meta.url), 'utf8');
    const before = await storedRows();
    const result = await call('POST', '/api/v1/frameworks/import', owner, { fileName: 'map.yaml', content: mapping });
    expect(result.status).toBe(422);
    expect(result.body.error.details[0]).toMatchObject({
      place: 'map.yaml',
      field: expect.stringMatching(/^mappingSets\[0\]/),
    });
    expect(await storedRows()).toStrictEqual(before);
  });

  it('keeps versions: a changed library needs a new version number, and old versions stay readable', async () => {
    const changed = nsmFile.replace('nb: Beskytt e-post og nettleser', 'nb: Beskytt e-post og nettlesere');
    const conflict = await call('POST', '/api/v1/frameworks/import', owner, { fileName: 'nsm.yaml', content: changed });
    expect(conflict.status).toBe(409);
    expect(conflict.body.error).toMatchObject({
      code: 'FRAMEWORK_VERSION_CONFLICT',
      details: [expect.objectContaining({ place: 'nsm.yaml', field: 'library.version' })],
    });
    const v2 = changed.replace(/^ {2}version: 1$/m, '  version: 2');
    const stored = await call('POST', '/api/v1/frameworks/import', owner, { fileName: 'nsm-v2.yaml', content: v2 });
    expect(stored.status).toBe(201);
    expect(stored.body.library).toMatchObject({ version: 2, origin: 'imported', importedBy: owner.userId });
    const current = await call('GET', '/api/v1/frameworks/NSM-GP-2.1');
    expect(current.body.versions).toStrictEqual([2, 1]);
    expect(current.body.library.nodes.find((n: { id: string }) => n.id === '2.8').title.nb).toBe(
      'Beskytt e-post og nettlesere',
    );
    const old = await call('GET', '/api/v1/frameworks/NSM-GP-2.1?version=1');
    expect(old.body.library.nodes.find((n: { id: string }) => n.id === '2.8').title.nb).toBe(
      'Beskytt e-post og nettleser',
    );
  });

  it('lets only the strategy owner and administrators import', async () => {
    const body = { fileName: 'nist.yaml', content: nistExcerpt };
    expect((await call('POST', '/api/v1/frameworks/import', undefined, body)).status).toBe(401);
    for (const role of ['ministry-reader', 'enterprise-lead', 'measure-owner'] as const) {
      const refused = await call('POST', '/api/v1/frameworks/import', person([role]), body);
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe('FORBIDDEN');
    }
  });
});
