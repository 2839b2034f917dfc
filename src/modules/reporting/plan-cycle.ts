/**
 * Which reports a new cycle needs: one per active measure and responsible actor of the chosen edition. Measures
 * whose responsibility is not placed ("Avklares") get no report and are listed as the cycle's gap. A delegation
 * hands the writing of an actor's reports to another actor (seed 004 §1.2: for HOD's measures the practical work
 * and the reporting may be delegated, e.g. to Direktoratet for e-helse). Last year's contact person and indicator
 * definitions are carried forward so the actor starts from them; the assessment itself starts empty.
 */
import { AppError, type ErrorDetail } from '../../platform/errors.js';
import type { CatalogueEdition } from '../catalogue/index.js';
import { emptyContent } from './report-content.js';
import type { ReportContent, UnplacedMeasure } from './types.js';

export interface PlannedReport {
  readonly measureId: string;
  readonly actorId: string;
  readonly reporterActorId: string;
  readonly content: ReportContent;
}

export interface PreviousReport {
  readonly measureId: string;
  readonly actorId: string;
  readonly content: ReportContent;
}

export interface CyclePlan {
  readonly reports: PlannedReport[];
  readonly gap: UnplacedMeasure[];
}

export function checkDelegations(edition: CatalogueEdition, delegations: Record<string, string>): void {
  const known = new Set(edition.actors.map((a) => a.id));
  const details: ErrorDetail[] = [];
  for (const [from, to] of Object.entries(delegations)) {
    if (!known.has(from))
      details.push({ field: `delegations.${from}`, message: `no actor "${from}" in edition ${edition.edition.id}` });
    if (!known.has(to))
      details.push({ field: `delegations.${from}`, message: `no actor "${to}" in edition ${edition.edition.id}` });
    if (from === to) details.push({ field: `delegations.${from}`, message: 'an actor cannot delegate to itself' });
  }
  if (details.length > 0) throw new AppError('VALIDATION_FAILED', 'The delegations name unknown actors', details);
}

export function planCycle(
  edition: CatalogueEdition,
  delegations: Record<string, string>,
  previous: readonly PreviousReport[] = [],
): CyclePlan {
  checkDelegations(edition, delegations);
  const previousByKey = new Map(previous.map((p) => [`${p.measureId}|${p.actorId}`, p.content]));
  const active = edition.measures.filter((m) => m.status === 'active');
  const reports: PlannedReport[] = active.flatMap((measure) =>
    measure.responsible.actorIds.map((actorId) => {
      const last = previousByKey.get(`${measure.id}|${actorId}`);
      return {
        measureId: measure.id,
        actorId,
        reporterActorId: delegations[actorId] ?? actorId,
        content: last
          ? {
              ...emptyContent,
              contact: last.contact,
              indicators: last.indicators.map((i) => ({ ...i, value: null, note: '' })),
            }
          : emptyContent,
      };
    }),
  );
  const gap = active
    .filter((m) => m.responsible.status === 'unplaced' || m.responsible.actorIds.length === 0)
    .map((m) => ({ id: m.id, title: m.title, areaId: m.areaId, responsibleText: m.responsible.text }));
  return { reports, gap };
}
