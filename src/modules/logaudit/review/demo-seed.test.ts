/**
 * The log-review demo: at first start a generated month of logs for the demo hospital trust with one completed
 * run, decided cases (one waiting for a second reviewer), one approved rule and a demo patient whose access log
 * the portal page opens in demo mode; a second start changes nothing.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app.js';
import { DEMO_DATASET_ID, readDemoPatient, seedLogReviewDemo } from './demo-seed.js';
import { as, reviewerOf, tempDir } from './test-support.js';

let t: TestApp;
let dataDir: string;
const kari = reviewerOf('org-fjordbyen-hf', 'demo-user-log-reviewer');

beforeAll(async () => {
  dataDir = tempDir('varde-logreview-demo-');
  t = await createTestApp({ VARDE_DATA_DIR: dataDir, VARDE_DEMO: 'true' }, { principalHeader: true });
  await seedLogReviewDemo(t.testDb.db, dataDir, new Date('2026-04-02T08:00:00Z'), () => undefined);
}, 180_000);

afterAll(async () => {
  await t?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('log-review demo data', () => {
  it('has one completed run, decided cases, a decision awaiting a second reviewer and an approved rule', async () => {
    const datasets = (
      await t.app.inject({ method: 'GET', url: '/api/v1/log-review/datasets', headers: as(kari) })
    ).json().datasets;
    expect(datasets).toHaveLength(1);
    expect(datasets[0]).toMatchObject({
      dataset: { id: DEMO_DATASET_ID },
      latestRun: { status: 'succeeded' },
      pendingApproval: 1,
    });
    expect(datasets[0].latestRun.summary.events).toBeGreaterThan(100_000);
    const cases = (
      await t.app.inject({
        method: 'GET',
        url: `/api/v1/log-review/datasets/${DEMO_DATASET_ID}/cases?status=all`,
        headers: as(kari),
      })
    ).json();
    expect(cases.counts).toMatchObject({ pending_approval: 1, follow_up: 1 });
    expect(cases.counts.closed).toBeGreaterThanOrEqual(3);
    const rules = (await t.app.inject({ method: 'GET', url: '/api/v1/log-review/rules', headers: as(kari) })).json()
      .rules;
    expect(rules.map((r: { status: string }) => r.status)).toEqual(['approved']);

    await seedLogReviewDemo(t.testDb.db, dataDir, new Date(), () => undefined);
    const again = (await t.app.inject({ method: 'GET', url: '/api/v1/log-review/datasets', headers: as(kari) })).json()
      .datasets;
    expect(again[0].latestRun.id).toBe(datasets[0].latestRun.id);
  });

  it('opens the demo patient’s access log from the portal page’s demo button, with a reviewed lookup explained', async () => {
    const demo = readDemoPatient(dataDir);
    expect(demo?.datasetId).toBe(DEMO_DATASET_ID);
    const link = await t.app.inject({ method: 'POST', url: '/api/v1/log-review/portal/demo-link' });
    expect(link.statusCode, link.body).toBe(201);
    const token = new URLSearchParams(link.json().path.split('#')[1]).get('token') as string;
    const log = await t.app.inject({
      method: 'GET',
      url: '/api/v1/log-review/portal/access-log',
      headers: { 'x-access-log-token': token },
    });
    expect(log.statusCode, log.body).toBe(200);
    const body = log.json();
    expect(body.organisationName ?? null).toBeDefined();
    expect(body.lookups).toBeGreaterThan(0);
    const reasons = body.occasions.flatMap((o: { entries: { reason: string }[] }) => o.entries.map((e) => e.reason));
    expect(reasons.some((r: string) => r.startsWith('Sykehuset har kontrollert oppslaget'))).toBe(true);
  });
});
