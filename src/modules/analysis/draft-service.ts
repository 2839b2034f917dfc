/**
 * Drafts (what-if): the strategy owner proposes new measures and changes to a published edition's measures and
 * links, sees the coverage beside the published edition's, and publishes the draft as a new catalogue edition (with
 * its mapping) or discards it. Only the strategy owner sees drafts. See docs/decisions/0003-analysis-drafts.md.
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import type { Principal } from '../../platform/http/access.js';
import { writeAuditEvent } from '../audit/index.js';
import { getEdition, listEditions, storeDerivedEdition } from '../catalogue/index.js';
import { authorOf, requireStrategyOwner, type RequestOrigin } from './analysis-access.js';
import { linkContext } from './analysis-targets.js';
import { applyDraft, draftToEdition, effectiveChanges } from './apply-draft.js';
import { checkDraftChange, type DraftChangeInput } from './check-draft-change.js';
import { compareCoverage, type CoverageComparison } from './compare-coverage.js';
import { computeCoverage } from './compute-coverage.js';
import { loadAnalysisBase, reportOf, type CoverageReport } from './coverage-service.js';
import {
  changeHistory,
  closeDraft,
  currentChanges,
  findDraft,
  insertChange,
  insertDraft,
  listDraftRows,
} from './draft-repository.js';
import type { DraftChange, DraftInfo } from './draft-types.js';
import { currentRevisions, insertRevision, saveMappingSet } from './mapping-repository.js';

const editionIdPattern = /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/;

async function requireDraft(db: Db, id: string): Promise<DraftInfo> {
  const draft = await findDraft(db, id);
  if (!draft) throw new AppError('DRAFT_NOT_FOUND', `No draft "${id}"`);
  return draft;
}

function requireOpen(draft: DraftInfo): void {
  if (draft.status !== 'draft')
    throw new AppError('DRAFT_NOT_EDITABLE', `The draft "${draft.title}" is ${draft.status} and cannot be changed`);
}

async function audit(
  db: Db,
  principal: Principal,
  action: string,
  objectId: string,
  now: Date,
  origin: RequestOrigin | undefined,
  detail: Record<string, unknown>,
): Promise<void> {
  const author = authorOf(principal);
  await writeAuditEvent(db, {
    at: now,
    actorUserId: author.userId,
    actorName: author.name,
    organisationId: principal.organisationId,
    action,
    objectType: 'analysis-draft',
    objectId,
    outcome: 'success',
    ip: origin?.ip ?? null,
    userAgent: origin?.userAgent ?? null,
    detail,
  });
}

export interface NewDraft {
  readonly title: string;
  /** The id the edition gets when the draft is published, e.g. `v0.8`. */
  readonly proposedEditionId: string;
  readonly baseEditionId?: string | undefined;
  readonly now: Date;
  readonly origin?: RequestOrigin;
  readonly newId?: () => string;
}

export async function createDraft(db: Db, principal: Principal | null, input: NewDraft): Promise<DraftInfo> {
  requireStrategyOwner(principal, 'make drafts');
  const base = await getEdition(db, input.baseEditionId);
  const problems = [];
  if (base.edition.status !== 'published')
    problems.push({ field: 'baseEditionId', message: `edition ${base.edition.id} is not published` });
  const title = input.title.trim();
  if (!title || title.length > 200) problems.push({ field: 'title', message: 'give a title of 1 to 200 characters' });
  if (!editionIdPattern.test(input.proposedEditionId))
    problems.push({ field: 'proposedEditionId', message: 'letters, digits and . _ - (at most 40), e.g. "v0.8"' });
  if ((await listEditions(db)).some((e) => e.id === input.proposedEditionId))
    problems.push({ field: 'proposedEditionId', message: `an edition "${input.proposedEditionId}" already exists` });
  if ((await listDraftRows(db)).some((d) => d.status === 'draft' && d.proposedEditionId === input.proposedEditionId))
    problems.push({
      field: 'proposedEditionId',
      message: `an open draft already proposes "${input.proposedEditionId}"`,
    });
  if (problems.length > 0) throw new AppError('DRAFT_INVALID', 'The draft cannot be made', problems);
  await loadAnalysisBase(db, { editionId: base.edition.id });
  const author = authorOf(principal);
  const draft: DraftInfo = {
    id: (input.newId ?? randomUUID)(),
    baseEditionId: base.edition.id,
    proposedEditionId: input.proposedEditionId,
    title,
    status: 'draft',
    createdBy: author.userId,
    createdByName: author.name,
    createdAt: input.now.toISOString(),
    closedAt: null,
    closedBy: null,
    closedByName: null,
  };
  await insertDraft(db, draft);
  await audit(db, principal, 'analysis.draft-create', draft.id, input.now, input.origin, {
    title,
    base: base.edition.id,
  });
  return draft;
}

export async function listDrafts(
  db: Db,
  principal: Principal | null,
): Promise<(DraftInfo & { changeCount: number })[]> {
  requireStrategyOwner(principal, 'see drafts');
  const drafts = await listDraftRows(db);
  return Promise.all(
    drafts.map(async (d) => ({ ...d, changeCount: effectiveChanges(await currentChanges(db, d.id)).length })),
  );
}

export interface DraftDetail {
  draft: DraftInfo;
  /** The newest change of each measure still in effect. */
  changes: DraftChange[];
  /** Every change, newest first. */
  history: DraftChange[];
}

export async function getDraft(db: Db, principal: Principal | null, id: string): Promise<DraftDetail> {
  requireStrategyOwner(principal, 'see drafts');
  const draft = await requireDraft(db, id);
  return {
    draft,
    changes: effectiveChanges(await currentChanges(db, id)),
    history: await changeHistory(db, id),
  };
}

export async function saveDraftChange(
  db: Db,
  principal: Principal | null,
  draftId: string,
  input: DraftChangeInput & { note: string; now: Date; origin?: RequestOrigin },
): Promise<DraftDetail> {
  requireStrategyOwner(principal, 'change drafts');
  const draft = await requireDraft(db, draftId);
  requireOpen(draft);
  const base = await loadAnalysisBase(db, { editionId: draft.baseEditionId });
  const current = await currentChanges(db, draftId);
  const problems = checkDraftChange(input, {
    base: base.edition,
    links: linkContext(base.edition, base.framework.library),
    current,
  });
  if (input.note.length > 500) problems.push({ field: 'note', message: 'at most 500 characters' });
  if (problems.length > 0) throw new AppError('DRAFT_INVALID', 'The change cannot be saved', problems);
  const author = authorOf(principal);
  const latest = current.find((c) => c.measureId === input.measureId);
  await insertChange(db, {
    draftId,
    measureId: input.measureId,
    revision: (latest?.revision ?? 0) + 1,
    action: input.action,
    measure: input.action === 'retire' || input.action === 'revert' ? null : input.measure,
    links: input.action === 'retire' || input.action === 'revert' ? null : input.links,
    note: input.note.trim(),
    authorUserId: author.userId,
    authorName: author.name,
    at: input.now,
  });
  return getDraft(db, principal, draftId);
}

export interface DraftCoverage {
  draft: DraftInfo;
  /** The base edition as published. */
  published: CoverageReport;
  /** The base edition with the draft applied. */
  proposed: CoverageReport;
  comparison: CoverageComparison;
}

export async function draftCoverage(db: Db, principal: Principal | null, draftId: string): Promise<DraftCoverage> {
  requireStrategyOwner(principal, 'see drafts');
  const draft = await requireDraft(db, draftId);
  const base = await loadAnalysisBase(db, { editionId: draft.baseEditionId });
  const before = computeCoverage({ ...base.input, targets: base.targets });
  const after = computeCoverage({
    ...applyDraft(base.input, await currentChanges(db, draftId)),
    targets: base.targets,
  });
  return {
    draft,
    published: reportOf(base, before),
    proposed: reportOf(base, after),
    comparison: compareCoverage(before, after),
  };
}

export async function discardDraft(
  db: Db,
  principal: Principal | null,
  draftId: string,
  now: Date,
  origin?: RequestOrigin,
): Promise<DraftInfo> {
  requireStrategyOwner(principal, 'discard drafts');
  requireOpen(await requireDraft(db, draftId));
  if (!(await closeDraft(db, draftId, 'discarded', authorOf(principal), now)))
    throw new AppError('DRAFT_NOT_EDITABLE', 'The draft was closed by someone else');
  await audit(db, principal, 'analysis.draft-discard', draftId, now, origin, {});
  return requireDraft(db, draftId);
}

/**
 * Publishes a draft as a new catalogue edition that supersedes its base, with the links carried over (the draft's
 * where it changed them), all in one transaction: the edition, its mapping and the draft's status are stored
 * together or not at all.
 */
export async function publishDraft(
  db: Db,
  principal: Principal | null,
  draftId: string,
  input: { editionTitle?: string | undefined; now: Date; origin?: RequestOrigin },
): Promise<{ draft: DraftInfo; editionId: string }> {
  requireStrategyOwner(principal, 'publish drafts');
  const draft = await requireDraft(db, draftId);
  requireOpen(draft);
  const base = await loadAnalysisBase(db, { editionId: draft.baseEditionId });
  const changes = await currentChanges(db, draftId);
  if (effectiveChanges(changes).length === 0)
    throw new AppError('DRAFT_INVALID', 'The draft has no changes to publish', [
      { field: 'changes', message: 'empty' },
    ]);
  const publishedOn = input.now.toISOString().slice(0, 10);
  const content = draftToEdition(base.edition, changes, {
    draftId,
    editionId: draft.proposedEditionId,
    title: input.editionTitle?.trim() || draft.title,
    publishedOn,
    draftTitle: draft.title,
  });
  const applied = applyDraft(base.input, changes);
  const changedIds = new Set(effectiveChanges(changes).map((c) => c.measureId));
  const baseRevisions = new Map((await currentRevisions(db, base.edition.edition.id)).map((r) => [r.measureId, r]));
  const author = authorOf(principal);
  await db.transaction().execute(async (trx) => {
    const { editionId } = await storeDerivedEdition(trx, content, input.now);
    const set = base.mapping.set;
    await saveMappingSet(trx, { ...set, editionId, fileVersion: null, fileHash: null }, input.now);
    for (const mapping of applied.mappings) {
      const { measureId, ...links } = mapping;
      const from = baseRevisions.get(measureId);
      await insertRevision(trx, {
        editionId,
        measureId,
        revision: 1,
        links,
        origin: 'published-draft',
        fileVersion: null,
        note: changedIds.has(measureId)
          ? `Fra utkastet «${draft.title}»`
          : `Overført fra utgave ${base.edition.edition.id}, revisjon ${from?.revision ?? '?'}`,
        authorUserId: author.userId,
        authorName: author.name,
        at: input.now,
      });
    }
    if (!(await closeDraft(trx, draftId, 'published', author, input.now)))
      throw new AppError('DRAFT_NOT_EDITABLE', 'The draft was closed by someone else');
    await writeAuditEvent(trx, {
      at: input.now,
      actorUserId: author.userId,
      actorName: author.name,
      organisationId: principal.organisationId,
      action: 'analysis.draft-publish',
      objectType: 'analysis-draft',
      objectId: draftId,
      outcome: 'success',
      ip: input.origin?.ip ?? null,
      userAgent: input.origin?.userAgent ?? null,
      detail: { edition: editionId, supersedes: base.edition.edition.id, changes: changedIds.size },
    });
  });
  return { draft: await requireDraft(db, draftId), editionId: draft.proposedEditionId };
}
