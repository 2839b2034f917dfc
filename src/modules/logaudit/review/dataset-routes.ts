/** Routes for datasets, uploads, runs, allowed folders and the control report (/api/v1/log-review …). */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { AppError } from '../../../platform/errors.js';
import {
  changeDatasetSettings,
  createDataset,
  getDataset,
  listDatasetRuns,
  listMyDatasets,
  receiveUpload,
  startRun,
} from './dataset-service.js';
import { findRun } from './run-repository.js';
import { allowFolder, disallowFolder, listAllowedFolders } from './folder-service.js';
import { loadDataset } from './review-access.js';
import { controlReport, controlReportFile } from './report-service.js';
import {
  DatasetBody,
  DatasetOverviewSchema,
  DatasetParams,
  DatasetSchema,
  DatasetSettingsBody,
  FolderBody,
  FolderParams,
  FolderSchema,
  PeriodQuery,
  ReportFileParams,
  ReportFileQuery,
  RunParams,
  RunSchema,
  UploadSchema,
} from './review-schemas.js';
import { contextOf, reviewers, tags, type ReviewDeps } from './route-context.js';
import type { IncomingFile } from './upload-store.js';

const administrators = {
  authenticated: true,
  roles: ['administrator'],
  description: 'Administrator of the installation',
} as const;
const folderReaders = {
  authenticated: true,
  roles: ['log-reviewer', 'administrator'],
  description: "Log reviewers (their organisation's folders) and administrators (all)",
} as const;

export async function datasetRoutes(fastify: FastifyInstance, options: { deps: ReviewDeps }): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { deps } = options;

  app.get(
    '/datasets',
    {
      config: { access: reviewers },
      schema: {
        tags,
        summary: 'Datasets of my organisation, with their latest run',
        response: { 200: Type.Object({ datasets: Type.Array(DatasetOverviewSchema) }) },
      },
    },
    async (request) => ({ datasets: await listMyDatasets(contextOf(request, deps)) }),
  );

  app.post(
    '/datasets',
    {
      config: { access: reviewers },
      schema: {
        tags,
        summary: 'Register a dataset (uploaded files, or an allowed server folder)',
        body: DatasetBody,
        response: { 201: DatasetSchema },
      },
    },
    async (request, reply) => {
      const dataset = await createDataset(contextOf(request, deps), request.body);
      return reply.status(201).send(dataset);
    },
  );

  app.get(
    '/datasets/:datasetId',
    {
      config: { access: reviewers },
      schema: {
        tags,
        summary: 'One dataset: settings, latest and active run, uploads',
        params: DatasetParams,
        response: { 200: Type.Object({ ...DatasetOverviewSchema.properties, uploads: Type.Array(UploadSchema) }) },
      },
    },
    async (request) => getDataset(contextOf(request, deps), request.params.datasetId),
  );

  app.patch(
    '/datasets/:datasetId',
    {
      config: { access: reviewers },
      schema: {
        tags,
        summary: 'Change name, review capacity, finding budget, names in the patient log',
        params: DatasetParams,
        body: DatasetSettingsBody,
        response: { 200: DatasetSchema },
      },
    },
    async (request) => changeDatasetSettings(contextOf(request, deps), request.params.datasetId, request.body),
  );

  app.post(
    '/datasets/:datasetId/uploads',
    {
      config: { access: reviewers },
      schema: {
        tags,
        summary:
          'Upload files of the data contract (multipart; only its file names). The first upload needs the reference files; later ones may bring only new days',
        consumes: ['multipart/form-data'],
        params: DatasetParams,
        response: { 201: UploadSchema },
      },
    },
    async (request, reply) => {
      // Whose dataset first (404 for others), then the form of the request.
      await loadDataset(contextOf(request, deps), request.params.datasetId);
      if (!request.isMultipart()) throw new AppError('BAD_REQUEST', 'Send the files as multipart/form-data');
      async function* files(): AsyncGenerator<IncomingFile> {
        for await (const part of request.files()) {
          yield { filename: part.filename, stream: part.file, truncated: () => part.file.truncated };
        }
      }
      try {
        const upload = await receiveUpload(
          { ...contextOf(request, deps), maxFileBytes: deps.maxUploadFileBytes },
          request.params.datasetId,
          files(),
        );
        return reply.status(201).send(upload);
      } catch (error) {
        if (error instanceof fastify.multipartErrors.RequestFileTooLargeError)
          throw new AppError('PAYLOAD_TOO_LARGE', 'A file is larger than the upload limit');
        if (
          error instanceof fastify.multipartErrors.FilesLimitError ||
          error instanceof fastify.multipartErrors.PartsLimitError ||
          error instanceof fastify.multipartErrors.FieldsLimitError
        )
          throw new AppError(
            'LOG_REVIEW_UPLOAD_INVALID',
            'Too many parts in one upload: send only the files of the data contract',
          );
        throw error;
      }
    },
  );

  app.get(
    '/datasets/:datasetId/runs',
    {
      config: { access: reviewers },
      schema: {
        tags,
        summary: 'Analysis runs, newest first',
        params: DatasetParams,
        response: { 200: Type.Object({ runs: Type.Array(RunSchema) }) },
      },
    },
    async (request) => ({ runs: await listDatasetRuns(contextOf(request, deps), request.params.datasetId) }),
  );

  app.post(
    '/datasets/:datasetId/runs',
    {
      config: { access: reviewers },
      schema: {
        tags,
        summary: 'Start an analysis in the background (new files are read in first)',
        params: DatasetParams,
        response: { 202: RunSchema },
      },
    },
    async (request, reply) => {
      const run = await startRun(contextOf(request, deps), request.params.datasetId, deps.enqueueRun);
      return reply.status(202).send(run);
    },
  );

  app.get(
    '/datasets/:datasetId/runs/:runId',
    {
      config: { access: reviewers },
      schema: {
        tags,
        summary: 'One run: status and progress (poll while it runs)',
        params: RunParams,
        response: { 200: RunSchema },
      },
    },
    async (request) => {
      const dataset = await loadDataset(contextOf(request, deps), request.params.datasetId);
      const run = await findRun(deps.db, request.params.runId);
      if (!run || run.datasetId !== dataset.id) throw new AppError('LOG_REVIEW_RUN_NOT_FOUND', 'No such run');
      return run;
    },
  );

  app.get(
    '/datasets/:datasetId/report',
    {
      config: { access: reviewers },
      schema: {
        tags,
        summary: 'The control report for a period, as data',
        params: DatasetParams,
        querystring: PeriodQuery,
        response: { 200: Type.Object({}, { additionalProperties: true }) },
      },
    },
    async (request) => controlReport(contextOf(request, deps), request.params.datasetId, request.query),
  );

  app.get(
    '/datasets/:datasetId/report/:format',
    {
      config: { access: reviewers },
      schema: {
        tags,
        summary: 'The control report as PDF or XLSX',
        params: ReportFileParams,
        querystring: ReportFileQuery,
      },
    },
    async (request, reply) => {
      const { from, to, lang } = request.query;
      const file = await controlReportFile(
        contextOf(request, deps),
        request.params.datasetId,
        { from, to },
        request.params.format,
        lang ?? 'nb',
      );
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .header('cache-control', 'no-store')
        .send(file.body);
    },
  );

  app.get(
    '/folders',
    {
      config: { access: folderReaders },
      schema: {
        tags,
        summary: 'Server folders allowed as datasets',
        response: { 200: Type.Object({ folders: Type.Array(FolderSchema) }) },
      },
    },
    async (request) => ({ folders: await listAllowedFolders(contextOf(request, deps)) }),
  );

  app.post(
    '/folders',
    {
      config: { access: administrators },
      schema: {
        tags,
        summary: 'Allow a server folder for an organisation',
        body: FolderBody,
        response: { 201: FolderSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await allowFolder(contextOf(request, deps), request.body)),
  );

  app.delete(
    '/folders/:folderId',
    {
      config: { access: administrators },
      schema: { tags, summary: 'Stop allowing a server folder', params: FolderParams },
    },
    async (request, reply) => {
      await disallowFolder(contextOf(request, deps), request.params.folderId);
      return reply.status(204).send();
    },
  );
}
