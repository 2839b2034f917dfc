/**
 * Ingest a dataset directory into a workspace: reference files first (one transaction), then the event file as one
 * batch (another transaction). Files in another encoding are converted to UTF-8 copies first when asked.
 */
import fs from 'node:fs';
import path from 'node:path';
import { convertToUtf8, type InputEncoding } from '../dataset/encoding.js';
import { locateDataset, type DatasetLayout } from '../dataset/layout.js';
import { fileSha256 } from '../dataset/text-file.js';
import type { IngestIssue } from '../domain/ingest-issues.js';
import { ingestEventFile, type EventIngestResult } from '../workspace/ingest-events.js';
import { ingestReferenceFiles, type ReferenceFileResult } from '../workspace/ingest-reference.js';
import { readExplanationRules } from '../workspace/rules-repository.js';
import type { Workspace } from '../workspace/workspace.js';

export interface IngestOptions {
  readonly encoding?: InputEncoding;
  readonly skipBadLines?: boolean;
  readonly maxRejectShare?: number;
  /** Clock, passed in (stored as the batch's ingest time). */
  readonly now: Date;
  readonly onPhase?: (phase: string) => void;
}

export interface IngestReport {
  readonly dataset: string;
  readonly reference: readonly ReferenceFileResult[];
  readonly events: EventIngestResult;
  readonly issues: readonly { issue: IngestIssue; count: number }[];
}

export const DEFAULT_MAX_REJECT_SHARE = 0.02;

async function convertLayout(layout: DatasetLayout, encoding: InputEncoding, tmpDir: string): Promise<DatasetLayout> {
  const dir = path.join(tmpDir, `utf8-${Date.now().toString(36)}`);
  fs.mkdirSync(dir, { recursive: true });
  const convert = async (file: string): Promise<string> => {
    const target = path.join(dir, path.basename(file));
    await convertToUtf8(file, target, encoding);
    return target;
  };
  return {
    dir: layout.dir,
    events: { path: await convert(layout.events.path), format: layout.events.format },
    staff: await convert(layout.staff),
    patients: await convert(layout.patients),
    departments: await convert(layout.departments),
    encounters: await convert(layout.encounters),
    careRelations: layout.careRelations ? await convert(layout.careRelations) : null,
  };
}

export async function ingestDataset(ws: Workspace, datasetDir: string, options: IngestOptions): Promise<IngestReport> {
  const original = locateDataset(datasetDir);
  const encoding = options.encoding ?? 'utf-8';
  const layout = encoding === 'utf-8' ? original : await convertLayout(original, encoding, path.join(ws.dir, 'tmp'));
  try {
    const skipBadLines = options.skipBadLines ?? false;
    options.onPhase?.('reference');
    const reference = await ingestReferenceFiles(ws.db, layout, { skipBadLines, now: options.now });
    const rules = await readExplanationRules(ws.db);
    const events = await ingestEventFile(ws.db, rules, {
      file: layout.events.path,
      format: layout.events.format,
      sha256: await fileSha256(layout.events.path),
      skipBadLines,
      maxRejectShare: options.maxRejectShare ?? DEFAULT_MAX_REJECT_SHARE,
      now: options.now,
      timezone: ws.timezone,
      onPhase: options.onPhase,
    });
    const issues = [...reference.flatMap((r) => r.issues), ...events.issues];
    return { dataset: datasetDir, reference, events, issues };
  } finally {
    if (layout !== original) fs.rmSync(path.dirname(layout.events.path), { recursive: true, force: true });
  }
}
