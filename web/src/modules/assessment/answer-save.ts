/**
 * Saving one answer. When someone else saved the same answer first (409 ANSWER_CONFLICT), the current answer is
 * read again so the page can show both versions side by side and let the user choose.
 */
import { ApiError, apiRequest } from '../../api/client.js';
import {
  assessmentActions,
  assessmentPaths,
  type Answer,
  type AnswerInput,
  type AssessmentDetail,
} from './assessment-api.js';

export type SaveOutcome =
  { kind: 'saved'; answer: Answer } | { kind: 'conflict'; current: Answer | null } | { kind: 'error'; error: ApiError };

export async function saveAnswer(
  assessmentId: string,
  requirementId: string,
  input: AnswerInput,
  basedOnVersion: number,
): Promise<SaveOutcome> {
  try {
    const { answer } = await assessmentActions.saveAnswer(assessmentId, requirementId, { ...input, basedOnVersion });
    return { kind: 'saved', answer };
  } catch (e) {
    const error = e instanceof ApiError ? e : new ApiError('UNKNOWN', String(e), 0);
    if (error.code !== 'ANSWER_CONFLICT') return { kind: 'error', error };
    const detail = await apiRequest<AssessmentDetail>(assessmentPaths.assessment(assessmentId));
    return { kind: 'conflict', current: detail.answers.find((a) => a.requirementId === requirementId) ?? null };
  }
}

export const toInput = (a: Answer): AnswerInput => ({
  kind: a.kind,
  level: a.level,
  targetLevel: a.targetLevel,
  notRelevantReason: a.notRelevantReason,
  comment: a.comment,
  evidence: a.evidence,
});
