import { describe, expect, it } from 'vitest';
import { availableActions, decide, type WorkflowParty, type WorkflowSubject } from './report-workflow.js';
import type { ReportState } from './types.js';

const owner: WorkflowParty = { userId: 'u-owner', isReporter: true, isStrategyOwner: false };
const directorate: WorkflowParty = { userId: 'u-dir', isReporter: false, isStrategyOwner: true };
const stranger: WorkflowParty = { userId: 'u-x', isReporter: false, isStrategyOwner: false };
const subject = (state: ReportState, extra: Partial<WorkflowSubject> = {}): WorkflowSubject => ({
  state,
  cycleOpen: true,
  submittedBy: state === 'draft' ? null : 'u-owner',
  ...extra,
});

describe('status report workflow', () => {
  it.each([
    ['edit', 'draft', owner, 'draft'],
    ['edit', 'returned', owner, 'returned'],
    ['submit', 'draft', owner, 'submitted'],
    ['submit', 'returned', owner, 'submitted'],
    ['return', 'submitted', directorate, 'returned'],
    ['return', 'approved', directorate, 'returned'],
    ['approve', 'submitted', directorate, 'approved'],
  ] as const)('allows %s of a %s report', (action, state, party, to) => {
    expect(decide(action, subject(state), party)).toEqual({ allowed: true, to });
  });

  it.each([
    ['edit', 'submitted', owner, 'REPORT_NOT_EDITABLE'],
    ['edit', 'approved', owner, 'REPORT_NOT_EDITABLE'],
    ['submit', 'submitted', owner, 'REPORT_NOT_EDITABLE'],
    ['edit', 'draft', directorate, 'FORBIDDEN'],
    ['edit', 'draft', stranger, 'FORBIDDEN'],
    ['approve', 'submitted', owner, 'FORBIDDEN'],
    ['return', 'submitted', owner, 'FORBIDDEN'],
    ['approve', 'draft', directorate, 'REPORT_TRANSITION_NOT_ALLOWED'],
    ['approve', 'returned', directorate, 'REPORT_TRANSITION_NOT_ALLOWED'],
    ['approve', 'approved', directorate, 'REPORT_TRANSITION_NOT_ALLOWED'],
    ['return', 'draft', directorate, 'REPORT_TRANSITION_NOT_ALLOWED'],
    ['return', 'returned', directorate, 'REPORT_TRANSITION_NOT_ALLOWED'],
  ] as const)('refuses %s of a %s report by the wrong party or in the wrong state', (action, state, party, code) => {
    const decision = decide(action, subject(state), party);
    expect(decision.allowed).toBe(false);
    if (!decision.allowed) expect(decision.code).toBe(code);
  });

  it('refuses everything when the cycle is closed', () => {
    for (const action of ['edit', 'submit', 'return', 'approve'] as const) {
      const decision = decide(action, subject('submitted', { cycleOpen: false }), {
        ...owner,
        isStrategyOwner: true,
        userId: 'u-dir',
      });
      expect(decision).toMatchObject({ allowed: false, code: 'REPORTING_CYCLE_CLOSED' });
    }
  });

  it('keeps the four-eyes rule: the submitter cannot approve their own report', () => {
    const both: WorkflowParty = { userId: 'u-owner', isReporter: true, isStrategyOwner: true };
    expect(decide('approve', subject('submitted'), both)).toMatchObject({
      allowed: false,
      code: 'REPORT_TRANSITION_NOT_ALLOWED',
    });
    expect(decide('approve', subject('submitted'), directorate)).toMatchObject({ allowed: true });
  });

  it('lists every action with the reason it is not available', () => {
    const actions = availableActions(subject('submitted'), directorate);
    expect(actions.filter((a) => a.allowed).map((a) => a.action)).toEqual(['return', 'approve']);
    expect(actions.find((a) => a.action === 'edit')?.reason).toMatch(/measure owner/);
  });
});
