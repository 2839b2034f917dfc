/** The review workflow's plain functions: merging runs, case status, decisions, rules, the patient log, the report. */
import { describe, expect, it } from 'vitest';
import type { StoredCase, StoredFinding } from '../types.js';
import { deriveCaseStatus } from './case-status.js';
import { buildControlReport, checkPeriod } from './control-report.js';
import { checkDecision, checkSecondReviewer, recordedStates } from './decisions.js';
import { mergeRun, type EngineFinding } from './merge-findings.js';
import { buildPatientLog, coveringEncounter, type PatientLookup } from './patient-log.js';
import { checkRuleDraft, nextRuleStatus, rulesHash, type WorkspaceRule } from './rules.js';

const now = new Date('2026-04-01T10:00:00Z');
const finding = (patient: string, lastSeen: string, score = 0.8): EngineFinding => ({
  user_id: 'u1',
  patient_id: patient,
  score,
  first_seen: '2026-03-02T08:00:00+01:00',
  last_seen: lastSeen,
  events: ['e1', 'e2'],
  reasons: [{ code: 'NO_RELATION', weight: 0.1, text_nb: 'nb', text_en: 'en' }],
});

function merge(existingCases: StoredCase[], existingFindings: StoredFinding[], findings: EngineFinding[]) {
  return mergeRun({
    runId: 'run-2',
    now,
    datasetId: 'd1',
    existingCases,
    existingFindings,
    findings,
    cases: findings.length > 0 ? [{ user_id: 'u1', score: 0.9 }] : [],
    users: new Map([['u1', { role: 'nurse', departmentId: 'D1', departmentName: 'Sengepost' }]]),
    newCaseId: () => 'case-new',
  });
}

describe('merging a run into the cases', () => {
  const first = merge([], [], [finding('p1', '2026-03-02T09:00:00+01:00'), finding('p2', '2026-03-03T09:00:00+01:00')]);

  it('opens one case per user with its findings, ranked', () => {
    expect(first.cases).toHaveLength(1);
    expect(first.cases[0]).toMatchObject({
      id: 'case-new',
      status: 'open',
      rank: 1,
      score: 0.9,
      activeFindings: 2,
      userRole: 'nurse',
    });
    expect(first.counts).toEqual({ newCases: 1, newFindings: 2, reopenedFindings: 0, clearedFindings: 0 });
  });

  it('keeps a decision when the same lookups come back, and reopens it on a lookup after the decision', () => {
    const decided = first.findings.map((f) => ({
      ...f,
      status: 'legitimate' as const,
      coveredUntil: f.lastSeen,
      decisionId: 'dec-1',
    }));
    const same = merge(first.cases, decided, [
      finding('p1', '2026-03-02T09:00:00+01:00'),
      finding('p2', '2026-03-03T09:00:00+01:00'),
    ]);
    expect(same.findings.every((f) => f.status === 'legitimate')).toBe(true);
    expect(same.cases[0]?.status).toBe('closed');
    const later = merge(first.cases, decided, [
      finding('p1', '2026-03-20T22:00:00+01:00'),
      finding('p2', '2026-03-03T09:00:00+01:00'),
    ]);
    expect(later.findings.find((f) => f.patientId === 'p1')?.status).toBe('open');
    expect(later.cases[0]?.status).toBe('open');
    expect(later.history.map((h) => h.kind)).toContain('finding.reopened');
  });

  it('marks findings the run no longer flags as inactive, and the case inactive when nothing was decided', () => {
    const gone = merge(first.cases, first.findings, []);
    expect(gone.findings.every((f) => !f.active)).toBe(true);
    expect(gone.counts.clearedFindings).toBe(2);
    expect(gone.cases[0]).toMatchObject({ status: 'inactive', rank: null, activeFindings: 0 });
  });
});

describe('case status and decisions', () => {
  it('puts open work first, then approval, then follow-up', () => {
    expect(
      deriveCaseStatus([
        { active: true, status: 'open' },
        { active: true, status: 'pending_approval' },
      ]),
    ).toBe('open');
    expect(
      deriveCaseStatus([
        { active: false, status: 'open' },
        { active: true, status: 'pending_approval' },
      ]),
    ).toBe('pending_approval');
    expect(
      deriveCaseStatus([
        { active: true, status: 'follow_up' },
        { active: true, status: 'legitimate' },
      ]),
    ).toBe('follow_up');
    expect(deriveCaseStatus([{ active: false, status: 'not_legitimate' }])).toBe('closed');
  });

  it('requires a justification, the kind of explanation, a named contact, and four eyes', () => {
    expect(() => checkDecision({ outcome: 'legitimate', justification: 'Tilsyn fra kardiologen' })).toThrow(
      /kind of explanation/,
    );
    expect(() => checkDecision({ outcome: 'legitimate', explanationKind: 'on_call', justification: 'ok' })).toThrow(
      /justification/,
    );
    expect(() =>
      checkDecision({ outcome: 'follow_up', justification: 'Spør leder om dette', followUpRole: 'hr' }),
    ).toThrow(/contact/);
    expect(recordedStates('not_legitimate')).toEqual({ decision: 'pending_approval', finding: 'pending_approval' });
    expect(() => checkSecondReviewer('u-a', 'u-a')).toThrow(/second, different reviewer/);
    expect(() => checkSecondReviewer('u-a', 'u-b')).not.toThrow();
  });
});

describe('explanation rules', () => {
  const draft = {
    userRole: 'physician',
    userDepartmentId: 'D7',
    userDepartmentKind: null,
    action: null,
    purpose: null,
    encounterKind: 'inpatient',
    windowDays: 7,
    descriptionNb: 'Tilsyn fra kardiologi',
    descriptionEn: 'Cardiology consults',
  };

  it('refuses a rule that would explain everything, or uses words outside the contract', () => {
    expect(() => checkRuleDraft({ ...draft, userRole: null, userDepartmentId: null, encounterKind: null })).toThrow(
      /must name/,
    );
    expect(() => checkRuleDraft({ ...draft, userRole: 'surgeon' })).toThrow(/userRole/);
    expect(checkRuleDraft({ ...draft, userDepartmentId: '  ' }).userDepartmentId).toBeNull();
  });

  it('moves through proposed → approved → retired → proposed, and nowhere else', () => {
    expect(nextRuleStatus({ status: 'proposed' }, 'approve')).toBe('approved');
    expect(nextRuleStatus({ status: 'approved' }, 'edit')).toBe('proposed');
    expect(nextRuleStatus({ status: 'approved' }, 'retire')).toBe('retired');
    expect(nextRuleStatus({ status: 'retired' }, 'reinstate')).toBe('proposed');
    expect(() => nextRuleStatus({ status: 'retired' }, 'approve')).toThrow(/cannot/);
    expect(() => nextRuleStatus({ status: 'rejected' }, 'edit')).toThrow(/cannot/);
  });

  it('fingerprints the rule set independent of order', () => {
    const r = (id: string): WorkspaceRule => ({
      rule_id: id,
      description_nb: 'a',
      description_en: 'a',
      user_role: 'nurse',
      user_department_id: null,
      user_department_kind: null,
      action: null,
      purpose: null,
      encounter_kind: null,
      window_days: 7,
    });
    expect(rulesHash([r('a'), r('b')])).toBe(rulesHash([r('b'), r('a')]));
    expect(rulesHash([r('a')])).not.toBe(rulesHash([r('a'), r('b')]));
  });
});

describe('the patient access log', () => {
  const lookup = (id: string, at: string, over: Partial<PatientLookup> = {}): PatientLookup => ({
    eventId: id,
    at,
    action: 'read',
    purpose: 'TREAT',
    explanation: 'ENCOUNTER_IN_DEPARTMENT',
    userId: 'u1',
    userRole: 'nurse',
    userName: 'Kari Nordmann',
    unitId: 'D1',
    unitName: 'Medisinsk sengepost',
    ...over,
  });
  const encounters = [
    {
      encounterId: 'k1',
      kind: 'inpatient',
      unitId: 'D1',
      unitName: 'Medisinsk sengepost',
      start: '2026-03-03T10:00:00+01:00',
      end: '2026-03-06T12:00:00+01:00',
    },
  ];

  it('groups by occasion and person, explains in plain words, and is honest about a lookup without a reason', () => {
    const log = buildPatientLog({
      lang: 'nb',
      periodFrom: '2026-03-01',
      periodTo: '2026-03-31',
      encounters,
      reviewedLegitimate: new Map(),
      showNames: true,
      lookups: [
        lookup('e1', '2026-03-03T11:00:00+01:00'),
        lookup('e2', '2026-03-03T15:00:00+01:00'),
        lookup('e3', '2026-03-25T21:00:00+01:00', {
          explanation: null,
          userId: 'u9',
          userRole: 'secretary',
          userName: 'Ola Hansen',
          unitName: 'Ortopedisk poliklinikk',
        }),
      ],
    });
    expect(log).toMatchObject({ lookups: 3, documented: 2 });
    expect(log.occasions.map((o) => o.title)).toEqual([
      'Oppslag uten en kontakt med sykehuset',
      'Innleggelse på Medisinsk sengepost',
    ]);
    const stay = log.occasions[1]!;
    expect(stay.entries).toHaveLength(1);
    expect(stay.entries[0]).toMatchObject({
      count: 2,
      role: 'Sykepleier',
      name: 'Kari Nordmann',
      reason: 'Du var innlagt på denne avdelingen.',
      documented: true,
    });
    expect(log.occasions[0]!.entries[0]!.reason).toMatch(/^Vi fant ingen registrert grunn/);
  });

  it('uses a reviewer’s "legitimate" finding as the reason only for the lookups it covered, and hides names when asked', () => {
    const log = buildPatientLog({
      lang: 'en',
      periodFrom: '2026-03-01',
      periodTo: '2026-03-31',
      encounters: [],
      reviewedLegitimate: new Map([['u9', { kind: 'registered_consult_missing', until: '2026-03-10T00:00:00+01:00' }]]),
      showNames: false,
      lookups: [
        lookup('e1', '2026-03-09T11:00:00+01:00', { explanation: null, userId: 'u9' }),
        lookup('e2', '2026-03-12T11:00:00+01:00', { explanation: null, userId: 'u9' }),
      ],
    });
    const entries = log.occasions.flatMap((o) => o.entries);
    expect(entries.find((e) => e.times[0]!.startsWith('2026-03-09'))?.reason).toBe(
      'The hospital has checked this lookup. There was a reason: a consultation from another unit.',
    );
    expect(entries.find((e) => e.times[0]!.startsWith('2026-03-12'))?.documented).toBe(false);
    expect(entries.every((e) => e.name === null)).toBe(true);
  });

  it('finds the encounter of the lookup’s own unit first', () => {
    const other = { ...encounters[0]!, encounterId: 'k2', unitId: 'D2', start: '2026-03-04T10:00:00+01:00' };
    expect(coveringEncounter(lookup('e', '2026-03-05T10:00:00+01:00'), [other, encounters[0]!])?.encounterId).toBe(
      'k1',
    );
    expect(coveringEncounter(lookup('e', '2026-03-20T10:00:00+01:00'), encounters)).toBeNull();
  });
});

describe('the control report', () => {
  it('counts outcomes, waits for the second reviewer, and measures time to decision', () => {
    const flagged = new Date('2026-03-10T08:00:00Z');
    const report = buildControlReport({
      organisationName: 'HF',
      datasetName: 'Mars',
      period: { from: '2026-03-01', to: '2026-03-31' },
      generatedAt: now,
      lookups: { total: 1000, documented: 950 },
      daily: [],
      runs: [],
      casesFlagged: 4,
      decisions: [
        {
          caseId: 'c1',
          outcome: 'legitimate',
          explanationKind: 'on_call',
          status: 'final',
          decidedAt: new Date('2026-03-12T08:00:00Z'),
          reviewedAt: null,
          caseFlaggedAt: flagged,
        },
        {
          caseId: 'c2',
          outcome: 'not_legitimate',
          explanationKind: null,
          status: 'approved',
          decidedAt: new Date('2026-03-11T08:00:00Z'),
          reviewedAt: new Date('2026-03-14T08:00:00Z'),
          caseFlaggedAt: flagged,
        },
        {
          caseId: 'c3',
          outcome: 'not_legitimate',
          explanationKind: null,
          status: 'pending_approval',
          decidedAt: new Date('2026-03-11T08:00:00Z'),
          reviewedAt: null,
          caseFlaggedAt: flagged,
        },
      ],
      openCasesAtEnd: 1,
      pendingApprovalAtEnd: 1,
      rules: { active: 1, approvedInPeriod: 1, retiredInPeriod: 0 },
      patientLogs: { served: 2, lookups: 40, documented: 30 },
      reviewCapacity: 10,
    });
    expect(report.documentedShare).toBe(0.95);
    expect(report.casesReviewed).toBe(3);
    expect(report.outcomes).toMatchObject({ legitimate: 1, not_legitimate: 1, awaiting_second_reviewer: 1 });
    expect(report.daysToDecision).toEqual({ median: 3, p90: 3.8, count: 2 });
    expect(report.patientLogDocumentedShare).toBe(0.75);
    expect(() => checkPeriod('2026-02-30', '2026-03-01')).toThrow(/period/);
    expect(() => checkPeriod('2026-03-02', '2026-03-01')).toThrow(/period/);
  });
});
