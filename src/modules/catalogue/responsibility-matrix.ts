/**
 * Who is responsible for what: actors × measures, with the measures nobody is responsible for yet ("Avklares")
 * listed as a gap rather than dropped.
 */
import type { CatalogueEdition } from './types.js';

export interface ResponsibilityMatrix {
  readonly edition: string;
  readonly actors: { id: string; name: string; shortName: string; measureIds: string[] }[];
  readonly measures: { id: string; title: string; areaId: string; actorIds: string[] }[];
  /** Measures whose responsibility is not placed with any actor. */
  readonly unplaced: { id: string; title: string; areaId: string; responsibleText: string }[];
}

export function buildResponsibilityMatrix(edition: CatalogueEdition): ResponsibilityMatrix {
  const active = edition.measures.filter((m) => m.status === 'active');
  const actors = edition.actors
    .map((actor) => ({
      id: actor.id,
      name: actor.name,
      shortName: actor.shortName,
      measureIds: active.filter((m) => m.responsible.actorIds.includes(actor.id)).map((m) => m.id),
    }))
    .filter((actor) => actor.measureIds.length > 0);
  return {
    edition: edition.edition.id,
    actors,
    measures: active.map((m) => ({ id: m.id, title: m.title, areaId: m.areaId, actorIds: m.responsible.actorIds })),
    unplaced: active
      .filter((m) => m.responsible.status === 'unplaced')
      .map((m) => ({ id: m.id, title: m.title, areaId: m.areaId, responsibleText: m.responsible.text })),
  };
}
