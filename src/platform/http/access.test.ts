import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { AppError } from '../errors.js';
import { checkAccess, type Principal } from './access.js';
import { createHttpServer } from './server.js';

const principal = (roles: Principal['roles']): Principal => ({
  userId: 'u1',
  displayName: 'Test',
  sessionId: 's1',
  organisationId: 'o1',
  roles,
  actorIds: [],
});

describe('route access policies', () => {
  it('refuses to start when an /api route declares no policy', async () => {
    const app = await createHttpServer({ config: loadConfig({}), logger: false });
    expect(() => app.get('/api/v1/undeclared', async () => ({ secret: true }))).toThrow(/declares no access policy/);
    await app.close();
  });

  it('answers 401 without a principal and 403 for a role that is not allowed', async () => {
    const app = await createHttpServer({ config: loadConfig({}), logger: false });
    app.get(
      '/api/v1/owners-only',
      { config: { access: { authenticated: true, roles: ['strategy-owner'] } } },
      async () => ({ secret: true }),
    );
    await app.ready();
    const response = await app.inject({ method: 'GET', url: '/api/v1/owners-only' });
    expect(response.statusCode).toBe(401);
    expect(response.json()).toEqual({
      error: { code: 'UNAUTHENTICATED', message: 'Log in to use this route', details: [] },
    });
    expect(() =>
      checkAccess({ authenticated: true, roles: ['strategy-owner'] }, principal(['ministry-reader'])),
    ).toThrow(AppError);
    expect(() =>
      checkAccess({ authenticated: true, roles: ['strategy-owner'] }, principal(['strategy-owner'])),
    ).not.toThrow();
    await app.close();
  });

  it('never sends a stack trace to the client', async () => {
    const app = await createHttpServer({ config: loadConfig({}), logger: false });
    app.get('/api/v1/boom', { config: { access: { public: true } } }, async () => {
      throw new Error('database password is hunter2');
    });
    const response = await app.inject({ method: 'GET', url: '/api/v1/boom' });
    expect(response.statusCode).toBe(500);
    expect(response.body).not.toContain('hunter2');
    expect(response.json().error.code).toBe('INTERNAL');
    await app.close();
  });
});
