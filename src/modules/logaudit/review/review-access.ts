/**
 * Who may see what in log review, checked at the top of every service entry: the caller must hold the log-reviewer
 * role in the organisation that owns the dataset (or an organisation above it). Anything else answers "not found"
 * (404), so an id from another organisation reveals nothing, and the refusal is written to the audit trail.
 * Every view of a case or an access log needs a reason, which goes into the audit trail with the view.
 */
import type { Db } from '../../../platform/db/database.js';
import { AppError } from '../../../platform/errors.js';
import type { Principal } from '../../../platform/http/access.js';
import { writeAuditEvent } from '../../audit/index.js';
import { findCase } from './case-repository.js';
import { findDataset } from './dataset-repository.js';
import type { Dataset, StoredCase } from './types.js';

export interface Origin {
  readonly ip: string | null;
  readonly userAgent: string | null;
}

export interface ReviewContext {
  readonly db: Db;
  readonly principal: Principal;
  readonly now: Date;
  readonly origin: Origin;
}

export function scopeOf(principal: Principal): readonly string[] {
  return principal.organisationScope ?? (principal.organisationId ? [principal.organisationId] : []);
}

export function requireReviewer(principal: Principal | null): Principal {
  if (!principal) throw new AppError('UNAUTHENTICATED', 'Log in to use this');
  if (!principal.roles.includes('log-reviewer')) throw new AppError('FORBIDDEN', 'Only log reviewers may do this');
  return principal;
}

export function actorName(principal: Principal): string {
  return principal.displayName || principal.userId;
}

export async function audit(
  ctx: ReviewContext,
  action: string,
  object: { type: string; id: string | null },
  detail: Record<string, unknown>,
  outcome: 'success' | 'denied' | 'failure' = 'success',
  organisationId: string | null = ctx.principal.organisationId,
): Promise<void> {
  await writeAuditEvent(ctx.db, {
    at: ctx.now,
    actorUserId: ctx.principal.userId,
    actorName: actorName(ctx.principal),
    organisationId,
    action,
    objectType: object.type,
    objectId: object.id,
    outcome,
    ip: ctx.origin.ip,
    userAgent: ctx.origin.userAgent,
    detail,
  });
}

async function denied(ctx: ReviewContext, type: string, id: string): Promise<never> {
  await audit(
    ctx,
    'logreview.access.denied',
    { type, id },
    { reason: 'not in the caller’s organisation, or does not exist' },
    'denied',
  );
  const code = type === 'case' ? 'LOG_REVIEW_CASE_NOT_FOUND' : 'LOG_REVIEW_DATASET_NOT_FOUND';
  throw new AppError(code, `No ${type} ${id}`);
}

/** The dataset, if the caller is a log reviewer of its organisation; otherwise 404 (and an audit record). */
export async function loadDataset(ctx: ReviewContext, datasetId: string): Promise<Dataset> {
  requireReviewer(ctx.principal);
  const dataset = await findDataset(ctx.db, datasetId);
  if (!dataset || !scopeOf(ctx.principal).includes(dataset.organisationId)) return denied(ctx, 'dataset', datasetId);
  return dataset;
}

export async function loadCase(
  ctx: ReviewContext,
  datasetId: string,
  caseId: string,
): Promise<{ dataset: Dataset; case: StoredCase }> {
  const dataset = await loadDataset(ctx, datasetId);
  const found = await findCase(ctx.db, caseId);
  if (!found || found.datasetId !== dataset.id) return denied(ctx, 'case', caseId);
  return { dataset, case: found };
}

export const MIN_VIEW_REASON = 5;
export const MAX_VIEW_REASON = 500;

/** A view of personal data needs a stated reason ("weekly control", "patient asked on 3 March"). */
export function checkViewReason(reason: string | undefined | null): string {
  // eslint-disable-next-line no-control-regex
  const text = (reason ?? '').replace(/[\u0000-\u001f\u007f]/g, ' ').trim();
  if (text.length < MIN_VIEW_REASON || text.length > MAX_VIEW_REASON) {
    throw new AppError(
      'LOG_REVIEW_VIEW_REASON_REQUIRED',
      `State why you open this (${MIN_VIEW_REASON}–${MAX_VIEW_REASON} characters)`,
      [{ field: 'reason', message: 'a reason for the view is required' }],
    );
  }
  return text;
}
