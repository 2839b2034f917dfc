/** JSON schemas of the analysis API: validation at the edge and the OpenAPI document. */
import { Type, type TSchema } from 'typebox';
import { audienceTags, measureKinds } from '../catalogue/index.js';
import { csvTables, exportLanguages } from './coverage-export.js';
import { draftActions, draftStatuses } from './draft-types.js';
import { revisionOrigins } from './mapping-repository.js';
import { audienceGroups, coverageLevels, dimensions, gapKinds, strengths } from './types.js';

const literalUnion = <T extends string>(values: readonly T[]) => Type.Unsafe<T>({ type: 'string', enum: [...values] });
const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const Opt = <T extends TSchema>(schema: T) => Type.Optional(schema);
const byGroup = <T extends TSchema>(schema: T) =>
  Type.Object(Object.fromEntries(audienceGroups.map((g) => [g, schema])) as Record<(typeof audienceGroups)[number], T>);

const Pair = Type.Object({ nb: Type.String(), en: Type.String() });
const MaybePair = Type.Object({ nb: Type.String(), en: Opt(Type.String()) });
const Rationale = Type.Object({ nb: Type.String({ maxLength: 300 }), en: Type.String({ maxLength: 300 }) });

export const LinkSchema = Type.Object({
  target: Type.String({ maxLength: 200 }),
  strength: literalUnion(strengths),
  rationale: Rationale,
});
export const LinksSchema = Type.Object({
  principles: Type.Array(LinkSchema, { maxItems: 200 }),
  goals: Type.Array(LinkSchema, { maxItems: 50 }),
  strategicAreas: Type.Array(LinkSchema, { maxItems: 50 }),
});

const Cell = Type.Object({
  score: Type.Number(),
  rawScore: Type.Number(),
  level: literalUnion(coverageLevels),
  measureIds: Type.Array(Type.String()),
});

const TargetCoverageSchema = Type.Object({
  target: Type.Object({
    id: Type.String(),
    code: Type.String(),
    title: MaybePair,
    description: Opt(MaybePair),
    group: Opt(Type.Object({ id: Type.String(), title: MaybePair })),
    intendedAudiences: Opt(Type.Array(literalUnion(audienceTags))),
  }),
  overall: Cell,
  byAudience: byGroup(Cell),
  byKind: Type.Object({ existing: Cell, new: Cell }),
  links: Type.Array(
    Type.Object({
      measureId: Type.String(),
      strength: literalUnion(strengths),
      weight: Type.Number(),
      rationale: Pair,
    }),
  ),
  gaps: Type.Array(literalUnion(gapKinds)),
  missedGroups: Type.Array(literalUnion(audienceGroups)),
});

const GapSchema = Type.Object({
  dimension: literalUnion(dimensions),
  targetId: Type.String(),
  code: Type.String(),
  kind: literalUnion(gapKinds),
});

export const CoverageReportSchema = Type.Object({
  edition: Type.Object({
    id: Type.String(),
    title: Type.String(),
    status: Type.String(),
    publishedOn: Nullable(Type.String()),
  }),
  framework: Type.Object({
    id: Type.String(),
    refId: Nullable(Type.String()),
    version: Type.Integer(),
    name: Type.Record(Type.String(), Type.String()),
  }),
  mapping: Type.Object({
    id: Type.String(),
    title: Pair,
    analysis: Pair,
    source: Type.Object({ document: Type.String(), note: Opt(Type.String()) }),
    fileVersion: Nullable(Type.Integer()),
    editedMeasures: Type.Array(Type.String()),
    lastChangedAt: Nullable(Type.String()),
  }),
  rules: Type.Object({
    strengthWeight: Type.Object({ strong: Type.Number(), moderate: Type.Number(), weak: Type.Number() }),
    scoreCap: Type.Number(),
    levelThresholds: Type.Object({ low: Type.Number(), partial: Type.Number(), covered: Type.Number() }),
    audienceGroupRule: Type.Record(Type.String(), Type.Array(literalUnion(audienceGroups))),
  }),
  principles: Type.Array(TargetCoverageSchema),
  goals: Type.Array(TargetCoverageSchema),
  strategicAreas: Type.Array(TargetCoverageSchema),
  gaps: Type.Array(GapSchema),
  measures: Type.Array(
    Type.Object({
      id: Type.String(),
      title: Type.String(),
      areaId: Type.String(),
      kind: literalUnion(measureKinds),
      audiences: Type.Array(literalUnion(audienceTags)),
      proposed: Type.Boolean(),
      groups: Type.Array(literalUnion(audienceGroups)),
      links: Type.Object({ principles: Type.Integer(), goals: Type.Integer(), strategicAreas: Type.Integer() }),
    }),
  ),
});

export const CoverageQuerySchema = Type.Object({
  edition: Opt(Type.String({ maxLength: 40 })),
  framework: Opt(Type.String({ maxLength: 300, description: 'Framework id, short code (NSM-GP-2.1) or name part' })),
});

export const ExportQuerySchema = Type.Object({
  edition: Opt(Type.String({ maxLength: 40 })),
  framework: Opt(Type.String({ maxLength: 300 })),
  format: Opt(literalUnion(['xlsx', 'csv'])),
  table: Opt(literalUnion(csvTables)),
  lang: Opt(literalUnion(exportLanguages)),
});

const RevisionSchema = Type.Object({
  editionId: Type.String(),
  measureId: Type.String(),
  revision: Type.Integer(),
  links: LinksSchema,
  origin: literalUnion(revisionOrigins),
  fileVersion: Nullable(Type.Integer()),
  note: Type.String(),
  authorUserId: Nullable(Type.String()),
  authorName: Nullable(Type.String()),
  at: Type.String(),
});
export { RevisionSchema };
export const HistorySchema = Type.Object({ count: Type.Integer(), revisions: Type.Array(RevisionSchema) });

export const PublicMappingSchema = Type.Object({
  edition: Type.String(),
  frameworkId: Type.String(),
  title: Pair,
  analysis: Pair,
  measures: Type.Array(
    Type.Object({
      measureId: Type.String(),
      revision: Type.Integer(),
      origin: literalUnion(revisionOrigins),
      at: Type.String(),
      links: LinksSchema,
    }),
  ),
});

export const MeasureParamsSchema = Type.Object({ measureId: Type.String({ maxLength: 20 }) });
export const EditionQuerySchema = Type.Object({ edition: Opt(Type.String({ maxLength: 40 })) });

export const LinkEditSchema = Type.Object({
  edition: Opt(Type.String({ maxLength: 40 })),
  links: LinksSchema,
  note: Type.String({ maxLength: 500 }),
  expectedRevision: Opt(Type.Integer({ minimum: 0 })),
});

export const DraftSchema = Type.Object({
  id: Type.String(),
  baseEditionId: Type.String(),
  proposedEditionId: Type.String(),
  title: Type.String(),
  status: literalUnion(draftStatuses),
  createdBy: Nullable(Type.String()),
  createdByName: Nullable(Type.String()),
  createdAt: Type.String(),
  closedAt: Nullable(Type.String()),
  closedBy: Nullable(Type.String()),
  closedByName: Nullable(Type.String()),
});

const MeasureFieldsSchema = Type.Object({
  title: Opt(Type.String({ maxLength: 300 })),
  areaId: Opt(Type.String({ maxLength: 10 })),
  kind: Opt(literalUnion(measureKinds)),
  audiences: Opt(Type.Array(literalUnion(audienceTags), { maxItems: 20 })),
  relevantForText: Opt(Type.String({ maxLength: 300 })),
  responsibleText: Opt(Type.String({ maxLength: 300 })),
  responsibleActorIds: Opt(Type.Array(Type.String({ maxLength: 80 }), { maxItems: 20 })),
  description: Opt(Type.String({ maxLength: 5000 })),
});

const ChangeSchema = Type.Object({
  draftId: Type.String(),
  measureId: Type.String(),
  revision: Type.Integer(),
  action: literalUnion(draftActions),
  measure: Nullable(MeasureFieldsSchema),
  links: Nullable(LinksSchema),
  note: Type.String(),
  authorUserId: Nullable(Type.String()),
  authorName: Nullable(Type.String()),
  at: Type.String(),
});

export const DraftDetailSchema = Type.Object({
  draft: DraftSchema,
  changes: Type.Array(ChangeSchema),
  history: Type.Array(ChangeSchema),
});

export const DraftListSchema = Type.Object({
  count: Type.Integer(),
  drafts: Type.Array(Type.Intersect([DraftSchema, Type.Object({ changeCount: Type.Integer() })])),
});

export const NewDraftSchema = Type.Object({
  title: Type.String({ maxLength: 200 }),
  proposedEditionId: Type.String({ maxLength: 40 }),
  baseEditionId: Opt(Type.String({ maxLength: 40 })),
});

export const DraftParamsSchema = Type.Object({ id: Type.String({ maxLength: 60 }) });

export const DraftChangeBodySchema = Type.Object({
  measureId: Type.String({ maxLength: 20 }),
  action: literalUnion(draftActions),
  measure: Opt(Nullable(MeasureFieldsSchema)),
  links: Opt(Nullable(LinksSchema)),
  note: Type.String({ maxLength: 500 }),
});

const TargetChangeSchema = Type.Object({
  dimension: literalUnion(dimensions),
  targetId: Type.String(),
  code: Type.String(),
  changed: Type.Boolean(),
  overall: Type.Object({
    before: Type.Number(),
    after: Type.Number(),
    delta: Type.Number(),
    levelBefore: literalUnion(coverageLevels),
    levelAfter: literalUnion(coverageLevels),
  }),
  byAudience: byGroup(Type.Object({ before: Type.Number(), after: Type.Number(), delta: Type.Number() })),
  gapsClosed: Type.Array(literalUnion(gapKinds)),
  gapsOpened: Type.Array(literalUnion(gapKinds)),
  measuresAdded: Type.Array(Type.String()),
  measuresRemoved: Type.Array(Type.String()),
});

export const DraftCoverageSchema = Type.Object({
  draft: DraftSchema,
  published: CoverageReportSchema,
  proposed: CoverageReportSchema,
  comparison: Type.Object({
    targets: Type.Array(TargetChangeSchema),
    gapsClosed: Type.Array(GapSchema),
    gapsOpened: Type.Array(GapSchema),
  }),
});

export const DraftExportQuerySchema = Type.Object({
  format: Opt(literalUnion(['xlsx', 'csv'])),
  table: Opt(literalUnion(csvTables)),
  lang: Opt(literalUnion(exportLanguages)),
});

export const PublishBodySchema = Type.Object({ editionTitle: Opt(Type.String({ maxLength: 300 })) });
export const PublishResultSchema = Type.Object({ draft: DraftSchema, editionId: Type.String() });
