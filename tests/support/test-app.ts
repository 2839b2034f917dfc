/** The whole application in-process over a fresh test database, with the shipped catalogue loaded. */
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/platform/config.js';
import { syncShippedEditions } from '../../src/modules/catalogue/index.js';
import { createTestDb, type TestDb } from './test-db.js';
import type { Principal } from '../../src/platform/http/access.js';

export interface TestApp {
  readonly app: FastifyInstance;
  readonly testDb: TestDb;
  close(): Promise<void>;
}

/**
 * Test seam: with `principalHeader`, a request may carry `x-test-principal: <JSON Principal>` and is treated as that
 * principal, so module tests can act as any role without a login. Only test code can turn it on.
 */
export const testPrincipalHeader = 'x-test-principal';

export function asPrincipal(principal: Principal): Record<string, string> {
  return { [testPrincipalHeader]: JSON.stringify(principal) };
}

export async function createTestApp(
  env: Record<string, string> = {},
  options: { principalHeader?: boolean } = {},
): Promise<TestApp> {
  const testDb = await createTestDb();
  await syncShippedEditions(testDb.db, new Date('2026-01-01T00:00:00Z'));
  const config = loadConfig({ PORT: '0', ...env });
  const app = await buildApp({ config, db: testDb.db, logger: false });
  if (options.principalHeader) {
    app.addHook('onRequest', async (request) => {
      const header = request.headers[testPrincipalHeader];
      if (typeof header === 'string') request.principal = JSON.parse(header) as Principal;
    });
  }
  await app.ready();
  return {
    app,
    testDb,
    async close() {
      await app.close();
      await testDb.close();
    },
  };
}
