/**
 * Deciding a case: legitimate (with the kind of explanation), not legitimate, or needs follow-up (sent on to a named
 * manager or HR contact). Every decision needs a justification. "Not legitimate" is serious for the employee, so it
 * takes effect only when a second, different reviewer approves it (four-eyes); until then the findings wait.
 */
import { AppError } from '../../../../platform/errors.js';
import {
  followUpRoles,
  legitimateKinds,
  type DecisionOutcome,
  type DecisionStatus,
  type FindingStatus,
  type FollowUpRole,
  type LegitimateKind,
} from '../types.js';

export interface DecisionInput {
  readonly outcome: DecisionOutcome;
  readonly explanationKind?: string | null;
  readonly justification: string;
  readonly followUpContact?: string | null;
  readonly followUpRole?: string | null;
  /** The patients (findings) the decision covers; empty or absent: every decidable finding of the case. */
  readonly patientIds?: readonly string[];
}

export interface CheckedDecision {
  readonly outcome: DecisionOutcome;
  readonly explanationKind: LegitimateKind | null;
  readonly justification: string;
  readonly followUpContact: string | null;
  readonly followUpRole: FollowUpRole | null;
}

export const MIN_JUSTIFICATION = 10;
export const MAX_TEXT = 4000;

function invalid(field: string, message: string): AppError {
  return new AppError('LOG_REVIEW_DECISION_INVALID', message, [{ field, message }]);
}

export function checkDecision(input: DecisionInput): CheckedDecision {
  const justification = input.justification.trim();
  if (justification.length < MIN_JUSTIFICATION) {
    throw invalid('justification', `a justification of at least ${MIN_JUSTIFICATION} characters is required`);
  }
  if (justification.length > MAX_TEXT) throw invalid('justification', `at most ${MAX_TEXT} characters`);
  if (input.outcome === 'legitimate') {
    const kind = input.explanationKind ?? null;
    if (!kind || !(legitimateKinds as readonly string[]).includes(kind)) {
      throw invalid(
        'explanationKind',
        `a legitimate decision names the kind of explanation: ${legitimateKinds.join(', ')}`,
      );
    }
    return {
      outcome: 'legitimate',
      explanationKind: kind as LegitimateKind,
      justification,
      followUpContact: null,
      followUpRole: null,
    };
  }
  if (input.outcome === 'follow_up') {
    const contact = (input.followUpContact ?? '').trim();
    const role = input.followUpRole ?? null;
    if (contact.length < 2 || contact.length > 200)
      throw invalid('followUpContact', 'name the manager or HR contact the case is sent to');
    if (!role || !(followUpRoles as readonly string[]).includes(role)) throw invalid('followUpRole', 'manager or hr');
    return {
      outcome: 'follow_up',
      explanationKind: null,
      justification,
      followUpContact: contact,
      followUpRole: role as FollowUpRole,
    };
  }
  return { outcome: 'not_legitimate', explanationKind: null, justification, followUpContact: null, followUpRole: null };
}

/** The decision's own status when recorded, and the status its findings take. */
export function recordedStates(outcome: DecisionOutcome): { decision: DecisionStatus; finding: FindingStatus } {
  switch (outcome) {
    case 'legitimate':
      return { decision: 'final', finding: 'legitimate' };
    case 'follow_up':
      return { decision: 'final', finding: 'follow_up' };
    case 'not_legitimate':
      return { decision: 'pending_approval', finding: 'pending_approval' };
  }
}

/** Four-eyes: the approver must be another person than the one who decided. */
export function checkSecondReviewer(decidedBy: string, reviewerId: string): void {
  if (decidedBy === reviewerId) {
    throw new AppError('LOG_REVIEW_FOUR_EYES', 'A second, different reviewer must approve a "not legitimate" decision');
  }
}

/** After approval the findings are "not legitimate"; after rejection they are open again for a new decision. */
export function reviewedStates(approve: boolean): { decision: DecisionStatus; finding: FindingStatus } {
  return approve ? { decision: 'approved', finding: 'not_legitimate' } : { decision: 'rejected', finding: 'open' };
}
