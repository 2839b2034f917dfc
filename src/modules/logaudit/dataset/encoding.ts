/**
 * Input files must be UTF-8. A file exported in Windows-1252 (common from older Norwegian systems: æ, ø, å as single
 * bytes) is refused with a clear message, or converted to UTF-8 when the user says which encoding it is.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import iconv from 'iconv-lite';

export const SUPPORTED_ENCODINGS = ['utf-8', 'windows-1252', 'iso-8859-1'] as const;
export type InputEncoding = (typeof SUPPORTED_ENCODINGS)[number];

export function parseEncoding(value: string): InputEncoding {
  const normalized = value
    .toLowerCase()
    .replace(/^cp1252$/, 'windows-1252')
    .replace(/^latin-?1$/, 'iso-8859-1');
  const known = SUPPORTED_ENCODINGS.find((e) => e === normalized || e.replace('-', '') === normalized);
  if (!known) throw new Error(`unsupported encoding "${value}" (supported: ${SUPPORTED_ENCODINGS.join(', ')})`);
  return known;
}

/** Write a UTF-8 copy of `source` to `target`; returns the SHA-256 of the copy (hashed while it is written). */
export async function convertToUtf8(source: string, target: string, encoding: InputEncoding): Promise<string> {
  const hash = crypto.createHash('sha256');
  await pipeline(
    fs.createReadStream(source, { highWaterMark: 1 << 20 }),
    iconv.decodeStream(encoding),
    iconv.encodeStream('utf-8'),
    new Transform({
      transform(chunk: Buffer, _encoding, done) {
        hash.update(chunk);
        done(null, chunk);
      },
    }),
    fs.createWriteStream(target),
  );
  return hash.digest('hex');
}

/** A short hint of what the bad bytes probably were, for the error message. */
export function encodingHint(badLine: string | null): string {
  const sample = badLine ? ` (the line reads: ${JSON.stringify(badLine.slice(0, 80))})` : '';
  return `the file is not valid UTF-8; it looks like Windows-1252 or ISO-8859-1${sample}. Save it as UTF-8, or pass --encoding windows-1252 to convert it while reading`;
}
