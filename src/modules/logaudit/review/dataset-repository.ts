/** SQL for datasets, allowed server folders and uploads (runs: run-repository.ts). */
import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../../platform/db/schema.js';
import type { LogReviewDatasetTable, LogReviewFolderTable, LogReviewUploadTable, StoredUploadFile } from './tables.js';
import type { Dataset } from './types.js';

type Q = Kysely<Database>;

export interface AllowedFolder {
  readonly id: string;
  readonly organisationId: string;
  readonly path: string;
  readonly label: string;
  readonly source: 'env' | 'admin';
  readonly addedAt: Date;
}

export interface Upload {
  readonly id: string;
  readonly datasetId: string;
  readonly files: StoredUploadFile[];
  readonly uploadedBy: string | null;
  readonly uploadedAt: Date;
  readonly ingestedByRun: string | null;
}

export function toDataset(r: Selectable<LogReviewDatasetTable>): Dataset {
  return {
    id: r.id,
    organisationId: r.organisation_id,
    name: r.name,
    sourceKind: r.source_kind,
    folderId: r.folder_id,
    reviewCapacity: r.review_capacity,
    findingBudget: r.finding_budget,
    patientLogNames: r.patient_log_names,
    rulesAppliedHash: r.rules_applied_hash,
    createdBy: r.created_by,
    createdAt: r.created_at,
  };
}

const toFolder = (r: Selectable<LogReviewFolderTable>): AllowedFolder => ({
  id: r.id,
  organisationId: r.organisation_id,
  path: r.path,
  label: r.label,
  source: r.source,
  addedAt: r.added_at,
});

const toUpload = (r: Selectable<LogReviewUploadTable>): Upload => ({
  id: r.id,
  datasetId: r.dataset_id,
  files: r.files,
  uploadedBy: r.uploaded_by,
  uploadedAt: r.uploaded_at,
  ingestedByRun: r.ingested_by_run,
});

export async function insertDataset(db: Q, d: Dataset): Promise<void> {
  await db
    .insertInto('logreview_dataset')
    .values({
      id: d.id,
      organisation_id: d.organisationId,
      name: d.name,
      source_kind: d.sourceKind,
      folder_id: d.folderId,
      review_capacity: d.reviewCapacity,
      finding_budget: d.findingBudget,
      patient_log_names: d.patientLogNames,
      rules_applied_hash: d.rulesAppliedHash,
      created_by: d.createdBy,
      created_at: d.createdAt,
    })
    .execute();
}

export async function updateDatasetSettings(
  db: Q,
  id: string,
  s: Pick<Dataset, 'name' | 'reviewCapacity' | 'findingBudget' | 'patientLogNames'>,
): Promise<void> {
  await db
    .updateTable('logreview_dataset')
    .set({
      name: s.name,
      review_capacity: s.reviewCapacity,
      finding_budget: s.findingBudget,
      patient_log_names: s.patientLogNames,
    })
    .where('id', '=', id)
    .execute();
}

export async function setRulesAppliedHash(db: Q, id: string, hash: string): Promise<void> {
  await db.updateTable('logreview_dataset').set({ rules_applied_hash: hash }).where('id', '=', id).execute();
}

export async function findDataset(db: Q, id: string): Promise<Dataset | null> {
  const r = await db.selectFrom('logreview_dataset').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toDataset(r) : null;
}

export async function listDatasets(db: Q, organisationIds: readonly string[]): Promise<Dataset[]> {
  if (organisationIds.length === 0) return [];
  const found = await db
    .selectFrom('logreview_dataset')
    .selectAll()
    .where('organisation_id', 'in', [...organisationIds])
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
  return found.map(toDataset);
}

export async function datasetsOfOrganisation(db: Q, organisationId: string): Promise<Dataset[]> {
  return listDatasets(db, [organisationId]);
}

export async function listFolders(db: Q, organisationIds: readonly string[] | null): Promise<AllowedFolder[]> {
  let q = db.selectFrom('logreview_folder').selectAll().where('removed_at', 'is', null);
  if (organisationIds) {
    if (organisationIds.length === 0) return [];
    q = q.where('organisation_id', 'in', [...organisationIds]);
  }
  return (await q.orderBy('organisation_id').orderBy('label').execute()).map(toFolder);
}

export async function findFolder(db: Q, id: string): Promise<AllowedFolder | null> {
  const r = await db
    .selectFrom('logreview_folder')
    .selectAll()
    .where('id', '=', id)
    .where('removed_at', 'is', null)
    .executeTakeFirst();
  return r ? toFolder(r) : null;
}

export async function upsertFolder(db: Q, f: AllowedFolder, addedBy: string | null): Promise<void> {
  await db
    .insertInto('logreview_folder')
    .values({
      id: f.id,
      organisation_id: f.organisationId,
      path: f.path,
      label: f.label,
      source: f.source,
      added_by: addedBy,
      added_at: f.addedAt,
      removed_at: null,
    })
    .onConflict((oc) => oc.columns(['organisation_id', 'path']).doUpdateSet({ label: f.label, removed_at: null }))
    .execute();
}

export async function removeFolder(db: Q, id: string, at: Date): Promise<void> {
  await db.updateTable('logreview_folder').set({ removed_at: at }).where('id', '=', id).execute();
}

export async function insertUpload(db: Q, u: Upload): Promise<void> {
  await db
    .insertInto('logreview_upload')
    .values({
      id: u.id,
      dataset_id: u.datasetId,
      files: JSON.stringify(u.files),
      uploaded_by: u.uploadedBy,
      uploaded_at: u.uploadedAt,
      ingested_by_run: null,
    })
    .execute();
}

export async function listUploads(db: Q, datasetId: string): Promise<Upload[]> {
  const found = await db
    .selectFrom('logreview_upload')
    .selectAll()
    .where('dataset_id', '=', datasetId)
    .orderBy('uploaded_at')
    .orderBy('id')
    .execute();
  return found.map(toUpload);
}

export async function markUploadsIngested(db: Q, ids: readonly string[], runId: string): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('logreview_upload')
    .set({ ingested_by_run: runId })
    .where('id', 'in', [...ids])
    .execute();
}
