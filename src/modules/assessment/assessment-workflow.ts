/**
 * The workflow of an assessment (where the work is), separate from its result (how mature the enterprise is):
 * draft → in-progress (first answer saved) → submitted → approved. A submitted assessment can be sent back to
 * in-progress by the security lead; an approved one is final (next year's work starts a new assessment).
 */
import type { Role } from '../../platform/http/access.js';
import type { WorkflowStatus } from './types.js';

export type WorkflowAction = 'submit' | 'approve' | 'reopen';

interface Transition {
  from: readonly WorkflowStatus[];
  to: WorkflowStatus;
  roles: readonly Role[];
}

export const transitions: Readonly<Record<WorkflowAction, Transition>> = {
  submit: { from: ['draft', 'in-progress'], to: 'submitted', roles: ['enterprise-lead', 'enterprise-member'] },
  approve: { from: ['submitted'], to: 'approved', roles: ['enterprise-lead'] },
  reopen: { from: ['submitted'], to: 'in-progress', roles: ['enterprise-lead'] },
};

export type TransitionCheck =
  { ok: true; to: WorkflowStatus } | { ok: false; reason: 'WRONG_STATUS' | 'ROLE' | 'INCOMPLETE' };

export function checkTransition(
  action: WorkflowAction,
  status: WorkflowStatus,
  roles: readonly Role[],
  completion: number,
): TransitionCheck {
  const t = transitions[action];
  if (!t.from.includes(status)) return { ok: false, reason: 'WRONG_STATUS' };
  if (!t.roles.some((r) => roles.includes(r))) return { ok: false, reason: 'ROLE' };
  if (action === 'submit' && completion < 1) return { ok: false, reason: 'INCOMPLETE' };
  return { ok: true, to: t.to };
}

/** Answers may change only while the work is open. */
export const isEditable = (status: WorkflowStatus) => status === 'draft' || status === 'in-progress';

/** Saving the first answer moves a draft to in progress. */
export const statusAfterAnswer = (status: WorkflowStatus): WorkflowStatus =>
  status === 'draft' ? 'in-progress' : status;
