/**
 * The catalogue API as the web UI reads it: paths and answer types. Field types come from the catalogue module
 * (type-only imports, erased at build) so the UI and the API cannot drift apart silently.
 */
import { withQuery } from '../../api/client.js';
import type {
  ActorKind,
  AudienceTag,
  EditionInfo,
  GuidanceRef,
  MeasureKind,
  MeasureView,
  SourceRef,
} from '../../../../src/modules/catalogue/index.js';

export type { ActorKind, AudienceTag, EditionInfo, GuidanceRef, MeasureKind, MeasureView, SourceRef };

export interface MeasureList {
  readonly edition: string;
  readonly count: number;
  readonly measures: readonly MeasureView[];
}

export interface AreaView {
  readonly id: string;
  readonly name: string;
  readonly goal: string;
  readonly measureIds: readonly string[];
  readonly source: SourceRef;
}

export interface AreaList {
  readonly edition: string;
  readonly count: number;
  readonly areas: readonly AreaView[];
}

export interface StrategicAreaView {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly expectedEffects: readonly string[];
  readonly beneficiaries: string;
  readonly audiences: readonly AudienceTag[];
  readonly source: SourceRef;
}

export interface StrategicAreaList {
  readonly edition: string;
  readonly count: number;
  readonly strategicAreas: readonly StrategicAreaView[];
}

export interface StrategyView {
  readonly edition: string;
  readonly purpose: { readonly text: string; readonly source: SourceRef };
  readonly objectives: readonly { readonly id: string; readonly text: string; readonly source: SourceRef }[];
}

export interface BasicMeasureView {
  readonly id: string;
  readonly number: number;
  readonly title: string;
  readonly guidance: readonly GuidanceRef[];
  readonly source: SourceRef;
}

export interface BasicMeasureList {
  readonly edition: string;
  readonly count: number;
  readonly basicMeasures: readonly BasicMeasureView[];
}

export interface ActorView {
  readonly id: string;
  readonly name: string;
  readonly shortName: string;
  readonly kind: ActorKind;
  readonly partOf: string | null;
  readonly responsibleFor: readonly string[];
  readonly source: SourceRef;
}

export interface ActorList {
  readonly edition: string;
  readonly count: number;
  readonly actors: readonly ActorView[];
}

export interface ResponsibilityMatrixView {
  readonly edition: string;
  readonly actors: readonly { id: string; name: string; shortName: string; measureIds: readonly string[] }[];
  readonly measures: readonly { id: string; title: string; areaId: string; actorIds: readonly string[] }[];
  readonly unplaced: readonly { id: string; title: string; areaId: string; responsibleText: string }[];
}

export interface EditionList {
  readonly editions: readonly EditionInfo[];
}

const base = '/api/v1/catalogue';

export const cataloguePaths = {
  measures: (query: Readonly<Record<string, string | undefined>> = {}) => withQuery(`${base}/measures`, query),
  measure: (id: string) => `${base}/measures/${encodeURIComponent(id)}`,
  areas: () => `${base}/areas`,
  strategy: () => `${base}/strategy`,
  strategicAreas: () => `${base}/strategic-areas`,
  basicMeasures: () => `${base}/basic-measures`,
  actors: () => `${base}/actors`,
  actor: (id: string) => `${base}/actors/${encodeURIComponent(id)}`,
  responsibilityMatrix: () => `${base}/responsibility-matrix`,
  editions: () => `${base}/editions`,
} as const;
