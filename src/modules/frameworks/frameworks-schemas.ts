/** JSON schemas of the frameworks API: validation at the edge and the OpenAPI document. */
import { Type, type TSchema } from 'typebox';
import { guidanceKinds, rationaleTypes, relationships } from './types.js';
import { libraryFormats } from './library-files.js';

const literalUnion = <T extends string>(values: readonly T[]) => Type.Unsafe<T>({ type: 'string', enum: [...values] });
const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const Opt = <T extends TSchema>(schema: T) => Type.Optional(schema);

export const LocalizedSchema = Type.Record(Type.String(), Type.String(), {
  description: 'Text by language code (nb, en, …)',
});

const CitationSchema = Type.Object({
  document: Type.String(),
  publisher: Opt(Type.String()),
  edition: Opt(Type.String()),
  url: Opt(Type.String()),
  section: Opt(Type.String()),
  note: Opt(Type.String()),
});

const GuidanceSchema = Type.Object({
  kind: literalUnion(guidanceKinds),
  title: Type.String(),
  publisher: Opt(Type.String()),
  audience: Opt(literalUnion(['municipalities'])),
  target: Opt(Type.Object({ framework: Type.String(), node: Type.String() })),
  url: Opt(Type.String()),
});

const NodeSchema = Type.Object({
  id: Type.String(),
  parent: Opt(Type.String()),
  refId: Opt(Type.String()),
  title: Opt(LocalizedSchema),
  description: Opt(LocalizedSchema),
  annotation: Opt(LocalizedSchema),
  typicalEvidence: Opt(LocalizedSchema),
  assessable: Type.Boolean(),
  order: Type.Integer(),
  implementationGroups: Opt(Type.Array(Type.String())),
  guidance: Opt(Type.Array(GuidanceSchema)),
  source: Opt(CitationSchema),
  provisional: Opt(Type.Boolean()),
});

const MappingSetSchema = Type.Object({
  id: Type.String(),
  name: LocalizedSchema,
  description: Opt(LocalizedSchema),
  sourceFramework: Type.String(),
  targetFramework: Type.String(),
  mappings: Type.Array(
    Type.Object({
      source: Type.String(),
      target: Type.String(),
      relationship: literalUnion(relationships),
      rationale: Opt(Type.String()),
      rationaleType: Opt(literalUnion(rationaleTypes)),
      strength: Opt(Type.Integer()),
    }),
  ),
});

const LibraryInfoSchema = Type.Object({
  id: Type.String(),
  refId: Opt(Type.String()),
  name: LocalizedSchema,
  description: Opt(LocalizedSchema),
  version: Type.Integer(),
  publisher: Type.String(),
  language: Type.String(),
  publicationDate: Opt(Type.String()),
  source: Opt(CitationSchema),
  licenseNote: Opt(Type.String()),
});

export const FrameworkLibrarySchema = Type.Object({
  library: LibraryInfoSchema,
  scale: Opt(
    Type.Object({
      levels: Type.Array(
        Type.Object({ value: Type.Integer(), name: LocalizedSchema, description: Opt(LocalizedSchema) }),
      ),
    }),
  ),
  implementationGroups: Opt(
    Type.Array(Type.Object({ id: Type.String(), name: LocalizedSchema, description: Opt(LocalizedSchema) })),
  ),
  nodes: Type.Array(NodeSchema),
  mappingSets: Type.Array(MappingSetSchema),
});

export const StoredInfoSchema = Type.Object({
  id: Type.String({ examples: ['urn:varde:framework:nsm-grunnprinsipper-2.1'] }),
  version: Type.Integer(),
  kind: literalUnion(['framework', 'library']),
  refId: Nullable(Type.String()),
  name: LocalizedSchema,
  publisher: Type.String(),
  language: Type.String(),
  contentHash: Type.String({ description: 'SHA-256 of the canonical content (equal for both formats)' }),
  sourceHash: Type.String({ description: "SHA-256 of the imported file's bytes" }),
  sourceFormat: literalUnion(libraryFormats),
  sourceName: Type.String(),
  origin: literalUnion(['shipped', 'imported']),
  nodeCount: Type.Integer(),
  mappingCount: Type.Integer(),
  importedAt: Type.String({ format: 'date-time' }),
  importedBy: Nullable(Type.String()),
  importedByName: Nullable(Type.String()),
});

export const SummarySchema = Type.Intersect([StoredInfoSchema, Type.Object({ versions: Type.Array(Type.Integer()) })]);

export const LibraryListSchema = Type.Object({ count: Type.Integer(), libraries: Type.Array(SummarySchema) });

export const LibraryDetailSchema = Type.Object({
  info: StoredInfoSchema,
  versions: Type.Array(Type.Integer()),
  library: FrameworkLibrarySchema,
});

export const LibraryParamsSchema = Type.Object({
  id: Type.String({ maxLength: 300, description: 'Library id, short code (NSM-GP-2.1) or last part of the id' }),
});
export const VersionQuerySchema = Type.Object({ version: Opt(Type.Integer({ minimum: 1 })) });
export const ExportQuerySchema = Type.Object({
  format: Opt(literalUnion(libraryFormats)),
  version: Opt(Type.Integer({ minimum: 1 })),
});

export const maxImportChars = 10 * 1024 * 1024;

export const ImportBodySchema = Type.Object({
  fileName: Type.String({ minLength: 1, maxLength: 200 }),
  format: Opt(literalUnion(libraryFormats)),
  content: Type.String({ minLength: 1, maxLength: maxImportChars }),
});

export const ImportResultSchema = Type.Object({
  outcome: literalUnion(['imported', 'unchanged']),
  current: Type.Boolean(),
  library: StoredInfoSchema,
});
