/** API helpers shared by the log-review tests: run an analysis, list cases, open a case, read the audit trail. */
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import type { TestApp } from '../../../../tests/support/test-app.js';
import type { Principal } from '../../../platform/http/access.js';
import { as, contractFiles, multipartFiles, waitForRun } from './test-support.js';

export const base = '/api/v1/log-review';

export function reviewHelpers(current: () => { t: TestApp; datasetId: string }, a1: Principal) {
  async function runNow(principal = a1): Promise<Record<string, any>> {
    const started = await current().t.app.inject({
      method: 'POST',
      url: `${base}/datasets/${current().datasetId}/runs`,
      headers: as(principal),
    });
    expect(started.statusCode, started.body).toBe(202);
    const run = await waitForRun(current().t.app, principal, current().datasetId, started.json().id);
    expect(run.status, JSON.stringify(run.error)).toBe('succeeded');
    return run;
  }

  async function cases(principal = a1, query = 'status=all'): Promise<Record<string, any>> {
    const response = await current().t.app.inject({
      method: 'GET',
      url: `${base}/datasets/${current().datasetId}/cases?${query}`,
      headers: as(principal),
    });
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  }

  async function openCase(caseId: string, principal = a1, reason = 'Ukentlig loggkontroll') {
    return current().t.app.inject({
      method: 'GET',
      url: `${base}/datasets/${current().datasetId}/cases/${caseId}`,
      headers: { ...as(principal), 'x-view-reason': encodeURIComponent(reason) },
    });
  }

  async function auditRows(
    action: string,
  ): Promise<{ actor_user_id: string | null; object_id: string | null; detail: Record<string, any> }[]> {
    return current()
      .t.testDb.db.selectFrom('audit_event')
      .select(['actor_user_id', 'object_id', 'detail'])
      .where('action', '=', action)
      .orderBy('seq')
      .execute() as never;
  }

  return { runNow, cases, openCase, auditRows };
}

/** Registers a dataset, uploads a generated source folder and runs the first analysis: the dataset's id. */
export async function analysedDataset(
  t: TestApp,
  principal: Principal,
  source: string,
  settings: Record<string, unknown>,
): Promise<string> {
  const created = await t.app.inject({
    method: 'POST',
    url: `${base}/datasets`,
    headers: as(principal),
    payload: settings,
  });
  expect(created.statusCode, created.body).toBe(201);
  const id = created.json().id as string;
  const upload = multipartFiles(
    contractFiles.map((name) => ({ name, bytes: fs.readFileSync(path.join(source, name)) })),
  );
  const stored = await t.app.inject({
    method: 'POST',
    url: `${base}/datasets/${id}/uploads`,
    headers: { ...as(principal), ...upload.headers },
    payload: upload.payload,
  });
  expect(stored.statusCode, stored.body).toBe(201);
  const started = await t.app.inject({ method: 'POST', url: `${base}/datasets/${id}/runs`, headers: as(principal) });
  const run = await waitForRun(t.app, principal, id, started.json().id);
  expect(run.status, JSON.stringify(run.error)).toBe('succeeded');
  return id;
}
