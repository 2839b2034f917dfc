/**
 * Annual status reporting as plain typed data: a reporting cycle per year, one status report per measure and
 * responsible actor, its revisions, and the published sector report. Seed 004 §1.2: actors responsible for
 * measures report yearly to the ministry (HOD) on the status of their measures and whether they move the goals.
 */

/** How far a measure has come: the status scale every report uses. */
export const implementationStatuses = [
  'not-started',
  'planned',
  'in-progress',
  'in-operation',
  'completed',
  'stopped',
] as const;
export type ImplementationStatus = (typeof implementationStatuses)[number];

/** Where a report is in its review. */
export const reportStates = ['draft', 'submitted', 'returned', 'approved'] as const;
export type ReportState = (typeof reportStates)[number];

/** How much the measure moves its area's goal, as the reporting actor judges it. */
export const contributionLevels = ['not-assessed', 'none', 'low', 'medium', 'high'] as const;
export type ContributionLevel = (typeof contributionLevels)[number];

export const cycleStates = ['open', 'closed'] as const;
export type CycleState = (typeof cycleStates)[number];

export interface Indicator {
  readonly name: string;
  readonly value: number | null;
  readonly unit: string;
  readonly target: number | null;
  readonly note: string;
}

export interface Contact {
  readonly name: string;
  readonly email: string;
  readonly phone: string;
}

export const evidenceKinds = ['link', 'file'] as const;
export type EvidenceKind = (typeof evidenceKinds)[number];

export interface Evidence {
  readonly id: string;
  readonly kind: EvidenceKind;
  readonly title: string;
  /** https URL of a link. */
  readonly url: string | null;
  readonly fileName: string | null;
  readonly mediaType: string | null;
  readonly sizeBytes: number | null;
  readonly sha256: string | null;
  readonly addedAt: Date;
  readonly addedBy: string;
}

/** The fields an actor writes. */
export interface ReportContent {
  readonly status: ImplementationStatus | null;
  readonly progress: string;
  readonly contribution: { readonly level: ContributionLevel; readonly text: string };
  readonly indicators: Indicator[];
  readonly nextSteps: string;
  readonly blockers: string;
  readonly contact: Contact;
}

export const reportContentFields = [
  'status',
  'progress',
  'contribution',
  'indicators',
  'nextSteps',
  'blockers',
  'contact',
] as const satisfies readonly (keyof ReportContent)[];

export interface StatusReport extends ReportContent {
  readonly id: string;
  readonly cycleId: string;
  readonly year: number;
  readonly editionId: string;
  readonly measureId: string;
  /** The responsible actor, as the catalogue names it. */
  readonly actorId: string;
  /** The actor that writes the report: the responsible one, or its delegate (seed 004 §1.2: HOD may delegate). */
  readonly reporterActorId: string;
  readonly state: ReportState;
  /** The strategy owner's comment when the report was last returned. */
  readonly reviewComment: string | null;
  /** Counts every saved change; a save names the revision it started from. */
  readonly revision: number;
  readonly evidence: Evidence[];
  readonly createdAt: Date;
  readonly updatedAt: Date;
  readonly updatedBy: string | null;
  readonly submittedAt: Date | null;
  readonly submittedBy: string | null;
  readonly approvedAt: Date | null;
  readonly approvedBy: string | null;
}

export const reportActions = [
  'create',
  'edit',
  'submit',
  'return',
  'approve',
  'add-evidence',
  'remove-evidence',
] as const;
export type ReportAction = (typeof reportActions)[number];

/** One kept change of a report: who, when, what, and the full content after it. */
export interface ReportRevision {
  readonly reportId: string;
  readonly revision: number;
  readonly at: Date;
  readonly authorUserId: string | null;
  readonly authorName: string;
  readonly action: ReportAction;
  readonly state: ReportState;
  readonly comment: string | null;
  readonly changedFields: string[];
  readonly content: ReportContent;
}

export interface ReminderPolicy {
  /** Days before the due date on which a reminder goes to actors who have not submitted. */
  readonly beforeDays: number[];
  /** Days after the due date on which a reminder goes to actors who are late. */
  readonly afterDays: number[];
}

export const defaultReminderPolicy: ReminderPolicy = { beforeDays: [14, 3], afterDays: [1, 7, 14] };

export interface UnplacedMeasure {
  readonly id: string;
  readonly title: string;
  readonly areaId: string;
  readonly responsibleText: string;
}

export interface ReportingCycle {
  readonly id: string;
  readonly year: number;
  readonly editionId: string;
  /** Calendar date, YYYY-MM-DD (Norwegian time: reports are due at the end of that day). */
  readonly dueDate: string;
  readonly state: CycleState;
  readonly openedAt: Date;
  readonly openedBy: string;
  readonly closedAt: Date | null;
  /** Responsible actor id → the actor that reports for it. */
  readonly delegations: Record<string, string>;
  readonly reminderPolicy: ReminderPolicy;
  /** Measures with responsibility not placed ("Avklares") when the cycle opened: nobody reports on them. */
  readonly gap: UnplacedMeasure[];
}
