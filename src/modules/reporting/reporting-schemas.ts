/** JSON schemas of the reporting API (validation at the edge, serialisation, and the OpenAPI document). */
import { Type, type TSchema } from 'typebox';
import { limits } from './report-content.js';
import type { SectorReportSnapshot } from './sector-report-types.js';
import {
  contributionLevels,
  cycleStates,
  evidenceKinds,
  implementationStatuses,
  reportActions,
  reportStates,
} from './types.js';
import { workflowActions } from './report-workflow.js';

const literalUnion = <T extends string>(values: readonly T[]) => Type.Unsafe<T>({ type: 'string', enum: [...values] });
const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
/** A Date in code, an ISO 8601 string on the wire. */
export const DateTime = Type.Unsafe<Date>({ type: 'string', format: 'date-time' });
const DateText = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$', examples: ['2026-03-01'] });
const countsOf = <T extends string>(keys: readonly T[]) =>
  Type.Unsafe<Record<T, number>>({
    type: 'object',
    properties: Object.fromEntries(keys.map((k) => [k, { type: 'integer' }])),
    required: [...keys],
  });

export const StateCountsSchema = countsOf(reportStates);
export const StatusCountsSchema = countsOf(implementationStatuses);
export const IdParams = Type.Object({ id: Type.String({ maxLength: 80 }) });

const ReminderPolicySchema = Type.Object({
  beforeDays: Type.Array(Type.Integer({ minimum: 0, maximum: 365 }), { maxItems: 10 }),
  afterDays: Type.Array(Type.Integer({ minimum: 0, maximum: 365 }), { maxItems: 10 }),
});
const GapSchema = Type.Object({
  id: Type.String(),
  title: Type.String(),
  areaId: Type.String(),
  responsibleText: Type.String(),
});

export const CycleSchema = Type.Object({
  id: Type.String(),
  year: Type.Integer(),
  editionId: Type.String(),
  dueDate: Type.String(),
  state: literalUnion(cycleStates),
  openedAt: DateTime,
  openedBy: Type.String(),
  closedAt: Nullable(DateTime),
  delegations: Type.Record(Type.String(), Type.String()),
  reminderPolicy: ReminderPolicySchema,
  gap: Type.Array(GapSchema),
});
export const CycleSummarySchema = Type.Object({
  ...CycleSchema.properties,
  counts: StateCountsSchema,
  total: Type.Integer(),
});

export const OpenCycleBody = Type.Object(
  {
    year: Type.Integer({ minimum: 2000, maximum: 2100 }),
    dueDate: DateText,
    editionId: Type.Optional(Type.String({ maxLength: 40 })),
    delegations: Type.Optional(Type.Record(Type.String({ maxLength: 80 }), Type.String({ maxLength: 80 }))),
    reminderPolicy: Type.Optional(ReminderPolicySchema),
  },
  { additionalProperties: false },
);
export const ChangeCycleBody = Type.Object({ dueDate: DateText }, { additionalProperties: false });

const IndicatorSchema = Type.Object(
  {
    name: Type.String({ maxLength: limits.name }),
    value: Nullable(Type.Number()),
    unit: Type.String({ maxLength: limits.unit }),
    target: Nullable(Type.Number()),
    note: Type.String({ maxLength: limits.note }),
  },
  { additionalProperties: false },
);
const ContributionSchema = Type.Object(
  { level: literalUnion(contributionLevels), text: Type.String({ maxLength: limits.text }) },
  { additionalProperties: false },
);
const ContactSchema = Type.Object(
  {
    name: Type.String({ maxLength: limits.name }),
    email: Type.String({ maxLength: limits.name }),
    phone: Type.String({ maxLength: limits.phone }),
  },
  { additionalProperties: false },
);

export const ContentPatchSchema = {
  status: Type.Optional(Nullable(literalUnion(implementationStatuses))),
  progress: Type.Optional(Type.String({ maxLength: limits.longText })),
  contribution: Type.Optional(ContributionSchema),
  indicators: Type.Optional(Type.Array(IndicatorSchema, { maxItems: limits.indicators })),
  nextSteps: Type.Optional(Type.String({ maxLength: limits.text })),
  blockers: Type.Optional(Type.String({ maxLength: limits.text })),
  contact: Type.Optional(ContactSchema),
};
const ExpectedRevision = Type.Optional(
  Type.Integer({ minimum: 1, description: 'The revision the change was made from; refused if the report moved on' }),
);
export const EditReportBody = Type.Object(
  { ...ContentPatchSchema, expectedRevision: ExpectedRevision },
  { additionalProperties: false },
);
export const ReturnReportBody = Type.Object(
  { comment: Type.String({ minLength: 1, maxLength: limits.text }), expectedRevision: ExpectedRevision },
  { additionalProperties: false },
);
export const ApproveReportBody = Type.Object({ expectedRevision: ExpectedRevision }, { additionalProperties: false });

export const EvidenceSchema = Type.Object({
  id: Type.String(),
  kind: literalUnion(evidenceKinds),
  title: Type.String(),
  url: Nullable(Type.String()),
  fileName: Nullable(Type.String()),
  mediaType: Nullable(Type.String()),
  sizeBytes: Nullable(Type.Integer()),
  sha256: Nullable(Type.String()),
  addedAt: DateTime,
  addedBy: Type.String(),
});
export const EvidenceLinkBody = Type.Object(
  { title: Type.String({ maxLength: limits.name }), url: Type.String({ maxLength: limits.url }) },
  { additionalProperties: false },
);

const ActorRefSchema = Type.Object({ id: Type.String(), name: Type.String(), shortName: Type.String() });
const reportSummaryFields = {
  id: Type.String(),
  cycleId: Type.String(),
  year: Type.Integer(),
  measure: Type.Object({ id: Type.String(), title: Type.String(), areaId: Type.String(), areaName: Type.String() }),
  actor: ActorRefSchema,
  reporterActor: ActorRefSchema,
  state: literalUnion(reportStates),
  status: Nullable(literalUnion(implementationStatuses)),
  revision: Type.Integer(),
  updatedAt: DateTime,
  submittedAt: Nullable(DateTime),
  approvedAt: Nullable(DateTime),
  reviewComment: Nullable(Type.String()),
};
export const ReportSummarySchema = Type.Object(reportSummaryFields);
export const ReportListQuery = Type.Object({
  cycleId: Type.Optional(Type.String({ maxLength: 80 })),
  state: Type.Optional(literalUnion(reportStates)),
  actorId: Type.Optional(Type.String({ maxLength: 80 })),
  measureId: Type.Optional(Type.String({ maxLength: 20 })),
});

const contentFields = {
  progress: Type.String(),
  contribution: ContributionSchema,
  indicators: Type.Array(IndicatorSchema),
  nextSteps: Type.String(),
  blockers: Type.String(),
};
export const ReportViewSchema = Type.Object({
  ...reportSummaryFields,
  ...contentFields,
  editionId: Type.String(),
  measureDetail: Type.Object({ description: Type.String(), areaGoal: Type.String(), kind: Type.String() }),
  contact: ContactSchema,
  evidence: Type.Array(EvidenceSchema),
  updatedBy: Nullable(Type.String()),
  approvedBy: Nullable(Type.String()),
  cycle: Nullable(
    Type.Object({ id: Type.String(), year: Type.Integer(), dueDate: Type.String(), state: Type.String() }),
  ),
  actions: Type.Array(
    Type.Object({ action: literalUnion(workflowActions), allowed: Type.Boolean(), reason: Nullable(Type.String()) }),
  ),
  earlier: Type.Array(
    Type.Object({
      id: Type.String(),
      year: Type.Integer(),
      status: Nullable(literalUnion(implementationStatuses)),
      ...contentFields,
      approvedAt: Nullable(DateTime),
    }),
  ),
});

export const RevisionSchema = Type.Object({
  reportId: Type.String(),
  revision: Type.Integer(),
  at: DateTime,
  authorUserId: Nullable(Type.String()),
  authorName: Type.String(),
  action: literalUnion(reportActions),
  state: literalUnion(reportStates),
  comment: Nullable(Type.String()),
  changedFields: Type.Array(Type.String()),
  content: Type.Object({
    status: Nullable(literalUnion(implementationStatuses)),
    ...contentFields,
    contact: ContactSchema,
  }),
});

export const OverviewSchema = Type.Object({
  cycle: CycleSchema,
  daysLeft: Type.Integer(),
  counts: StateCountsSchema,
  total: Type.Integer(),
  actors: Type.Array(
    Type.Object({
      actorId: Type.String(),
      name: Type.String(),
      shortName: Type.String(),
      expected: Type.Integer(),
      counts: StateCountsSchema,
      outstanding: Type.Array(
        Type.Object({
          reportId: Type.String(),
          measureId: Type.String(),
          measureTitle: Type.String(),
          state: literalUnion(reportStates),
        }),
      ),
      lastReminder: Nullable(Type.Object({ kind: Type.String(), sentAt: DateTime })),
      reminders: Type.Integer(),
      contacts: Type.Integer(),
    }),
  ),
  outbox: Type.Object({ pending: Type.Integer(), sent: Type.Integer(), failed: Type.Integer() }),
});

export const RemindBody = Type.Object({ actorId: Type.String({ maxLength: 80 }) }, { additionalProperties: false });
export const SentReminderSchema = Type.Object({
  cycleId: Type.String(),
  actorId: Type.String(),
  kind: Type.String(),
  timing: literalUnion(['before', 'after'] as const),
  days: Type.Integer(),
  reportIds: Type.Array(Type.String()),
  recipients: Type.Integer(),
});

/** The frozen snapshot (see SectorReportSnapshot in the code); documented by example rather than field by field. */
export const SnapshotSchema = Type.Unsafe<SectorReportSnapshot>({
  type: 'object',
  additionalProperties: true,
  description: 'The compiled sector report: totals, status overall/by area/by actor, reports, gap, trend, changes',
});
const publicationFields = {
  id: Type.String(),
  cycleId: Type.String(),
  year: Type.Integer(),
  version: Type.Integer(),
  title: Type.String(),
  publishedAt: DateTime,
  publishedBy: Type.String(),
  contentHash: Type.String(),
};
export const PublicationSchema = Type.Object(publicationFields);
export const PublishedSchema = Type.Object({ ...publicationFields, snapshot: SnapshotSchema });
export const ExportQuery = Type.Object({
  lang: Type.Optional(literalUnion(['nb', 'en'] as const)),
  delimiter: Type.Optional(literalUnion(['comma', 'semicolon'] as const)),
});

export const ContactSchemaBody = Type.Object(
  {
    actorId: Type.String({ maxLength: 80 }),
    email: Type.String({ maxLength: 200 }),
    name: Type.String({ maxLength: 200 }),
  },
  { additionalProperties: false },
);
export const ContactParams = Type.Object({
  actorId: Type.String({ maxLength: 80 }),
  email: Type.String({ maxLength: 200 }),
});

export const NotificationSchema = Type.Object({
  id: Type.Integer(),
  actorId: Type.String(),
  cycleId: Nullable(Type.String()),
  reportId: Nullable(Type.String()),
  kind: Type.String(),
  params: Type.Record(Type.String(), Type.Unknown()),
  createdAt: DateTime,
  readAt: Nullable(DateTime),
});
export const NotificationParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });

export const TodoSchema = Type.Object({
  items: Type.Array(Type.Object({ ...reportSummaryFields, dueDate: Type.String(), daysLeft: Type.Integer() })),
  counts: StateCountsSchema,
  notifications: Type.Array(NotificationSchema),
  unread: Type.Integer(),
});

const GroupSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  expected: Type.Integer(),
  approved: Type.Integer(),
  counts: StatusCountsSchema,
  inPlaceShare: Nullable(Type.Number()),
});
const TrendPointSchema = Type.Object({
  year: Type.Integer(),
  approved: Type.Integer(),
  counts: StatusCountsSchema,
  inPlaceShare: Nullable(Type.Number()),
});
export const DashboardSchema = Type.Object({
  published: Type.Array(
    Type.Object({
      id: Type.String(),
      year: Type.Integer(),
      version: Type.Integer(),
      publishedAt: DateTime,
      approved: Type.Integer(),
      expected: Type.Integer(),
      inPlaceShare: Nullable(Type.Number()),
    }),
  ),
  latest: Nullable(
    Type.Object({
      year: Type.Integer(),
      reportId: Type.String(),
      overall: StatusCountsSchema,
      byArea: Type.Array(GroupSchema),
      byActor: Type.Array(GroupSchema),
      gap: Type.Array(GapSchema),
      changes: Type.Record(Type.String(), Type.Integer()),
      totals: Type.Object({
        expected: Type.Integer(),
        approved: Type.Integer(),
        missing: Type.Integer(),
        measures: Type.Integer(),
        unplaced: Type.Integer(),
      }),
    }),
  ),
  trend: Type.Array(TrendPointSchema),
  areaTrend: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), points: Type.Array(TrendPointSchema) })),
  openCycles: Type.Array(
    Type.Object({
      id: Type.String(),
      year: Type.Integer(),
      dueDate: Type.String(),
      daysLeft: Type.Integer(),
      total: Type.Integer(),
      counts: StateCountsSchema,
    }),
  ),
});
