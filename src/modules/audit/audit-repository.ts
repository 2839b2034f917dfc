/** All SQL of the audit trail: appending under a lock (so the chain has one order), filtered reads, and batches. */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import {
  genesisHash,
  hashAuditEvent,
  type AuditEventFields,
  type AuditOutcome,
  type StoredAuditEvent,
} from './audit-chain.js';

/** One fixed advisory-lock key for "the audit chain's head". Held until the appending transaction ends. */
const chainLockKey = 0x5641524445; // "VARDE"

function toEvent(row: Record<string, unknown>): StoredAuditEvent {
  return {
    seq: Number(row.seq),
    at: row.at instanceof Date ? row.at : new Date(String(row.at)),
    actorUserId: (row.actor_user_id as string | null) ?? null,
    actorName: (row.actor_name as string | null) ?? null,
    organisationId: (row.organisation_id as string | null) ?? null,
    action: String(row.action),
    objectType: (row.object_type as string | null) ?? null,
    objectId: (row.object_id as string | null) ?? null,
    outcome: row.outcome as AuditOutcome,
    ip: (row.ip as string | null) ?? null,
    userAgent: (row.user_agent as string | null) ?? null,
    detail: (typeof row.detail === 'string' ? JSON.parse(row.detail) : row.detail) as Record<string, unknown>,
    prevHash: String(row.prev_hash),
    hash: String(row.hash),
  };
}

export async function appendEvent(
  trx: Transaction<Database>,
  fields: Omit<AuditEventFields, 'seq'>,
): Promise<StoredAuditEvent> {
  await sql`select pg_advisory_xact_lock(${chainLockKey})`.execute(trx);
  const head = await trx
    .selectFrom('audit_event')
    .select(['seq', 'hash'])
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  const seq = head ? Number(head.seq) + 1 : 1;
  const prevHash = head?.hash ?? genesisHash;
  const event = { ...fields, seq };
  const hash = hashAuditEvent(event, prevHash);
  await trx
    .insertInto('audit_event')
    .values({
      seq,
      at: fields.at.toISOString(),
      actor_user_id: fields.actorUserId,
      actor_name: fields.actorName,
      organisation_id: fields.organisationId,
      action: fields.action,
      object_type: fields.objectType,
      object_id: fields.objectId,
      outcome: fields.outcome,
      ip: fields.ip,
      user_agent: fields.userAgent,
      detail: JSON.stringify(fields.detail),
      prev_hash: prevHash,
      hash,
    })
    .execute();
  return { ...event, prevHash, hash };
}

export interface AuditFilter {
  readonly from?: Date | undefined;
  readonly to?: Date | undefined;
  readonly actorUserId?: string | undefined;
  readonly organisationId?: string | undefined;
  /** Exact action, or a prefix ending in "." ("auth." matches every login event). */
  readonly action?: string | undefined;
  readonly outcome?: AuditOutcome | undefined;
  readonly objectType?: string | undefined;
  readonly objectId?: string | undefined;
  /** Only events older than this seq (paging backwards from the newest). */
  readonly beforeSeq?: number | undefined;
}

export async function findEvents(
  db: Kysely<Database>,
  filter: AuditFilter,
  limit: number,
): Promise<StoredAuditEvent[]> {
  let query = db.selectFrom('audit_event').selectAll();
  if (filter.from) query = query.where('at', '>=', filter.from as never);
  if (filter.to) query = query.where('at', '<', filter.to as never);
  if (filter.actorUserId) query = query.where('actor_user_id', '=', filter.actorUserId);
  if (filter.organisationId) query = query.where('organisation_id', '=', filter.organisationId);
  if (filter.action) {
    query = filter.action.endsWith('.')
      ? query.where('action', 'like', `${filter.action.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)
      : query.where('action', '=', filter.action);
  }
  if (filter.outcome) query = query.where('outcome', '=', filter.outcome);
  if (filter.objectType) query = query.where('object_type', '=', filter.objectType);
  if (filter.objectId) query = query.where('object_id', '=', filter.objectId);
  if (filter.beforeSeq !== undefined) query = query.where('seq', '<', filter.beforeSeq);
  const rows = await query.orderBy('seq', 'desc').limit(limit).execute();
  return rows.map((row) => toEvent(row as unknown as Record<string, unknown>));
}

/** Events with seq greater than `afterSeq`, oldest first: the verifier's batches. */
export async function readBatch(db: Kysely<Database>, afterSeq: number, size: number): Promise<StoredAuditEvent[]> {
  const rows = await db
    .selectFrom('audit_event')
    .selectAll()
    .where('seq', '>', afterSeq)
    .orderBy('seq', 'asc')
    .limit(size)
    .execute();
  return rows.map((row) => toEvent(row as unknown as Record<string, unknown>));
}
