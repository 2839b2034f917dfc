/**
 * The audit trail's service: every module records security-relevant events with `writeAuditEvent` (logins, role
 * changes, exports, denied access, every read of sensitive data); administrators read, filter, export and verify it.
 */
import type { Kysely } from 'kysely';
import type { Db } from '../../platform/db/database.js';
import type { Database } from '../../platform/db/schema.js';
import { AppError } from '../../platform/errors.js';
import { checkAccess, type Principal } from '../../platform/http/access.js';
import {
  chainStart,
  normaliseDetail,
  verifyRun,
  type AuditOutcome,
  type BrokenLink,
  type StoredAuditEvent,
} from './audit-chain.js';
import { auditEventsToCsv } from './audit-csv.js';
import { appendEvent, findEvents, readBatch, type AuditFilter } from './audit-repository.js';

export interface AuditEventInput {
  readonly at: Date;
  /** Who: the acting user (null for anonymous or the system). */
  readonly actorUserId: string | null;
  readonly actorName?: string | null;
  /** On behalf of which organisation (the active one), if any. */
  readonly organisationId?: string | null;
  /** What, as `area.verb` in lower case: `auth.login`, `role.grant`, `access.denied`, `report.export`. */
  readonly action: string;
  /** Which object. */
  readonly objectType?: string | null;
  readonly objectId?: string | null;
  readonly outcome: AuditOutcome;
  /** From where. */
  readonly ip?: string | null;
  readonly userAgent?: string | null;
  readonly detail?: Readonly<Record<string, unknown>>;
}

const actionPattern = /^[a-z][a-z0-9-]*(\.[a-z0-9-]+)+$/;
const clip = (text: string | null | undefined, max: number) =>
  text === null || text === undefined ? null : text.replaceAll('\u0000', '').slice(0, max);

/**
 * Appends one event to the chain. Pass the transaction when the event belongs to a change (it is then written, or
 * not, together with the change); on PGlite a call with the plain database from inside a transaction would wait
 * for itself.
 */
export async function writeAuditEvent(db: Kysely<Database>, input: AuditEventInput): Promise<StoredAuditEvent> {
  if (!actionPattern.test(input.action)) {
    throw new AppError('INTERNAL', `Audit action "${input.action}" must look like "area.verb" in lower case`);
  }
  const fields = {
    at: input.at,
    actorUserId: clip(input.actorUserId, 200),
    actorName: clip(input.actorName, 200),
    organisationId: clip(input.organisationId, 200),
    action: input.action,
    objectType: clip(input.objectType, 100),
    objectId: clip(input.objectId, 300),
    outcome: input.outcome,
    ip: clip(input.ip, 100),
    userAgent: clip(input.userAgent, 500),
    detail: normaliseDetail(input.detail),
  };
  if (db.isTransaction) return appendEvent(db as never, fields);
  return db.transaction().execute((trx) => appendEvent(trx, fields));
}

export interface VerifyOutcome {
  readonly ok: boolean;
  readonly checked: number;
  readonly lastSeq: number;
  readonly lastHash: string;
  readonly broken: BrokenLink | null;
}

/** Walks the whole chain in batches and reports the first broken link, if any. */
export async function verifyAuditTrail(db: Db, batchSize = 2000): Promise<VerifyOutcome> {
  let cursor = chainStart;
  let checked = 0;
  for (;;) {
    const batch = await readBatch(db, cursor.nextSeq - 1, batchSize);
    if (batch.length === 0) break;
    const result = verifyRun(cursor, batch);
    if ('broken' in result) {
      return {
        ok: false,
        checked: checked + (result.broken.seq - cursor.nextSeq),
        lastSeq: cursor.nextSeq - 1,
        lastHash: cursor.lastHash,
        broken: result.broken,
      };
    }
    checked += batch.length;
    cursor = result.cursor;
  }
  return { ok: true, checked, lastSeq: cursor.nextSeq - 1, lastHash: cursor.lastHash, broken: null };
}

const readPolicy = { authenticated: true, roles: ['administrator'] } as const;

export interface AuditReadContext {
  readonly principal: Principal | null;
  readonly now: Date;
  readonly ip?: string | null;
  readonly userAgent?: string | null;
}

async function recordRead(
  db: Db,
  ctx: AuditReadContext,
  action: string,
  filter: AuditFilter,
  count: number,
): Promise<void> {
  const principal = ctx.principal;
  await writeAuditEvent(db, {
    at: ctx.now,
    actorUserId: principal?.userId ?? null,
    actorName: principal?.displayName ?? null,
    organisationId: principal?.organisationId ?? null,
    action,
    objectType: 'audit-trail',
    outcome: 'success',
    ip: ctx.ip ?? null,
    userAgent: ctx.userAgent ?? null,
    detail: { filter, count },
  });
}

/** Newest first, one page; reading the audit trail is itself recorded. Administrators only. */
export async function listAuditEvents(
  db: Db,
  ctx: AuditReadContext,
  filter: AuditFilter,
  limit: number,
): Promise<StoredAuditEvent[]> {
  checkAccess(readPolicy, ctx.principal);
  const events = await findEvents(db, filter, Math.min(Math.max(limit, 1), 500));
  await recordRead(db, ctx, 'audit.read', filter, events.length);
  return events;
}

export const maxExportRows = 100_000;

/** Every event matching the filter as CSV (newest first); the export is recorded. Administrators only. */
export async function exportAuditCsv(
  db: Db,
  ctx: AuditReadContext,
  filter: AuditFilter,
): Promise<{ csv: string; count: number }> {
  checkAccess(readPolicy, ctx.principal);
  const events: StoredAuditEvent[] = [];
  let beforeSeq = filter.beforeSeq;
  for (;;) {
    const page = await findEvents(db, { ...filter, beforeSeq }, 2000);
    events.push(...page);
    if (events.length > maxExportRows) {
      throw new AppError(
        'AUDIT_EXPORT_TOO_LARGE',
        `More than ${maxExportRows} events match: narrow the filter (for example by date)`,
      );
    }
    if (page.length < 2000) break;
    beforeSeq = page.at(-1)?.seq;
  }
  await recordRead(db, ctx, 'audit.export', filter, events.length);
  return { csv: auditEventsToCsv(events), count: events.length };
}

/** Verifying from the API: administrators only, and recorded. */
export async function verifyAuditTrailAs(db: Db, ctx: AuditReadContext): Promise<VerifyOutcome> {
  checkAccess(readPolicy, ctx.principal);
  const outcome = await verifyAuditTrail(db);
  await recordRead(db, ctx, 'audit.verify', {}, outcome.checked);
  return outcome;
}
