/**
 * The review workflow through the HTTP API: decisions with four eyes and follow-up, an explanation rule that stops
 * a false alarm in the next run (and brings it back when retired), the patient's access log and portal link, and
 * the control report. Runs on PGlite and, with DATABASE_URL, on PostgreSQL.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readXlsx } from '../../../platform/export/index.js';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app.js';
import { analysedDataset, base, reviewHelpers } from './test-fixture.js';
import { as, reviewerOf, smallDataset, tempDir } from './test-support.js';

const a1 = reviewerOf('org-hf-a', 'rev-a1');
const a2 = reviewerOf('org-hf-a', 'rev-a2');
const b1 = reviewerOf('org-hf-b', 'rev-b1');

let t: TestApp;
let dataDir: string;
let source: string;
let datasetId: string;
const { runNow, cases, openCase, auditRows } = reviewHelpers(() => ({ t, datasetId }), a1);

beforeAll(async () => {
  dataDir = tempDir('varde-logreview-flow-');
  source = await smallDataset(path.join(dataDir, 'source'));
  t = await createTestApp({ VARDE_DATA_DIR: dataDir }, { principalHeader: true });
  datasetId = await analysedDataset(t, a1, source, {
    name: 'Mars 2026',
    source: 'upload',
    reviewCapacity: 5,
    findingBudget: 80,
  });
}, 120_000);

afterAll(async () => {
  await t?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
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

/** The one active finding of a case whose every reason an explanation rule could cover, or undefined. */
const ruleCandidate = (detail: Record<string, any>): Record<string, any> | undefined => {
  const active = detail.findings.filter((f: { active: boolean }) => f.active);
  return active.length === 1 && active[0].reasons.every((r: { code: string }) => ruleFriendly.has(r.code))
    ? active[0]
    : undefined;
};

describe('decisions and explanation rules', () => {
  let consultCase: Record<string, any>;
  let consultPatient: string;

  it('needs a second, different reviewer to approve "not legitimate", and a named contact for follow-up', async () => {
    // Two cases from the end of the list that the rule test below does not need.
    const list = [];
    for (const c of [...(await cases(a1, 'status=open')).cases].reverse())
      if (!ruleCandidate((await openCase(c.id)).json())) list.unshift(c);
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
      const finding = ruleCandidate(detail);
      if (finding) {
        consultCase = detail;
        consultPatient = finding.patientId;
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
