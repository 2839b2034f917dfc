import net from 'node:net';
import { sql } from 'kysely';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/support/test-app.js';
import { openCycle } from './cycle-service.js';
import { drainOutbox, smtpMailer } from './mailer.js';
import { runReminderJob, runReminders } from './reminder-service.js';
import { reportingDeps, type ReportingDeps } from './reporting-deps.js';
import { client, directorate, nhnOwner, tilsynOwner } from './test-helpers.js';

interface Received {
  from: string;
  to: string[];
  raw: string;
}

/** A local SMTP server on a random port that keeps what it receives. */
async function startSmtp(port = 0): Promise<{ port: number; received: Received[]; close(): Promise<void> }> {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', () => resolve()));
  const address = server.server.address() as net.AddressInfo;
  return { port: address.port, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** A port nothing listens on (the "mail server is down" case). */
async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', () => resolve()));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

/** The message with its quoted-printable body decoded (as UTF-8). */
const decode = (raw: string) =>
  Buffer.from(
    raw
      .replace(/=\r?\n/g, '')
      .replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16))),
    'latin1',
  ).toString('utf8');

let t: TestApp;
let deps: ReportingDeps;
let cycleId: string;

beforeAll(async () => {
  t = await createTestApp({}, { principalHeader: true });
  deps = reportingDeps(t.testDb.db, { publicUrl: 'https://varde.example', dataDir: '/tmp/varde-unused' });
  const api = client(t.app);
  await api.call(directorate, 'PUT', '/contacts', {
    actorId: 'nhn',
    email: 'Sikkerhet@NHN.example',
    name: 'NHN sikkerhet',
  });
  await api.call(directorate, 'PUT', '/contacts', {
    actorId: 'helsetilsynet',
    email: 'tilsyn@helsetilsynet.example',
    name: 'Tilsyn',
  });
  const cycle = await openCycle(
    deps,
    directorate,
    { year: 2026, dueDate: '2026-03-01' },
    new Date('2026-01-10T09:00:00Z'),
  );
  cycleId = cycle.id;
});
afterAll(async () => {
  await t?.close();
});

async function outbox() {
  const rows = await sql<{
    to_address: string;
    status: string;
    attempts: number;
    subject: string;
    next_attempt_at: Date;
  }>`
    select to_address, status, attempts, subject, next_attempt_at from reporting_outbox order by id`.execute(
    t.testDb.db,
  );
  return rows.rows;
}

describe(`reminders and the e-mail outbox (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('wrote the cycle-opened mails to the outbox, nothing is sent without a mail server', async () => {
    const rows = await outbox();
    expect(rows.map((r) => r.to_address).sort()).toEqual(['sikkerhet@nhn.example', 'tilsyn@helsetilsynet.example']);
    expect(rows.every((r) => r.status === 'pending')).toBe(true);
    const job = await runReminderJob(deps, null, new Date('2026-01-10T10:00:00Z'));
    expect(job).toEqual({ reminders: [], delivery: null });
  });

  it('keeps mail in the outbox while the server is down, and delivers it once it is up', async () => {
    const downPort = await freePort();
    const down = smtpMailer({ url: `smtp://127.0.0.1:${downPort}`, from: 'varde@test.example' }, { timeoutMs: 2000 });
    const failed = await drainOutbox(t.testDb.db, down, new Date('2026-01-10T10:00:00Z'));
    expect(failed).toEqual({ sent: 0, failed: 2, gaveUp: 0 });
    let rows = await outbox();
    expect(rows.every((r) => r.status === 'pending' && r.attempts === 1)).toBe(true);
    expect(new Date(rows[0]?.next_attempt_at ?? 0).toISOString()).toBe('2026-01-10T10:01:00.000Z');

    const smtp = await startSmtp();
    const up = smtpMailer({ url: `smtp://127.0.0.1:${smtp.port}`, from: 'varde@test.example' });
    // Not yet due for the next attempt: nothing is tried.
    expect(await drainOutbox(t.testDb.db, up, new Date('2026-01-10T10:00:30Z'))).toEqual({
      sent: 0,
      failed: 0,
      gaveUp: 0,
    });
    expect(await drainOutbox(t.testDb.db, up, new Date('2026-01-10T10:02:00Z'))).toEqual({
      sent: 2,
      failed: 0,
      gaveUp: 0,
    });
    rows = await outbox();
    expect(rows.every((r) => r.status === 'sent')).toBe(true);
    expect(smtp.received.map((m) => m.to[0]).sort()).toEqual(['sikkerhet@nhn.example', 'tilsyn@helsetilsynet.example']);
    expect(smtp.received[0]?.from).toBe('varde@test.example');
    expect(decode(smtp.received[0]?.raw ?? '')).toContain('statusrapporteringen for 2026 er åpnet');
    up.close?.();
    await smtp.close();
  });

  it('reminds the late actor before and after the due date, once per threshold, in the app and by e-mail', async () => {
    const api = client(t.app);
    // Helsetilsynet submits its only report; NHN does not.
    const tilsynReports = (await api.get(tilsynOwner, `/reports?cycleId=${cycleId}`)).body.reports;
    expect(tilsynReports).toHaveLength(1);
    const submitted = await api.post(tilsynOwner, `/reports/${tilsynReports[0].id}/submit`, {
      status: 'in-operation',
      progress: 'Tilsynsmetodikk for IKT er tatt i bruk i to tilsyn.',
      contribution: { level: 'medium', text: 'Tilsynene avdekker svakheter i kritisk infrastruktur.' },
      contact: { name: 'Tor Haugen', email: 'tor@helsetilsynet.example', phone: '' },
    });
    expect(submitted.body.state).toBe('submitted');

    const smtp = await startSmtp();
    const mailer = smtpMailer({ url: `smtp://127.0.0.1:${smtp.port}`, from: 'varde@test.example' });
    const before = await runReminderJob(deps, mailer, new Date('2026-02-26T07:00:00Z'));
    const nhnReminder = before.reminders.find((r) => r.actorId === 'nhn');
    expect(nhnReminder).toMatchObject({ kind: 'before-3', timing: 'before', days: 3, recipients: 1 });
    expect(before.reminders.some((r) => r.actorId === 'helsetilsynet')).toBe(false);
    expect(before.delivery?.sent).toBeGreaterThanOrEqual(1);
    const toNhn = smtp.received.filter((m) => m.to.includes('sikkerhet@nhn.example'));
    expect(toNhn).toHaveLength(1);
    const text = decode(toNhn[0]?.raw ?? '');
    expect(text).toContain('Tiltak 4.6');
    expect(text).toContain('https://varde.example/reporting/my');

    // The same day again: nothing new.
    expect((await runReminders(deps, new Date('2026-02-26T12:00:00Z'))).filter((r) => r.actorId === 'nhn')).toEqual([]);
    // Eight days late: one overdue reminder (after-7), not a backlog of after-1 and after-7.
    const late = await runReminderJob(deps, mailer, new Date('2026-03-09T07:00:00Z'));
    expect(late.reminders.filter((r) => r.actorId === 'nhn').map((r) => r.kind)).toEqual(['after-7']);
    const overdue = smtp.received.filter((m) => m.to.includes('sikkerhet@nhn.example'));
    expect(overdue).toHaveLength(2);
    expect(decode(overdue[1]?.raw ?? '')).toMatch(/Purring/);

    const todo = await api.get(nhnOwner, '/my');
    const kinds = todo.body.notifications.map((n: { kind: string }) => n.kind);
    expect(kinds).toEqual(expect.arrayContaining(['reminder-overdue', 'reminder-due', 'cycle-opened']));
    expect(todo.body.unread).toBe(todo.body.notifications.length);
    const first = todo.body.notifications[0];
    expect((await api.post(nhnOwner, `/notifications/${first.id}/read`)).status).toBe(204);
    expect((await api.post(tilsynOwner, `/notifications/${first.id}/read`)).status).toBe(404);
    expect((await api.get(nhnOwner, '/my')).body.unread).toBe(todo.body.notifications.length - 1);

    const overview = await api.get(directorate, `/cycles/${cycleId}/overview`);
    const nhn = overview.body.actors.find((a: { actorId: string }) => a.actorId === 'nhn');
    expect(nhn.lastReminder.kind).toBe('after-7');
    expect(nhn.outstanding.length).toBeGreaterThan(0);
    const tilsyn = overview.body.actors.find((a: { actorId: string }) => a.actorId === 'helsetilsynet');
    expect(tilsyn).toMatchObject({ outstanding: [], lastReminder: null });
    mailer.close?.();
    await smtp.close();
  });

  it('lets the strategy owner remind one actor now, and refuses when it has nothing outstanding', async () => {
    const api = client(t.app);
    const now = await api.post(directorate, `/cycles/${cycleId}/reminders`, { actorId: 'nhn' });
    expect(now.status).toBe(201);
    expect(now.body.kind).toMatch(/^manual-/);
    expect((await api.post(directorate, `/cycles/${cycleId}/reminders`, { actorId: 'helsetilsynet' })).status).toBe(
      400,
    );
    expect((await api.post(nhnOwner, `/cycles/${cycleId}/reminders`, { actorId: 'nhn' })).status).toBe(403);
  });
});
