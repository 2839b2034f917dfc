/**
 * Dirty copies of a dataset for the engine's tests: the faults real extracts have. Each fault is reported with the
 * file and the physical line (1 = header) where it was put, so a test can check that the reader names the place.
 * Files are streamed line by line, so a copy of a large dataset stays cheap.
 */
import { copyFileSync, createReadStream, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import iconv from 'iconv-lite';
import { AppError } from '../../../platform/errors.js';
import { Rng } from './rng.js';
import { BufferedFile } from './writers.js';

export type DirtyFault =
  'broken-line' | 'duplicate-ids' | 'unknown-references' | 'windows-1252' | 'bom-crlf' | 'quoted-newline';

export const ALL_FAULTS: readonly DirtyFault[] = [
  'broken-line',
  'duplicate-ids',
  'unknown-references',
  'windows-1252',
  'bom-crlf',
  'quoted-newline',
];

export interface InjectedFault {
  readonly fault: DirtyFault;
  readonly file: string;
  /** Physical line in the dirty file (1 = header), when the fault sits on one line. */
  readonly line?: number;
  readonly detail: string;
}

export interface DirtyCopyOptions {
  readonly from: string;
  readonly to: string;
  readonly faults?: readonly DirtyFault[];
  readonly seed?: number;
}

type LineEdit = (line: string, lineNumber: number, emit: (text: string) => number) => void;

/** Copies a dataset directory to `to`, injecting the chosen faults; returns where each one went. */
export async function writeDirtyCopy(options: DirtyCopyOptions): Promise<InjectedFault[]> {
  const faults = new Set(options.faults ?? ALL_FAULTS);
  const rng = Rng.keyed(options.seed ?? 1, 900);
  const csv = existsSync(join(options.from, 'access_events.csv'));
  const eventsFile = csv ? 'access_events.csv' : 'audit_events.ndjson';
  if (!existsSync(join(options.from, eventsFile)) || !existsSync(join(options.from, 'staff.csv'))) {
    throw new AppError('VALIDATION_FAILED', `Not a dataset directory: ${options.from}`, [
      { place: options.from, message: 'No events file or staff.csv' },
    ]);
  }
  mkdirSync(options.to, { recursive: true });
  const injected: InjectedFault[] = [];
  const eventLines = await countLines(join(options.from, eventsFile));
  const middle = Math.max(2, Math.floor(eventLines / 2));
  const duplicateAt = new Set(
    faults.has('duplicate-ids')
      ? [Math.max(2, Math.floor(eventLines / 3)), Math.max(3, Math.floor((eventLines * 2) / 3))]
      : [],
  );
  const unknownAt = faults.has('unknown-references') ? Math.max(2, Math.floor(eventLines / 4)) : -1;

  await rewrite(options.from, options.to, eventsFile, 'utf8', '\n', false, (line, n, emit) => {
    const written = emit(line);
    if (n === middle && faults.has('broken-line')) {
      const cut = line.slice(0, Math.max(5, Math.floor(line.length * 0.4)));
      const at = emit(cut);
      injected.push({
        fault: 'broken-line',
        file: eventsFile,
        line: at,
        detail: 'a truncated record in the middle of the file',
      });
    }
    if (duplicateAt.has(n)) {
      const at = emit(csv ? line.replace(/,(read|update|create)(,)/, ',print$2') : line);
      const id = csv ? line.split(',')[0] : (/"id":"([^"]+)"/.exec(line)?.[1] ?? '');
      injected.push({
        fault: 'duplicate-ids',
        file: eventsFile,
        line: at,
        detail: `event id ${id} repeated (first on line ${written})`,
      });
    }
    if (n === unknownAt) {
      const user = `u9${rng.range(10000, 99999)}x`;
      const patient = `p9${rng.range(100000, 999999)}x`;
      const fake = csv
        ? line.replace(
            /^([^,]*),([^,]*),([^,]*),([^,]*),/,
            (_m, id: string, ts: string) => `${id}-x,${ts},${user},${patient},`,
          )
        : line
            .replace(/"id":"([^"]+)"/, '"id":"$1-x"')
            .replace(/"value":"u[^"]*"/, `"value":"${user}"`)
            .replace(/Patient\/[^"]+"/, `Patient/${patient}"`);
      const at = emit(fake);
      injected.push({
        fault: 'unknown-references',
        file: eventsFile,
        line: at,
        detail: `user ${user} and patient ${patient} exist in no table`,
      });
    }
  });

  await rewrite(
    options.from,
    options.to,
    'staff.csv',
    faults.has('windows-1252') ? 'win1252' : 'utf8',
    '\n',
    false,
    (line, _n, emit) => emit(line),
  );
  if (faults.has('windows-1252'))
    injected.push({ fault: 'windows-1252', file: 'staff.csv', detail: 'encoded in Windows-1252 instead of UTF-8' });

  const bom = faults.has('bom-crlf');
  await rewrite(options.from, options.to, 'patients.csv', 'utf8', bom ? '\r\n' : '\n', bom, (line, _n, emit) =>
    emit(line),
  );
  if (bom)
    injected.push({ fault: 'bom-crlf', file: 'patients.csv', detail: 'UTF-8 byte-order mark and CRLF line ends' });

  await rewrite(options.from, options.to, 'departments.csv', 'utf8', '\n', false, (line, n, emit) => {
    if (n === 3 && faults.has('quoted-newline')) {
      const [id, name, ...rest] = line.split(',');
      const at = emit([id, `"${name ?? ''}\n(tidligere navn / former name)"`, ...rest].join(','));
      injected.push({
        fault: 'quoted-newline',
        file: 'departments.csv',
        line: at,
        detail: `department ${id}: a quoted name spanning two lines`,
      });
      return;
    }
    emit(line);
  });

  await rewrite(options.from, options.to, 'encounters.csv', 'utf8', '\n', false, (line, n, emit) => {
    if (n === 2 && faults.has('unknown-references')) {
      const parts = line.split(',');
      parts[0] = `${parts[0]}-x`;
      parts[2] = 'D9999';
      const at = emit(parts.join(','));
      emit(line);
      injected.push({
        fault: 'unknown-references',
        file: 'encounters.csv',
        line: at,
        detail: 'department D9999 does not exist',
      });
      return;
    }
    emit(line);
  });

  for (const file of readdirSync(options.from)) {
    if ([eventsFile, 'staff.csv', 'patients.csv', 'departments.csv', 'encounters.csv'].includes(file)) continue;
    copyFileSync(join(options.from, file), join(options.to, file));
  }
  return injected;
}

/** Streams a file line by line through `edit`; `emit` writes one (logical) line and returns its physical line. */
async function rewrite(
  fromDir: string,
  toDir: string,
  name: string,
  encoding: 'utf8' | 'win1252',
  newline: string,
  bom: boolean,
  edit: LineEdit,
): Promise<void> {
  const source = join(fromDir, name);
  if (!existsSync(source)) return;
  const out = new BufferedFile(join(toDir, name));
  let physical = 0;
  const chunks: string[] = [];
  const flushEncoded = (): void => {
    if (chunks.length === 0) return;
    const text = chunks.join('');
    chunks.length = 0;
    if (encoding === 'utf8') out.write(text);
    else out.writeBytes(iconv.encode(text, 'win1252'));
  };
  if (bom) out.write('\uFEFF');
  const emit = (text: string): number => {
    physical += 1;
    const at = physical;
    physical += (text.match(/\n/g) ?? []).length;
    chunks.push(text.replaceAll('\n', newline) + newline);
    if (chunks.length >= 2000) flushEncoded();
    return at;
  };
  const lines = createInterface({ input: createReadStream(source, 'utf8'), crlfDelay: Infinity });
  let n = 0;
  for await (const line of lines) {
    n += 1;
    edit(line, n, emit);
  }
  flushEncoded();
  out.close();
}

async function countLines(path: string): Promise<number> {
  let count = 0;
  for await (const chunk of createReadStream(path)) {
    const buffer = chunk as Buffer;
    for (let i = buffer.indexOf(10); i !== -1; i = buffer.indexOf(10, i + 1)) count += 1;
  }
  return count;
}
