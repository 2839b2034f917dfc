import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asPrincipal, createTestApp, type TestApp } from '../../../tests/support/test-app.js';
import { parseCsv, readXlsx } from '../../platform/export/index.js';
import type { Principal, Role } from '../../platform/http/access.js';
import { listAuditEvents } from '../audit/index.js';
import { syncShippedFrameworks } from '../frameworks/index.js';
import { shippedMappingsDir, syncShippedMappings } from './mapping-service.js';

let t: TestApp;
const person = (roles: Role[], userId = `u-${roles.join('-')}`): Principal => ({
  userId,
  displayName: `Test ${roles.join(', ')}`,
  sessionId: `s-${userId}`,
  organisationId: 'o1',
  roles,
  actorIds: [],
});
const owner = person(['strategy-owner'], 'owner-1');
const reader = person(['ministry-reader']);
const lead = person(['enterprise-lead']);
const admin = person(['administrator']);
const link = (target: string, strength: 'strong' | 'moderate' | 'weak' = 'strong') => ({
  target,
  strength,
  rationale: { nb: 'Begrunnelse.', en: 'Reason.' },
});

beforeAll(async () => {
  t = await createTestApp({}, { principalHeader: true });
  await syncShippedFrameworks(t.testDb.db, new Date('2026-01-01T00:00:00Z'));
  const outcomes = await syncShippedMappings(t.testDb.db, new Date('2026-01-01T00:00:00Z'));
  expect(outcomes).toMatchObject([{ outcome: 'imported', editionId: 'v0.7', added: 37 }]);
});
afterAll(async () => {
  await t?.close();
});

async function call(method: 'GET' | 'POST' | 'PUT', url: string, principal?: Principal, payload?: unknown) {
  const response = await t.app.inject({
    method,
    url,
    headers: principal ? asPrincipal(principal) : {},
    ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
  });
  const isJson = String(response.headers['content-type'] ?? '').startsWith('application/json');
  return { status: response.statusCode, body: (isJson ? response.json() : undefined) as any, raw: response };
}

const principle = (report: any, id: string) => report.principles.find((p: any) => p.target.id === id);

describe(`analysis API (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('serves the coverage of the published edition to anyone, with the gaps and the rules', async () => {
    const { status, body } = await call('GET', '/api/v1/analysis/coverage?framework=NSM-GP-2.1');
    expect(status).toBe(200);
    expect(body.edition.id).toBe('v0.7');
    expect(body.framework).toMatchObject({ id: 'urn:varde:framework:nsm-grunnprinsipper-2.1', refId: 'NSM-GP-2.1' });
    expect(body.mapping.analysis.nb).toContain('Vardes egen analyse');
    expect(body.principles).toHaveLength(21);
    expect(principle(body, '3.3').byAudience['small-enterprises'].measureIds).toStrictEqual(['4.1']);
    expect(principle(body, '3.3').links[0]).toMatchObject({
      measureId: '1.5',
      strength: 'strong',
      rationale: { nb: expect.any(String), en: expect.any(String) },
    });
    expect(body.gaps).toContainEqual({ dimension: 'principles', targetId: '1.3', code: '1.3', kind: 'none' });
    expect(body.rules.strengthWeight).toStrictEqual({ strong: 1, moderate: 0.5, weak: 0.25 });
    const wrong = await call('GET', '/api/v1/analysis/coverage?framework=normen-6.0');
    expect(wrong.status).toBe(422);
    expect(wrong.body.error.code).toBe('ANALYSIS_FRAMEWORK_NOT_MAPPED');
  });

  it('exports the coverage as XLSX and CSV', async () => {
    const xlsx = await call('GET', '/api/v1/analysis/coverage/export?format=xlsx&lang=en');
    expect(xlsx.status).toBe(200);
    expect(String(xlsx.raw.headers['content-disposition'])).toContain('dekningsanalyse-v0.7.xlsx');
    const sheets = await readXlsx(xlsx.raw.rawPayload);
    expect(sheets.map((s) => s.name)).toStrictEqual([
      'Principles',
      'Principles × measures',
      'Area goals',
      'Strategic areas',
      'Gaps',
      'About the analysis',
    ]);
    const csv = await call('GET', '/api/v1/analysis/coverage/export?format=csv&table=principles&lang=nb');
    const rows = parseCsv(csv.raw.body, ';');
    expect(rows).toHaveLength(22);
    expect(rows[0]?.slice(0, 3)).toStrictEqual(['Nr.', 'Navn', 'Kategori']);
    expect(rows.find((r) => r[0] === '1.3')?.at(-1)).toBe('ingen tiltak');
  });

  it('lets only the strategy owner change links; each change is a revision with author and reason', async () => {
    const body = {
      links: { principles: [link('1.3')], goals: [link('1')], strategicAreas: [] },
      note: 'Normen krever brukeroversikt.',
    };
    expect((await call('PUT', '/api/v1/analysis/mapping/1.1', undefined, body)).status).toBe(401);
    expect((await call('PUT', '/api/v1/analysis/mapping/1.1', reader, body)).status).toBe(403);
    expect((await call('PUT', '/api/v1/analysis/mapping/1.1', lead, body)).status).toBe(403);
    const bad = await call('PUT', '/api/v1/analysis/mapping/1.1', owner, {
      ...body,
      links: { ...body.links, principles: [link('9.9'), { ...link('2.1'), rationale: { nb: '', en: 'x' } }] },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.error.details).toStrictEqual([
      { field: 'links.principles[0].target', message: '"9.9" is not a principle (assessable node) of the framework' },
      { field: 'links.principles[1].rationale.nb', message: 'a one-line reason is required' },
    ]);
    const saved = await call('PUT', '/api/v1/analysis/mapping/1.1', owner, { ...body, expectedRevision: 1 });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ revision: 2, origin: 'edit', authorUserId: 'owner-1', note: body.note });
    const stale = await call('PUT', '/api/v1/analysis/mapping/1.1', owner, { ...body, expectedRevision: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('MAPPING_REVISION_CONFLICT');
    const coverage = (await call('GET', '/api/v1/analysis/coverage')).body;
    expect(principle(coverage, '1.3').overall).toMatchObject({ score: 1, measureIds: ['1.1'] });
    expect(coverage.mapping.editedMeasures).toStrictEqual(['1.1']);
    expect((await call('GET', '/api/v1/analysis/mapping/1.1/history')).status).toBe(401);
    const history = await call('GET', '/api/v1/analysis/mapping/1.1/history', lead);
    expect(history.body.revisions.map((r: any) => [r.revision, r.origin])).toStrictEqual([
      [2, 'edit'],
      [1, 'shipped'],
    ]);
    const publicMapping = await call('GET', '/api/v1/analysis/mapping');
    expect(publicMapping.body.measures.find((m: any) => m.measureId === '1.1')).not.toHaveProperty('authorName');
    const refused = await sql`update analysis_mapping_revision set note = 'x'`
      .execute(t.testDb.db)
      .catch((e: Error) => e);
    expect(String(refused)).toContain('append-only');
  });

  it("keeps the strategy owner's edits when a newer shipped mapping file is loaded", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'varde-mapping-'));
    await cp(shippedMappingsDir, dir, { recursive: true });
    const file = path.join(dir, 'measure-mapping-v0.7.yaml');
    const text = (await readFile(file, 'utf8'))
      .replace(/^version: 1$/m, 'version: 2')
      .replace('en: Normen requires a management system', 'en: Normen requires an ISMS')
      .replace(
        'en: A shared competence programme for digital security in the sector.',
        'en: A shared competence programme.',
      );
    await writeFile(file, text);
    const [outcome] = await syncShippedMappings(t.testDb.db, new Date('2026-01-03T00:00:00Z'), dir);
    expect(outcome).toMatchObject({ outcome: 'imported', added: 0, updated: 1, keptEdited: ['1.1'] });
    const [again] = await syncShippedMappings(t.testDb.db, new Date('2026-01-04T00:00:00Z'), dir);
    expect(again?.outcome).toBe('unchanged');
    await writeFile(file, text.replace('A shared competence programme.', 'A programme.'));
    const [refused] = await syncShippedMappings(t.testDb.db, new Date('2026-01-05T00:00:00Z'), dir);
    expect(refused).toMatchObject({ outcome: 'refused', error: { code: 'MAPPING_INVALID' } });
    await rm(dir, { recursive: true, force: true });
  });

  it('shows drafts to the strategy owner only', async () => {
    const created = await call('POST', '/api/v1/analysis/drafts', owner, {
      title: 'Utkast A',
      proposedEditionId: 'v0.8-a',
    });
    expect(created.status).toBe(201);
    for (const who of [reader, lead, admin]) {
      expect((await call('GET', '/api/v1/analysis/drafts', who)).status).toBe(403);
      expect((await call('GET', `/api/v1/analysis/drafts/${created.body.id}`, who)).status).toBe(403);
      expect((await call('GET', `/api/v1/analysis/drafts/${created.body.id}/coverage`, who)).status).toBe(403);
      expect((await call('POST', '/api/v1/analysis/drafts', who, { title: 'x', proposedEditionId: 'x' })).status).toBe(
        403,
      );
    }
    expect((await call('GET', '/api/v1/analysis/drafts')).status).toBe(401);
    const discarded = await call('POST', `/api/v1/analysis/drafts/${created.body.id}/discard`, owner, {});
    expect(discarded.body.status).toBe('discarded');
    const late = await call('POST', `/api/v1/analysis/drafts/${created.body.id}/changes`, owner, {
      measureId: '4.7',
      action: 'retire',
      note: '',
    });
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('DRAFT_NOT_EDITABLE');
  });

  it('what-if: a proposed measure for small enterprises closes the recovery gap, and publishing makes a new edition', async () => {
    const draft = (
      await call('POST', '/api/v1/analysis/drafts', owner, { title: 'Gjenoppretting', proposedEditionId: 'v0.8' })
    ).body;
    const proposed = {
      title: 'Felles tjeneste for sikkerhetskopiering og gjenoppretting for små virksomheter',
      areaId: '2',
      kind: 'new',
      audiences: ['small-enterprises', 'municipalities'],
      relevantForText: 'Små virksomheter og kommuner',
      responsibleText: 'Avklares',
      responsibleActorIds: [],
      description: 'Et felles tilbud om sikkerhetskopiering som testes jevnlig.',
    };
    const invalid = await call('POST', `/api/v1/analysis/drafts/${draft.id}/changes`, owner, {
      measureId: '3.9',
      action: 'add',
      measure: proposed,
      links: { principles: [link('2.99')], goals: [], strategicAreas: [] },
      note: '',
    });
    expect(invalid.status).toBe(422);
    expect(invalid.body.error.details.map((d: any) => d.field)).toStrictEqual([
      'measureId',
      'links.principles[0].target',
    ]);
    const saved = await call('POST', `/api/v1/analysis/drafts/${draft.id}/changes`, owner, {
      measureId: '2.9',
      action: 'add',
      measure: proposed,
      links: {
        principles: [link('2.9')],
        goals: [link('2')],
        strategicAreas: [link('felles-ordninger-for-mindre-virksomheter')],
      },
      note: 'Gap i gjenoppretting for små virksomheter',
    });
    expect(saved.status).toBe(200);
    expect(saved.body.changes).toMatchObject([{ measureId: '2.9', action: 'add', revision: 1 }]);
    const whatIf = (await call('GET', `/api/v1/analysis/drafts/${draft.id}/coverage`, owner)).body;
    expect(principle(whatIf.published, '2.9').gaps).toContain('weak');
    expect(principle(whatIf.proposed, '2.9').gaps).toStrictEqual([]);
    const change = whatIf.comparison.targets.find((c: any) => c.dimension === 'principles' && c.targetId === '2.9');
    expect(change).toMatchObject({ changed: true, gapsClosed: ['weak'], measuresAdded: ['2.9'] });
    expect(change.byAudience['small-enterprises']).toStrictEqual({ before: 0.5, after: 1, delta: 0.5 });
    expect(whatIf.proposed.measures.find((m: any) => m.id === '2.9')).toMatchObject({ proposed: true });
    expect((await call('GET', '/api/v1/analysis/coverage')).body.measures).toHaveLength(37);

    const widened = await call('POST', `/api/v1/analysis/drafts/${draft.id}/changes`, owner, {
      measureId: '1.4',
      action: 'change',
      measure: { audiences: ['under-hod', 'municipalities'] },
      note: 'Kravet bør også gjelde kommunene',
    });
    expect(widened.status).toBe(200);
    const second = (await call('GET', `/api/v1/analysis/drafts/${draft.id}/coverage`, owner)).body;
    const change10 = second.comparison.targets.find((c: any) => c.dimension === 'principles' && c.targetId === '2.10');
    expect(change10).toMatchObject({
      gapsClosed: ['only-large'],
      byAudience: { municipalities: { before: 0, after: 0.25 } },
    });
    const file = await call(
      'GET',
      `/api/v1/analysis/drafts/${draft.id}/coverage/export?format=csv&table=matrix`,
      owner,
    );
    expect(parseCsv(file.raw.body, ';')[0]).toContain('2.9');

    const published = await call('POST', `/api/v1/analysis/drafts/${draft.id}/publish`, owner, {
      editionTitle: 'Tiltaksoversikt v0.8',
    });
    expect(published.status).toBe(200);
    expect(published.body).toMatchObject({ editionId: 'v0.8', draft: { status: 'published', closedBy: 'owner-1' } });
    const measures = (await call('GET', '/api/v1/catalogue/measures')).body;
    expect(measures).toMatchObject({ edition: 'v0.8', count: 38 });
    expect(measures.measures.find((m: any) => m.id === '1.4').relevantFor.audiences).toStrictEqual([
      'under-hod',
      'municipalities',
    ]);
    const after = (await call('GET', '/api/v1/analysis/coverage')).body;
    expect(after.edition.id).toBe('v0.8');
    expect(principle(after, '2.9').overall.measureIds).toContain('2.9');
    expect(principle(after, '1.3').overall.measureIds).toStrictEqual(['1.1']);
    const old = (await call('GET', '/api/v1/analysis/coverage?edition=v0.7')).body;
    expect(old.measures).toHaveLength(37);
    const events = await listAuditEvents(t.testDb.db, { principal: admin, now: new Date() }, {}, 200);
    const actions = events.map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining(['analysis.draft-publish', 'analysis.export', 'analysis.mapping-edit']),
    );
    const again = await call('POST', `/api/v1/analysis/drafts/${draft.id}/publish`, owner, {});
    expect(again.status).toBe(409);
  });
});
