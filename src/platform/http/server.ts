/**
 * Creates the Fastify instance with what every module relies on: OpenAPI, security headers, error handling, access
 * control and health. Modules are registered on top of it by the composition root (src/app.ts). Building is kept
 * apart from listening so tests inject requests in-process.
 */
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { defaultRateLimitConfig, type AppConfig } from '../config.js';
import { registerAccessControl } from './access.js';
import { registerErrorHandling } from './error-handler.js';
import { registerWebApp } from './web-app.js';

export interface ServerOptions {
  readonly config: AppConfig;
  readonly logger?: boolean;
  /** Serve the built web UI from web/dist (off in API tests). */
  readonly serveWeb?: boolean;
}

export async function createHttpServer({
  config,
  logger = true,
  serveWeb = false,
}: ServerOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: logger ? { level: config.logLevel } : false,
    bodyLimit: 1024 * 1024,
    trustProxy: false,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', allErrors: true } },
  });
  const https = config.publicUrl.startsWith('https://');
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: true,
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'"],
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:'],
        'frame-ancestors': ["'none'"],
        'upgrade-insecure-requests': https ? [] : null,
      },
    },
    hsts: https ? { maxAge: 31536000, includeSubDomains: true } : false,
  });
  await app.register(fastifyCookie);
  // Per client address; routes may set a stricter `config.rateLimit` (login does). Registered before any route.
  await app.register(fastifyRateLimit, {
    global: true,
    max: (config.rateLimit ?? defaultRateLimitConfig).apiPerMinute,
    timeWindow: 60_000,
  });
  registerErrorHandling(app, { spaFallback: serveWeb });
  if (serveWeb) await registerWebApp(app);
  registerAccessControl(app);
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Varde API',
        version: '1',
        description:
          'Varde: the strategy for digital security in the Norwegian health and care sector, live. Every route states who may call it.',
      },
      tags: [{ name: 'catalogue', description: 'The strategy as versioned, cited data' }],
    },
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  app.get('/api/openapi.json', { schema: { hide: true }, config: { access: { public: true } } }, async () =>
    app.swagger(),
  );
  app.get('/healthz', { config: { access: { public: true } }, schema: { hide: true } }, async () => ({ status: 'ok' }));
  return app;
}
