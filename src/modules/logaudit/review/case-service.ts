/**
 * The case list and the case page. The list is pseudonymous (user id, role, unit, score, reasons) and only ever
 * shows flagged users: there is no way to list what anyone else did. Opening a case needs a stated reason and is
 * written to the audit trail; names of the user and the patients are shown only when the reviewer asks for them
 * in that view (also audited).
 */
import { casesOfDataset, findingsOfCase } from './case-repository.js';
import { caseHistory, decisionsOfCase } from './decision-repository.js';
import { readCase, type CaseWorkspaceView } from './case-queries.js';
import { suggestRule, type RuleDraft } from './domain/rules.js';
import { audit, checkViewReason, loadCase, loadDataset, type ReviewContext } from './review-access.js';
import { withWorkspace, workspaceDir } from './workspace-pool.js';
import type { CaseStatus, Decision, HistoryEntry, StoredCase, StoredFinding } from './types.js';

export interface CaseFilter {
  readonly status?: CaseStatus | 'active' | 'all';
  readonly reason?: string;
  readonly department?: string;
  readonly from?: string;
  readonly to?: string;
}

export interface CaseListItem {
  readonly id: string;
  readonly userId: string;
  readonly role: string | null;
  readonly departmentId: string | null;
  readonly departmentName: string | null;
  readonly status: CaseStatus;
  readonly score: number;
  readonly rank: number | null;
  readonly activeFindings: number;
  readonly reasonCodes: string[];
  readonly firstSeen: Date;
  readonly lastSeen: Date;
  readonly firstFlaggedAt: Date;
  /** Among the first `reviewCapacity` open cases by rank: what the team can do this week. */
  readonly withinCapacity: boolean;
}

export interface CaseList {
  readonly reviewCapacity: number;
  readonly counts: Record<CaseStatus, number>;
  readonly departments: { id: string; name: string | null }[];
  readonly reasons: string[];
  readonly cases: CaseListItem[];
}

const ACTIVE: readonly CaseStatus[] = ['open', 'pending_approval', 'follow_up'];

function byRank(a: StoredCase, b: StoredCase): number {
  const ra = a.rank ?? Number.MAX_SAFE_INTEGER;
  const rb = b.rank ?? Number.MAX_SAFE_INTEGER;
  return ra - rb || b.score - a.score || (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0);
}

export async function listCases(ctx: ReviewContext, datasetId: string, filter: CaseFilter): Promise<CaseList> {
  const dataset = await loadDataset(ctx, datasetId);
  const cases = (await casesOfDataset(ctx.db, dataset.id)).sort(byRank);
  const counts = { open: 0, pending_approval: 0, follow_up: 0, closed: 0, inactive: 0 } as Record<CaseStatus, number>;
  for (const c of cases) counts[c.status]++;
  const capacity = new Set(
    cases
      .filter((c) => c.status === 'open')
      .slice(0, dataset.reviewCapacity)
      .map((c) => c.id),
  );
  const status = filter.status ?? 'active';
  const from = filter.from ? Date.parse(`${filter.from}T00:00:00Z`) : null;
  const to = filter.to ? Date.parse(`${filter.to}T23:59:59Z`) : null;
  const shown = cases.filter(
    (c) =>
      (status === 'all' || (status === 'active' ? ACTIVE.includes(c.status) : c.status === status)) &&
      (!filter.reason || c.reasonCodes.includes(filter.reason)) &&
      (!filter.department || c.departmentId === filter.department) &&
      (from === null || c.lastSeen.getTime() >= from) &&
      (to === null || c.firstSeen.getTime() <= to),
  );
  const departments = new Map<string, string | null>();
  for (const c of cases) if (c.departmentId) departments.set(c.departmentId, c.departmentName);
  return {
    reviewCapacity: dataset.reviewCapacity,
    counts,
    departments: [...departments.entries()]
      .map(([id, name]) => ({ id, name }))
      .sort((a, b) => (a.name ?? a.id).localeCompare(b.name ?? b.id, 'nb')),
    reasons: [...new Set(cases.flatMap((c) => c.reasonCodes))].sort(),
    cases: shown.map((c) => ({
      id: c.id,
      userId: c.userId,
      role: c.userRole,
      departmentId: c.departmentId,
      departmentName: c.departmentName,
      status: c.status,
      score: c.score,
      rank: c.rank,
      activeFindings: c.activeFindings,
      reasonCodes: c.reasonCodes.slice(0, 5),
      firstSeen: c.firstSeen,
      lastSeen: c.lastSeen,
      firstFlaggedAt: c.firstFlaggedAt,
      withinCapacity: capacity.has(c.id),
    })),
  };
}

export interface CaseDetail {
  readonly case: StoredCase;
  readonly findings: StoredFinding[];
  readonly decisions: Decision[];
  readonly history: HistoryEntry[];
  readonly workspace: CaseWorkspaceView;
  readonly namesShown: boolean;
  readonly period: { from: string; to: string };
  readonly ruleSuggestion: RuleDraft;
}

const DAY = 24 * 3600 * 1000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

function initials(given: string | null, family: string | null): string | null {
  const letters = [given, family]
    .map((n) => (n ? `${n.trim().charAt(0)}.` : ''))
    .join(' ')
    .trim();
  return letters === '' ? null : letters;
}

/** Pseudonymous view: names become initials. */
function withoutNames(view: CaseWorkspaceView): CaseWorkspaceView {
  return {
    ...view,
    user: view.user
      ? {
          ...view.user,
          givenName: initials(view.user.givenName, null),
          familyName: initials(null, view.user.familyName),
        }
      : null,
    patients: view.patients.map((p) => ({
      ...p,
      givenName: initials(p.givenName, null),
      familyName: initials(null, p.familyName),
    })),
  };
}

export async function openCase(
  ctx: ReviewContext & { dataDir: string },
  datasetId: string,
  caseId: string,
  options: { reason: string | undefined; showNames: boolean },
): Promise<CaseDetail> {
  const reason = checkViewReason(options.reason);
  const { dataset, case: found } = await loadCase(ctx, datasetId, caseId);
  const findings = await findingsOfCase(ctx.db, found.id);
  const patientIds = findings.map((f) => f.patientId);
  const first = Math.min(...findings.map((f) => f.firstSeen.getTime()));
  const last = Math.max(...findings.map((f) => f.lastSeen.getTime()));
  const period = { from: isoDay(first - 14 * DAY), to: isoDay(last + 14 * DAY) };
  await audit(
    ctx,
    'logreview.case.view',
    { type: 'case', id: found.id },
    { reason, datasetId: dataset.id, namesShown: options.showNames, patients: patientIds.length },
    'success',
    dataset.organisationId,
  );
  const dir = workspaceDir(ctx.dataDir, dataset.organisationId, dataset.id);
  const view = await withWorkspace(dir, { purpose: 'case view', waitMs: 5000 }, (ws) =>
    readCase(ws, found.userId, patientIds, period.from, period.to),
  );
  const best = findings.find((f) => f.active) ?? findings[0];
  const encounterKind = best ? (view.encounters.find((e) => e.patientId === best.patientId)?.kind ?? null) : null;
  return {
    case: found,
    findings,
    decisions: await decisionsOfCase(ctx.db, found.id),
    history: await caseHistory(ctx.db, found.id),
    workspace: options.showNames ? view : withoutNames(view),
    namesShown: options.showNames,
    period,
    ruleSuggestion: suggestRule({
      userRole: found.userRole,
      departmentId: found.departmentId,
      departmentName: found.departmentName,
      encounterKind,
    }),
  };
}
