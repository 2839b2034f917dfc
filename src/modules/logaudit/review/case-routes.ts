/** Routes for cases, decisions, explanation rules and the reviewer's view of a patient's access log. */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { listCases, openCase } from './case-service.js';
import { decideCase, reviewDecision } from './decision-service.js';
import { createPortalLink, reviewerPatientLog } from './patient-log-service.js';
import {
  CaseDetailSchema,
  CaseListSchema,
  CaseParams,
  CaseQuery,
  CaseViewQuery,
  DatasetParams,
  DecisionBody,
  DecisionParams,
  DecisionSchema,
  LinkSchema,
  PatientLogBody,
  PatientLogSchema,
  PortalLinkBody,
  ReviewBody,
  RuleActionBody,
  RuleBody,
  RuleParams,
  RuleSchema,
} from './review-schemas.js';
import { changeRule, getRule, listOrganisationRules, proposeRule } from './rule-service.js';
import { contextOf, reviewers, tags, viewReasonOf, type ReviewDeps } from './route-context.js';
import { ruleStatuses } from './types.js';

const reasonHeader = {
  type: 'object',
  properties: {
    'x-view-reason': {
      type: 'string',
      maxLength: 1500,
      description: 'Why you open this (URI-encoded); required, written to the audit trail',
    },
  },
} as const;

export async function caseRoutes(fastify: FastifyInstance, options: { deps: ReviewDeps }): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { deps } = options;

  app.get(
    '/datasets/:datasetId/cases',
    {
      config: { access: reviewers },
      schema: {
        tags,
        summary: 'Cases (flagged users), ranked, with filters and the review capacity; pseudonymous',
        params: DatasetParams,
        querystring: CaseQuery,
        response: { 200: CaseListSchema },
      },
    },
    async (request) => listCases(contextOf(request, deps), request.params.datasetId, request.query),
  );

  app.get(
    '/datasets/:datasetId/cases/:caseId',
    {
      config: { access: reviewers },
      schema: {
        tags,
        summary: 'Open a case (needs a reason; audited). Names only with showNames=true',
        params: CaseParams,
        querystring: CaseViewQuery,
        headers: reasonHeader,
        response: { 200: CaseDetailSchema },
      },
    },
    async (request) =>
      openCase(contextOf(request, deps), request.params.datasetId, request.params.caseId, {
        reason: viewReasonOf(request, request.query.reason),
        showNames: request.query.showNames ?? false,
      }),
  );

  app.post(
    '/datasets/:datasetId/cases/:caseId/decisions',
    {
      config: { access: reviewers },
      schema: {
        tags,
        summary:
          'Decide a case: legitimate (with kind, optionally proposing a rule), not legitimate (needs a second reviewer), follow-up',
        params: CaseParams,
        body: DecisionBody,
        response: { 201: DecisionSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await decideCase(contextOf(request, deps), request.params.datasetId, request.params.caseId, request.body),
        ),
  );

  app.post(
    '/datasets/:datasetId/cases/:caseId/decisions/:decisionId/review',
    {
      config: { access: reviewers },
      schema: {
        tags,
        summary: 'Second reviewer: approve or reject a "not legitimate" decision',
        params: DecisionParams,
        body: ReviewBody,
        response: { 200: DecisionSchema },
      },
    },
    async (request) =>
      reviewDecision(
        contextOf(request, deps),
        request.params.datasetId,
        request.params.caseId,
        request.params.decisionId,
        request.body,
      ),
  );

  app.post(
    '/datasets/:datasetId/patient-log',
    {
      config: { access: reviewers },
      schema: {
        tags,
        summary: "A patient's access log, on the patient's request (needs a reason; audited)",
        params: DatasetParams,
        body: PatientLogBody,
        response: { 200: PatientLogSchema },
      },
    },
    async (request) => {
      const { patientId, from, to, lang, reason } = request.body;
      return reviewerPatientLog(contextOf(request, deps), request.params.datasetId, {
        patientId,
        from,
        to,
        lang: lang ?? 'nb',
        reason,
      });
    },
  );

  app.post(
    '/datasets/:datasetId/portal-links',
    {
      config: { access: reviewers },
      schema: {
        tags,
        summary: 'A link for the patient portal page showing one patient their access log (7 days)',
        params: DatasetParams,
        body: PortalLinkBody,
        response: { 201: LinkSchema },
      },
    },
    async (request, reply) => {
      const link = await createPortalLink(contextOf(request, deps), request.params.datasetId, request.body);
      return reply.status(201).send({ path: link.path, expiresAt: link.expiresAt });
    },
  );

  app.get(
    '/rules',
    {
      config: { access: reviewers },
      schema: {
        tags,
        summary: "My organisation's explanation rules",
        querystring: Type.Object({
          status: Type.Optional(
            Type.Unsafe<(typeof ruleStatuses)[number]>({ type: 'string', enum: [...ruleStatuses] }),
          ),
        }),
        response: { 200: Type.Object({ rules: Type.Array(RuleSchema) }) },
      },
    },
    async (request) => ({ rules: await listOrganisationRules(contextOf(request, deps), request.query.status) }),
  );

  app.post(
    '/rules',
    {
      config: { access: reviewers },
      schema: { tags, summary: 'Propose an explanation rule', body: RuleBody, response: { 201: RuleSchema } },
    },
    async (request, reply) =>
      reply.status(201).send(await proposeRule(contextOf(request, deps), request.body.draft, request.body.reason)),
  );

  app.get(
    '/rules/:ruleId',
    {
      config: { access: reviewers },
      schema: {
        tags,
        summary: 'One rule with its history',
        params: RuleParams,
        response: {
          200: Type.Object({ rule: RuleSchema, history: Type.Array(Type.Object({}, { additionalProperties: true })) }),
        },
      },
    },
    async (request) => getRule(contextOf(request, deps), request.params.ruleId),
  );

  app.post(
    '/rules/:ruleId/actions',
    {
      config: { access: reviewers },
      schema: {
        tags,
        summary: 'Approve, reject, edit, retire or reinstate a rule (with a reason)',
        params: RuleParams,
        body: RuleActionBody,
        response: { 200: RuleSchema },
      },
    },
    async (request) => changeRule(contextOf(request, deps), request.params.ruleId, request.body),
  );
}
