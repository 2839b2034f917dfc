/** Routes for status reports, their review, history and evidence (/api/v1/reporting/reports …). */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { AppError } from '../../platform/errors.js';
import { requirePrincipal } from '../../platform/http/access.js';
import { originOf } from './cycle-routes.js';
import { maxEvidenceBytes } from './evidence-files.js';
import {
  addEvidenceFile,
  addEvidenceLink,
  loadEditable,
  readEvidenceFile,
  removeEvidence,
} from './evidence-service.js';
import type { ContentPatch } from './report-content.js';
import { changeReport, getReportHistory, getReportView, listVisibleReports } from './report-service.js';
import { getEdition } from '../catalogue/index.js';
import { summariseReport } from './report-view.js';
import type { ReportingDeps } from './reporting-deps.js';
import {
  ApproveReportBody,
  EditReportBody,
  EvidenceLinkBody,
  EvidenceSchema,
  IdParams,
  ReportListQuery,
  ReportSummarySchema,
  ReportViewSchema,
  ReturnReportBody,
  RevisionSchema,
} from './reporting-schemas.js';

const tags = ['reporting'];
const readers = {
  authenticated: true,
  roles: ['strategy-owner', 'ministry-reader', 'measure-owner'],
  description: "Strategy owner (all), measure owner (its own actors' reports), ministry reader (approved reports)",
} as const;
const writers = {
  authenticated: true,
  roles: ['measure-owner'],
  description: 'Measure owner of the actor that writes the report',
} as const;
const reviewers = { authenticated: true, roles: ['strategy-owner'], description: 'Strategy owner' } as const;
const EvidenceParams = Type.Object({ id: Type.String({ maxLength: 80 }), evidenceId: Type.String({ maxLength: 80 }) });

function patchOf(body: Record<string, unknown>): ContentPatch {
  const { expectedRevision: _revision, ...patch } = body;
  return patch as ContentPatch;
}

export async function reportRoutes(fastify: FastifyInstance, options: { deps: ReportingDeps }): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { deps } = options;

  app.get(
    '/reports',
    {
      config: { access: readers },
      schema: {
        tags,
        summary: 'Status reports the caller may see',
        querystring: ReportListQuery,
        response: { 200: Type.Object({ reports: Type.Array(ReportSummarySchema) }) },
      },
    },
    async (request) => {
      const { cycleId, state, actorId, measureId } = request.query;
      const reports = await listVisibleReports(deps, requirePrincipal(request), {
        ...(cycleId ? { cycleId } : {}),
        ...(state ? { states: [state] } : {}),
        ...(actorId ? { actorId } : {}),
        ...(measureId ? { measureId } : {}),
      });
      const summaries = [];
      for (const report of reports)
        summaries.push(summariseReport(await getEdition(deps.db, report.editionId), report));
      return { reports: summaries };
    },
  );

  app.get(
    '/reports/:id',
    {
      config: { access: readers },
      schema: {
        tags,
        summary: 'One report, with its actions and earlier years',
        params: IdParams,
        response: { 200: ReportViewSchema },
      },
    },
    async (request) => getReportView(deps, requirePrincipal(request), request.params.id),
  );

  app.get(
    '/reports/:id/history',
    {
      config: { access: readers },
      schema: {
        tags,
        summary: 'Every kept revision, newest first',
        params: IdParams,
        response: { 200: Type.Object({ revisions: Type.Array(RevisionSchema) }) },
      },
    },
    async (request) => ({ revisions: await getReportHistory(deps, requirePrincipal(request), request.params.id) }),
  );

  app.patch(
    '/reports/:id',
    {
      config: { access: writers },
      schema: {
        tags,
        summary: 'Save changes to a draft or returned report',
        params: IdParams,
        body: EditReportBody,
        response: { 200: ReportViewSchema },
      },
    },
    async (request) => {
      const principal = requirePrincipal(request);
      await changeReport(
        deps,
        principal,
        request.params.id,
        { action: 'edit', expectedRevision: request.body.expectedRevision, patch: patchOf(request.body) },
        new Date(),
      );
      return getReportView(deps, principal, request.params.id);
    },
  );

  app.post(
    '/reports/:id/submit',
    {
      config: { access: writers },
      schema: {
        tags,
        summary: 'Submit the report for review (optionally saving changes first)',
        params: IdParams,
        body: EditReportBody,
        response: { 200: ReportViewSchema },
      },
    },
    async (request) => {
      const principal = requirePrincipal(request);
      await changeReport(
        deps,
        principal,
        request.params.id,
        { action: 'submit', expectedRevision: request.body.expectedRevision, patch: patchOf(request.body) },
        new Date(),
        originOf(request),
      );
      return getReportView(deps, principal, request.params.id);
    },
  );

  app.post(
    '/reports/:id/return',
    {
      config: { access: reviewers },
      schema: {
        tags,
        summary: 'Return the report to its actor with a comment',
        params: IdParams,
        body: ReturnReportBody,
        response: { 200: ReportViewSchema },
      },
    },
    async (request) => {
      const principal = requirePrincipal(request);
      await changeReport(
        deps,
        principal,
        request.params.id,
        { action: 'return', expectedRevision: request.body.expectedRevision, comment: request.body.comment },
        new Date(),
        originOf(request),
      );
      return getReportView(deps, principal, request.params.id);
    },
  );

  app.post(
    '/reports/:id/approve',
    {
      config: { access: reviewers },
      schema: {
        tags,
        summary: 'Approve a submitted report',
        params: IdParams,
        body: ApproveReportBody,
        response: { 200: ReportViewSchema },
      },
    },
    async (request) => {
      const principal = requirePrincipal(request);
      await changeReport(
        deps,
        principal,
        request.params.id,
        { action: 'approve', expectedRevision: request.body.expectedRevision },
        new Date(),
        originOf(request),
      );
      return getReportView(deps, principal, request.params.id);
    },
  );

  app.post(
    '/reports/:id/evidence/links',
    {
      config: { access: writers },
      schema: {
        tags,
        summary: 'Add an https link as evidence',
        params: IdParams,
        body: EvidenceLinkBody,
        response: { 201: EvidenceSchema },
      },
    },
    async (request, reply) => {
      const evidence = await addEvidenceLink(
        deps,
        requirePrincipal(request),
        request.params.id,
        request.body,
        new Date(),
      );
      return reply.status(201).send(evidence);
    },
  );

  app.post(
    '/reports/:id/evidence/files',
    {
      config: { access: writers },
      schema: {
        tags,
        summary: `Upload a file as evidence (multipart "file", optional "title"; PDF, PNG, JPEG, DOCX, XLSX or TXT up to ${maxEvidenceBytes / 1024 / 1024} MB)`,
        consumes: ['multipart/form-data'],
        params: IdParams,
        response: { 201: EvidenceSchema },
      },
    },
    async (request, reply) => {
      const principal = requirePrincipal(request);
      // Refuse before reading the upload when the caller may not change this report.
      await loadEditable(deps, principal, request.params.id);
      if (!request.isMultipart()) throw new AppError('BAD_REQUEST', 'Send the file as multipart/form-data');
      let title = '';
      let file: { fileName: string; bytes: Buffer } | null = null;
      try {
        for await (const part of request.parts({ limits: { fileSize: maxEvidenceBytes, files: 1, fields: 5 } })) {
          if (part.type === 'file' && part.fieldname === 'file')
            file = { fileName: part.filename, bytes: await part.toBuffer() };
          else if (part.type === 'file') await part.toBuffer();
          else if (part.fieldname === 'title' && typeof part.value === 'string') title = part.value;
        }
      } catch (error) {
        if (error instanceof fastify.multipartErrors.RequestFileTooLargeError) {
          throw new AppError(
            'EVIDENCE_TOO_LARGE',
            `Evidence files may be at most ${maxEvidenceBytes / 1024 / 1024} MB`,
          );
        }
        throw error;
      }
      if (!file)
        throw new AppError('VALIDATION_FAILED', 'No file in the upload', [{ field: 'file', message: 'required' }]);
      const evidence = await addEvidenceFile(deps, principal, request.params.id, { title, ...file }, new Date());
      return reply.status(201).send(evidence);
    },
  );

  app.delete(
    '/reports/:id/evidence/:evidenceId',
    {
      config: { access: writers },
      schema: { tags, summary: 'Remove evidence (kept in the history)', params: EvidenceParams },
    },
    async (request, reply) => {
      await removeEvidence(deps, requirePrincipal(request), request.params.id, request.params.evidenceId, new Date());
      return reply.status(204).send();
    },
  );

  app.get(
    '/reports/:id/evidence/:evidenceId/file',
    { config: { access: readers }, schema: { tags, summary: 'Download an evidence file', params: EvidenceParams } },
    async (request, reply) => {
      const file = await readEvidenceFile(
        deps,
        requirePrincipal(request),
        request.params.id,
        request.params.evidenceId,
        new Date(),
        originOf(request),
      );
      return reply
        .header('content-type', file.mediaType)
        .header(
          'content-disposition',
          `attachment; filename="${file.fileName.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
        )
        .header('cache-control', 'private, no-store')
        .send(file.bytes);
    },
  );
}
