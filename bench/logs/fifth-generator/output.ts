// Writers: buffered synchronous file output, RFC 4180 CSV, FHIR R4 AuditEvent (IHE BALP) NDJSON.
import fs from 'node:fs';
import { ACTIONS, PURPOSES } from './schedule.js';
import type { Ev } from './schedule.js';
import { fmtTs } from './time.js';

export class BufWriter {
  private fd: number;
  private parts: string[] = [];
  private size = 0;
  bytes = 0;
  constructor(path: string) {
    this.fd = fs.openSync(path, 'w');
  }
  write(s: string): void {
    this.parts.push(s);
    this.size += s.length;
    if (this.size > 1 << 20) this.flush();
  }
  flush(): void {
    if (!this.parts.length) return;
    const buf = Buffer.from(this.parts.join(''), 'utf8');
    fs.writeSync(this.fd, buf);
    this.bytes += buf.length;
    this.parts = [];
    this.size = 0;
  }
  close(): void {
    this.flush();
    fs.closeSync(this.fd);
  }
}

export function csvField(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return '';
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
export function csvRow(xs: (string | number | null | undefined)[]): string {
  return xs.map(csvField).join(',') + '\r\n';
}

export interface Lookup {
  user: string[];
  patient: string[];
  dept: string[];
  deptName: string[];
  ws: string[];
}

export interface EventSink {
  event(id: string, e: Ev): void;
  close(): void;
}

export class CsvEvents implements EventSink {
  private w: BufWriter;
  constructor(
    path: string,
    private L: Lookup,
  ) {
    this.w = new BufWriter(path);
    this.w.write('event_id,timestamp,user_id,patient_id,action,purpose,department_id,workstation\r\n');
  }
  event(id: string, e: Ev): void {
    const L = this.L;
    this.w.write(
      `${id},${fmtTs(e.t)},${L.user[e.u]},${L.patient[e.p]},${ACTIONS[e.a]},${PURPOSES[e.pu]},${e.d >= 0 ? L.dept[e.d] : ''},${e.w >= 0 ? L.ws[e.w] : ''}\r\n`,
    );
  }
  close(): void {
    this.w.close();
  }
}

const FHIR_ACTION = ['R', 'E', 'R', 'E', 'U', 'C'];
const SUBTYPE: [string, string][] = [
  ['read', 'read'],
  ['search-type', 'search-type'],
  ['read', 'read'],
  ['operation', 'operation'],
  ['update', 'update'],
  ['create', 'create'],
];
const PROFILE = [
  'IHE.BasicAudit.PatientRead',
  'IHE.BasicAudit.PatientQuery',
  'IHE.BasicAudit.PatientRead',
  'IHE.BasicAudit.PatientRead',
  'IHE.BasicAudit.PatientUpdate',
  'IHE.BasicAudit.PatientCreate',
];

/** FHIR R4 AuditEvent per IHE BALP (PatientRead/Query/Create/Update), one per line. */
export class FhirEvents implements EventSink {
  private w: BufWriter;
  nonPatient = 0;
  constructor(
    path: string,
    private L: Lookup,
    private extra: (e: Ev) => boolean,
  ) {
    this.w = new BufWriter(path);
  }
  event(id: string, e: Ev): void {
    const L = this.L;
    const ts = fmtTs(e.t);
    if (this.extra(e)) {
      // a login event that is not about a patient (readers must count and skip it)
      this.nonPatient++;
      this.w.write(
        JSON.stringify({
          resourceType: 'AuditEvent',
          id: `L${id}`,
          type: {
            system: 'http://dicom.nema.org/resources/ontology/DCM',
            code: '110114',
            display: 'User Authentication',
          },
          subtype: [{ system: 'http://dicom.nema.org/resources/ontology/DCM', code: '110122', display: 'Login' }],
          action: 'E',
          recorded: ts,
          outcome: '0',
          agent: [
            {
              type: {
                coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ParticipationType', code: 'IRCP' }],
              },
              who: { identifier: { value: L.user[e.u] } },
              requestor: true,
            },
          ],
          source: {
            observer: { display: 'Helseplattformen' },
            type: [{ system: 'http://terminology.hl7.org/CodeSystem/security-source-type', code: '4' }],
          },
        }) + '\n',
      );
    }
    const act = ACTIONS[e.a]!;
    const sub = SUBTYPE[e.a]!;
    const purpose = PURPOSES[e.pu]!;
    const pou = purpose
      ? [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ActReason', code: purpose }] }]
      : undefined;
    const userAgent: Record<string, unknown> = {
      type: {
        coding: [
          {
            system: 'http://terminology.hl7.org/CodeSystem/v3-ParticipationType',
            code: 'IRCP',
            display: 'information recipient',
          },
        ],
      },
      who: { identifier: { system: 'urn:oid:2.16.578.1.12.4.1.4.9999.1', value: L.user[e.u] } },
      requestor: true,
    };
    if (e.d >= 0)
      userAgent.location = {
        reference: `Location/${L.dept[e.d]}`,
        identifier: { value: L.dept[e.d] },
        display: L.deptName[e.d],
      };
    if (e.pu > 0) userAgent.purposeOfUse = pou;
    if (e.d >= 0) userAgent.policy = [`urn:helseplattformen:tilgang:${L.dept[e.d]}`];
    const entity: Record<string, unknown>[] = [
      {
        what: { reference: `Patient/${L.patient[e.p]}`, identifier: { value: L.patient[e.p] } },
        type: { system: 'http://terminology.hl7.org/CodeSystem/audit-entity-type', code: '1', display: 'Person' },
        role: { system: 'http://terminology.hl7.org/CodeSystem/object-role', code: '1', display: 'Patient' },
      },
    ];
    if (e.a === 1) {
      entity.push({
        type: {
          system: 'http://terminology.hl7.org/CodeSystem/audit-entity-type',
          code: '2',
          display: 'System Object',
        },
        role: { system: 'http://terminology.hl7.org/CodeSystem/object-role', code: '24', display: 'Query' },
        query: Buffer.from(`Patient?identifier=${L.patient[e.p]}`).toString('base64'),
      });
    }
    const obj = {
      resourceType: 'AuditEvent',
      id,
      meta: { profile: [`https://profiles.ihe.net/ITI/BALP/StructureDefinition/${PROFILE[e.a]}`] },
      type: {
        system: 'http://terminology.hl7.org/CodeSystem/audit-event-type',
        code: 'rest',
        display: 'Restful Operation',
      },
      subtype: [
        { system: 'http://hl7.org/fhir/restful-interaction', code: sub[0], display: sub[1] },
        { system: 'urn:varde:access-action', code: act },
      ],
      action: FHIR_ACTION[e.a],
      recorded: ts,
      outcome: '0',
      purposeOfEvent: pou,
      agent: [
        {
          type: {
            coding: [
              { system: 'http://dicom.nema.org/resources/ontology/DCM', code: '110153', display: 'Source Role ID' },
            ],
          },
          who: { display: e.w >= 0 ? L.ws[e.w] : 'unknown' },
          requestor: false,
          network: e.w >= 0 ? { address: L.ws[e.w], type: '1' } : undefined,
        },
        {
          type: {
            coding: [
              {
                system: 'http://dicom.nema.org/resources/ontology/DCM',
                code: '110152',
                display: 'Destination Role ID',
              },
            ],
          },
          who: { display: 'Helseplattformen FHIR API' },
          requestor: false,
        },
        userAgent,
      ],
      source: {
        observer: { display: 'Helseplattformen' },
        type: [
          {
            system: 'http://terminology.hl7.org/CodeSystem/security-source-type',
            code: '4',
            display: 'Application Server',
          },
        ],
      },
      entity,
    };
    this.w.write(JSON.stringify(obj) + '\n');
  }
  close(): void {
    this.w.close();
  }
}
