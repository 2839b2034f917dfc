/**
 * The measures list's filters live in the URL (?area=4&actor=helsecert&q=logg), so a reload, a shared link or
 * the back button shows the same list. Values that are not valid are dropped rather than sent to the API.
 */
import type { AudienceTag, MeasureKind } from './catalogue-api.js';

export const audienceTags = [
  'whole-sector',
  'under-hod',
  'large-enterprises',
  'small-enterprises',
  'municipalities',
  'health-service-providers',
  'specialist-health-service',
  'helsenett-members',
  'health-administration',
  'suppliers',
  'specific-actors',
] as const satisfies readonly AudienceTag[];

export const measureKinds = ['existing', 'new'] as const satisfies readonly MeasureKind[];
export const responsibilityStates = ['placed', 'unplaced'] as const;

export interface MeasureFilters {
  readonly area?: string;
  readonly actor?: string;
  readonly audience?: AudienceTag;
  readonly kind?: MeasureKind;
  readonly responsibility?: (typeof responsibilityStates)[number];
  readonly q?: string;
}

export const filterNames = ['area', 'actor', 'audience', 'kind', 'responsibility', 'q'] as const;
export type FilterName = (typeof filterNames)[number];

const oneOf = <T extends string>(values: readonly T[], value: string | null): T | undefined =>
  value !== null && (values as readonly string[]).includes(value) ? (value as T) : undefined;

const shortText = (value: string | null, max: number): string | undefined => {
  const trimmed = value?.trim();
  return trimmed ? trimmed.slice(0, max) : undefined;
};

export function readFilters(params: URLSearchParams): MeasureFilters {
  const filters: Record<string, string | undefined> = {
    area: shortText(params.get('area'), 10),
    actor: shortText(params.get('actor'), 80),
    audience: oneOf(audienceTags, params.get('audience')),
    kind: oneOf(measureKinds, params.get('kind')),
    responsibility: oneOf(responsibilityStates, params.get('responsibility')),
    q: shortText(params.get('q'), 200),
  };
  return Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined)) as MeasureFilters;
}

/** The URL query for these filters, in a stable order (so equal filters give equal URLs and cache keys). */
export function filtersToParams(filters: MeasureFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const name of filterNames) {
    const value = filters[name];
    if (value) params.set(name, value);
  }
  return params;
}

export function withFilter(filters: MeasureFilters, name: FilterName, value: string | undefined): MeasureFilters {
  const next: Record<string, string | undefined> = { ...filters, [name]: value || undefined };
  return readFilters(filtersToParams(next as MeasureFilters));
}

export function activeFilterCount(filters: MeasureFilters): number {
  return filterNames.filter((name) => name !== 'q' && filters[name]).length;
}
