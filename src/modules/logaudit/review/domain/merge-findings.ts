/**
 * Merging an analysis run into what the review team already has. Findings are keyed by (case = dataset + user,
 * patient), so a new run updates them in place: scores, reasons and lookups are refreshed, a finding the run no
 * longer flags becomes inactive, and a decided finding stays decided unless the user looked the patient up again
 * after the decision — then it reopens (repeat lookups are exactly what a reviewer must see).
 */
import { deriveCaseStatus } from './case-status.js';
import type { ReasonView, StoredCase, StoredFinding } from '../types.js';

export interface EngineFinding {
  readonly user_id: string;
  readonly patient_id: string;
  readonly score: number;
  readonly first_seen: string;
  readonly last_seen: string;
  readonly events: readonly string[];
  readonly reasons: readonly ReasonView[];
}

export interface EngineCase {
  readonly user_id: string;
  readonly score: number;
}

export interface UserFacts {
  readonly role: string | null;
  readonly departmentId: string | null;
  readonly departmentName: string | null;
}

export interface MergeInput {
  readonly runId: string;
  readonly now: Date;
  readonly existingCases: readonly StoredCase[];
  readonly existingFindings: readonly StoredFinding[];
  readonly findings: readonly EngineFinding[];
  /** The run's cases in rank order (best first). */
  readonly cases: readonly EngineCase[];
  readonly users: ReadonlyMap<string, UserFacts>;
  readonly newCaseId: (userId: string) => string;
  readonly datasetId: string;
}

export interface CaseHistoryEvent {
  readonly caseId: string;
  readonly kind: 'case.flagged' | 'finding.flagged' | 'finding.reopened' | 'finding.cleared';
  readonly detail: Record<string, unknown>;
}

export interface MergeResult {
  readonly cases: StoredCase[];
  readonly findings: StoredFinding[];
  readonly history: CaseHistoryEvent[];
  readonly counts: { newCases: number; newFindings: number; reopenedFindings: number; clearedFindings: number };
}

/** At most this many event ids are kept per finding (the count is kept in full; the workspace has them all). */
export const MAX_STORED_EVENT_IDS = 500;

const key = (caseId: string, patientId: string) => `${caseId}\u0000${patientId}`;

function reasonCodes(findings: readonly StoredFinding[]): string[] {
  const weight = new Map<string, number>();
  for (const f of findings) for (const r of f.reasons) weight.set(r.code, (weight.get(r.code) ?? 0) + r.weight);
  return [...weight.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([code]) => code);
}

export function mergeRun(input: MergeInput): MergeResult {
  const casesByUser = new Map(input.existingCases.map((c) => [c.userId, c]));
  const oldFindings = new Map(input.existingFindings.map((f) => [key(f.caseId, f.patientId), f]));
  const history: CaseHistoryEvent[] = [];
  const counts = { newCases: 0, newFindings: 0, reopenedFindings: 0, clearedFindings: 0 };
  const caseIdOf = new Map<string, string>();
  for (const c of input.existingCases) caseIdOf.set(c.userId, c.id);
  for (const f of input.findings) {
    if (caseIdOf.has(f.user_id)) continue;
    const id = input.newCaseId(f.user_id);
    caseIdOf.set(f.user_id, id);
    counts.newCases++;
    history.push({ caseId: id, kind: 'case.flagged', detail: { runId: input.runId } });
  }

  const merged = new Map<string, StoredFinding>();
  for (const f of input.findings) {
    const caseId = caseIdOf.get(f.user_id) as string;
    const old = oldFindings.get(key(caseId, f.patient_id));
    const lastSeen = new Date(f.last_seen);
    let status = old?.status ?? 'open';
    if (!old) {
      counts.newFindings++;
      history.push({ caseId, kind: 'finding.flagged', detail: { patientId: f.patient_id, runId: input.runId } });
    } else if (
      (old.status === 'legitimate' || old.status === 'not_legitimate' || old.status === 'follow_up') &&
      old.coveredUntil !== null &&
      lastSeen.getTime() > old.coveredUntil.getTime()
    ) {
      status = 'open';
      counts.reopenedFindings++;
      history.push({
        caseId,
        kind: 'finding.reopened',
        detail: { patientId: f.patient_id, previousStatus: old.status, lookupAfterDecision: lastSeen.toISOString() },
      });
    }
    merged.set(key(caseId, f.patient_id), {
      caseId,
      patientId: f.patient_id,
      score: f.score,
      firstSeen: new Date(f.first_seen),
      lastSeen,
      eventIds: f.events.slice(0, MAX_STORED_EVENT_IDS),
      eventCount: f.events.length,
      reasons: [...f.reasons],
      active: true,
      status,
      decisionId: old?.decisionId ?? null,
      coveredUntil: old?.coveredUntil ?? null,
      firstFlaggedAt: old?.firstFlaggedAt ?? input.now,
      lastRunId: input.runId,
    });
  }
  for (const old of input.existingFindings) {
    const k = key(old.caseId, old.patientId);
    if (merged.has(k)) continue;
    if (old.active) {
      counts.clearedFindings++;
      history.push({
        caseId: old.caseId,
        kind: 'finding.cleared',
        detail: { patientId: old.patientId, runId: input.runId },
      });
    }
    merged.set(k, { ...old, active: false });
  }

  const findingsByCase = new Map<string, StoredFinding[]>();
  for (const f of merged.values()) {
    const list = findingsByCase.get(f.caseId) ?? [];
    list.push(f);
    findingsByCase.set(f.caseId, list);
  }
  const rankOf = new Map(input.cases.map((c, i) => [c.user_id, { rank: i + 1, score: c.score }]));
  const cases: StoredCase[] = [];
  for (const [userId, caseId] of caseIdOf) {
    const findings = findingsByCase.get(caseId) ?? [];
    const active = findings.filter((f) => f.active);
    const old = casesByUser.get(userId);
    const ranked = rankOf.get(userId);
    const facts = input.users.get(userId);
    const seen = (active.length > 0 ? active : findings).map((f) => [f.firstSeen.getTime(), f.lastSeen.getTime()]);
    cases.push({
      id: caseId,
      datasetId: input.datasetId,
      userId,
      status: deriveCaseStatus(findings),
      score: ranked?.score ?? old?.score ?? 0,
      rank: ranked?.rank ?? null,
      activeFindings: active.length,
      reasonCodes: reasonCodes(active.length > 0 ? active : findings),
      userRole: facts?.role ?? old?.userRole ?? null,
      departmentId: facts?.departmentId ?? old?.departmentId ?? null,
      departmentName: facts?.departmentName ?? old?.departmentName ?? null,
      firstSeen: new Date(Math.min(...seen.map((s) => s[0] as number))),
      lastSeen: new Date(Math.max(...seen.map((s) => s[1] as number))),
      firstFlaggedAt: old?.firstFlaggedAt ?? input.now,
      lastRunId: input.runId,
      updatedAt: input.now,
    });
  }
  return { cases, findings: [...merged.values()], history, counts };
}
