/**
 * Analyse what a workspace holds: score every user–patient pair, rank to the review team's capacity, attach reasons
 * and events, group into cases, and (optionally) write findings.ndjson and scores.csv exactly as the contract says.
 */
import fs from 'node:fs';
import { defaultBudget, groupIntoCases, reasonsFor, type Case, type Finding } from '../domain/findings.js';
import type { ReasonFacts } from '../domain/reasons.js';
import { formatInZone } from '../domain/time.js';
import { runAnalysis, type AnalysisWindow } from '../workspace/analysis-sql.js';
import {
  analysisTotals,
  eventIdsFor,
  saveRun,
  topPairs,
  writeScoresCsv,
  type AnalysisTotals,
  type ScoredPair,
} from '../workspace/findings-repository.js';
import type { Workspace } from '../workspace/workspace.js';

export interface AnalyzeOptions {
  /** Most findings to return (the review team's capacity). Default: one per 1,000 lookups analysed. */
  readonly budget?: number;
  readonly window?: AnalysisWindow;
  /** Write findings.ndjson here. */
  readonly findingsPath?: string;
  /** Write scores.csv (every pair) here. */
  readonly scoresPath?: string;
  /** Write cases (one JSON object per user) here. */
  readonly casesPath?: string;
  /** Keep the run and its findings in the workspace. */
  readonly saveRun?: boolean;
  readonly now: Date;
  readonly onStep?: (name: string, index: number, total: number) => void;
}

export interface AnalysisResult {
  readonly runId: number | null;
  readonly totals: AnalysisTotals;
  readonly explainedShare: number;
  readonly budget: number;
  readonly findings: readonly Finding[];
  readonly cases: readonly Case[];
}

/** Findings below this score are not worth a reviewer's time even when the budget allows more. */
export const MIN_FINDING_SCORE = 0.05;

function hoursText(mask: number): string {
  const hours: string[] = [];
  for (let h = 0; h < 24; h++) if ((mask >> h) & 1) hours.push(String(h).padStart(2, '0'));
  return hours.join(', ');
}

function factsOf(pair: ScoredPair): ReasonFacts {
  const f = pair.facts;
  const num = (v: number | null | undefined): number | undefined => (v === null || v === undefined ? undefined : v);
  return {
    userUnexplainedPatients: num(f.breadth),
    peerTypical: num(f.breadth_typical),
    userStrangers: num(f.strangers),
    userStrangersShare: num(f.strangers_share),
    strangersShareTypical: num(f.strangers_typical),
    userExportedPatients: num(f.exported),
    exportedTypical: num(f.exported_typical),
    userPatientsInOneHour: num(f.rapid_here || f.rapid),
    patientUsersOneDay: num(f.day_max),
    patientUsersTypical: num(f.day_typical),
    patientUnitsFewDays: num(f.spell_units),
    userResearchPatients: num(f.research_others),
    userResearchDocumented: num(f.research_documented),
    departmentPeers: num(f.peers),
    departmentSize: num(f.dept_size),
    familyNameCount: num(f.name_n),
    fullNameCount: num(f.full_name_n),
    sameNamePatients: num(f.name_series),
    userPatientsOneWeek: num(f.week_n),
    userPatientsUsualWeek: num(f.week_usual),
    userUnfamiliarOneDay: num(f.day_n),
    userUnfamiliarUsualDay: num(f.day_usual),
    userExportedOneDay: num(f.exported_day),
    userExportedUsualDay: num(f.exported_usual),
    userExportedBeforeLeaving: num(f.leaving_n),
    exportedBeforeLeavingExpected: num(f.leaving_expected),
    weeks: num(f.n_weeks_unexplained),
    followUpOffHours: f.follow_up_off_hours === 1,
    employeeByName: f.employee_by_name === 1,
    hours: hoursText(pair.hours_undocumented),
  };
}

export async function analyzeWorkspace(ws: Workspace, options: AnalyzeOptions): Promise<AnalysisResult> {
  const window = options.window ?? { from: null, to: null };
  await runAnalysis(ws.db, window, options.onStep);
  const totals = await analysisTotals(ws.db);
  const budget = options.budget ?? defaultBudget(totals.events);
  const pairs = await topPairs(ws.db, budget, MIN_FINDING_SCORE);
  const events = await eventIdsFor(ws.db, pairs, window);
  const findings: Finding[] = pairs.map((p) => ({
    user_id: p.user_id,
    patient_id: p.patient_id,
    score: p.score,
    first_seen: formatInZone(p.first_ms, ws.timezone),
    last_seen: formatInZone(p.last_ms, ws.timezone),
    events: events.get(`${p.uid}:${p.pid}`) ?? [],
    reasons: reasonsFor(p.state, p.strengths, factsOf(p)),
  }));
  const cases = groupIntoCases(findings);
  if (options.findingsPath) {
    fs.writeFileSync(
      options.findingsPath,
      findings.map((f) => JSON.stringify(f)).join('\n') + (findings.length ? '\n' : ''),
    );
  }
  if (options.casesPath) {
    fs.writeFileSync(options.casesPath, cases.map((c) => JSON.stringify(c)).join('\n') + (cases.length ? '\n' : ''));
  }
  if (options.scoresPath) await writeScoresCsv(ws.db, options.scoresPath);
  const caseOf = new Map(cases.map((c) => [c.user_id, c.case_id]));
  const runId =
    options.saveRun === false
      ? null
      : await saveRun(
          ws.db,
          { createdAt: options.now, window, budget, totals },
          findings.map((f) => ({ ...f, case_id: caseOf.get(f.user_id) ?? '' })),
        );
  return {
    runId,
    totals,
    explainedShare: totals.events > 0 ? totals.explainedEvents / totals.events : 0,
    budget,
    findings,
    cases,
  };
}
