/** The whole application in-process over a fresh test database, with the shipped catalogue loaded. */
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/platform/config.js';
import { syncShippedEditions } from '../../src/modules/catalogue/index.js';
import { createTestDb, type TestDb } from './test-db.js';

export interface TestApp {
  readonly app: FastifyInstance;
  readonly testDb: TestDb;
  close(): Promise<void>;
}

export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const testDb = await createTestDb();
  await syncShippedEditions(testDb.db, new Date('2026-01-01T00:00:00Z'));
  const config = loadConfig({ PORT: '0', ...env });
  const app = await buildApp({ config, db: testDb.db, logger: false });
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
