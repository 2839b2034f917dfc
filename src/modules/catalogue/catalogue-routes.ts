/**
 * The public catalogue API (/api/v1/catalogue): the strategy's content is open to everyone, logged in or not.
 * Handlers only validate and delegate; the domain functions do the work.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
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
import type { ErrorCode } from '../../platform/errors.js';

const access = { public: true, description: 'Anyone: the strategy is public' } as const;
const tags = ['catalogue'];

function findOr404<T extends { id: string }>(items: readonly T[], id: string, code: ErrorCode, what: string): T {
  const item = items.find((i) => i.id === id);
  if (!item) throw new AppError(code, `No ${what} "${id}" in this edition`);
  return item;
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
    async () => ({
      editions: await listEditions(db),
    }),
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

  const presentArea = (edition: Awaited<ReturnType<typeof getEdition>>, area: (typeof edition.areas)[number]) => ({
    ...area,
    measureIds: edition.measures.filter((m) => m.areaId === area.id).map((m) => m.id),
  });

  app.get(
    '/areas',
    {
      config: { access },
      schema: {
        tags,
        summary: 'The five areas of the national strategy, with their goals',
        querystring: EditionQuerySchema,
        response: { 200: listOf('areas', AreaSchema) },
      },
    },
    async (request) => {
      const edition = await getEdition(db, request.query.edition);
      return {
        edition: edition.edition.id,
        count: edition.areas.length,
        areas: edition.areas.map((a) => presentArea(edition, a)),
      };
    },
  );

  app.get(
    '/areas/:id',
    {
      config: { access },
      schema: {
        tags,
        summary: 'One area',
        params: IdParamsSchema,
        querystring: EditionQuerySchema,
        response: { 200: AreaSchema },
      },
    },
    async (request) => {
      const edition = await getEdition(db, request.query.edition);
      return presentArea(edition, findOr404(edition.areas, request.params.id, 'AREA_NOT_FOUND', 'area'));
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
    '/strategic-areas',
    {
      config: { access },
      schema: {
        tags,
        summary: 'The six strategic areas',
        querystring: EditionQuerySchema,
        response: { 200: listOf('strategicAreas', StrategicAreaSchema) },
      },
    },
    async (request) => {
      const edition = await getEdition(db, request.query.edition);
      const items = edition.strategy.strategicAreas;
      return { edition: edition.edition.id, count: items.length, strategicAreas: items };
    },
  );

  app.get(
    '/strategic-areas/:id',
    {
      config: { access },
      schema: {
        tags,
        summary: 'One strategic area',
        params: IdParamsSchema,
        querystring: EditionQuerySchema,
        response: { 200: StrategicAreaSchema },
      },
    },
    async (request) => {
      const edition = await getEdition(db, request.query.edition);
      return findOr404(
        edition.strategy.strategicAreas,
        request.params.id,
        'STRATEGIC_AREA_NOT_FOUND',
        'strategic area',
      );
    },
  );

  app.get(
    '/basic-measures',
    {
      config: { access },
      schema: {
        tags,
        summary: 'The ten basic measures for every enterprise, with guidance',
        querystring: EditionQuerySchema,
        response: { 200: listOf('basicMeasures', BasicMeasureSchema) },
      },
    },
    async (request) => {
      const edition = await getEdition(db, request.query.edition);
      const items = edition.basic.basicMeasures;
      return { edition: edition.edition.id, count: items.length, basicMeasures: items };
    },
  );

  app.get(
    '/basic-measures/:id',
    {
      config: { access },
      schema: {
        tags,
        summary: 'One basic measure',
        params: IdParamsSchema,
        querystring: EditionQuerySchema,
        response: { 200: BasicMeasureSchema },
      },
    },
    async (request) => {
      const edition = await getEdition(db, request.query.edition);
      return findOr404(edition.basic.basicMeasures, request.params.id, 'BASIC_MEASURE_NOT_FOUND', 'basic measure');
    },
  );

  const presentActor = (edition: Awaited<ReturnType<typeof getEdition>>, actor: (typeof edition.actors)[number]) => ({
    ...actor,
    responsibleFor: edition.measures.filter((m) => m.responsible.actorIds.includes(actor.id)).map((m) => m.id),
  });

  app.get(
    '/actors',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Actors and the measures each is responsible for',
        querystring: EditionQuerySchema,
        response: { 200: listOf('actors', ActorSchema) },
      },
    },
    async (request) => {
      const edition = await getEdition(db, request.query.edition);
      return {
        edition: edition.edition.id,
        count: edition.actors.length,
        actors: edition.actors.map((a) => presentActor(edition, a)),
      };
    },
  );

  app.get(
    '/actors/:id',
    {
      config: { access },
      schema: {
        tags,
        summary: 'One actor',
        params: IdParamsSchema,
        querystring: EditionQuerySchema,
        response: { 200: ActorSchema },
      },
    },
    async (request) => {
      const edition = await getEdition(db, request.query.edition);
      return presentActor(edition, findOr404(edition.actors, request.params.id, 'ACTOR_NOT_FOUND', 'actor'));
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
    async (request) => {
      return buildResponsibilityMatrix(await getEdition(db, request.query.edition));
    },
  );
}
