/**
 * The generated authorization walk: every /api route × no session and every role of organisation B × an object
 * (or the data) of organisation A. It proves that
 * - every route declares a policy and has an authorization fixture (or is public): an unknown route fails here;
 * - without a session every non-public route answers 401;
 * - a role the policy does not name gets 403;
 * - a role the policy names gets 403/404 for org A's objects, and org A's data never appears in any answer,
 *   except for the roles a fixture names as cross-organisation by design, with the reason.
 * How to add fixtures for a module: see src/modules/identity/authorization-fixture-types.ts.
 */
import type { InjectOptions } from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { requiresDeclaredPolicy, roles, type DeclaredRoute, type Role } from '../../src/platform/http/access.js';
import type { PreparedRequest, RouteFixture } from '../../src/modules/identity/index.js';
import { loadFixtures } from './fixtures.js';
import { createWalkWorld } from './walk-world.js';

const world = await createWalkWorld();
const fixtures = await loadFixtures();
afterAll(() => world.close());

const key = (r: Pick<DeclaredRoute, 'method' | 'url'>) => `${r.method} ${r.url}`;
const walked = world.app.declaredRoutes.filter((r) => r.method !== 'HEAD' && requiresDeclaredPolicy(r.url));
const guarded = walked.filter((r) => r.access && !('public' in r.access));

function leaks(body: string, secrets: readonly string[]): string[] {
  return [world.marker, ...secrets].filter((s) => s.length > 0 && body.includes(s));
}

async function send(route: DeclaredRoute, prepared: PreparedRequest, headers: Record<string, string>) {
  const response = await world.app.inject({
    method: route.method as InjectOptions['method'],
    url: prepared.url,
    payload: prepared.payload as InjectOptions['payload'],
    headers,
  });
  return { status: response.statusCode, body: response.body };
}

describe('authorization walk: coverage', () => {
  it('has a fixture for every route that is not public', () => {
    const missing = guarded.filter((r) => !fixtures.has(key(r))).map(key);
    expect(
      missing,
      `Add these routes to the module's authorization-fixtures.ts (see src/modules/identity/authorization-fixture-types.ts)`,
    ).toEqual([]);
  });

  it('has no fixture for a route that does not exist (or is public)', () => {
    const known = new Set(guarded.map(key));
    expect([...fixtures.keys()].filter((k) => !known.has(k))).toEqual([]);
  });

  it('answers 401 on every non-public route without a session, fixture or not, whatever the input', async () => {
    const wrong: string[] = [];
    for (const route of guarded) {
      const url = route.url.replace(/:(\w+)/g, 'walk-unknown-$1');
      const response = await world.app.inject({
        method: route.method as InjectOptions['method'],
        url,
        payload: route.method === 'GET' || route.method === 'DELETE' ? undefined : { nonsense: true },
        headers: { origin: 'http://127.0.0.1:4888' },
      });
      if (response.statusCode !== 401) wrong.push(`${key(route)} → ${response.statusCode}`);
    }
    expect(wrong).toEqual([]);
  });

  it('found the routes of the identity and audit modules', () => {
    expect(guarded.map(key)).toEqual(
      expect.arrayContaining(['GET /api/v1/identity/users/:id', 'GET /api/v1/audit/events']),
    );
  });
});

const walkable = guarded.filter((r) => fixtures.has(key(r)));

describe.each(walkable.map((r) => [key(r), r] as const))('%s', (_name, route) => {
  const fixture = fixtures.get(key(route)) as RouteFixture;
  const policyRoles = route.access && 'roles' in route.access ? route.access.roles : undefined;
  const cross = new Set<Role>(
    'crossOrganisation' in fixture && fixture.crossOrganisation ? fixture.crossOrganisation.roles : [],
  );
  let prepared: PreparedRequest | null = null;
  const prepare = async () => (prepared ??= fixture.prepare ? await fixture.prepare(world) : { url: route.url });

  it('answers 401 without a session, with nothing of org A', async () => {
    const p = await prepare();
    const response = await send(route, p, { origin: 'http://127.0.0.1:4888' });
    expect(response.status).toBe(401);
    expect(leaks(response.body, p.secrets ?? [])).toEqual([]);
  });

  it.each(roles.map((r) => [r]))('as %s of org B', async (role) => {
    const p = await prepare();
    const response = await send(route, p, await world.sessionHeaders(world.orgB, role));
    expect(response.status, response.body).toBeLessThan(500);
    if (policyRoles && !policyRoles.includes(role)) {
      expect(response.status, response.body).toBe(403);
    } else if (fixture.kind === 'object' && !cross.has(role)) {
      expect([403, 404], response.body).toContain(response.status);
    }
    if (!cross.has(role)) expect(leaks(response.body, p.secrets ?? []), response.body).toEqual([]);
  });

  if (fixture.kind === 'object' && fixture.unchanged) {
    it("leaves org A's object as it was", async () => {
      expect(await fixture.unchanged!(world, await prepare())).toBe(true);
    });
  }
});
