/**
 * The composition root: the HTTP server from the platform, with every module's routes registered under /api/v1.
 * A module is added here with one line; its routes declare their own access policies.
 */
import type { FastifyInstance } from 'fastify';
import type { AppConfig } from './platform/config.js';
import type { Db } from './platform/db/database.js';
import { createHttpServer } from './platform/http/server.js';
import { catalogueRoutes } from './modules/catalogue/index.js';
import { frameworksRoutes } from './modules/frameworks/index.js';
import { analysisRoutes } from './modules/analysis/index.js';
import { registerIdentity, type IdentityDeps } from './modules/identity/index.js';
import { auditRoutes } from './modules/audit/index.js';
import { reportingRoutes } from './modules/reporting/index.js';
import { assessmentRoutes } from './modules/assessment/index.js';
import { logReviewRoutes } from './modules/logaudit/review/index.js';

export interface AppDeps {
  readonly config: AppConfig;
  readonly db: Db;
  readonly logger?: boolean;
  /** Serve the built web UI (off in API tests). */
  readonly serveWeb?: boolean;
  /** Tests only: a prepared OIDC client or options for it (e.g. a fetch that tampers with the provider's answers). */
  readonly identity?: Pick<IdentityDeps, 'oidc' | 'oidcOptions'>;
}

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = await createHttpServer({
    config: deps.config,
    logger: deps.logger ?? true,
    serveWeb: deps.serveWeb ?? false,
  });
  // Sessions, CSRF and the audit of refusals first: every module's routes rely on request.principal.
  await registerIdentity(app, { db: deps.db, config: deps.config, ...deps.identity });
  await app.register(auditRoutes, { prefix: '/api/v1/audit', db: deps.db });
  await app.register(catalogueRoutes, { prefix: '/api/v1/catalogue', db: deps.db });
  await app.register(frameworksRoutes, { prefix: '/api/v1/frameworks', db: deps.db });
  await app.register(analysisRoutes, { prefix: '/api/v1/analysis', db: deps.db });
  // The running server (serveWeb) also runs the reminder job every five minutes; API tests call it directly.
  await app.register(reportingRoutes, {
    prefix: '/api/v1/reporting',
    db: deps.db,
    config: deps.config,
    reminderIntervalMs: deps.serveWeb ? 5 * 60_000 : undefined,
  });
  await app.register(logReviewRoutes, { prefix: '/api/v1/log-review', db: deps.db, config: deps.config });
  await app.register(assessmentRoutes, { prefix: '/api/v1/assessment', db: deps.db, config: deps.config });
  return app;
}
