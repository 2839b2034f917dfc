/**
 * Operating log review: server folders allowed by VARDE_LOG_FOLDERS with one sub-folder per period (new days are
 * read incrementally), the upload size limit, and runs interrupted by a restart being marked failed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../../app.js';
import { loadConfig } from '../../../platform/config.js';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app.js';
import { as, multipartFiles, reviewerOf, smallDataset, tempDir, waitForRun } from './test-support.js';

const base = '/api/v1/log-review';
const reviewer = reviewerOf('org-hf-folder', 'rev-f1');
const admin = reviewerOf('org-drift', 'admin-1', ['administrator']);
let t: TestApp;
let dataDir: string;
let root: string;
const saved = { folders: process.env.VARDE_LOG_FOLDERS, max: process.env.VARDE_LOG_UPLOAD_MAX_MB };

beforeAll(async () => {
  dataDir = tempDir('varde-logreview-ops-');
  root = path.join(dataDir, 'dips-export');
  // Week 1 is a complete dataset; week 2 brings only its event file (the reference files are borrowed).
  const full = await smallDataset(path.join(dataDir, 'generated'), { events: 12_000, days: 14, seed: 5 });
  const lines = fs.readFileSync(path.join(full, 'access_events.csv'), 'utf8').trim().split('\n');
  const header = lines[0] as string;
  const firstWeek = lines.slice(1).filter((l) => (l.split(',')[1] ?? '') < '2026-03-08');
  const secondWeek = lines.slice(1).filter((l) => (l.split(',')[1] ?? '') >= '2026-03-08');
  fs.mkdirSync(path.join(root, '2026-w10'), { recursive: true });
  fs.mkdirSync(path.join(root, '2026-w11'), { recursive: true });
  for (const f of ['staff.csv', 'patients.csv', 'departments.csv', 'encounters.csv', 'care_relations.csv']) {
    fs.copyFileSync(path.join(full, f), path.join(root, '2026-w10', f));
  }
  fs.writeFileSync(path.join(root, '2026-w10', 'access_events.csv'), [header, ...firstWeek].join('\n') + '\n');
  fs.writeFileSync(path.join(root, 'week-2-pending.csv'), [header, ...secondWeek].join('\n') + '\n');
  process.env.VARDE_LOG_FOLDERS = `org-hf-folder=${root};org-missing=/does/not/exist`;
  process.env.VARDE_LOG_UPLOAD_MAX_MB = '1';
  t = await createTestApp({ VARDE_DATA_DIR: dataDir }, { principalHeader: true });
}, 120_000);

afterAll(async () => {
  process.env.VARDE_LOG_FOLDERS = saved.folders;
  process.env.VARDE_LOG_UPLOAD_MAX_MB = saved.max;
  await t?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('server folders and incremental days', () => {
  it('reads an allowed folder week by week, adding only what is new', async () => {
    const folders = (await t.app.inject({ method: 'GET', url: `${base}/folders`, headers: as(reviewer) })).json()
      .folders;
    expect(folders.map((f: { path: string }) => f.path)).toEqual([fs.realpathSync(root)]);
    expect(
      (await t.app.inject({ method: 'GET', url: `${base}/folders`, headers: as(reviewerOf('org-other', 'x')) })).json()
        .folders,
    ).toEqual([]);

    const refused = await t.app.inject({
      method: 'POST',
      url: `${base}/datasets`,
      headers: as(reviewerOf('org-other', 'x')),
      payload: { name: 'Ikke vår', source: 'folder', folderId: folders[0].id },
    });
    expect(refused.json().error.code).toBe('LOG_REVIEW_FOLDER_NOT_ALLOWED');
    const created = await t.app.inject({
      method: 'POST',
      url: `${base}/datasets`,
      headers: as(reviewer),
      payload: { name: 'DIPS-eksport', source: 'folder', folderId: folders[0].id },
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    const start = async () => {
      const r = await t.app.inject({ method: 'POST', url: `${base}/datasets/${id}/runs`, headers: as(reviewer) });
      expect(r.statusCode, r.body).toBe(202);
      return waitForRun(t.app, reviewer, id, r.json().id);
    };
    const first = await start();
    expect(first.status, JSON.stringify(first.error)).toBe('succeeded');
    const week1 = first.summary.events;
    expect(week1).toBeGreaterThan(1000);

    fs.renameSync(path.join(root, 'week-2-pending.csv'), path.join(root, '2026-w11', 'access_events.csv'));
    const second = await start();
    expect(second.status, JSON.stringify(second.error)).toBe('succeeded');
    expect(second.summary.eventsAdded).toBeGreaterThan(1000);
    expect(second.summary.events).toBe(week1 + second.summary.eventsAdded);
    expect(second.summary.ingested.map((i: { alreadyIngested: boolean }) => i.alreadyIngested)).toEqual([true, false]);

    const upload = multipartFiles([{ name: 'access_events.csv', bytes: Buffer.from('x') }]);
    const noUpload = await t.app.inject({
      method: 'POST',
      url: `${base}/datasets/${id}/uploads`,
      headers: { ...as(reviewer), ...upload.headers },
      payload: upload.payload,
    });
    expect(noUpload.json().error.code).toBe('LOG_REVIEW_UPLOAD_INVALID');
  });

  it('lets only administrators allow folders, and only existing absolute ones', async () => {
    const bad = await t.app.inject({
      method: 'POST',
      url: `${base}/folders`,
      headers: as(admin),
      payload: { organisationId: 'org-hf-folder', path: '../etc', label: '' },
    });
    expect(bad.json().error.code).toBe('LOG_REVIEW_FOLDER_NOT_ALLOWED');
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: `${base}/folders`,
          headers: as(reviewer),
          payload: { organisationId: 'org-hf-folder', path: root, label: 'x' },
        })
      ).statusCode,
    ).toBe(403);
    const ok = await t.app.inject({
      method: 'POST',
      url: `${base}/folders`,
      headers: as(admin),
      payload: { organisationId: 'org-b', path: root, label: 'Eksport' },
    });
    expect(ok.statusCode, ok.body).toBe(201);
  });
});

describe('limits and restarts', () => {
  it('refuses an uploaded file above VARDE_LOG_UPLOAD_MAX_MB and keeps nothing of it', async () => {
    const created = (
      await t.app.inject({
        method: 'POST',
        url: `${base}/datasets`,
        headers: as(reviewer),
        payload: { name: 'Opplasting', source: 'upload' },
      })
    ).json();
    const big = multipartFiles([{ name: 'access_events.csv', bytes: Buffer.alloc(1.5 * 1024 * 1024, 'a') }]);
    const response = await t.app.inject({
      method: 'POST',
      url: `${base}/datasets/${created.id}/uploads`,
      headers: { ...as(reviewer), ...big.headers },
      payload: big.payload,
    });
    expect(response.statusCode).toBe(413);
    const uploads = path.join(dataDir, 'logaudit', 'org-hf-folder', created.id, 'uploads');
    expect(fs.existsSync(uploads) ? fs.readdirSync(uploads) : []).toEqual([]);
  });

  it('marks runs left running by a stopped server as failed when it starts again', async () => {
    const created = (
      await t.app.inject({
        method: 'POST',
        url: `${base}/datasets`,
        headers: as(reviewer),
        payload: { name: 'Avbrutt', source: 'upload' },
      })
    ).json();
    await t.testDb.db
      .insertInto('logreview_run')
      .values({
        id: 'run-cut',
        dataset_id: created.id,
        status: 'running',
        phase: 'analyse',
        progress: 0.4,
        inputs: JSON.stringify({ uploadIds: [], scanFolder: false }),
        summary: null,
        error: null,
        started_by: 'rev-f1',
        queued_at: new Date(),
        started_at: new Date(),
        finished_at: null,
      })
      .execute();
    const restarted = await buildApp({
      config: loadConfig({ PORT: '0', VARDE_DATA_DIR: dataDir }),
      db: t.testDb.db,
      logger: false,
    });
    await restarted.ready();
    await restarted.close();
    const run = await t.testDb.db
      .selectFrom('logreview_run')
      .selectAll()
      .where('id', '=', 'run-cut')
      .executeTakeFirstOrThrow();
    expect(run).toMatchObject({ status: 'failed', error: { code: 'INTERRUPTED' } });
  });
});
