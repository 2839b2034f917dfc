/**
 * The reporting API as the web UI uses it: paths, answer types (from the server module, with dates as the ISO
 * strings they are on the wire) and the changes the UI makes.
 */
import { apiRequest, withQuery } from '../../api/client.js';
import type {
  ContributionLevel,
  CycleState,
  Evidence,
  ImplementationStatus,
  Indicator,
  ReminderPolicy,
  ReportAction,
  ReportState,
  SectorReportSnapshot,
  UnplacedMeasure,
} from '../../../../src/modules/reporting/index.js';

export type { ContributionLevel, ImplementationStatus, Indicator, ReportState, SectorReportSnapshot, UnplacedMeasure };

export const implementationStatuses: readonly ImplementationStatus[] = [
  'not-started',
  'planned',
  'in-progress',
  'in-operation',
  'completed',
  'stopped',
];
export const reportStates: readonly ReportState[] = ['draft', 'submitted', 'returned', 'approved'];
export const contributionLevels: readonly ContributionLevel[] = ['not-assessed', 'none', 'low', 'medium', 'high'];

type Iso = string;
type WireEvidence = Omit<Evidence, 'addedAt'> & { readonly addedAt: Iso };

export interface CycleView {
  readonly id: string;
  readonly year: number;
  readonly editionId: string;
  readonly dueDate: string;
  readonly state: CycleState;
  readonly openedAt: Iso;
  readonly openedBy: string;
  readonly closedAt: Iso | null;
  readonly delegations: Record<string, string>;
  readonly reminderPolicy: ReminderPolicy;
  readonly gap: UnplacedMeasure[];
  readonly counts: Record<ReportState, number>;
  readonly total: number;
}

export interface ActorRef {
  readonly id: string;
  readonly name: string;
  readonly shortName: string;
}

export interface ReportSummary {
  readonly id: string;
  readonly cycleId: string;
  readonly year: number;
  readonly measure: { readonly id: string; readonly title: string; readonly areaId: string; readonly areaName: string };
  readonly actor: ActorRef;
  readonly reporterActor: ActorRef;
  readonly state: ReportState;
  readonly status: ImplementationStatus | null;
  readonly revision: number;
  readonly updatedAt: Iso;
  readonly submittedAt: Iso | null;
  readonly approvedAt: Iso | null;
  readonly reviewComment: string | null;
}

export interface ReportContentView {
  readonly status: ImplementationStatus | null;
  readonly progress: string;
  readonly contribution: { readonly level: ContributionLevel; readonly text: string };
  readonly indicators: readonly Indicator[];
  readonly nextSteps: string;
  readonly blockers: string;
  readonly contact: { readonly name: string; readonly email: string; readonly phone: string };
}

export type WorkflowAction = 'edit' | 'submit' | 'return' | 'approve';

export interface ReportView extends ReportSummary, ReportContentView {
  readonly editionId: string;
  readonly measureDetail: { readonly description: string; readonly areaGoal: string; readonly kind: string };
  readonly evidence: readonly WireEvidence[];
  readonly updatedBy: string | null;
  readonly approvedBy: string | null;
  readonly cycle: {
    readonly id: string;
    readonly year: number;
    readonly dueDate: string;
    readonly state: string;
  } | null;
  readonly actions: readonly {
    readonly action: WorkflowAction;
    readonly allowed: boolean;
    readonly reason: string | null;
  }[];
  readonly earlier: readonly (Omit<ReportContentView, 'contact'> & {
    readonly id: string;
    readonly year: number;
    readonly approvedAt: Iso | null;
  })[];
}

export interface RevisionView {
  readonly revision: number;
  readonly at: Iso;
  readonly authorName: string;
  readonly action: ReportAction;
  readonly state: ReportState;
  readonly comment: string | null;
  readonly changedFields: readonly string[];
}

export interface OverviewView {
  readonly cycle: Omit<CycleView, 'counts' | 'total'>;
  readonly daysLeft: number;
  readonly counts: Record<ReportState, number>;
  readonly total: number;
  readonly actors: readonly {
    readonly actorId: string;
    readonly name: string;
    readonly shortName: string;
    readonly expected: number;
    readonly counts: Record<ReportState, number>;
    readonly outstanding: readonly { reportId: string; measureId: string; measureTitle: string; state: ReportState }[];
    readonly lastReminder: { readonly kind: string; readonly sentAt: Iso } | null;
    readonly reminders: number;
    readonly contacts: number;
  }[];
  readonly outbox: { readonly pending: number; readonly sent: number; readonly failed: number };
}

export interface PublicationView {
  readonly id: string;
  readonly cycleId: string;
  readonly year: number;
  readonly version: number;
  readonly title: string;
  readonly publishedAt: Iso;
  readonly publishedBy: string;
  readonly contentHash: string;
}

export interface GroupView {
  readonly id: string;
  readonly name: string;
  readonly expected: number;
  readonly approved: number;
  readonly counts: Record<ImplementationStatus, number>;
  readonly inPlaceShare: number | null;
}

export interface TrendPointView {
  readonly year: number;
  readonly approved: number;
  readonly counts: Record<ImplementationStatus, number>;
  readonly inPlaceShare: number | null;
}

export interface DashboardView {
  readonly published: readonly {
    id: string;
    year: number;
    version: number;
    publishedAt: Iso;
    approved: number;
    expected: number;
    inPlaceShare: number | null;
  }[];
  readonly latest: {
    readonly year: number;
    readonly reportId: string;
    readonly overall: Record<ImplementationStatus, number>;
    readonly byArea: readonly GroupView[];
    readonly byActor: readonly (GroupView & { shortName?: string })[];
    readonly gap: readonly UnplacedMeasure[];
    readonly changes: Record<string, number>;
    readonly totals: { expected: number; approved: number; missing: number; measures: number; unplaced: number };
  } | null;
  readonly trend: readonly TrendPointView[];
  readonly areaTrend: readonly { id: string; name: string; points: readonly TrendPointView[] }[];
  readonly openCycles: readonly {
    id: string;
    year: number;
    dueDate: string;
    daysLeft: number;
    total: number;
    counts: Record<ReportState, number>;
  }[];
}

export interface NotificationView {
  readonly id: number;
  readonly kind: string;
  readonly reportId: string | null;
  readonly params: Record<string, unknown>;
  readonly createdAt: Iso;
  readonly readAt: Iso | null;
}

export interface TodoView {
  readonly items: readonly (ReportSummary & { readonly dueDate: string; readonly daysLeft: number })[];
  readonly counts: Record<ReportState, number>;
  readonly notifications: readonly NotificationView[];
  readonly unread: number;
}

const base = '/api/v1/reporting';
export const reportingPaths = {
  cycles: () => `${base}/cycles`,
  cycle: (id: string) => `${base}/cycles/${encodeURIComponent(id)}`,
  overview: (id: string) => `${base}/cycles/${encodeURIComponent(id)}/overview`,
  preview: (id: string) => `${base}/cycles/${encodeURIComponent(id)}/sector-report/preview`,
  reports: (query: { cycleId?: string; state?: string; actorId?: string; measureId?: string }) =>
    withQuery(`${base}/reports`, query),
  report: (id: string) => `${base}/reports/${encodeURIComponent(id)}`,
  history: (id: string) => `${base}/reports/${encodeURIComponent(id)}/history`,
  evidenceFile: (reportId: string, evidenceId: string) =>
    `${base}/reports/${encodeURIComponent(reportId)}/evidence/${encodeURIComponent(evidenceId)}/file`,
  sectorReports: (cycleId?: string) => withQuery(`${base}/sector-reports`, { cycleId }),
  sectorReport: (id: string) => `${base}/sector-reports/${encodeURIComponent(id)}`,
  download: (id: string, format: 'pdf' | 'xlsx' | 'csv', lang: string) =>
    withQuery(`${base}/sector-reports/${encodeURIComponent(id)}/report.${format}`, {
      lang: lang === 'en' ? 'en' : undefined,
    }),
  dashboard: () => `${base}/dashboard`,
  my: () => `${base}/my`,
};

export type ContentPatch = Partial<ReportContentView> & { expectedRevision?: number };

export const reportingActions = {
  openCycle: (body: { year: number; dueDate: string; delegations?: Record<string, string> }) =>
    apiRequest<CycleView>(reportingPaths.cycles(), { method: 'POST', body }),
  closeCycle: (id: string) => apiRequest<CycleView>(`${reportingPaths.cycle(id)}/close`, { method: 'POST', body: {} }),
  remind: (cycleId: string, actorId: string) =>
    apiRequest<unknown>(`${reportingPaths.cycle(cycleId)}/reminders`, { method: 'POST', body: { actorId } }),
  publish: (cycleId: string) =>
    apiRequest<PublicationView>(`${reportingPaths.cycle(cycleId)}/sector-reports`, { method: 'POST', body: {} }),
  save: (id: string, patch: ContentPatch) =>
    apiRequest<ReportView>(reportingPaths.report(id), { method: 'PATCH', body: patch }),
  submit: (id: string, patch: ContentPatch) =>
    apiRequest<ReportView>(`${reportingPaths.report(id)}/submit`, { method: 'POST', body: patch }),
  returnReport: (id: string, comment: string, expectedRevision: number) =>
    apiRequest<ReportView>(`${reportingPaths.report(id)}/return`, {
      method: 'POST',
      body: { comment, expectedRevision },
    }),
  approve: (id: string, expectedRevision: number) =>
    apiRequest<ReportView>(`${reportingPaths.report(id)}/approve`, { method: 'POST', body: { expectedRevision } }),
  addLink: (id: string, title: string, url: string) =>
    apiRequest<WireEvidence>(`${reportingPaths.report(id)}/evidence/links`, { method: 'POST', body: { title, url } }),
  addFile: (id: string, title: string, file: File) => {
    const form = new FormData();
    form.append('title', title);
    form.append('file', file);
    return apiRequest<WireEvidence>(`${reportingPaths.report(id)}/evidence/files`, { method: 'POST', body: form });
  },
  removeEvidence: (id: string, evidenceId: string) =>
    apiRequest<void>(`${reportingPaths.report(id)}/evidence/${encodeURIComponent(evidenceId)}`, { method: 'DELETE' }),
  markRead: (notificationId: number) =>
    apiRequest<void>(`${base}/notifications/${notificationId}/read`, { method: 'POST', body: {} }),
};
