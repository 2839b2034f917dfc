/** Helpers for the log-review tests: principals, a generated dataset, multipart uploads and waiting for a run. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { asPrincipal } from '../../../../tests/support/test-app.js';
import type { Principal, Role } from '../../../platform/http/access.js';
import { generateDataset } from '../generator/index.js';

export function reviewerOf(organisationId: string, userId: string, roles: Role[] = ['log-reviewer']): Principal {
  return {
    userId,
    displayName: `Reviewer ${userId}`,
    sessionId: `s-${userId}`,
    organisationId,
    roles,
    actorIds: [],
    authMethod: 'test',
  };
}

export const as = (p: Principal) => asPrincipal(p);

export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A small generated hospital (deterministic), written once per call. */
export async function smallDataset(
  dir: string,
  options: { events?: number; days?: number; seed?: number; start?: string } = {},
): Promise<string> {
  await generateDataset({
    outDir: dir,
    events: options.events ?? 20_000,
    days: options.days ?? 10,
    seed: options.seed ?? 11,
    ...(options.start ? { start: options.start } : {}),
  });
  return dir;
}

/** A multipart body with the named files of a folder (or given bytes). */
export function multipartFiles(files: readonly { name: string; bytes: Buffer }[]): {
  payload: Buffer;
  headers: Record<string, string>;
} {
  const boundary = '----varde-log-review-boundary';
  const chunks: Buffer[] = [];
  for (const f of files) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${f.name}"\r\nContent-Type: text/csv\r\n\r\n`,
      ),
    );
    chunks.push(f.bytes, Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

export function folderFiles(dir: string, names: readonly string[]): { name: string; bytes: Buffer }[] {
  return names.map((name) => ({ name, bytes: fs.readFileSync(path.join(dir, name)) }));
}

export const contractFiles = [
  'access_events.csv',
  'staff.csv',
  'patients.csv',
  'departments.csv',
  'encounters.csv',
  'care_relations.csv',
];

/** Polls the run until it has finished (the test's own timeout bounds the wait). */
export async function waitForRun(
  app: FastifyInstance,
  principal: Principal,
  datasetId: string,
  runId: string,
): Promise<Record<string, any>> {
  for (;;) {
    const response = await app.inject({
      method: 'GET',
      url: `/api/v1/log-review/datasets/${datasetId}/runs/${runId}`,
      headers: as(principal),
    });
    const run = response.json();
    if (run.status === 'succeeded' || run.status === 'failed') return run;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
