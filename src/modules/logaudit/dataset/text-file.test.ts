import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../testing/fixture.js';
import { parseCsvRecord, readCsvHeader, recordStartLines } from './text-file.js';

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
});
