/**
 * How signals combine into a score. Each signal has a strength in [0, 1] (computed from the data: rarity, robust
 * z-scores against peers, informativeness of a flag) and a weight fixed by reasoning, not fitted to any ground truth:
 * how strongly the signal alone would make a reviewer want to look. Contributions combine as a noisy-OR,
 * score = 1 − Π(1 − weight × factor × strength), so independent signals add up and no single weak one dominates.
 * `factor` depends on how well the pair is explained: statistics only speak for unexplained lookups; rules such as
 * self-lookup speak even when the lookup is explained, others only weakly.
 */
import type { ReasonCode } from './reasons.js';

export type ExplanationState = 'unexplained' | 'weak' | 'explained';

export interface SignalSpec {
  readonly code: ReasonCode;
  /** SQL column holding the strength in [0, 1]. */
  readonly column: string;
  readonly weight: number;
  readonly factor: Readonly<Record<ExplanationState, number>>;
  /**
   * A behaviour signal (breadth, hours, sessions, …) says less about a user whose undocumented lookups are routine
   * (most of their patients, week after week: an archive office, coding, a registry): it is multiplied by the
   * user's `routine_keep`. Rules about the pair itself (self, family, colleague, …) are not.
   */
  readonly behaviour?: boolean;
  /**
   * A circumstance of the lookup (an unfamiliar unit, no contact, an odd hour or place, a search first, a print):
   * common in ordinary work, so alone it says little. It counts in full only when another signal corroborates it
   * (see CORROBORATION).
   */
  readonly circumstance?: boolean;
  /**
   * Circumstances that describe the same thing (`time`: an odd hour, outside a work session, during an absence are all
   * "not at the user's usual work") corroborate each other no more than one of them does.
   */
  readonly aspect?: 'time';
  /**
   * Judged against the user's own habits already (the user's hours, sessions, active days, workstations): routine
   * undocumented work does not make it less telling, so `routine_keep` does not scale it.
   */
  readonly ownHabit?: boolean;
  /** A signal about many users at once (a burst on one patient): colleagues looking too do not mitigate it. */
  readonly crowd?: boolean;
  /** The baseline every unexplained pair has (no relation, weak explanation): it corroborates nothing. */
  readonly baseline?: boolean;
  /**
   * A rule about the account itself (used after the employment ended, unknown): it holds whatever record was opened,
   * also a shared test record (`record_keep` = 0), which silences every other signal.
   */
  readonly account?: boolean;
}

// Statistics speak for unexplained lookups; an explained one keeps a trace (below any finding and below the
// threshold for showing a reason), so that among explained lookups the unusual ones still rank first.
const ONLY_UNEXPLAINED = { unexplained: 1, weak: 0.5, explained: 0.03 } as const;
const ALWAYS = { unexplained: 1, weak: 1, explained: 1 } as const;
const MOSTLY_UNEXPLAINED = { unexplained: 1, weak: 0.6, explained: 0.2 } as const;
// An export episode: the documented prints among it count at half weight (the reason covers reading, not exporting).
const EXPORT_EPISODE = { unexplained: 1, weak: 0.5, explained: 0.5 } as const;

export const SIGNALS: readonly SignalSpec[] = [
  { code: 'SELF_LOOKUP', column: 's_self', weight: 0.95, factor: ALWAYS },
  { code: 'AFTER_EMPLOYMENT', column: 's_after_employment', weight: 0.9, factor: ALWAYS, account: true },
  { code: 'SAME_ADDRESS', column: 's_address', weight: 0.8, factor: ALWAYS },
  // Emergency access where a relation or a stay documents the lookup is the access mechanism, not the reason (some
  // intensive care units break the glass by habit): a trace below any finding; half where it is only weakly explained.
  {
    code: 'EMERGENCY_WITHOUT_EMERGENCY',
    column: 's_etreat',
    weight: 0.6,
    factor: { unexplained: 1, weak: 0.5, explained: 0.1 },
  },
  { code: 'UNKNOWN_USER', column: 's_unknown_user', weight: 0.6, factor: ALWAYS, account: true },
  {
    code: 'RARE_DEPARTMENT_FOR_PATIENT',
    column: 's_rare_dept',
    weight: 0.2,
    factor: ONLY_UNEXPLAINED,
    behaviour: true,
    circumstance: true,
  },
  {
    code: 'NO_CARE_CONTACT',
    column: 's_no_contact',
    weight: 0.55,
    factor: ONLY_UNEXPLAINED,
    behaviour: true,
    circumstance: true,
  },
  { code: 'SAME_FAMILY_NAME_RARE', column: 's_name', weight: 0.5, factor: MOSTLY_UNEXPLAINED },
  { code: 'SAME_FULL_NAME', column: 's_full_name', weight: 0.5, factor: MOSTLY_UNEXPLAINED },
  { code: 'NAME_SEARCH_SERIES', column: 's_name_series', weight: 0.6, factor: ONLY_UNEXPLAINED },
  { code: 'COLLEAGUE_PATIENT', column: 's_colleague', weight: 0.5, factor: MOSTLY_UNEXPLAINED },
  { code: 'RESEARCH_WITHOUT_STUDY', column: 's_research', weight: 0.5, factor: ONLY_UNEXPLAINED },
  // A crowd on the patient counts in full for a lookup explained only by a stay in a sibling unit of the clinic: the
  // clinic explains one reader, not why many units looked at once.
  {
    code: 'PATIENT_ACCESS_BURST',
    column: 's_burst',
    weight: 0.5,
    factor: { unexplained: 1, weak: 1, explained: 0.03 },
    behaviour: true,
    crowd: true,
  },
  { code: 'USER_BREADTH_UNUSUAL', column: 's_breadth', weight: 0.5, factor: ONLY_UNEXPLAINED, behaviour: true },
  { code: 'USER_STRANGERS_UNUSUAL', column: 's_strangers', weight: 0.5, factor: ONLY_UNEXPLAINED, behaviour: true },
  // Documented lookups in the same hour as an unusual burst keep a trace of it (below any finding), so that they
  // rank above ordinary documented work.
  {
    code: 'USER_RAPID_LOOKUPS',
    column: 's_rapid',
    weight: 0.5,
    factor: { unexplained: 1, weak: 0.5, explained: 0.08 },
    behaviour: true,
  },
  {
    code: 'PATIENT_FROM_OTHER_AREA',
    column: 's_area',
    weight: 0.1,
    factor: ONLY_UNEXPLAINED,
    behaviour: true,
    circumstance: true,
  },
  { code: 'USER_WEEK_UNUSUAL', column: 's_week', weight: 0.5, factor: ONLY_UNEXPLAINED, behaviour: true },
  {
    code: 'USER_DAY_UNUSUAL',
    column: 's_day',
    weight: 0.5,
    factor: ONLY_UNEXPLAINED,
    behaviour: true,
    ownHabit: true,
  },
  // An export day counts at half weight for the documented prints among it (and leaves no more than a trace where the
  // day's prints were nearly all documented; see EXPORT_DAY): the reason covers reading, not exporting.
  {
    code: 'USER_EXPORT_BURST',
    column: 's_export_burst',
    weight: 0.6,
    factor: EXPORT_EPISODE,
    behaviour: true,
  },
  // Exports before leaving count at half weight for the documented prints of the same stretch (their strength is
  // halved again; see LEAVING): taking one's own patients along is documented work.
  {
    code: 'EXPORT_BEFORE_LEAVING',
    column: 's_leaving',
    weight: 0.6,
    factor: EXPORT_EPISODE,
    behaviour: true,
  },
  { code: 'USER_BULK_EXPORT', column: 's_bulk_export', weight: 0.25, factor: ONLY_UNEXPLAINED, behaviour: true },
  {
    code: 'UNUSUAL_WORKSTATION',
    column: 's_workstation',
    weight: 0.35,
    factor: ONLY_UNEXPLAINED,
    behaviour: true,
    circumstance: true,
    ownHabit: true,
  },
  {
    code: 'OUTSIDE_USUAL_HOURS',
    column: 's_hours',
    weight: 0.4,
    factor: ONLY_UNEXPLAINED,
    behaviour: true,
    circumstance: true,
    ownHabit: true,
    aspect: 'time',
  },
  {
    code: 'OUTSIDE_WORK_SESSION',
    column: 's_off_session',
    weight: 0.5,
    factor: ONLY_UNEXPLAINED,
    behaviour: true,
    circumstance: true,
    ownHabit: true,
    aspect: 'time',
  },
  // A quiet fortnight that improbable for the user is rare in itself: it needs no second circumstance. A documented
  // lookup during an absence keeps a trace (below any finding), so that it ranks first among the documented ones.
  {
    code: 'ACTIVITY_DURING_ABSENCE',
    column: 's_absence',
    weight: 0.5,
    factor: { unexplained: 1, weak: 0.6, explained: 0.08 },
    behaviour: true,
    ownHabit: true,
    aspect: 'time',
  },
  {
    code: 'SEARCH_THEN_READ',
    column: 's_search',
    weight: 0.25,
    factor: ONLY_UNEXPLAINED,
    behaviour: true,
    circumstance: true,
  },
  { code: 'REPEATED_ACCESS', column: 's_repeat', weight: 0.5, factor: ONLY_UNEXPLAINED, behaviour: true },
  { code: 'EMPLOYEE_PATIENT', column: 's_employee', weight: 0.15, factor: ONLY_UNEXPLAINED },
  {
    code: 'PRINT_OR_EXPORT',
    column: 's_print',
    weight: 0.15,
    factor: ONLY_UNEXPLAINED,
    behaviour: true,
    circumstance: true,
  },
  {
    code: 'NO_RELATION',
    column: 's_no_relation',
    weight: 0.1,
    factor: ONLY_UNEXPLAINED,
    behaviour: true,
    baseline: true,
  },
  {
    code: 'STALE_EXPLANATION_ONLY',
    column: 's_stale',
    weight: 0.05,
    factor: { unexplained: 0, weak: 0, explained: 1 },
    baseline: true,
  },
  {
    code: 'SELF_DECLARED_RELATION_ONLY',
    column: 's_self_declared',
    weight: 0.05,
    factor: { unexplained: 0, weak: 0, explained: 1 },
    baseline: true,
  },
  {
    code: 'WEAK_EXPLANATION_ONLY',
    column: 's_weak',
    weight: 0.05,
    factor: { unexplained: 0, weak: 1, explained: 0 },
    baseline: true,
  },
];

/**
 * Corroboration: a circumstance counts `alone` of its contribution unless at least two signals other than the
 * baseline contribute `min` or more. In ordinary work one odd circumstance is common (a lookup in an unfamiliar unit,
 * or at an odd hour); two at once, or one with a rule or a behaviour signal, are not.
 */
export const CORROBORATION = { min: 0.05, alone: 0.5 } as const;

/** A reason is shown when it contributes at least this much (the strongest one is always shown). */
export const MIN_REASON_CONTRIBUTION = 0.02;

export function contribution(signal: SignalSpec, state: ExplanationState, strength: number): number {
  const s = Math.min(1, Math.max(0, strength));
  return signal.weight * signal.factor[state] * s;
}

/** What a signal counts as for corroboration: its aspect, or else the signal itself. */
function corroborationKey(signal: SignalSpec): string {
  return signal.aspect ?? signal.code;
}

/** Every signal's contribution, in SIGNALS order, after corroboration. */
export function contributions(state: ExplanationState, strength: (signal: SignalSpec) => number): number[] {
  const raw = SIGNALS.map((signal) => contribution(signal, state, strength(signal)));
  const supporting = new Set(
    SIGNALS.flatMap((signal, i) =>
      !signal.baseline && (raw[i] as number) >= CORROBORATION.min ? [corroborationKey(signal)] : [],
    ),
  ).size;
  const alone = supporting < 2;
  return raw.map((c, i) => (alone && SIGNALS[i]?.circumstance ? c * CORROBORATION.alone : c));
}

/** Noisy-OR of contributions. Rounded so that equal inputs give equal scores on every machine. */
export function combine(contributions: readonly number[]): number {
  const miss = contributions.reduce((product, c) => product * (1 - Math.min(1, Math.max(0, c))), 1);
  return roundScore(1 - miss);
}

export function roundScore(score: number): number {
  return Math.round(score * 1e6) / 1e6;
}

/**
 * The signals' columns multiplied by what keeps them: a behaviour signal by the user's routine_keep (unless judged
 * against the user's own habits) and the pair's work_keep (signs of real work; not for a crowd signal), every signal
 * but the account rules by the record's record_keep; as a DuckDB `* REPLACE (…)` list.
 */
export function keptSignalsSql(): string {
  return SIGNALS.flatMap((s) => {
    const keeps = [
      ...(s.behaviour && !s.ownHabit ? ['routine_keep'] : []),
      ...(s.behaviour && !s.crowd ? ['work_keep'] : []),
      ...(s.account ? [] : ['record_keep']),
    ];
    return keeps.length > 0 ? [`${[s.column, ...keeps].join(' * ')} AS ${s.column}`] : [];
  }).join(', ');
}

/**
 * The same combination as SQL: every row of `source` (which holds the strength columns and `state`) with its score.
 * Each contribution is computed once, then the corroboration count, then the noisy-OR.
 */
export function scoreQuery(source: string): string {
  const factor = (signal: SignalSpec): string =>
    `(CASE state WHEN 'unexplained' THEN ${signal.factor.unexplained} WHEN 'weak' THEN ${signal.factor.weak} ELSE ${signal.factor.explained} END)`;
  const part = (i: number): string => `_c${i}`;
  const parts = SIGNALS.map(
    (s, i) =>
      `${s.weight}::DOUBLE * ${factor(s)}::DOUBLE * least(1.0, greatest(0.0, coalesce(${s.column}::DOUBLE, 0.0))) AS ${part(i)}`,
  );
  const aspects = new Map<string, string[]>();
  SIGNALS.forEach((s, i) => {
    if (!s.baseline) aspects.set(corroborationKey(s), [...(aspects.get(corroborationKey(s)) ?? []), part(i)]);
  });
  const supporting = [...aspects.values()].map(
    (columns) =>
      `(${columns.length > 1 ? `greatest(${columns.join(', ')})` : columns[0]} >= ${CORROBORATION.min})::INTEGER`,
  );
  const misses = SIGNALS.map((s, i) => `(1.0::DOUBLE - ${part(i)}${s.circumstance ? ' * _alone' : ''})`);
  return `SELECT * EXCLUDE (${SIGNALS.map((_, i) => part(i)).join(', ')}, _alone), round(1 - ${misses.join(' * ')}, 6) AS score
    FROM (SELECT *, CASE WHEN ${supporting.join(' + ')} < 2 THEN ${CORROBORATION.alone}::DOUBLE ELSE 1.0::DOUBLE END AS _alone
          FROM (SELECT *, ${parts.join(', ')} FROM (${source})))`;
}

/**
 * Informativeness of a yes/no signal from how often it fires among unexplained pairs: a flag raised for one pair in
 * a thousand (or rarer) carries full weight; one raised for every other pair carries almost none. This is the
 * "what is common is probably legitimate" rule applied to flags.
 */
export function informativeness(fireRate: number): number {
  if (!(fireRate > 0)) return 1;
  return Math.min(1, Math.max(0, Math.log(1 / fireRate) / Math.log(1000)));
}

export const INFORMATIVENESS_SQL = (rate: string, oneIn = 1000): string =>
  `(CASE WHEN (${rate}) <= 0 THEN 1.0 ELSE least(1.0, greatest(0.0, ln(1.0 / (${rate})) / ln(${oneIn}.0))) END)`;
