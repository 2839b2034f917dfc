/**
 * Ingest a dataset directory into a workspace: reference files first (one transaction), then the event file as one
 * batch (another transaction). Files in another encoding are converted to UTF-8 copies first when asked.
 *
 * Reading the event file for its hash (the batch key), or converting it, runs while DuckDB stores the reference
 * files: the hash is done on this thread while DuckDB works on its own.
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

/** The files to read, and their SHA-256 (being computed, or known from the conversion). */
interface Prepared {
  readonly layout: DatasetLayout;
  readonly sha256: (file: string) => Promise<string>;
  /** Resolves when every file to read exists (converted copies are written). */
  readonly eventsReady: Promise<void>;
  readonly tmpDir: string | null;
}

/** A promise that is awaited later must not count as unhandled while other work runs. */
function later<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}

async function prepare(original: DatasetLayout, encoding: InputEncoding, tmpDir: string): Promise<Prepared> {
  const known = new Map<string, Promise<string>>();
  const sha256 = (file: string): Promise<string> => {
    let sha = known.get(file);
    if (!sha) {
      sha = later(fileSha256(file));
      known.set(file, sha);
    }
    return sha;
  };
  if (encoding === 'utf-8') {
    void sha256(original.events.path); // started now, read while the reference files are stored
    return { layout: original, sha256, eventsReady: Promise.resolve(), tmpDir: null };
  }
  const dir = path.join(tmpDir, `utf8-${Date.now().toString(36)}`);
  fs.mkdirSync(dir, { recursive: true });
  const convert = (file: string): { target: string; done: Promise<void> } => {
    const target = path.join(dir, path.basename(file));
    const sha = later(convertToUtf8(file, target, encoding));
    known.set(target, sha);
    return { target, done: later(sha.then(() => undefined)) };
  };
  const reference = async (file: string): Promise<string> => {
    const { target, done } = convert(file);
    await done;
    return target;
  };
  const staff = await reference(original.staff);
  const patients = await reference(original.patients);
  const departments = await reference(original.departments);
  const encounters = await reference(original.encounters);
  const careRelations = original.careRelations ? await reference(original.careRelations) : null;
  // The event file (the large one) is converted while the reference files are stored.
  const events = convert(original.events.path);
  return {
    layout: {
      dir: original.dir,
      events: { path: events.target, format: original.events.format },
      staff,
      patients,
      departments,
      encounters,
      careRelations,
    },
    sha256,
    eventsReady: events.done,
    tmpDir: dir,
  };
}

export async function ingestDataset(ws: Workspace, datasetDir: string, options: IngestOptions): Promise<IngestReport> {
  const original = locateDataset(datasetDir);
  const encoding = options.encoding ?? 'utf-8';
  const prepared = await prepare(original, encoding, path.join(ws.dir, 'tmp'));
  const { layout } = prepared;
  try {
    const skipBadLines = options.skipBadLines ?? false;
    options.onPhase?.('reference');
    const reference = await ingestReferenceFiles(ws.db, layout, {
      skipBadLines,
      now: options.now,
      sha256: prepared.sha256,
    });
    const rules = await readExplanationRules(ws.db);
    await prepared.eventsReady;
    const events = await ingestEventFile(ws.db, rules, {
      file: layout.events.path,
      format: layout.events.format,
      sha256: prepared.sha256(layout.events.path),
      skipBadLines,
      maxRejectShare: options.maxRejectShare ?? DEFAULT_MAX_REJECT_SHARE,
      now: options.now,
      timezone: ws.timezone,
      onPhase: options.onPhase,
    });
    const issues = [...reference.flatMap((r) => r.issues), ...events.issues];
    return { dataset: datasetDir, reference, events, issues };
  } finally {
    if (prepared.tmpDir) {
      await prepared.eventsReady.catch(() => undefined);
      fs.rmSync(prepared.tmpDir, { recursive: true, force: true });
    }
  }
}
