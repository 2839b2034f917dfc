/**
 * The composition root: the HTTP server from the platform, with every module's routes registered under /api/v1.
 * A module is added here with one line; its routes declare their own access policies.
 */
import type { FastifyInstance } from 'fastify';
import type { AppConfig } from './platform/config.js';
import type { Db } from './platform/db/database.js';
import { createHttpServer } from './platform/http/server.js';
import { catalogueRoutes } from './modules/catalogue/index.js';

export interface AppDeps {
  readonly config: AppConfig;
  readonly db: Db;
  readonly logger?: boolean;
  /** Serve the built web UI (off in API tests). */
  readonly serveWeb?: boolean;
}

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = await createHttpServer({
    config: deps.config,
    logger: deps.logger ?? true,
    serveWeb: deps.serveWeb ?? false,
  });
  await app.register(catalogueRoutes, { prefix: '/api/v1/catalogue', db: deps.db });
  return app;
}
