/** Security-relevant reporting events go to the audit trail: cycles opened and closed, decisions, publications, exports. */
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import type { Principal } from '../../platform/http/access.js';
import { writeAuditEvent } from '../audit/index.js';

export interface RequestOrigin {
  readonly ip?: string | null;
  readonly userAgent?: string | null;
}

export async function auditReporting(
  db: Kysely<Database>,
  event: {
    principal: Principal;
    action: string;
    objectType: string;
    objectId: string;
    at: Date;
    detail?: Record<string, unknown>;
    origin?: RequestOrigin;
  },
): Promise<void> {
  const { principal } = event;
  await writeAuditEvent(db, {
    at: event.at,
    actorUserId: principal.userId === 'system' ? null : principal.userId,
    actorName: principal.displayName,
    organisationId: principal.organisationId,
    action: event.action,
    objectType: event.objectType,
    objectId: event.objectId,
    outcome: 'success',
    ip: event.origin?.ip ?? null,
    userAgent: event.origin?.userAgent ?? null,
    detail: event.detail ?? {},
  });
}
