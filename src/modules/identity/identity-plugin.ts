/**
 * Registers identity on the HTTP server: the session/CSRF/audit hooks on every request (before any module's
 * routes), then the auth, demo (demo mode only) and administration routes.
 */
import type { FastifyInstance } from 'fastify';
import type { AppConfig } from '../../platform/config.js';
import type { Db } from '../../platform/db/database.js';
import { authRoutes } from './auth-routes.js';
import { demoRoutes } from './demo-routes.js';
import { registerIdentityHooks } from './identity-http.js';
import { identityRoutes } from './identity-routes.js';
import { createOidcClient, type OidcClient, type OidcClientOptions } from './oidc-client.js';

export interface IdentityDeps {
  readonly db: Db;
  readonly config: AppConfig;
  /** A ready OIDC client (tests); by default one is made from `config.oidc`. */
  readonly oidc?: OidcClient | null;
  readonly oidcOptions?: OidcClientOptions;
}

export async function registerIdentity(app: FastifyInstance, deps: IdentityDeps): Promise<void> {
  const { db, config } = deps;
  const oidc =
    deps.oidc !== undefined ? deps.oidc : config.oidc ? createOidcClient(config.oidc, deps.oidcOptions) : null;
  registerIdentityHooks(app, { db, config });
  await app.register(authRoutes, { prefix: '/api/v1/auth', db, config, oidc });
  if (config.demo) await app.register(demoRoutes, { prefix: '/api/v1/auth', db, config });
  await app.register(identityRoutes, { prefix: '/api/v1/identity', db });
}
