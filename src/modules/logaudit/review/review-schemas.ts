/** JSON schemas of the log-review API (validation at the edge, and the OpenAPI document). */
import { Type, type TSchema } from 'typebox';
import { caseStatuses, decisionOutcomes, followUpRoles, legitimateKinds, ruleStatuses } from './types.js';

const literalUnion = <T extends string>(values: readonly T[]) => Type.Unsafe<T>({ type: 'string', enum: [...values] });
const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const DateTime = Type.Unsafe<Date>({ type: 'string', format: 'date-time' });
const Day = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$', maxLength: 10 });
/** An object whose fields are documented in the code (summaries, workspace views): passed through as they are. */
const Open = (description: string) => Type.Object({}, { additionalProperties: true, description });

export const Lang = literalUnion(['nb', 'en'] as const);
export const DatasetParams = Type.Object({ datasetId: Type.String({ maxLength: 80 }) });
export const RunParams = Type.Object({
  datasetId: Type.String({ maxLength: 80 }),
  runId: Type.String({ maxLength: 80 }),
});
export const CaseParams = Type.Object({
  datasetId: Type.String({ maxLength: 80 }),
  caseId: Type.String({ maxLength: 80 }),
});
export const DecisionParams = Type.Object({
  datasetId: Type.String({ maxLength: 80 }),
  caseId: Type.String({ maxLength: 80 }),
  decisionId: Type.String({ maxLength: 80 }),
});
export const RuleParams = Type.Object({ ruleId: Type.String({ maxLength: 80 }) });
export const FolderParams = Type.Object({ folderId: Type.String({ maxLength: 80 }) });

export const DatasetSchema = Type.Object({
  id: Type.String(),
  organisationId: Type.String(),
  name: Type.String(),
  sourceKind: literalUnion(['upload', 'folder'] as const),
  folderId: Nullable(Type.String()),
  reviewCapacity: Type.Integer(),
  findingBudget: Nullable(Type.Integer()),
  patientLogNames: Type.Boolean(),
  createdAt: DateTime,
});

export const FolderSchema = Type.Object({
  id: Type.String(),
  organisationId: Type.String(),
  path: Type.String(),
  label: Type.String(),
  source: literalUnion(['env', 'admin'] as const),
  addedAt: DateTime,
});

export const RunSchema = Type.Object({
  id: Type.String(),
  datasetId: Type.String(),
  status: literalUnion(['queued', 'running', 'succeeded', 'failed'] as const),
  phase: Type.String(),
  progress: Type.Number(),
  summary: Nullable(
    Open('events, eventsAdded, explainedShare, findings, cases, newCases, durationMs, histogram, daily, ingested …'),
  ),
  error: Nullable(Open('code, message, details')),
  queuedAt: DateTime,
  startedAt: Nullable(DateTime),
  finishedAt: Nullable(DateTime),
});

export const UploadSchema = Type.Object({
  id: Type.String(),
  files: Type.Array(Type.Object({ name: Type.String(), bytes: Type.Integer(), sha256: Type.String() })),
  uploadedAt: DateTime,
  ingestedByRun: Nullable(Type.String()),
});

export const DatasetOverviewSchema = Type.Object({
  dataset: DatasetSchema,
  folder: Nullable(FolderSchema),
  latestRun: Nullable(RunSchema),
  activeRun: Nullable(RunSchema),
  openCases: Type.Integer(),
  pendingApproval: Type.Integer(),
});

export const DatasetBody = Type.Object(
  {
    name: Type.String({ minLength: 2, maxLength: 120 }),
    source: literalUnion(['upload', 'folder'] as const),
    folderId: Type.Optional(Nullable(Type.String({ maxLength: 80 }))),
    reviewCapacity: Type.Optional(Type.Integer({ minimum: 1, maximum: 10000 })),
    findingBudget: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 1000000 }))),
    patientLogNames: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

export const DatasetSettingsBody = Type.Object(
  {
    name: Type.String({ minLength: 2, maxLength: 120 }),
    reviewCapacity: Type.Optional(Type.Integer({ minimum: 1, maximum: 10000 })),
    findingBudget: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 1000000 }))),
    patientLogNames: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

export const CaseQuery = Type.Object({
  status: Type.Optional(literalUnion([...caseStatuses, 'active', 'all'] as const)),
  reason: Type.Optional(Type.String({ maxLength: 60 })),
  department: Type.Optional(Type.String({ maxLength: 200 })),
  from: Type.Optional(Day),
  to: Type.Optional(Day),
});

export const CaseListItemSchema = Type.Object({
  id: Type.String(),
  userId: Type.String(),
  role: Nullable(Type.String()),
  departmentId: Nullable(Type.String()),
  departmentName: Nullable(Type.String()),
  status: literalUnion(caseStatuses),
  score: Type.Number(),
  rank: Nullable(Type.Integer()),
  activeFindings: Type.Integer(),
  reasonCodes: Type.Array(Type.String()),
  firstSeen: DateTime,
  lastSeen: DateTime,
  firstFlaggedAt: DateTime,
  withinCapacity: Type.Boolean(),
});

export const CaseListSchema = Type.Object({
  reviewCapacity: Type.Integer(),
  counts: Type.Record(Type.String(), Type.Integer()),
  departments: Type.Array(Type.Object({ id: Type.String(), name: Nullable(Type.String()) })),
  reasons: Type.Array(Type.String()),
  cases: Type.Array(CaseListItemSchema),
});

export const CaseViewQuery = Type.Object({
  showNames: Type.Optional(Type.Boolean()),
  reason: Type.Optional(Type.String({ maxLength: 500 })),
});

export const RuleDraftSchema = Type.Object(
  {
    userRole: Nullable(Type.String({ maxLength: 40 })),
    userDepartmentId: Nullable(Type.String({ maxLength: 200 })),
    userDepartmentKind: Nullable(Type.String({ maxLength: 40 })),
    action: Nullable(Type.String({ maxLength: 40 })),
    purpose: Nullable(Type.String({ maxLength: 40 })),
    encounterKind: Nullable(Type.String({ maxLength: 40 })),
    windowDays: Type.Integer({ minimum: 0, maximum: 365 }),
    descriptionNb: Type.String({ maxLength: 500 }),
    descriptionEn: Type.String({ maxLength: 500 }),
  },
  { additionalProperties: false },
);

export const DecisionBody = Type.Object(
  {
    outcome: literalUnion(decisionOutcomes),
    explanationKind: Type.Optional(Nullable(literalUnion(legitimateKinds))),
    justification: Type.String({ maxLength: 4000 }),
    followUpContact: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
    followUpRole: Type.Optional(Nullable(literalUnion(followUpRoles))),
    patientIds: Type.Optional(Type.Array(Type.String({ maxLength: 200 }), { maxItems: 1000 })),
    proposeRule: Type.Optional(Nullable(RuleDraftSchema)),
  },
  { additionalProperties: false },
);

export const ReviewBody = Type.Object(
  { approve: Type.Boolean(), note: Type.String({ maxLength: 4000 }) },
  { additionalProperties: false },
);

export const DecisionSchema = Type.Object({
  id: Type.String(),
  caseId: Type.String(),
  patientIds: Type.Array(Type.String()),
  outcome: literalUnion(decisionOutcomes),
  explanationKind: Nullable(Type.String()),
  justification: Type.String(),
  followUpContact: Nullable(Type.String()),
  followUpRole: Nullable(Type.String()),
  status: Type.String(),
  decidedBy: Type.String(),
  decidedByName: Type.String(),
  decidedAt: DateTime,
  reviewedBy: Nullable(Type.String()),
  reviewedByName: Nullable(Type.String()),
  reviewedAt: Nullable(DateTime),
  reviewNote: Nullable(Type.String()),
  ruleId: Nullable(Type.String()),
});

export const CaseDetailSchema = Type.Object({
  case: Open('the case: id, userId, status, score, rank, role, department, seen and flagged times'),
  findings: Type.Array(
    Open('one flagged patient: patientId, score, reasons (code, weight, text_nb, text_en), status …'),
  ),
  decisions: Type.Array(DecisionSchema),
  history: Type.Array(Open('seq, at, actorName, kind, detail')),
  workspace: Open('user, patients, lookups, encounters, careRelations, otherLookups (counts by reason)'),
  namesShown: Type.Boolean(),
  period: Type.Object({ from: Type.String(), to: Type.String() }),
  ruleSuggestion: Open('a first draft of an explanation rule for a "legitimate" decision'),
});

export const RuleSchema = Type.Object({
  id: Type.String(),
  organisationId: Type.String(),
  status: literalUnion(ruleStatuses),
  descriptionNb: Type.String(),
  descriptionEn: Type.String(),
  userRole: Nullable(Type.String()),
  userDepartmentId: Nullable(Type.String()),
  userDepartmentKind: Nullable(Type.String()),
  action: Nullable(Type.String()),
  purpose: Nullable(Type.String()),
  encounterKind: Nullable(Type.String()),
  windowDays: Type.Integer(),
  sourceCaseId: Nullable(Type.String()),
  sourceDecisionId: Nullable(Type.String()),
  version: Type.Integer(),
  proposedBy: Type.String(),
  proposedByName: Type.String(),
  proposedAt: DateTime,
  approvedBy: Nullable(Type.String()),
  approvedByName: Nullable(Type.String()),
  approvedAt: Nullable(DateTime),
  retiredBy: Nullable(Type.String()),
  retiredByName: Nullable(Type.String()),
  retiredAt: Nullable(DateTime),
  statusReason: Nullable(Type.String()),
  updatedAt: DateTime,
});

export const RuleBody = Type.Object(
  { draft: RuleDraftSchema, reason: Type.String({ maxLength: 2000 }) },
  { additionalProperties: false },
);
export const RuleActionBody = Type.Object(
  {
    action: literalUnion(['approve', 'reject', 'edit', 'retire', 'reinstate'] as const),
    reason: Type.String({ maxLength: 2000 }),
    draft: Type.Optional(RuleDraftSchema),
    expectedVersion: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  { additionalProperties: false },
);

export const PeriodQuery = Type.Object({ from: Day, to: Day });
export const ReportFileParams = Type.Object({
  datasetId: Type.String({ maxLength: 80 }),
  format: literalUnion(['pdf', 'xlsx'] as const),
});
export const ReportFileQuery = Type.Object({ from: Day, to: Day, lang: Type.Optional(Lang) });

export const PatientLogBody = Type.Object(
  {
    patientId: Type.String({ minLength: 1, maxLength: 200 }),
    from: Type.Optional(Day),
    to: Type.Optional(Day),
    lang: Type.Optional(Lang),
    reason: Type.String({ maxLength: 500 }),
  },
  { additionalProperties: false },
);
export const PortalLinkBody = Type.Object(
  {
    patientId: Type.String({ minLength: 1, maxLength: 200 }),
    from: Day,
    to: Day,
    reason: Type.String({ maxLength: 500 }),
  },
  { additionalProperties: false },
);

const EntrySchema = Type.Object({
  times: Type.Array(Type.String()),
  count: Type.Integer(),
  role: Type.String(),
  name: Nullable(Type.String()),
  unit: Type.String(),
  action: Type.String(),
  reasonCode: Nullable(Type.String()),
  documented: Type.Boolean(),
  reason: Type.String(),
  emergencyAccess: Type.Boolean(),
});

export const PatientLogSchema = Type.Object({
  lang: Lang,
  organisationName: Type.Optional(Nullable(Type.String())),
  periodFrom: Type.String(),
  periodTo: Type.String(),
  lookups: Type.Integer(),
  documented: Type.Integer(),
  howToAsk: Type.String(),
  occasions: Type.Array(
    Type.Object({
      key: Type.String(),
      title: Type.String(),
      encounterKind: Nullable(Type.String()),
      start: Type.String(),
      end: Nullable(Type.String()),
      entries: Type.Array(EntrySchema),
    }),
  ),
});

export const LinkSchema = Type.Object({ path: Type.String(), expiresAt: DateTime });
export const FolderBody = Type.Object(
  {
    organisationId: Type.String({ minLength: 1, maxLength: 80 }),
    path: Type.String({ minLength: 1, maxLength: 1000 }),
    label: Type.String({ maxLength: 120 }),
  },
  { additionalProperties: false },
);
