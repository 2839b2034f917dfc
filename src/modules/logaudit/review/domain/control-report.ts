/**
 * The control report ("rapport om loggkontroll"): for one period, what was checked and what came of it — lookups in
 * the log and the share with a documented reason, runs, cases flagged and reviewed, outcomes, time to decision,
 * four-eyes approvals, explanation rules, and the patient access logs handed out with the share of rows that carry a
 * documented reason. For the trust's management and the supervisory authority; it holds no names and no per-user
 * figures (purpose limitation: the module is not a tool to measure anyone's work).
 */
import { AppError } from '../../../../platform/errors.js';
import type { DecisionOutcome, DecisionStatus } from '../types.js';

export interface ReportPeriod {
  readonly from: string;
  readonly to: string;
}

export interface ReportInputs {
  readonly organisationName: string;
  readonly datasetName: string;
  readonly period: ReportPeriod;
  readonly generatedAt: Date;
  readonly lookups: { readonly total: number; readonly documented: number };
  readonly daily: readonly { readonly day: string; readonly explained: number; readonly unexplained: number }[];
  readonly runs: readonly {
    readonly finishedAt: Date;
    readonly eventsAdded: number;
    readonly findings: number;
    readonly cases: number;
  }[];
  readonly casesFlagged: number;
  readonly decisions: readonly {
    readonly caseId: string;
    readonly outcome: DecisionOutcome;
    readonly explanationKind: string | null;
    readonly status: DecisionStatus;
    readonly decidedAt: Date;
    readonly reviewedAt: Date | null;
    readonly caseFlaggedAt: Date;
  }[];
  /** Among the period's cases, now. */
  readonly openCasesAtEnd: number;
  readonly pendingApprovalAtEnd: number;
  readonly rules: { readonly active: number; readonly approvedInPeriod: number; readonly retiredInPeriod: number };
  readonly patientLogs: { readonly served: number; readonly lookups: number; readonly documented: number };
  readonly reviewCapacity: number;
}

export interface ControlReport {
  readonly inputs: ReportInputs;
  readonly documentedShare: number | null;
  readonly casesReviewed: number;
  readonly outcomes: Record<
    'legitimate' | 'not_legitimate' | 'follow_up' | 'awaiting_second_reviewer' | 'rejected_by_second_reviewer',
    number
  >;
  readonly legitimateKinds: Record<string, number>;
  readonly daysToDecision: { readonly median: number | null; readonly p90: number | null; readonly count: number };
  readonly patientLogDocumentedShare: number | null;
  readonly weeks: number;
}

const DAY = 24 * 3600 * 1000;

function quantile(sorted: readonly number[], q: number): number | null {
  if (sorted.length === 0) return null;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  const value = (sorted[lo] as number) + ((sorted[hi] as number) - (sorted[lo] as number)) * (pos - lo);
  return Math.round(value * 10) / 10;
}

export function periodDays(period: ReportPeriod): number {
  return Math.round((Date.parse(`${period.to}T00:00:00Z`) - Date.parse(`${period.from}T00:00:00Z`)) / DAY) + 1;
}

export function buildControlReport(inputs: ReportInputs): ControlReport {
  const outcomes = {
    legitimate: 0,
    not_legitimate: 0,
    follow_up: 0,
    awaiting_second_reviewer: 0,
    rejected_by_second_reviewer: 0,
  };
  const legitimateKinds: Record<string, number> = {};
  const times: number[] = [];
  for (const d of inputs.decisions) {
    if (d.outcome === 'not_legitimate') {
      if (d.status === 'pending_approval') outcomes.awaiting_second_reviewer++;
      else if (d.status === 'rejected') outcomes.rejected_by_second_reviewer++;
      else outcomes.not_legitimate++;
    } else outcomes[d.outcome]++;
    if (d.outcome === 'legitimate' && d.explanationKind) {
      legitimateKinds[d.explanationKind] = (legitimateKinds[d.explanationKind] ?? 0) + 1;
    }
    const finalAt = d.outcome === 'not_legitimate' ? (d.status === 'approved' ? d.reviewedAt : null) : d.decidedAt;
    if (finalAt && d.outcome !== 'follow_up')
      times.push(Math.max(0, (finalAt.getTime() - d.caseFlaggedAt.getTime()) / DAY));
  }
  times.sort((a, b) => a - b);
  const { total, documented } = inputs.lookups;
  return {
    inputs,
    documentedShare: total > 0 ? documented / total : null,
    casesReviewed: new Set(inputs.decisions.map((d) => d.caseId)).size,
    outcomes,
    legitimateKinds,
    daysToDecision: { median: quantile(times, 0.5), p90: quantile(times, 0.9), count: times.length },
    patientLogDocumentedShare:
      inputs.patientLogs.lookups > 0 ? inputs.patientLogs.documented / inputs.patientLogs.lookups : null,
    weeks: Math.max(1, Math.round(periodDays(inputs.period) / 7)),
  };
}

/** A period given by the user: two calendar days, from ≤ to, at most three years apart. */
export function checkPeriod(from: string, to: string): ReportPeriod {
  const pattern = /^\d{4}-\d{2}-\d{2}$/;
  const valid = (d: string) =>
    pattern.test(d) &&
    !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) &&
    new Date(`${d}T00:00:00Z`).toISOString().startsWith(d);
  if (!valid(from) || !valid(to) || from > to || periodDays({ from, to }) > 3 * 366) {
    throw new AppError(
      'LOG_REVIEW_PERIOD_INVALID',
      'The period must be two dates (YYYY-MM-DD), from ≤ to, at most three years',
      [{ field: 'from', message: `got ${from} – ${to}` }],
    );
  }
  return { from, to };
}
