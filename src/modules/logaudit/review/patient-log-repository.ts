/** SQL for patient access-log links (for a patient portal) and the record of every access log shown. */
import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/db/schema.js';

type Q = Kysely<Database>;

export interface PortalLink {
  readonly tokenHash: string;
  readonly datasetId: string;
  readonly patientId: string;
  readonly periodFrom: string;
  readonly periodTo: string;
  readonly channel: 'reviewer' | 'demo';
  readonly createdBy: string | null;
  readonly createdAt: Date;
  readonly expiresAt: Date;
}

export async function insertPortalLink(db: Q, l: PortalLink): Promise<void> {
  await db
    .insertInto('logreview_portal_link')
    .values({
      token_hash: l.tokenHash,
      dataset_id: l.datasetId,
      patient_id: l.patientId,
      period_from: l.periodFrom,
      period_to: l.periodTo,
      channel: l.channel,
      created_by: l.createdBy,
      created_at: l.createdAt,
      expires_at: l.expiresAt,
    })
    .execute();
}

export async function findPortalLink(db: Q, tokenHash: string, now: Date): Promise<PortalLink | null> {
  const r = await db
    .selectFrom('logreview_portal_link')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return r
    ? {
        tokenHash: r.token_hash,
        datasetId: r.dataset_id,
        patientId: r.patient_id,
        periodFrom: r.period_from,
        periodTo: r.period_to,
        channel: r.channel,
        createdBy: r.created_by,
        createdAt: r.created_at,
        expiresAt: r.expires_at,
      }
    : null;
}

export async function recordPatientLogView(
  db: Q,
  v: {
    datasetId: string;
    channel: 'reviewer' | 'portal';
    patientId: string;
    periodFrom: string;
    periodTo: string;
    lookups: number;
    documented: number;
    occasions: number;
    viewedBy: string | null;
    viewedAt: Date;
  },
): Promise<void> {
  await db
    .insertInto('logreview_patient_log_view')
    .values({
      dataset_id: v.datasetId,
      channel: v.channel,
      patient_id: v.patientId,
      period_from: v.periodFrom,
      period_to: v.periodTo,
      lookups: v.lookups,
      documented: v.documented,
      occasions: v.occasions,
      viewed_by: v.viewedBy,
      viewed_at: v.viewedAt,
    })
    .execute();
}

/** Access logs shown to patients (the portal channel) whose period overlaps the days [from, to]. */
export async function patientLogTotals(
  db: Q,
  datasetId: string,
  from: string,
  to: string,
): Promise<{ served: number; lookups: number; documented: number }> {
  const r = await db
    .selectFrom('logreview_patient_log_view')
    .select((eb) => [
      eb.fn.countAll<number>().as('served'),
      eb.fn.coalesce(eb.fn.sum<number>('lookups'), eb.lit(0)).as('lookups'),
      eb.fn.coalesce(eb.fn.sum<number>('documented'), eb.lit(0)).as('documented'),
    ])
    .where('dataset_id', '=', datasetId)
    .where('channel', '=', 'portal')
    .where('period_to', '>=', from)
    .where('period_from', '<=', to)
    .executeTakeFirstOrThrow();
  return { served: Number(r.served), lookups: Number(r.lookups), documented: Number(r.documented) };
}
