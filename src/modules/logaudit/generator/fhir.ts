/**
 * FHIR R4 AuditEvent lines shaped after IHE Basic Audit Log Patterns (BALP): a RESTful read/update/create of a
 * patient's data, a search (action E, subtype search-type, with a Query entity), and print or export (DICOM
 * "Export", action E). The user is the requestor agent (its identifier value is the user id, its location the
 * unit, its network address the workstation); the patient is the entity with role 1. A log-in carries no patient
 * and a printed ward list several: readers must skip both. Built with templates, not JSON.stringify, because
 * millions of lines are written; every interpolated value is an id or a code that needs no escaping.
 */
import { type ActionName } from './sink.js';

const REST_TYPE =
  '{"system":"http://terminology.hl7.org/CodeSystem/audit-event-type","code":"rest","display":"Restful Operation"}';
const EXPORT_TYPE = '{"system":"http://dicom.nema.org/resources/ontology/DCM","code":"110106","display":"Export"}';
const LOGIN_TYPE =
  '{"system":"http://dicom.nema.org/resources/ontology/DCM","code":"110114","display":"User Authentication"}';
const PROFILE_READ = 'https://profiles.ihe.net/ITI/BALP/StructureDefinition/IHE.BasicAudit.PatientRead';
const PROFILE_QUERY = 'https://profiles.ihe.net/ITI/BALP/StructureDefinition/IHE.BasicAudit.PatientQuery';
const PROFILE_CREATE = 'https://profiles.ihe.net/ITI/BALP/StructureDefinition/IHE.BasicAudit.PatientCreate';
const PROFILE_UPDATE = 'https://profiles.ihe.net/ITI/BALP/StructureDefinition/IHE.BasicAudit.PatientUpdate';
const SOURCE =
  '"source":{"site":"Varde helseforetak","observer":{"display":"Varde syntetisk pasientjournal"},"type":[{"system":"http://terminology.hl7.org/CodeSystem/security-source-type","code":"4","display":"Application Server"}]}';
const SERVER_AGENT =
  '{"type":{"coding":[{"system":"http://dicom.nema.org/resources/ontology/DCM","code":"110153","display":"Source Role ID"}]},"who":{"display":"Varde syntetisk pasientjournal"},"requestor":false}';
const USER_ID_SYSTEM = 'urn:varde:user-id';
const VARDE_SUBTYPE = 'urn:varde:audit-subtype';

interface Shape {
  readonly type: string;
  readonly subtype: string;
  readonly action: 'C' | 'R' | 'U' | 'E';
  readonly profile: string;
}

const shapes: Readonly<Record<ActionName, Shape>> = {
  read: { type: REST_TYPE, subtype: restful('read'), action: 'R', profile: PROFILE_READ },
  update: { type: REST_TYPE, subtype: restful('update'), action: 'U', profile: PROFILE_UPDATE },
  create: { type: REST_TYPE, subtype: restful('create'), action: 'C', profile: PROFILE_CREATE },
  search: { type: REST_TYPE, subtype: restful('search-type'), action: 'E', profile: PROFILE_QUERY },
  print: {
    type: EXPORT_TYPE,
    subtype: `{"system":"${VARDE_SUBTYPE}","code":"print","display":"Print"}`,
    action: 'E',
    profile: PROFILE_READ,
  },
  export: {
    type: EXPORT_TYPE,
    subtype: `{"system":"${VARDE_SUBTYPE}","code":"export","display":"Export"}`,
    action: 'E',
    profile: PROFILE_READ,
  },
};

function restful(code: string): string {
  return `{"system":"http://hl7.org/fhir/restful-interaction","code":"${code}","display":"${code}"}`;
}

export interface AuditFields {
  readonly id: string;
  readonly recorded: string;
  readonly action: ActionName;
  readonly purpose: string;
  readonly userId: string;
  readonly unitId: string;
  readonly workstation: string;
}

function purposeJson(purpose: string): string {
  return `[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/v3-ActReason","code":"${purpose}"}]}]`;
}

function userAgent(f: AuditFields, withPurpose: boolean): string {
  const location = f.unitId
    ? `,"location":{"reference":"Location/${f.unitId}","identifier":{"value":"${f.unitId}"}}`
    : '';
  const network = f.workstation ? `,"network":{"address":"${f.workstation}","type":"1"}` : '';
  const purpose = withPurpose && f.purpose ? `,"purposeOfUse":${purposeJson(f.purpose)}` : '';
  return `{"type":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/v3-ParticipationType","code":"IRCP","display":"information recipient"}]},"who":{"identifier":{"system":"${USER_ID_SYSTEM}","value":"${f.userId}"}},"requestor":true${location}${network}${purpose}}`;
}

function patientEntity(patientId: string): string {
  return `{"what":{"reference":"Patient/${patientId}"},"type":{"system":"http://terminology.hl7.org/CodeSystem/audit-entity-type","code":"1","display":"Person"},"role":{"system":"http://terminology.hl7.org/CodeSystem/object-role","code":"1","display":"Patient"}}`;
}

/** One access to one patient's record. `queryBase64` is the search string of a search. */
export function auditEventLine(f: AuditFields, patientId: string, queryBase64: string): string {
  const shape = shapes[f.action];
  const purpose = f.purpose ? `,"purposeOfEvent":${purposeJson(f.purpose)}` : '';
  const query =
    f.action === 'search'
      ? `,{"type":{"system":"http://terminology.hl7.org/CodeSystem/audit-entity-type","code":"2","display":"System Object"},"role":{"system":"http://terminology.hl7.org/CodeSystem/object-role","code":"24","display":"Query"},"query":"${queryBase64}"}`
      : '';
  return `{"resourceType":"AuditEvent","id":"${f.id}","meta":{"profile":["${shape.profile}"]},"type":${shape.type},"subtype":[${shape.subtype}],"action":"${shape.action}","recorded":"${f.recorded}","outcome":"0"${purpose},"agent":[${userAgent(f, true)},${SERVER_AGENT}],${SOURCE},"entity":[${patientEntity(patientId)}${query}]}\n`;
}

/** A log-in: no patient at all. */
export function loginLine(f: AuditFields): string {
  return `{"resourceType":"AuditEvent","id":"${f.id}","type":${LOGIN_TYPE},"subtype":[{"system":"http://dicom.nema.org/resources/ontology/DCM","code":"110122","display":"Login"}],"action":"E","recorded":"${f.recorded}","outcome":"0","agent":[${userAgent(f, false)},${SERVER_AGENT}],${SOURCE}}\n`;
}

/** A printed ward list: several patients in one event. */
export function multiPatientLine(f: AuditFields, patientIds: readonly string[]): string {
  return `{"resourceType":"AuditEvent","id":"${f.id}","type":${EXPORT_TYPE},"subtype":[{"system":"${VARDE_SUBTYPE}","code":"print","display":"Print"}],"action":"E","recorded":"${f.recorded}","outcome":"0","agent":[${userAgent(f, false)},${SERVER_AGENT}],${SOURCE},"entity":[${patientIds.map(patientEntity).join(',')}]}\n`;
}
