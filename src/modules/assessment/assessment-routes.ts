/**
 * The enterprise's own API (/api/v1/assessment): its context, assessments and answers, workflow, history, action
 * plan and benchmark. Only members of the enterprise acting for it reach its data; handlers validate and delegate.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { Db } from '../../platform/db/database.js';
import type { Role } from '../../platform/http/access.js';
import { addAction, listPlan, removeAction, suggestionsFor, updateAction } from './action-plan-service.js';
import { actingEnterprise } from './assessment-access.js';
import { shippedAssessmentContent } from './assessment-content.js';
import { listAssessableFrameworks } from './assessment-frameworks.js';
import {
  ActionPatchSchema,
  ActionSchema,
  AnswerInputSchema,
  AnswerSchema,
  AssessmentDetailSchema,
  AssessmentPatchSchema,
  AssessmentSchema,
  AssessmentSummarySchema,
  BenchmarkSchema,
  EnterpriseSchema,
  ErrorBody,
  FrameworkViewSchema,
  IdParams,
  LocalizedSchema,
  NewActionSchema,
  NewAssessmentSchema,
  ResultSchema,
  ScaleSchema,
  SuggestionSchema,
  literalUnion,
} from './assessment-schemas.js';
import {
  assessmentHistory,
  changeStatus,
  createAssessment,
  getAssessmentDetail,
  listOwnAssessments,
  saveAnswer,
  updateSettings,
} from './assessment-service.js';
import { benchmarkForEnterprise } from './benchmark-service.js';
import { getEnterprise } from './enterprise-directory.js';

export const enterpriseAccess = {
  authenticated: true,
  roles: ['enterprise-lead', 'enterprise-member'] as Role[],
  description: 'Members of the enterprise, acting for it; its data is visible to nobody else',
} as const;
const tags = ['assessment'];

export interface EnterpriseRouteOptions {
  readonly db: Db;
  readonly minGroupSize: number;
}

export async function enterpriseRoutes(
  fastify: FastifyInstance,
  { db, minGroupSize }: EnterpriseRouteOptions,
): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const config = { access: enterpriseAccess };
  const noStore = { 'cache-control': 'no-store' };

  app.addHook('onSend', async (_request, reply) => {
    // Enterprise data must not linger in shared caches.
    reply.header('cache-control', 'no-store');
  });

  app.get(
    '/context',
    {
      config,
      schema: {
        tags,
        summary: 'The enterprise the caller acts for, its roles, the maturity scale, and what it means for its type',
        response: {
          200: Type.Object({
            enterprise: Type.Union([EnterpriseSchema, Type.Null()]),
            roles: Type.Array(Type.String()),
            scale: ScaleSchema,
            typeSummary: Type.Union([LocalizedSchema, Type.Null()]),
            generalGuidance: Type.Array(
              Type.Object({
                title: Type.String(),
                publisher: Type.Union([Type.String(), Type.Null()]),
                note: LocalizedSchema,
              }),
            ),
            frameworks: Type.Array(
              Type.Object({
                id: Type.String(),
                refId: Type.String(),
                name: LocalizedSchema,
                requirementCount: Type.Integer(),
              }),
            ),
            minGroupSize: Type.Integer(),
          }),
        },
      },
    },
    async (request) => {
      const { principal, organisationId } = actingEnterprise(request.principal);
      const content = await shippedAssessmentContent();
      const enterprise = await getEnterprise(db, organisationId);
      return {
        enterprise,
        roles: [...principal.roles],
        scale: content.scale,
        typeSummary: enterprise
          ? ((content.typeNotes[enterprise.organisationType] ?? content.typeNotes.other)?.summary ?? null)
          : null,
        generalGuidance: content.guide.generalGuidance,
        frameworks: await listAssessableFrameworks(db),
        minGroupSize,
      };
    },
  );

  app.get(
    '/assessments',
    {
      config,
      schema: {
        tags,
        summary: "The enterprise's assessments, newest year first, with results",
        response: { 200: Type.Object({ assessments: Type.Array(AssessmentSummarySchema) }) },
      },
    },
    async (request) => ({ assessments: await listOwnAssessments(db, request.principal) }),
  );

  app.post(
    '/assessments',
    {
      config,
      schema: {
        tags,
        summary: 'Start an assessment (full, or the short path for small enterprises)',
        body: NewAssessmentSchema,
        response: { 201: AssessmentSchema },
      },
    },
    async (request, reply) => {
      const created = await createAssessment(db, request.principal, request.body, new Date());
      return reply.code(201).send(created);
    },
  );

  app.get(
    '/assessments/:id',
    {
      config,
      schema: {
        tags,
        summary: 'One assessment with requirements, guidance, answers and result',
        params: IdParams,
        response: { 200: AssessmentDetailSchema },
      },
    },
    async (request) => getAssessmentDetail(db, request.principal, request.params.id),
  );

  app.patch(
    '/assessments/:id',
    {
      config,
      schema: {
        tags,
        summary: 'Rename, or choose whether the approved result is shared anonymously',
        params: IdParams,
        body: AssessmentPatchSchema,
        response: { 200: AssessmentSchema },
      },
    },
    async (request) => updateSettings(db, request.principal, request.params.id, request.body, new Date()),
  );

  app.put(
    '/assessments/:id/answers/:requirementId',
    {
      config,
      schema: {
        tags,
        summary: 'Save one answer; 409 ANSWER_CONFLICT with the current answer when someone else saved first',
        params: Type.Object({ id: Type.String({ maxLength: 100 }), requirementId: Type.String({ maxLength: 100 }) }),
        body: AnswerInputSchema,
        response: {
          200: Type.Object({ answer: AnswerSchema }),
          409: Type.Object({
            ...ErrorBody.properties,
            current: Type.Optional(Type.Union([AnswerSchema, Type.Null()])),
          }),
        },
      },
    },
    async (request, reply) => {
      const { basedOnVersion, ...input } = request.body;
      const outcome = await saveAnswer(
        db,
        request.principal,
        request.params.id,
        request.params.requirementId,
        input,
        basedOnVersion,
        new Date(),
      );
      if (outcome.ok) return { answer: outcome.answer };
      return reply
        .code(409)
        .headers(noStore)
        .send({
          error: {
            code: 'ANSWER_CONFLICT',
            message: 'Someone else saved this answer first; compare and save again',
            details: [],
          },
          current: outcome.current,
        });
    },
  );

  app.post(
    '/assessments/:id/:action',
    {
      config,
      schema: {
        tags,
        summary: 'Workflow: submit (all answered), approve or reopen (security lead)',
        params: Type.Object({
          id: Type.String({ maxLength: 100 }),
          action: literalUnion(['submit', 'approve', 'reopen']),
        }),
        response: { 200: AssessmentSchema },
      },
    },
    async (request) => changeStatus(db, request.principal, request.params.id, request.params.action, new Date()),
  );

  app.get(
    '/assessments/:id/suggestions',
    {
      config,
      schema: {
        tags,
        summary: 'Ranked suggestions for the action plan',
        params: IdParams,
        response: { 200: Type.Object({ suggestions: Type.Array(SuggestionSchema) }) },
      },
    },
    async (request) => ({ suggestions: await suggestionsFor(db, request.principal, request.params.id) }),
  );

  app.get(
    '/history',
    {
      config,
      schema: {
        tags,
        summary: 'Assessments against one framework year by year, side by side',
        querystring: Type.Object({ framework: Type.String({ maxLength: 200 }) }),
        response: {
          200: Type.Object({
            framework: FrameworkViewSchema,
            entries: Type.Array(
              Type.Object({ assessment: AssessmentSchema, answers: Type.Array(AnswerSchema), result: ResultSchema }),
            ),
          }),
        },
      },
    },
    async (request) => assessmentHistory(db, request.principal, request.query.framework),
  );

  app.get(
    '/actions',
    {
      config,
      schema: {
        tags,
        summary: 'The action plan',
        response: { 200: Type.Object({ actions: Type.Array(ActionSchema) }) },
      },
    },
    async (request) => ({ actions: await listPlan(db, request.principal) }),
  );

  app.post(
    '/actions',
    {
      config,
      schema: {
        tags,
        summary: 'Add an action (from a suggestion, or by hand)',
        body: NewActionSchema,
        response: { 201: ActionSchema },
      },
    },
    async (request, reply) => {
      const { locale, ...input } = request.body;
      return reply.code(201).send(await addAction(db, request.principal, input, new Date(), locale ?? 'nb'));
    },
  );

  app.patch(
    '/actions/:id',
    {
      config,
      schema: {
        tags,
        summary: 'Change an action; 409 ACTION_CONFLICT with the current one when someone else changed it first',
        params: IdParams,
        body: ActionPatchSchema,
        response: {
          200: ActionSchema,
          409: Type.Object({ ...ErrorBody.properties, current: Type.Optional(ActionSchema) }),
        },
      },
    },
    async (request, reply) => {
      const { basedOnVersion, ...patch } = request.body;
      const outcome = await updateAction(db, request.principal, request.params.id, patch, basedOnVersion, new Date());
      if (outcome.ok) return outcome.action;
      return reply.code(409).send({
        error: { code: 'ACTION_CONFLICT', message: 'Someone else changed this action first', details: [] },
        current: outcome.current,
      });
    },
  );

  app.delete(
    '/actions/:id',
    { config, schema: { tags, summary: 'Remove an action', params: IdParams, response: { 204: Type.Null() } } },
    async (request, reply) => {
      await removeAction(db, request.principal, request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/benchmark',
    {
      config,
      schema: {
        tags,
        summary:
          'The enterprise beside its closest published peer group, per basic measure (groups of at least k only)',
        querystring: Type.Object({ year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })) }),
        response: { 200: BenchmarkSchema },
      },
    },
    async (request) => benchmarkForEnterprise(db, request.principal, { year: request.query.year, k: minGroupSize }),
  );
}
