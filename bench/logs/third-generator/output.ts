// Writing the dataset: RFC 4180 CSV (CRLF, quoting only where needed) and FHIR R4 AuditEvent NDJSON shaped after the
// IHE Basic Audit Log Patterns (BALP) for patient-record reads, queries, updates and exports.

import { createWriteStream, type WriteStream } from 'node:fs';
import { SITE_NAMES, type Site } from './catalog.js';
import { formatOslo } from './clock.js';
import { ACTIONS, APPS, PURPOSES, type Ev } from './legit.js';
import type { World } from './world.js';

export function csvField(v: string | number): string {
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvRow(fields: readonly (string | number)[]): string {
  return fields.map(csvField).join(',') + '\r\n';
}

/** A buffered file writer that respects back-pressure. */
export class Out {
  private readonly stream: WriteStream;
  private buf: string[] = [];
  private size = 0;
  bytes = 0;

  constructor(path: string) {
    this.stream = createWriteStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 });
  }

  async write(s: string): Promise<void> {
    this.buf.push(s);
    this.size += s.length;
    if (this.size >= 1 << 20) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.buf.length === 0) return;
    const chunk = this.buf.join('');
    this.buf = [];
    this.size = 0;
    this.bytes += Buffer.byteLength(chunk);
    if (!this.stream.write(chunk)) await new Promise<void>((res) => this.stream.once('drain', () => res()));
  }

  async close(): Promise<void> {
    await this.flush();
    await new Promise<void>((res, rej) => this.stream.end((err?: Error | null) => (err ? rej(err) : res())));
  }
}

export const EVENT_HEADER = [
  'timestamp',
  'event_id',
  'user_id',
  'patient_id',
  'action',
  'purpose',
  'department_id',
  'workstation',
  'application',
] as const;

export function eventCsv(w: World, id: string, e: Ev): string {
  return csvRow([
    formatOslo(e.ms),
    id,
    w.staff[e.u]!.id,
    w.persons[e.p]!.id,
    ACTIONS[e.a]!,
    PURPOSES[e.pu]!,
    e.dep >= 0 ? w.depts[e.dep]!.id : '',
    e.ws,
    APPS[e.app]!,
  ]);
}

const PROFILE_READ = 'https://profiles.ihe.net/ITI/BALP/StructureDefinition/IHE.BasicAudit.PatientRead';
const PROFILE_QUERY = 'https://profiles.ihe.net/ITI/BALP/StructureDefinition/IHE.BasicAudit.PatientQuery';
const PROFILE_CREATE = 'https://profiles.ihe.net/ITI/BALP/StructureDefinition/IHE.BasicAudit.PatientCreate';
const PROFILE_UPDATE = 'https://profiles.ihe.net/ITI/BALP/StructureDefinition/IHE.BasicAudit.PatientUpdate';
const PROFILE_EXPORT = 'https://profiles.ihe.net/ITI/BALP/StructureDefinition/IHE.BasicAudit.PatientExport';
const REST = { system: 'http://terminology.hl7.org/CodeSystem/audit-event-type', code: 'rest' };
const RESTFUL = 'http://hl7.org/fhir/restful-interaction';
const DCM = 'http://dicom.nema.org/resources/ontology/DCM';
const ACT_REASON = 'http://terminology.hl7.org/CodeSystem/v3-ActReason';
const USER_SYSTEM = 'urn:oid:2.16.578.1.12.4.1.2.4201.1';

/** FHIR AuditEvent for one lookup. Purpose goes to `purposeOfEvent` or to the user agent's `purposeOfUse`, by source. */
export function auditEvent(w: World, id: string, e: Ev): Record<string, unknown> {
  const st = w.staff[e.u]!;
  const pe = w.persons[e.p]!;
  const action = ACTIONS[e.a]!;
  const purpose = PURPOSES[e.pu]!;
  const dept = e.dep >= 0 ? w.depts[e.dep]! : null;
  const purposeCoding = purpose ? [{ coding: [{ system: ACT_REASON, code: purpose }] }] : undefined;
  const onAgent = e.app === 1 || e.app === 2 || e.app === 5;
  let profile = PROFILE_READ;
  let code = 'R';
  let subtype: Record<string, string>[] = [{ system: RESTFUL, code: 'read' }];
  switch (action) {
    case 'search':
      profile = PROFILE_QUERY;
      code = 'E';
      subtype = [{ system: RESTFUL, code: 'search-type' }];
      break;
    case 'update':
      profile = PROFILE_UPDATE;
      code = 'U';
      subtype = [{ system: RESTFUL, code: 'update' }];
      break;
    case 'create':
      profile = PROFILE_CREATE;
      code = 'C';
      subtype = [{ system: RESTFUL, code: 'create' }];
      break;
    case 'export':
    case 'print':
      profile = PROFILE_EXPORT;
      code = 'E';
      subtype = [{ system: DCM, code: '110106', display: 'Export' }];
      if (action === 'print')
        subtype.push({ system: 'urn:helse-fjordvik:audit-subtype', code: 'print', display: 'Utskrift' });
      break;
    case 'read':
      break;
  }
  const userAgent: Record<string, unknown> = {
    type: {
      coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ParticipationType', code: 'IRCP' }],
    },
    who: { identifier: { system: USER_SYSTEM, value: st.id }, display: `${st.given} ${st.fam}` },
    requestor: true,
    role: [{ coding: [{ system: 'urn:helse-fjordvik:stilling', code: st.role, display: st.title }] }],
  };
  if (dept) userAgent['location'] = { reference: `Location/${dept.id}`, display: dept.name };
  if (e.pu === 2) userAgent['policy'] = ['urn:helse-fjordvik:tilgang:akuttinnsyn'];
  if (onAgent && purposeCoding) userAgent['purposeOfUse'] = purposeCoding;
  const agents: Record<string, unknown>[] = [];
  if (e.ws) {
    agents.push({
      type: { coding: [{ system: DCM, code: '110153' }] },
      who: { display: e.ws },
      requestor: false,
      network: { address: e.ws, type: '1' },
    });
  }
  agents.push(userAgent);
  const entity: Record<string, unknown>[] = [
    {
      what: { reference: `Patient/${pe.id}` },
      type: { system: 'http://terminology.hl7.org/CodeSystem/audit-entity-type', code: '1' },
      role: { system: 'http://terminology.hl7.org/CodeSystem/object-role', code: '1' },
    },
  ];
  if (action === 'search') {
    entity.push({
      type: { system: 'http://terminology.hl7.org/CodeSystem/audit-entity-type', code: '2', display: 'System Object' },
      role: { system: 'http://terminology.hl7.org/CodeSystem/object-role', code: '24', display: 'Query' },
      query: Buffer.from(`Patient?family=${pe.fam}&given=${pe.given.split(' ')[0]}`).toString('base64'),
    });
  }
  const site = (dept?.site || st.site) as Site;
  const out: Record<string, unknown> = {
    resourceType: 'AuditEvent',
    id,
    meta: { profile: [profile] },
    type: REST,
    subtype,
    action: code,
    recorded: formatOslo(e.ms),
    outcome: '0',
  };
  if (!onAgent && purposeCoding) out['purposeOfEvent'] = purposeCoding;
  out['agent'] = agents;
  out['source'] = {
    site: SITE_NAMES[site],
    observer: { display: APPS[e.app] },
    type: [{ system: 'http://terminology.hl7.org/CodeSystem/security-source-type', code: '4' }],
  };
  out['entity'] = entity;
  return out;
}

/** A login audit record: not about a patient, a consumer should count and skip it. */
export function loginEvent(w: World, id: string, e: Ev): Record<string, unknown> {
  const st = w.staff[e.u]!;
  return {
    resourceType: 'AuditEvent',
    id,
    type: { system: DCM, code: '110114', display: 'User Authentication' },
    subtype: [{ system: DCM, code: '110122', display: 'Login' }],
    action: 'E',
    recorded: formatOslo(e.ms - 1000),
    outcome: '0',
    agent: [
      {
        type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ParticipationType', code: 'IRCP' }] },
        who: { identifier: { system: USER_SYSTEM, value: st.id } },
        requestor: true,
      },
    ],
    source: { observer: { display: 'Innlogging (SSO)' } },
  };
}
