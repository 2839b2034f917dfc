/**
 * One-click login as a demo persona (/api/v1/auth/demo-*). Registered only in demo mode, which the configuration
 * refuses together with a real identity provider or a PostgreSQL server: outside the embedded demo these routes
 * do not exist (404).
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { defaultRateLimitConfig, defaultSessionConfig, type AppConfig } from '../../platform/config.js';
import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import { demoPersonas, demoUserId } from './demo-data.js';
import { cookieNames, cookieOptions, requestOrigin } from './identity-http.js';
import { chooseOrganisation, completeLogin } from './login-service.js';
import { resolveSession } from './session-service.js';
import { presentSession } from './session-view.js';
import { findUserById } from './user-repository.js';

const tags = ['auth'];
const access = { public: true, description: 'Anyone, in demo mode only' } as const;

export async function demoRoutes(fastify: FastifyInstance, options: { db: Db; config: AppConfig }): Promise<void> {
  const { db, config } = options;
  if (!config.demo || config.oidc)
    throw new Error('Demo login can only be registered in demo mode without an identity provider');
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const names = cookieNames(config.publicUrl);
  const sessionConfig = config.session ?? defaultSessionConfig;

  app.get(
    '/demo-personas',
    {
      config: { access },
      schema: { tags, summary: 'DEMO: the personas one can log in as' },
    },
    async () => ({
      demo: true,
      personas: demoPersonas.map((p) => ({
        id: p.id,
        displayName: p.displayName,
        description: p.description,
        roles: p.roles,
      })),
    }),
  );

  app.post(
    '/demo-login',
    {
      config: {
        access,
        rateLimit: { max: (config.rateLimit ?? defaultRateLimitConfig).loginPerMinute, timeWindow: 60_000 },
      },
      schema: {
        tags,
        summary: 'DEMO: log in as a persona',
        body: Type.Object({ persona: Type.String({ maxLength: 80 }) }, { additionalProperties: false }),
      },
    },
    async (request, reply) => {
      const persona = demoPersonas.find((p) => p.id === request.body.persona);
      const user = persona ? await findUserById(db, demoUserId(persona.id)) : null;
      if (!persona || !user) throw new AppError('DEMO_PERSONA_NOT_FOUND', `No demo persona "${request.body.persona}"`);
      const now = new Date();
      const organisationId = await chooseOrganisation(db, user.id, []);
      const started = await completeLogin(db, sessionConfig, {
        user,
        organisationId: persona.roles[0]?.organisationId ?? organisationId,
        authMethod: 'demo',
        securityLevel: null,
        tokenSet: null,
        previousToken: request.cookies[names.session] ?? null,
        now,
        origin: requestOrigin(request),
      });
      reply.setCookie(names.session, started.token, cookieOptions(names));
      const lookup = await resolveSession(db, sessionConfig, started.token, now);
      return presentSession(db, config, lookup.status === 'active' ? lookup.resolved : null);
    },
  );
}
