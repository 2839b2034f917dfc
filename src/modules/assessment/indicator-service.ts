/**
 * Indicators and benchmarks: the sector's facts are summed per indicator, year and finest group in one query,
 * cached until the facts change, and published per indicator and year as one k-anonymous family of tables
 * (publish-aggregates.ts). Every answer here selects cells from that family, so no filter, combination of filters
 * or sequence of requests sees a group of fewer than k enterprises.
 */
import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import { organisationTypes, regions, sizeClasses } from '../identity/index.js';
import { shippedAssessmentContent, type IndicatorDefinition } from './assessment-content.js';
import { factVersion, loadCube, type CubeRow } from './fact-repository.js';
import { publishAggregates, type DimensionSpec, type Publication, type PublishedCell } from './publish-aggregates.js';
import { benchmarkDimensions, type BenchmarkDimension } from './types.js';

/** The three dimensions, in the identity module's order (a function: read after all modules have loaded). */
export const dimensionSpecs = (): DimensionSpec[] => [
  { name: 'organisationType', order: organisationTypes },
  { name: 'sizeClass', ordinal: true, order: sizeClasses },
  { name: 'region', order: regions },
];

export type DimensionFilter = Partial<Record<BenchmarkDimension, string>>;

export interface IndicatorSelection {
  indicator: IndicatorDefinition;
  year: number;
  k: number;
  withheld: boolean;
  dimensions: BenchmarkDimension[];
  total: PublishedCell;
  cells: PublishedCell[];
}

interface CacheState {
  version: number;
  cube: CubeRow[];
  publications: Map<string, Publication>;
}

let cache: CacheState | null = null;

async function currentCube(db: Db): Promise<CacheState> {
  const version = await factVersion(db);
  if (!cache || cache.version !== version) cache = { version, cube: await loadCube(db), publications: new Map() };
  return cache;
}

/** Forget cached aggregates (tests that load facts directly). */
export function clearIndicatorCache(): void {
  cache = null;
}

export async function indicatorDefinition(id: string): Promise<IndicatorDefinition> {
  const found = (await shippedAssessmentContent()).indicators.find((i) => i.id === id);
  if (!found) throw new AppError('INDICATOR_NOT_FOUND', `No indicator "${id}"`);
  return found;
}

export async function indicatorYears(db: Db, indicatorId?: string): Promise<number[]> {
  const { cube } = await currentCube(db);
  return [...new Set(cube.filter((r) => !indicatorId || r.indicatorId === indicatorId).map((r) => r.year))].sort(
    (a, b) => a - b,
  );
}

/** The publication for one indicator and year (computed once per change of the facts). */
export async function publication(db: Db, indicatorId: string, year: number, k: number): Promise<Publication> {
  const state = await currentCube(db);
  const key = `${k}|${indicatorId}|${year}`;
  let published = state.publications.get(key);
  if (!published) {
    const groups = state.cube
      .filter((r) => r.indicatorId === indicatorId && r.year === year)
      .map((r) => ({
        key: { organisationType: r.organisationType, sizeClass: r.sizeClass, region: r.region },
        count: r.count,
        sum: r.sum,
      }));
    published = publishAggregates(groups, k, dimensionSpecs());
    state.publications.set(key, published);
  }
  return published;
}

function dimensionsOf(by: readonly BenchmarkDimension[], filter: DimensionFilter): BenchmarkDimension[] {
  const dims = benchmarkDimensions.filter((d) => by.includes(d) || filter[d] !== undefined);
  if (dims.length > 2) {
    throw new AppError('VALIDATION_FAILED', 'At most two of type, size class and region can be combined', [
      { field: 'by', message: 'combine at most two dimensions (including filters)' },
    ]);
  }
  return dims;
}

/** The cells of the table for these dimensions that contain the filtered categories (merged ones included). */
export function selectCells(
  published: Publication,
  dims: readonly BenchmarkDimension[],
  filter: DimensionFilter,
): PublishedCell[] {
  if (published.withheld) return [];
  if (dims.length === 0) return [published.total];
  const table = published.tables.find(
    (t) => t.dimensions.length === dims.length && dims.every((d) => t.dimensions.includes(d)),
  );
  if (!table) return [];
  return table.cells.filter((cell) =>
    dims.every((d) => filter[d] === undefined || (cell.members[d] ?? []).includes(filter[d]!)),
  );
}

export async function selectIndicator(
  db: Db,
  query: { indicatorId: string; year: number; by: BenchmarkDimension[]; filter: DimensionFilter; k: number },
): Promise<IndicatorSelection> {
  const indicator = await indicatorDefinition(query.indicatorId);
  const dims = dimensionsOf(query.by, query.filter);
  const published = await publication(db, query.indicatorId, query.year, query.k);
  return {
    indicator,
    year: query.year,
    k: query.k,
    withheld: published.withheld,
    dimensions: dims,
    total: published.total,
    cells: selectCells(published, dims, query.filter),
  };
}

export interface TrendPoint {
  year: number;
  cell: PublishedCell | null;
}

/** One group's value year by year (the sector as a whole when there is no filter). */
export async function indicatorTrend(
  db: Db,
  indicatorId: string,
  filter: DimensionFilter,
  k: number,
): Promise<{ indicator: IndicatorDefinition; points: TrendPoint[] }> {
  const indicator = await indicatorDefinition(indicatorId);
  const dims = dimensionsOf([], filter);
  const points: TrendPoint[] = [];
  for (const year of await indicatorYears(db, indicatorId)) {
    const published = await publication(db, indicatorId, year, k);
    points.push({
      year,
      cell: published.withheld ? published.total : (selectCells(published, dims, filter)[0] ?? null),
    });
  }
  return { indicator, points };
}

export type PeerLevel = 'type-size' | 'type' | 'sector';

export interface PeerComparison {
  indicatorId: string;
  level: PeerLevel;
  cell: PublishedCell;
  /** Why a closer peer group could not be shown (notes of the cell that was passed over). */
  passedOver: { level: PeerLevel; notes: string[] }[];
}

/**
 * The closest published peer group for an enterprise: same type and size class, else same type, else the whole
 * sector. A group merged into "andre" is not a peer group of similar enterprises, so it is passed over too.
 */
export function closestPeers(
  published: Publication,
  profile: { organisationType: string; sizeClass: string },
): Omit<PeerComparison, 'indicatorId'> | null {
  if (published.withheld) return null;
  const passedOver: PeerComparison['passedOver'] = [];
  const typeSize = selectCells(published, ['organisationType', 'sizeClass'], profile)[0];
  if (typeSize && !typeSize.suppressed && typeSize.key.organisationType !== 'other' && (typeSize.count ?? 0) > 0) {
    return { level: 'type-size', cell: typeSize, passedOver };
  }
  if (typeSize) passedOver.push({ level: 'type-size', notes: typeSize.notes });
  const type = selectCells(published, ['organisationType'], profile)[0];
  if (type && type.key.organisationType !== 'other') return { level: 'type', cell: type, passedOver };
  if (type) passedOver.push({ level: 'type', notes: type.notes });
  return { level: 'sector', cell: published.total, passedOver };
}
