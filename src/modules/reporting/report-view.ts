/** A status report as the API and UI show it: with its measure, area goal, actors, cycle, actions and earlier years. */
import type { CatalogueEdition } from '../catalogue/index.js';
import type { WorkflowAction } from './report-workflow.js';
import type { ReportingCycle, StatusReport } from './types.js';

export interface ActorRef {
  readonly id: string;
  readonly name: string;
  readonly shortName: string;
}

export interface ReportSummary {
  readonly id: string;
  readonly cycleId: string;
  readonly year: number;
  readonly measure: { readonly id: string; readonly title: string; readonly areaId: string; readonly areaName: string };
  readonly actor: ActorRef;
  readonly reporterActor: ActorRef;
  readonly state: StatusReport['state'];
  readonly status: StatusReport['status'];
  readonly revision: number;
  readonly updatedAt: Date;
  readonly submittedAt: Date | null;
  readonly approvedAt: Date | null;
  readonly reviewComment: string | null;
}

export interface ReportView extends ReportSummary {
  readonly editionId: string;
  readonly measureDetail: { readonly description: string; readonly areaGoal: string; readonly kind: string };
  readonly progress: string;
  readonly contribution: StatusReport['contribution'];
  readonly indicators: StatusReport['indicators'];
  readonly nextSteps: string;
  readonly blockers: string;
  readonly contact: StatusReport['contact'];
  readonly evidence: StatusReport['evidence'];
  readonly updatedBy: string | null;
  readonly approvedBy: string | null;
  readonly cycle: {
    readonly id: string;
    readonly year: number;
    readonly dueDate: string;
    readonly state: string;
  } | null;
  readonly actions: { action: WorkflowAction; allowed: boolean; reason: string | null }[];
  /** The same measure and actor in earlier years (approved reports only), newest first. */
  readonly earlier: {
    readonly id: string;
    readonly year: number;
    readonly status: StatusReport['status'];
    readonly progress: string;
    readonly contribution: StatusReport['contribution'];
    readonly indicators: StatusReport['indicators'];
    readonly nextSteps: string;
    readonly blockers: string;
    readonly approvedAt: Date | null;
  }[];
}

export function actorRef(edition: CatalogueEdition, id: string): ActorRef {
  const actor = edition.actors.find((a) => a.id === id);
  return { id, name: actor?.name ?? id, shortName: actor?.shortName ?? id };
}

export function summariseReport(edition: CatalogueEdition, report: StatusReport): ReportSummary {
  const measure = edition.measures.find((m) => m.id === report.measureId);
  const area = edition.areas.find((a) => a.id === measure?.areaId);
  return {
    id: report.id,
    cycleId: report.cycleId,
    year: report.year,
    measure: {
      id: report.measureId,
      title: measure?.title ?? report.measureId,
      areaId: area?.id ?? '',
      areaName: area?.name ?? '',
    },
    actor: actorRef(edition, report.actorId),
    reporterActor: actorRef(edition, report.reporterActorId),
    state: report.state,
    status: report.status,
    revision: report.revision,
    updatedAt: report.updatedAt,
    submittedAt: report.submittedAt,
    approvedAt: report.approvedAt,
    reviewComment: report.reviewComment,
  };
}

export function presentReport(
  edition: CatalogueEdition,
  report: StatusReport,
  context: {
    cycle: ReportingCycle | null;
    actions: ReportView['actions'];
    earlier: readonly StatusReport[];
  },
): ReportView {
  const measure = edition.measures.find((m) => m.id === report.measureId);
  const area = edition.areas.find((a) => a.id === measure?.areaId);
  return {
    ...summariseReport(edition, report),
    editionId: report.editionId,
    measureDetail: { description: measure?.description ?? '', areaGoal: area?.goal ?? '', kind: measure?.kind ?? '' },
    progress: report.progress,
    contribution: report.contribution,
    indicators: report.indicators,
    nextSteps: report.nextSteps,
    blockers: report.blockers,
    contact: report.contact,
    evidence: report.evidence,
    updatedBy: report.updatedBy,
    approvedBy: report.approvedBy,
    cycle: context.cycle
      ? { id: context.cycle.id, year: context.cycle.year, dueDate: context.cycle.dueDate, state: context.cycle.state }
      : null,
    actions: context.actions,
    earlier: [...context.earlier]
      .sort((a, b) => b.year - a.year)
      .map((r) => ({
        id: r.id,
        year: r.year,
        status: r.status,
        progress: r.progress,
        contribution: r.contribution,
        indicators: r.indicators,
        nextSteps: r.nextSteps,
        blockers: r.blockers,
        approvedAt: r.approvedAt,
      })),
  };
}
