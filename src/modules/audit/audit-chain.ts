/**
 * The audit trail's hash chain: each event's hash covers its own fields and the previous event's hash, so editing
 * or deleting any stored event breaks every link after it. Plain functions: no SQL, no clock.
 */
import { createHash } from 'node:crypto';

export const genesisHash = '0'.repeat(64);

export const auditOutcomes = ['success', 'denied', 'failure'] as const;
export type AuditOutcome = (typeof auditOutcomes)[number];

/** The fields an event's hash covers, exactly as stored. */
export interface AuditEventFields {
  readonly seq: number;
  readonly at: Date;
  readonly actorUserId: string | null;
  readonly actorName: string | null;
  readonly organisationId: string | null;
  readonly action: string;
  readonly objectType: string | null;
  readonly objectId: string | null;
  readonly outcome: AuditOutcome;
  readonly ip: string | null;
  readonly userAgent: string | null;
  readonly detail: Readonly<Record<string, unknown>>;
}

export interface StoredAuditEvent extends AuditEventFields {
  readonly prevHash: string;
  readonly hash: string;
}

/** JSON with object keys sorted at every level, so the same value always gives the same text. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value))
    return `[${value.map((item) => canonicalJson(item === undefined ? null : item)).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/**
 * Makes free-form detail safe to store and to hash stably: a JSON round trip (drops undefined, turns dates into
 * text) and no NUL characters (PostgreSQL's jsonb refuses them).
 */
export function normaliseDetail(detail: Readonly<Record<string, unknown>> | undefined): Record<string, unknown> {
  if (!detail) return {};
  const text = JSON.stringify(detail, (_key, value: unknown) =>
    typeof value === 'string' ? value.replaceAll('\u0000', '') : value,
  );
  const parsed = JSON.parse(text) as unknown;
  return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
}

export function hashAuditEvent(fields: AuditEventFields, prevHash: string): string {
  // Name every field: a stored event also carries its hashes, which must not hash themselves.
  const body = canonicalJson({
    seq: fields.seq,
    at: fields.at.toISOString(),
    actorUserId: fields.actorUserId,
    actorName: fields.actorName,
    organisationId: fields.organisationId,
    action: fields.action,
    objectType: fields.objectType,
    objectId: fields.objectId,
    outcome: fields.outcome,
    ip: fields.ip,
    userAgent: fields.userAgent,
    detail: fields.detail,
  });
  return createHash('sha256').update(prevHash).update('\n').update(body).digest('hex');
}

export interface BrokenLink {
  readonly seq: number;
  readonly reason: 'missing' | 'hash-mismatch' | 'prev-hash-mismatch';
  readonly message: string;
}

export interface ChainCursor {
  /** The seq the next event must have. */
  readonly nextSeq: number;
  readonly lastHash: string;
}

export const chainStart: ChainCursor = { nextSeq: 1, lastHash: genesisHash };

/**
 * Checks a run of events (in seq order) that continues from `cursor`. Returns the first broken link, or the cursor
 * to continue from with the next run. Works in batches, so a long trail is never held in memory whole.
 */
export function verifyRun(
  cursor: ChainCursor,
  events: readonly StoredAuditEvent[],
): { broken: BrokenLink } | { cursor: ChainCursor } {
  let { nextSeq, lastHash } = cursor;
  for (const event of events) {
    if (event.seq !== nextSeq) {
      return {
        broken: {
          seq: nextSeq,
          reason: 'missing',
          message: `event ${nextSeq} is missing (the next stored event is ${event.seq})`,
        },
      };
    }
    if (event.prevHash !== lastHash) {
      return {
        broken: {
          seq: event.seq,
          reason: 'prev-hash-mismatch',
          message: `event ${event.seq} does not link to event ${event.seq - 1}: the previous event was changed or removed`,
        },
      };
    }
    const expected = hashAuditEvent(event, event.prevHash);
    if (expected !== event.hash) {
      return {
        broken: {
          seq: event.seq,
          reason: 'hash-mismatch',
          message: `event ${event.seq} was changed after it was written`,
        },
      };
    }
    nextSeq = event.seq + 1;
    lastHash = event.hash;
  }
  return { cursor: { nextSeq, lastHash } };
}
