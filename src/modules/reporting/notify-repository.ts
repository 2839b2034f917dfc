/** SQL for chasing: reminders sent, in-app notifications, actor contacts and the e-mail outbox. */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';

type Q = Kysely<Database>;
const json = (value: unknown) => JSON.stringify(value);

export async function sentReminderKeys(db: Q, cycleId: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('reporting_reminder')
    .select(['actor_id', 'kind'])
    .where('cycle_id', '=', cycleId)
    .execute();
  return new Set(rows.map((r) => `${r.actor_id}|${r.kind}`));
}

/** Records a reminder; false when it was already recorded (another run got there first). */
export async function recordReminder(
  db: Q,
  reminder: { cycleId: string; actorId: string; kind: string; at: Date; reportIds: string[]; recipients: number },
): Promise<boolean> {
  const inserted = await db
    .insertInto('reporting_reminder')
    .values({
      cycle_id: reminder.cycleId,
      actor_id: reminder.actorId,
      kind: reminder.kind,
      sent_at: reminder.at.toISOString(),
      report_ids: json(reminder.reportIds),
      recipients: reminder.recipients,
    })
    .onConflict((oc) => oc.columns(['cycle_id', 'actor_id', 'kind']).doNothing())
    .returning('kind')
    .execute();
  return inserted.length === 1;
}

export async function listReminders(db: Q, cycleId: string) {
  const rows = await db
    .selectFrom('reporting_reminder')
    .selectAll()
    .where('cycle_id', '=', cycleId)
    .orderBy('sent_at', 'desc')
    .execute();
  return rows.map((r) => ({ actorId: r.actor_id, kind: r.kind, sentAt: r.sent_at, recipients: r.recipients }));
}

export interface NewNotification {
  readonly actorId: string;
  readonly cycleId: string | null;
  readonly reportId: string | null;
  readonly kind: string;
  readonly params: Record<string, unknown>;
  readonly at: Date;
}

export async function insertNotification(db: Q, n: NewNotification): Promise<void> {
  await db
    .insertInto('reporting_notification')
    .values({
      actor_id: n.actorId,
      cycle_id: n.cycleId,
      report_id: n.reportId,
      kind: n.kind,
      params: json(n.params),
      created_at: n.at.toISOString(),
    })
    .execute();
}

export async function listNotifications(db: Q, actorIds: readonly string[], userId: string, limit: number) {
  if (actorIds.length === 0) return [];
  const rows = await db
    .selectFrom('reporting_notification as n')
    .leftJoin('reporting_notification_read as r', (join) =>
      join.onRef('r.notification_id', '=', 'n.id').on('r.user_id', '=', userId),
    )
    .select(['n.id', 'n.actor_id', 'n.cycle_id', 'n.report_id', 'n.kind', 'n.params', 'n.created_at', 'r.read_at'])
    .where('n.actor_id', 'in', actorIds)
    .orderBy('n.created_at', 'desc')
    .orderBy('n.id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: Number(r.id),
    actorId: r.actor_id,
    cycleId: r.cycle_id,
    reportId: r.report_id,
    kind: r.kind,
    params: r.params,
    createdAt: r.created_at,
    readAt: r.read_at ?? null,
  }));
}

export async function findNotificationActor(db: Q, id: number): Promise<string | null> {
  const row = await db.selectFrom('reporting_notification').select('actor_id').where('id', '=', id).executeTakeFirst();
  return row?.actor_id ?? null;
}

export async function markNotificationRead(db: Q, id: number, userId: string, at: Date): Promise<void> {
  await db
    .insertInto('reporting_notification_read')
    .values({ notification_id: id, user_id: userId, read_at: at.toISOString() })
    .onConflict((oc) => oc.columns(['notification_id', 'user_id']).doNothing())
    .execute();
}

export interface ActorContact {
  readonly actorId: string;
  readonly email: string;
  readonly name: string;
}

export async function listActorContacts(db: Q, actorIds?: readonly string[]): Promise<ActorContact[]> {
  if (actorIds?.length === 0) return [];
  const rows = await db
    .selectFrom('reporting_actor_contact')
    .selectAll()
    .$if(actorIds !== undefined, (q) => q.where('actor_id', 'in', actorIds ?? []))
    .orderBy('actor_id')
    .orderBy('email')
    .execute();
  return rows.map((r) => ({ actorId: r.actor_id, email: r.email, name: r.name }));
}

export async function upsertActorContact(db: Q, contact: ActorContact, at: Date): Promise<void> {
  await db
    .insertInto('reporting_actor_contact')
    .values({ actor_id: contact.actorId, email: contact.email, name: contact.name, updated_at: at.toISOString() })
    .onConflict((oc) =>
      oc.columns(['actor_id', 'email']).doUpdateSet({ name: contact.name, updated_at: at.toISOString() }),
    )
    .execute();
}

export async function deleteActorContact(db: Q, actorId: string, email: string): Promise<number> {
  const result = await db
    .deleteFrom('reporting_actor_contact')
    .where('actor_id', '=', actorId)
    .where('email', '=', email)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

export interface OutboxMessage {
  readonly id: number;
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly attempts: number;
}

export async function enqueueMail(
  db: Q,
  message: { to: string; subject: string; text: string; at: Date },
): Promise<void> {
  await db
    .insertInto('reporting_outbox')
    .values({
      to_address: message.to,
      subject: message.subject,
      text_body: message.text,
      created_at: message.at.toISOString(),
      status: 'pending',
      attempts: 0,
      next_attempt_at: message.at.toISOString(),
      claimed_until: null,
      last_error: null,
      sent_at: null,
    })
    .execute();
}

/**
 * Claims due messages for one sender for a while, so two servers draining the same outbox do not send a message
 * twice (SKIP LOCKED on PostgreSQL; PGlite has one connection anyway).
 */
export async function claimDueMail(db: Q, now: Date, claimForMs: number, limit: number): Promise<OutboxMessage[]> {
  const until = new Date(now.getTime() + claimForMs).toISOString();
  const result = await sql<{ id: number; to_address: string; subject: string; text_body: string; attempts: number }>`
    update reporting_outbox set claimed_until = ${until}
    where id in (
      select id from reporting_outbox
      where status = 'pending' and next_attempt_at <= ${now.toISOString()}
        and (claimed_until is null or claimed_until < ${now.toISOString()})
      order by next_attempt_at, id
      limit ${limit}
      for update skip locked
    )
    returning id, to_address, subject, text_body, attempts`.execute(db);
  return result.rows
    .map((r) => ({ id: Number(r.id), to: r.to_address, subject: r.subject, text: r.text_body, attempts: r.attempts }))
    .sort((a, b) => a.id - b.id);
}

export async function markMailSent(db: Q, id: number, at: Date): Promise<void> {
  await db
    .updateTable('reporting_outbox')
    .set({ status: 'sent', sent_at: at.toISOString(), claimed_until: null, attempts: sql`attempts + 1` })
    .where('id', '=', id)
    .execute();
}

export async function markMailFailed(
  db: Q,
  id: number,
  change: { attempts: number; error: string; nextAttemptAt: Date; giveUp: boolean },
): Promise<void> {
  await db
    .updateTable('reporting_outbox')
    .set({
      status: change.giveUp ? 'failed' : 'pending',
      attempts: change.attempts,
      last_error: change.error.slice(0, 1000),
      next_attempt_at: change.nextAttemptAt.toISOString(),
      claimed_until: null,
    })
    .where('id', '=', id)
    .execute();
}

export async function outboxSummary(db: Q): Promise<{ pending: number; sent: number; failed: number }> {
  const rows = await db
    .selectFrom('reporting_outbox')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('status')
    .execute();
  const of = (status: string) => Number(rows.find((r) => r.status === status)?.n ?? 0);
  return { pending: of('pending'), sent: of('sent'), failed: of('failed') };
}

/** Removes a cycle's in-app notifications (demo data: past years' cycles need no "cycle opened" messages today). */
export async function deleteNotificationsOfCycle(db: Q, cycleId: string): Promise<void> {
  await db.deleteFrom('reporting_notification').where('cycle_id', '=', cycleId).execute();
}
