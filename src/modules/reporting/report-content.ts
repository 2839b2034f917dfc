/**
 * The content of a status report: applying a partial change, checking it (each problem names its field), the
 * completeness a report needs before it is submitted, and which fields a change touched (kept in the history).
 */
import { AppError, type ErrorDetail } from '../../platform/errors.js';
import { reportContentFields, type Contact, type Indicator, type ReportContent } from './types.js';

export type ContentPatch = { readonly [K in keyof ReportContent]?: ReportContent[K] };

export const limits = {
  longText: 10_000,
  text: 5_000,
  name: 200,
  unit: 40,
  note: 500,
  phone: 40,
  indicators: 20,
  url: 2_000,
};

export const emptyContent: ReportContent = {
  status: null,
  progress: '',
  contribution: { level: 'not-assessed', text: '' },
  indicators: [],
  nextSteps: '',
  blockers: '',
  contact: { name: '', email: '', phone: '' },
};

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function tooLong(details: ErrorDetail[], field: string, text: string, max: number): void {
  if (text.length > max) details.push({ field, message: `at most ${max} characters (got ${text.length})` });
}

function checkIndicators(details: ErrorDetail[], indicators: readonly Indicator[]): void {
  if (indicators.length > limits.indicators)
    details.push({ field: 'indicators', message: `at most ${limits.indicators} indicators` });
  indicators.forEach((indicator, i) => {
    const at = `indicators[${i}]`;
    if (!indicator.name.trim()) details.push({ field: `${at}.name`, message: 'an indicator needs a name' });
    tooLong(details, `${at}.name`, indicator.name, limits.name);
    tooLong(details, `${at}.unit`, indicator.unit, limits.unit);
    tooLong(details, `${at}.note`, indicator.note, limits.note);
    for (const key of ['value', 'target'] as const) {
      const value = indicator[key];
      if (value !== null && !Number.isFinite(value))
        details.push({ field: `${at}.${key}`, message: 'must be a number' });
    }
  });
}

function checkContact(details: ErrorDetail[], contact: Contact): void {
  tooLong(details, 'contact.name', contact.name, limits.name);
  tooLong(details, 'contact.phone', contact.phone, limits.phone);
  if (contact.email && !emailPattern.test(contact.email))
    details.push({ field: 'contact.email', message: 'not an e-mail address' });
}

/** Problems with the content itself (lengths, formats), whatever the report's state. */
export function contentProblems(content: ReportContent): ErrorDetail[] {
  const details: ErrorDetail[] = [];
  tooLong(details, 'progress', content.progress, limits.longText);
  tooLong(details, 'contribution.text', content.contribution.text, limits.text);
  tooLong(details, 'nextSteps', content.nextSteps, limits.text);
  tooLong(details, 'blockers', content.blockers, limits.text);
  checkIndicators(details, content.indicators);
  checkContact(details, content.contact);
  return details;
}

/** Trimmed, without NUL characters (PostgreSQL text cannot hold them). */
const clean = (text: string) => text.replaceAll('\u0000', '').trim();
const trimIndicator = (i: Indicator): Indicator => ({
  ...i,
  name: clean(i.name),
  unit: clean(i.unit),
  note: clean(i.note),
});

/** The content after a change, trimmed and checked: throws VALIDATION_FAILED naming every bad field. */
export function applyPatch(current: ReportContent, patch: ContentPatch): ReportContent {
  const next: ReportContent = {
    status: patch.status !== undefined ? patch.status : current.status,
    progress: clean(patch.progress ?? current.progress),
    contribution: patch.contribution
      ? { level: patch.contribution.level, text: clean(patch.contribution.text) }
      : current.contribution,
    indicators: (patch.indicators ?? current.indicators).map(trimIndicator),
    nextSteps: clean(patch.nextSteps ?? current.nextSteps),
    blockers: clean(patch.blockers ?? current.blockers),
    contact: patch.contact
      ? { name: clean(patch.contact.name), email: clean(patch.contact.email), phone: clean(patch.contact.phone) }
      : current.contact,
  };
  const details = contentProblems(next);
  if (details.length > 0) throw new AppError('VALIDATION_FAILED', 'The report has invalid fields', details);
  return next;
}

/** What a report must hold before it is submitted; empty when it is complete. */
export function missingForSubmit(content: ReportContent): ErrorDetail[] {
  const missing: ErrorDetail[] = [];
  if (content.status === null) missing.push({ field: 'status', message: 'choose a status' });
  if (!content.progress) missing.push({ field: 'progress', message: 'describe the progress this year' });
  if (content.contribution.level === 'not-assessed') {
    missing.push({ field: 'contribution.level', message: "assess the contribution to the area's goal" });
  }
  if (!content.contribution.text) missing.push({ field: 'contribution.text', message: 'explain the contribution' });
  if (!content.contact.name) missing.push({ field: 'contact.name', message: 'name a contact person' });
  if (!content.contact.email) missing.push({ field: 'contact.email', message: "give the contact person's e-mail" });
  return missing;
}

/** The content fields whose value differs. */
export function changedFields(before: ReportContent, after: ReportContent): string[] {
  return reportContentFields.filter((field) => JSON.stringify(before[field]) !== JSON.stringify(after[field]));
}

/** An https URL, or a validation error naming the field. */
export function checkHttpsUrl(value: string, field = 'url'): string {
  const text = value.trim();
  let url: URL | null;
  try {
    url = new URL(text);
  } catch {
    url = null;
  }
  if (!url || url.protocol !== 'https:' || !url.hostname || text.length > limits.url || url.username || url.password) {
    throw new AppError('VALIDATION_FAILED', 'Evidence links must be https addresses', [
      { field, message: 'must be an https:// address without user name or password' },
    ]);
  }
  return url.toString();
}
