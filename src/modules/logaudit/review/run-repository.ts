/** SQL for analysis runs: the background job's row (status, phase, progress) and its outcome. */
import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../../platform/db/schema.js';
import type { LogReviewRunTable } from './tables.js';
import type { RunStatus } from './types.js';

type Q = Kysely<Database>;

export interface Run {
  readonly id: string;
  readonly datasetId: string;
  readonly status: RunStatus;
  readonly phase: string;
  readonly progress: number;
  readonly inputs: RunInputs;
  readonly summary: RunSummary | null;
  readonly error: { code: string; message: string; details: unknown[] } | null;
  readonly startedBy: string | null;
  readonly queuedAt: Date;
  readonly startedAt: Date | null;
  readonly finishedAt: Date | null;
}

export interface RunInputs {
  /** Uploads to ingest before analysing (upload datasets). */
  readonly uploadIds: string[];
  /** Read the allowed folder again (folder datasets). */
  readonly scanFolder: boolean;
}

export interface IngestedFile {
  readonly source: string;
  readonly recordsRead: number;
  readonly eventsStored: number;
  readonly alreadyIngested: boolean;
  readonly issues: { code: string; count: number; example: string }[];
}

export interface RunSummary {
  readonly events: number;
  readonly eventsAdded: number;
  readonly explainedShare: number;
  readonly pairs: number;
  readonly unexplainedPairs: number;
  readonly findings: number;
  readonly cases: number;
  readonly newCases: number;
  readonly reopenedFindings: number;
  readonly clearedFindings: number;
  readonly budget: number;
  readonly rulesApplied: number;
  readonly reexplained: boolean;
  readonly firstDay: string | null;
  readonly lastDay: string | null;
  readonly durationMs: number;
  readonly ingested: IngestedFile[];
  readonly histogram: { from: number; to: number; pairs: number }[];
  readonly daily: { day: string; explained: number; unexplained: number }[];
}

export const toRun = (r: Selectable<LogReviewRunTable>): Run => ({
  id: r.id,
  datasetId: r.dataset_id,
  status: r.status,
  phase: r.phase,
  progress: r.progress,
  inputs: r.inputs as RunInputs,
  summary: (r.summary as RunSummary | null) ?? null,
  error: (r.error as Run['error']) ?? null,
  startedBy: r.started_by,
  queuedAt: r.queued_at,
  startedAt: r.started_at,
  finishedAt: r.finished_at,
});

export async function insertRun(db: Q, run: Run): Promise<void> {
  await db
    .insertInto('logreview_run')
    .values({
      id: run.id,
      dataset_id: run.datasetId,
      status: run.status,
      phase: run.phase,
      progress: run.progress,
      inputs: JSON.stringify(run.inputs),
      summary: null,
      error: null,
      started_by: run.startedBy,
      queued_at: run.queuedAt,
      started_at: null,
      finished_at: null,
    })
    .execute();
}

export async function updateRunProgress(db: Q, id: string, phase: string, progress: number): Promise<void> {
  await db.updateTable('logreview_run').set({ phase, progress }).where('id', '=', id).execute();
}

export async function markRunStarted(db: Q, id: string, at: Date): Promise<void> {
  await db
    .updateTable('logreview_run')
    .set({ status: 'running', started_at: at, phase: 'prepare', progress: 0 })
    .where('id', '=', id)
    .execute();
}

export async function finishRun(
  db: Q,
  id: string,
  outcome: { status: 'succeeded'; summary: RunSummary } | { status: 'failed'; error: NonNullable<Run['error']> },
  at: Date,
): Promise<void> {
  await db
    .updateTable('logreview_run')
    .set({
      status: outcome.status,
      finished_at: at,
      phase: outcome.status === 'succeeded' ? 'done' : 'failed',
      progress: outcome.status === 'succeeded' ? 1 : 0,
      summary: outcome.status === 'succeeded' ? JSON.stringify(outcome.summary) : null,
      error: outcome.status === 'failed' ? JSON.stringify(outcome.error) : null,
    })
    .where('id', '=', id)
    .execute();
}

export async function findRun(db: Q, id: string): Promise<Run | null> {
  const r = await db.selectFrom('logreview_run').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toRun(r) : null;
}

export async function listRuns(db: Q, datasetId: string, limit = 50): Promise<Run[]> {
  const found = await db
    .selectFrom('logreview_run')
    .selectAll()
    .where('dataset_id', '=', datasetId)
    .orderBy('queued_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return found.map(toRun);
}

export async function activeRun(db: Q, datasetId: string): Promise<Run | null> {
  const r = await db
    .selectFrom('logreview_run')
    .selectAll()
    .where('dataset_id', '=', datasetId)
    .where('status', 'in', ['queued', 'running'])
    .executeTakeFirst();
  return r ? toRun(r) : null;
}

export async function latestSucceededRun(db: Q, datasetId: string): Promise<Run | null> {
  const r = await db
    .selectFrom('logreview_run')
    .selectAll()
    .where('dataset_id', '=', datasetId)
    .where('status', '=', 'succeeded')
    .orderBy('finished_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return r ? toRun(r) : null;
}

export async function runsFinishedBetween(db: Q, datasetId: string, from: Date, to: Date): Promise<Run[]> {
  const found = await db
    .selectFrom('logreview_run')
    .selectAll()
    .where('dataset_id', '=', datasetId)
    .where('status', '=', 'succeeded')
    .where('finished_at', '>=', from)
    .where('finished_at', '<', to)
    .orderBy('finished_at')
    .execute();
  return found.map(toRun);
}

/** Runs left queued or running by a stopped process can never finish: they are marked failed at start. */
export async function failInterruptedRuns(db: Q, at: Date): Promise<number> {
  const result = await db
    .updateTable('logreview_run')
    .set({
      status: 'failed',
      finished_at: at,
      phase: 'failed',
      error: JSON.stringify({
        code: 'INTERRUPTED',
        message: 'Varde stopped while the analysis was running',
        details: [],
      }),
    })
    .where('status', 'in', ['queued', 'running'])
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
