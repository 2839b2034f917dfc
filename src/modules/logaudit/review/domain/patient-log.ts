/**
 * The patient's access log: every lookup of one patient's record in a period, grouped by occasion (the hospital
 * contact the lookup belongs to, or the day when it belongs to none), and within an occasion by person, unit and
 * reason. Built from the patient's own lookups and encounters only, so no row can show another patient's data.
 */
import { actionTexts, fill, reasonText, roleTexts, texts, type Lang } from './patient-texts.js';

export interface PatientLookup {
  readonly eventId: string;
  /** ISO 8601 with offset. */
  readonly at: string;
  readonly action: string;
  readonly purpose: string | null;
  /** The engine's explanation code, null when none. */
  readonly explanation: string | null;
  readonly userId: string;
  readonly userRole: string | null;
  readonly userName: string | null;
  /** The unit the user worked in for the lookup (else the user's home unit). */
  readonly unitId: string | null;
  readonly unitName: string | null;
}

export interface PatientEncounter {
  readonly encounterId: string;
  readonly kind: string;
  readonly unitId: string;
  readonly unitName: string | null;
  readonly start: string;
  readonly end: string | null;
}

export interface PatientLogEntry {
  readonly times: string[];
  readonly count: number;
  readonly role: string;
  /** The person's name, where the organisation shows names (the patient's right to know who looked). */
  readonly name: string | null;
  readonly unit: string;
  readonly action: string;
  readonly reasonCode: string | null;
  readonly documented: boolean;
  readonly reason: string;
  readonly emergencyAccess: boolean;
}

export interface PatientLogOccasion {
  readonly key: string;
  readonly title: string;
  readonly encounterKind: string | null;
  readonly start: string;
  readonly end: string | null;
  readonly entries: PatientLogEntry[];
}

export interface PatientLog {
  readonly lang: Lang;
  readonly periodFrom: string;
  readonly periodTo: string;
  readonly lookups: number;
  readonly documented: number;
  readonly occasions: PatientLogOccasion[];
  readonly howToAsk: string;
}

export interface PatientLogInput {
  readonly lang: Lang;
  readonly periodFrom: string;
  readonly periodTo: string;
  readonly lookups: readonly PatientLookup[];
  readonly encounters: readonly PatientEncounter[];
  /** user id → the kind of explanation a reviewer found for this user's flagged lookups, and the last lookup covered. */
  readonly reviewedLegitimate: ReadonlyMap<string, { readonly kind: string; readonly until: string }>;
  readonly showNames: boolean;
}

const DAY = 24 * 3600 * 1000;
/** A lookup belongs to an encounter from a day before it starts to a week after it ends (or after its start when open). */
const BEFORE = DAY;
const AFTER = 7 * DAY;

/** The encounter a lookup belongs to: one covering it in the lookup's unit first, else the latest covering one. */
export function coveringEncounter(
  lookup: PatientLookup,
  encounters: readonly PatientEncounter[],
): PatientEncounter | null {
  const t = Date.parse(lookup.at);
  const covering = encounters.filter((e) => {
    const start = Date.parse(e.start);
    const end = e.end ? Date.parse(e.end) : start;
    return t >= start - BEFORE && t <= end + AFTER;
  });
  if (covering.length === 0) return null;
  const byLatest = [...covering].sort(
    (a, b) => Date.parse(b.start) - Date.parse(a.start) || (a.encounterId < b.encounterId ? -1 : 1),
  );
  return byLatest.find((e) => e.unitId === lookup.unitId) ?? byLatest[0] ?? null;
}

export function buildPatientLog(input: PatientLogInput): PatientLog {
  const { lang } = input;
  const occasions = new Map<
    string,
    { occasion: Omit<PatientLogOccasion, 'entries'>; entries: Map<string, PatientLogEntry & { times: string[] }> }
  >();
  let documented = 0;
  const sorted = [...input.lookups].sort(
    (a, b) => Date.parse(a.at) - Date.parse(b.at) || (a.eventId < b.eventId ? -1 : 1),
  );
  for (const lookup of sorted) {
    const encounter = coveringEncounter(lookup, input.encounters);
    const day = lookup.at.slice(0, 10);
    const key = encounter ? `enc:${encounter.encounterId}` : `day:${day}`;
    if (!occasions.has(key)) {
      const unit = encounter?.unitName ?? texts.unknownUnit[lang];
      const template = encounter ? (texts.occasionEncounter[encounter.kind] ?? texts.occasionEncounter.other!) : null;
      occasions.set(key, {
        occasion: {
          key,
          title: template ? fill(template[lang], { unit }) : texts.occasionDay[lang],
          encounterKind: encounter?.kind ?? null,
          start: encounter?.start ?? day,
          end: encounter ? encounter.end : day,
        },
        entries: new Map(),
      });
    }
    const review = lookup.explanation === null ? input.reviewedLegitimate.get(lookup.userId) : undefined;
    const reviewedKind = review && Date.parse(lookup.at) <= Date.parse(review.until) ? review.kind : null;
    const isDocumented = lookup.explanation !== null || reviewedKind !== null;
    if (isDocumented) documented++;
    const reason = reasonText(
      { code: lookup.explanation, role: lookup.userRole, encounterKind: encounter?.kind ?? null, reviewedKind },
      lang,
    );
    const role = (roleTexts[lookup.userRole ?? 'other'] ?? roleTexts.other!)[lang];
    const unit = lookup.unitName ?? texts.unknownUnit[lang];
    const action = (actionTexts[lookup.action] ?? actionTexts.read!)[lang];
    const emergencyAccess = lookup.purpose === 'ETREAT';
    const entryKey = [lookup.userId, unit, action, reason, emergencyAccess].join('\u0000');
    const group = occasions.get(key)!;
    const existing = group.entries.get(entryKey);
    if (existing) {
      existing.times.push(lookup.at);
      group.entries.set(entryKey, { ...existing, count: existing.count + 1 });
    } else {
      group.entries.set(entryKey, {
        times: [lookup.at],
        count: 1,
        role,
        name: input.showNames ? lookup.userName : null,
        unit,
        action,
        reasonCode: lookup.explanation ?? (reviewedKind ? `REVIEWED:${reviewedKind}` : null),
        documented: isDocumented,
        reason,
        emergencyAccess,
      });
    }
  }
  const list = [...occasions.values()].map(({ occasion, entries }) => ({
    ...occasion,
    entries: [...entries.values()].sort((a, b) => Date.parse(a.times[0]!) - Date.parse(b.times[0]!)),
  }));
  // Newest occasion first: that is what a patient looks for.
  list.sort(
    (a, b) => Date.parse(b.entries[0]!.times[0]!) - Date.parse(a.entries[0]!.times[0]!) || (a.key < b.key ? -1 : 1),
  );
  return {
    lang,
    periodFrom: input.periodFrom,
    periodTo: input.periodTo,
    lookups: sorted.length,
    documented,
    occasions: list,
    howToAsk: texts.howToAsk[lang],
  };
}
