import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../testing/fixture.js';
import { firstMixedLineEnding, parseCsvRecord, readCsvHeader, recordStartLines } from './text-file.js';

/** The plain byte-by-byte reading the fast one must agree with. */
function referenceStartLines(
  bytes: Buffer,
  ordinals: readonly number[],
  options: { csv: boolean; header: boolean; skipLines?: ReadonlySet<number> },
): Map<number, number> {
  const wanted = new Set(ordinals);
  const found = new Map<number, number>();
  let line = 1;
  let inQuotes = false;
  let recordLine = 1;
  let recordBytes = 0;
  let record = options.header ? -1 : 0;
  const endRecord = (): void => {
    if (recordBytes > 0 && !options.skipLines?.has(recordLine)) {
      record++;
      if (record >= 1 && wanted.has(record)) found.set(record, recordLine);
    }
    recordBytes = 0;
  };
  for (const byte of bytes) {
    if (byte === 0x22 && options.csv) inQuotes = !inQuotes;
    if (byte === 0x0a) {
      line++;
      if (!inQuotes) {
        endRecord();
        recordLine = line;
      }
    } else if (byte !== 0x0d) recordBytes++;
  }
  endRecord();
  return found;
}

describe('text files', () => {
  it('splits RFC 4180 records', () => {
    expect(parseCsvRecord('a,"b,c","d ""e""",')).toEqual(['a', 'b,c', 'd "e"', '']);
  });
  it('reads the header past a BOM and CRLF', () => {
    const file = path.join(tempDir(), 'x.csv');
    fs.writeFileSync(file, '\uFEFFevent_id,"timestamp"\r\ne1,t\r\n');
    expect(readCsvHeader(file)).toEqual(['event_id', 'timestamp']);
  });
  it('finds the line where a record starts when quoted fields span lines', async () => {
    const file = path.join(tempDir(), 'y.csv');
    fs.writeFileSync(file, 'a,b\n1,"x\ny"\n\n2,z\r\n3,w\n');
    const lines = await recordStartLines(file, [1, 2, 3], { csv: true, header: true });
    expect([...lines.entries()]).toEqual([
      [1, 2],
      [2, 5],
      [3, 6],
    ]);
  });

  it('finds the first line that ends differently, outside quotes and across chunk boundaries', async () => {
    const file = path.join(tempDir(), 'm.csv');
    fs.writeFileSync(file, 'a,b\r\n1,"x\ny"\r\n2,z\r\n3,w\n4,v\r\n');
    for (const chunkBytes of [1, 2, 3, 5, 64]) {
      expect(await firstMixedLineEnding(file, chunkBytes)).toEqual({ line: 5, ending: 'LF', expected: 'CRLF' });
    }
    fs.writeFileSync(file, 'a,b\n1,"x\r\ny"\n2,z\n');
    expect(await firstMixedLineEnding(file, 2)).toBeNull();
  });

  it('finds the same lines as a byte-by-byte reading, across chunk boundaries', async () => {
    let seed = 7;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const pieces = ['a', 'bc', ',', '"', '""', '"x\ny"', '\n', '\r\n', '\n\n', '\r', 'æø', '{"k":1}'];
    for (let round = 0; round < 40; round++) {
      const text = Array.from({ length: 400 }, () => pieces[random(pieces.length)]).join('');
      const file = path.join(tempDir(), 'r.csv');
      fs.writeFileSync(file, text);
      const bytes = fs.readFileSync(file);
      const ordinals = Array.from({ length: 200 }, (_, i) => i + 1);
      for (const csv of [true, false]) {
        const skipLines = new Set([3, 7, 20]);
        const options = { csv, header: csv, skipLines };
        const expected = referenceStartLines(bytes, ordinals, options);
        const got = await recordStartLines(file, ordinals, { ...options, chunkBytes: 1 + random(17) });
        expect([...got.entries()]).toEqual([...expected.entries()]);
      }
    }
  });
});
