// Writing the dataset directory: the register files, the care relations, the ground truth, and the event log as
// CSV or as FHIR R4 AuditEvent NDJSON (IHE BALP shape), streamed with back-pressure.

import { createWriteStream } from 'node:fs';
import type { WriteStream } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import type { EventBuffer } from './buffer.js';
import type { MisusePlan } from './misuse.js';
import { MUNICIPALITIES } from './names.js';
import { DAY, dayNumberToDate, formatOslo } from './oslo-time.js';
import { Rng, mix32, permute32 } from './rng.js';
import { ACTIONS, OPEN, PURPOSES } from './world.js';
import type { World } from './world.js';

export function csvField(v: string | number): string {
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function row(values: (string | number)[]): string {
  return values.map(csvField).join(',') + '\n';
}

export class Out {
  private readonly s: WriteStream;
  private parts: string[] = [];
  private size = 0;

  constructor(path: string) {
    this.s = createWriteStream(path, { encoding: 'utf8' });
  }

  async write(chunk: string): Promise<void> {
    this.parts.push(chunk);
    this.size += chunk.length;
    if (this.size >= 1 << 20) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.parts.length === 0) return;
    const data = this.parts.join('');
    this.parts = [];
    this.size = 0;
    if (!this.s.write(data)) await once(this.s, 'drain');
  }

  async close(): Promise<void> {
    await this.flush();
    await new Promise<void>((resolve, reject) => {
      this.s.once('error', reject);
      this.s.end(() => resolve());
    });
  }
}

function dateOf(w: World, windowDay: number): string {
  return dayNumberToDate(w.cfg.startDay + windowDay);
}

export async function writeRegisters(w: World, plan: MisusePlan, dir: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};

  const dep = new Out(join(dir, 'departments.csv'));
  await dep.write('department_id,name,kind,parent_id,site,cost_center\n');
  for (const d of w.depts)
    await dep.write(row([d.id, d.name, d.kind, d.parent, d.site === 0 ? 'ELV' : 'HAV', d.costCenter]));
  await dep.close();
  counts.departments = w.depts.length;

  const staff = new Out(join(dir, 'staff.csv'));
  await staff.write(
    'user_id,family_name,given_name,role,title,department_id,address_id,employed_from,employed_to,site\n',
  );
  for (const st of w.staff) {
    const p = st.person >= 0 ? w.persons[st.person]! : undefined;
    const addr = p && p.address >= 0 && !st.hideAddress ? w.addresses[p.address]!.id : '';
    await staff.write(
      row([
        st.id,
        p ? p.family : 'Integrasjon',
        p ? p.given : 'Labsvar',
        st.role,
        st.title,
        w.depts[st.home]!.id,
        addr,
        st.fromKnown ? dateOf(w, st.from) : '',
        st.to === OPEN ? '' : dateOf(w, st.to),
        st.site === 0 ? 'ELV' : 'HAV',
      ]),
    );
  }
  await staff.close();
  counts.staff = w.staff.length;

  const pats = new Out(join(dir, 'patients.csv'));
  await pats.write('patient_id,given_name,family_name,birth_year,sex,municipality,address_id,employee_user_id\n');
  const registered = w.persons.filter((p) => p.pid !== '').sort((a, b) => (a.pid < b.pid ? -1 : a.pid > b.pid ? 1 : 0));
  const hideYear = new Rng(`patients:${w.cfg.seed}`);
  for (const p of registered) {
    await pats.write(
      row([
        p.pid,
        p.given,
        p.family,
        hideYear.chance(0.005) ? '' : p.birthYear,
        p.female ? 'K' : 'M',
        p.muni >= 0 ? MUNICIPALITIES[p.muni]!.name : '',
        p.address >= 0 ? w.addresses[p.address]!.id : '',
        p.staff >= 0 ? w.staff[p.staff]!.id : '',
      ]),
    );
  }
  await pats.close();
  counts.patients = registered.length;

  const enc = new Out(join(dir, 'encounters.csv'));
  await enc.write('encounter_id,patient_id,department_id,start,end,kind,priority\n');
  for (const e of w.encs) {
    await enc.write(
      row([
        e.id,
        w.persons[e.person]!.pid,
        w.depts[e.dept]!.id,
        formatOslo(e.start),
        e.end < 0 ? '' : formatOslo(e.end),
        e.kind,
        e.priority,
      ]),
    );
  }
  await enc.close();
  counts.encounters = w.encs.length;

  counts.care_relations = await writeRelations(w, dir);

  const gt = new Out(join(dir, 'ground_truth.csv'));
  await gt.write('user_id,patient_id,scenario\n');
  const truth = plan.truth
    .map((t) => ({ u: w.staff[t.staff]!.id, p: w.persons[t.person]!.pid, s: t.scenario }))
    .sort((a, b) => (a.u < b.u ? -1 : a.u > b.u ? 1 : a.p < b.p ? -1 : a.p > b.p ? 1 : 0));
  for (const t of truth) await gt.write(row([t.u, t.p, t.s]));
  await gt.close();
  counts.ground_truth = truth.length;
  return counts;
}

/** Documentation is imperfect: most contacts get their relations recorded, not all, and consults least often. */
async function writeRelations(w: World, dir: string): Promise<number> {
  const rng = new Rng(`relations:${w.cfg.seed}`);
  const out = new Out(join(dir, 'care_relations.csv'));
  await out.write('patient_id,user_id,department_id,from,to,kind,source\n');
  let n = 0;
  const rel = async (
    person: number,
    user: number,
    dept: number,
    kind: string,
    from: number,
    to: number,
    source = 'EPJ',
  ): Promise<void> => {
    await out.write(
      row([
        w.persons[person]!.pid,
        user >= 0 ? w.staff[user]!.id : '',
        dept >= 0 ? w.depts[dept]!.id : '',
        formatOslo(from),
        to < 0 ? '' : formatOslo(to),
        kind,
        source,
      ]),
    );
    n++;
  };
  const DAYMS = DAY;
  for (const e of w.encs) {
    const end = e.end;
    if (e.historic) {
      if ((e.kind === 'inpatient' || e.kind === 'outpatient') && rng.chance(0.5)) {
        await rel(e.person, -1, e.dept, e.kind === 'inpatient' ? 'assigned' : 'appointment', e.start, end, 'EPJ-arkiv');
      }
      continue;
    }
    switch (e.kind) {
      case 'inpatient':
        if (rng.chance(0.99)) await rel(e.person, -1, e.dept, 'assigned', e.start, end);
        if (e.doc >= 0 && rng.chance(0.95)) await rel(e.person, e.doc, -1, 'assigned', e.start, end);
        if (e.nurse >= 0 && rng.chance(0.6)) await rel(e.person, e.nurse, -1, 'assigned', e.start, end);
        if (e.consultDoc >= 0 && rng.chance(0.87)) {
          const from = Math.max(e.start, w.windowStartUtc + (e.consultDay - 0.5) * DAYMS);
          await rel(e.person, e.consultDoc, -1, 'consult', from, from + 3 * DAYMS);
        }
        if (e.therapy && rng.chance(0.9))
          await rel(e.person, -1, w.sites[w.depts[e.dept]!.site]!.therapy, 'referral', e.start, end);
        if (e.palliative && rng.chance(0.8)) await rel(e.person, -1, w.central.palliative, 'consult', e.start, end);
        break;
      case 'emergency':
        if (rng.chance(0.97)) await rel(e.person, -1, e.dept, 'assigned', e.start, end);
        if (e.doc >= 0 && rng.chance(0.7)) await rel(e.person, e.doc, -1, 'assigned', e.start, end);
        break;
      case 'outpatient':
        if (rng.chance(0.95)) await rel(e.person, -1, e.dept, 'appointment', e.start - 14 * DAYMS, end);
        if (e.doc >= 0 && rng.chance(0.93)) await rel(e.person, e.doc, -1, 'appointment', e.start - 14 * DAYMS, end);
        break;
      case 'referral':
        if (rng.chance(0.99)) await rel(e.person, -1, e.dept, 'referral', e.start, end);
        break;
      case 'order':
        if (rng.chance(0.97)) await rel(e.person, -1, e.dept, 'order', e.start, end < 0 ? -1 : end + 2 * DAYMS);
        break;
      case 'other':
        break;
    }
  }
  // Research participation.
  for (const study of w.studies) {
    for (let i = 0; i < study.patients.length; i++) {
      const person = study.patients[i]!;
      const from = w.windowStartUtc + study.enrolDay[i]! * DAYMS;
      for (const s of study.staff) if (rng.chance(0.95)) await rel(person, s, -1, 'study', from, -1, 'Forskningsmodul');
    }
  }
  await out.close();
  return n;
}

// --- the event log -------------------------------------------------------------------------------------------

const FHIR_ACTION = ['R', 'E', 'E', 'E', 'U', 'C'] as const;
const FHIR_SUBTYPE = ['read', 'search-type', 'print', 'export', 'update', 'create'] as const;
const PROFILE: Record<number, string> = {
  0: 'IHE.BasicAudit.PatientRead',
  1: 'IHE.BasicAudit.PatientQuery',
  4: 'IHE.BasicAudit.PatientUpdate',
  5: 'IHE.BasicAudit.PatientCreate',
};
const TYPE_REST =
  '{"system":"http://terminology.hl7.org/CodeSystem/audit-event-type","code":"rest","display":"Restful Operation"}';
const TYPE_EXPORT = '{"system":"http://dicom.nema.org/resources/ontology/DCM","code":"110106","display":"Export"}';
const ROLE_PATIENT =
  '"type":{"system":"http://terminology.hl7.org/CodeSystem/audit-entity-type","code":"1","display":"Person"},' +
  '"role":{"system":"http://terminology.hl7.org/CodeSystem/object-role","code":"1","display":"Patient"}';
const DATA_ENTITY_TYPE =
  '"type":{"system":"http://terminology.hl7.org/CodeSystem/audit-entity-type","code":"2","display":"System Object"},' +
  '"role":{"system":"http://terminology.hl7.org/CodeSystem/object-role","code":"4","display":"Domain Resource"}';
const QUERY_ENTITY_TYPE =
  '"type":{"system":"http://terminology.hl7.org/CodeSystem/audit-entity-type","code":"2","display":"System Object"},' +
  '"role":{"system":"http://terminology.hl7.org/CodeSystem/object-role","code":"24","display":"Query"}';
const USER_TYPE =
  '{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/v3-ParticipationType","code":"IRCP","display":"information recipient"}]}';
const APP_TYPE =
  '{"coding":[{"system":"http://dicom.nema.org/resources/ontology/DCM","code":"110150","display":"Application"}]}';
const SOURCE_TYPE =
  '[{"system":"http://terminology.hl7.org/CodeSystem/security-source-type","code":"4","display":"Application Server"}]';
const USER_ID_SYSTEM = 'urn:oid:2.16.578.1.29.990.1';
const DATA_TYPES = ['DocumentReference', 'Observation', 'MedicationRequest', 'Condition', 'DiagnosticReport'];

export class EventWriter {
  private readonly out: Out;
  private readonly key: number;
  private seq = 0;
  events = 0;
  nonPatient = 0;

  constructor(
    private readonly w: World,
    dir: string,
    private readonly format: 'csv' | 'fhir',
  ) {
    this.key = mix32(w.seedHash ^ 0x5bd1e995);
    this.out = new Out(join(dir, format === 'csv' ? 'access_events.csv' : 'audit_events.ndjson'));
    if (format === 'csv') {
      void this.out.write(
        'event_id,timestamp,application,user_id,patient_id,action,purpose,department_id,workstation,session_ref\n',
      );
    }
  }

  private nextId(): string {
    return `A${permute32(this.seq++, this.key).toString(16).padStart(8, '0')}`;
  }

  async write(b: EventBuffer): Promise<void> {
    const w = this.w;
    const lines: string[] = [];
    for (let i = 0; i < b.length; i++) {
      const st = w.staff[b.staff[i]!]!;
      const pid = w.persons[b.person[i]!]!.pid;
      const dept = b.dept[i]!;
      const deptId = dept >= 0 ? w.depts[dept]!.id : '';
      const t = b.t[i]!;
      const action = b.action[i]!;
      const purpose = PURPOSES[b.purpose[i]!]!;
      const ws = b.ws[i]!;
      const app = b.app[i]!;
      if (this.format === 'csv') {
        lines.push(
          `${this.nextId()},${formatOslo(t)},${app},${st.id},${pid},${ACTIONS[action]},${purpose},${deptId},${ws},${b.session[i]}\n`,
        );
      } else {
        const h = mix32(this.seq ^ this.key);
        if ((h & 127) === 0) {
          lines.push(this.login(t - 1000 - (h >>> 20), st.id, deptId, ws, app));
          this.nonPatient++;
        }
        lines.push(this.fhir(t, st.id, pid, action, purpose, deptId, ws, app, b.session[i]!, h));
      }
      this.events++;
      if (lines.length >= 4096) {
        await this.out.write(lines.join(''));
        lines.length = 0;
      }
    }
    if (lines.length > 0) await this.out.write(lines.join(''));
  }

  private fhir(
    t: number,
    user: string,
    pid: string,
    action: number,
    purpose: string,
    deptId: string,
    ws: string,
    app: string,
    session: string,
    h: number,
  ): string {
    const id = this.nextId();
    const profile = PROFILE[action];
    const meta = profile
      ? `"meta":{"profile":["https://profiles.ihe.net/ITI/BALP/StructureDefinition/${profile}"]},`
      : '';
    const isExport = action === 2 || action === 3;
    const purposeJson = purpose
      ? `[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/v3-ActReason","code":"${purpose}"}]}]`
      : '';
    const inAgent = purpose !== '' && (h >>> 8) % 4 === 0;
    const appAgent =
      `{"type":${APP_TYPE},"who":{"display":"${app}"},"requestor":false` +
      (ws ? `,"network":{"address":"${ws}","type":"1"}` : '') +
      '}';
    const userAgent =
      `{"type":${USER_TYPE},"who":{"identifier":{"system":"${USER_ID_SYSTEM}","value":"${user}"}},"requestor":true` +
      (deptId ? `,"location":{"reference":"Location/${deptId}"}` : '') +
      `,"policy":["urn:x-varde-alt:session:${session}"]` +
      (inAgent ? `,"purposeOfUse":${purposeJson}` : '') +
      '}';
    const patient = `{"what":{"reference":"Patient/${pid}"},${ROLE_PATIENT}}`;
    let entities: string;
    if (action === 1) {
      const q = Buffer.from(`Patient?identifier=urn:oid:2.16.578.1.12.4.1.4.1|${pid}`).toString('base64');
      entities = `${patient},{${QUERY_ENTITY_TYPE},"query":"${q}"}`;
    } else if (!isExport && (h >>> 12) % 5 < 3) {
      const data = `{"what":{"reference":"${DATA_TYPES[(h >>> 16) % DATA_TYPES.length]}/${(h >>> 1).toString(36)}"},${DATA_ENTITY_TYPE}}`;
      entities = (h >>> 20) % 2 === 0 ? `${data},${patient}` : `${patient},${data}`;
    } else entities = patient;
    return (
      `{"resourceType":"AuditEvent","id":"${id}",${meta}` +
      `"type":${isExport ? TYPE_EXPORT : TYPE_REST},` +
      `"subtype":[{"system":"${isExport ? 'urn:x-varde-alt:output' : 'http://hl7.org/fhir/restful-interaction'}","code":"${FHIR_SUBTYPE[action]}"}],` +
      `"action":"${FHIR_ACTION[action]}","recorded":"${formatOslo(t, true)}","outcome":"0",` +
      (purpose && !inAgent ? `"purposeOfEvent":${purposeJson},` : '') +
      `"agent":[${appAgent},${userAgent}],` +
      `"source":{"site":"${deptId.split('.')[0] || 'ELV'}","observer":{"display":"${app}"},"type":${SOURCE_TYPE}},` +
      `"entity":[${entities}]}\n`
    );
  }

  /** A log-in: an audit event about no patient, which a reader must skip. */
  private login(t: number, user: string, deptId: string, ws: string, app: string): string {
    const id = this.nextId();
    return (
      `{"resourceType":"AuditEvent","id":"${id}",` +
      '"type":{"system":"http://dicom.nema.org/resources/ontology/DCM","code":"110114","display":"User Authentication"},' +
      '"subtype":[{"system":"http://dicom.nema.org/resources/ontology/DCM","code":"110122","display":"Login"}],' +
      `"action":"E","recorded":"${formatOslo(t, true)}","outcome":"0",` +
      `"agent":[{"type":${USER_TYPE},"who":{"identifier":{"system":"${USER_ID_SYSTEM}","value":"${user}"}},"requestor":true` +
      (deptId ? `,"location":{"reference":"Location/${deptId}"}` : '') +
      (ws ? `,"network":{"address":"${ws}","type":"1"}` : '') +
      '}],' +
      `"source":{"site":"${deptId.split('.')[0] || 'ELV'}","observer":{"display":"${app}"},"type":${SOURCE_TYPE}}}\n`
    );
  }

  async close(): Promise<void> {
    await this.out.close();
  }
}
