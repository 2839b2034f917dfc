/**
 * Datasets and runs: a log reviewer registers a dataset (files uploaded, or a server folder an administrator has
 * allowed for the organisation), adds files, and starts analyses that run in the background. Administrators keep
 * the list of allowed server folders (folder-service.ts).
 */
import { randomUUID } from 'node:crypto';
import { AppError } from '../../../platform/errors.js';
import {
  findFolder,
  insertDataset,
  insertUpload,
  listDatasets,
  listUploads,
  updateDatasetSettings,
  type AllowedFolder,
  type Upload,
} from './dataset-repository.js';
import { activeRun, insertRun, latestSucceededRun, listRuns, type Run } from './run-repository.js';
import { countCases } from './case-repository.js';
import { audit, loadDataset, requireReviewer, scopeOf, type ReviewContext } from './review-access.js';
import type { StoredUploadFile } from './tables.js';
import type { Dataset } from './types.js';
import { uploadDir, UploadWriter, type IncomingFile } from './upload-store.js';
import { workspaceDir } from './workspace-pool.js';

export interface DatasetSettingsInput {
  readonly name: string;
  readonly reviewCapacity?: number;
  readonly findingBudget?: number | null;
  readonly patientLogNames?: boolean;
}

export const DEFAULT_REVIEW_CAPACITY = 20;

function checkSettings(input: DatasetSettingsInput): Required<DatasetSettingsInput> {
  const name = input.name.trim();
  if (name.length < 2 || name.length > 120) {
    throw new AppError('VALIDATION_FAILED', 'A dataset name has 2 to 120 characters', [
      { field: 'name', message: '2–120 characters' },
    ]);
  }
  return {
    name,
    reviewCapacity: input.reviewCapacity ?? DEFAULT_REVIEW_CAPACITY,
    findingBudget: input.findingBudget ?? null,
    patientLogNames: input.patientLogNames ?? true,
  };
}

export async function createDataset(
  ctx: ReviewContext,
  input: DatasetSettingsInput & { source: 'upload' | 'folder'; folderId?: string | null },
): Promise<Dataset> {
  const principal = requireReviewer(ctx.principal);
  const organisationId = principal.organisationId;
  if (!organisationId) throw new AppError('FORBIDDEN', 'Choose the organisation you act for first');
  const settings = checkSettings(input);
  let folderId: string | null = null;
  if (input.source === 'folder') {
    const folder = input.folderId ? await findFolder(ctx.db, input.folderId) : null;
    if (!folder || folder.organisationId !== organisationId) {
      throw new AppError('LOG_REVIEW_FOLDER_NOT_ALLOWED', 'That server folder is not allowed for your organisation');
    }
    folderId = folder.id;
  }
  const dataset: Dataset = {
    id: randomUUID(),
    organisationId,
    name: settings.name,
    sourceKind: input.source,
    folderId,
    reviewCapacity: settings.reviewCapacity,
    findingBudget: settings.findingBudget,
    patientLogNames: settings.patientLogNames,
    rulesAppliedHash: null,
    createdBy: principal.userId,
    createdAt: ctx.now,
  };
  await insertDataset(ctx.db, dataset);
  await audit(
    ctx,
    'logreview.dataset.create',
    { type: 'dataset', id: dataset.id },
    { name: dataset.name, source: dataset.sourceKind, folderId },
    'success',
    organisationId,
  );
  return dataset;
}

export async function changeDatasetSettings(
  ctx: ReviewContext,
  datasetId: string,
  input: DatasetSettingsInput,
): Promise<Dataset> {
  const dataset = await loadDataset(ctx, datasetId);
  const settings = checkSettings({
    name: input.name,
    reviewCapacity: input.reviewCapacity ?? dataset.reviewCapacity,
    findingBudget: input.findingBudget === undefined ? dataset.findingBudget : input.findingBudget,
    patientLogNames: input.patientLogNames ?? dataset.patientLogNames,
  });
  await updateDatasetSettings(ctx.db, dataset.id, settings);
  await audit(
    ctx,
    'logreview.dataset.update',
    { type: 'dataset', id: dataset.id },
    { ...settings },
    'success',
    dataset.organisationId,
  );
  return { ...dataset, ...settings };
}

export interface DatasetOverview {
  readonly dataset: Dataset;
  readonly folder: AllowedFolder | null;
  readonly latestRun: Run | null;
  readonly activeRun: Run | null;
  readonly openCases: number;
  readonly pendingApproval: number;
}

async function overview(ctx: ReviewContext, dataset: Dataset): Promise<DatasetOverview> {
  return {
    dataset,
    folder: dataset.folderId ? await findFolder(ctx.db, dataset.folderId) : null,
    latestRun: await latestSucceededRun(ctx.db, dataset.id),
    activeRun: await activeRun(ctx.db, dataset.id),
    openCases: await countCases(ctx.db, dataset.id, { status: 'open' }),
    pendingApproval: await countCases(ctx.db, dataset.id, { status: 'pending_approval' }),
  };
}

export async function listMyDatasets(ctx: ReviewContext): Promise<DatasetOverview[]> {
  requireReviewer(ctx.principal);
  const datasets = await listDatasets(ctx.db, scopeOf(ctx.principal));
  return Promise.all(datasets.map((d) => overview(ctx, d)));
}

export async function getDataset(
  ctx: ReviewContext,
  datasetId: string,
): Promise<DatasetOverview & { uploads: Upload[] }> {
  const dataset = await loadDataset(ctx, datasetId);
  return { ...(await overview(ctx, dataset)), uploads: await listUploads(ctx.db, dataset.id) };
}

export async function listDatasetRuns(ctx: ReviewContext, datasetId: string): Promise<Run[]> {
  const dataset = await loadDataset(ctx, datasetId);
  return listRuns(ctx.db, dataset.id);
}

/** Streams the files of one upload into the dataset's folder; nothing is kept if any file is refused. */
export async function receiveUpload(
  ctx: ReviewContext & { dataDir: string; maxFileBytes: number },
  datasetId: string,
  files: AsyncIterable<IncomingFile>,
): Promise<Upload> {
  const dataset = await loadDataset(ctx, datasetId);
  if (dataset.sourceKind !== 'upload')
    throw new AppError(
      'LOG_REVIEW_UPLOAD_INVALID',
      'This dataset reads a server folder; files cannot be uploaded to it',
    );
  const id = randomUUID();
  const target = uploadDir(workspaceDir(ctx.dataDir, dataset.organisationId, dataset.id), id);
  const writer = new UploadWriter(target, ctx.maxFileBytes);
  let stored: StoredUploadFile[];
  try {
    for await (const file of files) await writer.add(file);
    const earlier = await listUploads(ctx.db, dataset.id);
    stored = writer.finish(earlier.length === 0);
  } catch (error) {
    writer.discard();
    throw error;
  }
  const upload: Upload = {
    id,
    datasetId: dataset.id,
    files: stored,
    uploadedBy: ctx.principal.userId,
    uploadedAt: ctx.now,
    ingestedByRun: null,
  };
  await insertUpload(ctx.db, upload);
  await audit(
    ctx,
    'logreview.dataset.upload',
    { type: 'dataset', id: dataset.id },
    { uploadId: id, files: stored },
    'success',
    dataset.organisationId,
  );
  return upload;
}

/** Queues an analysis: uploads not yet read in (upload datasets) or the server folder (folder datasets), then all of it. */
export async function startRun(ctx: ReviewContext, datasetId: string, enqueue: (runId: string) => void): Promise<Run> {
  const dataset = await loadDataset(ctx, datasetId);
  if (await activeRun(ctx.db, dataset.id))
    throw new AppError('LOG_REVIEW_RUN_ACTIVE', 'An analysis of this dataset is already queued or running');
  const uploads = await listUploads(ctx.db, dataset.id);
  if (dataset.sourceKind === 'upload' && uploads.length === 0) {
    throw new AppError('LOG_REVIEW_UPLOAD_INVALID', 'Upload the dataset’s files before starting an analysis');
  }
  const run: Run = {
    id: randomUUID(),
    datasetId: dataset.id,
    status: 'queued',
    phase: 'queued',
    progress: 0,
    inputs: {
      uploadIds: uploads.filter((u) => u.ingestedByRun === null).map((u) => u.id),
      scanFolder: dataset.sourceKind === 'folder',
    },
    summary: null,
    error: null,
    startedBy: ctx.principal.userId,
    queuedAt: ctx.now,
    startedAt: null,
    finishedAt: null,
  };
  await insertRun(ctx.db, run);
  await audit(
    ctx,
    'logreview.run.start',
    { type: 'dataset', id: dataset.id },
    { runId: run.id, uploads: run.inputs.uploadIds.length },
    'success',
    dataset.organisationId,
  );
  enqueue(run.id);
  return run;
}
