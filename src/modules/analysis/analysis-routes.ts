/**
 * The analysis API (/api/v1/analysis): the published edition's coverage and mapping (public), mapping edits, their
 * history and drafts (strategy owner; history for any logged-in user). Handlers validate and delegate.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Static } from 'typebox';
import type { Db } from '../../platform/db/database.js';
import { strategyOwnerRoles } from './analysis-access.js';
import {
  CoverageQuerySchema,
  CoverageReportSchema,
  DraftChangeBodySchema,
  DraftCoverageSchema,
  DraftDetailSchema,
  DraftExportQuerySchema,
  DraftListSchema,
  DraftParamsSchema,
  DraftSchema,
  EditionQuerySchema,
  ExportQuerySchema,
  LinkEditSchema,
  MeasureParamsSchema,
  NewDraftSchema,
  PublicMappingSchema,
  PublishBodySchema,
  PublishResultSchema,
  HistorySchema,
  RevisionSchema,
} from './analysis-schemas.js';
import { coverageFile, type CoverageFile } from './coverage-files.js';
import { editionCoverage } from './coverage-service.js';
import {
  createDraft,
  discardDraft,
  draftCoverage,
  getDraft,
  listDrafts,
  publishDraft,
  saveDraftChange,
} from './draft-service.js';
import { editMeasureLinks, loadMapping, measureLinkHistory } from './mapping-service.js';
import { getEdition } from '../catalogue/index.js';
import type { MeasureOverrides, ProposedMeasure } from './draft-types.js';

const publicAccess = { public: true, description: 'Anyone: the strategy and its analysis are public' } as const;
const ownerAccess = { authenticated: true, roles: strategyOwnerRoles, description: 'Strategy owner' } as const;
const loggedIn = { authenticated: true, description: 'Any logged-in user' } as const;
const tags = ['analysis'];

const origin = (request: FastifyRequest) => ({ ip: request.ip, userAgent: request.headers['user-agent'] ?? null });

function sendFile(reply: FastifyReply, file: CoverageFile) {
  return reply
    .type(file.contentType)
    .header('content-disposition', `attachment; filename="${file.fileName}"`)
    .send(file.body);
}

// Domain values use readonly arrays in places; the schemas only shape the JSON.
const asJson = <T>(value: unknown) => value as T;

export async function analysisRoutes(fastify: FastifyInstance, options: { db: Db }): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = options;

  app.get(
    '/coverage',
    {
      config: { access: publicAccess },
      schema: {
        tags,
        summary: 'Coverage of NSM principles, area goals and strategic areas by the measures, with gaps',
        description:
          "Varde's own analysis. Scores, levels, the audience rule and the gap rules are described in `rules` and in docs/analysis.md.",
        querystring: CoverageQuerySchema,
        response: { 200: CoverageReportSchema },
      },
    },
    async (request) =>
      asJson<Static<typeof CoverageReportSchema>>(
        await editionCoverage(db, { editionId: request.query.edition, framework: request.query.framework }),
      ),
  );

  app.get(
    '/coverage/export',
    {
      config: { access: publicAccess },
      schema: {
        tags,
        summary: 'The coverage analysis as XLSX (all tables) or CSV (one table)',
        querystring: ExportQuerySchema,
        produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'text/csv'],
      },
    },
    async (request, reply) => {
      const { query } = request;
      const report = await editionCoverage(db, { editionId: query.edition, framework: query.framework });
      const file = await coverageFile(db, request.principal, report, {
        format: query.format ?? 'xlsx',
        table: query.table ?? 'principles',
        lang: query.lang ?? 'nb',
        now: new Date(),
        origin: origin(request),
      });
      return sendFile(reply, file);
    },
  );

  app.get(
    '/mapping',
    {
      config: { access: publicAccess },
      schema: {
        tags,
        summary: "The measures' current links (Varde's own analysis)",
        querystring: EditionQuerySchema,
        response: { 200: PublicMappingSchema },
      },
    },
    async (request) => {
      const edition = await getEdition(db, request.query.edition);
      const { set, revisions } = await loadMapping(db, edition.edition.id);
      return {
        edition: edition.edition.id,
        frameworkId: set.frameworkId,
        title: set.title,
        analysis: set.analysis,
        measures: revisions.map((r) => ({
          measureId: r.measureId,
          revision: r.revision,
          origin: r.origin,
          at: r.at,
          links: r.links,
        })),
      };
    },
  );

  app.put(
    '/mapping/:measureId',
    {
      config: { access: ownerAccess },
      schema: {
        tags,
        summary: "Change one measure's links; kept as a new revision with author, time and reason",
        params: MeasureParamsSchema,
        body: LinkEditSchema,
        response: { 200: RevisionSchema },
      },
    },
    async (request) =>
      editMeasureLinks(db, request.principal, {
        editionId: request.body.edition,
        measureId: request.params.measureId,
        links: request.body.links,
        note: request.body.note,
        expectedRevision: request.body.expectedRevision,
        now: new Date(),
        origin: origin(request),
      }),
  );

  app.get(
    '/mapping/:measureId/history',
    {
      config: { access: loggedIn },
      schema: {
        tags,
        summary: "Every revision of one measure's links, newest first",
        params: MeasureParamsSchema,
        querystring: EditionQuerySchema,
        response: { 200: HistorySchema },
      },
    },
    async (request) => {
      const revisions = await measureLinkHistory(db, request.principal, {
        editionId: request.query.edition,
        measureId: request.params.measureId,
      });
      return { count: revisions.length, revisions };
    },
  );

  app.get(
    '/drafts',
    {
      config: { access: ownerAccess },
      schema: { tags, summary: 'Drafts (what-if editions), newest first', response: { 200: DraftListSchema } },
    },
    async (request) => {
      const drafts = await listDrafts(db, request.principal);
      return { count: drafts.length, drafts };
    },
  );

  app.post(
    '/drafts',
    {
      config: { access: ownerAccess },
      schema: {
        tags,
        summary: 'Start a draft over the published edition',
        body: NewDraftSchema,
        response: { 201: DraftSchema },
      },
    },
    async (request, reply) => {
      const draft = await createDraft(db, request.principal, {
        title: request.body.title,
        proposedEditionId: request.body.proposedEditionId,
        baseEditionId: request.body.baseEditionId,
        now: new Date(),
        origin: origin(request),
      });
      return reply.status(201).send(draft);
    },
  );

  app.get(
    '/drafts/:id',
    {
      config: { access: ownerAccess },
      schema: {
        tags,
        summary: 'One draft with its changes and their history',
        params: DraftParamsSchema,
        response: { 200: DraftDetailSchema },
      },
    },
    async (request) =>
      asJson<Static<typeof DraftDetailSchema>>(await getDraft(db, request.principal, request.params.id)),
  );

  app.post(
    '/drafts/:id/changes',
    {
      config: { access: ownerAccess },
      schema: {
        tags,
        summary: 'Propose a measure, change or retire one, or revert a change (each kept in the history)',
        params: DraftParamsSchema,
        body: DraftChangeBodySchema,
        response: { 200: DraftDetailSchema },
      },
    },
    async (request) => {
      const body = request.body;
      const detail = await saveDraftChange(db, request.principal, request.params.id, {
        measureId: body.measureId,
        action: body.action,
        measure: (body.measure ?? null) as ProposedMeasure | MeasureOverrides | null,
        links: body.links ?? null,
        note: body.note,
        now: new Date(),
        origin: origin(request),
      });
      return asJson<Static<typeof DraftDetailSchema>>(detail);
    },
  );

  app.get(
    '/drafts/:id/coverage',
    {
      config: { access: ownerAccess },
      schema: {
        tags,
        summary: 'Coverage with the draft beside the published edition, and the change per target and group',
        params: DraftParamsSchema,
        response: { 200: DraftCoverageSchema },
      },
    },
    async (request) =>
      asJson<Static<typeof DraftCoverageSchema>>(await draftCoverage(db, request.principal, request.params.id)),
  );

  app.get(
    '/drafts/:id/coverage/export',
    {
      config: { access: ownerAccess },
      schema: {
        tags,
        summary: "The draft's coverage as XLSX or CSV",
        params: DraftParamsSchema,
        querystring: DraftExportQuerySchema,
      },
    },
    async (request, reply) => {
      const { proposed } = await draftCoverage(db, request.principal, request.params.id);
      const file = await coverageFile(db, request.principal, proposed, {
        format: request.query.format ?? 'xlsx',
        table: request.query.table ?? 'principles',
        lang: request.query.lang ?? 'nb',
        now: new Date(),
        origin: origin(request),
        draftId: request.params.id,
      });
      return sendFile(reply, file);
    },
  );

  app.post(
    '/drafts/:id/publish',
    {
      config: { access: ownerAccess },
      schema: {
        tags,
        summary: 'Publish the draft as a new catalogue edition (with its mapping), superseding its base',
        params: DraftParamsSchema,
        body: PublishBodySchema,
        response: { 200: PublishResultSchema },
      },
    },
    async (request) =>
      publishDraft(db, request.principal, request.params.id, {
        editionTitle: request.body.editionTitle,
        now: new Date(),
        origin: origin(request),
      }),
  );

  app.post(
    '/drafts/:id/discard',
    {
      config: { access: ownerAccess },
      schema: {
        tags,
        summary: 'Discard the draft (it stays in the history)',
        params: DraftParamsSchema,
        response: { 200: DraftSchema },
      },
    },
    async (request) => discardDraft(db, request.principal, request.params.id, new Date(), origin(request)),
  );
}
