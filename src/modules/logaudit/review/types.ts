/**
 * The log-review workflow's plain domain types: datasets, analysis runs, cases (the findings of one user), decisions
 * and explanation rules. Cases and findings carry run-independent keys (dataset + user id (+ patient id)), so a
 * decision made on one run still holds when the next run finds the same lookups again.
 */

export const findingStatuses = ['open', 'pending_approval', 'follow_up', 'legitimate', 'not_legitimate'] as const;
export type FindingStatus = (typeof findingStatuses)[number];

export const caseStatuses = ['open', 'pending_approval', 'follow_up', 'closed', 'inactive'] as const;
export type CaseStatus = (typeof caseStatuses)[number];

export const decisionOutcomes = ['legitimate', 'not_legitimate', 'follow_up'] as const;
export type DecisionOutcome = (typeof decisionOutcomes)[number];

/** What kind of explanation a "legitimate" decision found (the reviewer's own words go in the justification). */
export const legitimateKinds = [
  'registered_consult_missing',
  'care_team_not_registered',
  'on_call',
  'service_order',
  'administrative_task',
  'quality_or_research',
  'patient_request',
  'other',
] as const;
export type LegitimateKind = (typeof legitimateKinds)[number];

export const followUpRoles = ['manager', 'hr'] as const;
export type FollowUpRole = (typeof followUpRoles)[number];

export const decisionStatuses = ['final', 'pending_approval', 'approved', 'rejected'] as const;
export type DecisionStatus = (typeof decisionStatuses)[number];

export const ruleStatuses = ['proposed', 'approved', 'retired', 'rejected'] as const;
export type RuleStatus = (typeof ruleStatuses)[number];

export const runStatuses = ['queued', 'running', 'succeeded', 'failed'] as const;
export type RunStatus = (typeof runStatuses)[number];

export interface Actor {
  readonly userId: string;
  readonly name: string;
}

export interface Dataset {
  readonly id: string;
  readonly organisationId: string;
  readonly name: string;
  readonly sourceKind: 'upload' | 'folder';
  readonly folderId: string | null;
  /** Cases the review team can decide per week: the list marks the cases within it. */
  readonly reviewCapacity: number;
  /** Most findings per run (null: the engine's default, one per 1,000 lookups). */
  readonly findingBudget: number | null;
  /** Show staff names in the patient's access log (see docs: the patient's right to know who looked). */
  readonly patientLogNames: boolean;
  readonly rulesAppliedHash: string | null;
  readonly createdBy: string | null;
  readonly createdAt: Date;
}

export interface ReasonView {
  readonly code: string;
  readonly weight: number;
  readonly text_nb: string;
  readonly text_en: string;
}

/** One flagged (user, patient) pair as the engine reported it, merged across runs. */
export interface StoredFinding {
  readonly caseId: string;
  readonly patientId: string;
  readonly score: number;
  readonly firstSeen: Date;
  readonly lastSeen: Date;
  readonly eventIds: string[];
  readonly eventCount: number;
  readonly reasons: ReasonView[];
  /** Flagged by the latest run. */
  readonly active: boolean;
  readonly status: FindingStatus;
  readonly decisionId: string | null;
  /** The last lookup a decision covered: later lookups reopen the finding. */
  readonly coveredUntil: Date | null;
  readonly firstFlaggedAt: Date;
  readonly lastRunId: string;
}

export interface StoredCase {
  readonly id: string;
  readonly datasetId: string;
  readonly userId: string;
  readonly status: CaseStatus;
  readonly score: number;
  readonly rank: number | null;
  readonly activeFindings: number;
  readonly reasonCodes: string[];
  readonly userRole: string | null;
  readonly departmentId: string | null;
  readonly departmentName: string | null;
  readonly firstSeen: Date;
  readonly lastSeen: Date;
  readonly firstFlaggedAt: Date;
  readonly lastRunId: string;
  readonly updatedAt: Date;
}

export interface Decision {
  readonly id: string;
  readonly caseId: string;
  readonly patientIds: string[];
  readonly outcome: DecisionOutcome;
  readonly explanationKind: LegitimateKind | null;
  readonly justification: string;
  readonly followUpContact: string | null;
  readonly followUpRole: FollowUpRole | null;
  readonly status: DecisionStatus;
  readonly decidedBy: string;
  readonly decidedByName: string;
  readonly decidedAt: Date;
  readonly reviewedBy: string | null;
  readonly reviewedByName: string | null;
  readonly reviewedAt: Date | null;
  readonly reviewNote: string | null;
  readonly ruleId: string | null;
}

/** The conditions of an explanation rule, in the engine's vocabulary (all non-null conditions must hold). */
export interface RuleConditions {
  readonly userRole: string | null;
  readonly userDepartmentId: string | null;
  readonly userDepartmentKind: string | null;
  readonly action: string | null;
  readonly purpose: string | null;
  readonly encounterKind: string | null;
  readonly windowDays: number;
}

export interface ExplanationRuleRecord extends RuleConditions {
  readonly id: string;
  readonly organisationId: string;
  readonly status: RuleStatus;
  readonly descriptionNb: string;
  readonly descriptionEn: string;
  readonly sourceCaseId: string | null;
  readonly sourceDecisionId: string | null;
  readonly version: number;
  readonly proposedBy: string;
  readonly proposedByName: string;
  readonly proposedAt: Date;
  readonly approvedBy: string | null;
  readonly approvedByName: string | null;
  readonly approvedAt: Date | null;
  readonly retiredBy: string | null;
  readonly retiredByName: string | null;
  readonly retiredAt: Date | null;
  readonly statusReason: string | null;
  readonly updatedAt: Date;
}

export interface HistoryEntry {
  readonly seq: number;
  readonly at: Date;
  readonly actorUserId: string | null;
  readonly actorName: string | null;
  readonly kind: string;
  readonly detail: Record<string, unknown>;
}
