/**
 * The world the authorization walk runs in: the whole application (every module, as src/app.ts builds it) on a
 * fresh database, two enterprises A and B of the same type (A with a unit), and in each a user holding each role.
 * Sessions are real server-side sessions with cookies and CSRF tokens, made fresh for every request so that
 * a route that ends or rotates a session cannot disturb the next one.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/platform/config.js';
import { roles, type Principal, type Role } from '../../src/platform/http/access.js';
import { startSession, type WalkContext, type WalkOrganisation } from '../../src/modules/identity/index.js';
import { syncShippedEditions } from '../../src/modules/catalogue/index.js';
import { createTestDb, type TestDb } from '../support/test-db.js';

export const publicUrl = 'http://127.0.0.1:4888';

export interface WalkWorld extends WalkContext {
  readonly testDb: TestDb;
  /** Cookie, CSRF token and Origin of a fresh session of a user of the organisation holding the role. */
  sessionHeaders(org: WalkOrganisation, role: Role): Promise<Record<string, string>>;
  close(): Promise<void>;
}

export async function createWalkWorld(): Promise<WalkWorld> {
  const testDb = await createTestDb();
  const db = testDb.db;
  await syncShippedEditions(db, new Date('2026-01-01T00:00:00Z'));
  const marker = `LEAK-${randomBytes(6).toString('hex')}`;
  const now = new Date();
  const at = now.toISOString();
  const org = (
    id: string,
    parentId: string | null,
    level: string,
    name: string,
    extra: Record<string, string | null> = {},
  ) =>
    db
      .insertInto('identity_organisation')
      .values({
        id,
        parent_id: parentId,
        level,
        organisation_type: level === 'sector' ? null : 'hospital-trust',
        name,
        org_number: null,
        size_class: 'large',
        region: 'vest',
        actor_id: null,
        created_at: at,
        updated_at: at,
        ...extra,
      })
      .execute();
  await org('walk-sector', null, 'sector', 'Sektor');
  await org('walk-type', 'walk-sector', 'type', 'Helseforetak');
  await org('walk-org-a', 'walk-type', 'enterprise', 'Foretak A HF', { org_number: '899000013', actor_id: 'nhn' });
  await org('walk-org-a-unit', 'walk-org-a', 'unit', 'Avdeling i A');
  await org('walk-org-b', 'walk-type', 'enterprise', 'Foretak B HF', {
    org_number: '899000021',
    actor_id: 'helsetilsynet',
  });

  async function organisation(
    id: string,
    name: string,
    label: string,
    scope: string[],
    actorIds: string[],
  ): Promise<WalkOrganisation> {
    const users = {} as Record<Role, { id: string; principal: Principal }>;
    for (const role of roles) {
      const userId = `walk-${label}-${role}`;
      // Org A's people carry the marker: their names must not reach org B.
      const displayName = label === 'a' ? `Bruker A ${role} ${marker}` : `Bruker B ${role}`;
      await db
        .insertInto('identity_user')
        .values({
          id: userId,
          display_name: displayName,
          email: null,
          pid: null,
          hpr_number: null,
          oidc_subject: null,
          active: true,
          demo_persona: null,
          created_at: at,
          updated_at: at,
          last_login_at: null,
        })
        .execute();
      await db
        .insertInto('identity_role_assignment')
        .values({ user_id: userId, organisation_id: id, role, granted_at: at, granted_by: null })
        .execute();
      users[role] = {
        id: userId,
        principal: {
          userId,
          displayName,
          sessionId: `walk-${label}-${role}`,
          organisationId: id,
          roles: [role],
          actorIds,
          organisationScope: scope,
          authMethod: 'test',
        },
      };
    }
    return { id, name, users };
  }
  const orgA = await organisation('walk-org-a', 'Foretak A HF', 'a', ['walk-org-a', 'walk-org-a-unit'], ['nhn']);
  const orgB = await organisation('walk-org-b', 'Foretak B HF', 'b', ['walk-org-b'], ['helsetilsynet']);

  const config = loadConfig({
    PORT: '0',
    PUBLIC_URL: publicUrl,
    RATE_LIMIT_API_PER_MINUTE: '1000000',
    RATE_LIMIT_LOGIN_PER_MINUTE: '1000000',
  });
  const app: FastifyInstance = await buildApp({ config, db, logger: false });
  await app.ready();

  async function sessionHeaders(o: WalkOrganisation, role: Role): Promise<Record<string, string>> {
    const started = await startSession(db, config.session!, {
      userId: o.users[role].id,
      organisationId: o.id,
      authMethod: 'test',
      securityLevel: null,
      tokenSet: null,
      now: new Date(),
    });
    return { cookie: `varde_session=${started.token}`, 'x-csrf-token': started.csrfToken, origin: publicUrl };
  }

  return {
    db,
    app,
    orgA,
    orgB,
    marker,
    testDb,
    sessionHeaders,
    async asA(role, request) {
      const response = await app.inject({
        method: request.method as InjectOptions['method'],
        url: request.url,
        payload: request.payload as InjectOptions['payload'],
        headers: await sessionHeaders(orgA, role),
      });
      return { statusCode: response.statusCode, body: response.body, json: () => response.json() };
    },
    async close() {
      await app.close();
      await testDb.close();
    },
  };
}
