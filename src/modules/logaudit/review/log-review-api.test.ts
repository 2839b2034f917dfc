/**
 * Log review through the HTTP API on a generated hospital: datasets, uploads and background runs, the ranked cases,
 * purpose limitation (no route names an unflagged user), isolation between organisations, and view reasons in the
 * audit trail. Runs on PGlite and, with DATABASE_URL, on PostgreSQL. Decisions, rules, the patient log and the
 * report: log-review-workflow.test.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app.js';
import { as, contractFiles, folderFiles, multipartFiles, reviewerOf, smallDataset, tempDir } from './test-support.js';
import { base, reviewHelpers } from './test-fixture.js';

const a1 = reviewerOf('org-hf-a', 'rev-a1');
const b1 = reviewerOf('org-hf-b', 'rev-b1');

let t: TestApp;
let dataDir: string;
let source: string;
let datasetId: string;

const { runNow, cases, openCase, auditRows } = reviewHelpers(() => ({ t, datasetId }), a1);

beforeAll(async () => {
  dataDir = tempDir('varde-logreview-');
  source = await smallDataset(path.join(dataDir, 'source'));
  t = await createTestApp({ VARDE_DATA_DIR: dataDir }, { principalHeader: true });
}, 120_000);

afterAll(async () => {
  await t?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('datasets, uploads and runs', () => {
  it('registers a dataset, refuses files outside the contract, and analyses an upload in the background', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: `${base}/datasets`,
      headers: as(a1),
      payload: { name: 'Mars 2026', source: 'upload', reviewCapacity: 5, findingBudget: 80 },
    });
    expect(created.statusCode, created.body).toBe(201);
    datasetId = created.json().id;

    const traversal = multipartFiles([{ name: '../../escape.csv', bytes: Buffer.from('x') }]);
    const refused = await t.app.inject({
      method: 'POST',
      url: `${base}/datasets/${datasetId}/uploads`,
      headers: { ...as(a1), ...traversal.headers },
      payload: traversal.payload,
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.code).toBe('LOG_REVIEW_UPLOAD_INVALID');
    expect(fs.existsSync(path.join(dataDir, 'escape.csv'))).toBe(false);

    const boundary = '----field-boundary';
    const withField = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="note"\r\n\r\nhei\r\n--${boundary}\r\n` +
        `Content-Disposition: form-data; name="files"; filename="staff.csv"\r\n\r\nuser_id\r\n--${boundary}--\r\n`,
    );
    const fieldRefused = await t.app.inject({
      method: 'POST',
      url: `${base}/datasets/${datasetId}/uploads`,
      headers: { ...as(a1), 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: withField,
    });
    expect(fieldRefused.statusCode, fieldRefused.body).toBe(422);

    const incomplete = multipartFiles(folderFiles(source, ['access_events.csv', 'staff.csv']));
    const first = await t.app.inject({
      method: 'POST',
      url: `${base}/datasets/${datasetId}/uploads`,
      headers: { ...as(a1), ...incomplete.headers },
      payload: incomplete.payload,
    });
    expect(first.json().error.code).toBe('LOG_REVIEW_UPLOAD_INVALID');

    const upload = multipartFiles(folderFiles(source, contractFiles));
    const stored = await t.app.inject({
      method: 'POST',
      url: `${base}/datasets/${datasetId}/uploads`,
      headers: { ...as(a1), ...upload.headers },
      payload: upload.payload,
    });
    expect(stored.statusCode, stored.body).toBe(201);
    expect(stored.json().files.map((f: { name: string }) => f.name)).toEqual([...contractFiles].sort());

    const run = await runNow();
    const events = fs.readFileSync(path.join(source, 'access_events.csv'), 'utf8').trim().split('\n').length - 1;
    expect(run.summary.events).toBe(events);
    expect(run.summary.eventsAdded).toBe(events);
    expect(run.summary.explainedShare).toBeGreaterThan(0.5);
    expect(run.summary.cases).toBeGreaterThan(3);
    expect(run.summary.histogram).toHaveLength(20);
    expect(run.summary.daily.length).toBe(10);
    expect(run.progress).toBe(1);

    const again = await t.app.inject({ method: 'GET', url: `${base}/datasets/${datasetId}`, headers: as(a1) });
    expect(again.json().latestRun.id).toBe(run.id);
    expect(again.json().uploads[0].ingestedByRun).toBe(run.id);
  });
});

describe('cases and access', () => {
  it('lists ranked cases with the review capacity, and never any user who was not flagged', async () => {
    const list = await cases(a1, 'status=active');
    expect(list.reviewCapacity).toBe(5);
    expect(list.cases.length).toBeGreaterThan(3);
    const ranks = list.cases.map((c: { rank: number }) => c.rank);
    expect(ranks).toEqual([...ranks].sort((x, y) => x - y));
    expect(list.cases.filter((c: { withinCapacity: boolean }) => c.withinCapacity)).toHaveLength(5);

    // Purpose limitation: no route outside a case returns anything about users who were not flagged.
    const flagged = new Set((await cases()).cases.map((c: { userId: string }) => c.userId));
    const staff = fs
      .readFileSync(path.join(source, 'staff.csv'), 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split(',')[0] as string);
    const openapi = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const routes = Object.entries(openapi.paths as Record<string, Record<string, unknown>>)
      .filter(([p]) => p.startsWith(base))
      .flatMap(([p, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${p.slice(base.length)}`))
      .sort();
    expect(routes).toEqual(
      [
        'DELETE /folders/{folderId}',
        'GET /datasets',
        'GET /datasets/{datasetId}',
        'GET /datasets/{datasetId}/cases',
        'GET /datasets/{datasetId}/cases/{caseId}',
        'GET /datasets/{datasetId}/report',
        'GET /datasets/{datasetId}/report/{format}',
        'GET /datasets/{datasetId}/runs',
        'GET /datasets/{datasetId}/runs/{runId}',
        'GET /folders',
        'GET /portal/access-log',
        'GET /rules',
        'GET /rules/{ruleId}',
        'PATCH /datasets/{datasetId}',
        'POST /datasets',
        'POST /datasets/{datasetId}/cases/{caseId}/decisions',
        'POST /datasets/{datasetId}/cases/{caseId}/decisions/{decisionId}/review',
        'POST /datasets/{datasetId}/patient-log',
        'POST /datasets/{datasetId}/portal-links',
        'POST /datasets/{datasetId}/runs',
        'POST /datasets/{datasetId}/uploads',
        'POST /folders',
        'POST /rules',
        'POST /rules/{ruleId}/actions',
      ].sort(),
    );
    const runs = (
      await t.app.inject({ method: 'GET', url: `${base}/datasets/${datasetId}/runs`, headers: as(a1) })
    ).json();
    const bodies = [
      (await t.app.inject({ method: 'GET', url: `${base}/datasets`, headers: as(a1) })).body,
      (await t.app.inject({ method: 'GET', url: `${base}/datasets/${datasetId}`, headers: as(a1) })).body,
      JSON.stringify(runs),
      (
        await t.app.inject({
          method: 'GET',
          url: `${base}/datasets/${datasetId}/runs/${runs.runs[0].id}`,
          headers: as(a1),
        })
      ).body,
      JSON.stringify(await cases()),
      (
        await t.app.inject({
          method: 'GET',
          url: `${base}/datasets/${datasetId}/report?from=2026-03-01&to=2026-03-31`,
          headers: as(a1),
        })
      ).body,
      (await t.app.inject({ method: 'GET', url: `${base}/rules`, headers: as(a1) })).body,
    ];
    const seen = staff.filter((id) => bodies.some((body) => body.includes(`"${id}"`)));
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.filter((id) => !flagged.has(id))).toEqual([]);
  });

  it('needs a reason to open a case, hides names unless asked, and writes every view to the audit trail', async () => {
    const [first] = (await cases()).cases;
    const noReason = await t.app.inject({
      method: 'GET',
      url: `${base}/datasets/${datasetId}/cases/${first.id}`,
      headers: as(a1),
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.code).toBe('LOG_REVIEW_VIEW_REASON_REQUIRED');

    const view = await openCase(first.id, a1, 'Ukentlig kontroll, uke 10 – sak åpnet for vurdering');
    expect(view.statusCode, view.body).toBe(200);
    const detail = view.json();
    expect(detail.namesShown).toBe(false);
    expect(detail.workspace.user.familyName).toMatch(/^.\.$/);
    expect(detail.findings.length).toBeGreaterThan(0);
    expect(detail.findings[0].reasons[0].text_nb.length).toBeGreaterThan(10);
    expect(detail.workspace.lookups.length).toBeGreaterThan(0);
    expect(
      detail.workspace.lookups.every((l: { patientId: string }) =>
        detail.findings.some((f: { patientId: string }) => f.patientId === l.patientId),
      ),
    ).toBe(true);

    const named = (
      await t.app.inject({
        method: 'GET',
        url: `${base}/datasets/${datasetId}/cases/${first.id}?showNames=true`,
        headers: { ...as(a1), 'x-view-reason': 'Samtale med leder' },
      })
    ).json();
    const staffLine = fs
      .readFileSync(path.join(source, 'staff.csv'), 'utf8')
      .split('\n')
      .find((l) => l.startsWith(`${first.userId},`));
    expect(named.workspace.user.familyName).toBe(staffLine?.split(',')[1]);

    const views = await auditRows('logreview.case.view');
    expect(
      views.some(
        (e) => e.object_id === first.id && e.detail.reason === 'Ukentlig kontroll, uke 10 – sak åpnet for vurdering',
      ),
    ).toBe(true);
    expect(
      views.some(
        (e) => e.object_id === first.id && e.detail.namesShown === true && e.detail.reason === 'Samtale med leder',
      ),
    ).toBe(true);
  });

  it('gives another organisation’s reviewer 404 for the dataset and the case, and records the refusal', async () => {
    const [first] = (await cases()).cases;
    expect(
      (await t.app.inject({ method: 'GET', url: `${base}/datasets/${datasetId}`, headers: as(b1) })).statusCode,
    ).toBe(404);
    expect((await openCase(first.id, b1)).statusCode).toBe(404);
    const decide = await t.app.inject({
      method: 'POST',
      url: `${base}/datasets/${datasetId}/cases/${first.id}/decisions`,
      headers: as(b1),
      payload: { outcome: 'legitimate', explanationKind: 'on_call', justification: 'Forsøk fra en annen virksomhet' },
    });
    expect(decide.statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `${base}/datasets`, headers: as(b1) })).json().datasets).toEqual(
      [],
    );
    const notReviewer = reviewerOf('org-hf-a', 'admin-a', ['administrator']);
    expect(
      (await t.app.inject({ method: 'GET', url: `${base}/datasets/${datasetId}/cases`, headers: as(notReviewer) }))
        .statusCode,
    ).toBe(403);
    const denied = await auditRows('logreview.access.denied');
    expect(denied.filter((e) => e.actor_user_id === 'rev-b1').length).toBeGreaterThanOrEqual(3);
  });
});
