/**
 * The respondent's side of surveys: an enterprise answers a survey it was sent, either logged in (acting for that
 * enterprise) or through its personal link without logging in. Opening a link spends it and hands out an answer key
 * that reaches only that questionnaire for that enterprise. Drafts are saved as the user goes (with version checks);
 * on submission the answers become indicator facts for the year.
 */
import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import type { Principal } from '../../platform/http/access.js';
import { writeAuditEvent } from '../audit/index.js';
import { actingEnterprise } from './assessment-access.js';
import { getEnterprise } from './enterprise-directory.js';
import { replaceFacts } from './fact-repository.js';
import {
  answerKeyState,
  encodeToken,
  hashToken,
  invitationState,
  isWellFormedToken,
  tokenBytes,
} from './invitation-token.js';
import { checkAnswers, questionsFor } from './questionnaire.js';
import { answersToFacts } from './survey-facts.js';
import {
  findInvitationByAnswerKey,
  findInvitationForUpdate,
  findRecipient,
  findResponse,
  findSurvey,
  redeemInvitation,
  saveResponse,
  setRecipientStatus,
  surveysForOrganisation,
} from './survey-repository.js';
import type { Question, Survey, SurveyAnswers, SurveyResponse } from './survey-types.js';
import type { EnterpriseProfile } from './types.js';

export interface ResponseView {
  survey: Pick<Survey, 'id' | 'title' | 'description' | 'year' | 'status' | 'closesAt'>;
  enterprise: { id: string; name: string };
  questions: Question[];
  response: SurveyResponse | null;
}

interface Respondent {
  organisationId: string;
  /** Who saved it, for the record: `user:<id>` or `invitation`. */
  by: string;
}

async function context(db: Db, surveyId: string, organisationId: string) {
  const survey = await findSurvey(db, surveyId);
  const recipient = survey ? await findRecipient(db, surveyId, organisationId) : null;
  // Not sent to this enterprise looks the same as not existing.
  if (!survey || !recipient || survey.status === 'draft') throw new AppError('SURVEY_NOT_FOUND', 'No such survey');
  const enterprise = await getEnterprise(db, organisationId);
  const questions = questionsFor(survey.questionnaire, enterprise?.sizeClass ?? recipient.sizeClass);
  return { survey, enterprise, questions };
}

function view(
  survey: Survey,
  enterprise: EnterpriseProfile | null,
  organisationId: string,
  questions: Question[],
  response: SurveyResponse | null,
): ResponseView {
  return {
    survey: {
      id: survey.id,
      title: survey.title,
      description: survey.description,
      year: survey.year,
      status: survey.status,
      closesAt: survey.closesAt,
    },
    enterprise: { id: organisationId, name: enterprise?.name ?? organisationId },
    questions,
    response,
  };
}

async function read(db: Db, surveyId: string, who: Respondent): Promise<ResponseView> {
  const { survey, enterprise, questions } = await context(db, surveyId, who.organisationId);
  return view(survey, enterprise, who.organisationId, questions, await findResponse(db, surveyId, who.organisationId));
}

export type SaveResponseOutcome =
  { ok: true; response: SurveyResponse } | { ok: false; current: SurveyResponse | null };

async function write(
  db: Db,
  surveyId: string,
  who: Respondent,
  answers: SurveyAnswers,
  basedOn: number,
  submit: boolean,
  now: Date,
): Promise<SaveResponseOutcome> {
  const { survey, enterprise, questions } = await context(db, surveyId, who.organisationId);
  if (survey.status !== 'open') throw new AppError('SURVEY_NOT_OPEN', 'The survey is closed');
  if (survey.closesAt && new Date(survey.closesAt).getTime() <= now.getTime())
    throw new AppError('SURVEY_NOT_OPEN', 'The survey has closed');
  return db.transaction().execute(async (trx) => {
    const current = await findResponse(trx, surveyId, who.organisationId, true);
    if (current?.status === 'submitted')
      throw new AppError('RESPONSE_SUBMITTED', 'The answers have already been submitted');
    if ((current?.version ?? 0) !== basedOn) return { ok: false as const, current };
    const merged = { ...(current?.answers ?? {}), ...answers };
    const problems = checkAnswers(questions, merged, { final: submit });
    if (problems.length > 0)
      throw new AppError(
        'VALIDATION_FAILED',
        submit ? 'Some answers are missing or not valid' : 'Some answers are not valid',
        problems,
      );
    const at = now.toISOString();
    const response: SurveyResponse = {
      surveyId,
      organisationId: who.organisationId,
      answers: merged,
      status: submit ? 'submitted' : 'draft',
      version: (current?.version ?? 0) + 1,
      updatedAt: at,
      submittedAt: submit ? at : null,
    };
    await saveResponse(trx, response, who.by);
    await setRecipientStatus(trx, surveyId, who.organisationId, submit ? 'submitted' : 'answering', at);
    if (submit && enterprise) await replaceFacts(trx, answersToFacts(questions, merged, enterprise, survey.year), at);
    return { ok: true as const, response };
  });
}

// ---------------------------------------------------------------- logged in

export async function surveysToAnswer(db: Db, principal: Principal | null) {
  const { organisationId } = actingEnterprise(principal);
  return (await surveysForOrganisation(db, organisationId)).filter((s) => s.status !== 'draft');
}

export async function readOwnResponse(db: Db, principal: Principal | null, surveyId: string): Promise<ResponseView> {
  const { principal: who, organisationId } = actingEnterprise(principal);
  return read(db, surveyId, { organisationId, by: `user:${who.userId}` });
}

export async function saveOwnResponse(
  db: Db,
  principal: Principal | null,
  surveyId: string,
  answers: SurveyAnswers,
  basedOn: number,
  submit: boolean,
  now: Date,
) {
  const { principal: who, organisationId } = actingEnterprise(principal);
  return write(db, surveyId, { organisationId, by: `user:${who.userId}` }, answers, basedOn, submit, now);
}

// ---------------------------------------------------------------- through a personal link

/**
 * Opens a personal link: spends it (it works once) and returns an answer key for this questionnaire and enterprise.
 * Every refusal says only that the link is not valid, used or expired.
 */
export async function openInvitation(
  db: Db,
  token: string,
  random: (size: number) => Uint8Array,
  now: Date,
  origin: { ip?: string | null; userAgent?: string | null } = {},
) {
  if (!isWellFormedToken(token)) throw new AppError('INVITATION_INVALID', 'The link is not valid');
  const tokenHash = hashToken(token);
  const answerKey = encodeToken(random(tokenBytes));
  const outcome = await db.transaction().execute(async (trx) => {
    const invitation = await findInvitationForUpdate(trx, tokenHash);
    if (!invitation) return { error: 'INVITATION_INVALID' as const, invitation: null };
    const state = invitationState(invitation, now);
    if (state === 'used') return { error: 'INVITATION_USED' as const, invitation };
    if (state === 'expired' || state === 'revoked') return { error: 'INVITATION_EXPIRED' as const, invitation };
    if (!(await redeemInvitation(trx, tokenHash, hashToken(answerKey), now.toISOString())))
      return { error: 'INVITATION_USED' as const, invitation };
    return { invitation, error: null };
  });
  await writeAuditEvent(db, {
    at: now,
    actorUserId: null,
    organisationId: outcome.invitation?.organisationId ?? null,
    action: 'survey.invitation-open',
    objectType: 'survey',
    objectId: outcome.invitation?.surveyId ?? null,
    outcome: outcome.error ? 'denied' : 'success',
    ip: origin.ip ?? null,
    userAgent: origin.userAgent ?? null,
    detail: outcome.error ? { reason: outcome.error } : {},
  });
  if (outcome.error || !outcome.invitation) {
    const messages = {
      INVITATION_INVALID: 'The link is not valid',
      INVITATION_USED: 'The link has already been used',
      INVITATION_EXPIRED: 'The link has expired',
    };
    const code = outcome.error ?? 'INVITATION_INVALID';
    throw new AppError(code, messages[code]);
  }
  return { answerKey, surveyId: outcome.invitation.surveyId, expiresAt: outcome.invitation.expiresAt.toISOString() };
}

async function respondentByKey(db: Db, answerKey: string, now: Date): Promise<Respondent & { surveyId: string }> {
  if (!isWellFormedToken(answerKey)) throw new AppError('INVITATION_INVALID', 'The answer key is not valid');
  const invitation = await findInvitationByAnswerKey(db, hashToken(answerKey));
  if (!invitation) throw new AppError('INVITATION_INVALID', 'The answer key is not valid');
  if (answerKeyState(invitation, now) === 'expired') throw new AppError('INVITATION_EXPIRED', 'The link has expired');
  return { organisationId: invitation.organisationId, by: 'invitation', surveyId: invitation.surveyId };
}

export async function readResponseByKey(db: Db, answerKey: string, now: Date): Promise<ResponseView> {
  const who = await respondentByKey(db, answerKey, now);
  return read(db, who.surveyId, who);
}

export async function saveResponseByKey(
  db: Db,
  answerKey: string,
  answers: SurveyAnswers,
  basedOn: number,
  submit: boolean,
  now: Date,
) {
  const who = await respondentByKey(db, answerKey, now);
  return write(db, who.surveyId, who, answers, basedOn, submit, now);
}
