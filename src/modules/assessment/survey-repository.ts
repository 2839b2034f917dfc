/** All SQL for surveys, their recipients, invitation links and responses. */
import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import type { ResponseTable, SurveyTable } from './tables.js';
import type {
  Questionnaire,
  RecipientStatus,
  Survey,
  SurveyAnswers,
  SurveyResponse,
  SurveyStatus,
  SurveyTarget,
} from './survey-types.js';

type Q = Kysely<Database>;
const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

function toSurvey(row: Selectable<SurveyTable>): Survey {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    year: row.year,
    status: row.status as SurveyStatus,
    questionnaire: row.questionnaire as Questionnaire,
    target: row.target as SurveyTarget,
    invitationDays: row.invitation_days,
    createdAt: iso(row.created_at)!,
    createdBy: row.created_by,
    openedAt: iso(row.opened_at),
    closesAt: iso(row.closes_at),
    closedAt: iso(row.closed_at),
  };
}

function toResponse(row: Selectable<ResponseTable>): SurveyResponse {
  return {
    surveyId: row.survey_id,
    organisationId: row.organisation_id,
    answers: row.answers as SurveyAnswers,
    status: row.status as 'draft' | 'submitted',
    version: row.version,
    updatedAt: iso(row.updated_at)!,
    submittedAt: iso(row.submitted_at),
  };
}

export async function insertSurvey(db: Q, s: Survey): Promise<void> {
  await db
    .insertInto('assessment_survey')
    .values({
      id: s.id,
      title: JSON.stringify(s.title),
      description: JSON.stringify(s.description),
      year: s.year,
      status: s.status,
      questionnaire: JSON.stringify(s.questionnaire),
      target: JSON.stringify(s.target),
      invitation_days: s.invitationDays,
      created_at: s.createdAt,
      created_by: s.createdBy,
      opened_at: s.openedAt,
      closes_at: s.closesAt,
      closed_at: s.closedAt,
    })
    .execute();
}

export async function findSurvey(db: Q, id: string): Promise<Survey | null> {
  const row = await db.selectFrom('assessment_survey').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toSurvey(row) : null;
}

export async function listSurveys(db: Q): Promise<Survey[]> {
  return (
    await db.selectFrom('assessment_survey').selectAll().orderBy('year', 'desc').orderBy('created_at', 'desc').execute()
  ).map(toSurvey);
}

export async function updateSurveyStatus(
  db: Q,
  id: string,
  status: SurveyStatus,
  at: string,
  closesAt?: string | null,
): Promise<void> {
  await db
    .updateTable('assessment_survey')
    .set({
      status,
      ...(status === 'open' ? { opened_at: at, closes_at: closesAt ?? null } : {}),
      ...(status === 'closed' ? { closed_at: at } : {}),
    })
    .where('id', '=', id)
    .execute();
}

export interface RecipientRow {
  organisationId: string;
  status: RecipientStatus;
  sizeClass: string | null;
  invitedAt: string;
  lastRemindedAt: string | null;
  reminders: number;
  submittedAt: string | null;
}

export async function insertRecipients(
  db: Q,
  surveyId: string,
  rows: readonly { organisationId: string; sizeClass: string }[],
  at: string,
): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) {
    await db
      .insertInto('assessment_survey_recipient')
      .values(
        rows.slice(i, i + 1000).map((r) => ({
          survey_id: surveyId,
          organisation_id: r.organisationId,
          status: 'invited',
          size_class: r.sizeClass,
          invited_at: at,
          last_reminded_at: null,
          reminders: 0,
          submitted_at: null,
        })),
      )
      .onConflict((oc) => oc.columns(['survey_id', 'organisation_id']).doNothing())
      .execute();
  }
}

export async function listRecipients(db: Q, surveyId: string): Promise<RecipientRow[]> {
  const rows = await db
    .selectFrom('assessment_survey_recipient')
    .selectAll()
    .where('survey_id', '=', surveyId)
    .execute();
  return rows.map((r) => ({
    organisationId: r.organisation_id,
    status: r.status as RecipientStatus,
    sizeClass: r.size_class,
    invitedAt: iso(r.invited_at)!,
    lastRemindedAt: iso(r.last_reminded_at),
    reminders: r.reminders,
    submittedAt: iso(r.submitted_at),
  }));
}

export async function findRecipient(db: Q, surveyId: string, organisationId: string): Promise<RecipientRow | null> {
  const rows = await db
    .selectFrom('assessment_survey_recipient')
    .selectAll()
    .where('survey_id', '=', surveyId)
    .where('organisation_id', '=', organisationId)
    .execute();
  const r = rows[0];
  return r
    ? {
        organisationId: r.organisation_id,
        status: r.status as RecipientStatus,
        sizeClass: r.size_class,
        invitedAt: iso(r.invited_at)!,
        lastRemindedAt: iso(r.last_reminded_at),
        reminders: r.reminders,
        submittedAt: iso(r.submitted_at),
      }
    : null;
}

/** The surveys an organisation has been asked to answer. */
export async function surveysForOrganisation(
  db: Q,
  organisationId: string,
): Promise<(Survey & { recipientStatus: RecipientStatus })[]> {
  const rows = await db
    .selectFrom('assessment_survey')
    .innerJoin('assessment_survey_recipient', 'assessment_survey_recipient.survey_id', 'assessment_survey.id')
    .selectAll('assessment_survey')
    .select('assessment_survey_recipient.status as recipient_status')
    .where('assessment_survey_recipient.organisation_id', '=', organisationId)
    .orderBy('assessment_survey.year', 'desc')
    .execute();
  return rows.map((r) => ({ ...toSurvey(r), recipientStatus: r.recipient_status as RecipientStatus }));
}

export async function setRecipientStatus(
  db: Q,
  surveyId: string,
  organisationId: string,
  status: RecipientStatus,
  at: string,
): Promise<void> {
  await db
    .updateTable('assessment_survey_recipient')
    .set({ status, ...(status === 'submitted' ? { submitted_at: at } : {}) })
    .where('survey_id', '=', surveyId)
    .where('organisation_id', '=', organisationId)
    .execute();
}

export async function markReminded(
  db: Q,
  surveyId: string,
  organisationIds: readonly string[],
  at: string,
): Promise<void> {
  if (organisationIds.length === 0) return;
  await db
    .updateTable('assessment_survey_recipient')
    .set((eb) => ({ last_reminded_at: at, reminders: eb('reminders', '+', 1) }))
    .where('survey_id', '=', surveyId)
    .where('organisation_id', 'in', [...organisationIds])
    .execute();
}

// ---------------------------------------------------------------- invitations

export async function insertInvitations(
  db: Q,
  rows: readonly {
    tokenHash: string;
    surveyId: string;
    organisationId: string;
    createdAt: string;
    expiresAt: string;
  }[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) {
    await db
      .insertInto('assessment_survey_invitation')
      .values(
        rows.slice(i, i + 1000).map((r) => ({
          token_hash: r.tokenHash,
          survey_id: r.surveyId,
          organisation_id: r.organisationId,
          created_at: r.createdAt,
          expires_at: r.expiresAt,
          used_at: null,
          revoked_at: null,
          answer_key_hash: null,
        })),
      )
      .execute();
  }
}

/** Revokes the recipients' links that were never opened (a reminder brings a fresh one). */
export async function revokeUnusedInvitations(
  db: Q,
  surveyId: string,
  organisationIds: readonly string[],
  at: string,
): Promise<void> {
  if (organisationIds.length === 0) return;
  await db
    .updateTable('assessment_survey_invitation')
    .set({ revoked_at: at })
    .where('survey_id', '=', surveyId)
    .where('organisation_id', 'in', [...organisationIds])
    .where('used_at', 'is', null)
    .where('revoked_at', 'is', null)
    .execute();
}

export interface InvitationRow {
  tokenHash: string;
  surveyId: string;
  organisationId: string;
  expiresAt: Date;
  usedAt: Date | null;
  revokedAt: Date | null;
}

const toInvitation = (r: Selectable<Database['assessment_survey_invitation']>): InvitationRow => ({
  tokenHash: r.token_hash,
  surveyId: r.survey_id,
  organisationId: r.organisation_id,
  expiresAt: new Date(r.expires_at),
  usedAt: r.used_at ? new Date(r.used_at) : null,
  revokedAt: r.revoked_at ? new Date(r.revoked_at) : null,
});

export async function findInvitationForUpdate(db: Q, tokenHash: string): Promise<InvitationRow | null> {
  const row = await db
    .selectFrom('assessment_survey_invitation')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .forUpdate()
    .executeTakeFirst();
  return row ? toInvitation(row) : null;
}

export async function findInvitationByAnswerKey(db: Q, keyHash: string): Promise<InvitationRow | null> {
  const row = await db
    .selectFrom('assessment_survey_invitation')
    .selectAll()
    .where('answer_key_hash', '=', keyHash)
    .executeTakeFirst();
  return row ? toInvitation(row) : null;
}

/** Marks the link used and stores the answer key's hash, only if nobody used it first. */
export async function redeemInvitation(db: Q, tokenHash: string, keyHash: string, at: string): Promise<boolean> {
  const result = await db
    .updateTable('assessment_survey_invitation')
    .set({ used_at: at, answer_key_hash: keyHash })
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

// ---------------------------------------------------------------- responses

export async function findResponse(
  db: Q,
  surveyId: string,
  organisationId: string,
  forUpdate = false,
): Promise<SurveyResponse | null> {
  let query = db
    .selectFrom('assessment_survey_response')
    .selectAll()
    .where('survey_id', '=', surveyId)
    .where('organisation_id', '=', organisationId);
  if (forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row ? toResponse(row) : null;
}

export async function saveResponse(db: Q, r: SurveyResponse, answeredBy: string): Promise<void> {
  const values = {
    answers: JSON.stringify(r.answers),
    status: r.status,
    version: r.version,
    updated_at: r.updatedAt,
    submitted_at: r.submittedAt,
    answered_by: answeredBy,
  };
  await db
    .insertInto('assessment_survey_response')
    .values({ survey_id: r.surveyId, organisation_id: r.organisationId, ...values })
    .onConflict((oc) => oc.columns(['survey_id', 'organisation_id']).doUpdateSet(values))
    .execute();
}

export async function countResponses(db: Q, surveyId: string): Promise<{ submitted: number; draft: number }> {
  const rows = await db
    .selectFrom('assessment_survey_response')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('survey_id', '=', surveyId)
    .groupBy('status')
    .execute();
  return {
    submitted: Number(rows.find((r) => r.status === 'submitted')?.n ?? 0),
    draft: Number(rows.find((r) => r.status === 'draft')?.n ?? 0),
  };
}

export async function insertResponses(db: Q, rows: readonly SurveyResponse[], answeredBy: string): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    await db
      .insertInto('assessment_survey_response')
      .values(
        rows.slice(i, i + 500).map((r) => ({
          survey_id: r.surveyId,
          organisation_id: r.organisationId,
          answers: JSON.stringify(r.answers),
          status: r.status,
          version: r.version,
          updated_at: r.updatedAt,
          submitted_at: r.submittedAt,
          answered_by: answeredBy,
        })),
      )
      .onConflict((oc) => oc.columns(['survey_id', 'organisation_id']).doNothing())
      .execute();
  }
}

export async function updateRecipientsSubmitted(
  db: Q,
  surveyId: string,
  organisationIds: readonly string[],
  at: string,
): Promise<void> {
  for (let i = 0; i < organisationIds.length; i += 1000) {
    await db
      .updateTable('assessment_survey_recipient')
      .set({ status: 'submitted', submitted_at: at })
      .where('survey_id', '=', surveyId)
      .where('organisation_id', 'in', organisationIds.slice(i, i + 1000))
      .execute();
  }
}
