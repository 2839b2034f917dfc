/**
 * Parameters of the statistics learned from the data, with the reasoning behind each. None is tuned to a generator:
 * they say what "common" means (how many colleagues doing the same make a pattern), how far from peers is "unusual"
 * (robust z-scores with floors, so a role where almost nobody has unexplained lookups does not turn one lookup into
 * an outlier), and how much data a personal profile needs before it can speak.
 */

/**
 * A patient's care community at the time of a lookup: the units of encounters from a week before they start to 30
 * days after they end (follow-up after discharge is ordinary). The emergency department is the way in, not the
 * community: it counts only when the patient has no other unit; a service unit (lab, radiology, pharmacy) that only
 * received an order counts only when there is nothing else at all. 0 = no contact with the hospital.
 */
export const CARE_MARGIN = { beforeDays: 7, afterDays: 30 } as const;

/**
 * A stale explanation: a lookup whose only documented reasons (a care relation of the user or the unit, a stay in
 * the unit) are periods without an end that began more than `days` days before it. Stays end within days or weeks;
 * one left open for months is a discharge nobody registered, and a relation without an end explains every later
 * lookup. Such a lookup stays explained but keeps a trace (STALE_EXPLANATION_ONLY, below any unexplained lookup with
 * a signal), so that it ranks first among the explained ones.
 */
export const STALE_OPEN = { days: 90 } as const;

/**
 * A self-declared relation: a lookup whose only documented reason is the user's own care relation (a consult, an
 * assignment), while the patient had no encounter anywhere in the hospital within `days` days of it, or the relation
 * began at most `onTheSpotMinutes` before the user first opened the record (registered on the spot, as record
 * systems let users do when they declare a need themselves). Nothing else confirms such a reason. The lookup stays
 * explained but keeps a trace (SELF_DECLARED_RELATION_ONLY), like a stale one: on-call consults are registered the
 * same way, so it ranks such pairs above ordinary documented work, never into the findings.
 */
export const SELF_DECLARED = { days: 7, onTheSpotMinutes: 10 } as const;

/**
 * The units a user works in, where the log does not say: for a user at least `unnamedShare` of whose lookups name no
 * unit (the home unit stands in), each other unit of the home clinic whose patients make up at least `share` of the
 * patients of the user's documented lookups, and at least `minPatients` of them (a ward physician's outpatient
 * clinic). The user's undocumented lookups are then judged as the work of each such unit too (familiarity). A log
 * that names the unit of each lookup says where the user worked; then nothing is learned.
 */
export const WORK_UNITS = { unnamedShare: 0.5, share: 0.2, minPatients: 5 } as const;

/**
 * Familiarity of a user with the unit treating the patient (f in [0, 1], the largest of these):
 * - department: how many *other* users of the same department looked up *other* patients of that unit without a
 *   documented reason (colleagues gathering around one patient do not make each other look ordinary); f = 1 when at
 *   least max(min(3, half of the colleagues), 10 % of the department, 1) did — times the lift of that unit among the
 *   department's undocumented lookups (its share there against its share everywhere, the user's own left out,
 *   smoothed with `liftPrior` lookups at one): none at a lift of one or less, full at `liftFull`. Where documentation
 *   is patchy, colleagues look up patients of every big unit now and then; only a unit they turn to more than
 *   chance is familiar.
 * - role: in a department of fewer than five users, the same count over users with the same role.
 * - user, documented: f = 1 from five patients of that unit looked up with a documented reason (regular work).
 * - user, concentrated: five more undocumented patients of that unit, and at least five times the unit's base share
 *   (a consultant or a floating nurse works with a few units; someone browsing picks patients all over).
 * - job: a user whose patients are mostly undocumented lookups of patients without contact, over at least five days
 *   (an archive or coding office): f rises from a quarter to one half of the user's patients, with the number of
 *   such patients up to `jobPatients`, and with the user's active days per active week up to `jobDaysPerWeek`. A job
 *   is a volume and a presence: six patients in three months are not one, nor is one lookup a week, and a user seen
 *   mostly snooping would otherwise make the snooping look like the job.
 */
export const FAMILIARITY = {
  minPeers: 3,
  liftPrior: 20,
  liftFull: 2,
  peerShare: 0.1,
  userPatients: 5,
  concentrationLift: 5,
  smallDepartment: 5,
  jobMinDays: 5,
  jobShareFrom: 0.25,
  jobPatients: 10,
  jobDaysPerWeek: 3,
} as const;

/**
 * Lookups of patients with no contact at all: in some hospitals they are rare, in others (old records, letters,
 * registries) a steady part of the work. The signal is weighted by how often it fires among unexplained pairs:
 * full when at most one in this many does, less the more common it is (nothing when all do).
 */
export const NO_CONTACT_FULL_BELOW_ONE_IN = 100;

/** A pair counts towards breadth and bursts when its familiarity is below this (an "unfamiliar" lookup). */
export const UNFAMILIAR_BELOW = 0.5;

/**
 * Robust z-score of log(1 + count) against peers (median and MAD), with a floor on the spread so that a peer group
 * of zeros does not make a count of two an outlier, and a minimum count below which nothing is unusual.
 * strength = clamp((z − zFrom) / zSpan, 0, 1). For people without contact (`strangers`) the minimum is on the count
 * and the z-score on the user's share of such patients in percent.
 */
export const OUTLIER = { madFloor: 0.5, zFrom: 2, zSpan: 3 } as const;
export const MIN_COUNT = { breadth: 5, rapid: 5, burst: 4, exported: 5, strangers: 5 } as const;
/**
 * Administrative follow-up after discharge (coding, letters, billing) explains a lookup by the user's role and the
 * patient's recent stay, not by anything between the two; it is office work. A day's lookups of a patient explained
 * only that way, all made in hours the user is rarely active in (on fewer than `minShare` of the user's active days,
 * or fewer than `minDays` days), count as unexplained: an office account used at night is not doing follow-up.
 * Only for users with `minActiveDays` or more (whose hours are known).
 */
export const FOLLOW_UP_HOURS = { minDays: 2, minShare: 0.1, minActiveDays: 10 } as const;

/**
 * Peers for breadth, rapid lookups and exports: users with the same role in the same home department (they share a
 * workflow) when there are at least `MIN_DEPARTMENT_PEERS` of them; otherwise the role across the hospital when it
 * has at least `MIN_PEER_GROUP` users; with fewer still, all users. Three in one department are enough: the median
 * of three is not moved by one outlier, and a small unit's shared job (five quality-registry nurses reading
 * patients months after discharge) is that unit's normal, not the hospital's nurses'.
 */
export const MIN_DEPARTMENT_PEERS = 3;
export const MIN_PEER_GROUP = 10;

/**
 * Hour-of-day profile: the probability of the hour for this user, smoothed towards the role's profile (a quarter
 * weaker for a familiar pair: night work for a known unit may be on-call). It speaks only when the user has at least `minDays` user-days of lookups; the strength grows with how many times rarer than an
 * even spread (1/24) the hour is: strength = clamp(log2(1/24 ÷ p) / 4, 0, 1) (16 times rarer ⇒ full). An odd hour in
 * the middle of the user's documented work (an on-call night with documented patients around it) counts for 30 %.
 */
export const HOURS = { minDays: 10, smoothing: 4, inSessionFactor: 0.3 } as const;

/**
 * Work session: a lookup without a documented reason when the user did no documented work within `marginHours`
 * before or after it (no explained lookup starting or ending in those hours). Undocumented lookups made in the
 * middle of a shift are mostly ordinary work; one made when the user was otherwise not working is not. Speaks only
 * for users with documented work on at least `minDays` days (whose sessions are known).
 */
export const SESSION = { marginHours: 2, minDays: 5 } as const;

/**
 * Name series: patients with one family name in at least three different households (address ids), and with as many
 * different given names, looked up by a user on one day without a documented reason (people sharing a full name are
 * one search for one person). The chance of that by coincidence (Poisson, from how common the name is and how many
 * undocumented patients the user had that day) gives the strength: none at 1 in 100, full at 1 in a million.
 * Common names (Hansen, Olsen) need many more lookups than rare ones. A user with series on more than `maxDays` days
 * works from lists sorted by name: each series then counts for maxDays ÷ days.
 */
export const NAME_SERIES = { minPatients: 3, fromLog10: 2, spanLog10: 4, maxDays: 2 } as const;

/**
 * Export days: a day on which the user printed or exported at least `minPatients` patients, with a documented reason
 * or not, against the user's own `usualRank`-th busiest such day (so that a weekly job, or one episode spread over
 * two days, is the user's usual): strength = clamp(log2(day ÷ usual) / 2, 0, 1), four times the usual ⇒ full.
 * A documented print on such a day counts with that strength when `mixedShare` or more of the day's printed patients
 * had no documented reason (one episode: the reason covers reading a record, not exporting it with twenty others;
 * see USER_EXPORT_BURST's factor for documented lookups), else at `documentedDayShare` of it, a trace below any
 * finding: a day of discharge letters is work, and at 20 M lookups a larger share put 3,000 of them into the list.
 */
export const EXPORT_DAY = { minPatients: 5, usualRank: 3, mixedShare: 0.25, documentedDayShare: 0.05 } as const;

/**
 * Exports before leaving: in the last `days` days of a registered employment, the user printed or exported at least
 * `minPatients` patients without a documented reason, more than the user's own earlier rate predicts (insider-threat
 * studies find that data taken by leavers is mostly taken in the last month). Expected = (earlier such patients +
 * `priorDays` × the role's rate per active day) ÷ (earlier active days + `priorDays`) × active days in the final
 * stretch: the role's rate stands in for the user's own where the data hold little of the user's earlier work.
 * Strength from the Poisson chance of the count: none at 1 in 100, full at 1 in 1,000,000. The user's documented
 * prints in the same stretch share it at `documentedShare` (a leaver's own patients are documented ones).
 */
export const LEAVING = {
  days: 30,
  minPatients: 3,
  fromLog10: 2,
  spanLog10: 4,
  priorDays: 10,
  documentedShare: 0.5,
} as const;

/**
 * Repeated access: the number of calendar weeks in which the user looked up the patient without a documented
 * reason (days of one week are usually one episode of care; coming back week after week is following someone).
 * Strength rises from one week to full at `weeksFull`, times the informativeness of returning at all.
 */
export const REPEAT = { weeksFull: 4 } as const;

/**
 * Out-of-date employment dates: a user active on at least `minDays` days outside the registered employment is still
 * working there (the staff list is behind) when the user was active on at least `minDays` days inside too, with at
 * least `sameWork` of the usual daily number of patients outside, or when at least `documentedShare` of the patients
 * looked up outside had a documented reason (the hospital's own records put the user in their care; a leaver's
 * account has no such place). A single active day next to the period (the day after the end or before the start)
 * is not evidence either way: night shifts cross midnight and end dates are given both inclusive and exclusive.
 * Lookups outside the registered period then count for `stillWorking` of the usual weight.
 */
export const EMPLOYMENT = { minDays: 5, sameWork: 0.5, documentedShare: 0.5, stillWorking: 0.15 } as const;

/**
 * Patient bursts: the most users without a clear documented reason (none, or only a weak one) on one
 * day, the most departments of such users within `spellDays` days, and the departments of those without any over
 * the window, each judged by how rare it is among all patients
 * looked up (its tail share): none for the top 1 % (`fromLog10` 2), full for the top 0.01 %. A patient in the news is
 * among the very few most-read of the hospital. On the day count, the users of a unit that looked the patient up
 * without such a reason on `routineDays` days or more count as one: that unit is caring for the patient (a nursing
 * home's resident, a home-care client whose relation was never registered), and its whole team reading on a busy
 * day is not a crowd.
 */
export const BURST = { fromLog10: 2, spanLog10: 2, spellDays: 3, routineDays: 5 } as const;

/**
 * One of many crowds: a user's crowds are the burst strengths of all the patients the user looked up without a
 * documented reason, summed. Up to `usual` of them a burst speaks in full for each of the user's lookups; above it
 * the burst is divided by crowds ÷ `usual`. Someone who is one of the crowd around patient after patient (the on-call
 * physician asked to look at every patient in intensive care, a therapist serving many wards) does so as work; the
 * curious join the crowd around one or two.
 */
export const CROWD = { usual: 2 } as const;

/**
 * Routine: the median, over the user's active weeks (at least `minWeeks`), of the share of the week's patients
 * the user looked up without a documented reason, each week's share smoothed with `priorPatients` patients at the
 * share of all users (a user who looks up one patient a week has not shown a routine). Up to `from` (a fifth) the user's undocumented lookups are
 * exceptions and every behaviour signal speaks in full; above it they are the user's job, and behaviour signals
 * are scaled down linearly to nothing at a share of one (routine_keep).
 */
export const ROUTINE = { from: 0.2, minWeeks: 3, priorPatients: 5 } as const;

/**
 * Shared records: test and training patients live in the production record (every newcomer practises on them, IT
 * tests with them). A patient with no contact with the hospital at all (no encounter, no care relation) whom at
 * least `minUsers` users looked up without a documented reason, in at least `minWeeks` weeks and `weekShare` of the
 * analysed weeks, is such a record: no real person's privacy is at stake, so only rules about the account (used
 * after the employment ended, unknown) speak. A person in the news draws a crowd within days, and has been a patient.
 */
export const SHARED_RECORD = { minUsers: 10, minWeeks: 4, weekShare: 0.5 } as const;

/**
 * Machine accounts (integrations, batch jobs, reminder services): behaviour signals say nothing about them
 * (routine_keep = 0); rules about the pair still apply. An account is taken for a machine when, over at least
 * `minDays` active days, it works on `everyDay` of the days in its span (no person works every day for months),
 * or its lookups fall into one hour of the day (`sameHour` of its active days in the same hour, on average at most
 * `hoursPerDay` distinct hours a day) with a median of at least `patientsPerDay` patients a day. A working day has a
 * documented lookup, or at least `workingDayPatients` patients and `workingDayShare` of the account's median day, or
 * lookups only in the account's main hours (those of `mainHourShare` of its days: a nightly job's quiet night). A
 * person who opens one record without a documented reason on each day off, at another hour (checking in, or
 * following someone), has not worked every day.
 */
export const MACHINE = {
  minDays: 20,
  everyDay: 0.95,
  sameHour: 0.9,
  hoursPerDay: 1.5,
  patientsPerDay: 10,
  workingDayPatients: 2,
  workingDayShare: 0.25,
  mainHourShare: 0.5,
} as const;

/**
 * Unusual week: patients the user looked up without a documented reason in any seven consecutive days (a spell that
 * straddles a weekend is one spell), against the user's usual calendar week (the median over the user's active
 * weeks, at least one; the user needs `minWeeks` active weeks), the user's `recurringRank`-th busiest week (a busy
 * week that recurs, such as an on-call week, is the user's rota), or the median of the user's home department in the
 * same week, whichever is highest. Weekly counts vary more than chance alone (shifts, holidays, busy weeks), so the
 * spread is negative-binomial: variance = usual + c · usual², with c estimated per role and kind of home department
 * (physician/ward, lab/lab, …; all user-weeks when such a group has fewer than `minKindWeeks`) from the user-weeks
 * whose usual is at least `dispersionFrom` (method of moments, each week's contribution capped at `maxDispersion`, c
 * at least `minDispersion`). Strength from the z-score: none at `zFrom`, full at zFrom + zSpan. A week whose
 * undocumented patients mostly lie in one unit is a week of work there (helping a neighbouring ward, a rotation):
 * the strength falls linearly from a share of `oneUnitShare` in one unit to nothing when they all do; browsing picks
 * patients all over.
 */
export const USER_WEEK = {
  usualQuantile: 0.5,
  recurringRank: 4,
  minUsual: 1,
  minWeeks: 3,
  dispersionFrom: 2,
  minKindWeeks: 50,
  maxDispersion: 4,
  minDispersion: 0.05,
  zFrom: 3,
  zSpan: 4,
  oneUnitShare: 0.5,
} as const;

/**
 * Unusual day: the same test as USER_WEEK (usual, rota, department, spread and strength) on one day's patients that
 * the user looked up without a documented reason and that are unfamiliar for the user's unit; the user needs
 * `minDays` active days. The strength is halved for a patient the unit does know, and machine accounts have none.
 */
export const USER_DAY = { minDays: 5 } as const;

/**
 * Research outside a study: the user needs at least `minOthers` other patients looked up for research; the strength
 * grows from none when `documentedFrom` of them were covered by the user's own care relation (a study's patients
 * registered as its researchers' relations) to full when all were.
 */
export const RESEARCH = { minOthers: 10, documentedFrom: 0.5 } as const;

/**
 * Home area: the share of the patient's municipality in the documented lookups of the user's department, against
 * its share in all documented lookups (a lift, smoothed with `prior` lookups at the overall share). Strength grows
 * as the lift falls below one: full at 1/`liftFull` (a municipality the department practically never serves).
 * Speaks only for departments with at least `minLookups` documented lookups.
 */
export const AREA = { prior: 20, liftFull: 20, minLookups: 200 } as const;

/** Family names: full strength when at most 1 in 10,000 persons has the name; none from 1 in 50. */
export const FAMILY_NAME = { commonShare: 0.02, rareShare: 0.0001 } as const;
/** Same address: full strength for a household of up to 4 persons, less for larger shared addresses. */
export const ADDRESS_HOUSEHOLD = 4;

export function robustStrength(value: number, median: number, mad: number): number {
  const z = (Math.log1p(value) - median) / Math.max(1.4826 * mad, OUTLIER.madFloor);
  return Math.min(1, Math.max(0, (z - OUTLIER.zFrom) / OUTLIER.zSpan));
}

export function familyNameStrength(share: number): number {
  if (!(share > 0)) return 0;
  const span = Math.log10(FAMILY_NAME.commonShare / FAMILY_NAME.rareShare);
  return Math.min(1, Math.max(0, Math.log10(FAMILY_NAME.commonShare / share) / span));
}

/**
 * An unusual workstation: the user has looked things up on at least five days, used this workstation on at most
 * three of them (a borrowed login or a remote session seldom lasts a single day), and the user's department makes
 * under 1 % of its lookups there. Its strength is the informativeness of that for the user: someone who moves
 * between workstations (a porter, an on-call physician, an administrator serving several units) is at an unusual
 * one on most days; full strength when it happens on at most one active day in `habitOneIn`, none when it happens
 * every day.
 */
export const WORKSTATION = { minUserDays: 5, maxDays: 3, maxDepartmentShare: 0.01, habitOneIn: 10 } as const;

/**
 * Signs of real work on an undocumented lookup; behaviour signals (except a burst, which is about many users) then
 * keep a share of their strength:
 * - the care team: another user of the same department looked up the patient within `teamDays` days of each
 *   undocumented lookup (`teamKeep`);
 * - charting: the user wrote in the record (update, create) during the undocumented lookups (`chartedKeep`). A
 *   lookup to write a note is care work; the suspicious lookup "never charted or ordered" is a read;
 * - a planned visit: the patient has an encounter in the user's department starting within `upcomingDays` after the
 *   first undocumented lookup (`upcomingKeep`): assessing a referral or preparing a visit, earlier than the week
 *   before the visit that explains a lookup outright. Where that is what the user's undocumented lookups are (a
 *   clinic secretary sending appointment letters weeks ahead), it explains more: the keep shrinks with the share of
 *   the user's undocumented pairs that have such a visit (smoothed by `upcomingPrior` pairs), down to
 *   `upcomingKeepMin`;
 * - an emergency: the patient was in the emergency department (an emergency encounter from `emergencyBeforeHours`
 *   before its start to `emergencyAfterHours` after its end) when the user looked (`emergencyKeep`). Specialists on
 *   call are asked to look at emergency patients, and such a consultation is hardly ever documented.
 */
export const WORK = {
  teamDays: 7,
  teamKeep: 0.5,
  chartedKeep: 0.5,
  upcomingDays: 90,
  upcomingKeep: 0.5,
  upcomingPrior: 2,
  upcomingKeepMin: 0.1,
  emergencyBeforeHours: 1,
  emergencyAfterHours: 12,
  emergencyKeep: 0.5,
} as const;

/**
 * Lookups during an absence: a day with at most `fewPatients` patients (or `fewShare` of the user's usual day), for a
 * user active on at least `minActiveDays` days, and either
 * - at most one other active day within `days` days either side: the binomial chance of so quiet a fortnight at the
 *   user's rate of active days in the weeks the user works at all (a long leave must not lower that rate), or
 * - no working day (more than a few patients) within `leaveDays` days either side and at most `leaveCheckDays` other
 *   quiet days within `days`: someone on leave who checks in now and then. The chance is that of so many weeks
 *   without work at the user's share of active weeks over the user's span. Only for a user whose usual day has more
 *   than a few patients; for the others a quiet day is an ordinary day.
 * Windows end where the data ends. Strength: none at 1 in 20 (10^-fromLog10), full at 1 in 1,000.
 */
export const ABSENCE = {
  days: 7,
  leaveDays: 14,
  leaveCheckDays: 3,
  fewPatients: 3,
  fewShare: 0.25,
  minActiveDays: 20,
  fromLog10: 1.3,
  spanLog10: 1.7,
} as const;
