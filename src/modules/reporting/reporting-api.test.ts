import { execFileSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readXlsx } from '../../platform/export/index.js';
import { asPrincipal, createTestApp, type TestApp } from '../../../tests/support/test-app.js';
import {
  client,
  completeContent,
  directorate,
  ehelseOwner,
  ministry,
  multipart,
  nhnOwner,
  secondReviewer,
  tilsynOwner,
  admin,
} from './test-helpers.js';

let t: TestApp;
let api: ReturnType<typeof client>;
let dataDir: string;
let cycleId: string;

const hasPdftotext = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

const pdfBytes = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const pngBytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

beforeAll(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'varde-reporting-'));
  t = await createTestApp({ VARDE_DATA_DIR: dataDir }, { principalHeader: true });
  api = client(t.app);
});
afterAll(async () => {
  await t?.close();
  await fs.rm(dataDir, { recursive: true, force: true });
});

async function reportOf(who: typeof nhnOwner, measureId: string, actorId: string) {
  const list = await api.get(who, `/reports?cycleId=${cycleId}&measureId=${measureId}&actorId=${actorId}`);
  expect(list.status).toBe(200);
  const found = list.body.reports[0];
  expect(found).toBeDefined();
  return found as { id: string; revision: number; state: string };
}

describe(`reporting API (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('lets only the strategy owner open a cycle, with one report per measure and actor and the gap listed', async () => {
    const refused = await api.post(nhnOwner, '/cycles', { year: 2026, dueDate: '2026-03-01' });
    expect(refused.status).toBe(403);
    const anonymous = await t.app.inject({
      method: 'POST',
      url: '/api/v1/reporting/cycles',
      payload: { year: 2026, dueDate: '2026-03-01' },
    });
    expect(anonymous.statusCode).toBe(401);
    const bad = await api.post(directorate, '/cycles', { year: 2026, dueDate: '2026-02-30' });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.error.details)).toContain('dueDate');
    const opened = await api.post(directorate, '/cycles', {
      year: 2026,
      dueDate: '2026-03-01',
      delegations: { hod: 'e-helse' },
    });
    expect(opened.status).toBe(201);
    cycleId = opened.body.id;
    expect(opened.body.gap.map((g: { id: string }) => g.id)).toEqual(['1.10', '3.1', '4.7']);
    const all = await api.get(directorate, `/reports?cycleId=${cycleId}`);
    expect(all.body.reports).toHaveLength(40);
    expect(all.body.reports.every((r: { state: string }) => r.state === 'draft')).toBe(true);
    const hod = all.body.reports.filter((r: { actor: { id: string } }) => r.actor.id === 'hod');
    expect(hod.length).toBeGreaterThan(0);
    expect(hod.every((r: { reporterActor: { id: string } }) => r.reporterActor.id === 'e-helse')).toBe(true);
    const again = await api.post(directorate, '/cycles', { year: 2026, dueDate: '2026-03-01' });
    expect(again.body.error.code).toBe('REPORTING_CYCLE_EXISTS');
  });

  it("shows a measure owner only its own actors' reports", async () => {
    const mine = await api.get(nhnOwner, `/reports?cycleId=${cycleId}`);
    const reporters = new Set(mine.body.reports.map((r: { reporterActor: { id: string } }) => r.reporterActor.id));
    expect([...reporters].sort()).toEqual(['helsecert', 'nhn']);
    expect(mine.body.reports.map((r: { measure: { id: string } }) => r.measure.id)).toContain('4.6');
    const ministryView = await api.get(ministry, `/reports?cycleId=${cycleId}`);
    expect(ministryView.body.reports).toEqual([]);
    expect((await api.get(admin, `/reports?cycleId=${cycleId}`)).status).toBe(403);
  });

  it("refuses another actor's draft with 404, for reading and for every kind of change", async () => {
    const report = await reportOf(nhnOwner, '4.6', 'nhn');
    const url = `/reports/${report.id}`;
    for (const who of [tilsynOwner, ministry, ehelseOwner]) {
      for (const [method, suffix, body] of [
        ['GET', '', undefined],
        ['GET', '/history', undefined],
        ['PATCH', '', { progress: 'overtatt' }],
        ['POST', '/submit', {}],
        ['POST', '/evidence/links', { title: 'x', url: 'https://example.org' }],
      ] as const) {
        const response = await api.call(who, method, `${url}${suffix}`, body);
        expect([403, 404], `${who.userId} ${method} ${suffix}`).toContain(response.status);
        if (who.roles.includes('measure-owner') || method === 'GET')
          expect(response.body.error.code).not.toBe('INTERNAL');
      }
      const read = await api.get(who, url);
      expect(read.status).toBe(404);
      expect(read.body.error.code).toBe('STATUS_REPORT_NOT_FOUND');
    }
    const upload = multipart('bevis.pdf', pdfBytes);
    const file = await t.app.inject({
      method: 'POST',
      url: `/api/v1/reporting${url}/evidence/files`,
      payload: upload.payload,
      headers: { ...upload.headers, ...asPrincipal(tilsynOwner) },
    });
    expect(file.statusCode).toBe(404);
    const unchanged = await api.get(nhnOwner, url);
    expect(unchanged.body.progress).toBe('');
    expect(unchanged.body.revision).toBe(1);
  });

  it('keeps edits with optimistic locking and refuses incomplete submissions, naming the fields', async () => {
    const report = await reportOf(nhnOwner, '4.6', 'nhn');
    const saved = await api.patch(nhnOwner, `/reports/${report.id}`, {
      expectedRevision: 1,
      progress: 'Første utkast.',
    });
    expect(saved.status).toBe(200);
    expect(saved.body.revision).toBe(2);
    const stale = await api.patch(nhnOwner, `/reports/${report.id}`, { expectedRevision: 1, progress: 'Kollisjon.' });
    expect(stale.body.error.code).toBe('REPORT_REVISION_CONFLICT');
    const incomplete = await api.post(nhnOwner, `/reports/${report.id}/submit`, {});
    expect(incomplete.status).toBe(422);
    expect(incomplete.body.error.code).toBe('REPORT_INCOMPLETE');
    expect(incomplete.body.error.details.map((d: { field: string }) => d.field)).toEqual(
      expect.arrayContaining(['status', 'contribution.level', 'contact.email']),
    );
    const badEmail = await api.patch(nhnOwner, `/reports/${report.id}`, {
      contact: { name: 'N', email: 'ikke-epost', phone: '' },
    });
    expect(badEmail.body.error.details[0].field).toBe('contact.email');
    const unknownStatus = await api.patch(nhnOwner, `/reports/${report.id}`, { status: 'maybe' });
    expect(unknownStatus.status).toBe(400);
  });

  it('moves a report through submit, return with comment, resubmit and approval, keeping every revision', async () => {
    const report = await reportOf(nhnOwner, '4.6', 'nhn');
    const submitted = await api.post(nhnOwner, `/reports/${report.id}/submit`, completeContent);
    expect(submitted.status).toBe(200);
    expect(submitted.body.state).toBe('submitted');
    expect((await api.patch(nhnOwner, `/reports/${report.id}`, { progress: 'endring' })).body.error.code).toBe(
      'REPORT_NOT_EDITABLE',
    );
    expect((await api.post(nhnOwner, `/reports/${report.id}/approve`, {})).status).toBe(403);
    expect((await api.post(directorate, `/reports/${report.id}/return`, { comment: '' })).status).toBe(400);
    const returned = await api.post(directorate, `/reports/${report.id}/return`, {
      comment: 'Legg til tall for 2026.',
    });
    expect(returned.body.state).toBe('returned');
    expect(returned.body.reviewComment).toBe('Legg til tall for 2026.');
    const todo = await api.get(nhnOwner, '/my');
    expect(todo.body.items[0]).toMatchObject({ id: report.id, state: 'returned' });
    expect(todo.body.notifications.some((n: { kind: string }) => n.kind === 'report-returned')).toBe(true);
    const resubmitted = await api.post(nhnOwner, `/reports/${report.id}/submit`, {
      indicators: [{ ...completeContent.indicators[0], value: 47 }],
    });
    expect(resubmitted.body.state).toBe('submitted');
    const approved = await api.post(directorate, `/reports/${report.id}/approve`, {});
    expect(approved.body.state).toBe('approved');
    const history = await api.get(nhnOwner, `/reports/${report.id}/history`);
    expect(history.body.revisions.map((r: { action: string }) => r.action)).toEqual([
      'approve',
      'submit',
      'return',
      'submit',
      'edit',
      'create',
    ]);
    expect(history.body.revisions[1].changedFields).toEqual(['indicators']);
    expect(history.body.revisions[2].comment).toBe('Legg til tall for 2026.');
    expect((await api.get(ministry, `/reports/${report.id}`)).status).toBe(200);
  });

  it('keeps the four-eyes rule when the strategy owner also writes reports', async () => {
    const both = {
      ...directorate,
      userId: 'dual',
      roles: ['strategy-owner', 'measure-owner'] as const,
      actorIds: ['e-helse'],
    };
    const report = await reportOf(both as never, '1.13', 'e-helse');
    await api.post(both as never, `/reports/${report.id}/submit`, { ...completeContent, status: 'in-operation' });
    const own = await api.post(both as never, `/reports/${report.id}/approve`, {});
    expect(own.body.error.code).toBe('REPORT_TRANSITION_NOT_ALLOWED');
    expect((await api.post(secondReviewer, `/reports/${report.id}/approve`, {})).body.state).toBe('approved');
  });

  it('accepts evidence links and files by content type, and serves files only to readers of the report', async () => {
    const report = await reportOf(tilsynOwner, '2.8', 'helsetilsynet');
    const httpLink = await api.post(tilsynOwner, `/reports/${report.id}/evidence/links`, {
      title: 'Tilsynsplan',
      url: 'http://example.org/plan',
    });
    expect(httpLink.body.error.code).toBe('VALIDATION_FAILED');
    const link = await api.post(tilsynOwner, `/reports/${report.id}/evidence/links`, {
      title: 'Tilsynsplan 2026',
      url: 'https://www.helsetilsynet.no/tilsyn',
    });
    expect(link.status).toBe(201);
    const upload = async (name: string, bytes: Buffer) => {
      const form = multipart(name, bytes, 'Vedlegg');
      return t.app.inject({
        method: 'POST',
        url: `/api/v1/reporting/reports/${report.id}/evidence/files`,
        payload: form.payload,
        headers: { ...form.headers, ...asPrincipal(tilsynOwner) },
      });
    };
    const pdf = await upload('tilsynsrapport.pdf', pdfBytes);
    expect(pdf.statusCode).toBe(201);
    expect(pdf.json()).toMatchObject({
      kind: 'file',
      mediaType: 'application/pdf',
      sizeBytes: pdfBytes.length,
      fileName: 'tilsynsrapport.pdf',
    });
    expect((await upload('bilde.pdf', pngBytes)).json().error.code).toBe('EVIDENCE_TYPE_NOT_ALLOWED');
    expect((await upload('program.exe', Buffer.from('MZ\x90\x00binary'))).json().error.code).toBe(
      'EVIDENCE_TYPE_NOT_ALLOWED',
    );
    expect((await upload('notat.txt', Buffer.from('Notat om tilsynet: æøå\n'))).statusCode).toBe(201);
    const tooBig = await upload('stor.pdf', Buffer.concat([pdfBytes, Buffer.alloc(10 * 1024 * 1024 + 1)]));
    expect(tooBig.statusCode).toBe(413);
    const stored = await fs.readdir(path.join(dataDir, 'evidence'));
    expect(stored.every((name) => /^[0-9a-f]{32}$/.test(name))).toBe(true);
    const evidenceId = pdf.json().id as string;
    const download = await api.get(tilsynOwner, `/reports/${report.id}/evidence/${evidenceId}/file`);
    expect(download.status).toBe(200);
    expect(download.raw.equals(pdfBytes)).toBe(true);
    expect(String(download.headers['content-disposition'])).toContain('tilsynsrapport.pdf');
    expect((await api.get(nhnOwner, `/reports/${report.id}/evidence/${evidenceId}/file`)).status).toBe(404);
    const view = await api.get(tilsynOwner, `/reports/${report.id}`);
    expect(view.body.evidence).toHaveLength(3);
    const removed = await api.call(tilsynOwner, 'DELETE', `/reports/${report.id}/evidence/${link.body.id}`);
    expect(removed.status).toBe(204);
    expect((await api.get(tilsynOwner, `/reports/${report.id}`)).body.evidence).toHaveLength(2);
    const history = await api.get(tilsynOwner, `/reports/${report.id}/history`);
    expect(history.body.revisions.map((r: { action: string }) => r.action).slice(0, 2)).toEqual([
      'remove-evidence',
      'add-evidence',
    ]);
  });

  it('publishes a frozen sector report that later edits of its sources do not change', async () => {
    const preview = await api.get(directorate, `/cycles/${cycleId}/sector-report/preview`);
    expect(preview.body.totals).toMatchObject({ expected: 40, approved: 2, unplaced: 3 });
    expect((await api.post(ministry, `/cycles/${cycleId}/sector-reports`)).status).toBe(403);
    const published = await api.post(directorate, `/cycles/${cycleId}/sector-reports`);
    expect(published.status).toBe(201);
    const id = published.body.id as string;
    expect(published.body.contentHash).toMatch(/^sha256:[0-9a-f]{64}$/);
    const first = await api.get(ministry, `/sector-reports/${id}`);
    const row = (s: any) => s.snapshot.reports.find((r: any) => r.measureId === '4.6' && r.actorId === 'nhn');
    expect(row(first.body)).toMatchObject({ status: 'in-progress', approved: true });
    const firstCsv = (await api.get(ministry, `/sector-reports/${id}/report.csv`)).raw.toString('utf8');

    // The source report is returned, changed and approved again after publication.
    const report = await reportOf(nhnOwner, '4.6', 'nhn');
    await api.post(directorate, `/reports/${report.id}/return`, { comment: 'Oppdater status.' });
    await api.post(nhnOwner, `/reports/${report.id}/submit`, {
      status: 'in-operation',
      progress: 'Endret etter publisering.',
    });
    await api.post(directorate, `/reports/${report.id}/approve`, {});

    const after = await api.get(ministry, `/sector-reports/${id}`);
    expect(after.body.contentHash).toBe(published.body.contentHash);
    expect(row(after.body)).toMatchObject({ status: 'in-progress' });
    expect(JSON.stringify(after.body.snapshot)).toBe(JSON.stringify(first.body.snapshot));
    expect((await api.get(ministry, `/sector-reports/${id}/report.csv`)).raw.toString('utf8')).toBe(firstCsv);
    expect(firstCsv).not.toContain('Endret etter publisering.');

    // The database refuses to rewrite a publication; a new publication is a new version.
    await expect(sql`update reporting_sector_report set title = 'endret'`.execute(t.testDb.db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`delete from reporting_report_revision`.execute(t.testDb.db)).rejects.toThrow(/append-only/);
    const second = await api.post(directorate, `/cycles/${cycleId}/sector-reports`);
    expect(second.body.version).toBe(2);
    expect(second.body.contentHash).not.toBe(published.body.contentHash);
    const list = await api.get(nhnOwner, `/sector-reports?cycleId=${cycleId}`);
    expect(list.body.sectorReports.map((p: { version: number }) => p.version)).toEqual([2, 1]);
  });

  it('exports PDF, XLSX and CSV from the snapshot and records each export in the audit trail', async () => {
    const [latest] = (await api.get(ministry, `/sector-reports?cycleId=${cycleId}`)).body.sectorReports;
    const pdf = await api.get(ministry, `/sector-reports/${latest.id}/report.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.raw.subarray(0, 5).toString()).toBe('%PDF-');
    if (hasPdftotext) {
      const file = path.join(dataDir, 'sektor.pdf');
      await fs.writeFile(file, pdf.raw);
      const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
      for (const expected of [
        'Statusrapport 2026',
        'Innhold',
        'Godkjente rapporter etter status',
        'Status per område',
        'Tiltak for tiltak',
        'Virksomheter tilknyttet: 47 stk',
        'Side 1 av',
      ]) {
        expect(text).toContain(expected);
      }
    }
    const xlsx = await api.get(ministry, `/sector-reports/${latest.id}/report.xlsx?lang=en`);
    const sheets = await readXlsx(xlsx.raw);
    expect(sheets.map((sheet) => sheet.name)).toEqual([
      'Status reports',
      'By area',
      'By actor',
      'Indicators',
      'Trend',
      'Gap',
      'About',
    ]);
    const [header, ...rows] = sheets[0]?.rows ?? [];
    expect(header).toEqual(
      expect.arrayContaining([
        'Measure',
        'Responsible actor',
        'Status',
        'Progress',
        'Contribution to the goal',
        'Indicators',
        'Next steps',
        'Blockers',
        'Contact person',
        'Evidence',
        'Approved',
      ]),
    );
    expect(rows).toHaveLength(40);
    const approvedRow = rows.find((r) => r[3] === '4.6' && r[6] === 'Norsk Helsenett SF') ?? [];
    expect(approvedRow[(header ?? []).indexOf('Status')]).toBe('In operation');
    expect(approvedRow[(header ?? []).indexOf('Approved')]).toBeInstanceOf(Date);
    expect(String(approvedRow[(header ?? []).indexOf('Indicators')])).toContain('Virksomheter tilknyttet: 47 stk');
    expect(sheets[5]?.rows.slice(1).map((r) => r[0])).toEqual(['1.10', '3.1', '4.7']);
    const csv = await api.get(ministry, `/sector-reports/${latest.id}/report.csv?delimiter=semicolon`);
    const text = csv.raw.toString('utf8');
    expect(text.startsWith('\uFEFFÅr;Område;')).toBe(true);
    expect(text.split('\r\n').filter(Boolean)).toHaveLength(41);
    const audit = await sql<{
      n: number;
    }>`select count(*)::int as n from audit_event where action = 'report.export' and object_id = ${latest.id}`.execute(
      t.testDb.db,
    );
    expect(audit.rows[0]?.n).toBe(3);
  });

  it('gives the ministry reader a dashboard from published reports, and measure owners none', async () => {
    const dashboard = await api.get(ministry, '/dashboard');
    expect(dashboard.status).toBe(200);
    expect(dashboard.body.latest.year).toBe(2026);
    expect(dashboard.body.trend.map((p: { year: number }) => p.year)).toEqual([2026]);
    expect(dashboard.body.openCycles[0].counts.approved).toBeGreaterThan(0);
    expect((await api.get(nhnOwner, '/dashboard')).status).toBe(403);
  });

  it('freezes every report when the cycle is closed', async () => {
    const report = await reportOf(tilsynOwner, '2.8', 'helsetilsynet');
    expect((await api.post(directorate, `/cycles/${cycleId}/close`)).body.state).toBe('closed');
    const edit = await api.patch(tilsynOwner, `/reports/${report.id}`, { progress: 'for sent' });
    expect(edit.body.error.code).toBe('REPORTING_CYCLE_CLOSED');
  });
});
