/**
 * Finds every module's authorization fixtures: `src/modules/<module>/authorization-fixtures.ts`, exporting
 * `authorizationFixtures`. A new module's routes are walked as soon as its file exists; a module with routes and
 * no file fails the walk.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AuthorizationFixtures, RouteFixture } from '../../src/modules/identity/index.js';

const modulesDir = path.resolve(import.meta.dirname, '../../src/modules');

export async function loadFixtures(): Promise<Map<string, RouteFixture & { module: string }>> {
  const byRoute = new Map<string, RouteFixture & { module: string }>();
  for (const entry of await fs.readdir(modulesDir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const file = path.join(modulesDir, entry.name, 'authorization-fixtures.ts');
    if (!(await fs.stat(file).catch(() => null))) continue;
    const loaded = (await import(pathToFileURL(file).href)) as { authorizationFixtures?: AuthorizationFixtures };
    if (!loaded.authorizationFixtures) throw new Error(`${file} does not export authorizationFixtures`);
    for (const fixture of loaded.authorizationFixtures.routes) {
      if (byRoute.has(fixture.route)) throw new Error(`Two authorization fixtures for ${fixture.route}`);
      byRoute.set(fixture.route, { ...fixture, module: entry.name });
    }
  }
  return byRoute;
}
