/**
 * Telling an actor something: an in-app notification for everyone who writes for the actor, and an e-mail in the
 * outbox to each of its reporting contacts (and the contact persons named in its reports). The outbox is written in
 * the same transaction as the change, so a message is never lost even if the mail server is down.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import type { MailText } from './mail-messages.js';
import { enqueueMail, insertNotification, listActorContacts } from './notify-repository.js';

export async function recipientsFor(
  db: Kysely<Database>,
  actorId: string,
  extraEmails: readonly string[] = [],
): Promise<string[]> {
  const contacts = await listActorContacts(db, [actorId]);
  const all = [...contacts.map((c) => c.email), ...extraEmails].map((e) => e.trim().toLowerCase()).filter(Boolean);
  return [...new Set(all)].sort();
}

export async function notifyActor(
  db: Kysely<Database>,
  input: {
    actorId: string;
    cycleId: string | null;
    reportId: string | null;
    kind: string;
    params: Record<string, unknown>;
    mail: MailText | null;
    extraEmails?: readonly string[];
    at: Date;
  },
): Promise<number> {
  await insertNotification(db, {
    actorId: input.actorId,
    cycleId: input.cycleId,
    reportId: input.reportId,
    kind: input.kind,
    params: input.params,
    at: input.at,
  });
  if (!input.mail) return 0;
  const recipients = await recipientsFor(db, input.actorId, input.extraEmails);
  for (const to of recipients)
    await enqueueMail(db, { to, subject: input.mail.subject, text: input.mail.text, at: input.at });
  return recipients.length;
}
