/**
 * The patient portal's API: the access log for the holder of a link (token in the X-Access-Log-Token header, never
 * in a URL), and in demo mode a one-click link for the demo patient. No login: the link is the credential, so the
 * routes are rate limited and every use is recorded.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { demoPortalLink, portalPatientLog } from './patient-log-service.js';
import { Lang, LinkSchema, PatientLogSchema } from './review-schemas.js';
import { originOf, type ReviewDeps } from './route-context.js';
import { readDemoPatient } from './demo-seed.js';

const tags = ['patient access log'];
const portal = {
  public: true,
  description: 'The holder of an access-log link (a patient, via the patient portal)',
} as const;

export async function portalRoutes(fastify: FastifyInstance, options: { deps: ReviewDeps }): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { deps } = options;

  app.get(
    '/portal/access-log',
    {
      config: { access: portal, rateLimit: { max: 30, timeWindow: 60_000 } },
      schema: {
        tags,
        summary:
          'My access log: every lookup of my record in the period, grouped by occasion, with reasons in plain language',
        querystring: Type.Object({ lang: Type.Optional(Lang) }),
        headers: { type: 'object', properties: { 'x-access-log-token': { type: 'string', maxLength: 200 } } },
        response: { 200: PatientLogSchema },
      },
    },
    async (request, reply) => {
      const token = request.headers['x-access-log-token'];
      const log = await portalPatientLog(
        { db: deps.db, dataDir: deps.dataDir, now: new Date(), origin: originOf(request) },
        typeof token === 'string' ? token : undefined,
        request.query.lang ?? 'nb',
      );
      void reply.header('cache-control', 'no-store');
      return log;
    },
  );

  if (!deps.demo) return;
  app.post(
    '/portal/demo-link',
    {
      config: {
        access: { public: true, description: 'Anyone, in demo mode only' },
        rateLimit: { max: 20, timeWindow: 60_000 },
      },
      schema: { tags, summary: "DEMO: a link to the demo patient's access log", response: { 201: LinkSchema } },
    },
    async (_request, reply) => {
      const link = await demoPortalLink(deps.db, readDemoPatient(deps.dataDir), new Date());
      return reply.status(201).send({ path: link.path, expiresAt: link.expiresAt });
    },
  );
}
