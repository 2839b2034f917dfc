import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../../tests/support/test-db.js';
import { verifyAuditTrail, writeAuditEvent } from './audit-service.js';
import { findEvents } from './audit-repository.js';

let t: TestDb;

beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t?.close();
});

const base = {
  actorUserId: 'u1',
  actorName: 'Ola Nordmann',
  organisationId: 'org-1',
  outcome: 'success' as const,
  ip: '127.0.0.1',
  userAgent: 'vitest',
};

/** Changes stored rows past the triggers, as a database superuser could: the chain must still show it. */
async function tamper(statement: ReturnType<typeof sql>): Promise<void> {
  await t.db.transaction().execute(async (trx) => {
    await sql`set local session_replication_role = replica`.execute(trx);
    await statement.execute(trx);
  });
}

describe(`audit trail (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('appends events in one chain, also when written concurrently', async () => {
    const at = new Date('2026-03-01T10:00:00.123Z');
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        writeAuditEvent(t.db, { ...base, at, action: 'auth.login', detail: { i, text: 'æøå "quoted"' } }),
      ),
    );
    await t.db
      .transaction()
      .execute((trx) =>
        writeAuditEvent(trx, { ...base, at, action: 'role.grant', objectType: 'user', objectId: 'u2' }),
      );
    const events = await findEvents(t.db, {}, 100);
    expect(events.map((e) => e.seq)).toEqual(Array.from({ length: 13 }, (_, i) => 13 - i));
    expect(events[0]).toMatchObject({ action: 'role.grant', objectId: 'u2', at });
    expect(await verifyAuditTrail(t.db)).toMatchObject({ ok: true, checked: 13, lastSeq: 13, broken: null });
  });

  it('filters by action prefix, actor and outcome', async () => {
    await writeAuditEvent(t.db, {
      ...base,
      at: new Date(),
      actorUserId: 'u9',
      action: 'access.denied',
      outcome: 'denied',
    });
    expect((await findEvents(t.db, { action: 'auth.' }, 100)).length).toBe(12);
    expect((await findEvents(t.db, { actorUserId: 'u9', outcome: 'denied' }, 100)).map((e) => e.action)).toEqual([
      'access.denied',
    ]);
  });

  it('does not write an event whose transaction rolls back, and the chain stays whole', async () => {
    await expect(
      t.db.transaction().execute(async (trx) => {
        await writeAuditEvent(trx, { ...base, at: new Date(), action: 'user.create' });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    await writeAuditEvent(t.db, { ...base, at: new Date(), action: 'user.create' });
    expect(await verifyAuditTrail(t.db)).toMatchObject({ ok: true, checked: 15 });
  });

  it('refuses UPDATE, DELETE and TRUNCATE', async () => {
    await expect(sql`update audit_event set actor_name = 'x' where seq = 1`.execute(t.db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`delete from audit_event where seq = 2`.execute(t.db)).rejects.toThrow(/append-only/);
    await expect(sql`truncate audit_event`.execute(t.db)).rejects.toThrow(/append-only/);
    expect(await verifyAuditTrail(t.db)).toMatchObject({ ok: true, checked: 15 });
  });

  it('refuses UPDATE and DELETE to a role that is not the owner (PostgreSQL privileges)', async () => {
    if (t.kind !== 'postgres' || !t.url) return; // PGlite has a single superuser; the triggers above protect it
    const role = `varde_app_${Math.random().toString(36).slice(2, 8)}`;
    await sql.raw(`create role ${role}`).execute(t.db);
    await sql.raw(`grant select, insert on audit_event to ${role}`).execute(t.db);
    const client = new pg.Client({ connectionString: t.url });
    await client.connect();
    try {
      await client.query(`set role ${role}`);
      await expect(client.query('select count(*) from audit_event')).resolves.toBeTruthy();
      await expect(client.query("update audit_event set actor_name = 'x' where seq = 1")).rejects.toThrow(
        /permission denied/,
      );
      await expect(client.query('delete from audit_event where seq = 1')).rejects.toThrow(/permission denied/);
    } finally {
      await client.end();
      await sql.raw(`drop owned by ${role}`).execute(t.db);
      await sql.raw(`drop role ${role}`).execute(t.db);
    }
  });

  it('reports the first broken link after a row is edited past the triggers', async () => {
    await tamper(sql`update audit_event set actor_name = 'Mallory' where seq = 5`);
    expect(await verifyAuditTrail(t.db)).toMatchObject({
      ok: false,
      broken: { seq: 5, reason: 'hash-mismatch' },
      checked: 4,
    });
  });

  it('reports a deleted row, even in a later batch', async () => {
    await tamper(sql`update audit_event set actor_name = 'Ola Nordmann' where seq = 5`);
    expect(await verifyAuditTrail(t.db)).toMatchObject({ ok: true });
    await tamper(sql`delete from audit_event where seq = 11`);
    expect(await verifyAuditTrail(t.db, 4)).toMatchObject({
      ok: false,
      broken: { seq: 11, reason: 'missing' },
      checked: 10,
    });
  });
});
