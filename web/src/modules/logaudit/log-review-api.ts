/**
 * The log-review API as the web UI uses it: paths, answer types (the server module's types, with dates as the ISO
 * strings they are on the wire) and the changes the UI makes.
 */
import { apiRequest, withQuery } from '../../api/client.js';
import type {
  AllowedFolder,
  CaseDetail,
  CaseList,
  ControlReport,
  Dataset,
  Decision,
  DatasetOverview,
  ExplanationRuleRecord,
  PatientLog,
  Run,
  RuleDraft,
  Upload,
} from '../../../../src/modules/logaudit/review/index.js';

/** A server type as JSON delivers it: every Date is an ISO string. */
export type Wire<T> = T extends Date
  ? string
  : T extends readonly (infer U)[]
    ? Wire<U>[]
    : T extends object
      ? { [K in keyof T]: Wire<T[K]> }
      : T;

export type DatasetView = Wire<Dataset>;
export type RunView = Wire<Run>;
export type DatasetOverviewView = Wire<DatasetOverview>;
export type DatasetDetailView = Wire<DatasetOverview & { uploads: Upload[] }>;
export type CaseListView = Wire<CaseList>;
export type CaseDetailView = Wire<CaseDetail>;
export type DecisionView = Wire<Decision>;
export type RuleView = Wire<ExplanationRuleRecord>;
export type FolderView = Wire<AllowedFolder>;
export type PatientLogView = Wire<PatientLog> & { readonly organisationName?: string | null };
export type ReportView = Wire<ControlReport>;
export type { RuleDraft };

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

export const base = '/api/v1/log-review';
const ds = (id: string) => `${base}/datasets/${encodeURIComponent(id)}`;

export const logReviewPaths = {
  datasets: `${base}/datasets`,
  dataset: ds,
  runs: (id: string) => `${ds(id)}/runs`,
  run: (id: string, runId: string) => `${ds(id)}/runs/${encodeURIComponent(runId)}`,
  cases: (id: string, filter: Readonly<Record<string, string | undefined>>) => withQuery(`${ds(id)}/cases`, filter),
  caseItem: (id: string, caseId: string, showNames: boolean) =>
    withQuery(`${ds(id)}/cases/${encodeURIComponent(caseId)}`, { showNames: showNames ? 'true' : undefined }),
  report: (id: string, from: string, to: string) => withQuery(`${ds(id)}/report`, { from, to }),
  reportFile: (id: string, format: 'pdf' | 'xlsx', from: string, to: string, lang: string) =>
    withQuery(`${ds(id)}/report/${format}`, { from, to, lang }),
  rules: (status?: string) => withQuery(`${base}/rules`, { status }),
  rule: (ruleId: string) => `${base}/rules/${encodeURIComponent(ruleId)}`,
  folders: `${base}/folders`,
};

/** The reason for a view goes in a header, URI-encoded (headers carry only Latin-1). */
const reasonHeader = (reason: string) => ({ 'x-view-reason': encodeURIComponent(reason) });

export const logReviewActions = {
  createDataset: (body: {
    name: string;
    source: 'upload' | 'folder';
    folderId?: string | null;
    reviewCapacity?: number;
    findingBudget?: number | null;
    patientLogNames?: boolean;
  }) => apiRequest<DatasetView>(logReviewPaths.datasets, { method: 'POST', body }),
  updateDataset: (id: string, body: { name: string; reviewCapacity?: number; patientLogNames?: boolean }) =>
    apiRequest<DatasetView>(ds(id), { method: 'PATCH', body }),
  upload: (id: string, files: readonly File[]) => {
    const form = new FormData();
    for (const file of files) form.append('files', file, file.name);
    return apiRequest<Wire<Upload>>(`${ds(id)}/uploads`, { method: 'POST', body: form });
  },
  startRun: (id: string) => apiRequest<RunView>(logReviewPaths.runs(id), { method: 'POST' }),
  run: (id: string, runId: string) => apiRequest<RunView>(logReviewPaths.run(id, runId)),
  openCase: (id: string, caseId: string, reason: string, showNames: boolean) =>
    apiRequest<CaseDetailView>(logReviewPaths.caseItem(id, caseId, showNames), { headers: reasonHeader(reason) }),
  decide: (
    id: string,
    caseId: string,
    body: {
      outcome: 'legitimate' | 'not_legitimate' | 'follow_up';
      explanationKind?: string | null;
      justification: string;
      followUpContact?: string | null;
      followUpRole?: 'manager' | 'hr' | null;
      patientIds?: string[];
      proposeRule?: RuleDraft | null;
    },
  ) => apiRequest<DecisionView>(`${ds(id)}/cases/${encodeURIComponent(caseId)}/decisions`, { method: 'POST', body }),
  review: (id: string, caseId: string, decisionId: string, body: { approve: boolean; note: string }) =>
    apiRequest<DecisionView>(
      `${ds(id)}/cases/${encodeURIComponent(caseId)}/decisions/${encodeURIComponent(decisionId)}/review`,
      { method: 'POST', body },
    ),
  patientLog: (
    id: string,
    body: { patientId: string; from?: string; to?: string; lang: 'nb' | 'en'; reason: string },
  ) => apiRequest<PatientLogView>(`${ds(id)}/patient-log`, { method: 'POST', body }),
  portalLink: (id: string, body: { patientId: string; from: string; to: string; reason: string }) =>
    apiRequest<{ path: string; expiresAt: string }>(`${ds(id)}/portal-links`, { method: 'POST', body }),
  proposeRule: (draft: RuleDraft, reason: string) =>
    apiRequest<RuleView>(`${base}/rules`, { method: 'POST', body: { draft, reason } }),
  changeRule: (
    ruleId: string,
    body: {
      action: 'approve' | 'reject' | 'edit' | 'retire' | 'reinstate';
      reason: string;
      draft?: RuleDraft;
      expectedVersion?: number;
    },
  ) => apiRequest<RuleView>(`${logReviewPaths.rule(ruleId)}/actions`, { method: 'POST', body }),
  portalLog: (token: string, lang: 'nb' | 'en') =>
    apiRequest<PatientLogView>(withQuery(`${base}/portal/access-log`, { lang }), {
      headers: { 'x-access-log-token': token },
    }),
  demoLink: () => apiRequest<{ path: string; expiresAt: string }>(`${base}/portal/demo-link`, { method: 'POST' }),
};
