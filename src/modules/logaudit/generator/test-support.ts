/**
 * Helpers for the generator's tests: an independent RFC 4180 reader (so the tests do not trust the writer) and the
 * contract's mapping of a FHIR AuditEvent line back to an access-event row.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export type Row = Record<string, string>;

/** Parses RFC 4180 CSV text (quoted fields, doubled quotes, CRLF or LF) into header and rows. */
export function parseCsv(text: string): { header: string[]; rows: Row[] } {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i += 1;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  const [header = [], ...body] = records;
  return { header, rows: body.map((values) => Object.fromEntries(header.map((h, i) => [h, values[i] ?? '']))) };
}

export function readCsv(dir: string, file: string): { header: string[]; rows: Row[] } {
  return parseCsv(readFileSync(join(dir, file), 'utf8'));
}

export function hashDirectory(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const file of readdirSync(dir).sort())
    out[file] = createHash('sha256')
      .update(readFileSync(join(dir, file)))
      .digest('hex');
  return out;
}

interface Coding {
  system?: string;
  code?: string;
}

interface AuditEventJson {
  resourceType?: string;
  id?: string;
  recorded?: string;
  action?: string;
  subtype?: Coding[];
  purposeOfEvent?: { coding?: Coding[] }[];
  agent?: {
    requestor?: boolean;
    who?: { identifier?: { value?: string } };
    location?: { identifier?: { value?: string } };
    network?: { address?: string };
    purposeOfUse?: { coding?: Coding[] }[];
  }[];
  entity?: { what?: { reference?: string }; role?: Coding }[];
}

/**
 * The contract's reading of one AuditEvent: null when it is not about exactly one patient. Print is told apart from
 * export by its subtype (a reader that only looks at `action` sees both as export).
 */
export function auditEventToRow(line: string): Row | null {
  const event = JSON.parse(line) as AuditEventJson;
  const patients = (event.entity ?? []).filter(
    (e) => e.what?.reference?.startsWith('Patient/') || e.role?.code === '1',
  );
  if (patients.length !== 1) return null;
  const requestor = (event.agent ?? []).find((a) => a.requestor === true);
  const subtypes = (event.subtype ?? []).map((s) => s.code);
  const map: Record<string, string> = { C: 'create', R: 'read', U: 'update', D: 'delete', E: 'export' };
  let action = map[event.action ?? ''] ?? '';
  if (event.action === 'E' && subtypes.some((s) => s === 'search-type' || s === 'search')) action = 'search';
  if (event.action === 'E' && subtypes.includes('print')) action = 'print';
  const purpose = event.purposeOfEvent?.[0]?.coding?.[0]?.code ?? requestor?.purposeOfUse?.[0]?.coding?.[0]?.code ?? '';
  return {
    event_id: event.id ?? '',
    timestamp: event.recorded ?? '',
    user_id: requestor?.who?.identifier?.value ?? '',
    patient_id: (patients[0]?.what?.reference ?? '').slice('Patient/'.length),
    action,
    purpose,
    department_id: requestor?.location?.identifier?.value ?? '',
    workstation: requestor?.network?.address ?? '',
  };
}
