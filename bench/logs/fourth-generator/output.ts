/**
 * Writing files: RFC 4180 CSV (CRLF line ends, quoting only where needed) through a buffered synchronous writer,
 * and FHIR R4 AuditEvent lines shaped after IHE BALP (patient read / query / create / update / export).
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { formatOslo } from './time.js';
import type { Action, Purpose } from './types.js';

export class FileWriter {
  private readonly fd: number;
  private buf: string[] = [];
  private size = 0;
  lines = 0;

  constructor(path: string) {
    this.fd = openSync(path, 'w');
  }

  write(text: string): void {
    this.buf.push(text);
    this.size += text.length;
    if (this.size > 1 << 20) this.flush();
  }

  flush(): void {
    if (this.buf.length === 0) return;
    writeSync(this.fd, this.buf.join(''));
    this.buf = [];
    this.size = 0;
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}

const NEEDS_QUOTES = /[",\r\n]/;

export function csvField(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return '';
  const s = String(v);
  return NEEDS_QUOTES.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export class CsvWriter extends FileWriter {
  constructor(path: string, header: readonly string[]) {
    super(path);
    this.write(header.join(',') + '\r\n');
  }

  row(values: readonly (string | number | null | undefined)[]): void {
    this.write(values.map(csvField).join(',') + '\r\n');
    this.lines++;
  }
}

export interface OutEvent {
  id: string;
  t: number;
  user: string;
  patient: string;
  action: Action;
  purpose: Purpose;
  dept: string;
  ws: string;
}

export const EVENT_HEADER = [
  'event_id',
  'timestamp',
  'user_id',
  'patient_id',
  'action',
  'purpose',
  'department_id',
  'workstation',
] as const;

export function eventRow(e: OutEvent): (string | number)[] {
  return [e.id, formatOslo(e.t), e.user, e.patient, e.action, e.purpose, e.dept, e.ws];
}

/** Printing is a DICOM "Data Export" (paper leaves the system), so print and export are both E, told apart by subtype. */
const FHIR_ACTION: Record<Action, string> = {
  read: 'R',
  search: 'E',
  print: 'E',
  export: 'E',
  update: 'U',
  create: 'C',
};
const REST: Record<Action, string> = {
  read: 'read',
  search: 'search-type',
  print: 'read',
  export: 'read',
  update: 'update',
  create: 'create',
};

const BALP = 'https://profiles.ihe.net/ITI/BALP/StructureDefinition/IHE.BasicAudit.';
const PROFILE: Record<Action, string> = {
  read: 'PatientRead',
  search: 'PatientQuery',
  print: 'PatientRead',
  export: 'PatientRead',
  update: 'PatientUpdate',
  create: 'PatientCreate',
};
const ACT_REASON = 'http://terminology.hl7.org/CodeSystem/v3-ActReason';
const OBJECT_ROLE = 'http://terminology.hl7.org/CodeSystem/object-role';
const ENTITY_TYPE = 'http://terminology.hl7.org/CodeSystem/audit-entity-type';
const DCM = 'http://dicom.nema.org/resources/ontology/DCM';

/**
 * One BALP-style AuditEvent for a patient-record lookup, kept lean (the files get large): the requesting agent with
 * the user id, unit (location) and terminal (network address); the patient entity; for searches also the query entity.
 */
export function auditEvent(e: OutEvent, trust: string): Record<string, unknown> {
  const subtype: Record<string, string>[] = [
    { system: 'http://hl7.org/fhir/restful-interaction', code: REST[e.action] },
  ];
  if (e.action === 'export' || e.action === 'print') subtype.push({ system: DCM, code: '110106', display: 'Export' });
  if (e.action === 'print') subtype.push({ system: 'urn:varde:action', code: 'print' });
  const requestor: Record<string, unknown> = { who: { identifier: { value: e.user } }, requestor: true };
  if (e.dept) requestor.location = { reference: `Location/${e.dept}` };
  if (e.ws) requestor.network = { address: e.ws, type: '1' };
  const entity: Record<string, unknown>[] = [
    {
      what: { reference: `Patient/${e.patient}` },
      type: { system: ENTITY_TYPE, code: '1' },
      role: { system: OBJECT_ROLE, code: '1' },
    },
  ];
  if (e.action === 'search')
    entity.push({
      type: { system: ENTITY_TYPE, code: '2' },
      role: { system: OBJECT_ROLE, code: '24' },
      query: Buffer.from(`Patient?identifier=${e.patient}`).toString('base64'),
    });
  const ev: Record<string, unknown> = {
    resourceType: 'AuditEvent',
    id: e.id,
    meta: { profile: [BALP + PROFILE[e.action]] },
    type: { system: 'http://terminology.hl7.org/CodeSystem/audit-event-type', code: 'rest' },
    subtype,
    action: FHIR_ACTION[e.action],
    recorded: formatOslo(e.t),
    outcome: '0',
    agent: [requestor],
    source: { observer: { display: trust } },
    entity,
  };
  if (e.purpose) ev.purposeOfEvent = [{ coding: [{ system: ACT_REASON, code: e.purpose }] }];
  return ev;
}

/** A login AuditEvent (not about a patient; a reader should count and skip it). */
export function loginEvent(id: string, t: number, user: string, ws: string, trust: string): Record<string, unknown> {
  return {
    resourceType: 'AuditEvent',
    id,
    type: { system: DCM, code: '110114', display: 'User Authentication' },
    subtype: [{ system: DCM, code: '110122', display: 'Login' }],
    action: 'E',
    recorded: formatOslo(t),
    outcome: '0',
    agent: [{ who: { identifier: { value: user } }, requestor: true, network: { address: ws, type: '1' } }],
    source: { observer: { display: trust } },
  };
}
