/**
 * CSV as spreadsheet programs and other programs both read it: RFC 4180 (CRLF line ends, fields quoted when they
 * hold the delimiter, a quote or a line break, quotes doubled), UTF-8 with a byte order mark so Excel reads æøå.
 * Text cells that a spreadsheet would run as a formula (starting with = + - @ tab or CR) get an apostrophe in front
 * (OWASP "CSV injection"); numbers are typed values and are written as they are, so -5 stays -5.
 */

export type CsvValue = string | number | boolean | Date | null | undefined;

export interface CsvColumn<Row> {
  readonly header: string;
  readonly value: (row: Row) => CsvValue;
}

export interface CsvOptions {
  /** `,` (RFC 4180, the default) or `;` (what Excel expects in Norwegian and other comma-decimal locales). */
  readonly delimiter?: ',' | ';';
  /** Start with a UTF-8 byte order mark (default true: Excel needs it to read UTF-8). */
  readonly bom?: boolean;
}

const formulaStart = /^[=+\-@\t\r]/;

/** A text cell a spreadsheet would not execute: formula-like starts get a leading apostrophe. */
export function neutraliseFormula(text: string): string {
  return formulaStart.test(text) ? `'${text}` : text;
}

function cellText(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) return value.toISOString();
  return neutraliseFormula(value);
}

export function csvField(value: CsvValue, delimiter: ',' | ';' = ','): string {
  const text = cellText(value);
  const needsQuotes = text.includes(delimiter) || /["\r\n]/.test(text);
  return needsQuotes ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The whole file as a string (with the BOM unless turned off). */
export function toCsv<Row>(columns: readonly CsvColumn<Row>[], rows: readonly Row[], options: CsvOptions = {}): string {
  const delimiter = options.delimiter ?? ',';
  const lines = [columns.map((c) => csvField(c.header, delimiter)).join(delimiter)];
  for (const row of rows) lines.push(columns.map((c) => csvField(c.value(row), delimiter)).join(delimiter));
  return `${options.bom === false ? '' : '\uFEFF'}${lines.join('\r\n')}\r\n`;
}

/** Reads CSV written by `toCsv` (or any RFC 4180 file) back into rows of strings: for tests and round trips. */
export function parseCsv(text: string, delimiter: ',' | ';' = ','): string[][] {
  const input = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < input.length; i++) {
    const ch = input[i];
    if (quoted) {
      if (ch === '"' && input[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === delimiter) {
      row.push(field);
      field = '';
    } else if (ch === '\r' && input[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
