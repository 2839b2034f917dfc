/**
 * The assessment module's plain domain types: self-assessments and their answers, action plans, sector surveys and
 * the indicator facts that anonymous benchmarks are built from. Dates travel as ISO strings.
 */

/** Text in bokmål (always) and English. */
export interface Localized {
  nb: string;
  en: string;
}

// ---------------------------------------------------------------- self-assessment

/** How a requirement was answered: a maturity level, "not relevant" (with a reason), or "don't know". */
export const answerKinds = ['level', 'not-relevant', 'dont-know'] as const;
export type AnswerKind = (typeof answerKinds)[number];

/**
 * Workflow status, kept apart from the result: it says where the work is, not how mature the enterprise is.
 * draft (created) → in-progress (first answer saved) → submitted → approved (by the enterprise's security lead).
 */
export const workflowStatuses = ['draft', 'in-progress', 'submitted', 'approved'] as const;
export type WorkflowStatus = (typeof workflowStatuses)[number];

/** `small-enterprise` is the short guided path over the basic measures in plain language. */
export const assessmentPaths = ['full', 'small-enterprise'] as const;
export type AssessmentPath = (typeof assessmentPaths)[number];

export interface EvidenceItem {
  title: string;
  /** A link to the document, when it has one (https only). */
  url: string | null;
  note: string | null;
}

export interface Answerer {
  userId: string;
  name: string;
}

export interface Answer {
  requirementId: string;
  kind: AnswerKind;
  /** The maturity level, set only when kind is `level`. */
  level: number | null;
  /** The level the enterprise aims for (the profile shows current against target). */
  targetLevel: number | null;
  /** Why the requirement does not apply, set only when kind is `not-relevant`. */
  notRelevantReason: string | null;
  comment: string | null;
  evidence: EvidenceItem[];
  answeredBy: Answerer;
  answeredAt: string;
  /** Starts at 1 and grows with every saved change; a write naming an older version is a conflict. */
  version: number;
}

export interface Assessment {
  id: string;
  organisationId: string;
  frameworkId: string;
  year: number;
  path: AssessmentPath;
  title: string;
  status: WorkflowStatus;
  createdAt: string;
  createdBy: Answerer;
  updatedAt: string;
  submittedAt: string | null;
  submittedBy: Answerer | null;
  approvedAt: string | null;
  approvedBy: Answerer | null;
}

// ---------------------------------------------------------------- maturity scale

export interface MaturityLevel {
  value: number;
  name: Localized;
  description: Localized;
}

export interface MaturityScale {
  id: string;
  levels: MaturityLevel[];
}

// ---------------------------------------------------------------- results

export interface CategoryResult {
  categoryId: string;
  title: Localized;
  requirementIds: string[];
  /** Answered with a level. */
  levelCount: number;
  notRelevantCount: number;
  dontKnowCount: number;
  unansweredCount: number;
  /** Mean level over requirements answered with a level; null when none is. Not-relevant and don't-know are left out. */
  average: number | null;
  /** Mean target level over the same requirements (a missing target counts as the current level). */
  targetAverage: number | null;
}

export interface AssessmentResult {
  categories: CategoryResult[];
  overall: Omit<CategoryResult, 'categoryId' | 'title' | 'requirementIds'>;
  /** Share of requirements with any answer (level, not relevant or don't know), 0–1. */
  completion: number;
}

// ---------------------------------------------------------------- action plan

export const actionStatuses = ['planned', 'in-progress', 'done', 'cancelled'] as const;
export type ActionStatus = (typeof actionStatuses)[number];

export const effortLevels = ['low', 'medium', 'high'] as const;
export type Effort = (typeof effortLevels)[number];

export interface ActionItem {
  id: string;
  organisationId: string;
  /** The assessment that raised it, if any. */
  assessmentId: string | null;
  frameworkId: string;
  /** The requirements this action raises. */
  requirementIds: string[];
  title: string;
  description: string | null;
  owner: string | null;
  dueDate: string | null;
  status: ActionStatus;
  /** The level the requirements should reach when the action is done. */
  expectedLevel: number | null;
  effort: Effort | null;
  /** Priority score when it was suggested (higher first); null for actions added by hand. */
  priority: number | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** A suggested action for the action plan, before the enterprise accepts it. */
export interface ActionSuggestion {
  requirementId: string;
  templateId: string;
  title: Localized;
  description: Localized;
  effort: Effort;
  quickWin: boolean;
  current: number | null;
  target: number;
  expectedLevel: number;
  score: number;
  /** Why it is ranked where it is, as codes the UI turns into text. */
  reasons: PriorityReason[];
}

export type PriorityReason = 'LARGE_GAP' | 'HIGH_WEIGHT' | 'QUICK_WIN' | 'UNKNOWN_STATE';

// ---------------------------------------------------------------- enterprises and peers

export const benchmarkDimensions = ['organisationType', 'sizeClass', 'region'] as const;
export type BenchmarkDimension = (typeof benchmarkDimensions)[number];

/** What the assessment module needs to know about an enterprise to place it in peer groups. */
export interface EnterpriseProfile {
  id: string;
  name: string;
  orgNumber: string | null;
  organisationType: string;
  sizeClass: string;
  region: string;
}
