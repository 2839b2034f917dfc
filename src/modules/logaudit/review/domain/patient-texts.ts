/**
 * What the patient reads in their access log (measure 4.7, seed 004_d10711c7d8f82a89.txt, Tiltaksoversikt v0.7):
 * short sentences in everyday words, bokmål and English. Each documented reason the engine knows
 * (domain/explanations.ts) gets a sentence addressed to the patient; a lookup without one says so honestly and
 * says how to ask. Our own wording; no text is taken from other services.
 */
export type Lang = 'nb' | 'en';
type Text = Readonly<Record<Lang, string>>;

export const actionTexts: Readonly<Record<string, Text>> = {
  read: { nb: 'Åpnet journalen din', en: 'Opened your record' },
  search: { nb: 'Søkte deg opp', en: 'Searched for you' },
  print: { nb: 'Skrev ut fra journalen din', en: 'Printed from your record' },
  export: { nb: 'Hentet ut opplysninger fra journalen din', en: 'Took information out of your record' },
  update: { nb: 'Skrev i journalen din', en: 'Wrote in your record' },
  create: { nb: 'La inn nye opplysninger', en: 'Added new information' },
  delete: { nb: 'Slettet opplysninger', en: 'Deleted information' },
};

export const roleTexts: Readonly<Record<string, Text>> = {
  physician: { nb: 'Lege', en: 'Doctor' },
  nurse: { nb: 'Sykepleier', en: 'Nurse' },
  secretary: { nb: 'Helsesekretær', en: 'Medical secretary' },
  lab: { nb: 'Bioingeniør (laboratoriet)', en: 'Laboratory staff' },
  radiology: { nb: 'Radiograf (røntgen)', en: 'Radiographer (X-ray)' },
  pharmacist: { nb: 'Farmasøyt', en: 'Pharmacist' },
  therapist: { nb: 'Terapeut', en: 'Therapist' },
  admin: { nb: 'Kontoransatt', en: 'Office staff' },
  it: { nb: 'IT-ansatt', en: 'IT staff' },
  other: { nb: 'Ansatt', en: 'Staff member' },
};

const encounterReason: Readonly<Record<string, Text>> = {
  inpatient: { nb: 'Du var innlagt på denne avdelingen.', en: 'You were staying at this unit.' },
  outpatient: { nb: 'Du hadde time på denne avdelingen.', en: 'You had an appointment at this unit.' },
  emergency: { nb: 'Du var på akuttmottaket.', en: 'You were at the emergency department.' },
  referral: { nb: 'Du var henvist til denne avdelingen.', en: 'You had been referred to this unit.' },
  order: { nb: 'Det var bestilt en undersøkelse for deg her.', en: 'A test had been ordered for you here.' },
  other: { nb: 'Du var i kontakt med denne avdelingen.', en: 'You were in contact with this unit.' },
};

const serviceReason: Readonly<Record<string, Text>> = {
  lab: {
    nb: 'Prøvesvar fra laboratoriet. En prøve var bestilt for deg.',
    en: 'Test results from the laboratory. A test had been ordered for you.',
  },
  radiology: {
    nb: 'Bildeundersøkelse, for eksempel røntgen. Den var bestilt for deg.',
    en: 'An imaging test, such as an X-ray. It had been ordered for you.',
  },
  pharmacist: { nb: 'Medisinene dine. De var bestilt for deg.', en: 'Your medicines. They had been ordered for you.' },
  other: { nb: 'En undersøkelse var bestilt for deg.', en: 'A test had been ordered for you.' },
};

const reasonByCode: Readonly<Record<string, Text>> = {
  USER_CARE_RELATION: {
    nb: 'Personen var registrert som en av dem som behandlet deg.',
    en: 'This person was registered as one of the people treating you.',
  },
  DEPARTMENT_CARE_RELATION: {
    nb: 'Avdelingen hadde ansvar for behandlingen din.',
    en: 'The unit was responsible for your care.',
  },
  ENCOUNTER_IN_CLINIC: {
    nb: 'Du var pasient ved en avdeling som samarbeider tett med denne.',
    en: 'You were a patient at a unit that works closely with this one.',
  },
  EMERGENCY_VISIT: {
    nb: 'Du fikk akutt hjelp. Journalen ble åpnet for å behandle deg raskt.',
    en: 'You got emergency care. Your record was opened to treat you quickly.',
  },
  ADMIN_AFTER_DISCHARGE: {
    nb: 'Arbeid etter at du ble skrevet ut, for eksempel brev til fastlegen.',
    en: 'Work after you went home, such as a letter to your GP.',
  },
  ORGANISATION_RULE: {
    nb: 'Oppslaget fulgte en fast rutine som sykehuset har godkjent.',
    en: 'The lookup followed a routine the hospital has approved.',
  },
  COLLEAGUE_CARE_RELATION: {
    nb: 'En kollega i samme avdeling var registrert som en av dem som behandlet deg, for eksempel fastlegen din.',
    en: 'A colleague in the same unit was registered as one of the people treating you, such as your GP.',
  },
};

/** Why a reviewer found a flagged lookup legitimate, as the patient reads it. */
export const reviewedReason: Readonly<Record<string, Text>> = {
  registered_consult_missing: { nb: 'tilsyn fra en annen avdeling', en: 'a consultation from another unit' },
  care_team_not_registered: { nb: 'personen var med og behandlet deg', en: 'the person was part of your care team' },
  on_call: { nb: 'personen hadde vakt', en: 'the person was on duty' },
  service_order: { nb: 'en prøve eller undersøkelse', en: 'a test or examination' },
  administrative_task: { nb: 'kontorarbeid med saken din', en: 'office work on your case' },
  quality_or_research: {
    nb: 'godkjent arbeid med kvaliteten på behandlingen',
    en: 'approved work on the quality of care',
  },
  patient_request: { nb: 'du ba selv om det', en: 'you asked for it yourself' },
  other: { nb: 'en annen grunn knyttet til arbeidet', en: 'another reason to do with their work' },
};

export const texts = {
  noReason: {
    nb: 'Vi fant ingen registrert grunn til dette oppslaget. Det betyr ikke at det var galt. Du kan be om en forklaring.',
    en: 'We found no recorded reason for this lookup. That does not mean it was wrong. You can ask for an explanation.',
  },
  reviewed: {
    nb: 'Sykehuset har kontrollert oppslaget. Det hadde en grunn: {kind}.',
    en: 'The hospital has checked this lookup. There was a reason: {kind}.',
  },
  emergencyAccess: { nb: 'Akuttilgang ble brukt.', en: 'Emergency access was used.' },
  howToAsk: {
    nb: 'Lurer du på et oppslag? Kontakt personvernombudet på sykehuset. Si hvilken dag og hvilket klokkeslett det gjelder. Etter pasientjournalloven har du rett til å vite hvem som har sett i journalen din.',
    en: "Wondering about a lookup? Contact the hospital's data protection officer. Say which day and time it was. The patient records law gives you the right to know who has looked at your record.",
  },
  unknownUnit: { nb: 'ukjent avdeling', en: 'unknown unit' },
  occasionEncounter: {
    inpatient: { nb: 'Innleggelse på {unit}', en: 'Stay at {unit}' },
    outpatient: { nb: 'Time på {unit}', en: 'Appointment at {unit}' },
    emergency: { nb: 'Besøk på {unit}', en: 'Visit to {unit}' },
    referral: { nb: 'Henvisning til {unit}', en: 'Referral to {unit}' },
    order: { nb: 'Undersøkelse bestilt ved {unit}', en: 'Test ordered at {unit}' },
    other: { nb: 'Kontakt med {unit}', en: 'Contact with {unit}' },
  } as Readonly<Record<string, Text>>,
  occasionDay: { nb: 'Oppslag uten en kontakt med sykehuset', en: 'Lookups outside a hospital contact' },
} as const;

export function fill(text: string, vars: Readonly<Record<string, string>>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => vars[name] ?? whole);
}

export interface ReasonSubject {
  /** The engine's explanation code, or null when the lookup has no documented reason. */
  readonly code: string | null;
  readonly role: string | null;
  /** Kind of the encounter that covers the lookup, if any. */
  readonly encounterKind: string | null;
  /** Set when a reviewer decided a flagged lookup was legitimate. */
  readonly reviewedKind: string | null;
}

/** The sentence that tells the patient why someone looked, or says honestly that no reason is recorded. */
export function reasonText(subject: ReasonSubject, lang: Lang): string {
  if (subject.code === 'ENCOUNTER_IN_DEPARTMENT') {
    return (encounterReason[subject.encounterKind ?? 'other'] ?? encounterReason.other!)[lang];
  }
  if (subject.code === 'ORDER_TO_SERVICE') {
    return (serviceReason[subject.role ?? 'other'] ?? serviceReason.other!)[lang];
  }
  const known = subject.code ? reasonByCode[subject.code] : undefined;
  if (known) return known[lang];
  if (subject.reviewedKind) {
    const kind = (reviewedReason[subject.reviewedKind] ?? reviewedReason.other!)[lang];
    return fill(texts.reviewed[lang], { kind });
  }
  return texts.noReason[lang];
}
