/**
 * One analysis run, as a background job: write the organisation's approved explanation rules into the workspace,
 * read in what is new (uploaded files, or the allowed server folder), analyse everything stored, and merge the
 * run's findings into the cases the review team works on. Progress goes to the run's row as it happens; the
 * outcome (summary or error) at the end.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../../../platform/db/database.js';
import { AppError, isAppError } from '../../../platform/errors.js';
import { casesOfDataset, findingsOfDataset, upsertCases, upsertFindings } from './case-repository.js';
import { appendCaseHistory } from './decision-repository.js';
import {
  findDataset,
  findFolder,
  listUploads,
  markUploadsIngested,
  setRulesAppliedHash,
} from './dataset-repository.js';
import {
  finishRun,
  findRun,
  markRunStarted,
  updateRunProgress,
  type IngestedFile,
  type RunSummary,
} from './run-repository.js';
import { mergeRun } from './domain/merge-findings.js';
import { rulesHash, toWorkspaceRule } from './domain/rules.js';
import { analyzeWorkspace, ingestDataset, type Workspace } from './engine.js';
import { listRules } from './rule-repository.js';
import { reexplainWithRules } from './reexplain.js';
import { completeFromEarlier, datasetFoldersIn, requiredReferenceFiles, uploadDir } from './upload-store.js';
import { withWorkspace, workspaceDir } from './workspace-pool.js';
import { dailyCounts, eventTotals, scoreHistogram, syncExplanationRules, userFacts } from './workspace-queries.js';
import { randomUUID } from 'node:crypto';

export interface RunDeps {
  readonly db: Db;
  readonly dataDir: string;
  readonly clock: () => Date;
  readonly newId?: () => string;
}

/** Progress is written at most this often (and at every phase change). */
const PROGRESS_INTERVAL_MS = 500;

function progressWriter(db: Db, runId: string, clock: () => Date) {
  let last = { phase: '', at: 0 };
  let chain: Promise<void> = Promise.resolve();
  return {
    report(phase: string, progress: number): void {
      const now = clock().getTime();
      if (phase === last.phase && now - last.at < PROGRESS_INTERVAL_MS) return;
      last = { phase, at: now };
      const value = Math.min(0.99, Math.max(0, progress));
      chain = chain.then(() => updateRunProgress(db, runId, phase, value)).catch(() => undefined);
    },
    flush: () => chain,
  };
}

/** Dataset folders of a server folder; a day folder without reference files borrows them from an earlier one. */
function folderInputs(root: string, tmp: string): string[] {
  const folders = datasetFoldersIn(root);
  const out: string[] = [];
  const latest = new Map<string, string>();
  folders.forEach((dir, index) => {
    for (const name of requiredReferenceFiles.concat(['care_relations.csv'] as never[])) {
      const file = path.join(dir, name);
      if (fs.existsSync(file)) latest.set(name, file);
    }
    const missing = requiredReferenceFiles.filter((n) => !fs.existsSync(path.join(dir, n)));
    if (missing.length === 0) {
      out.push(dir);
      return;
    }
    const staged = path.join(tmp, `folder-${index}`);
    fs.rmSync(staged, { recursive: true, force: true });
    fs.mkdirSync(staged, { recursive: true });
    for (const entry of fs.readdirSync(dir)) fs.symlinkSync(path.join(dir, entry), path.join(staged, entry));
    for (const [name, file] of latest)
      if (!fs.existsSync(path.join(staged, name))) fs.symlinkSync(file, path.join(staged, name));
    out.push(staged);
  });
  return out;
}

function errorOf(error: unknown): { code: string; message: string; details: unknown[] } {
  if (isAppError(error)) return { code: error.code, message: error.message, details: [...error.details] };
  return { code: 'INTERNAL', message: 'The analysis failed on the server', details: [] };
}

/**
 * How many findings to ask the engine for. Its default (one per 1,000 lookups) counts (user, patient) pairs, but the
 * team works in cases (users): one user who looked up a hundred patients would use the whole budget. So unless the
 * dataset sets a budget, Varde asks for enough findings to fill several weeks of the team's case capacity.
 */
export const FINDINGS_PER_WEEKLY_CASE = 40;

export function findingBudget(
  dataset: { findingBudget: number | null; reviewCapacity: number },
  events: number,
): number {
  if (dataset.findingBudget) return dataset.findingBudget;
  return Math.max(1, Math.ceil(events / 1000), dataset.reviewCapacity * FINDINGS_PER_WEEKLY_CASE);
}

export async function executeRun(deps: RunDeps, runId: string): Promise<void> {
  const { db, clock } = deps;
  const run = await findRun(db, runId);
  if (!run || run.status !== 'queued') return;
  const started = clock();
  await markRunStarted(db, runId, started);
  const progress = progressWriter(db, runId, clock);
  try {
    const dataset = await findDataset(db, run.datasetId);
    if (!dataset) throw new AppError('LOG_REVIEW_DATASET_NOT_FOUND', 'The dataset no longer exists');
    const dir = workspaceDir(deps.dataDir, dataset.organisationId, dataset.id);
    const approved = (await listRules(db, dataset.organisationId, 'approved')).map(toWorkspaceRule);
    const hash = rulesHash(approved);
    const uploads = await listUploads(db, dataset.id);
    const pendingUploads = uploads.filter((u) => run.inputs.uploadIds.includes(u.id));
    const folder = dataset.folderId ? await findFolder(db, dataset.folderId) : null;
    if (dataset.sourceKind === 'folder' && !folder)
      throw new AppError('LOG_REVIEW_FOLDER_NOT_ALLOWED', 'The server folder of this dataset is no longer allowed');

    const result = await withWorkspace(dir, { purpose: 'analysis' }, async (ws: Workspace) => {
      const before = await eventTotals(ws.db);
      progress.report('rules', 0.02);
      await syncExplanationRules(ws.db, approved, clock());
      const inputs: { source: string; dir: string }[] = [];
      for (const upload of pendingUploads) {
        const earlier = uploads.filter(
          (u) =>
            u.uploadedAt < upload.uploadedAt ||
            (u.uploadedAt.getTime() === upload.uploadedAt.getTime() && u.id < upload.id),
        );
        completeFromEarlier(
          dir,
          upload.id,
          earlier.map((u) => u.id),
        );
        inputs.push({ source: `upload ${upload.id}`, dir: uploadDir(dir, upload.id) });
      }
      if (folder && run.inputs.scanFolder) {
        for (const d of folderInputs(folder.path, path.join(dir, 'tmp')))
          inputs.push({ source: path.relative(folder.path, d) || '.', dir: d });
      }
      const ingested: IngestedFile[] = [];
      for (const [index, input] of inputs.entries()) {
        const base = 0.04 + (0.46 * index) / inputs.length;
        progress.report(`ingest ${index + 1}/${inputs.length}`, base);
        const report = await ingestDataset(ws, input.dir, {
          now: clock(),
          onPhase: (phase) =>
            progress.report(`ingest ${index + 1}/${inputs.length}: ${phase}`, base + 0.2 / inputs.length),
        });
        ingested.push({
          source: input.source.startsWith('upload ') ? input.source : path.basename(input.source),
          recordsRead: report.events.recordsRead,
          eventsStored: report.events.eventsStored,
          alreadyIngested: report.events.alreadyIngested,
          issues: report.issues.map((i) => ({
            code: i.issue.issue,
            count: i.count,
            example:
              `${path.basename(i.issue.file)}${i.issue.line !== undefined ? `:${i.issue.line}` : ''} ${i.issue.message}`.slice(
                0,
                300,
              ),
          })),
        });
      }
      // New rules must change what is stored too, or the same false alarm would come back.
      // (On the first read-in the rules are applied as the lookups are stored, so there is nothing to redo.)
      const reexplained = before.events > 0 && hash !== dataset.rulesAppliedHash;
      if (reexplained) {
        progress.report('rules: explain stored lookups again', 0.48);
        await reexplainWithRules(ws, approved);
      }
      progress.report('analyse', 0.5);
      const stored = await eventTotals(ws.db);
      const analysis = await analyzeWorkspace(ws, {
        budget: findingBudget(dataset, stored.events),
        now: clock(),
        saveRun: true,
        onStep: (name, index, total) => progress.report(`analyse: ${name}`, 0.5 + (0.4 * index) / Math.max(1, total)),
      });
      const histogram = await scoreHistogram(ws.db);
      const daily = await dailyCounts(ws.db);
      const after = await eventTotals(ws.db);
      const users = await userFacts(ws.db, [...new Set(analysis.findings.map((f) => f.user_id))]);
      return { analysis, histogram, daily, before, after, users, ingested, reexplained };
    });

    progress.report('store', 0.92);
    await progress.flush();
    const now = clock();
    const merged = mergeRun({
      runId,
      now,
      datasetId: dataset.id,
      existingCases: await casesOfDataset(db, dataset.id),
      existingFindings: await findingsOfDataset(db, dataset.id),
      findings: result.analysis.findings,
      cases: result.analysis.cases,
      users: result.users,
      newCaseId: () => (deps.newId ?? randomUUID)(),
    });
    const summary: RunSummary = {
      events: result.after.events,
      eventsAdded: result.after.events - result.before.events,
      explainedShare: result.analysis.explainedShare,
      pairs: result.analysis.totals.pairs,
      unexplainedPairs: result.analysis.totals.unexplainedPairs,
      findings: result.analysis.findings.length,
      cases: result.analysis.cases.length,
      newCases: merged.counts.newCases,
      reopenedFindings: merged.counts.reopenedFindings,
      clearedFindings: merged.counts.clearedFindings,
      budget: result.analysis.budget,
      rulesApplied: approved.length,
      reexplained: result.reexplained,
      firstDay: result.after.first,
      lastDay: result.after.last,
      durationMs: now.getTime() - started.getTime(),
      ingested: result.ingested,
      histogram: result.histogram,
      daily: result.daily,
    };
    await db.transaction().execute(async (trx) => {
      await upsertCases(trx, merged.cases);
      await upsertFindings(trx, merged.findings);
      await appendCaseHistory(
        trx,
        merged.history.map((h) => ({ ...h, at: now, actorUserId: null, actorName: null, detail: h.detail })),
      );
      await markUploadsIngested(
        trx,
        pendingUploads.map((u) => u.id),
        runId,
      );
      await setRulesAppliedHash(trx, dataset.id, hash);
      await finishRun(trx, runId, { status: 'succeeded', summary }, now);
    });
  } catch (error) {
    await progress.flush();
    await finishRun(db, runId, { status: 'failed', error: errorOf(error) }, clock());
    if (!isAppError(error)) throw error;
  }
}
