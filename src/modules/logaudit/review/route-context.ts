/** What every log-review route hands its service: the database, the caller, the time, and where the call came from. */
import type { FastifyRequest } from 'fastify';
import type { Db } from '../../../platform/db/database.js';
import { requirePrincipal } from '../../../platform/http/access.js';
import type { JobRunner } from './job-runner.js';
import type { ReviewContext } from './review-access.js';

export interface ReviewDeps {
  readonly db: Db;
  readonly dataDir: string;
  readonly runner: JobRunner;
  readonly maxUploadFileBytes: number;
  readonly demo: boolean;
  /** Starts the background job for a queued run. */
  readonly enqueueRun: (runId: string) => void;
}

export function originOf(request: FastifyRequest): { ip: string | null; userAgent: string | null } {
  return { ip: request.ip ?? null, userAgent: request.headers['user-agent'] ?? null };
}

export function contextOf(request: FastifyRequest, deps: ReviewDeps): ReviewContext & { dataDir: string } {
  return {
    db: deps.db,
    principal: requirePrincipal(request),
    now: new Date(),
    origin: originOf(request),
    dataDir: deps.dataDir,
  };
}

/** The reason for a view: the `X-View-Reason` header (URI-encoded, so any language fits in a header) or `reason`. */
export function viewReasonOf(request: FastifyRequest, fromQuery?: string): string | undefined {
  const header = request.headers['x-view-reason'];
  if (typeof header === 'string' && header !== '') {
    try {
      return decodeURIComponent(header);
    } catch {
      return header;
    }
  }
  return fromQuery;
}

export const reviewers = {
  authenticated: true,
  roles: ['log-reviewer'],
  description: 'Log reviewer of the organisation that owns the dataset (others get 404)',
} as const;

export const tags = ['log review'];
