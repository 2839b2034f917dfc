/**
 * The action plan: suggestions ranked from an assessment (gap to target × weight, quick wins first for small
 * enterprises), accepted into the plan as items linked to the requirements they raise, with owner, due date,
 * status and expected level; edited with version checks like answers.
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import type { Principal } from '../../platform/http/access.js';
import { actingEnterprise, requireOwnEnterprise } from './assessment-access.js';
import { shippedAssessmentContent } from './assessment-content.js';
import { getFrameworkView } from './assessment-frameworks.js';
import {
  deleteAction,
  findAction,
  findAnswers,
  findAssessment,
  insertAction,
  listActions,
  plannedTemplates,
  updateActionIfVersion,
} from './assessment-repository.js';
import { suggestActions } from './action-priority.js';
import { getEnterprise } from './enterprise-directory.js';
import { actionStatuses, type ActionItem, type ActionStatus, type ActionSuggestion } from './types.js';

/** Enterprises with fewer than 50 employees get the small-enterprise ranking (quick wins first). */
export const isSmallSize = (sizeClass: string | null | undefined) => sizeClass === 'micro' || sizeClass === 'small';

export async function suggestionsFor(
  db: Db,
  principal: Principal | null,
  assessmentId: string,
): Promise<ActionSuggestion[]> {
  const assessment = await findAssessment(db, assessmentId);
  requireOwnEnterprise(principal, assessment?.organisationId ?? '\u0000', 'ASSESSMENT_NOT_FOUND', 'assessment');
  const framework = await getFrameworkView(db, assessment!.frameworkId);
  const content = await shippedAssessmentContent();
  const guide =
    framework.id === content.guide.frameworkId ? new Map(content.guide.measures.map((m) => [m.id, m])) : new Map();
  const enterprise = await getEnterprise(db, assessment!.organisationId);
  return suggestActions({
    requirements: framework.requirements,
    answers: await findAnswers(db, assessmentId),
    guide,
    defaultTarget: 3,
    small: assessment!.path === 'small-enterprise' || isSmallSize(enterprise?.sizeClass),
    planned: await plannedTemplates(db, assessment!.organisationId),
  });
}

export async function listPlan(db: Db, principal: Principal | null): Promise<ActionItem[]> {
  const { organisationId } = actingEnterprise(principal);
  return listActions(db, organisationId);
}

export interface NewAction {
  assessmentId?: string | null;
  /** Accept a suggestion: its text, requirement, level and priority are taken from it. */
  templateId?: string;
  frameworkId?: string;
  requirementIds?: string[];
  title?: string;
  description?: string | null;
  owner?: string | null;
  dueDate?: string | null;
  expectedLevel?: number | null;
}

export async function addAction(
  db: Db,
  principal: Principal | null,
  input: NewAction,
  now: Date,
  locale: 'nb' | 'en' = 'nb',
  id = randomUUID(),
): Promise<ActionItem> {
  const { organisationId } = actingEnterprise(principal);
  let base: Partial<ActionItem> & { templateId: string | null } = { templateId: null };
  let frameworkId = input.frameworkId ?? null;
  if (input.assessmentId) {
    const assessment = await findAssessment(db, input.assessmentId);
    requireOwnEnterprise(principal, assessment?.organisationId ?? '\u0000', 'ASSESSMENT_NOT_FOUND', 'assessment');
    frameworkId = assessment!.frameworkId;
    if (input.templateId) {
      const suggestion = (await suggestionsFor(db, principal, input.assessmentId)).find(
        (s) => s.templateId === input.templateId,
      );
      if (!suggestion)
        throw new AppError('VALIDATION_FAILED', 'No such suggestion for this assessment (already planned?)', [
          { field: 'templateId', message: 'is not a current suggestion' },
        ]);
      base = {
        templateId: suggestion.templateId,
        title: suggestion.title[locale],
        description: suggestion.description[locale],
        requirementIds: [suggestion.requirementId],
        expectedLevel: suggestion.expectedLevel,
        effort: suggestion.effort,
        priority: suggestion.score,
      };
    }
  } else if (input.templateId) {
    throw new AppError('VALIDATION_FAILED', 'A suggestion belongs to an assessment', [
      { field: 'assessmentId', message: 'is required with templateId' },
    ]);
  }
  if (!frameworkId)
    throw new AppError('VALIDATION_FAILED', 'Name the framework or the assessment', [
      { field: 'frameworkId', message: 'is required' },
    ]);
  const framework = await getFrameworkView(db, frameworkId);
  const requirementIds = input.requirementIds ?? base.requirementIds ?? [];
  const unknown = requirementIds.filter((r) => !framework.requirements.some((x) => x.id === r));
  if (unknown.length > 0)
    throw new AppError(
      'VALIDATION_FAILED',
      'Unknown requirement',
      unknown.map((r) => ({ field: 'requirementIds', message: `no requirement "${r}"` })),
    );
  const title = (input.title ?? base.title ?? '').trim();
  if (!title)
    throw new AppError('VALIDATION_FAILED', 'The action needs a title', [
      { field: 'title', message: 'must not be empty' },
    ]);
  const at = now.toISOString();
  const item: ActionItem = {
    id,
    organisationId,
    assessmentId: input.assessmentId ?? null,
    frameworkId,
    requirementIds,
    title,
    description: input.description ?? base.description ?? null,
    owner: input.owner?.trim() || null,
    dueDate: input.dueDate ?? null,
    status: 'planned',
    expectedLevel: input.expectedLevel ?? base.expectedLevel ?? null,
    effort: base.effort ?? null,
    priority: base.priority ?? null,
    createdAt: at,
    updatedAt: at,
    version: 1,
  };
  await insertAction(db, item, base.templateId);
  return item;
}

export interface ActionPatch {
  title?: string;
  description?: string | null;
  owner?: string | null;
  dueDate?: string | null;
  status?: ActionStatus;
  expectedLevel?: number | null;
  requirementIds?: string[];
}

export type UpdateActionOutcome = { ok: true; action: ActionItem } | { ok: false; current: ActionItem };

export async function updateAction(
  db: Db,
  principal: Principal | null,
  id: string,
  patch: ActionPatch,
  basedOnVersion: number,
  now: Date,
): Promise<UpdateActionOutcome> {
  const current = await findAction(db, id);
  requireOwnEnterprise(principal, current?.organisationId ?? '\u0000', 'ACTION_NOT_FOUND', 'action');
  if (patch.status && !actionStatuses.includes(patch.status))
    throw new AppError('VALIDATION_FAILED', 'Unknown status', [{ field: 'status', message: 'unknown' }]);
  if (patch.title !== undefined && patch.title.trim() === '')
    throw new AppError('VALIDATION_FAILED', 'The title is empty', [{ field: 'title', message: 'must not be empty' }]);
  const next: ActionItem = {
    ...current!,
    ...patch,
    title: patch.title?.trim() ?? current!.title,
    owner: patch.owner === undefined ? current!.owner : patch.owner?.trim() || null,
    updatedAt: now.toISOString(),
    version: current!.version + 1,
  };
  if (current!.version !== basedOnVersion || !(await updateActionIfVersion(db, next, basedOnVersion))) {
    return { ok: false, current: (await findAction(db, id))! };
  }
  return { ok: true, action: next };
}

export async function removeAction(db: Db, principal: Principal | null, id: string): Promise<void> {
  const current = await findAction(db, id);
  requireOwnEnterprise(principal, current?.organisationId ?? '\u0000', 'ACTION_NOT_FOUND', 'action');
  await deleteAction(db, id);
}
