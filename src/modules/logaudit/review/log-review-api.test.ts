/**
 * Log review through the HTTP API on a generated hospital: datasets, uploads and background runs, cases and their
 * isolation between organisations, view reasons in the audit trail, decisions with four-eyes, explanation rules
 * that stop a false alarm in the next run (and bring it back when retired), the patient's access log and the
 * control report. Runs on PGlite and, with DATABASE_URL, on PostgreSQL.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readXlsx } from '../../../platform/export/index.js';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app.js';
import {
  as,
  contractFiles,
  folderFiles,
  multipartFiles,
  reviewerOf,
  smallDataset,
  tempDir,
  waitForRun,
} from './test-support.js';

const base = '/api/v1/log-review';
const a1 = reviewerOf('org-hf-a', 'rev-a1');
const a2 = reviewerOf('org-hf-a', 'rev-a2');
const b1 = reviewerOf('org-hf-b', 'rev-b1');

let t: TestApp;
let dataDir: string;
let source: string;
let datasetId: string;

async function runNow(principal = a1): Promise<Record<string, any>> {
  const started = await t.app.inject({
    method: 'POST',
    url: `${base}/datasets/${datasetId}/runs`,
    headers: as(principal),
  });
  expect(started.statusCode, started.body).toBe(202);
  const run = await waitForRun(t.app, principal, datasetId, started.json().id);
  expect(run.status, JSON.stringify(run.error)).toBe('succeeded');
  return run;
}

async function cases(principal = a1, query = 'status=all'): Promise<Record<string, any>> {
  const response = await t.app.inject({
    method: 'GET',
    url: `${base}/datasets/${datasetId}/cases?${query}`,
    headers: as(principal),
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

async function openCase(caseId: string, principal = a1, reason = 'Ukentlig loggkontroll') {
  return t.app.inject({
    method: 'GET',
    url: `${base}/datasets/${datasetId}/cases/${caseId}`,
    headers: { ...as(principal), 'x-view-reason': encodeURIComponent(reason) },
  });
}

async function auditRows(
  action: string,
): Promise<{ actor_user_id: string | null; object_id: string | null; detail: Record<string, any> }[]> {
  return t.testDb.db
    .selectFrom('audit_event')
    .select(['actor_user_id', 'object_id', 'detail'])
    .where('action', '=', action)
    .orderBy('seq')
    .execute() as never;
}

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

const ruleFriendly = new Set([
  'RARE_DEPARTMENT_FOR_PATIENT',
  'NO_CARE_CONTACT',
  'PATIENT_ACCESS_BURST',
  'USER_BREADTH_UNUSUAL',
  'USER_RAPID_LOOKUPS',
  'OUTSIDE_USUAL_HOURS',
  'SEARCH_THEN_READ',
  'REPEATED_ACCESS',
  'EMPLOYEE_PATIENT',
  'PRINT_OR_EXPORT',
  'NO_RELATION',
  'WEAK_EXPLANATION_ONLY',
]);

describe('decisions and explanation rules', () => {
  let consultCase: Record<string, any>;
  let consultPatient: string;

  it('needs a second, different reviewer to approve "not legitimate", and a named contact for follow-up', async () => {
    const list = (await cases(a1, 'status=open')).cases;
    const target = list[list.length - 1];
    const decide = (payload: object, principal = a1) =>
      t.app.inject({
        method: 'POST',
        url: `${base}/datasets/${datasetId}/cases/${target.id}/decisions`,
        headers: as(principal),
        payload,
      });
    expect((await decide({ outcome: 'not_legitimate', justification: 'kort' })).json().error.code).toBe(
      'LOG_REVIEW_DECISION_INVALID',
    );
    const proposed = await decide({
      outcome: 'not_legitimate',
      justification: 'Ingen tjenstlig grunn til oppslagene etter samtale.',
    });
    expect(proposed.statusCode, proposed.body).toBe(201);
    expect(proposed.json().status).toBe('pending_approval');
    const decisionId = proposed.json().id;
    const review = (principal: typeof a1, approve: boolean) =>
      t.app.inject({
        method: 'POST',
        url: `${base}/datasets/${datasetId}/cases/${target.id}/decisions/${decisionId}/review`,
        headers: as(principal),
        payload: { approve, note: 'Vurdert og enig i konklusjonen.' },
      });
    const self = await review(a1, true);
    expect(self.statusCode).toBe(409);
    expect(self.json().error.code).toBe('LOG_REVIEW_FOUR_EYES');
    expect((await review(b1, true)).statusCode).toBe(404);
    const approved = await review(a2, true);
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'approved', reviewedBy: 'rev-a2', decidedBy: 'rev-a1' });
    expect((await review(a2, true)).json().error.code).toBe('LOG_REVIEW_NOT_PENDING');
    const detail = (await openCase(target.id)).json();
    expect(detail.case.status).toBe('closed');
    expect(detail.findings.every((f: { status: string }) => f.status === 'not_legitimate')).toBe(true);
    expect(detail.history.map((h: { kind: string }) => h.kind)).toEqual(
      expect.arrayContaining(['case.flagged', 'decision.proposed', 'decision.approved']),
    );

    const other = list[list.length - 2];
    const followUp = (payload: object) =>
      t.app.inject({
        method: 'POST',
        url: `${base}/datasets/${datasetId}/cases/${other.id}/decisions`,
        headers: as(a1),
        payload,
      });
    expect((await followUp({ outcome: 'follow_up', justification: 'Trenger forklaring fra leder.' })).statusCode).toBe(
      422,
    );
    const sent = await followUp({
      outcome: 'follow_up',
      justification: 'Trenger forklaring fra leder.',
      followUpContact: 'Lene Sund, avdelingsleder',
      followUpRole: 'manager',
    });
    expect(sent.statusCode, sent.body).toBe(201);
    expect((await openCase(other.id)).json().case.status).toBe('follow_up');
  });

  it('"legitimate: registered consult missing" with an approved rule does not come back in the next run; retiring the rule brings it back', async () => {
    const list = (await cases(a1, 'status=open')).cases as Record<string, any>[];
    for (const c of list) {
      const detail = (await openCase(c.id)).json();
      const active = detail.findings.filter((f: { active: boolean }) => f.active);
      if (active.length === 1 && active[0].reasons.every((r: { code: string }) => ruleFriendly.has(r.code))) {
        consultCase = detail;
        consultPatient = active[0].patientId;
        break;
      }
    }
    expect(consultCase, 'a case explained only by the lack of a documented reason').toBeDefined();
    const suggestion = consultCase.ruleSuggestion;
    const decision = await t.app.inject({
      method: 'POST',
      url: `${base}/datasets/${datasetId}/cases/${consultCase.case.id}/decisions`,
      headers: as(a1),
      payload: {
        outcome: 'legitimate',
        explanationKind: 'registered_consult_missing',
        justification: 'Tilsyn bekreftet av avdelingsleder; tilsynet var ikke registrert.',
        proposeRule: {
          ...suggestion,
          encounterKind: null,
          descriptionNb: 'Tilsyn fra avdelingen uten registrert bestilling',
          descriptionEn: 'Consults from the unit without a registered order',
        },
      },
    });
    expect(decision.statusCode, decision.body).toBe(201);
    const ruleId = decision.json().ruleId as string;
    expect(ruleId).toBeTruthy();

    const findingOf = async () =>
      ((await openCase(consultCase.case.id)).json().findings as Record<string, any>[]).find(
        (f) => f.patientId === consultPatient,
      )!;
    await runNow();
    expect((await findingOf()).active, 'a proposed rule does not apply yet').toBe(true);

    const act = (action: string, principal = a1) =>
      t.app.inject({
        method: 'POST',
        url: `${base}/rules/${ruleId}/actions`,
        headers: as(principal),
        payload: { action, reason: `Begrunnelse for ${action}` },
      });
    expect((await act('approve', b1)).statusCode).toBe(404);
    expect((await act('approve', a2)).json()).toMatchObject({
      status: 'approved',
      approvedBy: 'rev-a2',
      proposedBy: 'rev-a1',
    });
    const cleared = await runNow();
    expect(cleared.summary.reexplained).toBe(true);
    expect(cleared.summary.clearedFindings).toBeGreaterThanOrEqual(1);
    const after = await findingOf();
    expect(after.active).toBe(false);
    expect(after.status).toBe('legitimate');

    expect((await act('retire')).json()).toMatchObject({ status: 'retired', retiredBy: 'rev-a1' });
    await runNow();
    expect((await findingOf()).active, 'retired: the lookups are flagged again').toBe(true);
    const history = (await t.app.inject({ method: 'GET', url: `${base}/rules/${ruleId}`, headers: as(a1) })).json()
      .history;
    expect(history.map((h: { kind: string; actorUserId: string }) => `${h.kind}:${h.actorUserId}`)).toEqual([
      'proposed:rev-a1',
      'approved:rev-a2',
      'retired:rev-a1',
    ]);
  });

  it('shows a patient their access log: only their lookups, grouped by occasion, reasons in plain words', async () => {
    const events = fs
      .readFileSync(path.join(source, 'access_events.csv'), 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .filter((l) => l.split(',')[3] === consultPatient);
    const noReason = await t.app.inject({
      method: 'POST',
      url: `${base}/datasets/${datasetId}/patient-log`,
      headers: as(a1),
      payload: { patientId: consultPatient, reason: '' },
    });
    expect(noReason.statusCode).toBe(400);
    const response = await t.app.inject({
      method: 'POST',
      url: `${base}/datasets/${datasetId}/patient-log`,
      headers: as(a1),
      payload: {
        patientId: consultPatient,
        from: '2026-02-01',
        to: '2026-03-31',
        lang: 'nb',
        reason: 'Pasienten ba om innsyn i logg 12. mars',
      },
    });
    expect(response.statusCode, response.body).toBe(200);
    const log = response.json();
    expect(log.lookups).toBe(events.length);
    expect(
      log.occasions
        .flatMap((o: { entries: { count: number }[] }) => o.entries)
        .reduce((s: number, e: { count: number }) => s + e.count, 0),
    ).toBe(events.length);
    const patientIds = new Set(response.body.match(/p\d{7}/g) ?? []);
    expect([...patientIds].filter((p) => p !== consultPatient)).toEqual([]);
    expect(response.body).not.toContain(consultPatient);
    expect(log.documented).toBeLessThanOrEqual(log.lookups);
    expect(log.howToAsk).toContain('personvernombudet');

    const link = await t.app.inject({
      method: 'POST',
      url: `${base}/datasets/${datasetId}/portal-links`,
      headers: as(a1),
      payload: { patientId: consultPatient, from: '2026-02-01', to: '2026-03-31', reason: 'Pasienten ba om lenke' },
    });
    expect(link.statusCode, link.body).toBe(201);
    const token = new URLSearchParams(link.json().path.split('#')[1]).get('token') as string;
    const portal = await t.app.inject({
      method: 'GET',
      url: `${base}/portal/access-log?lang=en`,
      headers: { 'x-access-log-token': token },
    });
    expect(portal.statusCode, portal.body).toBe(200);
    expect(portal.json().lookups).toBe(events.length);
    expect(portal.json().howToAsk).toContain('data protection officer');
    expect(portal.headers['cache-control']).toBe('no-store');
    const wrong = await t.app.inject({
      method: 'GET',
      url: `${base}/portal/access-log`,
      headers: { 'x-access-log-token': `${token.slice(0, -2)}xx` },
    });
    expect(wrong.statusCode).toBe(401);
    expect((await auditRows('logreview.patient-log.view')).map((e) => e.detail.channel)).toEqual([
      'reviewer',
      'portal',
    ]);
  });

  it('reports the control done in a period as data, PDF and XLSX', async () => {
    const report = (
      await t.app.inject({
        method: 'GET',
        url: `${base}/datasets/${datasetId}/report?from=2026-03-01&to=2026-03-31`,
        headers: as(a1),
      })
    ).json();
    const events = fs.readFileSync(path.join(source, 'access_events.csv'), 'utf8').trim().split('\n').length - 1;
    expect(report.inputs.lookups.total).toBe(events);
    expect(report.documentedShare).toBeGreaterThan(0.5);
    expect(report.casesReviewed).toBe(3);
    expect(report.outcomes).toMatchObject({ legitimate: 1, not_legitimate: 1, follow_up: 1 });
    expect(report.inputs.patientLogs).toMatchObject({ served: 1, lookups: expect.any(Number) });
    expect(report.daysToDecision.count).toBe(2);
    const bad = await t.app.inject({
      method: 'GET',
      url: `${base}/datasets/${datasetId}/report?from=2026-03-31&to=2026-03-01`,
      headers: as(a1),
    });
    expect(bad.json().error.code).toBe('LOG_REVIEW_PERIOD_INVALID');

    const pdf = await t.app.inject({
      method: 'GET',
      url: `${base}/datasets/${datasetId}/report/pdf?from=2026-03-01&to=2026-03-31`,
      headers: as(a1),
    });
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const xlsx = await t.app.inject({
      method: 'GET',
      url: `${base}/datasets/${datasetId}/report/xlsx?from=2026-03-01&to=2026-03-31&lang=en`,
      headers: as(a1),
    });
    const sheets = await readXlsx(xlsx.rawPayload);
    expect(sheets.map((s) => s.name)).toEqual(['Summary', 'Per day', 'Explanations']);
    const summary = sheets[0]!.rows;
    expect(summary.find((r) => r[1] === 'Lookups in the log')?.[2]).toBe(events.toLocaleString('en-GB'));
    expect(sheets[1]!.rows).toHaveLength(11);
    expect(sheets[2]!.rows[1]).toEqual(['Consultation not registered', 1]);
  });
});
