/**
 * Buffered output: text is collected in memory up to about a megabyte and then written in one call, so millions of
 * rows cost few system calls and memory stays flat. CSV fields are quoted per RFC 4180 only when needed.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';

const BUFFER_BYTES = 1 << 20;

export class BufferedFile {
  private readonly fd: number;
  private readonly buffer = Buffer.allocUnsafe(BUFFER_BYTES);
  private used = 0;
  rows = 0;

  constructor(readonly path: string) {
    this.fd = openSync(path, 'w');
  }

  write(text: string): void {
    // UTF-8 needs at most three bytes per UTF-16 unit.
    if (this.used + text.length * 3 > BUFFER_BYTES) {
      this.flush();
      if (text.length * 3 > BUFFER_BYTES) {
        writeSync(this.fd, text);
        return;
      }
    }
    this.used += this.buffer.write(text, this.used);
  }

  /** Raw bytes (already encoded). */
  writeBytes(bytes: Uint8Array): void {
    if (this.used + bytes.length > BUFFER_BYTES) this.flush();
    if (bytes.length > BUFFER_BYTES) {
      writeSync(this.fd, bytes);
      return;
    }
    this.buffer.set(bytes, this.used);
    this.used += bytes.length;
  }

  flush(): void {
    let offset = 0;
    while (offset < this.used) offset += writeSync(this.fd, this.buffer, offset, this.used - offset);
    this.used = 0;
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}

const needsQuoting = /[",\r\n]/;

export function csvField(value: string): string {
  return needsQuoting.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** A CSV file with a header; `row` takes the values in header order. */
export class CsvFile {
  private readonly file: BufferedFile;

  constructor(
    dir: string,
    name: string,
    readonly header: readonly string[],
  ) {
    this.file = new BufferedFile(join(dir, name));
    this.file.write(`${header.join(',')}\n`);
  }

  get rows(): number {
    return this.file.rows;
  }

  row(values: readonly string[]): void {
    let line = '';
    for (let i = 0; i < values.length; i += 1) {
      if (i > 0) line += ',';
      line += csvField(values[i] ?? '');
    }
    this.file.write(`${line}\n`);
    this.file.rows += 1;
  }

  /** A pre-formatted line (the caller guarantees fields need no quoting). */
  rawLine(line: string): void {
    this.file.write(line);
    this.file.rows += 1;
  }

  close(): void {
    this.file.close();
  }
}
