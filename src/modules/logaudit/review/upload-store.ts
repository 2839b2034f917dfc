/**
 * Files of a dataset as they arrive: uploads are streamed into the dataset's folder under uploads/<id>, only with
 * the file names of the data contract (no paths: a name with a folder in it is refused, so nothing can be written
 * outside), each under a size limit, checksummed on the way. An upload that fails half-way leaves nothing behind.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../../../platform/errors.js';
import type { StoredUploadFile } from './tables.js';

export const contractFileNames = [
  'access_events.csv',
  'audit_events.ndjson',
  'staff.csv',
  'patients.csv',
  'departments.csv',
  'encounters.csv',
  'care_relations.csv',
] as const;
export const eventFileNames = ['access_events.csv', 'audit_events.ndjson'] as const;
export const requiredReferenceFiles = ['staff.csv', 'patients.csv', 'departments.csv', 'encounters.csv'] as const;
/** Reference files copied forward from earlier uploads when a new upload brings only new days. */
export const referenceFiles = [...requiredReferenceFiles, 'care_relations.csv'] as const;

export function uploadsDir(workspaceDir: string): string {
  return path.join(workspaceDir, 'uploads');
}

export function uploadDir(workspaceDir: string, uploadId: string): string {
  return path.join(uploadsDir(workspaceDir), uploadId);
}

function refuse(message: string, place?: string): AppError {
  return new AppError('LOG_REVIEW_UPLOAD_INVALID', message, [{ ...(place ? { place } : {}), message }]);
}

/** The file name as sent must be exactly one of the contract's names: no folders, no other names. */
export function checkFileName(sent: string): (typeof contractFileNames)[number] {
  if (!(contractFileNames as readonly string[]).includes(sent)) {
    throw refuse(
      `"${sent.slice(0, 100)}" is not a file of the data contract (${contractFileNames.join(', ')})`,
      sent.slice(0, 100),
    );
  }
  return sent as (typeof contractFileNames)[number];
}

export interface IncomingFile {
  readonly filename: string;
  readonly stream: Readable;
  /** Set by the multipart parser when the file went over the size limit. */
  readonly truncated: () => boolean;
}

export class UploadWriter {
  private readonly files: StoredUploadFile[] = [];
  private readonly partial: string;

  constructor(
    private readonly target: string,
    private readonly maxBytes: number,
  ) {
    this.partial = `${target}.partial`;
    fs.mkdirSync(this.partial, { recursive: true });
  }

  async add(file: IncomingFile): Promise<void> {
    const name = checkFileName(file.filename);
    if (this.files.some((f) => f.name === name)) throw refuse(`${name} was sent twice`, name);
    const hash = createHash('sha256');
    let bytes = 0;
    const limit = this.maxBytes;
    const count = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        bytes += chunk.length;
        if (bytes > limit) {
          done(new AppError('PAYLOAD_TOO_LARGE', `${name} is larger than ${Math.round(limit / 1024 / 1024)} MB`));
          return;
        }
        hash.update(chunk);
        done(null, chunk);
      },
    });
    await pipeline(file.stream, count, fs.createWriteStream(path.join(this.partial, name), { flags: 'wx' }));
    if (file.truncated()) throw new AppError('PAYLOAD_TOO_LARGE', `${name} is larger than the upload limit`);
    this.files.push({ name, bytes, sha256: hash.digest('hex') });
  }

  /** Checks the set of files and moves them into place. */
  finish(isFirstUpload: boolean): StoredUploadFile[] {
    const names = this.files.map((f) => f.name) as string[];
    const events = eventFileNames.filter((n) => names.includes(n));
    if (events.length !== 1) throw refuse('send exactly one event file: access_events.csv or audit_events.ndjson');
    if (isFirstUpload) {
      const missing = requiredReferenceFiles.filter((n) => !names.includes(n));
      if (missing.length > 0) throw refuse(`the first upload of a dataset needs ${missing.join(', ')} as well`);
    }
    fs.renameSync(this.partial, this.target);
    return [...this.files].sort((a, b) => a.name.localeCompare(b.name));
  }

  discard(): void {
    fs.rmSync(this.partial, { recursive: true, force: true });
  }
}

/** Fill an upload that brings only new days with the reference files of the latest earlier upload that had them. */
export function completeFromEarlier(workspaceDir: string, uploadId: string, earlierIds: readonly string[]): string[] {
  const dir = uploadDir(workspaceDir, uploadId);
  const copied: string[] = [];
  for (const name of referenceFiles) {
    if (fs.existsSync(path.join(dir, name))) continue;
    for (const earlier of [...earlierIds].reverse()) {
      const source = path.join(uploadDir(workspaceDir, earlier), name);
      if (fs.existsSync(source)) {
        fs.copyFileSync(source, path.join(dir, name));
        copied.push(name);
        break;
      }
    }
  }
  return copied;
}

/** The dataset folders inside an allowed server folder: the folder itself and/or its sub-folders, in name order. */
export function datasetFoldersIn(root: string): string[] {
  const hasEvents = (dir: string) => eventFileNames.some((n) => fs.existsSync(path.join(dir, n)));
  const subfolders = fs
    .readdirSync(root, { withFileTypes: true })
    .filter((e) => e.isDirectory() && !e.name.startsWith('.'))
    .map((e) => path.join(root, e.name))
    .filter(hasEvents)
    .sort();
  return [...(hasEvents(root) ? [root] : []), ...subfolders];
}
