/**
 * Registers log review on the HTTP server (/api/v1/log-review): multipart uploads for its own routes only, the
 * background job runner for analyses, the folders allowed by VARDE_LOG_FOLDERS, and — since a job does not survive
 * a restart — every run left queued or running by a previous process is marked failed before anything else.
 */
import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { AppConfig } from '../../../platform/config.js';
import type { Db } from '../../../platform/db/database.js';
import { caseRoutes } from './case-routes.js';
import { failInterruptedRuns } from './run-repository.js';
import { datasetRoutes } from './dataset-routes.js';
import { parseLogFolders, syncEnvFolders } from './folder-service.js';
import { JobRunner } from './job-runner.js';
import { portalRoutes } from './portal-routes.js';
import type { ReviewDeps } from './route-context.js';
import { executeRun } from './run-analysis.js';
import { closeAllWorkspaces } from './workspace-pool.js';

export interface LogReviewOptions {
  readonly db: Db;
  readonly config: AppConfig;
  /** Environment for VARDE_LOG_FOLDERS and VARDE_LOG_UPLOAD_MAX_MB (default: process.env). */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

export const DEFAULT_UPLOAD_MAX_MB = 2048;

function uploadLimitBytes(env: Readonly<Record<string, string | undefined>>): number {
  const raw = env.VARDE_LOG_UPLOAD_MAX_MB;
  const mb = raw ? Number(raw) : DEFAULT_UPLOAD_MAX_MB;
  if (!Number.isInteger(mb) || mb < 1 || mb > 1024 * 1024)
    throw new Error(`VARDE_LOG_UPLOAD_MAX_MB must be a whole number of megabytes, got "${raw}"`);
  return mb * 1024 * 1024;
}

export async function logReviewRoutes(fastify: FastifyInstance, options: LogReviewOptions): Promise<void> {
  const { db, config } = options;
  const env = options.env ?? process.env;
  const runner = new JobRunner((error) => fastify.log.error({ err: error }, 'log-review analysis failed'));
  const maxUploadFileBytes = uploadLimitBytes(env);
  const runDeps = { db, dataDir: config.dataDir, clock: () => new Date() };
  const deps: ReviewDeps = {
    db,
    dataDir: config.dataDir,
    runner,
    maxUploadFileBytes,
    demo: config.demo,
    enqueueRun: (runId) => runner.enqueue(() => executeRun(runDeps, runId)),
  };
  const interrupted = await failInterruptedRuns(db, new Date());
  if (interrupted > 0) fastify.log.warn({ interrupted }, 'log-review runs interrupted by a restart were marked failed');
  await syncEnvFolders(db, parseLogFolders(env.VARDE_LOG_FOLDERS), new Date(), (message) => fastify.log.warn(message));

  await fastify.register(fastifyMultipart, { limits: { fileSize: maxUploadFileBytes, files: 7, fields: 0, parts: 7 } });
  await fastify.register(datasetRoutes, { deps });
  await fastify.register(caseRoutes, { deps });
  await fastify.register(portalRoutes, { deps });
  fastify.addHook('onClose', async () => {
    await runner.idle();
    await closeAllWorkspaces();
  });
}
