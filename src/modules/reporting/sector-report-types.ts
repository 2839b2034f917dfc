/**
 * The sector report as frozen data. A published report is this snapshot, stored as JSON with its content hash;
 * every view and export of a published report is made from the snapshot alone, so later edits of the source
 * reports cannot change it.
 */
import type { StatusChange } from './status-scale.js';
import type { ContributionLevel, ImplementationStatus, Indicator, ReportState, UnplacedMeasure } from './types.js';

export type StatusCounts = Record<ImplementationStatus, number>;

export interface SnapshotReport {
  readonly measureId: string;
  readonly measureTitle: string;
  readonly measureKind: 'existing' | 'new';
  readonly areaId: string;
  readonly areaName: string;
  readonly actorId: string;
  readonly actorName: string;
  readonly reporterActorId: string;
  readonly reporterActorName: string;
  /** The report's state when compiled; only approved reports carry content. */
  readonly state: ReportState;
  readonly approved: boolean;
  readonly status: ImplementationStatus | null;
  readonly progress: string;
  readonly contribution: { readonly level: ContributionLevel; readonly text: string };
  readonly indicators: Indicator[];
  readonly nextSteps: string;
  readonly blockers: string;
  readonly contact: { readonly name: string; readonly email: string; readonly phone: string };
  readonly evidence: {
    readonly kind: 'link' | 'file';
    readonly title: string;
    readonly url: string | null;
    readonly fileName: string | null;
    readonly mediaType: string | null;
    readonly sizeBytes: number | null;
  }[];
  readonly approvedAt: string | null;
  readonly previousStatus: ImplementationStatus | null;
  readonly change: StatusChange;
}

export interface GroupSummary {
  readonly id: string;
  readonly name: string;
  readonly expected: number;
  readonly approved: number;
  readonly counts: StatusCounts;
  /** Share of the approved reports whose measure is in operation or completed, in per cent (one decimal). */
  readonly inPlaceShare: number | null;
}

export interface TrendPoint {
  readonly year: number;
  readonly approved: number;
  readonly counts: StatusCounts;
  readonly inPlaceShare: number | null;
}

export interface SectorReportSnapshot {
  readonly schemaVersion: 1;
  readonly year: number;
  readonly cycleId: string;
  readonly editionId: string;
  readonly editionTitle: string;
  readonly dueDate: string;
  readonly compiledAt: string;
  readonly totals: {
    readonly expected: number;
    readonly approved: number;
    readonly missing: number;
    readonly measures: number;
    readonly unplaced: number;
  };
  readonly overall: StatusCounts;
  readonly byArea: (GroupSummary & { readonly goal: string })[];
  readonly byActor: (GroupSummary & { readonly shortName: string })[];
  readonly reports: SnapshotReport[];
  readonly gap: UnplacedMeasure[];
  /** Earlier years and this one, oldest first. */
  readonly trend: TrendPoint[];
  readonly areaTrend: { readonly id: string; readonly name: string; readonly points: TrendPoint[] }[];
  readonly changes: Record<StatusChange, number>;
}

/** One earlier year, for trends and the year-over-year comparison. */
export interface HistoricYear {
  readonly year: number;
  readonly reports: readonly {
    readonly measureId: string;
    readonly actorId: string;
    readonly areaId: string;
    readonly status: ImplementationStatus | null;
  }[];
}

export interface PublishedSectorReport {
  readonly id: string;
  readonly cycleId: string;
  readonly year: number;
  readonly version: number;
  readonly title: string;
  readonly publishedAt: Date;
  readonly publishedBy: string;
  readonly contentHash: string;
  readonly snapshot: SectorReportSnapshot;
}
