/**
 * The public catalogue API (/api/v1/catalogue): the strategy's content is open to everyone, logged in or not.
 * Handlers only validate and delegate; the domain functions do the work. Areas, strategic areas, basic measures and
 * actors share one shape (list + one by id), registered by `registerCollection`.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { TSchema } from 'typebox';
import type { Db } from '../../platform/db/database.js';
import { AppError, type ErrorCode } from '../../platform/errors.js';
import {
  ActorSchema,
  AreaSchema,
  BasicMeasureSchema,
  EditionQuerySchema,
  EditionSchema,
  IdParamsSchema,
  MatrixSchema,
  MeasureQuerySchema,
  MeasureSchema,
  StrategicAreaSchema,
  StrategySchema,
  listOf,
} from './catalogue-schemas.js';
import { getEdition, listEditions } from './catalogue-service.js';
import { filterMeasures, presentMeasure } from './measure-query.js';
import { buildResponsibilityMatrix } from './responsibility-matrix.js';
import type { CatalogueEdition } from './types.js';

const access = { public: true, description: 'Anyone: the strategy is public' } as const;
const tags = ['catalogue'];

function findOr404<T extends { id: string }>(items: readonly T[], id: string, code: ErrorCode, what: string): T {
  const item = items.find((i) => i.id === id);
  if (!item) throw new AppError(code, `No ${what} "${id}" in this edition`);
  return item;
}

interface CollectionSpec<T extends { id: string }> {
  readonly path: string;
  readonly key: string;
  readonly what: string;
  readonly notFound: ErrorCode;
  readonly schema: TSchema;
  readonly listSummary: string;
  readonly items: (edition: CatalogueEdition) => readonly T[];
  readonly present?: (edition: CatalogueEdition, item: T) => unknown;
}

function registerCollection<T extends { id: string }>(app: FastifyInstance, db: Db, spec: CollectionSpec<T>): void {
  const present = spec.present ?? ((_edition: CatalogueEdition, item: T) => item);
  app.get(
    spec.path,
    {
      config: { access },
      schema: {
        tags,
        summary: spec.listSummary,
        querystring: EditionQuerySchema,
        response: { 200: listOf(spec.key, spec.schema) },
      },
    },
    async (request) => {
      const edition = await getEdition(db, (request.query as { edition?: string }).edition);
      const items = spec.items(edition).map((item) => present(edition, item));
      return { edition: edition.edition.id, count: items.length, [spec.key]: items };
    },
  );
  app.get(
    `${spec.path}/:id`,
    {
      config: { access },
      schema: {
        tags,
        summary: `One ${spec.what}`,
        params: IdParamsSchema,
        querystring: EditionQuerySchema,
        response: { 200: spec.schema },
      },
    },
    async (request) => {
      const edition = await getEdition(db, (request.query as { edition?: string }).edition);
      const item = findOr404(spec.items(edition), (request.params as { id: string }).id, spec.notFound, spec.what);
      return present(edition, item);
    },
  );
}

export async function catalogueRoutes(fastify: FastifyInstance, options: { db: Db }): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = options;

  app.get(
    '/editions',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Catalogue editions, newest first',
        response: { 200: { type: 'object', properties: { editions: { type: 'array', items: EditionSchema } } } },
      },
    },
    async () => ({ editions: await listEditions(db) }),
  );

  app.get(
    '/measures',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Measures, filtered and searched',
        querystring: MeasureQuerySchema,
        response: { 200: listOf('measures', MeasureSchema) },
      },
    },
    async (request) => {
      const { edition: editionId, ...filter } = request.query;
      const edition = await getEdition(db, editionId);
      const measures = filterMeasures(edition, filter).map((m) => presentMeasure(edition, m));
      return { edition: edition.edition.id, count: measures.length, measures };
    },
  );

  app.get(
    '/measures/:id',
    {
      config: { access },
      schema: {
        tags,
        summary: 'One measure',
        params: IdParamsSchema,
        querystring: EditionQuerySchema,
        response: { 200: MeasureSchema },
      },
    },
    async (request) => {
      const edition = await getEdition(db, request.query.edition);
      return presentMeasure(edition, findOr404(edition.measures, request.params.id, 'MEASURE_NOT_FOUND', 'measure'));
    },
  );

  app.get(
    '/strategy',
    {
      config: { access },
      schema: {
        tags,
        summary: "The strategy's purpose and objectives",
        querystring: EditionQuerySchema,
        response: { 200: StrategySchema },
      },
    },
    async (request) => {
      const edition = await getEdition(db, request.query.edition);
      return {
        edition: edition.edition.id,
        purpose: edition.strategy.purpose,
        objectives: edition.strategy.objectives,
      };
    },
  );

  app.get(
    '/responsibility-matrix',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Actors × measures, with unplaced measures as a gap',
        querystring: EditionQuerySchema,
        response: { 200: MatrixSchema },
      },
    },
    async (request) => buildResponsibilityMatrix(await getEdition(db, request.query.edition)),
  );

  registerCollection(fastify, db, {
    path: '/areas',
    key: 'areas',
    what: 'area',
    notFound: 'AREA_NOT_FOUND',
    schema: AreaSchema,
    listSummary: 'The five areas of the national strategy, with their goals',
    items: (edition) => edition.areas,
    present: (edition, area) => ({
      ...area,
      measureIds: edition.measures.filter((m) => m.areaId === area.id).map((m) => m.id),
    }),
  });
  registerCollection(fastify, db, {
    path: '/strategic-areas',
    key: 'strategicAreas',
    what: 'strategic area',
    notFound: 'STRATEGIC_AREA_NOT_FOUND',
    schema: StrategicAreaSchema,
    listSummary: 'The six strategic areas',
    items: (edition) => edition.strategy.strategicAreas,
  });
  registerCollection(fastify, db, {
    path: '/basic-measures',
    key: 'basicMeasures',
    what: 'basic measure',
    notFound: 'BASIC_MEASURE_NOT_FOUND',
    schema: BasicMeasureSchema,
    listSummary: 'The ten basic measures for every enterprise, with guidance',
    items: (edition) => edition.basic.basicMeasures,
  });
  registerCollection(fastify, db, {
    path: '/actors',
    key: 'actors',
    what: 'actor',
    notFound: 'ACTOR_NOT_FOUND',
    schema: ActorSchema,
    listSummary: 'Actors and the measures each is responsible for',
    items: (edition) => edition.actors,
    present: (edition, actor) => ({
      ...actor,
      responsibleFor: edition.measures.filter((m) => m.responsible.actorIds.includes(actor.id)).map((m) => m.id),
    }),
  });
}
