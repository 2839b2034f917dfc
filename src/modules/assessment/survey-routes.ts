/**
 * Survey routes: the sector analyst runs surveys (/surveys); an enterprise answers the ones sent to it when logged in
 * (/my-surveys) or through its personal link (/invitations/open, then /invitation-response with the answer key in
 * the X-Answer-Key header, never in a URL).
 */
import { randomBytes } from 'node:crypto';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { AppConfig } from '../../platform/config.js';
import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import { smtpMailer } from '../reporting/index.js';
import {
  ErrorBody,
  IdParams,
  LocalizedSchema,
  MySurveySchema,
  NewSurveySchema,
  ParticipationSchema,
  QuestionSchema,
  ResponseInputSchema,
  ResponseSchema,
  ResponseViewSchema,
  SendOutcomeSchema,
  SurveySchema,
} from './assessment-schemas.js';
import { enterpriseAccess } from './assessment-routes.js';
import {
  openInvitation,
  readOwnResponse,
  readResponseByKey,
  saveOwnResponse,
  saveResponseByKey,
  surveysToAnswer,
} from './survey-response-service.js';
import type { SurveyResponse } from './survey-types.js';
import {
  closeSurvey,
  createSurvey,
  listAllSurveys,
  openSurvey,
  remindSurvey,
  surveyOverview,
  surveyTemplates,
  type SurveyDeps,
} from './survey-service.js';

const analystAccess = {
  authenticated: true,
  roles: ['sector-analyst'],
  description: 'Sector analysts: they see participation and aggregates, never answers',
} as const;
const linkAccess = {
  public: true,
  description: 'Through a personal invitation link: one questionnaire for one enterprise',
} as const;
// Links carry 256 random bits, so guessing is hopeless anyway; the limit keeps anyone from trying at volume.
const linkRateLimit = { max: 60, timeWindow: 60_000 };
const tags = ['assessment: surveys'];

// Other 409 errors (e.g. RESPONSE_SUBMITTED) come through the same schema, without `current`.
const conflictSchema = Type.Object({
  ...ErrorBody.properties,
  current: Type.Optional(Type.Union([ResponseSchema, Type.Null()])),
});

export interface SurveyRouteOptions {
  readonly db: Db;
  readonly config: AppConfig;
  /** Tests pass fixed random bytes; the app uses crypto. */
  readonly random?: (size: number) => Uint8Array;
  readonly minGroupSize: number;
}

function answerKeyOf(request: FastifyRequest): string {
  const key = request.headers['x-answer-key'];
  if (typeof key !== 'string' || key === '') throw new AppError('INVITATION_INVALID', 'The answer key is missing');
  return key;
}

export async function surveyRoutes(fastify: FastifyInstance, options: SurveyRouteOptions): Promise<void> {
  const { db, config, minGroupSize } = options;
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const random = options.random ?? ((size: number) => randomBytes(size));
  const mailer = config.smtp ? smtpMailer(config.smtp) : null;
  fastify.addHook('onClose', async () => mailer?.close?.());
  const deps: SurveyDeps = { random, mailer, publicUrl: config.publicUrl };

  app.addHook('onSend', async (_request, reply) => {
    reply.header('cache-control', 'no-store');
  });

  const conflict = (current: SurveyResponse | null) => ({
    error: { code: 'RESPONSE_CONFLICT', message: 'The answers were saved from somewhere else first', details: [] },
    current,
  });

  // ------------------------------------------------------------ the analyst

  app.get(
    '/survey-templates',
    {
      config: { access: analystAccess },
      schema: {
        tags,
        summary: 'Questionnaires shipped with Varde (the small-enterprise survey of measure 1.16)',
        response: {
          200: Type.Object({
            templates: Type.Array(
              Type.Object({
                key: Type.String(),
                title: LocalizedSchema,
                description: LocalizedSchema,
                questionnaire: Type.Object({ questions: Type.Array(QuestionSchema) }),
              }),
            ),
          }),
        },
      },
    },
    async () => ({ templates: await surveyTemplates() }),
  );

  app.get(
    '/surveys',
    {
      config: { access: analystAccess },
      schema: {
        tags,
        summary: 'All surveys with participation',
        response: {
          200: Type.Object({
            surveys: Type.Array(
              Type.Object({
                ...SurveySchema.properties,
                participation: Type.Object({ invited: Type.Integer(), submitted: Type.Integer() }),
              }),
            ),
          }),
        },
      },
    },
    async (request) => ({ surveys: await listAllSurveys(db, request.principal) }),
  );

  app.post(
    '/surveys',
    {
      config: { access: analystAccess },
      schema: {
        tags,
        summary: 'Create a survey (from a template or a questionnaire) for a target group',
        body: NewSurveySchema,
        response: { 201: SurveySchema },
      },
    },
    async (request, reply) => reply.code(201).send(await createSurvey(db, request.principal, request.body, new Date())),
  );

  app.get(
    '/surveys/:id',
    {
      config: { access: analystAccess },
      schema: {
        tags,
        summary: 'A survey and its participation (no answers)',
        params: IdParams,
        response: { 200: Type.Object({ survey: SurveySchema, participation: ParticipationSchema }) },
      },
    },
    async (request) => surveyOverview(db, request.principal, request.params.id, minGroupSize),
  );

  app.post(
    '/surveys/:id/open',
    {
      config: { access: analystAccess },
      schema: {
        tags,
        summary:
          'Send the survey: a personal, single-use, expiring link per enterprise (links not e-mailed are shown once)',
        params: IdParams,
        body: Type.Object(
          { closesAt: Type.Optional(Type.Union([Type.String({ format: 'date-time' }), Type.Null()])) },
          { additionalProperties: false },
        ),
        response: { 200: SendOutcomeSchema },
      },
    },
    async (request) => openSurvey(db, request.principal, request.params.id, request.body, deps, new Date()),
  );

  app.post(
    '/surveys/:id/remind',
    {
      config: { access: analystAccess },
      schema: {
        tags,
        summary: 'Remind everyone who has not submitted, with fresh links',
        params: IdParams,
        response: { 200: SendOutcomeSchema },
      },
    },
    async (request) => remindSurvey(db, request.principal, request.params.id, deps, new Date()),
  );

  app.post(
    '/surveys/:id/close',
    {
      config: { access: analystAccess },
      schema: { tags, summary: 'Close the survey', params: IdParams, response: { 200: SurveySchema } },
    },
    async (request) => closeSurvey(db, request.principal, request.params.id, new Date()),
  );

  // ------------------------------------------------------------ the enterprise, logged in

  app.get(
    '/my-surveys',
    {
      config: { access: enterpriseAccess },
      schema: {
        tags,
        summary: 'Surveys sent to the enterprise',
        response: { 200: Type.Object({ surveys: Type.Array(MySurveySchema) }) },
      },
    },
    async (request) => ({ surveys: await surveysToAnswer(db, request.principal) }),
  );

  app.get(
    '/my-surveys/:id',
    {
      config: { access: enterpriseAccess },
      schema: {
        tags,
        summary: "The enterprise's questions and answers",
        params: IdParams,
        response: { 200: ResponseViewSchema },
      },
    },
    async (request) => readOwnResponse(db, request.principal, request.params.id),
  );

  app.put(
    '/my-surveys/:id',
    {
      config: { access: enterpriseAccess },
      schema: {
        tags,
        summary: 'Save answers (draft), or submit them',
        params: IdParams,
        body: ResponseInputSchema,
        response: { 200: ResponseSchema, 409: conflictSchema },
      },
    },
    async (request, reply) => {
      const outcome = await saveOwnResponse(
        db,
        request.principal,
        request.params.id,
        request.body.answers,
        request.body.basedOnVersion,
        request.body.submit ?? false,
        new Date(),
      );
      return outcome.ok ? outcome.response : reply.code(409).send(conflict(outcome.current));
    },
  );

  // ------------------------------------------------------------ through a personal link

  app.post(
    '/invitations/open',
    {
      config: { access: linkAccess, rateLimit: linkRateLimit },
      schema: {
        tags,
        summary: 'Open a personal link (it works once): returns the answer key for that questionnaire',
        body: Type.Object({ token: Type.String({ maxLength: 100 }) }, { additionalProperties: false }),
        response: { 200: Type.Object({ answerKey: Type.String(), surveyId: Type.String(), expiresAt: Type.String() }) },
      },
    },
    async (request) =>
      openInvitation(db, request.body.token, random, new Date(), {
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
      }),
  );

  app.get(
    '/invitation-response',
    {
      config: { access: linkAccess, rateLimit: linkRateLimit },
      schema: {
        tags,
        summary: 'The questions and answers for the answer key in X-Answer-Key',
        response: { 200: ResponseViewSchema },
      },
    },
    async (request) => readResponseByKey(db, answerKeyOf(request), new Date()),
  );

  app.put(
    '/invitation-response',
    {
      config: { access: linkAccess, rateLimit: linkRateLimit },
      schema: {
        tags,
        summary: 'Save or submit answers with the answer key in X-Answer-Key',
        body: ResponseInputSchema,
        response: { 200: ResponseSchema, 409: conflictSchema },
      },
    },
    async (request, reply) => {
      const outcome = await saveResponseByKey(
        db,
        answerKeyOf(request),
        request.body.answers,
        request.body.basedOnVersion,
        request.body.submit ?? false,
        new Date(),
      );
      return outcome.ok ? outcome.response : reply.code(409).send(conflict(outcome.current));
    },
  );
}
