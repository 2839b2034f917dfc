/** JSON schemas of the catalogue API (validation at the edge, and the OpenAPI document). */
import { Type, type TArray, type TInteger, type TSchema, type TString } from 'typebox';
import { actorKinds, audienceTags, measureKinds } from './types.js';

/** A string enum that keeps its literal TypeScript type (and is `enum` in the JSON schema). */
const literalUnion = <T extends string>(values: readonly T[]) => Type.Unsafe<T>({ type: 'string', enum: [...values] });
const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

export const SourceSchema = Type.Object({ file: Type.String(), section: Type.String() });
const ActorRefSchema = Type.Object({ id: Type.String(), name: Type.String(), shortName: Type.String() });

export const MeasureSchema = Type.Object({
  id: Type.String({ examples: ['1.7'] }),
  edition: Type.String(),
  area: Type.Object({ id: Type.String(), name: Type.String() }),
  title: Type.String(),
  overviewTitle: Nullable(Type.String()),
  kind: literalUnion(measureKinds),
  status: literalUnion(['active', 'retired']),
  responsible: Type.Object({
    text: Type.String(),
    status: literalUnion(['placed', 'unplaced']),
    actors: Type.Array(ActorRefSchema),
  }),
  relevantFor: Type.Object({
    text: Type.String(),
    audiences: Type.Array(literalUnion(audienceTags)),
    actors: Type.Array(ActorRefSchema),
  }),
  description: Type.String(),
  remark: Nullable(Type.String()),
  source: SourceSchema,
});

export const MeasureQuerySchema = Type.Object({
  edition: Type.Optional(Type.String({ maxLength: 40 })),
  area: Type.Optional(Type.String({ maxLength: 10 })),
  actor: Type.Optional(Type.String({ maxLength: 80 })),
  audience: Type.Optional(literalUnion(audienceTags)),
  kind: Type.Optional(literalUnion(measureKinds)),
  responsibility: Type.Optional(literalUnion(['placed', 'unplaced'])),
  q: Type.Optional(Type.String({ maxLength: 200 })),
});

export const EditionQuerySchema = Type.Object({ edition: Type.Optional(Type.String({ maxLength: 40 })) });
export const IdParamsSchema = Type.Object({ id: Type.String({ maxLength: 120 }) });

export const AreaSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  goal: Type.String(),
  measureIds: Type.Array(Type.String()),
  source: SourceSchema,
});

export const StrategicAreaSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  description: Type.String(),
  expectedEffects: Type.Array(Type.String()),
  beneficiaries: Type.String(),
  audiences: Type.Array(Type.String()),
  source: SourceSchema,
});

const GuidanceSchema = Type.Object({
  kind: Type.String(),
  title: Type.String(),
  ref: Nullable(Type.String()),
  number: Nullable(Type.Integer()),
  publisher: Nullable(Type.String()),
  audience: Nullable(Type.String()),
});

export const BasicMeasureSchema = Type.Object({
  id: Type.String(),
  number: Type.Integer(),
  title: Type.String(),
  guidance: Type.Array(GuidanceSchema),
  source: SourceSchema,
});

export const ActorSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  shortName: Type.String(),
  kind: literalUnion(actorKinds),
  partOf: Nullable(Type.String()),
  responsibleFor: Type.Array(Type.String()),
  source: SourceSchema,
});

export const EditionSchema = Type.Object({
  id: Type.String(),
  title: Type.String(),
  status: Type.String(),
  publishedOn: Nullable(Type.String()),
  supersedes: Nullable(Type.String()),
  remarks: Type.Array(Type.Object({ text: Type.String(), source: SourceSchema })),
  source: SourceSchema,
});

export const StrategySchema = Type.Object({
  edition: Type.String(),
  purpose: Type.Object({ text: Type.String(), source: SourceSchema }),
  objectives: Type.Array(Type.Object({ id: Type.String(), text: Type.String(), source: SourceSchema })),
});

export const MatrixSchema = Type.Object({
  edition: Type.String(),
  actors: Type.Array(
    Type.Object({
      id: Type.String(),
      name: Type.String(),
      shortName: Type.String(),
      measureIds: Type.Array(Type.String()),
    }),
  ),
  measures: Type.Array(
    Type.Object({
      id: Type.String(),
      title: Type.String(),
      areaId: Type.String(),
      actorIds: Type.Array(Type.String()),
    }),
  ),
  unplaced: Type.Array(
    Type.Object({ id: Type.String(), title: Type.String(), areaId: Type.String(), responsibleText: Type.String() }),
  ),
});

export const listOf = <K extends string, T extends TSchema>(key: K, item: T) =>
  Type.Object({ edition: Type.String(), count: Type.Integer(), [key]: Type.Array(item) } as {
    edition: TString;
    count: TInteger;
  } & Record<K, TArray<T>>);
