/**
 * Serves the built web UI (web/dist) and answers every other GET outside /api with index.html, so client-side
 * routes survive a reload. The build runs by itself at start when the sources are newer than the build.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors.js';

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

export async function registerWebApp(app: FastifyInstance): Promise<void> {
  await app.register(fastifyStatic, { root: webDist, prefix: '/', index: ['index.html'], wildcard: false });
  app.setNotFoundHandler((request, reply) => {
    const url = request.url.split('?')[0] ?? '';
    if (request.method === 'GET' && !url.startsWith('/api/') && !path.extname(url)) {
      return reply.type('text/html').header('cache-control', 'no-cache').sendFile('index.html');
    }
    const error = new AppError('NOT_FOUND', `No route ${request.method} ${url}`);
    return reply.status(404).send({ error: { code: error.code, message: error.message, details: [] } });
  });
}
