/**
 * The identity module's hooks on every /api request, registered before any module's routes:
 * 1. the session cookie → `request.principal` (idle and absolute timeouts enforced on the way; the cookie is cleared
 *    only when this request ended the session, never for an unknown id that a newer cookie may already replace);
 * 2. CSRF protection on unsafe methods: the Origin must be this site, and a logged-in request must carry the
 *    session's token in `X-CSRF-Token`;
 * 3. every refusal (403) is written to the audit trail with who, which route and object, and from where;
 * 4. responses to logged-in requests are `Cache-Control: no-store`.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { defaultSessionConfig, type AppConfig } from '../../platform/config.js';
import type { Db } from '../../platform/db/database.js';
import { AppError, isAppError } from '../../platform/errors.js';
import { writeAuditEvent } from '../audit/index.js';
import { sameSecret } from './session-policy.js';
import { resolveSession, type ResolvedSession } from './session-service.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The resolved server-side session of this request, if any (set by the identity module). */
    identitySession: ResolvedSession | null;
  }
}

export interface CookieNames {
  readonly session: string;
  readonly login: string;
  readonly secure: boolean;
}

/** `__Host-` cookies over HTTPS (Secure, Path=/, no Domain: bound to this exact host); plain names over HTTP. */
export function cookieNames(publicUrl: string): CookieNames {
  const secure = publicUrl.startsWith('https://');
  return {
    session: secure ? '__Host-varde_session' : 'varde_session',
    login: secure ? '__Host-varde_login' : 'varde_login',
    secure,
  };
}

export function cookieOptions(names: CookieNames, maxAgeSeconds?: number) {
  return {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: names.secure,
    ...(maxAgeSeconds ? { maxAge: maxAgeSeconds } : {}),
  };
}

export function requestOrigin(request: FastifyRequest): { ip: string | null; userAgent: string | null } {
  return { ip: request.ip ?? null, userAgent: request.headers['user-agent'] ?? null };
}

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The browser's Origin names the host the request was sent to (so it is same-origin, whatever PUBLIC_URL says). */
function sameHost(origin: string, host: string | undefined): boolean {
  try {
    return host !== undefined && new URL(origin).host === host;
  } catch {
    return false;
  }
}

function checkCsrf(request: FastifyRequest, publicOrigin: string): void {
  const origin = request.headers.origin;
  if (origin !== undefined && origin !== publicOrigin && !sameHost(origin, request.headers.host)) {
    throw new AppError('CSRF_FAILED', 'The request comes from another site');
  }
  if (origin === undefined && request.headers['sec-fetch-site'] === 'cross-site') {
    throw new AppError('CSRF_FAILED', 'The request comes from another site');
  }
  const session = request.identitySession;
  if (!session) return;
  const header = request.headers['x-csrf-token'];
  if (typeof header !== 'string' || !sameSecret(header, session.session.csrfToken)) {
    throw new AppError('CSRF_FAILED', 'The X-CSRF-Token header is missing or wrong; reload the page');
  }
}

async function recordDenial(db: Db, request: FastifyRequest, error: AppError): Promise<void> {
  const principal = request.principal;
  const params = (request.params ?? {}) as Record<string, unknown>;
  const objectId = ['id', 'organisationId', 'userId'].map((k) => params[k]).find((v) => typeof v === 'string') as
    string | undefined;
  await writeAuditEvent(db, {
    at: new Date(),
    actorUserId: principal?.userId ?? null,
    actorName: principal?.displayName ?? null,
    organisationId: principal?.organisationId ?? null,
    action: 'access.denied',
    objectType: request.routeOptions.url ?? null,
    objectId: objectId ?? null,
    outcome: 'denied',
    ...requestOrigin(request),
    detail: {
      method: request.method,
      route: request.routeOptions.url ?? null,
      params,
      code: error.code,
      message: error.message,
    },
  });
}

export function registerIdentityHooks(app: FastifyInstance, deps: { db: Db; config: AppConfig }): void {
  const { db, config } = deps;
  const names = cookieNames(config.publicUrl);
  const sessionConfig = config.session ?? defaultSessionConfig;
  const publicOrigin = new URL(config.publicUrl).origin;
  app.decorateRequest('identitySession', null);

  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    if (!request.url.startsWith('/api/')) return;
    const token = request.cookies?.[names.session];
    if (token) {
      const lookup = await resolveSession(db, sessionConfig, token, new Date());
      if (lookup.status === 'active') {
        request.identitySession = lookup.resolved;
        request.principal = lookup.resolved.principal;
      } else if (lookup.status === 'ended') {
        // This request is what ended the session (idle or absolute timeout, user deactivated): tell the browser.
        reply.clearCookie(names.session, cookieOptions(names));
        await writeAuditEvent(db, {
          at: new Date(),
          actorUserId: null,
          action: 'auth.session-end',
          objectType: 'session',
          outcome: 'success',
          ...requestOrigin(request),
          detail: { reason: lookup.reason },
        });
      }
      // An unknown id ('none') is left alone: it is usually one an organisation switch or a login has just
      // replaced, sent by a request that was already on its way. Clearing the cookie in that answer would delete
      // the browser's new session cookie (cookies are cleared by name, not by value) and log the user out.
      // The old id opens nothing either way.
    }
    if (!safeMethods.has(request.method)) checkCsrf(request, publicOrigin);
  });

  app.addHook('onError', async (request, _reply, error) => {
    if (isAppError(error) && error.status === 403) await recordDenial(db, request, error);
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const access = request.routeOptions.config?.access;
    if (request.url.startsWith('/api/') && (request.principal || (access && 'authenticated' in access))) {
      reply.header('cache-control', 'no-store');
    }
    return payload;
  });
}
