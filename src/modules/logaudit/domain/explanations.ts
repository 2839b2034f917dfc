/**
 * Documented reasons that explain a lookup ("explain first"). Each lookup stores the small integer `id` of the first
 * explanation that matched, in the priority order below (0 = unexplained). The texts are what a reviewer and, in the
 * patient-readable log (measure 4.7 in seed 004, Tiltaksoversikt v0.7), the patient reads.
 */

export interface ExplanationKind {
  readonly id: number;
  readonly code: string;
  readonly textNb: string;
  readonly textEn: string;
}

export const EXPLANATION_KINDS = [
  {
    id: 1,
    code: 'USER_CARE_RELATION',
    textNb:
      'Brukeren hadde en registrert behandlingsrelasjon til pasienten (tildelt, time, henvisning eller konsultasjon).',
    textEn: 'The user had a documented care relation to the patient (assigned, appointment, referral or consult).',
  },
  {
    id: 2,
    code: 'DEPARTMENT_CARE_RELATION',
    textNb: 'Brukerens avdeling hadde en registrert behandlingsrelasjon til pasienten.',
    textEn: "The user's department had a documented care relation to the patient.",
  },
  {
    id: 3,
    code: 'ENCOUNTER_IN_DEPARTMENT',
    textNb: 'Pasienten hadde kontakt (innleggelse, poliklinikk, henvisning eller bestilling) i brukerens avdeling.',
    textEn: "The patient had an encounter (stay, outpatient visit, referral or order) in the user's department.",
  },
  {
    id: 4,
    code: 'ENCOUNTER_IN_CLINIC',
    textNb: 'Pasienten hadde kontakt i en avdeling i samme klinikk som brukerens avdeling.',
    textEn: "The patient had an encounter in a department of the same clinic as the user's department.",
  },
  {
    id: 5,
    code: 'ORDER_TO_SERVICE',
    textNb: 'Det var bestilt en undersøkelse (laboratorium, radiologi eller apotek) for pasienten.',
    textEn: 'A test or service (laboratory, radiology or pharmacy) had been ordered for the patient.',
  },
  {
    id: 6,
    code: 'EMERGENCY_VISIT',
    textNb: 'Pasienten var i akuttmottaket, og oppslaget ble gjort fra akuttmottaket eller som akuttinnsyn.',
    textEn: 'The patient was in the emergency department and the lookup was made there or as emergency access.',
  },
  {
    id: 7,
    code: 'ADMIN_AFTER_DISCHARGE',
    textNb: 'Merkantilt etterarbeid (koding, epikrise, fakturering) etter at pasienten var skrevet ut.',
    textEn: 'Administrative follow-up work (coding, discharge letter, billing) after the patient was discharged.',
  },
  {
    id: 8,
    code: 'ORGANISATION_RULE',
    textNb: 'Oppslaget passer en forklaringsregel som virksomheten har godkjent.',
    textEn: 'The lookup matches an explanation rule approved by the organisation.',
  },
  {
    id: 9,
    code: 'COLLEAGUE_CARE_RELATION',
    textNb:
      'En kollega i brukerens avdeling hadde en registrert behandlingsrelasjon til pasienten (for eksempel pasientens fastlege eller ansvarlige lege).',
    textEn:
      "A colleague in the user's department had a documented care relation to the patient (for example the patient's regular GP or responsible physician).",
  },
] as const satisfies readonly ExplanationKind[];

export type ExplanationCode = (typeof EXPLANATION_KINDS)[number]['code'];

export const UNEXPLAINED = 0;

export function explanationId(code: ExplanationCode): number {
  const kind = EXPLANATION_KINDS.find((k) => k.code === code);
  if (!kind) throw new Error(`unknown explanation ${code}`);
  return kind.id;
}

export function explanationById(id: number): ExplanationKind | null {
  return EXPLANATION_KINDS.find((k) => k.id === id) ?? null;
}
