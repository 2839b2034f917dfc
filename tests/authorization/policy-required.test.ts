/** A route under /api without a declared access policy stops the application from starting (and so fails the tests). */
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/platform/config.js';
import { createHttpServer } from '../../src/platform/http/server.js';

describe('declared access policies', () => {
  it('refuses a route under /api/ that declares no policy', async () => {
    const app = await createHttpServer({ config: loadConfig({ PORT: '0' }), logger: false });
    expect(() => app.get('/api/v1/secret', async () => ({ secret: true }))).toThrow(/declares no access policy/);
    await app.close();
  });

  it('records every route with its policy for the walk', async () => {
    const app = await createHttpServer({ config: loadConfig({ PORT: '0' }), logger: false });
    app.get('/api/v1/open', { config: { access: { public: true } } }, async () => ({}));
    app.post(
      '/api/v1/guarded',
      { config: { access: { authenticated: true, roles: ['administrator'] } } },
      async () => ({}),
    );
    await app.ready();
    expect(app.declaredRoutes).toEqual(
      expect.arrayContaining([
        { method: 'GET', url: '/api/v1/open', access: { public: true } },
        { method: 'POST', url: '/api/v1/guarded', access: { authenticated: true, roles: ['administrator'] } },
      ]),
    );
    await app.close();
  });
});
