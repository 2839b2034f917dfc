/**
 * Every route states who may call it, in `config.access`. A route under /api without a declared policy makes the
 * application refuse to start (and so fails the tests). The identity module sets `request.principal` from the
 * session; this hook only compares the principal with the route's policy. Object-level checks (which organisation's
 * data) stay in the service functions, which receive the principal.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';

export const roles = [
  'strategy-owner',
  'ministry-reader',
  'measure-owner',
  'enterprise-lead',
  'enterprise-member',
  'sector-analyst',
  'log-reviewer',
  'administrator',
] as const;
export type Role = (typeof roles)[number];

export interface Principal {
  readonly userId: string;
  readonly displayName: string;
  readonly sessionId: string;
  /** The organisation the user acts for now; roles below are the roles held there. */
  readonly organisationId: string | null;
  readonly roles: readonly Role[];
  /** For measure owners: the catalogue actor ids their organisation represents. */
  readonly actorIds: readonly string[];
  /**
   * The organisations whose data this principal may see: the active organisation and everything below it in the
   * tree. Set by the identity module; when absent, only `organisationId` itself.
   */
  readonly organisationScope?: readonly string[];
  /** How the session was started: `oidc` (the identity provider), `demo` (demo persona), `test`. */
  readonly authMethod?: 'oidc' | 'demo' | 'test';
}

export type AccessPolicy =
  | { readonly public: true; readonly description?: string }
  | { readonly authenticated: true; readonly roles?: readonly Role[]; readonly description?: string };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: AccessPolicy;
  }
  interface FastifyRequest {
    principal: Principal | null;
  }
}

/** Routes that infrastructure plugins add (the OpenAPI browser) and that serve no data. */
const infrastructurePrefixes = ['/api/docs'];

export function requiresDeclaredPolicy(url: string): boolean {
  return url.startsWith('/api/') && !infrastructurePrefixes.some((prefix) => url.startsWith(prefix));
}

export function checkAccess(policy: AccessPolicy, principal: Principal | null): void {
  if ('public' in policy) return;
  if (!principal) throw new AppError('UNAUTHENTICATED', 'Log in to use this route');
  if (policy.roles && !policy.roles.some((role) => principal.roles.includes(role))) {
    throw new AppError('FORBIDDEN', 'Your role does not allow this');
  }
}

export function requirePrincipal(request: FastifyRequest): Principal {
  if (!request.principal) throw new AppError('UNAUTHENTICATED', 'Log in to use this route');
  return request.principal;
}

/** Every route as registered, with its policy: the generated authorization test walks this list. */
export interface DeclaredRoute {
  readonly method: string;
  readonly url: string;
  readonly access: AccessPolicy | undefined;
}

declare module 'fastify' {
  interface FastifyInstance {
    declaredRoutes: DeclaredRoute[];
  }
}

export function registerAccessControl(app: FastifyInstance): void {
  app.decorateRequest('principal', null);
  const declared: DeclaredRoute[] = [];
  app.decorate('declaredRoutes', declared);
  app.addHook('onRoute', (route) => {
    if (requiresDeclaredPolicy(route.url) && !route.config?.access) {
      throw new Error(`Route ${String(route.method)} ${route.url} declares no access policy (config.access)`);
    }
    for (const method of [route.method].flat()) declared.push({ method, url: route.url, access: route.config?.access });
  });
  // Before validation, so a request without a session gets 401 whatever its body or query holds.
  app.addHook('preValidation', async (request) => {
    const policy = request.routeOptions.config.access;
    if (policy) checkAccess(policy, request.principal);
  });
}
