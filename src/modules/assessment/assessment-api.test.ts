import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asPrincipal, createTestApp, type TestApp } from '../../../tests/support/test-app.js';
import type { Principal, Role } from '../../platform/http/access.js';
import { seedIdentityDemo } from '../identity/index.js';
import { readXlsx } from '../../platform/export/index.js';
import { finishBulkFactLoad, insertFactRows } from './fact-repository.js';
import type { IndicatorFact } from './survey-types.js';

let t: TestApp;

const person = (userId: string, organisationId: string, roles: Role[]): Principal => ({
  userId,
  displayName: userId,
  sessionId: `s-${userId}`,
  organisationId,
  roles,
  actorIds: [],
  authMethod: 'test',
});
// Two GP offices from the identity module's demo tree, and the sector analyst.
const leadA = person('lead-a', 'org-bakkegata-legesenter', ['enterprise-lead']);
const memberA = person('member-a', 'org-bakkegata-legesenter', ['enterprise-member']);
const leadB = person('lead-b', 'org-fjellheim-legekontor', ['enterprise-lead']);
const analyst = person('analyst', 'org-ehelse', ['sector-analyst']);
const base = '/api/v1/assessment';

async function call(
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  url: string,
  who: Principal | null,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  const response = await t.app.inject({
    method,
    url: `${base}${url}`,
    headers: { ...(who ? asPrincipal(who) : {}), ...headers },
    ...(body === undefined ? {} : { payload: body as object }),
  });
  return {
    status: response.statusCode,
    body: response.body ? (response.json() as Record<string, any>) : {},
    raw: response.body,
    headers: response.headers,
  };
}

beforeAll(async () => {
  t = await createTestApp({}, { principalHeader: true });
  await seedIdentityDemo(t.testDb.db, new Date('2026-01-01T00:00:00Z'));
});
afterAll(async () => {
  await t?.close();
});

describe(`assessment API (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  let assessmentId = '';

  it('starts the small-enterprise path over the basic measures, with guidance for a GP office', async () => {
    const created = await call('POST', '/assessments', leadA, { year: 2026, path: 'small-enterprise' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      status: 'draft',
      frameworkId: 'urn:varde:framework:grunnleggende-tiltak-v0.7',
      organisationId: leadA.organisationId,
    });
    assessmentId = created.body.id;
    const detail = await call('GET', `/assessments/${assessmentId}`, memberA);
    expect(detail.status).toBe(200);
    expect(detail.body.framework.requirements).toHaveLength(10);
    expect(detail.body.guide[1].question.nb).toContain('risiko');
    expect(detail.body.typeNote.measures.G7.nb).toContain('Venterommet');
    expect(
      detail.body.framework.requirements[1].guidance.some((g: { title: string }) => g.title.includes('Faktaark 7')),
    ).toBe(true);
    expect(detail.headers['cache-control']).toBe('no-store');
  });

  it('shows another enterprise a 404 with nothing of the assessment in the body', async () => {
    await call('PUT', `/assessments/${assessmentId}/answers/G1`, leadA, {
      kind: 'level',
      level: 2,
      comment: 'Hemmelig merknad',
      basedOnVersion: 0,
    });
    for (const [method, url, body] of [
      ['GET', `/assessments/${assessmentId}`, undefined],
      ['PUT', `/assessments/${assessmentId}/answers/G2`, { kind: 'level', level: 1, basedOnVersion: 0 }],
      ['POST', `/assessments/${assessmentId}/submit`, undefined],
      ['GET', `/assessments/${assessmentId}/suggestions`, undefined],
      ['PATCH', `/assessments/${assessmentId}`, { title: 'x' }],
    ] as const) {
      const other = await call(method, url, leadB, body);
      expect(other.status, `${method} ${url}`).toBe(404);
      expect(other.body).toEqual({
        error: { code: 'ASSESSMENT_NOT_FOUND', message: 'No such assessment', details: [] },
      });
      expect(other.raw).not.toContain('Hemmelig');
    }
    expect((await call('GET', '/assessments', leadB)).body.assessments).toEqual([]);
    // A sector analyst has no enterprise role: refused before any data is touched.
    expect((await call('GET', `/assessments/${assessmentId}`, analyst)).status).toBe(403);
    expect((await call('GET', `/assessments/${assessmentId}`, null)).status).toBe(401);
  });

  it('detects conflicting edits and returns the current answer so both can be shown', async () => {
    const first = await call('PUT', `/assessments/${assessmentId}/answers/G2`, leadA, {
      kind: 'level',
      level: 1,
      targetLevel: 3,
      basedOnVersion: 0,
    });
    expect(first.status).toBe(200);
    expect(first.body.answer).toMatchObject({ version: 1, level: 1, answeredBy: { userId: 'lead-a' } });
    const stale = await call('PUT', `/assessments/${assessmentId}/answers/G2`, memberA, {
      kind: 'level',
      level: 4,
      basedOnVersion: 0,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('ANSWER_CONFLICT');
    expect(stale.body.current).toMatchObject({ level: 1, version: 1, answeredBy: { userId: 'lead-a' } });
    const merged = await call('PUT', `/assessments/${assessmentId}/answers/G2`, memberA, {
      kind: 'level',
      level: 2,
      basedOnVersion: 1,
    });
    expect(merged.body.answer).toMatchObject({ level: 2, version: 2, answeredBy: { userId: 'member-a' } });
  });

  it('refuses bad answers with the field named', async () => {
    const bad = await call('PUT', `/assessments/${assessmentId}/answers/G3`, leadA, {
      kind: 'not-relevant',
      basedOnVersion: 0,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].field).toBe('notRelevantReason');
    expect(
      (await call('PUT', `/assessments/${assessmentId}/answers/X9`, leadA, { kind: 'dont-know', basedOnVersion: 0 }))
        .body.error.code,
    ).toBe('REQUIREMENT_NOT_FOUND');
    expect(
      (
        await call('PUT', `/assessments/${assessmentId}/answers/G3`, leadA, {
          kind: 'level',
          level: 2,
          basedOnVersion: 0,
          organisationId: 'x',
        })
      ).status,
    ).toBe(400);
  });

  it('keeps the workflow apart from the result: submit when complete, approve by the lead, then locked', async () => {
    expect((await call('POST', `/assessments/${assessmentId}/submit`, leadA)).body.error.code).toBe(
      'ASSESSMENT_INCOMPLETE',
    );
    const levels: Record<string, number> = { G3: 1, G4: 2, G5: 0, G6: 3, G7: 2, G8: 1, G9: 0 };
    for (const [id, level] of Object.entries(levels)) {
      expect(
        (
          await call('PUT', `/assessments/${assessmentId}/answers/${id}`, memberA, {
            kind: 'level',
            level,
            basedOnVersion: 0,
          })
        ).status,
      ).toBe(200);
    }
    await call('PUT', `/assessments/${assessmentId}/answers/G10`, memberA, { kind: 'dont-know', basedOnVersion: 0 });
    expect((await call('GET', `/assessments/${assessmentId}`, leadA)).body.assessment.status).toBe('in-progress');
    expect((await call('POST', `/assessments/${assessmentId}/submit`, memberA)).body.status).toBe('submitted');
    expect((await call('POST', `/assessments/${assessmentId}/approve`, memberA)).status).toBe(403);
    const locked = await call('PUT', `/assessments/${assessmentId}/answers/G1`, leadA, {
      kind: 'level',
      level: 5,
      basedOnVersion: 1,
    });
    expect(locked.body.error.code).toBe('ASSESSMENT_LOCKED');
    const detail = await call('GET', `/assessments/${assessmentId}`, leadA);
    expect(detail.body.result.overall).toMatchObject({ levelCount: 9, dontKnowCount: 1, unansweredCount: 0 });
    expect((await call('POST', `/assessments/${assessmentId}/approve`, leadA)).body).toMatchObject({
      status: 'approved',
      approvedBy: { userId: 'lead-a' },
    });
  });

  it('suggests a ranked action plan and keeps action edits safe from overwrites', async () => {
    const { body } = await call('GET', `/assessments/${assessmentId}/suggestions`, leadA);
    expect(body.suggestions[0].requirementId).toMatch(/^G(5|9)$/);
    expect(body.suggestions[0].reasons).toContain('QUICK_WIN');
    const created = await call('POST', '/actions', leadA, {
      assessmentId,
      templateId: body.suggestions[0].templateId,
      owner: 'Ola',
      dueDate: '2026-06-30',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'planned', owner: 'Ola', dueDate: '2026-06-30', version: 1 });
    expect(created.body.requirementIds).toEqual([body.suggestions[0].requirementId]);
    const again = await call('GET', `/assessments/${assessmentId}/suggestions`, leadA);
    expect(
      again.body.suggestions.some((s: { templateId: string }) => s.templateId === body.suggestions[0].templateId),
    ).toBe(false);
    const id = created.body.id;
    expect(
      (await call('PATCH', `/actions/${id}`, memberA, { status: 'in-progress', basedOnVersion: 1 })).body.version,
    ).toBe(2);
    const stale = await call('PATCH', `/actions/${id}`, leadA, { status: 'done', basedOnVersion: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.current.status).toBe('in-progress');
    expect((await call('PATCH', `/actions/${id}`, leadB, { status: 'done', basedOnVersion: 2 })).status).toBe(404);
    expect((await call('DELETE', `/actions/${id}`, leadB)).status).toBe(404);
    expect((await call('GET', '/actions', leadB)).body.actions).toEqual([]);
    expect((await call('GET', '/actions', leadA)).body.actions).toHaveLength(1);
  });

  it('exports the assessment as PDF and XLSX for its own enterprise only', async () => {
    const pdf = await t.app.inject({
      method: 'GET',
      url: `${base}/assessments/${assessmentId}/export.pdf?locale=nb`,
      headers: asPrincipal(leadA),
    });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const xlsx = await t.app.inject({
      method: 'GET',
      url: `${base}/assessments/${assessmentId}/export.xlsx?locale=en`,
      headers: asPrincipal(memberA),
    });
    expect(xlsx.statusCode).toBe(200);
    const sheets = await readXlsx(xlsx.rawPayload);
    expect(sheets.map((s) => s.name)).toEqual(['Answers', 'Maturity profile', 'Action plan']);
    expect(sheets[0]!.rows.length).toBe(11);
    const other = await t.app.inject({
      method: 'GET',
      url: `${base}/assessments/${assessmentId}/export.pdf`,
      headers: asPrincipal(leadB),
    });
    expect(other.statusCode).toBe(404);
    expect(other.body).not.toContain('%PDF');
  });

  it('shows history year by year', async () => {
    const older = await call('POST', '/assessments', leadA, { year: 2025, path: 'full' });
    await call('PUT', `/assessments/${older.body.id}/answers/G1`, leadA, {
      kind: 'level',
      level: 1,
      basedOnVersion: 0,
    });
    const history = await call(
      'GET',
      `/history?framework=${encodeURIComponent('urn:varde:framework:grunnleggende-tiltak-v0.7')}`,
      leadA,
    );
    expect(history.body.entries.map((e: { assessment: { year: number } }) => e.assessment.year)).toEqual([2025, 2026]);
  });
});

describe('surveys', () => {
  let surveyId = '';
  const links: Record<string, string> = {};

  it('lets only the sector analyst create and send a survey, with one single-use link per enterprise', async () => {
    expect(
      (
        await call('POST', '/surveys', leadA, {
          templateKey: 'small-enterprises',
          year: 2026,
          target: { organisationTypes: ['gp-office'], sizeClasses: [], regions: [] },
        })
      ).status,
    ).toBe(403);
    const created = await call('POST', '/surveys', analyst, {
      templateKey: 'small-enterprises',
      year: 2026,
      target: { organisationTypes: ['gp-office'], sizeClasses: [], regions: [] },
    });
    expect(created.status).toBe(201);
    surveyId = created.body.id;
    const opened = await call('POST', `/surveys/${surveyId}/open`, analyst, {});
    expect(opened.status).toBe(200);
    expect(opened.body.recipients).toBe(2);
    for (const l of opened.body.links) links[l.organisationId] = l.link;
    expect(links[leadA.organisationId!]).toMatch(/\/survey\/answer#t=[A-Za-z0-9_-]{43}$/);
  });

  it('answers through a personal link without login, for that one enterprise only, and the link works once', async () => {
    const token = links[leadB.organisationId!]!.split('#t=')[1]!;
    const opened = await call('POST', '/invitations/open', null, { token });
    expect(opened.status).toBe(200);
    const key = { 'x-answer-key': opened.body.answerKey };
    expect((await call('POST', '/invitations/open', null, { token })).body.error.code).toBe('INVITATION_USED');
    expect((await call('POST', '/invitations/open', null, { token: 'A'.repeat(43) })).body.error.code).toBe(
      'INVITATION_INVALID',
    );
    const view = await call('GET', '/invitation-response', null, undefined, key);
    expect(view.body.enterprise.id).toBe(leadB.organisationId);
    // The smallest enterprises get the light version.
    expect(view.body.questions.some((q: { id: string }) => q.id === 'q-exercise')).toBe(false);
    const answers = Object.fromEntries([...Array(10)].map((_, i) => [`q-G${i + 1}`, 2]));
    const draft = await call(
      'PUT',
      '/invitation-response',
      null,
      { answers: { ...answers, 'q-risk-current': 'yes' }, basedOnVersion: 0 },
      key,
    );
    expect(draft.body).toMatchObject({ status: 'draft', version: 1 });
    const incomplete = await call(
      'PUT',
      '/invitation-response',
      null,
      { answers: {}, basedOnVersion: 1, submit: true },
      key,
    );
    expect(incomplete.body.error.details[0].field).toBe('answers.q-operator');
    const submitted = await call(
      'PUT',
      '/invitation-response',
      null,
      { answers: { 'q-operator': 'local-it-firm' }, basedOnVersion: 1, submit: true },
      key,
    );
    expect(submitted.body).toMatchObject({ status: 'submitted', version: 2 });
    expect(
      (await call('PUT', '/invitation-response', null, { answers: {}, basedOnVersion: 2 }, key)).body.error.code,
    ).toBe('RESPONSE_SUBMITTED');
    // The key reaches nothing of the enterprise's own assessments, and no other enterprise.
    expect((await call('GET', '/assessments', null, undefined, key)).status).toBe(401);
  });

  it('lets the enterprise answer logged in, and shows the analyst participation but never answers', async () => {
    const mine = await call('GET', '/my-surveys', leadA);
    expect(mine.body.surveys.map((s: { id: string }) => s.id)).toEqual([surveyId]);
    expect(
      (await call('GET', `/my-surveys/${surveyId}`, person('x', 'org-smil-tannklinikk', ['enterprise-lead']))).status,
    ).toBe(404);
    const saved = await call('PUT', `/my-surveys/${surveyId}`, leadA, { answers: { 'q-G1': 4 }, basedOnVersion: 0 });
    expect(saved.body.version).toBe(1);
    expect(
      (await call('PUT', `/my-surveys/${surveyId}`, memberA, { answers: { 'q-G1': 1 }, basedOnVersion: 0 })).body.error
        .code,
    ).toBe('RESPONSE_CONFLICT');
    const overview = await call('GET', `/surveys/${surveyId}`, analyst);
    expect(overview.body.participation).toMatchObject({ invited: 2, submitted: 1, answering: 1 });
    // Per type, participation follows the k rule too: two GP offices are too few to show apart.
    expect(overview.body.participation.byType).toEqual([]);
    expect(overview.raw).not.toContain('"answers"');
    expect(overview.raw).not.toContain('"q-G1":');
    expect((await call('GET', `/my-surveys/${surveyId}`, analyst)).status).toBe(403);
  });

  it('reminds with fresh links and revokes the unopened ones', async () => {
    const reminded = await call('POST', `/surveys/${surveyId}/remind`, analyst);
    expect(reminded.body.recipients).toBe(1);
    const oldToken = links[leadA.organisationId!]!.split('#t=')[1]!;
    expect((await call('POST', '/invitations/open', null, { token: oldToken })).body.error.code).toBe(
      'INVITATION_EXPIRED',
    );
    const fresh = reminded.body.links[0].link.split('#t=')[1];
    expect((await call('POST', '/invitations/open', null, { token: fresh })).status).toBe(200);
  });
});

describe('indicators and benchmarks never show a group below k', () => {
  const k = 5;
  // A synthetic sector: GP offices in every region, a few dental clinics, one pharmacy per region, 2 RHFs.
  function sector(): IndicatorFact[] {
    const facts: IndicatorFact[] = [];
    const add = (id: string, type: string, size: string, region: string, value: number) =>
      facts.push({
        year: 2025,
        organisationId: id,
        indicatorId: 'maturity.G2',
        value,
        organisationType: type,
        sizeClass: size,
        region,
        source: 'survey',
      });
    let n = 0;
    for (const region of ['sor-ost', 'vest', 'midt', 'nord']) {
      for (let i = 0; i < 9; i++) add(`gp-${n++}`, 'gp-office', i < 6 ? 'micro' : 'small', region, 1 + (i % 3));
      add(`ph-${n++}`, 'pharmacy', 'micro', region, 3);
    }
    for (let i = 0; i < 7; i++) add(`dc-${n++}`, 'dental-clinic', 'micro', i < 4 ? 'vest' : 'nord', 2);
    add('rhf-1', 'regional-health-authority', 'large', 'vest', 4);
    add('rhf-2', 'regional-health-authority', 'large', 'nord', 4);
    return facts;
  }

  beforeAll(async () => {
    await insertFactRows(t.testDb.db, sector(), '2026-01-01T00:00:00Z');
    await finishBulkFactLoad(t.testDb.db);
  });

  const cellsOf = async (query: string) =>
    (await call('GET', `/indicators/maturity.G2?year=2025&${query}`, leadA)).body;

  it('publishes no cell below k, by one dimension or by two combined', async () => {
    for (const by of [
      'organisationType',
      'sizeClass',
      'region',
      'organisationType,region',
      'organisationType,sizeClass',
      'sizeClass,region',
    ]) {
      const body = await cellsOf(`by=${by}`);
      expect(body.k).toBe(k);
      for (const cell of [body.total, ...body.cells]) {
        if (cell.suppressed) expect([cell.count, cell.mean]).toEqual([null, null]);
        else expect(cell.count === 0 || cell.count >= k, `${by} ${JSON.stringify(cell.key)}`).toBe(true);
      }
    }
  });

  it('explains merged and suppressed groups, and refuses three dimensions at once', async () => {
    const byType = await cellsOf('by=organisationType');
    const other = byType.cells.find((c: { key: { organisationType: string } }) => c.key.organisationType === 'other');
    expect(other.notes).toContain('MERGED_OTHER');
    expect(other.members.organisationType).toEqual(expect.arrayContaining(['pharmacy', 'regional-health-authority']));
    const combined = await cellsOf('organisationType=dental-clinic&region=vest');
    expect(combined.cells[0].suppressed).toBe(true);
    expect(
      (await call('GET', '/indicators/maturity.G2?year=2025&by=organisationType,region&sizeClass=micro', leadA)).status,
    ).toBe(400);
  });

  it('does not let a small group be recovered by subtracting published cells', async () => {
    const byType = (await cellsOf('by=organisationType')).cells;
    const cross = (await cellsOf('by=organisationType,region')).cells;
    // For every published type row: its margin minus its published region cells must be 0 or ≥ k.
    for (const margin of byType.filter((c: { suppressed: boolean }) => !c.suppressed)) {
      const row = cross.filter(
        (c: { key: { organisationType: string } }) => c.key.organisationType === margin.key.organisationType,
      );
      const rest =
        margin.count -
        row
          .filter((c: { suppressed: boolean }) => !c.suppressed)
          .reduce((s: number, c: { count: number }) => s + c.count, 0);
      expect(rest === 0 || rest >= k, `${margin.key.organisationType}: ${rest}`).toBe(true);
    }
  });

  it('exports only the published cells', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: `${base}/indicators/export.xlsx?year=2025&by=organisationType,region`,
      headers: asPrincipal(analyst),
    });
    expect(response.statusCode).toBe(200);
    const [sheet] = await readXlsx(response.rawPayload);
    const header = sheet!.rows[0]!;
    const countColumn = header.indexOf('Virksomheter');
    const g2 = sheet!.rows.slice(1).filter((r) => r[1] === 'Modenhet: risikostyring');
    expect(g2.length).toBeGreaterThan(0);
    for (const row of g2) {
      const count = row[countColumn];
      expect(
        count === null || count === undefined || count === '' || Number(count) === 0 || Number(count) >= k,
        JSON.stringify(row),
      ).toBe(true);
    }
  });

  it("shows an enterprise its peers only where the group is large enough, and never another enterprise's values", async () => {
    const response = await call('GET', '/benchmark?year=2025', leadA);
    expect(response.status).toBe(200);
    const g2 = response.body.rows.find((r: { indicatorId: string }) => r.indicatorId === 'maturity.G2');
    // In this small sector the GP offices' size split is hidden to protect the small groups beside it (a chain of
    // complementary suppression), so the closest peer group shown is all GP offices, and the UI says why.
    expect(g2.peers.level).toBe('type');
    expect(g2.peers.passedOver[0]).toMatchObject({ level: 'type-size' });
    expect(g2.peers.passedOver[0].notes.some((n: string) => ['COMPLEMENTARY', 'DISCLOSURE_RISK'].includes(n))).toBe(
      true,
    );
    expect(g2.peers.cell.count).toBeGreaterThanOrEqual(k);
    // Its own values come from its own assessment for that year (2025 answered only G1).
    expect(g2.own).toBeNull();
    expect(response.body.rows.find((r: { indicatorId: string }) => r.indicatorId === 'maturity.G1')).toMatchObject({
      own: 1,
      ownSource: 'assessment',
    });
    expect(response.raw).not.toContain('gp-1');
  });
});
