/**
 * The catalogue of reasons a lookup is flagged: a stable code, and plain text in bokmål and English that a reviewer
 * (and, where shown, the patient) can understand. Texts take the facts of the case as parameters. Codes are part of
 * the findings contract (specs/access-log-dataset.md): never rename one; add new ones.
 */

import { BURST } from './statistics.js';

export interface ReasonFacts {
  /** Patients the user looked up without a documented reason in the period. */
  readonly userUnexplainedPatients?: number;
  /** What is typical for users with the same role. */
  readonly peerTypical?: number;
  /**
   * People without any contact with the hospital the user looked up without a documented reason, their share (%) of
   * all the user's patients, and the share typical for the same role in the same kind of unit.
   */
  readonly userStrangers?: number;
  readonly userStrangersShare?: number;
  readonly strangersShareTypical?: number;
  /** Patients the user printed or exported without a documented reason, and what is typical for the role. */
  readonly userExportedPatients?: number;
  readonly exportedTypical?: number;
  /** Patients the user looked up without a documented reason in one week, and in the user's usual week. */
  readonly userPatientsOneWeek?: number;
  readonly userPatientsUsualWeek?: number;
  readonly userUnfamiliarOneDay?: number;
  readonly userUnfamiliarUsualDay?: number;
  /** Patients the user printed or exported without a documented reason on one day, and on the user's usual busy day. */
  readonly userExportedOneDay?: number;
  readonly userExportedUsualDay?: number;
  /** Patients printed or exported without a documented reason in the last month of employment, and the expected. */
  readonly userExportedBeforeLeaving?: number;
  readonly exportedBeforeLeavingExpected?: number;
  /** Most unexplained patients the user looked up within one hour. */
  readonly userPatientsInOneHour?: number;
  /** Most users without a documented reason who looked up the patient on one day. */
  readonly patientUsersOneDay?: number;
  readonly patientUsersTypical?: number;
  readonly patientUnitsFewDays?: number;
  readonly userResearchPatients?: number;
  readonly userResearchDocumented?: number;
  /** Colleagues in the user's department who also looked up patients of the same unit without documented reason. */
  readonly departmentPeers?: number;
  readonly departmentSize?: number;
  /** Persons in the data with the same family name, and with the same family and given name. */
  readonly familyNameCount?: number;
  readonly fullNameCount?: number;
  /** Different patients with the same family name the user looked up on one day without a documented reason. */
  readonly sameNamePatients?: number;
  /** Local hours of day the lookups happened at, e.g. "02". */
  readonly hours?: string;
  /** Calendar weeks in which the user looked up the patient without a documented reason. */
  readonly weeks?: number;
  /** Set when administrative follow-up after discharge matched but was not accepted (an hour the user never works). */
  readonly followUpOffHours?: boolean;
  /** The patient is taken to be an employee by the full name (and address), the patient list linking no employee. */
  readonly employeeByName?: boolean;
}

interface ReasonEntry {
  readonly nb: (f: ReasonFacts) => string;
  readonly en: (f: ReasonFacts) => string;
}

const n = (value: number | undefined): string => (value === undefined ? '?' : String(Math.round(value)));
/** A percentage with one decimal, with the language's decimal mark. */
const pct = (value: number | undefined, locale: 'nb-NO' | 'en-GB'): string =>
  value === undefined ? '?' : value.toLocaleString(locale, { maximumFractionDigits: 1 });

export const REASONS = {
  SELF_LOOKUP: {
    nb: (f) =>
      f.employeeByName
        ? 'Brukeren slo opp en journal med sitt eget fulle navn (trolig sin egen; pasientlisten sier ikke hvem som er ansatt).'
        : 'Brukeren slo opp sin egen journal.',
    en: (f) =>
      f.employeeByName
        ? 'The user looked up a record with their own full name (probably their own; the patient list does not say who is an employee).'
        : 'The user looked up their own record.',
  },
  SAME_ADDRESS: {
    nb: () => 'Pasienten er registrert på samme adresse som brukeren.',
    en: () => 'The patient is registered at the same address as the user.',
  },
  SAME_FAMILY_NAME_RARE: {
    nb: (f) =>
      `Pasienten har samme etternavn som brukeren, og navnet er sjeldent (${n(f.familyNameCount)} personer i dataene).`,
    en: (f) =>
      `The patient has the same family name as the user, and the name is rare (${n(f.familyNameCount)} people in the data).`,
  },
  SAME_FULL_NAME: {
    nb: (f) =>
      `Pasienten har samme fornavn og etternavn som brukeren uten å være brukeren selv (${n(f.fullNameCount)} personer i dataene har dette navnet).`,
    en: (f) =>
      `The patient has the same given and family name as the user without being the user (${n(f.fullNameCount)} people in the data have this name).`,
  },
  NAME_SEARCH_SERIES: {
    nb: (f) =>
      `Brukeren slo opp ${n(f.sameNamePatients)} ulike pasienter med samme etternavn samme dag uten dokumentert grunn, flere enn tilfeldighetene forklarer for et så vanlig navn (som når noen leter etter én bestemt person).`,
    en: (f) =>
      `The user looked up ${n(f.sameNamePatients)} different patients with the same family name on one day without a documented reason, more than chance explains for a name that common (as when someone searches for one particular person).`,
  },
  COLLEAGUE_PATIENT: {
    nb: (f) =>
      f.employeeByName
        ? 'Pasienten har samme fulle navn som en kollega i samme avdeling eller klinikk som brukeren (trolig samme person; pasientlisten sier ikke hvem som er ansatt).'
        : 'Pasienten er en kollega i samme avdeling eller klinikk som brukeren.',
    en: (f) =>
      f.employeeByName
        ? "The patient has the full name of a colleague in the user's own department or clinic (probably the same person; the patient list does not say who is an employee)."
        : "The patient is a colleague in the user's own department or clinic.",
  },
  EMPLOYEE_PATIENT: {
    nb: (f) =>
      f.employeeByName
        ? 'Pasienten har samme fulle navn som en ansatt i virksomheten (trolig samme person; pasientlisten sier ikke hvem som er ansatt).'
        : 'Pasienten er ansatt i virksomheten.',
    en: (f) =>
      f.employeeByName
        ? 'The patient has the full name of an employee of the organisation (probably the same person; the patient list does not say who is an employee).'
        : 'The patient is an employee of the organisation.',
  },
  NO_RELATION: {
    nb: (f) =>
      f.followUpOffHours
        ? 'Pasienten var nylig utskrevet, men merkantilt etterarbeid godtas ikke som grunn for oppslag på tider da brukeren ellers ikke arbeider.'
        : 'Ingen registrert kontakt, henvisning, bestilling eller behandlingsrelasjon forklarer oppslaget.',
    en: (f) =>
      f.followUpOffHours
        ? 'The patient had recently been discharged, but administrative follow-up is not accepted as the reason for lookups at hours when the user does not otherwise work.'
        : 'No documented encounter, referral, order or care relation explains the lookup.',
  },
  NO_CARE_CONTACT: {
    nb: () => 'Pasienten hadde ingen kontakt med sykehuset i perioden da oppslaget ble gjort.',
    en: () => 'The patient had no contact with the hospital around the time of the lookup.',
  },
  RARE_DEPARTMENT_FOR_PATIENT: {
    nb: (f) =>
      `Det er uvanlig at brukerens avdeling slår opp pasienter fra avdelingen som behandlet pasienten (${n(f.departmentPeers)} av ${n(f.departmentSize)} kolleger gjorde det uten dokumentert grunn).`,
    en: (f) =>
      `Lookups from the user's department into the unit treating this patient are unusual (${n(f.departmentPeers)} of ${n(f.departmentSize)} colleagues did so without a documented reason).`,
  },
  PATIENT_ACCESS_BURST: {
    nb: (f) =>
      `Mange uten klar dokumentert grunn slo opp denne pasienten i løpet av kort tid (${n(f.patientUsersOneDay)} brukere samme dag og ${n(f.patientUnitsFewDays)} enheter i løpet av ${n(BURST.spellDays)} dager; vanlig er ${n(f.patientUsersTypical)} samme dag).`,
    en: (f) =>
      `Many users without a clear documented reason looked up this patient within a short time (${n(f.patientUsersOneDay)} users on one day and ${n(f.patientUnitsFewDays)} units within ${n(BURST.spellDays)} days; typical is ${n(f.patientUsersTypical)} on one day).`,
  },
  USER_BREADTH_UNUSUAL: {
    nb: (f) =>
      `Brukeren slo opp mange pasienter uten dokumentert grunn i perioden (${n(f.userUnexplainedPatients)}; vanlig for samme rolle er ${n(f.peerTypical)}).`,
    en: (f) =>
      `The user looked up many patients without a documented reason in the period (${n(f.userUnexplainedPatients)}; typical for the same role is ${n(f.peerTypical)}).`,
  },
  USER_STRANGERS_UNUSUAL: {
    nb: (f) =>
      `Uten dokumentert grunn slo brukeren opp ${n(f.userStrangers)} personer som ikke har hatt kontakt med sykehuset: ${pct(f.userStrangersShare, 'nb-NO')} % av brukerens pasienter; vanlig for samme rolle er ${pct(f.strangersShareTypical, 'nb-NO')} %.`,
    en: (f) =>
      `Without a documented reason, the user looked up ${n(f.userStrangers)} people who have had no contact with the hospital: ${pct(f.userStrangersShare, 'en-GB')} % of the user's patients; typical for the same role is ${pct(f.strangersShareTypical, 'en-GB')} %.`,
  },
  USER_RAPID_LOOKUPS: {
    nb: (f) => `Brukeren slo opp ${n(f.userPatientsInOneHour)} pasienter uten dokumentert grunn innen én time.`,
    en: (f) => `The user looked up ${n(f.userPatientsInOneHour)} patients without a documented reason within one hour.`,
  },
  EMERGENCY_WITHOUT_EMERGENCY: {
    nb: () => 'Akuttinnsyn ble brukt, men pasienten hadde ingen akuttkontakt på det tidspunktet.',
    en: () => 'Emergency access was used, but the patient had no emergency contact at the time.',
  },
  SEARCH_THEN_READ: {
    nb: () => 'Brukeren søkte opp pasienten og åpnet deretter journalen, uten dokumentert grunn.',
    en: () => 'The user searched for the patient and then opened the record, without a documented reason.',
  },
  OUTSIDE_USUAL_HOURS: {
    nb: (f) => `Oppslaget skjedde på et tidspunkt brukeren sjelden arbeider (kl. ${f.hours ?? '?'}).`,
    en: (f) => `The lookup happened at a time of day the user rarely works (at ${f.hours ?? '?'} h).`,
  },
  OUTSIDE_WORK_SESSION: {
    nb: () =>
      'Oppslaget skjedde mens brukeren ellers ikke gjorde dokumentert arbeid (ingen forklarte oppslag to timer før eller etter).',
    en: () =>
      'The lookup happened while the user was otherwise doing no documented work (no explained lookups within two hours before or after).',
  },
  ACTIVITY_DURING_ABSENCE: {
    nb: () =>
      'Oppslaget skjedde mens brukeren ellers var borte: nesten ingen andre oppslag en uke før og etter, selv om brukeren vanligvis er aktiv mange dager.',
    en: () =>
      'The lookup happened while the user was otherwise away: hardly any other lookups a week before and after, although the user is usually active on many days.',
  },
  UNUSUAL_WORKSTATION: {
    nb: () => 'Oppslaget ble gjort fra en arbeidsstasjon brukeren nesten aldri bruker, utenfor brukerens avdeling.',
    en: () => "The lookup was made from a workstation the user almost never uses, outside the user's department.",
  },
  REPEATED_ACCESS: {
    nb: (f) => `Brukeren slo opp pasienten uten dokumentert grunn i ${n(f.weeks)} ulike uker.`,
    en: (f) => `The user looked up the patient without a documented reason in ${n(f.weeks)} different weeks.`,
  },
  USER_BULK_EXPORT: {
    nb: (f) =>
      `Brukeren skrev ut eller eksporterte journalopplysninger om mange pasienter uten dokumentert grunn (${n(f.userExportedPatients)}; vanlig for samme rolle er ${n(f.exportedTypical)}).`,
    en: (f) =>
      `The user printed or exported record information about many patients without a documented reason (${n(f.userExportedPatients)}; typical for the same role is ${n(f.exportedTypical)}).`,
  },
  PATIENT_FROM_OTHER_AREA: {
    nb: () =>
      'Pasienten bor i en kommune som brukerens avdeling nesten aldri behandler pasienter fra, og ingen dokumentert grunn forklarer oppslaget.',
    en: () =>
      "The patient lives in a municipality the user's department almost never treats patients from, and no documented reason explains the lookup.",
  },
  USER_WEEK_UNUSUAL: {
    nb: (f) =>
      `Brukeren slo opp ${n(f.userPatientsOneWeek)} pasienter uten dokumentert grunn i løpet av én uke; en vanlig uke for brukeren har ${n(f.userPatientsUsualWeek)}.`,
    en: (f) =>
      `The user looked up ${n(f.userPatientsOneWeek)} patients without a documented reason in one week; the user's usual week has ${n(f.userPatientsUsualWeek)}.`,
  },
  RESEARCH_WITHOUT_STUDY: {
    nb: (f) =>
      `Oppslaget ble gjort med forskning som formål uten dokumentert tilknytning til pasienten; av brukerens ${n(f.userResearchPatients)} andre forskningspasienter hadde ${n(f.userResearchDocumented)} en slik tilknytning (deltakelse i en studie).`,
    en: (f) =>
      `The lookup was made for research without a documented link to the patient; of the user's ${n(f.userResearchPatients)} other research patients, ${n(f.userResearchDocumented)} had such a link (enrolment in a study).`,
  },
  USER_DAY_UNUSUAL: {
    nb: (f) =>
      `Brukeren slo opp ${n(f.userUnfamiliarOneDay)} pasienter uten dokumentert grunn på én dag, av et slag brukerens enhet sjelden ser; en vanlig dag for brukeren har ${n(f.userUnfamiliarUsualDay)}.`,
    en: (f) =>
      `The user looked up ${n(f.userUnfamiliarOneDay)} patients without a documented reason on one day, of a kind the user's unit seldom sees; the user's usual day has ${n(f.userUnfamiliarUsualDay)}.`,
  },
  USER_EXPORT_BURST: {
    nb: (f) =>
      `Brukeren skrev ut eller eksporterte journalopplysninger om ${n(f.userExportedOneDay)} pasienter på én dag, noen av dem uten dokumentert grunn; brukerens vanlige travle dager har ${n(f.userExportedUsualDay)}.`,
    en: (f) =>
      `The user printed or exported record information about ${n(f.userExportedOneDay)} patients on one day, some of them without a documented reason; the user's usual busy days have ${n(f.userExportedUsualDay)}.`,
  },
  EXPORT_BEFORE_LEAVING: {
    nb: (f) =>
      `Brukeren skrev ut eller eksporterte journalopplysninger om ${n(f.userExportedBeforeLeaving)} pasienter uten dokumentert grunn den siste måneden før arbeidsforholdet sluttet; ut fra brukerens arbeid før det ventes omtrent ${n(f.exportedBeforeLeavingExpected)}.`,
    en: (f) =>
      `The user printed or exported record information about ${n(f.userExportedBeforeLeaving)} patients without a documented reason in the last month before the employment ended; the user's earlier work would lead one to expect about ${n(f.exportedBeforeLeavingExpected)}.`,
  },
  PRINT_OR_EXPORT: {
    nb: () => 'Opplysninger ble skrevet ut eller eksportert uten dokumentert grunn.',
    en: () => 'Information was printed or exported without a documented reason.',
  },
  AFTER_EMPLOYMENT: {
    nb: () => 'Oppslaget skjedde utenfor brukerens ansettelsesperiode.',
    en: () => "The lookup happened outside the user's period of employment.",
  },
  UNKNOWN_USER: {
    nb: () => 'Brukeren finnes ikke i personallisten.',
    en: () => 'The user is not in the staff list.',
  },
  STALE_EXPLANATION_ONLY: {
    nb: () =>
      'Oppslaget er bare forklart av et opphold eller en behandlingsrelasjon uten sluttdato som begynte for mer enn tre måneder siden (kanskje en utskrivning som ikke er registrert).',
    en: () =>
      'The lookup is only explained by a stay or care relation without an end that began more than three months earlier (perhaps a discharge that was never registered).',
  },
  SELF_DECLARED_RELATION_ONLY: {
    nb: () =>
      'Oppslaget er bare forklart av en behandlingsrelasjon som brukeren selv har, og ingenting annet bekrefter den: pasienten hadde ikke noe opphold, noen time, henvisning eller bestilling i sykehuset i tiden rundt, eller relasjonen begynte bare minutter før brukeren åpnet journalen.',
    en: () =>
      "The lookup is only explained by the user's own care relation, and nothing else confirms it: the patient had no stay, visit, referral or order in the hospital around that time, or the relation began only minutes before the user opened the record.",
  },
  WEAK_EXPLANATION_ONLY: {
    nb: () =>
      'Oppslaget er bare svakt forklart: av kontakt i en annen avdeling i samme klinikk, eller av en behandlingsrelasjon som en kollega i avdelingen har.',
    en: () =>
      "The lookup is only weakly explained: by an encounter in another department of the same clinic, or by a care relation held by a colleague in the user's department.",
  },
} as const satisfies Record<string, ReasonEntry>;

export type ReasonCode = keyof typeof REASONS;
export const REASON_CODES = Object.keys(REASONS) as ReasonCode[];

export interface Reason {
  readonly code: ReasonCode;
  readonly weight: number;
  readonly text_nb: string;
  readonly text_en: string;
}

export function reason(code: ReasonCode, weight: number, facts: ReasonFacts = {}): Reason {
  const entry: ReasonEntry = REASONS[code];
  return { code, weight: Math.round(weight * 1000) / 1000, text_nb: entry.nb(facts), text_en: entry.en(facts) };
}
