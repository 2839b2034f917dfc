/**
 * The status report's review as a pure state machine: which action each party may take in which state, and why
 * not otherwise. The measure owner writes and submits; the strategy owner returns (with a comment) or approves;
 * nothing moves once the cycle is closed. A report is approved by someone other than the user who submitted it.
 *
 *   draft ──submit──▶ submitted ──approve──▶ approved
 *     ▲                  │  ▲                  │
 *     └─(edit)  returned ◀┘  └──────submit──────┘ (via returned)
 *                  ▲──────────────return───────┘
 */
import type { ErrorCode } from '../../platform/errors.js';
import type { ReportState } from './types.js';

export const workflowActions = ['edit', 'submit', 'return', 'approve'] as const;
export type WorkflowAction = (typeof workflowActions)[number];

export interface WorkflowSubject {
  readonly state: ReportState;
  readonly cycleOpen: boolean;
  /** The user who last submitted the report, if any. */
  readonly submittedBy: string | null;
}

export interface WorkflowParty {
  readonly userId: string;
  /** Holds the measure-owner role for the actor that writes this report. */
  readonly isReporter: boolean;
  readonly isStrategyOwner: boolean;
}

export type Decision =
  | { readonly allowed: true; readonly to: ReportState }
  | { readonly allowed: false; readonly code: ErrorCode; readonly reason: string };

const refuse = (code: ErrorCode, reason: string): Decision => ({ allowed: false, code, reason });

export function decide(action: WorkflowAction, subject: WorkflowSubject, party: WorkflowParty): Decision {
  if (!subject.cycleOpen) return refuse('REPORTING_CYCLE_CLOSED', 'The reporting cycle is closed');
  const { state } = subject;
  switch (action) {
    case 'edit':
    case 'submit': {
      if (!party.isReporter)
        return refuse('FORBIDDEN', 'Only the measure owner of the reporting actor writes this report');
      if (state === 'submitted') return refuse('REPORT_NOT_EDITABLE', 'The report is submitted and waits for review');
      if (state === 'approved')
        return refuse('REPORT_NOT_EDITABLE', 'The report is approved; it must be returned before it changes');
      return { allowed: true, to: action === 'submit' ? 'submitted' : state };
    }
    case 'return': {
      if (!party.isStrategyOwner) return refuse('FORBIDDEN', 'Only the strategy owner returns reports');
      if (state !== 'submitted' && state !== 'approved') {
        return refuse(
          'REPORT_TRANSITION_NOT_ALLOWED',
          `A ${state} report cannot be returned: only submitted or approved ones`,
        );
      }
      return { allowed: true, to: 'returned' };
    }
    case 'approve': {
      if (!party.isStrategyOwner) return refuse('FORBIDDEN', 'Only the strategy owner approves reports');
      if (state !== 'submitted') {
        return refuse('REPORT_TRANSITION_NOT_ALLOWED', `A ${state} report cannot be approved: only a submitted one`);
      }
      if (subject.submittedBy === party.userId) {
        return refuse(
          'REPORT_TRANSITION_NOT_ALLOWED',
          'A report is approved by someone other than the one who submitted it',
        );
      }
      return { allowed: true, to: 'approved' };
    }
  }
}

/** Every action with its decision: what the UI shows as buttons, and why a button is missing. */
export function availableActions(
  subject: WorkflowSubject,
  party: WorkflowParty,
): { action: WorkflowAction; allowed: boolean; reason: string | null }[] {
  return workflowActions.map((action) => {
    const decision = decide(action, subject, party);
    return { action, allowed: decision.allowed, reason: decision.allowed ? null : decision.reason };
  });
}
