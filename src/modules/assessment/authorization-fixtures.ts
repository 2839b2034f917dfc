/**
 * Authorization fixtures of the assessment routes, for the generated walk (tests/authorization). Organisation A's
 * security lead starts an assessment, answers a requirement with a comment, plans an action, and drafts a survey
 * answer, each carrying the walk's marker; organisation B's users must never reach them (404, nothing in the body).
 * Surveys and indicators belong to the sector, not to an organisation: the sector analyst of any organisation runs
 * them, and indicators are k-anonymous aggregates, so those routes are collections that must show none of A's data.
 */
import { randomBytes } from 'node:crypto';
import type { AuthorizationFixtures, RouteFixture, WalkContext } from '../identity/index.js';
import { addAction } from './action-plan-service.js';
import { findAction, findAnswers, findAssessment, listActions } from './assessment-repository.js';
import { basicMeasuresFramework } from './assessment-frameworks.js';
import { createAssessment, saveAnswer } from './assessment-service.js';
import { saveOwnResponse } from './survey-response-service.js';
import { createSurvey, openSurvey, type SurveyDeps } from './survey-service.js';

const base = '/api/v1/assessment';
const framework = encodeURIComponent(basicMeasuresFramework);

interface WalkSetup {
  readonly assessmentId: string;
  readonly title: string;
  readonly actionId: string;
  readonly templateId: string;
  readonly surveyId: string;
  readonly draftSurveyId: string;
  readonly closableSurveyId: string;
}

let setup: Promise<WalkSetup> | null = null;

async function build(ctx: WalkContext): Promise<WalkSetup> {
  const lead = ctx.orgA.users['enterprise-lead'].principal;
  const analyst = ctx.orgA.users['sector-analyst'].principal;
  const now = new Date();
  const title = `Egenvurdering ${ctx.marker}`;
  const assessment = await createAssessment(ctx.db, lead, { year: 2030, path: 'small-enterprise', title }, now);
  await saveAnswer(
    ctx.db,
    lead,
    assessment.id,
    'G1',
    { kind: 'level', level: 2, comment: `Merknad ${ctx.marker}` },
    0,
    now,
  );
  await saveAnswer(ctx.db, lead, assessment.id, 'G2', { kind: 'level', level: 0 }, 0, now);
  const action = await addAction(
    ctx.db,
    lead,
    { frameworkId: basicMeasuresFramework, title: `Tiltak ${ctx.marker}`, requirementIds: ['G1'] },
    now,
  );
  const deps: SurveyDeps = { random: (n) => randomBytes(n), mailer: null, publicUrl: 'http://127.0.0.1:4888' };
  const target = { organisationTypes: ['hospital-trust'], sizeClasses: [], regions: [] };
  const survey = await createSurvey(ctx.db, analyst, { templateKey: 'small-enterprises', year: 2030, target }, now);
  await openSurvey(ctx.db, analyst, survey.id, {}, deps, now);
  await saveOwnResponse(ctx.db, lead, survey.id, { 'q-G1': 2, 'q-needs': `Svar ${ctx.marker}` }, 0, false, now);
  const draft = await createSurvey(ctx.db, analyst, { templateKey: 'small-enterprises', year: 2031, target }, now);
  const closable = await createSurvey(ctx.db, analyst, { templateKey: 'small-enterprises', year: 2032, target }, now);
  await openSurvey(ctx.db, analyst, closable.id, {}, deps, now);
  return {
    assessmentId: assessment.id,
    title,
    actionId: action.id,
    templateId: 'G2-acceptable-risk',
    surveyId: survey.id,
    draftSurveyId: draft.id,
    closableSurveyId: closable.id,
  };
}

const ready = (ctx: WalkContext) => (setup ??= build(ctx));

const collection = (route: string, url: (s: WalkSetup) => string, payload?: unknown): RouteFixture => ({
  kind: 'collection',
  route,
  async prepare(ctx) {
    return { url: url(await ready(ctx)), payload };
  },
});

const assessmentObject = (
  route: string,
  url: (s: WalkSetup) => string,
  payload?: unknown,
  unchanged?: (ctx: WalkContext, s: WalkSetup) => Promise<boolean>,
): RouteFixture => ({
  kind: 'object',
  route,
  async prepare(ctx) {
    const s = await ready(ctx);
    return {
      url: url(s),
      payload: typeof payload === 'function' ? (payload as (s: WalkSetup) => unknown)(s) : payload,
      secrets: [s.title],
    };
  },
  ...(unchanged ? { unchanged: async (ctx: WalkContext) => unchanged(ctx, await ready(ctx)) } : {}),
});

const assessmentUnchanged = async (ctx: WalkContext, s: WalkSetup) => {
  const assessment = await findAssessment(ctx.db, s.assessmentId);
  const answers = await findAnswers(ctx.db, s.assessmentId);
  const g1 = answers.find((a) => a.requirementId === 'G1');
  return (
    assessment?.title === s.title &&
    assessment.status === 'in-progress' &&
    g1?.level === 2 &&
    g1.version === 1 &&
    answers.length === 2
  );
};

const actionUnchanged = async (ctx: WalkContext, s: WalkSetup) => {
  const action = await findAction(ctx.db, s.actionId);
  return action?.status === 'planned' && action.version === 1 && (await listActions(ctx.db, ctx.orgA.id)).length === 1;
};

export const authorizationFixtures: AuthorizationFixtures = {
  module: 'assessment',
  routes: [
    collection(`GET ${base}/context`, () => `${base}/context`),
    collection(`GET ${base}/assessments`, () => `${base}/assessments`),
    {
      kind: 'unscoped',
      route: `POST ${base}/assessments`,
      reason: "starts a new assessment for the caller's own enterprise; nothing of another organisation is read",
      prepare: async () => ({ url: `${base}/assessments`, payload: { year: 2030, path: 'small-enterprise' } }),
    },
    assessmentObject(`GET ${base}/assessments/:id`, (s) => `${base}/assessments/${s.assessmentId}`),
    assessmentObject(
      `PATCH ${base}/assessments/:id`,
      (s) => `${base}/assessments/${s.assessmentId}`,
      { title: 'Overtatt', shareAnonymously: true },
      assessmentUnchanged,
    ),
    assessmentObject(
      `PUT ${base}/assessments/:id/answers/:requirementId`,
      (s) => `${base}/assessments/${s.assessmentId}/answers/G1`,
      { kind: 'level', level: 5, basedOnVersion: 1 },
      assessmentUnchanged,
    ),
    assessmentObject(
      `POST ${base}/assessments/:id/:action`,
      (s) => `${base}/assessments/${s.assessmentId}/reopen`,
      undefined,
      assessmentUnchanged,
    ),
    assessmentObject(
      `GET ${base}/assessments/:id/suggestions`,
      (s) => `${base}/assessments/${s.assessmentId}/suggestions`,
    ),
    assessmentObject(
      `GET ${base}/assessments/:id/export.:format`,
      (s) => `${base}/assessments/${s.assessmentId}/export.xlsx`,
    ),
    collection(`GET ${base}/history`, () => `${base}/history?framework=${framework}`),
    collection(`GET ${base}/history/export.:format`, () => `${base}/history/export.xlsx?framework=${framework}`),
    collection(`GET ${base}/actions`, () => `${base}/actions`),
    // Accepting a suggestion of A's assessment: refused as if the assessment did not exist.
    assessmentObject(
      `POST ${base}/actions`,
      () => `${base}/actions`,
      (s: WalkSetup) => ({ assessmentId: s.assessmentId, templateId: s.templateId }),
      actionUnchanged,
    ),
    {
      kind: 'object',
      route: `PATCH ${base}/actions/:id`,
      async prepare(ctx) {
        const s = await ready(ctx);
        return { url: `${base}/actions/${s.actionId}`, payload: { status: 'done', basedOnVersion: 1 } };
      },
      unchanged: async (ctx) => actionUnchanged(ctx, await ready(ctx)),
    },
    {
      kind: 'object',
      route: `DELETE ${base}/actions/:id`,
      async prepare(ctx) {
        const s = await ready(ctx);
        return { url: `${base}/actions/${s.actionId}` };
      },
      unchanged: async (ctx) => actionUnchanged(ctx, await ready(ctx)),
    },
    collection(`GET ${base}/benchmark`, () => `${base}/benchmark`),
    collection(`GET ${base}/my-surveys`, () => `${base}/my-surveys`),
    collection(`GET ${base}/my-surveys/:id`, (s) => `${base}/my-surveys/${s.surveyId}`),
    collection(`PUT ${base}/my-surveys/:id`, (s) => `${base}/my-surveys/${s.surveyId}`, {
      answers: { 'q-G2': 1 },
      basedOnVersion: 0,
    }),
    { kind: 'unscoped', route: `GET ${base}/survey-templates`, reason: 'the questionnaires shipped with Varde' },
    collection(`GET ${base}/surveys`, () => `${base}/surveys`),
    {
      kind: 'unscoped',
      route: `POST ${base}/surveys`,
      reason: 'a new sector survey; surveys belong to the sector (the e-helse monitor), not to an organisation',
      prepare: async () => ({
        url: `${base}/surveys`,
        payload: {
          templateKey: 'small-enterprises',
          year: 2033,
          target: { organisationTypes: ['gp-office'], sizeClasses: [], regions: [] },
        },
      }),
    },
    collection(`GET ${base}/surveys/:id`, (s) => `${base}/surveys/${s.surveyId}`),
    collection(`POST ${base}/surveys/:id/open`, (s) => `${base}/surveys/${s.draftSurveyId}/open`, {}),
    collection(`POST ${base}/surveys/:id/remind`, (s) => `${base}/surveys/${s.surveyId}/remind`),
    collection(`POST ${base}/surveys/:id/close`, (s) => `${base}/surveys/${s.closableSurveyId}/close`),
    collection(`GET ${base}/indicators`, () => `${base}/indicators`),
    collection(`GET ${base}/indicators/overview`, () => `${base}/indicators/overview`),
    collection(`GET ${base}/indicators/:id`, () => `${base}/indicators/maturity.G1?by=organisationType,region`),
    collection(
      `GET ${base}/indicators/:id/trend`,
      () => `${base}/indicators/maturity.G1/trend?organisationType=hospital-trust`,
    ),
    collection(`GET ${base}/indicators/export.xlsx`, () => `${base}/indicators/export.xlsx`),
  ],
};
