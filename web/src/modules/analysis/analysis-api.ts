/**
 * The analysis API as the web UI reads it: paths and answer types. Types come from the analysis module (type-only
 * imports, erased at build), so the UI and the API cannot drift apart silently.
 */
import { withQuery } from '../../api/client.js';
import type {
  AudienceGroup,
  CoverageLevel,
  CoverageReport,
  DraftAction,
  DraftChange,
  DraftCoverage,
  DraftDetail,
  DraftInfo,
  Gap,
  GapKind,
  MappingLink,
  MappingRevision,
  MeasureLinks,
  Dimension,
  Strength,
  TargetChange,
  TargetCoverage,
  ProposedMeasure,
} from '../../../../src/modules/analysis/index.js';

export type {
  AudienceGroup,
  CoverageLevel,
  CoverageReport,
  DraftAction,
  DraftChange,
  DraftCoverage,
  DraftDetail,
  DraftInfo,
  Gap,
  GapKind,
  MappingLink,
  MappingRevision,
  MeasureLinks,
  Dimension,
  Strength,
  TargetChange,
  TargetCoverage,
  ProposedMeasure,
};

export const audienceGroupList: readonly AudienceGroup[] = [
  'whole-sector',
  'large-enterprises',
  'small-enterprises',
  'municipalities',
];
export const strengthList: readonly Strength[] = ['strong', 'moderate', 'weak'];
export const dimensionList: readonly Dimension[] = ['principles', 'goals', 'strategicAreas'];

export interface PublicMapping {
  readonly edition: string;
  readonly frameworkId: string;
  readonly measures: readonly {
    measureId: string;
    revision: number;
    origin: string;
    at: string;
    links: MeasureLinks;
  }[];
}

export interface DraftList {
  readonly count: number;
  readonly drafts: readonly (DraftInfo & { changeCount: number })[];
}

const base = '/api/v1/analysis';

export const analysisPaths = {
  coverage: (edition?: string) => withQuery(`${base}/coverage`, { edition }),
  coverageExport: (query: { format: 'xlsx' | 'csv'; table?: string; lang: string; edition?: string }) =>
    withQuery(`${base}/coverage/export`, query),
  mapping: (edition?: string) => withQuery(`${base}/mapping`, { edition }),
  measureMapping: (measureId: string) => `${base}/mapping/${encodeURIComponent(measureId)}`,
  measureHistory: (measureId: string, edition?: string) =>
    withQuery(`${base}/mapping/${encodeURIComponent(measureId)}/history`, { edition }),
  drafts: () => `${base}/drafts`,
  draft: (id: string) => `${base}/drafts/${encodeURIComponent(id)}`,
  draftChanges: (id: string) => `${base}/drafts/${encodeURIComponent(id)}/changes`,
  draftCoverage: (id: string) => `${base}/drafts/${encodeURIComponent(id)}/coverage`,
  draftExport: (id: string, query: { format: 'xlsx' | 'csv'; table?: string; lang: string }) =>
    withQuery(`${base}/drafts/${encodeURIComponent(id)}/coverage/export`, query),
  draftPublish: (id: string) => `${base}/drafts/${encodeURIComponent(id)}/publish`,
  draftDiscard: (id: string) => `${base}/drafts/${encodeURIComponent(id)}/discard`,
} as const;
