import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncShippedEditions, getEdition } from '../../catalogue/index.js';
import { createTestDb, type TestDb } from '../../../../tests/support/test-db.js';
import { listCycleSummaries } from '../cycle-service.js';
import { reportingDeps } from '../reporting-deps.js';
import { statusDashboard } from '../dashboard-service.js';
import { systemPrincipal } from '../reporting-access.js';
import { demoMeasurePlans } from './demo-measures.js';
import { seedReportingDemo } from './seed-reporting-demo.js';

let t: TestDb;
const now = new Date('2026-02-10T09:00:00Z');

beforeAll(async () => {
  t = await createTestDb();
  await syncShippedEditions(t.db, now);
});
afterAll(async () => {
  await t?.close();
});

describe('reporting demo data', () => {
  it('has a plan for every placed measure and responsible actor of the edition', async () => {
    const edition = await getEdition(t.db);
    const pairs = edition.measures.flatMap((m) => m.responsible.actorIds.map((a) => `${m.id}|${a}`)).sort();
    expect(demoMeasurePlans.map((p) => `${p.measureId}|${p.actorId}`).sort()).toEqual(pairs);
  });

  it('seeds two published years and an open one with a mix of states, once', async () => {
    const outcome = await seedReportingDemo(t.db, now);
    expect(outcome).toEqual({ seeded: true, years: [2024, 2025, 2026] });
    expect((await seedReportingDemo(t.db, now)).seeded).toBe(false);
    const deps = reportingDeps(t.db, { publicUrl: 'http://localhost', dataDir: '/tmp' });
    const cycles = await listCycleSummaries(deps, systemPrincipal);
    expect(cycles.map((c) => [c.year, c.state, c.counts.approved])).toEqual([
      [2026, 'open', expect.any(Number)],
      [2025, 'closed', 40],
      [2024, 'closed', 40],
    ]);
    const current = cycles[0];
    expect(current?.counts.draft).toBeGreaterThan(3);
    expect(current?.counts.submitted).toBeGreaterThan(3);
    expect(current?.counts.returned).toBe(1);
    expect(current?.dueDate).toBe('2026-02-24');
    const dashboard = await statusDashboard(deps, systemPrincipal, now);
    expect(dashboard.trend.map((p) => p.year)).toEqual([2024, 2025]);
    const [y2024, y2025] = dashboard.trend;
    expect(y2025?.inPlaceShare ?? 0).toBeGreaterThan(y2024?.inPlaceShare ?? 0);
  });
});
