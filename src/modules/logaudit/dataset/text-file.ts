/**
 * Byte-level facts about an input file that DuckDB does not give us: the header record, the encoding, the content
 * hash (the batch key), and the physical line where the n-th record starts (quoted newlines span lines).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../platform/errors.js';

const UTF8_BOM = [0xef, 0xbb, 0xbf];

export function hasUtf8Bom(head: Buffer): boolean {
  return head.length >= 3 && UTF8_BOM.every((byte, i) => head[i] === byte);
}

function readHead(file: string, bytes: number): Buffer {
  const fd = fs.openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const read = fs.readSync(fd, buffer, 0, bytes, 0);
    return buffer.subarray(0, read);
  } finally {
    fs.closeSync(fd);
  }
}

/** Split one CSV record (RFC 4180) into fields. */
export function parseCsvRecord(text: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      fields.push(field);
      field = '';
    } else field += ch;
  }
  fields.push(field);
  return fields;
}

/** The header names of a CSV file, BOM removed, trimmed. Refuses UTF-16 and files without a header line. */
export function readCsvHeader(file: string): string[] {
  const head = readHead(file, 1 << 16);
  const name = path.basename(file);
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) {
    throw new AppError('LOG_DATASET_INVALID', `${name} is UTF-16; the data contract requires UTF-8`, [
      { place: `${name} line 1`, message: 'UTF-16 byte order mark found; save the file as UTF-8' },
    ]);
  }
  const body = hasUtf8Bom(head) ? head.subarray(3) : head;
  let end = body.indexOf(0x0a);
  if (end < 0) end = body.length;
  const line = body.subarray(0, end).toString('latin1').replace(/\r$/, '');
  if (line.trim() === '') {
    throw new AppError('LOG_DATASET_INVALID', `${name} has no header line`, [
      { place: `${name} line 1`, message: 'the first line must name the columns' },
    ]);
  }
  return parseCsvRecord(line).map((h) => h.trim());
}

/** SHA-256 of the file content, streamed. Same bytes ⇒ same batch key, whatever the file is called. */
export async function fileSha256(file: string): Promise<string> {
  const hash = crypto.createHash('sha256');
  await new Promise<void>((resolve, reject) => {
    fs.createReadStream(file, { highWaterMark: 1 << 22 })
      .on('data', (chunk) => hash.update(chunk))
      .on('end', () => resolve())
      .on('error', reject);
  });
  return hash.digest('hex');
}

/**
 * Physical start line (1-based, the header is line 1) of the given data records (1-based, in file order, blank
 * lines not counted). `csv` makes quoted fields span newlines; NDJSON has one record per line.
 * `skipLines` are lines whose records the reader dropped, so they do not count as records.
 *
 * Reads only up to the last record asked for, line by line with Buffer.indexOf (a byte-by-byte loop in JavaScript
 * took most of a minute for a 6 GB file); quotes are looked at only in chunks that have any.
 */
export async function recordStartLines(
  file: string,
  ordinals: readonly number[],
  options: { csv: boolean; header: boolean; skipLines?: ReadonlySet<number>; chunkBytes?: number },
): Promise<Map<number, number>> {
  const wanted = new Set(ordinals);
  const found = new Map<number, number>();
  if (wanted.size === 0) return found;
  const last = Math.max(...wanted);
  let line = 1;
  let inQuotes = false;
  let recordLine = 1;
  let recordHasBytes = false; // anything but CR/LF since the record started
  let record = options.header ? -1 : 0; // index of the record being read; the header is record 0
  const stream = fs.createReadStream(file, { highWaterMark: options.chunkBytes ?? 1 << 22 });
  const endRecord = (): boolean => {
    if (recordHasBytes && !options.skipLines?.has(recordLine)) {
      record++;
      if (record >= 1 && wanted.has(record)) found.set(record, recordLine);
    }
    recordHasBytes = false;
    return record >= last;
  };
  outer: for await (const chunk of stream as AsyncIterable<Buffer>) {
    let pos = 0;
    let quote = options.csv ? chunk.indexOf(0x22) : -1;
    while (pos < chunk.length) {
      const newline = chunk.indexOf(0x0a, pos);
      const end = newline === -1 ? chunk.length : newline;
      for (let i = pos; !recordHasBytes && i < end; i++) if (chunk[i] !== 0x0d) recordHasBytes = true;
      for (; quote !== -1 && quote < end; quote = chunk.indexOf(0x22, quote + 1)) inQuotes = !inQuotes;
      if (newline === -1) break;
      line++;
      if (!inQuotes) {
        if (endRecord()) break outer;
        recordLine = line;
      }
      pos = newline + 1;
    }
  }
  if (record < last) endRecord();
  stream.destroy();
  return found;
}

/**
 * The first line (1-based) whose line ending differs from the first line's (CR LF against LF), outside quoted
 * fields, or null. DuckDB's CSV reader stops on such a file without saying where; this says where.
 */
export async function firstMixedLineEnding(
  file: string,
  chunkBytes = 1 << 22,
): Promise<{ line: number; ending: 'CRLF' | 'LF'; expected: 'CRLF' | 'LF' } | null> {
  let line = 1;
  let inQuotes = false;
  let previous = 0; // the byte before the current chunk
  let expected: 'CRLF' | 'LF' | null = null;
  const stream = fs.createReadStream(file, { highWaterMark: chunkBytes });
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      let quote = chunk.indexOf(0x22);
      for (let newline = chunk.indexOf(0x0a); newline !== -1; newline = chunk.indexOf(0x0a, newline + 1)) {
        for (; quote !== -1 && quote < newline; quote = chunk.indexOf(0x22, quote + 1)) inQuotes = !inQuotes;
        if (!inQuotes) {
          const before = newline > 0 ? chunk[newline - 1] : previous;
          const ending = before === 0x0d ? 'CRLF' : 'LF';
          if (expected === null) expected = ending;
          else if (ending !== expected) return { line, ending, expected };
        }
        line++;
      }
      for (; quote !== -1; quote = chunk.indexOf(0x22, quote + 1)) inQuotes = !inQuotes;
      previous = chunk[chunk.length - 1] ?? previous;
    }
    return null;
  } finally {
    stream.destroy();
  }
}

/** Number of lines in a file (a last line without a line ending counts; an empty last line does not). */
export async function countLines(file: string): Promise<number> {
  let lines = 0;
  let last = 0x0a;
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 1 << 22 }) as AsyncIterable<Buffer>) {
    for (let i = chunk.indexOf(0x0a); i !== -1; i = chunk.indexOf(0x0a, i + 1)) lines++;
    if (chunk.length > 0) last = chunk[chunk.length - 1] as number;
  }
  return last === 0x0a ? lines : lines + 1;
}

/** Rough number of records in a file from its size and the mean length of the lines in its first megabyte. */
export function estimateRecords(file: string): number {
  const size = fs.statSync(file).size;
  const head = readHead(file, 1 << 20);
  let lines = 0;
  for (const byte of head) if (byte === 0x0a) lines++;
  if (lines < 2) return lines;
  const lastNewline = head.lastIndexOf(0x0a);
  return Math.max(0, Math.round(size / ((lastNewline + 1) / lines)) - 1);
}
