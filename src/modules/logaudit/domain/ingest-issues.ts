/**
 * What can be wrong in a dataset, and what the reader does about each class of problem: stop the batch (nothing is
 * stored), skip the row and count it, or keep the row and count it. The policy is one table so that it can be read,
 * documented and tested in one place.
 */

export const ISSUE_CLASSES = [
  'FILE_MISSING',
  'ENCODING_INVALID',
  'COLUMN_MISSING',
  'LINE_MALFORMED',
  'VALUE_MISSING',
  'VALUE_INVALID',
  'OPTIONAL_VALUE_INVALID',
  'TIMESTAMP_WITHOUT_OFFSET',
  'DUPLICATE_EVENT_ID',
  'DUPLICATE_EVENT_ID_CONFLICT',
  'ALREADY_STORED',
  'UNKNOWN_REFERENCE',
  'NOT_ONE_PATIENT',
  'DUPLICATE_KEY',
  'REJECT_RATE_EXCEEDED',
] as const;
export type IssueClass = (typeof ISSUE_CLASSES)[number];

export type IssueAction = 'stop' | 'skip' | 'keep';

export interface IssuePolicyOptions {
  /** Skip (and count) lines that cannot be parsed instead of stopping the batch. */
  readonly skipBadLines: boolean;
}

/**
 * Why these choices: a damaged file (bad encoding, broken lines, conflicting copies of one event) says the export is
 * not trustworthy, so nothing of it is stored until it is fixed. A single bad value in a sound file costs one row,
 * which is skipped and reported. A bad optional value (an unknown purpose code) is dropped but the lookup is kept, and
 * so is a lookup by an unknown user: hiding it would hide what the control is for. A timestamp without an offset breaks
 * the contract but is still usable: it is read as local time in the workspace's time zone and counted.
 */
export function issueAction(issue: IssueClass, options: IssuePolicyOptions): IssueAction {
  switch (issue) {
    case 'FILE_MISSING':
    case 'ENCODING_INVALID':
    case 'COLUMN_MISSING':
    case 'DUPLICATE_EVENT_ID_CONFLICT':
    case 'REJECT_RATE_EXCEEDED':
      return 'stop';
    case 'LINE_MALFORMED':
      return options.skipBadLines ? 'skip' : 'stop';
    case 'VALUE_MISSING':
    case 'VALUE_INVALID':
    case 'DUPLICATE_EVENT_ID':
    case 'ALREADY_STORED':
    case 'NOT_ONE_PATIENT':
    case 'DUPLICATE_KEY':
      return 'skip';
    case 'UNKNOWN_REFERENCE':
    case 'OPTIONAL_VALUE_INVALID':
    case 'TIMESTAMP_WITHOUT_OFFSET':
      return 'keep';
  }
}

/** One problem found, at a place a person can open: file, line and field. */
export interface IngestIssue {
  readonly issue: IssueClass;
  readonly file: string;
  readonly line?: number;
  readonly field?: string;
  readonly message: string;
}

/** How many examples of each class of issue are shown (in the summary, and as lines found by a check). */
export const EXAMPLES_PER_CLASS = 5;

/** "access_events.csv line 12, field timestamp: …" — the form every message takes. */
export function formatIssue(issue: IngestIssue): string {
  const where = [
    issue.file,
    issue.line !== undefined ? `line ${issue.line}` : null,
    issue.field ? `field ${issue.field}` : null,
  ]
    .filter(Boolean)
    .join(', ');
  return `${where}: ${issue.message}`;
}

/**
 * The summary of a batch's issues as printed lines: each class with its count and whether its rows were skipped or
 * kept, and under it up to `examplesPerClass` examples (the first issue of each group carries the group's count).
 */
export function issueSummaryLines(
  issues: readonly { issue: IngestIssue; count: number }[],
  examplesPerClass = EXAMPLES_PER_CLASS,
): string[] {
  const counts = new Map<IssueClass, number>();
  for (const { issue, count } of issues) counts.set(issue.issue, (counts.get(issue.issue) ?? 0) + count);
  return [...counts].flatMap(([cls, count]) => [
    `  ${cls}: ${count} (${issueAction(cls, { skipBadLines: true }) === 'skip' ? 'skipped' : 'kept'})`,
    ...issues
      .filter((i) => i.issue.issue === cls && i.count > 0)
      .slice(0, examplesPerClass)
      .map(({ issue, count: n }) => `    e.g. ${formatIssue(issue)}${n > 1 ? ` (${n} in all)` : ''}`),
  ]);
}
