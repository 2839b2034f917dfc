/**
 * The assessment API as the web UI reads and writes it: paths, answer types and actions. Domain types come from the
 * server module (type-only imports, erased at build), so the UI and the API cannot drift apart silently.
 */
import { apiRequest, withQuery } from '../../api/client.js';
import type {
  ActionItem,
  ActionSuggestion,
  Answer,
  AnswerKind,
  Assessment,
  AssessmentPath,
  AssessmentResult,
  EnterpriseProfile,
  Localized,
  MaturityScale,
  PublishedCell,
  Question,
  Survey,
  SurveyAnswers,
  SurveyResponse,
  SurveyTarget,
  WorkflowStatus,
  ActionStatus,
} from '../../../../src/modules/assessment/index.js';

export type {
  ActionItem,
  ActionSuggestion,
  Answer,
  AnswerKind,
  Assessment,
  AssessmentPath,
  AssessmentResult,
  EnterpriseProfile,
  Localized,
  MaturityScale,
  PublishedCell,
  Question,
  Survey,
  SurveyAnswers,
  SurveyResponse,
  SurveyTarget,
  WorkflowStatus,
  ActionStatus,
};

export type StoredAssessment = Assessment & { shareAnonymously: boolean };

export interface AssessmentContext {
  enterprise: EnterpriseProfile | null;
  roles: string[];
  scale: MaturityScale;
  typeSummary: Localized | null;
  generalGuidance: { title: string; publisher: string | null; note: Localized }[];
  frameworks: { id: string; refId: string; name: Localized; requirementCount: number }[];
  minGroupSize: number;
}

export interface Guidance {
  kind: string;
  title: string;
  publisher: string | null;
  audience: string | null;
  url: string | null;
  target: { framework: string; node: string } | null;
}

export interface RequirementView {
  id: string;
  refId: string;
  title: Localized;
  description: Localized | null;
  categoryId: string;
  guidance: Guidance[];
}

export interface FrameworkView {
  id: string;
  refId: string;
  name: Localized;
  requirements: RequirementView[];
  categories: { id: string; title: Localized }[];
  scale: MaturityScale;
  ownScale: boolean;
}

export interface MeasureGuide {
  id: string;
  weight: number;
  smallTarget: number;
  plainTitle: Localized;
  question: Localized;
  why: Localized;
  options: { level: number; text: Localized }[];
  actions: {
    id: string;
    effort: string;
    quickWin: boolean;
    raisesTo: number;
    title: Localized;
    description: Localized;
  }[];
  source: { file: string; section: string };
}

export interface AssessmentDetail {
  assessment: StoredAssessment;
  framework: FrameworkView;
  answers: Answer[];
  result: AssessmentResult;
  guide: MeasureGuide[];
  typeNote: { summary: Localized; measures: Record<string, Localized> } | null;
  enterprise: EnterpriseProfile | null;
}

export interface AnswerInput {
  kind: AnswerKind;
  level?: number | null;
  targetLevel?: number | null;
  notRelevantReason?: string | null;
  comment?: string | null;
  evidence?: { title: string; url?: string | null; note?: string | null }[];
}

export interface PeerView {
  level: 'type-size' | 'type' | 'sector';
  cell: PublishedCell;
  passedOver: { level: string; notes: string[] }[];
}

export interface BenchmarkView {
  enterprise: EnterpriseProfile;
  year: number | null;
  years: number[];
  k: number;
  assessmentId: string | null;
  rows: {
    indicatorId: string;
    requirementId: string | null;
    own: number | null;
    ownSource: 'assessment' | 'survey' | null;
    peers: PeerView | null;
  }[];
}

export interface IndicatorDefinition {
  id: string;
  kind: 'mean' | 'share';
  min: number;
  max: number;
  requirementId: string | null;
  name: Localized;
}

export interface SelectionView {
  indicator: IndicatorDefinition;
  year: number;
  k: number;
  withheld: boolean;
  dimensions: Dimension[];
  total: PublishedCell;
  cells: PublishedCell[];
}

export const dimensions = ['organisationType', 'sizeClass', 'region'] as const;
export type Dimension = (typeof dimensions)[number];

export interface ResponseView {
  survey: {
    id: string;
    title: Localized;
    description: Localized;
    year: number;
    status: string;
    closesAt: string | null;
  };
  enterprise: { id: string; name: string };
  questions: Question[];
  response: SurveyResponse | null;
}

export interface SendOutcome {
  survey: Survey;
  recipients: number;
  mailed: number;
  links: { organisationId: string; organisationName: string; link: string; expiresAt: string }[];
}

export interface Participation {
  invited: number;
  answering: number;
  submitted: number;
  responseRate: number;
  byType: { organisationType: string; invited: number; submitted: number }[];
}

const base = '/api/v1/assessment';
const id = encodeURIComponent;

export const assessmentPaths = {
  context: () => `${base}/context`,
  assessments: () => `${base}/assessments`,
  assessment: (a: string) => `${base}/assessments/${id(a)}`,
  suggestions: (a: string) => `${base}/assessments/${id(a)}/suggestions`,
  history: (framework: string) => withQuery(`${base}/history`, { framework }),
  actions: () => `${base}/actions`,
  benchmark: (year?: number) => withQuery(`${base}/benchmark`, { year: year ? String(year) : undefined }),
  mySurveys: () => `${base}/my-surveys`,
  mySurvey: (s: string) => `${base}/my-surveys/${id(s)}`,
  indicators: () => `${base}/indicators`,
  indicator: (i: string, query: Readonly<Record<string, string | undefined>>) =>
    withQuery(`${base}/indicators/${id(i)}`, query),
  trend: (i: string, query: Readonly<Record<string, string | undefined>>) =>
    withQuery(`${base}/indicators/${id(i)}/trend`, query),
  overview: (query: Readonly<Record<string, string | undefined>>) => withQuery(`${base}/indicators/overview`, query),
  surveys: () => `${base}/surveys`,
  survey: (s: string) => `${base}/surveys/${id(s)}`,
  templates: () => `${base}/survey-templates`,
  exportAssessment: (a: string, format: 'pdf' | 'xlsx', locale: string) =>
    withQuery(`${base}/assessments/${id(a)}/export.${format}`, { locale }),
  exportHistory: (framework: string, format: 'pdf' | 'xlsx', locale: string) =>
    withQuery(`${base}/history/export.${format}`, { framework, locale }),
  exportIndicators: (query: Readonly<Record<string, string | undefined>>) =>
    withQuery(`${base}/indicators/export.xlsx`, query),
} as const;

export const assessmentActions = {
  create: (body: { year: number; path: AssessmentPath; frameworkId?: string; title?: string }) =>
    apiRequest<StoredAssessment>(assessmentPaths.assessments(), { method: 'POST', body }),
  saveAnswer: (a: string, requirementId: string, body: AnswerInput & { basedOnVersion: number }) =>
    apiRequest<{ answer: Answer }>(`${assessmentPaths.assessment(a)}/answers/${id(requirementId)}`, {
      method: 'PUT',
      body,
    }),
  transition: (a: string, action: 'submit' | 'approve' | 'reopen') =>
    apiRequest<StoredAssessment>(`${assessmentPaths.assessment(a)}/${action}`, { method: 'POST' }),
  settings: (a: string, body: { title?: string; shareAnonymously?: boolean }) =>
    apiRequest<StoredAssessment>(assessmentPaths.assessment(a), { method: 'PATCH', body }),
  addAction: (body: Record<string, unknown>) =>
    apiRequest<ActionItem>(assessmentPaths.actions(), { method: 'POST', body }),
  updateAction: (a: string, body: Record<string, unknown> & { basedOnVersion: number }) =>
    apiRequest<ActionItem>(`${assessmentPaths.actions()}/${id(a)}`, { method: 'PATCH', body }),
  removeAction: (a: string) => apiRequest<void>(`${assessmentPaths.actions()}/${id(a)}`, { method: 'DELETE' }),
  saveMySurvey: (s: string, body: { answers: SurveyAnswers; basedOnVersion: number; submit?: boolean }) =>
    apiRequest<SurveyResponse>(assessmentPaths.mySurvey(s), { method: 'PUT', body }),
  openInvitation: (token: string) =>
    apiRequest<{ answerKey: string; surveyId: string; expiresAt: string }>(`${base}/invitations/open`, {
      method: 'POST',
      body: { token },
    }),
  readByKey: (key: string) =>
    apiRequest<ResponseView>(`${base}/invitation-response`, { headers: { 'x-answer-key': key } }),
  saveByKey: (key: string, body: { answers: SurveyAnswers; basedOnVersion: number; submit?: boolean }) =>
    apiRequest<SurveyResponse>(`${base}/invitation-response`, {
      method: 'PUT',
      body,
      headers: { 'x-answer-key': key },
    }),
  createSurvey: (body: { templateKey: string; year: number; target: SurveyTarget; title?: Localized }) =>
    apiRequest<Survey>(assessmentPaths.surveys(), { method: 'POST', body }),
  openSurvey: (s: string) => apiRequest<SendOutcome>(`${assessmentPaths.survey(s)}/open`, { method: 'POST', body: {} }),
  remindSurvey: (s: string) => apiRequest<SendOutcome>(`${assessmentPaths.survey(s)}/remind`, { method: 'POST' }),
  closeSurvey: (s: string) => apiRequest<Survey>(`${assessmentPaths.survey(s)}/close`, { method: 'POST' }),
};
