import { describe, expect, it } from 'vitest';
import { suggestActions } from './action-priority.js';
import { checkAnswerInput, isStaleWrite } from './answer-input.js';
import { assessmentDataDir, loadAssessmentContent } from './assessment-content.js';
import { computeResult } from './assessment-result.js';
import { checkTransition, isEditable, statusAfterAnswer } from './assessment-workflow.js';
import { encodeToken, hashToken, invitationState, isWellFormedToken } from './invitation-token.js';
import { checkAnswers, parseQuestionnaire, questionsFor } from './questionnaire.js';
import type { Category, Requirement } from './requirements.js';
import { answersToFacts } from './survey-facts.js';
import { generateEnterprises, maturityOf } from './demo-sector.js';
import { orgNumberSequence } from './demo-seed.js';
import type { Answer } from './types.js';

const content = await loadAssessmentContent();
const l = (t: string) => ({ nb: t, en: t });
const requirements: Requirement[] = ['A1', 'A2', 'B1'].map((id) => ({
  id,
  refId: id,
  title: l(id),
  description: null,
  categoryId: id[0]!,
  guidance: [],
}));
const categories: Category[] = [
  { id: 'A', title: l('A') },
  { id: 'B', title: l('B') },
];
const answer = (
  requirementId: string,
  kind: Answer['kind'],
  level: number | null,
  targetLevel: number | null = null,
): Answer => ({
  requirementId,
  kind,
  level,
  targetLevel,
  notRelevantReason: kind === 'not-relevant' ? 'no such systems' : null,
  comment: null,
  evidence: [],
  answeredBy: { userId: 'u', name: 'U' },
  answeredAt: '2026-01-01T00:00:00.000Z',
  version: 1,
});

describe('shipped content', () => {
  it('has a guide, options on the scale and type notes for every basic measure', () => {
    expect(content.scale.levels.map((x) => x.value)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(content.guide.measures.map((m) => m.id)).toEqual([
      'G1',
      'G2',
      'G3',
      'G4',
      'G5',
      'G6',
      'G7',
      'G8',
      'G9',
      'G10',
    ]);
    for (const m of content.guide.measures) {
      expect(m.options.map((o) => o.level)).toEqual([0, 1, 2, 3, 4, 5]);
      expect(m.actions.length).toBeGreaterThan(0);
      expect(m.source.file).toBe('004_d10711c7d8f82a89.txt');
    }
    expect(content.typeNotes['gp-office']!.measures.G9!.nb).toContain('vikarer');
    // Whole sentences, not texts cut at a comma.
    expect(content.guide.measures[1]!.options[1]!.text.nb).toBe(
      'Vi har snakket om hva som kan skje, men ikke skrevet noe ned.',
    );
    for (const m of content.guide.measures) for (const o of m.options) expect(o.text.nb).toMatch(/[.!?]$/);
    expect(content.typeNotes['private-specialist']).toBe(content.typeNotes['gp-office']);
    expect(content.surveyTemplates[0]!.questionnaire.questions.find((q) => q.id === 'q-G2')!.labels).toHaveLength(6);
  });
});

describe('computeResult', () => {
  it("averages levels per category, leaving out not relevant and don't know, which are counted apart", () => {
    const result = computeResult(requirements, categories, [
      answer('A1', 'level', 2, 4),
      answer('A2', 'dont-know', null),
      answer('B1', 'not-relevant', null),
    ]);
    expect(result.categories[0]).toMatchObject({
      categoryId: 'A',
      levelCount: 1,
      dontKnowCount: 1,
      average: 2,
      targetAverage: 4,
    });
    expect(result.categories[1]).toMatchObject({ categoryId: 'B', notRelevantCount: 1, average: null });
    expect(result.overall).toMatchObject({ levelCount: 1, dontKnowCount: 1, notRelevantCount: 1, unansweredCount: 0 });
    expect(result.completion).toBe(1);
  });

  it('counts what is not answered and never lets a target fall below the level', () => {
    const result = computeResult(requirements, categories, [answer('A1', 'level', 3, 1)]);
    expect(result.overall.unansweredCount).toBe(2);
    expect(result.completion).toBeCloseTo(1 / 3);
    expect(result.categories[0]!.targetAverage).toBe(3);
  });
});

describe('answers and workflow', () => {
  it('checks levels against the scale and asks for a reason when not relevant', () => {
    expect(checkAnswerInput({ kind: 'level', level: 7 }, content.scale).problems[0]!.field).toBe('level');
    expect(checkAnswerInput({ kind: 'not-relevant' }, content.scale).problems[0]!.field).toBe('notRelevantReason');
    expect(checkAnswerInput({ kind: 'dont-know', level: 2 }, content.scale).problems[0]!.field).toBe('level');
    expect(
      checkAnswerInput({ kind: 'level', level: 2, evidence: [{ title: 'Plan', url: 'http://x.no' }] }, content.scale)
        .problems[0]!.field,
    ).toBe('evidence[0].url');
    expect(
      checkAnswerInput({ kind: 'level', level: 2, targetLevel: 4, comment: '  ok ' }, content.scale),
    ).toMatchObject({ problems: [], answer: { comment: 'ok' } });
  });

  it('detects a stale write by version', () => {
    expect(isStaleWrite(null, 0)).toBe(false);
    expect(isStaleWrite(null, 1)).toBe(true);
    expect(isStaleWrite({ version: 3 }, 3)).toBe(false);
    expect(isStaleWrite({ version: 4 }, 3)).toBe(true);
  });

  it('keeps workflow apart from results: submit needs every answer, only the lead approves', () => {
    expect(checkTransition('submit', 'in-progress', ['enterprise-member'], 0.9)).toEqual({
      ok: false,
      reason: 'INCOMPLETE',
    });
    expect(checkTransition('submit', 'in-progress', ['enterprise-member'], 1)).toEqual({ ok: true, to: 'submitted' });
    expect(checkTransition('approve', 'submitted', ['enterprise-member'], 1)).toEqual({ ok: false, reason: 'ROLE' });
    expect(checkTransition('approve', 'submitted', ['enterprise-lead'], 1)).toEqual({ ok: true, to: 'approved' });
    expect(checkTransition('reopen', 'approved', ['enterprise-lead'], 1)).toEqual({
      ok: false,
      reason: 'WRONG_STATUS',
    });
    expect(isEditable('submitted')).toBe(false);
    expect(statusAfterAnswer('draft')).toBe('in-progress');
  });
});

describe('suggestActions', () => {
  const basic: Requirement[] = content.guide.measures.map((m) => ({
    id: m.id,
    refId: m.id,
    title: m.plainTitle,
    description: null,
    categoryId: m.id,
    guidance: [],
  }));
  const guide = new Map(content.guide.measures.map((m) => [m.id, m]));
  const answers = [
    answer('G1', 'level', 2),
    answer('G9', 'level', 0),
    answer('G3', 'level', 1),
    answer('G4', 'dont-know', null),
    answer('G5', 'not-relevant', null),
    answer('G6', 'level', 4),
  ];

  it('ranks by gap × weight and puts quick wins first for small enterprises', () => {
    const small = suggestActions({
      requirements: basic,
      answers,
      guide,
      defaultTarget: 3,
      small: true,
      planned: new Set(),
    });
    expect(small[0]!.requirementId).toBe('G9'); // gap 3 × weight 3, a quick win
    expect(small[0]!.reasons).toEqual(expect.arrayContaining(['LARGE_GAP', 'HIGH_WEIGHT', 'QUICK_WIN']));
    expect(small.some((s) => s.requirementId === 'G5')).toBe(false); // not relevant
    expect(small.some((s) => s.requirementId === 'G6')).toBe(false); // above target
    expect(small.find((s) => s.requirementId === 'G4')!.reasons).toContain('UNKNOWN_STATE');
    const scores = small.map((s) => s.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    // Within one measure the first step comes before later steps.
    const g9 = small.filter((s) => s.requirementId === 'G9').map((s) => s.templateId);
    expect(g9[0]).toBe('G9-own-accounts');
  });

  it('ranks a medium-effort step lower for a small enterprise than for a large one, relative to quick wins', () => {
    const onlyG2 = [answer('G2', 'level', 0)];
    const small = suggestActions({
      requirements: basic,
      answers: onlyG2,
      guide,
      defaultTarget: 3,
      small: true,
      planned: new Set(),
    });
    const large = suggestActions({
      requirements: basic,
      answers: onlyG2,
      guide,
      defaultTarget: 3,
      small: false,
      planned: new Set(),
    });
    const ratio = (list: typeof small) =>
      list.find((s) => s.templateId === 'G2-first-assessment')!.score /
      list.find((s) => s.templateId === 'G2-acceptable-risk')!.score;
    expect(ratio(small)).toBeLessThan(ratio(large));
  });

  it('leaves out steps already in the plan', () => {
    const list = suggestActions({
      requirements: basic,
      answers,
      guide,
      defaultTarget: 3,
      small: true,
      planned: new Set(['G9-own-accounts']),
    });
    expect(list.some((s) => s.templateId === 'G9-own-accounts')).toBe(false);
  });
});

describe('questionnaires and facts', () => {
  const context = { indicators: content.indicators.map((i) => i.id), guide: content.guide.measures };
  const template = content.surveyTemplates[0]!.questionnaire;

  it('refuses a text cut at a comma in a data file, naming file and line', async () => {
    const fs = await import('node:fs/promises');
    const os = await import('node:os');
    const path = await import('node:path');
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'varde-content-'));
    await fs.cp(assessmentDataDir, dir, { recursive: true });
    const file = path.join(dir, 'basic-measures-guide.yaml');
    const text = await fs.readFile(file, 'utf8');
    await fs.writeFile(
      file,
      text.replace('{ nb: "Nei, ingen har fått det ansvaret."', '{ nb: Nei, ingen har fått det ansvaret.'),
    );
    const error = await loadAssessmentContent(dir).catch(
      (e: unknown) => e as { code: string; details: { place?: string; field?: string }[] },
    );
    expect(error).toMatchObject({ code: 'DATA_INVALID' });
    expect((error as { details: { place?: string; field?: string }[] }).details[0]).toMatchObject({
      place: expect.stringMatching(/^basic-measures-guide\.yaml:\d+$/),
      field: 'measures[0].options[0].text.ingen har fått det ansvaret.',
    });
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('names every problem in a questionnaire by its place', () => {
    const parsed = parseQuestionnaire(
      {
        questions: [
          { id: 'a', type: 'scale' },
          { id: 'a', type: 'single-choice', text: l('x'), options: [{ id: 'o', text: l('o') }] },
          { id: 'b', type: 'yes-partly-no', text: l('y'), indicator: 'nope' },
        ],
      },
      context,
    );
    const places = parsed.problems.map((p) => p.path.join('.'));
    expect(places).toEqual(expect.arrayContaining(['0.text', '0.min', '1.options', '1.id', '2.indicator']));
    expect(parseQuestionnaire({ questions: [] }, context).problems).toHaveLength(1);
  });

  it('gives the smallest enterprises the light version', () => {
    expect(questionsFor(template, 'micro').length).toBeLessThan(questionsFor(template, 'medium').length);
  });

  it('checks answers by type, refuses unknown questions, and requires the required ones on submit', () => {
    const questions = questionsFor(template, 'small');
    const problems = checkAnswers(
      questions,
      { 'q-G1': 9, 'q-risk-current': 'maybe', 'q-in-place': ['mfa-email', 'x'], extra: 1 },
      { final: true },
    );
    const fields = problems.map((p) => p.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        'answers.q-G1',
        'answers.q-risk-current',
        'answers.q-in-place',
        'answers.extra',
        'answers.q-G2',
        'answers.q-operator',
      ]),
    );
    expect(checkAnswers(questions, { 'q-G1': 'dont-know', 'q-record-users': 4 }, { final: false })).toEqual([]);
  });

  it('turns answers into indicator facts, leaving out "don\'t know"', () => {
    const questions = questionsFor(template, 'small');
    const facts = answersToFacts(
      questions,
      {
        'q-G1': 3,
        'q-G2': 'dont-know',
        'q-risk-current': 'partly',
        'q-operator': 'nobody',
        'q-in-place': ['restore-tested'],
        'q-needs': 'help',
      },
      { id: 'e1', name: 'E', orgNumber: null, organisationType: 'gp-office', sizeClass: 'small', region: 'nord' },
      2026,
    );
    const byId = Object.fromEntries(facts.map((f) => [f.indicatorId, f.value]));
    expect(byId).toEqual({
      'maturity.G1': 3,
      'risk-assessment-current': 0.5,
      'no-security-operator': 1,
      'mfa-email': 0,
      'backup-restore-tested': 1,
    });
    expect(facts[0]).toMatchObject({
      year: 2026,
      organisationType: 'gp-office',
      sizeClass: 'small',
      region: 'nord',
      source: 'survey',
    });
  });
});

describe('demo sector', () => {
  it('gives 20,000 enterprises distinct, valid organisation numbers, the same for the same seed', () => {
    const make = () => {
      const next = orgNumberSequence('897');
      return generateEnterprises(42, 20000, () => next());
    };
    const sector = make();
    expect(sector).toHaveLength(20000);
    expect(new Set(sector.map((e) => e.orgNumber)).size).toBe(20000);
    expect(sector.every((e) => /^897\d{6}$/.test(e.orgNumber!))).toBe(true);
    expect(make().slice(0, 50)).toEqual(sector.slice(0, 50));
    const types = new Set(sector.map((e) => e.organisationType));
    expect(types).toEqual(
      new Set([
        'gp-office',
        'dental-clinic',
        'pharmacy',
        'municipality',
        'nursing-home',
        'private-specialist',
        'supplier',
        'hospital-trust',
        'regional-health-authority',
      ]),
    );
  });

  it('makes larger enterprises more mature and everyone improve year by year', () => {
    const next = orgNumberSequence('897');
    const sector = generateEnterprises(7, 4000, () => next());
    const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
    const bySize = (size: string, year: number) =>
      mean(sector.filter((e) => e.sizeClass === size).map((e) => maturityOf(e, year)));
    expect(bySize('large', 0)).toBeGreaterThan(bySize('small', 0));
    expect(bySize('small', 0)).toBeGreaterThan(bySize('micro', 0));
    expect(bySize('micro', 2)).toBeGreaterThan(bySize('micro', 0));
  });
});

describe('invitation tokens', () => {
  it('encodes 256 random bits and stores only a hash', () => {
    const token = encodeToken(new Uint8Array(32).fill(7));
    expect(isWellFormedToken(token)).toBe(true);
    expect(hashToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashToken(token)).not.toContain(token);
    expect(() => encodeToken(new Uint8Array(16))).toThrow();
  });

  it('works once and expires', () => {
    const now = new Date('2026-03-01T12:00:00Z');
    const base = { expiresAt: new Date('2026-03-02T00:00:00Z'), usedAt: null, revokedAt: null };
    expect(invitationState(base, now)).toBe('valid');
    expect(invitationState({ ...base, usedAt: now }, now)).toBe('used');
    expect(invitationState(base, new Date('2026-03-02T00:00:00Z'))).toBe('expired');
    expect(invitationState({ ...base, revokedAt: now }, now)).toBe('revoked');
  });
});
