/**
 * Findings (flagged user–patient pairs) and cases (the findings of one user, which is how a review team works).
 * Plain functions: reasons from signal strengths, deterministic ordering, grouping into cases.
 */
import { reason, type Reason, type ReasonCode, type ReasonFacts } from './reasons.js';
import { contributions, MIN_REASON_CONTRIBUTION, SIGNALS, type ExplanationState } from './scoring.js';

export interface Finding {
  readonly user_id: string;
  readonly patient_id: string;
  readonly score: number;
  readonly first_seen: string;
  readonly last_seen: string;
  readonly events: readonly string[];
  readonly reasons: readonly Reason[];
}

export interface Case {
  readonly case_id: string;
  readonly user_id: string;
  readonly score: number;
  readonly findings: number;
  readonly patients: readonly string[];
  readonly top_reasons: readonly ReasonCode[];
}

/** Signal strengths of one pair, keyed by column name (s_self, s_address, …). */
export type SignalStrengths = Readonly<Record<string, number | null | undefined>>;

/** Reasons for a pair, strongest first (ties by code); always at least the strongest one. */
export function reasonsFor(state: ExplanationState, strengths: SignalStrengths, facts: ReasonFacts): Reason[] {
  const weights = contributions(state, (signal) => Number(strengths[signal.column] ?? 0));
  const scored = SIGNALS.map((signal, i) => ({ code: signal.code, weight: weights[i] as number }))
    .filter((r) => r.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.code.localeCompare(b.code));
  const shown = scored.filter((r, i) => i === 0 || r.weight >= MIN_REASON_CONTRIBUTION);
  return shown.map((r) => reason(r.code, r.weight, facts));
}

/** Highest score first; ties broken by user_id, then patient_id (byte order, so the same on every machine). */
export function compareFindings(a: Pick<Finding, 'score' | 'user_id' | 'patient_id'>, b: typeof a): number {
  if (a.score !== b.score) return b.score - a.score;
  if (a.user_id !== b.user_id) return a.user_id < b.user_id ? -1 : 1;
  if (a.patient_id !== b.patient_id) return a.patient_id < b.patient_id ? -1 : 1;
  return 0;
}

/**
 * Group findings per user. The case score is the best finding, raised by each further finding of the same user
 * (1 − (1 − max) · 0.9^(n − 1)): one strong finding or many medium ones both make a case worth opening.
 */
export function groupIntoCases(findings: readonly Finding[]): Case[] {
  const byUser = new Map<string, Finding[]>();
  for (const f of findings) {
    const list = byUser.get(f.user_id) ?? [];
    list.push(f);
    byUser.set(f.user_id, list);
  }
  const cases: Case[] = [];
  for (const [userId, list] of byUser) {
    const sorted = [...list].sort(compareFindings);
    const max = sorted[0]?.score ?? 0;
    const score = Math.round((1 - (1 - max) * Math.pow(0.9, sorted.length - 1)) * 1e6) / 1e6;
    const reasonWeight = new Map<ReasonCode, number>();
    for (const f of sorted)
      for (const r of f.reasons) reasonWeight.set(r.code, (reasonWeight.get(r.code) ?? 0) + r.weight);
    const top = [...reasonWeight.entries()]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, 3)
      .map(([c]) => c);
    cases.push({
      case_id: `case-${userId}`,
      user_id: userId,
      score,
      findings: sorted.length,
      patients: sorted.map((f) => f.patient_id),
      top_reasons: top,
    });
  }
  return cases.sort((a, b) => b.score - a.score || (a.user_id < b.user_id ? -1 : a.user_id > b.user_id ? 1 : 0));
}

/** Default review budget: one finding per 1,000 lookups analysed (at least one). */
export function defaultBudget(events: number): number {
  return Math.max(1, Math.ceil(events / 1000));
}
