/**
 * The sector analyst's side of surveys: create a questionnaire (from a template or given), send it to every
 * enterprise matching a target (type, size class, region) with a personal link each, remind those who have not
 * answered (with a fresh link), close it, and follow participation. The analyst never sees an enterprise's answers:
 * they reach the sector only as indicator facts, published k-anonymously.
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import type { Principal } from '../../platform/http/access.js';
import { writeAuditEvent } from '../audit/index.js';
import { requireRole } from '../identity/index.js';
import type { Mailer } from '../reporting/index.js';
import { shippedAssessmentContent } from './assessment-content.js';
import { findEnterprises } from './enterprise-directory.js';
import { mergeSmallCategories } from './merge-categories.js';
import { encodeToken, hashToken, tokenBytes } from './invitation-token.js';
import { parseQuestionnaire } from './questionnaire.js';
import {
  findSurvey,
  insertInvitations,
  insertRecipients,
  insertSurvey,
  listRecipients,
  listSurveys,
  markReminded,
  revokeUnusedInvitations,
  updateSurveyStatus,
} from './survey-repository.js';
import type { Questionnaire, Survey, SurveyTarget } from './survey-types.js';
import type { Localized } from './types.js';

export interface SurveyDeps {
  /** Random bytes for invitation tokens (crypto.randomBytes in the app, fixed in tests). */
  readonly random: (size: number) => Uint8Array;
  /** Sends invitations by e-mail when SMTP is configured and the enterprise has an address; else links are returned. */
  readonly mailer: Mailer | null;
  readonly publicUrl: string;
}

const analyst = (principal: Principal | null) => requireRole(principal, 'sector-analyst');

export async function surveyTemplates() {
  return (await shippedAssessmentContent()).surveyTemplates;
}

export interface NewSurvey {
  templateKey?: string;
  questionnaire?: unknown;
  title?: Localized;
  description?: Localized;
  year: number;
  target: SurveyTarget;
  invitationDays?: number;
}

export async function createSurvey(
  db: Db,
  principal: Principal | null,
  input: NewSurvey,
  now: Date,
  id: string = randomUUID(),
): Promise<Survey> {
  const who = analyst(principal);
  const content = await shippedAssessmentContent();
  let questionnaire: Questionnaire;
  let title = input.title;
  let description = input.description;
  if (input.templateKey) {
    const template = content.surveyTemplates.find((t) => t.key === input.templateKey);
    if (!template)
      throw new AppError('SURVEY_INVALID', `No survey template "${input.templateKey}"`, [
        { field: 'templateKey', message: 'unknown template' },
      ]);
    questionnaire = template.questionnaire;
    title ??= template.title;
    description ??= template.description;
  } else {
    const parsed = parseQuestionnaire(input.questionnaire, {
      indicators: content.indicators.map((i) => i.id),
      guide: content.guide.measures,
    });
    if (parsed.problems.length > 0) {
      throw new AppError(
        'SURVEY_INVALID',
        'The questionnaire is not valid',
        parsed.problems.map((p) => ({ field: ['questionnaire.questions', ...p.path].join('.'), message: p.message })),
      );
    }
    questionnaire = parsed.questionnaire;
  }
  if (!title || !title.nb.trim() || !title.en.trim())
    throw new AppError('SURVEY_INVALID', 'The survey needs a title in bokmål and English', [
      { field: 'title', message: 'is required' },
    ]);
  const survey: Survey = {
    id,
    title,
    description: description ?? { nb: '', en: '' },
    year: input.year,
    status: 'draft',
    questionnaire,
    target: input.target,
    invitationDays: input.invitationDays ?? 30,
    createdAt: now.toISOString(),
    createdBy: who.userId,
    openedAt: null,
    closesAt: null,
    closedAt: null,
  };
  await insertSurvey(db, survey);
  return survey;
}

export interface IssuedLink {
  organisationId: string;
  organisationName: string;
  link: string;
  expiresAt: string;
}

export interface SendOutcome {
  survey: Survey;
  recipients: number;
  mailed: number;
  /** Links not sent by e-mail, shown this once for the analyst to pass on (they are stored only hashed). */
  links: IssuedLink[];
}

async function issueLinks(
  db: Db,
  survey: Survey,
  recipients: readonly { id: string; name: string; contactEmail: string | null }[],
  deps: SurveyDeps,
  now: Date,
): Promise<{ mailed: number; links: IssuedLink[] }> {
  const expiresAt = new Date(now.getTime() + survey.invitationDays * 86_400_000).toISOString();
  const issued = recipients.map((r) => ({ recipient: r, token: encodeToken(deps.random(tokenBytes)) }));
  await insertInvitations(
    db,
    issued.map(({ recipient, token }) => ({
      tokenHash: hashToken(token),
      surveyId: survey.id,
      organisationId: recipient.id,
      createdAt: now.toISOString(),
      expiresAt,
    })),
  );
  let mailed = 0;
  const links: IssuedLink[] = [];
  for (const { recipient, token } of issued) {
    // The token travels in the fragment: browsers never send it to a server or put it in a Referer header.
    const link = `${deps.publicUrl}/survey/answer#t=${token}`;
    if (deps.mailer && recipient.contactEmail) {
      try {
        await deps.mailer.send({
          to: recipient.contactEmail,
          subject: `Varde: ${survey.title.nb}`,
          text: `${survey.title.nb}\n\n${survey.description.nb}\n\nSvar her (lenken virker én gang og til ${expiresAt.slice(0, 10)}):\n${link}\n\nVarde`,
        });
        mailed++;
        continue;
      } catch {
        // Delivery failed: hand the link to the analyst instead.
      }
    }
    links.push({ organisationId: recipient.id, organisationName: recipient.name, link, expiresAt });
  }
  return { mailed, links };
}

export async function openSurvey(
  db: Db,
  principal: Principal | null,
  id: string,
  input: { closesAt?: string | null },
  deps: SurveyDeps,
  now: Date,
): Promise<SendOutcome> {
  const who = analyst(principal);
  const survey = await findSurvey(db, id);
  if (!survey) throw new AppError('SURVEY_NOT_FOUND', `No survey "${id}"`);
  if (survey.status !== 'draft') throw new AppError('SURVEY_NOT_OPEN', 'The survey has already been sent');
  const enterprises = await findEnterprises(db, survey.target);
  if (enterprises.length === 0)
    throw new AppError('SURVEY_INVALID', 'No enterprise matches the target', [
      { field: 'target', message: 'matches no enterprise' },
    ]);
  const at = now.toISOString();
  await insertRecipients(
    db,
    id,
    enterprises.map((e) => ({ organisationId: e.id, sizeClass: e.sizeClass })),
    at,
  );
  await updateSurveyStatus(db, id, 'open', at, input.closesAt ?? null);
  const sent = await issueLinks(db, survey, enterprises, deps, now);
  await writeAuditEvent(db, {
    at: now,
    actorUserId: who.userId,
    actorName: who.displayName,
    organisationId: who.organisationId,
    action: 'survey.open',
    objectType: 'survey',
    objectId: id,
    outcome: 'success',
    detail: { recipients: enterprises.length, mailed: sent.mailed, linksShown: sent.links.length },
  });
  return { survey: (await findSurvey(db, id))!, recipients: enterprises.length, ...sent };
}

/** Reminds every recipient that has not submitted: unopened links are replaced by fresh ones. */
export async function remindSurvey(
  db: Db,
  principal: Principal | null,
  id: string,
  deps: SurveyDeps,
  now: Date,
): Promise<SendOutcome> {
  const who = analyst(principal);
  const survey = await findSurvey(db, id);
  if (!survey) throw new AppError('SURVEY_NOT_FOUND', `No survey "${id}"`);
  if (survey.status !== 'open') throw new AppError('SURVEY_NOT_OPEN', 'Only an open survey can be reminded');
  const pending = (await listRecipients(db, id)).filter((r) => r.status !== 'submitted').map((r) => r.organisationId);
  const directory = new Map((await findEnterprises(db, survey.target)).map((e) => [e.id, e]));
  const recipients = pending.map((orgId) => ({
    id: orgId,
    name: directory.get(orgId)?.name ?? orgId,
    contactEmail: directory.get(orgId)?.contactEmail ?? null,
  }));
  const at = now.toISOString();
  await revokeUnusedInvitations(db, id, pending, at);
  await markReminded(db, id, pending, at);
  const sent = await issueLinks(db, survey, recipients, deps, now);
  await writeAuditEvent(db, {
    at: now,
    actorUserId: who.userId,
    actorName: who.displayName,
    organisationId: who.organisationId,
    action: 'survey.remind',
    objectType: 'survey',
    objectId: id,
    outcome: 'success',
    detail: { reminded: pending.length, mailed: sent.mailed },
  });
  return { survey, recipients: pending.length, ...sent };
}

export async function closeSurvey(db: Db, principal: Principal | null, id: string, now: Date): Promise<Survey> {
  analyst(principal);
  const survey = await findSurvey(db, id);
  if (!survey) throw new AppError('SURVEY_NOT_FOUND', `No survey "${id}"`);
  if (survey.status !== 'open') throw new AppError('SURVEY_NOT_OPEN', 'Only an open survey can be closed');
  await updateSurveyStatus(db, id, 'closed', now.toISOString());
  return (await findSurvey(db, id))!;
}

export interface Participation {
  invited: number;
  answering: number;
  submitted: number;
  responseRate: number;
  byType: { organisationType: string; invited: number; submitted: number }[];
}

export async function surveyOverview(
  db: Db,
  principal: Principal | null,
  id: string,
  k: number,
): Promise<{ survey: Survey; participation: Participation }> {
  analyst(principal);
  const survey = await findSurvey(db, id);
  if (!survey) throw new AppError('SURVEY_NOT_FOUND', `No survey "${id}"`);
  const recipients = await listRecipients(db, id);
  const types = new Map((await findEnterprises(db, survey.target)).map((e) => [e.id, e.organisationType]));
  const byType = new Map<string, { invited: number; submitted: number }>();
  for (const r of recipients) {
    const type = types.get(r.organisationId) ?? 'other';
    const entry = byType.get(type) ?? { invited: 0, submitted: 0 };
    entry.invited++;
    if (r.status === 'submitted') entry.submitted++;
    byType.set(type, entry);
  }
  // Participation per type follows the same rule as the statistics: types with fewer than k invited are merged.
  const merge = mergeSmallCategories(new Map([...byType].map(([type, n]) => [type, n.invited])), k, {
    ordinal: false,
    order: [],
  });
  const merged = new Map<string, { invited: number; submitted: number }>();
  for (const [type, n] of byType) {
    const id = merge.mapping.get(type) ?? 'other';
    const entry = merged.get(id) ?? { invited: 0, submitted: 0 };
    entry.invited += n.invited;
    entry.submitted += n.submitted;
    merged.set(id, entry);
  }
  const submitted = recipients.filter((r) => r.status === 'submitted').length;
  return {
    survey,
    participation: {
      invited: recipients.length,
      answering: recipients.filter((r) => r.status === 'answering').length,
      submitted,
      responseRate: recipients.length === 0 ? 0 : submitted / recipients.length,
      byType: [...merged]
        .filter(([, n]) => n.invited >= k)
        .map(([organisationType, n]) => ({ organisationType, ...n }))
        .sort((a, b) => b.invited - a.invited),
    },
  };
}

export async function listAllSurveys(
  db: Db,
  principal: Principal | null,
): Promise<(Survey & { participation: { invited: number; submitted: number } })[]> {
  analyst(principal);
  const out = [];
  for (const survey of await listSurveys(db)) {
    const recipients = await listRecipients(db, survey.id);
    out.push({
      ...survey,
      participation: {
        invited: recipients.length,
        submitted: recipients.filter((r) => r.status === 'submitted').length,
      },
    });
  }
  return out;
}
