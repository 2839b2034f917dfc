/**
 * Published indicators (/api/v1/assessment/indicators): aggregates by enterprise type, size class, region and
 * year, for any logged-in user. Everything comes out of the k-anonymous publication; no route here can name or
 * single out an enterprise.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import { shippedAssessmentContent } from './assessment-content.js';
import {
  CellSchema,
  DimensionQuery,
  IdParams,
  IndicatorDefinitionSchema,
  SelectionQuery,
  SelectionSchema,
} from './assessment-schemas.js';
import { indicatorTrend, indicatorYears, selectIndicator, type DimensionFilter } from './indicator-service.js';
import { benchmarkDimensions, type BenchmarkDimension } from './types.js';

const access = { authenticated: true, description: 'Any logged-in user: only k-anonymous aggregates' } as const;
const tags = ['assessment: indicators'];

export function parseBy(by: string | undefined): BenchmarkDimension[] {
  if (!by) return [];
  const parts = by
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  const unknown = parts.filter((p) => !(benchmarkDimensions as readonly string[]).includes(p));
  if (unknown.length > 0) {
    throw new AppError(
      'VALIDATION_FAILED',
      'Unknown dimension',
      unknown.map((u) => ({ field: 'by', message: `"${u}" is not one of ${benchmarkDimensions.join(', ')}` })),
    );
  }
  return parts as BenchmarkDimension[];
}

export const filterOf = (q: Partial<Record<BenchmarkDimension, string>>): DimensionFilter =>
  Object.fromEntries(benchmarkDimensions.filter((d) => q[d]).map((d) => [d, q[d]!])) as DimensionFilter;

export async function indicatorRoutes(
  fastify: FastifyInstance,
  { db, minGroupSize }: { db: Db; minGroupSize: number },
): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const config = { access };

  app.get(
    '/indicators',
    {
      config,
      schema: {
        tags,
        summary: 'The indicators, the years with data, and k (the smallest group ever shown)',
        response: {
          200: Type.Object({
            k: Type.Integer(),
            years: Type.Array(Type.Integer()),
            indicators: Type.Array(IndicatorDefinitionSchema),
          }),
        },
      },
    },
    async () => ({
      k: minGroupSize,
      years: await indicatorYears(db),
      indicators: (await shippedAssessmentContent()).indicators,
    }),
  );

  app.get(
    '/indicators/overview',
    {
      config,
      schema: {
        tags,
        summary: 'Every indicator for one group (or the whole sector) in one year',
        querystring: Type.Object({
          year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })),
          ...DimensionQuery,
        }),
        response: {
          200: Type.Object({
            year: Type.Union([Type.Integer(), Type.Null()]),
            k: Type.Integer(),
            rows: Type.Array(
              Type.Object({
                indicator: IndicatorDefinitionSchema,
                withheld: Type.Boolean(),
                cell: Type.Union([CellSchema, Type.Null()]),
              }),
            ),
          }),
        },
      },
    },
    async (request) => {
      const year = request.query.year ?? (await indicatorYears(db)).at(-1) ?? null;
      const filter = filterOf(request.query);
      const rows = [];
      if (year !== null) {
        for (const indicator of (await shippedAssessmentContent()).indicators) {
          const selection = await selectIndicator(db, {
            indicatorId: indicator.id,
            year,
            by: [],
            filter,
            k: minGroupSize,
          });
          rows.push({
            indicator,
            withheld: selection.withheld,
            cell: selection.withheld ? selection.total : (selection.cells[0] ?? null),
          });
        }
      }
      return { year, k: minGroupSize, rows };
    },
  );

  app.get(
    '/indicators/:id',
    {
      config,
      schema: {
        tags,
        summary: 'One indicator in one year: the whole sector, split by up to two dimensions, or one group',
        params: IdParams,
        querystring: SelectionQuery,
        response: { 200: SelectionSchema },
      },
    },
    async (request) => {
      const year = request.query.year ?? (await indicatorYears(db, request.params.id)).at(-1);
      if (year === undefined) throw new AppError('INDICATOR_NOT_FOUND', 'No data for this indicator yet');
      return selectIndicator(db, {
        indicatorId: request.params.id,
        year,
        by: parseBy(request.query.by),
        filter: filterOf(request.query),
        k: minGroupSize,
      });
    },
  );

  app.get(
    '/indicators/:id/trend',
    {
      config,
      schema: {
        tags,
        summary: 'One group (or the sector) year by year',
        params: IdParams,
        querystring: Type.Object(DimensionQuery),
        response: {
          200: Type.Object({
            indicator: IndicatorDefinitionSchema,
            k: Type.Integer(),
            points: Type.Array(Type.Object({ year: Type.Integer(), cell: Type.Union([CellSchema, Type.Null()]) })),
          }),
        },
      },
    },
    async (request) => ({
      ...(await indicatorTrend(db, request.params.id, filterOf(request.query), minGroupSize)),
      k: minGroupSize,
    }),
  );
}
