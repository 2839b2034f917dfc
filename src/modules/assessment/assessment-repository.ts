/** All SQL for assessments, their answers and the action plan. */
import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import type { ActionTable, AnswerTable, AssessmentTable } from './tables.js';
import type {
  ActionItem,
  Answer,
  Answerer,
  Assessment,
  AssessmentPath,
  WorkflowStatus,
  ActionStatus,
  Effort,
  AnswerKind,
} from './types.js';

type Q = Kysely<Database>;
const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());
const date = (d: Date | string | null) =>
  d === null ? null : typeof d === 'string' ? d.slice(0, 10) : d.toISOString().slice(0, 10);

function toAssessment(row: Selectable<AssessmentTable>): Assessment & { shareAnonymously: boolean } {
  return {
    id: row.id,
    organisationId: row.organisation_id,
    frameworkId: row.framework_id,
    year: row.year,
    path: row.path as AssessmentPath,
    title: row.title,
    status: row.status as WorkflowStatus,
    createdAt: iso(row.created_at)!,
    createdBy: row.created_by,
    updatedAt: iso(row.updated_at)!,
    submittedAt: iso(row.submitted_at),
    submittedBy: row.submitted_by,
    approvedAt: iso(row.approved_at),
    approvedBy: row.approved_by,
    shareAnonymously: row.share_anonymously,
  };
}

function toAnswer(row: Selectable<AnswerTable>): Answer {
  return {
    requirementId: row.requirement_id,
    kind: row.kind as AnswerKind,
    level: row.level,
    targetLevel: row.target_level,
    notRelevantReason: row.not_relevant_reason,
    comment: row.comment,
    evidence: row.evidence as Answer['evidence'],
    answeredBy: row.answered_by,
    answeredAt: iso(row.answered_at)!,
    version: row.version,
  };
}

function toAction(row: Selectable<ActionTable>): ActionItem {
  return {
    id: row.id,
    organisationId: row.organisation_id,
    assessmentId: row.assessment_id,
    frameworkId: row.framework_id,
    requirementIds: row.requirement_ids,
    title: row.title,
    description: row.description,
    owner: row.owner,
    dueDate: date(row.due_date),
    status: row.status as ActionStatus,
    expectedLevel: row.expected_level,
    effort: row.effort as Effort | null,
    priority: row.priority,
    createdAt: iso(row.created_at)!,
    updatedAt: iso(row.updated_at)!,
    version: row.version,
  };
}

export type StoredAssessment = ReturnType<typeof toAssessment>;

export async function insertAssessment(db: Q, a: StoredAssessment): Promise<void> {
  await db
    .insertInto('assessment_assessment')
    .values({
      id: a.id,
      organisation_id: a.organisationId,
      framework_id: a.frameworkId,
      year: a.year,
      path: a.path,
      title: a.title,
      status: a.status,
      share_anonymously: a.shareAnonymously,
      created_at: a.createdAt,
      created_by: JSON.stringify(a.createdBy),
      updated_at: a.updatedAt,
      submitted_at: null,
      submitted_by: JSON.stringify(null),
      approved_at: null,
      approved_by: JSON.stringify(null),
    })
    .execute();
}

export async function findAssessment(db: Q, id: string): Promise<StoredAssessment | null> {
  const row = await db.selectFrom('assessment_assessment').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toAssessment(row) : null;
}

export async function listAssessments(db: Q, organisationId: string): Promise<StoredAssessment[]> {
  const rows = await db
    .selectFrom('assessment_assessment')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .orderBy('year', 'desc')
    .orderBy('created_at', 'desc')
    .execute();
  return rows.map(toAssessment);
}

export async function updateAssessmentStatus(
  db: Q,
  id: string,
  change: { status: WorkflowStatus; at: string; by?: Answerer; field?: 'submitted' | 'approved' },
): Promise<void> {
  await db
    .updateTable('assessment_assessment')
    .set({
      status: change.status,
      updated_at: change.at,
      ...(change.field === 'submitted'
        ? { submitted_at: change.at, submitted_by: JSON.stringify(change.by ?? null) }
        : {}),
      ...(change.field === 'approved'
        ? { approved_at: change.at, approved_by: JSON.stringify(change.by ?? null) }
        : {}),
    })
    .where('id', '=', id)
    .execute();
}

export async function updateAssessmentSettings(
  db: Q,
  id: string,
  at: string,
  patch: { title?: string; shareAnonymously?: boolean },
): Promise<void> {
  await db
    .updateTable('assessment_assessment')
    .set({
      updated_at: at,
      ...(patch.title !== undefined ? { title: patch.title } : {}),
      ...(patch.shareAnonymously !== undefined ? { share_anonymously: patch.shareAnonymously } : {}),
    })
    .where('id', '=', id)
    .execute();
}

export async function findAnswers(db: Q, assessmentId: string): Promise<Answer[]> {
  const rows = await db.selectFrom('assessment_answer').selectAll().where('assessment_id', '=', assessmentId).execute();
  return rows.map(toAnswer);
}

/** Locks the answer row (when it exists) for the rest of the transaction. */
export async function findAnswerForUpdate(db: Q, assessmentId: string, requirementId: string): Promise<Answer | null> {
  const row = await db
    .selectFrom('assessment_answer')
    .selectAll()
    .where('assessment_id', '=', assessmentId)
    .where('requirement_id', '=', requirementId)
    .forUpdate()
    .executeTakeFirst();
  return row ? toAnswer(row) : null;
}

export async function saveAnswer(db: Q, assessmentId: string, answer: Answer): Promise<void> {
  const values = {
    kind: answer.kind,
    level: answer.level,
    target_level: answer.targetLevel,
    not_relevant_reason: answer.notRelevantReason,
    comment: answer.comment,
    evidence: JSON.stringify(answer.evidence),
    answered_by: JSON.stringify(answer.answeredBy),
    answered_at: answer.answeredAt,
    version: answer.version,
  };
  await db
    .insertInto('assessment_answer')
    .values({ assessment_id: assessmentId, requirement_id: answer.requirementId, ...values })
    .onConflict((oc) => oc.columns(['assessment_id', 'requirement_id']).doUpdateSet(values))
    .execute();
}

export async function listActions(db: Q, organisationId: string): Promise<ActionItem[]> {
  const rows = await db
    .selectFrom('assessment_action')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .orderBy('priority', (ob) => ob.desc().nullsLast())
    .orderBy('created_at')
    .execute();
  return rows.map(toAction);
}

export async function findAction(db: Q, id: string): Promise<ActionItem | null> {
  const row = await db.selectFrom('assessment_action').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toAction(row) : null;
}

export async function plannedTemplates(db: Q, organisationId: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('assessment_action')
    .select('template_id')
    .where('organisation_id', '=', organisationId)
    .where('template_id', 'is not', null)
    .where('status', '!=', 'cancelled')
    .execute();
  return new Set(rows.map((r) => r.template_id!));
}

export async function insertAction(db: Q, action: ActionItem, templateId: string | null): Promise<void> {
  await db
    .insertInto('assessment_action')
    .values({
      id: action.id,
      organisation_id: action.organisationId,
      assessment_id: action.assessmentId,
      framework_id: action.frameworkId,
      requirement_ids: JSON.stringify(action.requirementIds),
      template_id: templateId,
      title: action.title,
      description: action.description,
      owner: action.owner,
      due_date: action.dueDate,
      status: action.status,
      expected_level: action.expectedLevel,
      effort: action.effort,
      priority: action.priority,
      created_at: action.createdAt,
      updated_at: action.updatedAt,
      version: action.version,
    })
    .execute();
}

/** Writes the action if it still has the version the change was based on; returns whether it did. */
export async function updateActionIfVersion(db: Q, action: ActionItem, basedOn: number): Promise<boolean> {
  const result = await db
    .updateTable('assessment_action')
    .set({
      title: action.title,
      description: action.description,
      owner: action.owner,
      due_date: action.dueDate,
      status: action.status,
      expected_level: action.expectedLevel,
      requirement_ids: JSON.stringify(action.requirementIds),
      updated_at: action.updatedAt,
      version: action.version,
    })
    .where('id', '=', action.id)
    .where('version', '=', basedOn)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function deleteAction(db: Q, id: string): Promise<void> {
  await db.deleteFrom('assessment_action').where('id', '=', id).execute();
}
