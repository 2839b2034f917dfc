/**
 * Login and sessions (/api/v1/auth): OIDC login (PAR + PKCE + private_key_jwt + DPoP) and its callback, the
 * session as the browser may see it (with its CSRF token), switching organisation, and logout. The provider's
 * tokens stay on the server; the browser gets only an HttpOnly session cookie.
 */
import { randomBytes } from 'node:crypto';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import * as client from 'openid-client';
import { Type } from 'typebox';
import { defaultRateLimitConfig, defaultSessionConfig, type AppConfig } from '../../platform/config.js';
import type { Db } from '../../platform/db/database.js';
import { AppError, isAppError } from '../../platform/errors.js';
import { writeAuditEvent } from '../audit/index.js';
import { readHelseIdIdentity } from './helseid-claims.js';
import { cookieNames, cookieOptions, requestOrigin } from './identity-http.js';
import { chooseOrganisation, completeLogin, findUserForIdentity, recordLoginRefused } from './login-service.js';
import { describeLoginError, type OidcClient } from './oidc-client.js';
import { safeReturnPath, tokenFromBytes, tokenHash } from './session-policy.js';
import { insertLoginFlow, takeLoginFlow, deleteExpiredLoginFlows } from './session-repository.js';
import { endSession, resolveSession, switchOrganisation } from './session-service.js';
import { presentSession } from './session-view.js';

const tags = ['auth'];
const publicAccess = { public: true, description: 'Anyone: starting or inspecting a login' } as const;
const signedIn = { authenticated: true, description: 'Any logged-in user' } as const;
const loginFlowSeconds = 600;

export interface AuthRouteOptions {
  readonly db: Db;
  readonly config: AppConfig;
  readonly oidc: OidcClient | null;
}

export async function authRoutes(fastify: FastifyInstance, options: AuthRouteOptions): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { db, config, oidc } = options;
  const names = cookieNames(config.publicUrl);
  const sessionConfig = config.session ?? defaultSessionConfig;
  const loginRateLimit = { max: (config.rateLimit ?? defaultRateLimitConfig).loginPerMinute, timeWindow: 60_000 };
  const redirectUri = new URL('/api/v1/auth/callback', config.publicUrl).href;

  app.get(
    '/session',
    {
      config: { access: publicAccess },
      schema: {
        tags,
        summary: 'The current session: user, active organisation, roles and the CSRF token (or not logged in)',
      },
    },
    async (request) => presentSession(db, config, request.identitySession),
  );

  app.get(
    '/login',
    {
      config: { access: publicAccess, rateLimit: loginRateLimit },
      schema: {
        tags,
        summary: 'Start an OpenID Connect login (redirects to the identity provider)',
        querystring: Type.Object({ returnTo: Type.Optional(Type.String({ maxLength: 500 })) }),
      },
    },
    async (request, reply) => {
      if (!oidc) throw new AppError('LOGIN_UNAVAILABLE', 'No identity provider is configured (OIDC_ISSUER)');
      const now = new Date();
      await deleteExpiredLoginFlows(db, now);
      const flowToken = tokenFromBytes(randomBytes(32));
      const checks = {
        state: client.randomState(),
        nonce: client.randomNonce(),
        codeVerifier: client.randomPKCECodeVerifier(),
        dpopKey: await oidc.newDpopKey(),
      };
      const target = await oidc.startLogin(checks, redirectUri);
      await insertLoginFlow(db, {
        idHash: tokenHash(flowToken),
        ...checks,
        returnTo: safeReturnPath(request.query.returnTo),
        createdAt: now,
        expiresAt: new Date(now.getTime() + loginFlowSeconds * 1000),
      });
      reply.setCookie(names.login, flowToken, cookieOptions(names, loginFlowSeconds));
      return reply.redirect(target.href, 303);
    },
  );

  app.get(
    '/callback',
    {
      config: { access: publicAccess, rateLimit: loginRateLimit },
      schema: { tags, summary: "The identity provider's redirect back after login", hide: true },
    },
    async (request, reply) => finishOidcLogin(request, reply),
  );

  async function finishOidcLogin(request: FastifyRequest, reply: FastifyReply) {
    const now = new Date();
    const origin = requestOrigin(request);
    const flowToken = request.cookies[names.login];
    reply.clearCookie(names.login, cookieOptions(names));
    try {
      if (!oidc) throw new AppError('LOGIN_UNAVAILABLE', 'No identity provider is configured (OIDC_ISSUER)');
      // Taking the flow deletes it: a replayed callback finds nothing.
      const flow = flowToken ? await takeLoginFlow(db, tokenHash(flowToken)) : null;
      if (!flow || flow.expiresAt <= now)
        throw new AppError('LOGIN_FAILED', 'This login has expired or was already used; start again');
      let result;
      try {
        result = await oidc.finishLogin(new URL(request.url, config.publicUrl), flow);
      } catch (error) {
        if (isAppError(error)) throw error;
        const reason = describeLoginError(error);
        throw new AppError('LOGIN_FAILED', 'The login could not be verified', [{ message: reason }], { cause: error });
      }
      const read = readHelseIdIdentity(result.claims, config.oidc?.minSecurityLevel ?? 3);
      if ('problem' in read) {
        const code = read.problem.includes('security level') ? 'LOGIN_SECURITY_LEVEL_TOO_LOW' : 'LOGIN_FAILED';
        throw new AppError(code, 'The login cannot be used', [{ message: read.problem }]);
      }
      const user = await findUserForIdentity(db, read.identity, now);
      const organisationId = await chooseOrganisation(db, user.id, [
        read.identity.orgnrChild,
        read.identity.orgnrParent,
      ]);
      const started = await completeLogin(db, sessionConfig, {
        user,
        organisationId,
        authMethod: 'oidc',
        securityLevel: read.identity.securityLevel,
        tokenSet: result.tokenSet,
        previousToken: request.cookies[names.session] ?? null,
        now,
        origin,
      });
      reply.setCookie(names.session, started.token, cookieOptions(names));
      return reply.redirect(flow.returnTo, 303);
    } catch (error) {
      if (!isAppError(error)) throw error;
      const reason = [error.message, ...error.details.map((d) => d.message)].join(' — ');
      await recordLoginRefused(db, { now, origin, method: 'oidc', reason, code: error.code });
      return reply.redirect(`/login?error=${encodeURIComponent(error.code)}`, 303);
    }
  }

  app.post(
    '/logout',
    {
      config: { access: signedIn },
      schema: { tags, summary: 'End the session on the server; returns the provider logout address, if any' },
    },
    async (request, reply) => {
      const resolved = request.identitySession;
      const token = request.cookies[names.session];
      if (token) await endSession(db, token);
      reply.clearCookie(names.session, cookieOptions(names));
      if (resolved) {
        await writeAuditEvent(db, {
          at: new Date(),
          actorUserId: resolved.user.id,
          actorName: resolved.user.displayName,
          organisationId: resolved.session.organisationId,
          action: 'auth.logout',
          objectType: 'session',
          outcome: 'success',
          ...requestOrigin(request),
        });
      }
      const idToken =
        typeof resolved?.session.tokenSet?.id_token === 'string' ? resolved.session.tokenSet.id_token : null;
      const endSessionUrl =
        oidc && resolved?.session.authMethod === 'oidc'
          ? await oidc.endSessionUrl(idToken, new URL('/', config.publicUrl).href).catch(() => null)
          : null;
      return { loggedOut: true, endSessionUrl: endSessionUrl?.href ?? null };
    },
  );

  app.post(
    '/session/organisation',
    {
      config: { access: signedIn },
      schema: {
        tags,
        summary: 'Act for another organisation where you hold a role (no new login; the session id is renewed)',
        body: Type.Object({ organisationId: Type.String({ minLength: 1, maxLength: 100 }) }),
      },
    },
    async (request, reply) => {
      const resolved = request.identitySession;
      if (!resolved) throw new AppError('UNAUTHENTICATED', 'Log in to use this route');
      const now = new Date();
      const started = await switchOrganisation(db, resolved.session, request.body.organisationId, now);
      await writeAuditEvent(db, {
        at: now,
        actorUserId: resolved.user.id,
        actorName: resolved.user.displayName,
        organisationId: request.body.organisationId,
        action: 'auth.switch-organisation',
        objectType: 'organisation',
        objectId: request.body.organisationId,
        outcome: 'success',
        ...requestOrigin(request),
        detail: { from: resolved.session.organisationId },
      });
      reply.setCookie(names.session, started.token, cookieOptions(names));
      const lookup = await resolveSession(db, sessionConfig, started.token, now);
      return presentSession(db, config, lookup.status === 'active' ? lookup.resolved : null);
    },
  );
}
