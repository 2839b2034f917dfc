/** All SQL of drafts: the draft row (its status changes once: published or discarded) and its append-only changes. */
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import type { DraftAction, DraftChange, DraftInfo, DraftStatus } from './draft-types.js';
import { iso } from './mapping-repository.js';
import type { MeasureLinks } from './types.js';

type Q = Kysely<Database>;

function toDraft(row: Record<string, unknown>): DraftInfo {
  return {
    id: String(row.id),
    baseEditionId: String(row.base_edition_id),
    proposedEditionId: String(row.proposed_edition_id),
    title: String(row.title),
    status: row.status as DraftStatus,
    createdBy: (row.created_by as string | null) ?? null,
    createdByName: (row.created_by_name as string | null) ?? null,
    createdAt: iso(row.created_at),
    closedAt: row.closed_at ? iso(row.closed_at) : null,
    closedBy: (row.closed_by as string | null) ?? null,
    closedByName: (row.closed_by_name as string | null) ?? null,
  };
}

export async function insertDraft(db: Q, draft: DraftInfo): Promise<void> {
  await db
    .insertInto('analysis_draft')
    .values({
      id: draft.id,
      base_edition_id: draft.baseEditionId,
      proposed_edition_id: draft.proposedEditionId,
      title: draft.title,
      status: draft.status,
      created_by: draft.createdBy,
      created_by_name: draft.createdByName,
      created_at: draft.createdAt,
      closed_at: null,
      closed_by: null,
      closed_by_name: null,
    })
    .execute();
}

export async function findDraft(db: Q, id: string): Promise<DraftInfo | null> {
  const row = await db.selectFrom('analysis_draft').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toDraft(row) : null;
}

export async function listDraftRows(db: Q): Promise<DraftInfo[]> {
  const rows = await db.selectFrom('analysis_draft').selectAll().orderBy('created_at', 'desc').execute();
  return rows.map((row) => toDraft(row));
}

/** Closes an open draft; false when it was no longer open (someone else closed it first). */
export async function closeDraft(
  db: Q,
  id: string,
  status: Exclude<DraftStatus, 'draft'>,
  by: { userId: string | null; name: string | null },
  at: Date,
): Promise<boolean> {
  const result = await db
    .updateTable('analysis_draft')
    .set({ status, closed_at: at.toISOString(), closed_by: by.userId, closed_by_name: by.name })
    .where('id', '=', id)
    .where('status', '=', 'draft')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

function toChange(row: Record<string, unknown>): DraftChange {
  return {
    draftId: String(row.draft_id),
    measureId: String(row.measure_id),
    revision: Number(row.revision),
    action: row.action as DraftAction,
    measure: (row.measure as DraftChange['measure']) ?? null,
    links: (row.links as MeasureLinks | null) ?? null,
    note: String(row.note),
    authorUserId: (row.author_user_id as string | null) ?? null,
    authorName: (row.author_name as string | null) ?? null,
    at: iso(row.at),
  };
}

/** The newest change of each measure in a draft. */
export async function currentChanges(db: Q, draftId: string): Promise<DraftChange[]> {
  const rows = await db
    .selectFrom('analysis_draft_change')
    .selectAll()
    .distinctOn('measure_id')
    .where('draft_id', '=', draftId)
    .orderBy('measure_id')
    .orderBy('revision', 'desc')
    .execute();
  return rows.map((row) => toChange(row));
}

/** Every change in a draft, newest first. */
export async function changeHistory(db: Q, draftId: string): Promise<DraftChange[]> {
  const rows = await db
    .selectFrom('analysis_draft_change')
    .selectAll()
    .where('draft_id', '=', draftId)
    .orderBy('id', 'desc')
    .execute();
  return rows.map((row) => toChange(row));
}

export async function insertChange(db: Q, change: Omit<DraftChange, 'at'> & { at: Date }): Promise<void> {
  await db
    .insertInto('analysis_draft_change')
    .values({
      draft_id: change.draftId,
      measure_id: change.measureId,
      revision: change.revision,
      action: change.action,
      measure: change.measure === null ? null : JSON.stringify(change.measure),
      links: change.links === null ? null : JSON.stringify(change.links),
      note: change.note,
      author_user_id: change.authorUserId,
      author_name: change.authorName,
      at: change.at.toISOString(),
    })
    .execute();
}
