/**
 * Sending e-mail from the outbox: messages are claimed, handed to the SMTP server, and marked sent; a failure keeps
 * the message in the outbox with a growing delay before the next try (see `retryDelayMs`), and after
 * `maxDeliveryAttempts` it is marked failed for an operator to look at. Without SMTP_URL nothing is sent and the
 * outbox simply waits.
 */
import nodemailer from 'nodemailer';
import type { Db } from '../../platform/db/database.js';
import { claimDueMail, markMailFailed, markMailSent } from './notify-repository.js';
import { maxDeliveryAttempts, retryDelayMs } from './reminders.js';

export interface MailMessage {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
  close?(): void;
}

export function smtpMailer(smtp: { url: string; from: string }, options: { timeoutMs?: number } = {}): Mailer {
  const timeout = options.timeoutMs ?? 15_000;
  const transport = nodemailer.createTransport(smtp.url, {
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
  } as never);
  return {
    async send(message) {
      await transport.sendMail({ from: smtp.from, to: message.to, subject: message.subject, text: message.text });
    },
    close() {
      transport.close();
    },
  };
}

export interface DrainOutcome {
  readonly sent: number;
  readonly failed: number;
  readonly gaveUp: number;
}

export async function drainOutbox(db: Db, mailer: Mailer, now: Date, limit = 100): Promise<DrainOutcome> {
  const messages = await claimDueMail(db, now, 10 * 60_000, limit);
  let sent = 0;
  let failed = 0;
  let gaveUp = 0;
  for (const message of messages) {
    try {
      await mailer.send(message);
      await markMailSent(db, message.id, now);
      sent++;
    } catch (error) {
      const attempts = message.attempts + 1;
      const giveUp = attempts >= maxDeliveryAttempts;
      await markMailFailed(db, message.id, {
        attempts,
        error: error instanceof Error ? error.message : String(error),
        nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempts)),
        giveUp,
      });
      failed++;
      if (giveUp) gaveUp++;
    }
  }
  return { sent, failed, gaveUp };
}
