/**
 * A case's status follows from its findings: the reviewer works on what is open first, then on what waits for a
 * second reviewer, then on what was sent on for follow-up. A case whose findings were all decided is closed; one
 * whose findings are no longer flagged and were never decided (e.g. explained by a new rule) is inactive.
 */
import type { CaseStatus, FindingStatus } from '../types.js';

export interface FindingState {
  readonly active: boolean;
  readonly status: FindingStatus;
}

export function deriveCaseStatus(findings: readonly FindingState[]): CaseStatus {
  if (findings.some((f) => f.active && f.status === 'open')) return 'open';
  if (findings.some((f) => f.status === 'pending_approval')) return 'pending_approval';
  if (findings.some((f) => f.status === 'follow_up')) return 'follow_up';
  if (findings.some((f) => f.status === 'legitimate' || f.status === 'not_legitimate')) return 'closed';
  return 'inactive';
}

/** Findings a new decision may cover: open ones, and those waiting on a follow-up (the manager or HR answered). */
export function isDecidable(finding: FindingState): boolean {
  return finding.status === 'open' || finding.status === 'follow_up';
}
