/** JSON schemas of the assessment API: validation at the edge, the OpenAPI document, and what may leave. */
import { Type, type TSchema } from 'typebox';
import {
  actionStatuses,
  answerKinds,
  assessmentPaths,
  benchmarkDimensions,
  effortLevels,
  workflowStatuses,
} from './types.js';
import { questionTypes, recipientStatuses, surveyStatuses } from './survey-types.js';

export const literalUnion = <T extends string>(values: readonly T[]) =>
  Type.Unsafe<T>({ type: 'string', enum: [...values] });
const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

export const LocalizedSchema = Type.Object({ nb: Type.String(), en: Type.String() });
const LocalizedInput = Type.Object({
  nb: Type.String({ minLength: 1, maxLength: 300 }),
  en: Type.String({ minLength: 1, maxLength: 300 }),
});
const AnswererSchema = Type.Object({ userId: Type.String(), name: Type.String() });
const SourceSchema = Type.Object({ file: Type.String(), section: Type.String() });
export const IdParams = Type.Object({ id: Type.String({ maxLength: 100 }) });
export const ErrorBody = Type.Object({
  error: Type.Object({
    code: Type.String(),
    message: Type.String(),
    details: Type.Array(
      Type.Object({ place: Type.Optional(Type.String()), field: Type.Optional(Type.String()), message: Type.String() }),
    ),
  }),
});

export const LevelSchema = Type.Object({ value: Type.Integer(), name: LocalizedSchema, description: LocalizedSchema });
export const ScaleSchema = Type.Object({ id: Type.String(), levels: Type.Array(LevelSchema) });

export const EnterpriseSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  orgNumber: Nullable(Type.String()),
  organisationType: Type.String(),
  sizeClass: Type.String(),
  region: Type.String(),
});

const EvidenceSchema = Type.Object({
  title: Type.String(),
  url: Nullable(Type.String()),
  note: Nullable(Type.String()),
});
const EvidenceInput = Type.Object(
  {
    title: Type.String({ maxLength: 300 }),
    url: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
    note: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
  },
  { additionalProperties: false },
);

export const AnswerSchema = Type.Object({
  requirementId: Type.String(),
  kind: literalUnion(answerKinds),
  level: Nullable(Type.Integer()),
  targetLevel: Nullable(Type.Integer()),
  notRelevantReason: Nullable(Type.String()),
  comment: Nullable(Type.String()),
  evidence: Type.Array(EvidenceSchema),
  answeredBy: AnswererSchema,
  answeredAt: Type.String(),
  version: Type.Integer(),
});

export const AnswerInputSchema = Type.Object(
  {
    kind: literalUnion(answerKinds),
    level: Type.Optional(Nullable(Type.Integer({ minimum: 0, maximum: 10 }))),
    targetLevel: Type.Optional(Nullable(Type.Integer({ minimum: 0, maximum: 10 }))),
    notRelevantReason: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
    comment: Type.Optional(Nullable(Type.String({ maxLength: 5000 }))),
    evidence: Type.Optional(Type.Array(EvidenceInput, { maxItems: 20 })),
    /** The version this change is based on: 0 for a requirement not answered yet. */
    basedOnVersion: Type.Integer({ minimum: 0 }),
  },
  { additionalProperties: false },
);

const TallySchema = {
  levelCount: Type.Integer(),
  notRelevantCount: Type.Integer(),
  dontKnowCount: Type.Integer(),
  unansweredCount: Type.Integer(),
  average: Nullable(Type.Number()),
  targetAverage: Nullable(Type.Number()),
};
export const ResultSchema = Type.Object({
  categories: Type.Array(
    Type.Object({
      categoryId: Type.String(),
      title: LocalizedSchema,
      requirementIds: Type.Array(Type.String()),
      ...TallySchema,
    }),
  ),
  overall: Type.Object(TallySchema),
  completion: Type.Number(),
});

export const AssessmentSchema = Type.Object({
  id: Type.String(),
  organisationId: Type.String(),
  frameworkId: Type.String(),
  year: Type.Integer(),
  path: literalUnion(assessmentPaths),
  title: Type.String(),
  status: literalUnion(workflowStatuses),
  shareAnonymously: Type.Boolean(),
  createdAt: Type.String(),
  createdBy: AnswererSchema,
  updatedAt: Type.String(),
  submittedAt: Nullable(Type.String()),
  submittedBy: Nullable(AnswererSchema),
  approvedAt: Nullable(Type.String()),
  approvedBy: Nullable(AnswererSchema),
});

export const AssessmentSummarySchema = Type.Object({ ...AssessmentSchema.properties, result: ResultSchema });

const GuidanceSchema = Type.Object({
  kind: Type.String(),
  title: Type.String(),
  publisher: Nullable(Type.String()),
  audience: Nullable(Type.String()),
  url: Nullable(Type.String()),
  target: Nullable(Type.Object({ framework: Type.String(), node: Type.String() })),
});

export const RequirementSchema = Type.Object({
  id: Type.String(),
  refId: Type.String(),
  title: LocalizedSchema,
  description: Nullable(LocalizedSchema),
  categoryId: Type.String(),
  guidance: Type.Array(GuidanceSchema),
});

export const FrameworkViewSchema = Type.Object({
  id: Type.String(),
  refId: Type.String(),
  name: LocalizedSchema,
  requirements: Type.Array(RequirementSchema),
  categories: Type.Array(Type.Object({ id: Type.String(), title: LocalizedSchema })),
  scale: ScaleSchema,
  ownScale: Type.Boolean(),
});

const ActionTemplateSchema = Type.Object({
  id: Type.String(),
  effort: literalUnion(effortLevels),
  quickWin: Type.Boolean(),
  raisesTo: Type.Integer(),
  title: LocalizedSchema,
  description: LocalizedSchema,
});

export const MeasureGuideSchema = Type.Object({
  id: Type.String(),
  weight: Type.Integer(),
  smallTarget: Type.Integer(),
  plainTitle: LocalizedSchema,
  question: LocalizedSchema,
  why: LocalizedSchema,
  options: Type.Array(Type.Object({ level: Type.Integer(), text: LocalizedSchema })),
  actions: Type.Array(ActionTemplateSchema),
  source: SourceSchema,
});

const TypeNoteSchema = Type.Object({ summary: LocalizedSchema, measures: Type.Record(Type.String(), LocalizedSchema) });

export const AssessmentDetailSchema = Type.Object({
  assessment: AssessmentSchema,
  framework: FrameworkViewSchema,
  answers: Type.Array(AnswerSchema),
  result: ResultSchema,
  guide: Type.Array(MeasureGuideSchema),
  typeNote: Nullable(TypeNoteSchema),
  enterprise: Nullable(EnterpriseSchema),
});

export const NewAssessmentSchema = Type.Object(
  {
    frameworkId: Type.Optional(Type.String({ maxLength: 200 })),
    year: Type.Integer({ minimum: 2000, maximum: 2100 }),
    path: literalUnion(assessmentPaths),
    title: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);

export const AssessmentPatchSchema = Type.Object(
  { title: Type.Optional(Type.String({ maxLength: 200 })), shareAnonymously: Type.Optional(Type.Boolean()) },
  { additionalProperties: false },
);

export const SuggestionSchema = Type.Object({
  requirementId: Type.String(),
  templateId: Type.String(),
  title: LocalizedSchema,
  description: LocalizedSchema,
  effort: literalUnion(effortLevels),
  quickWin: Type.Boolean(),
  current: Nullable(Type.Integer()),
  target: Type.Integer(),
  expectedLevel: Type.Integer(),
  score: Type.Number(),
  reasons: Type.Array(Type.String()),
});

export const ActionSchema = Type.Object({
  id: Type.String(),
  organisationId: Type.String(),
  assessmentId: Nullable(Type.String()),
  frameworkId: Type.String(),
  requirementIds: Type.Array(Type.String()),
  title: Type.String(),
  description: Nullable(Type.String()),
  owner: Nullable(Type.String()),
  dueDate: Nullable(Type.String()),
  status: literalUnion(actionStatuses),
  expectedLevel: Nullable(Type.Integer()),
  effort: Nullable(literalUnion(effortLevels)),
  priority: Nullable(Type.Number()),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  version: Type.Integer(),
});

const DateString = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });

export const NewActionSchema = Type.Object(
  {
    assessmentId: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
    templateId: Type.Optional(Type.String({ maxLength: 100 })),
    frameworkId: Type.Optional(Type.String({ maxLength: 200 })),
    requirementIds: Type.Optional(Type.Array(Type.String({ maxLength: 100 }), { maxItems: 50 })),
    title: Type.Optional(Type.String({ maxLength: 300 })),
    description: Type.Optional(Nullable(Type.String({ maxLength: 5000 }))),
    owner: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
    dueDate: Type.Optional(Nullable(DateString)),
    expectedLevel: Type.Optional(Nullable(Type.Integer({ minimum: 0, maximum: 10 }))),
    locale: Type.Optional(literalUnion(['nb', 'en'])),
  },
  { additionalProperties: false },
);

export const ActionPatchSchema = Type.Object(
  {
    title: Type.Optional(Type.String({ maxLength: 300 })),
    description: Type.Optional(Nullable(Type.String({ maxLength: 5000 }))),
    owner: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
    dueDate: Type.Optional(Nullable(DateString)),
    status: Type.Optional(literalUnion(actionStatuses)),
    expectedLevel: Type.Optional(Nullable(Type.Integer({ minimum: 0, maximum: 10 }))),
    requirementIds: Type.Optional(Type.Array(Type.String({ maxLength: 100 }), { maxItems: 50 })),
    basedOnVersion: Type.Integer({ minimum: 1 }),
  },
  { additionalProperties: false },
);

// ---------------------------------------------------------------- aggregates

export const CellSchema = Type.Object({
  key: Type.Record(Type.String(), Type.String()),
  members: Type.Record(Type.String(), Type.Array(Type.String())),
  count: Nullable(Type.Integer()),
  mean: Nullable(Type.Number()),
  suppressed: Type.Boolean(),
  notes: Type.Array(Type.String()),
});

export const IndicatorDefinitionSchema = Type.Object({
  id: Type.String(),
  kind: literalUnion(['mean', 'share']),
  min: Type.Number(),
  max: Type.Number(),
  requirementId: Nullable(Type.String()),
  name: LocalizedSchema,
});

export const DimensionQuery = {
  organisationType: Type.Optional(Type.String({ maxLength: 60 })),
  sizeClass: Type.Optional(Type.String({ maxLength: 60 })),
  region: Type.Optional(Type.String({ maxLength: 60 })),
};

export const SelectionQuery = Type.Object({
  year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })),
  by: Type.Optional(
    Type.String({ maxLength: 80, description: 'comma-separated: organisationType, sizeClass, region' }),
  ),
  ...DimensionQuery,
});

export const SelectionSchema = Type.Object({
  indicator: IndicatorDefinitionSchema,
  year: Type.Integer(),
  k: Type.Integer(),
  withheld: Type.Boolean(),
  dimensions: Type.Array(literalUnion(benchmarkDimensions)),
  total: CellSchema,
  cells: Type.Array(CellSchema),
});

export const PeerSchema = Nullable(
  Type.Object({
    level: literalUnion(['type-size', 'type', 'sector']),
    cell: CellSchema,
    passedOver: Type.Array(Type.Object({ level: Type.String(), notes: Type.Array(Type.String()) })),
  }),
);

export const BenchmarkSchema = Type.Object({
  enterprise: EnterpriseSchema,
  year: Nullable(Type.Integer()),
  years: Type.Array(Type.Integer()),
  k: Type.Integer(),
  assessmentId: Nullable(Type.String()),
  rows: Type.Array(
    Type.Object({
      indicatorId: Type.String(),
      requirementId: Nullable(Type.String()),
      own: Nullable(Type.Number()),
      ownSource: Nullable(literalUnion(['assessment', 'survey'])),
      peers: PeerSchema,
    }),
  ),
});

// ---------------------------------------------------------------- surveys

export const QuestionSchema = Type.Object({
  id: Type.String(),
  type: literalUnion(questionTypes),
  text: LocalizedSchema,
  help: Nullable(LocalizedSchema),
  required: Type.Boolean(),
  audience: literalUnion(['all', 'larger']),
  min: Nullable(Type.Number()),
  max: Nullable(Type.Number()),
  labels: Type.Array(Type.Object({ value: Type.Number(), text: LocalizedSchema })),
  options: Type.Array(Type.Object({ id: Type.String(), text: LocalizedSchema })),
  unit: Nullable(LocalizedSchema),
  maxLength: Nullable(Type.Integer()),
  indicator: Nullable(Type.String()),
  optionIndicators: Type.Record(Type.String(), Type.String()),
  requirementId: Nullable(Type.String()),
});

export const TargetSchema = Type.Object(
  {
    organisationTypes: Type.Array(Type.String({ maxLength: 60 }), { maxItems: 30 }),
    sizeClasses: Type.Array(Type.String({ maxLength: 60 }), { maxItems: 10 }),
    regions: Type.Array(Type.String({ maxLength: 60 }), { maxItems: 10 }),
  },
  { additionalProperties: false },
);

export const SurveySchema = Type.Object({
  id: Type.String(),
  title: LocalizedSchema,
  description: LocalizedSchema,
  year: Type.Integer(),
  status: literalUnion(surveyStatuses),
  questionnaire: Type.Object({ questions: Type.Array(QuestionSchema) }),
  target: TargetSchema,
  invitationDays: Type.Integer(),
  createdAt: Type.String(),
  createdBy: Type.String(),
  openedAt: Nullable(Type.String()),
  closesAt: Nullable(Type.String()),
  closedAt: Nullable(Type.String()),
});

export const NewSurveySchema = Type.Object(
  {
    templateKey: Type.Optional(Type.String({ maxLength: 100 })),
    questionnaire: Type.Optional(Type.Unknown()),
    title: Type.Optional(LocalizedInput),
    description: Type.Optional(
      Type.Object({ nb: Type.String({ maxLength: 2000 }), en: Type.String({ maxLength: 2000 }) }),
    ),
    year: Type.Integer({ minimum: 2000, maximum: 2100 }),
    target: TargetSchema,
    invitationDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 365 })),
  },
  { additionalProperties: false },
);

export const ParticipationSchema = Type.Object({
  invited: Type.Integer(),
  answering: Type.Integer(),
  submitted: Type.Integer(),
  responseRate: Type.Number(),
  byType: Type.Array(
    Type.Object({ organisationType: Type.String(), invited: Type.Integer(), submitted: Type.Integer() }),
  ),
});

export const SendOutcomeSchema = Type.Object({
  survey: SurveySchema,
  recipients: Type.Integer(),
  mailed: Type.Integer(),
  links: Type.Array(
    Type.Object({
      organisationId: Type.String(),
      organisationName: Type.String(),
      link: Type.String(),
      expiresAt: Type.String(),
    }),
  ),
});

const AnswerValueSchema = Type.Union([
  Type.Number(),
  Type.String({ maxLength: 10000 }),
  Type.Array(Type.String({ maxLength: 100 }), { maxItems: 50 }),
  Type.Null(),
]);

export const ResponseSchema = Type.Object({
  surveyId: Type.String(),
  organisationId: Type.String(),
  answers: Type.Record(Type.String(), AnswerValueSchema),
  status: literalUnion(['draft', 'submitted']),
  version: Type.Integer(),
  updatedAt: Type.String(),
  submittedAt: Nullable(Type.String()),
});

export const ResponseViewSchema = Type.Object({
  survey: Type.Object({
    id: Type.String(),
    title: LocalizedSchema,
    description: LocalizedSchema,
    year: Type.Integer(),
    status: literalUnion(surveyStatuses),
    closesAt: Nullable(Type.String()),
  }),
  enterprise: Type.Object({ id: Type.String(), name: Type.String() }),
  questions: Type.Array(QuestionSchema),
  response: Nullable(ResponseSchema),
});

export const ResponseInputSchema = Type.Object(
  {
    answers: Type.Record(Type.String({ maxLength: 64 }), AnswerValueSchema, { maxProperties: 200 }),
    basedOnVersion: Type.Integer({ minimum: 0 }),
    submit: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

export const MySurveySchema = Type.Object({
  ...SurveySchema.properties,
  recipientStatus: literalUnion(recipientStatuses),
});
