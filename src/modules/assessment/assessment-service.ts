/**
 * Self-assessment use cases: start an assessment, read it with its requirements, guidance and result, save answers
 * (with conflict detection when several people work on it), and move it through its workflow. Every entry checks
 * first that the caller acts for the enterprise that owns the assessment.
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import type { Principal } from '../../platform/http/access.js';
import { actingEnterprise, answerer, requireOwnEnterprise } from './assessment-access.js';
import { shippedAssessmentContent, type MeasureGuide, type TypeNote } from './assessment-content.js';
import { basicMeasuresFramework, getFrameworkView } from './assessment-frameworks.js';
import {
  findAnswerForUpdate,
  findAnswers,
  findAssessment,
  insertAssessment,
  listAssessments,
  saveAnswer as storeAnswer,
  updateAssessmentSettings,
  updateAssessmentStatus,
  type StoredAssessment,
} from './assessment-repository.js';
import { computeResult } from './assessment-result.js';
import { checkAnswerInput, isStaleWrite, type AnswerInput } from './answer-input.js';
import { checkTransition, isEditable, statusAfterAnswer, type WorkflowAction } from './assessment-workflow.js';
import { getEnterprise } from './enterprise-directory.js';
import { deleteFactsBySource, replaceFacts } from './fact-repository.js';
import type { FrameworkView } from './requirements.js';
import type { Answer, AssessmentPath, AssessmentResult, EnterpriseProfile } from './types.js';

export interface AssessmentDetail {
  assessment: StoredAssessment;
  framework: FrameworkView;
  answers: Answer[];
  result: AssessmentResult;
  /** The plain-language guide per requirement (basic measures only). */
  guide: MeasureGuide[];
  /** "What it means for this kind of enterprise" (basic measures only). */
  typeNote: TypeNote | null;
  enterprise: EnterpriseProfile | null;
}

async function loadOwn(
  db: Db,
  principal: Principal | null,
  id: string,
): Promise<{ who: Principal; assessment: StoredAssessment }> {
  const assessment = await findAssessment(db, id);
  // Same answer for "does not exist" and "belongs to someone else".
  const who = requireOwnEnterprise(
    principal,
    assessment?.organisationId ?? '\u0000',
    'ASSESSMENT_NOT_FOUND',
    'assessment',
  );
  return { who, assessment: assessment! };
}

export async function listOwnAssessments(
  db: Db,
  principal: Principal | null,
): Promise<(StoredAssessment & { result: AssessmentResult })[]> {
  const { organisationId } = actingEnterprise(principal);
  const list = await listAssessments(db, organisationId);
  const out = [];
  for (const a of list) {
    const framework = await getFrameworkView(db, a.frameworkId);
    out.push({
      ...a,
      result: computeResult(framework.requirements, framework.categories, await findAnswers(db, a.id)),
    });
  }
  return out;
}

export interface NewAssessment {
  frameworkId?: string;
  year: number;
  path: AssessmentPath;
  title?: string;
}

export async function createAssessment(
  db: Db,
  principal: Principal | null,
  input: NewAssessment,
  now: Date,
  id: string = randomUUID(),
): Promise<StoredAssessment> {
  const { principal: who, organisationId } = actingEnterprise(principal);
  const frameworkId =
    input.path === 'small-enterprise' ? basicMeasuresFramework : (input.frameworkId ?? basicMeasuresFramework);
  if (input.path === 'small-enterprise' && input.frameworkId && input.frameworkId !== basicMeasuresFramework) {
    throw new AppError('VALIDATION_FAILED', 'The small-enterprise path covers the basic measures', [
      { field: 'frameworkId', message: 'must be the basic measures for the small-enterprise path' },
    ]);
  }
  const framework = await getFrameworkView(db, frameworkId);
  const at = now.toISOString();
  const assessment: StoredAssessment = {
    id,
    organisationId,
    frameworkId,
    year: input.year,
    path: input.path,
    title: input.title?.trim() || `${framework.name.nb} ${input.year}`,
    status: 'draft',
    createdAt: at,
    createdBy: answerer(who),
    updatedAt: at,
    submittedAt: null,
    submittedBy: null,
    approvedAt: null,
    approvedBy: null,
    shareAnonymously: false,
  };
  await insertAssessment(db, assessment);
  return assessment;
}

export async function getAssessmentDetail(db: Db, principal: Principal | null, id: string): Promise<AssessmentDetail> {
  const { assessment } = await loadOwn(db, principal, id);
  const framework = await getFrameworkView(db, assessment.frameworkId);
  const answers = await findAnswers(db, id);
  const content = await shippedAssessmentContent();
  const enterprise = await getEnterprise(db, assessment.organisationId);
  const isBasic = framework.id === content.guide.frameworkId;
  return {
    assessment,
    framework,
    answers,
    result: computeResult(framework.requirements, framework.categories, answers),
    guide: isBasic ? content.guide.measures : [],
    typeNote:
      isBasic && enterprise
        ? (content.typeNotes[enterprise.organisationType] ?? content.typeNotes.other ?? null)
        : null,
    enterprise,
  };
}

export type SaveAnswerOutcome = { ok: true; answer: Answer } | { ok: false; current: Answer | null };

/**
 * Saves one answer if nobody changed it since `basedOnVersion` (0 for a first answer); otherwise changes nothing
 * and returns the current answer so the user can compare the two.
 */
export async function saveAnswer(
  db: Db,
  principal: Principal | null,
  id: string,
  requirementId: string,
  input: AnswerInput,
  basedOnVersion: number,
  now: Date,
): Promise<SaveAnswerOutcome> {
  const { who, assessment } = await loadOwn(db, principal, id);
  if (!isEditable(assessment.status))
    throw new AppError('ASSESSMENT_LOCKED', `The assessment is ${assessment.status}; reopen it to change answers`);
  const framework = await getFrameworkView(db, assessment.frameworkId);
  if (!framework.requirements.some((r) => r.id === requirementId)) {
    throw new AppError('REQUIREMENT_NOT_FOUND', `No requirement "${requirementId}" in this framework`);
  }
  const { answer, problems } = checkAnswerInput(input, framework.scale);
  if (problems.length > 0) throw new AppError('VALIDATION_FAILED', 'The answer is not valid', problems);
  return db.transaction().execute(async (trx) => {
    const current = await findAnswerForUpdate(trx, id, requirementId);
    if (isStaleWrite(current, basedOnVersion)) return { ok: false as const, current };
    const saved: Answer = {
      requirementId,
      ...answer,
      answeredBy: answerer(who),
      answeredAt: now.toISOString(),
      version: (current?.version ?? 0) + 1,
    };
    await storeAnswer(trx, id, saved);
    await updateAssessmentStatus(trx, id, { status: statusAfterAnswer(assessment.status), at: saved.answeredAt });
    return { ok: true as const, answer: saved };
  });
}

export async function updateSettings(
  db: Db,
  principal: Principal | null,
  id: string,
  patch: { title?: string; shareAnonymously?: boolean },
  now: Date,
): Promise<StoredAssessment> {
  const { assessment } = await loadOwn(db, principal, id);
  if (patch.title !== undefined && patch.title.trim() === '') {
    throw new AppError('VALIDATION_FAILED', 'The title is empty', [{ field: 'title', message: 'must not be empty' }]);
  }
  await updateAssessmentSettings(db, id, now.toISOString(), { ...patch, title: patch.title?.trim() });
  if (patch.shareAnonymously === false && assessment.shareAnonymously) {
    await deleteFactsBySource(db, assessment.organisationId, assessment.year, 'self-assessment');
  }
  return (await findAssessment(db, id))!;
}

/**
 * submit / approve / reopen. When an assessment of the basic measures is approved and the enterprise chose to
 * share it anonymously, its levels join the sector statistics for that year.
 */
export async function changeStatus(
  db: Db,
  principal: Principal | null,
  id: string,
  action: WorkflowAction,
  now: Date,
): Promise<StoredAssessment> {
  const { who, assessment } = await loadOwn(db, principal, id);
  const framework = await getFrameworkView(db, assessment.frameworkId);
  const answers = await findAnswers(db, id);
  const result = computeResult(framework.requirements, framework.categories, answers);
  const check = checkTransition(action, assessment.status, who.roles, result.completion);
  if (!check.ok) {
    if (check.reason === 'ROLE') throw new AppError('FORBIDDEN', 'Only the security lead can do this');
    if (check.reason === 'INCOMPLETE') {
      throw new AppError(
        'ASSESSMENT_INCOMPLETE',
        `${result.overall.unansweredCount} requirement(s) have no answer yet`,
        framework.requirements
          .filter((r) => !answers.some((a) => a.requirementId === r.id))
          .map((r) => ({ field: r.id, message: 'has no answer' })),
      );
    }
    throw new AppError('ASSESSMENT_STATUS_INVALID', `Cannot ${action} an assessment that is ${assessment.status}`);
  }
  const at = now.toISOString();
  const field = action === 'submit' ? 'submitted' : action === 'approve' ? 'approved' : undefined;
  await db.transaction().execute(async (trx) => {
    await updateAssessmentStatus(trx, id, { status: check.to, at, by: answerer(who), field });
    if (action === 'approve' && assessment.shareAnonymously && framework.id === basicMeasuresFramework) {
      const enterprise = await getEnterprise(trx, assessment.organisationId);
      if (enterprise) {
        const facts = answers
          .filter((a) => a.kind === 'level' && a.level !== null)
          .map((a) => ({
            year: assessment.year,
            organisationId: enterprise.id,
            indicatorId: `maturity.${a.requirementId}`,
            value: a.level!,
            organisationType: enterprise.organisationType,
            sizeClass: enterprise.sizeClass,
            region: enterprise.region,
            source: 'self-assessment' as const,
          }));
        await replaceFacts(trx, facts, at);
      }
    }
  });
  return (await findAssessment(db, id))!;
}

/** Every assessment of the enterprise against one framework, oldest year first, with results: the history view. */
export async function assessmentHistory(db: Db, principal: Principal | null, frameworkId: string) {
  const { organisationId } = actingEnterprise(principal);
  const framework = await getFrameworkView(db, frameworkId);
  const list = (await listAssessments(db, organisationId))
    .filter((a) => a.frameworkId === frameworkId)
    .sort((a, b) => a.year - b.year || a.createdAt.localeCompare(b.createdAt));
  const entries = [];
  for (const a of list) {
    const answers = await findAnswers(db, a.id);
    entries.push({
      assessment: a,
      answers,
      result: computeResult(framework.requirements, framework.categories, answers),
    });
  }
  return { framework, entries };
}
