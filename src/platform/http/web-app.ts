/**
 * Serves the built web UI (web/dist); the not-found handler answers other GETs outside /api with index.html, so
 * client-side routes survive a reload. The build runs by itself at start when the sources are newer than the build.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

export const webRoot = path.resolve(import.meta.dirname, '../../../web');
export const webDist = path.join(webRoot, 'dist');

async function newestMtime(dir: string): Promise<number> {
  let newest = 0;
  const entries = await fs.readdir(dir, { withFileTypes: true, recursive: true });
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const stat = await fs.stat(path.join(entry.parentPath, entry.name));
    newest = Math.max(newest, stat.mtimeMs);
  }
  return newest;
}

export async function webBuildIsStale(): Promise<boolean> {
  const built = await fs.stat(path.join(webDist, 'index.html')).catch(() => null);
  if (!built) return true;
  const sources = Math.max(
    await newestMtime(path.join(webRoot, 'src')),
    (await fs.stat(path.join(webRoot, 'index.html'))).mtimeMs,
  );
  return sources > built.mtimeMs;
}

export async function buildWebApp(log: (message: string) => void): Promise<void> {
  log('Building the web UI (first start, or sources changed)…');
  const { build } = await import('vite');
  await build({ root: webRoot, configFile: path.join(webRoot, 'vite.config.ts'), logLevel: 'warn' });
}

/**
 * Static files of the built UI. Client-side routes (/measures/4.6 …) are answered with index.html by the platform's
 * not-found handler (error-handler.ts, `spaFallback`), which also keeps unknown /api routes a JSON 404.
 */
export async function registerWebApp(app: FastifyInstance): Promise<void> {
  await app.register(fastifyStatic, { root: webDist, prefix: '/', index: ['index.html'], wildcard: false });
}
