/**
 * How long before and after a documented contact a lookup counts as explained. The margins follow how work is done:
 * a ward reads the record the day before a planned admission and writes and answers results for a week after
 * discharge; an outpatient visit is prepared a week ahead and followed up for two weeks; a referral is assessed in
 * the weeks after it arrives. They are deliberately modest: a generous window explains misuse away.
 */
import type { EncounterKind } from './codes.js';

const HOUR = 1;
const DAY = 24 * HOUR;

export interface EncounterMargin {
  /** Hours before the start in which a lookup is explained. */
  readonly beforeHours: number;
  /** Hours after the end in which a lookup is explained. */
  readonly afterHours: number;
  /** For an encounter without end: hours after start it is taken to last (null: open until today). */
  readonly openHours: number | null;
}

export const ENCOUNTER_MARGINS: Readonly<Record<EncounterKind, EncounterMargin>> = {
  inpatient: { beforeHours: 1 * DAY, afterHours: 7 * DAY, openHours: null },
  outpatient: { beforeHours: 7 * DAY, afterHours: 14 * DAY, openHours: 0 },
  emergency: { beforeHours: 1 * HOUR, afterHours: 2 * DAY, openHours: 1 * DAY },
  referral: { beforeHours: 0, afterHours: 30 * DAY, openHours: 90 * DAY },
  order: { beforeHours: 1 * DAY, afterHours: 7 * DAY, openHours: 7 * DAY },
  other: { beforeHours: 1 * DAY, afterHours: 7 * DAY, openHours: 30 * DAY },
};

/** A care relation explains lookups from a day before it starts to a day after it ends. */
export const RELATION_MARGIN_HOURS = 1 * DAY;

/** Secretaries and administrative staff finish a stay (coding, letters, billing) within this many days. */
export const ADMIN_AFTER_DISCHARGE_DAYS = 30;

/** ETREAT is "with an emergency" when the patient had an emergency contact from 2 h before to 24 h after. */
export const EMERGENCY_CHECK = { beforeHours: 2, afterHours: 1 * DAY } as const;

/**
 * Roles and department kinds that serve orders from other departments. An order explains a service user's lookup
 * only when it went to the same kind of service (a lab order explains the lab, not the pharmacy); an order whose
 * receiving unit is not a service unit explains any service user.
 */
export const SERVICE_ROLES = ['lab', 'radiology', 'pharmacist'] as const;
export const SERVICE_DEPARTMENT_KINDS = ['lab', 'radiology', 'pharmacy'] as const;
export const ADMIN_ROLES = ['secretary', 'admin'] as const;

/**
 * A department's parent counts as a clinic (a grouping whose staff share patients) only when it groups at most this
 * share of all departments: a parent that holds the whole hospital explains nothing.
 */
export const MAX_CLINIC_SHARE = 0.25;
