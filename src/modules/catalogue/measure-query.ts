/**
 * Filtering, searching and presenting measures: plain functions over a loaded edition. The catalogue is small
 * (tens of measures), so this runs in memory and is the same for the API, the CLI and the web UI.
 */
import type { Actor, AudienceTag, CatalogueEdition, Measure, MeasureKind, SourceRef } from './types.js';

export interface MeasureFilter {
  readonly area?: string | undefined;
  /** Responsible actor; an actor also matches the measures of the actors that are part of it (NHN ⊃ HelseCERT). */
  readonly actor?: string | undefined;
  readonly audience?: AudienceTag | undefined;
  readonly kind?: MeasureKind | undefined;
  readonly responsibility?: 'placed' | 'unplaced' | undefined;
  readonly q?: string | undefined;
}

export interface ActorRef {
  readonly id: string;
  readonly name: string;
  readonly shortName: string;
}

export interface MeasureView {
  readonly id: string;
  readonly edition: string;
  readonly area: { readonly id: string; readonly name: string };
  readonly title: string;
  readonly overviewTitle: string | null;
  readonly kind: MeasureKind;
  readonly status: Measure['status'];
  readonly responsible: {
    readonly text: string;
    readonly status: 'placed' | 'unplaced';
    readonly actors: ActorRef[];
  };
  readonly relevantFor: {
    readonly text: string;
    readonly audiences: AudienceTag[];
    readonly actors: ActorRef[];
  };
  readonly description: string;
  readonly remark: string | null;
  readonly source: SourceRef;
}

/** Lower case, composed Unicode (so a decomposed "ø" matches a composed one), single spaces. */
export function normaliseText(text: string): string {
  return text.normalize('NFC').toLocaleLowerCase('nb-NO').replace(/\s+/g, ' ').trim();
}

function searchableText(measure: Measure): string {
  return normaliseText(
    [
      measure.id,
      measure.title,
      measure.overviewTitle ?? '',
      measure.description,
      measure.responsible.text,
      measure.relevantFor.text,
      measure.remark ?? '',
    ].join(' '),
  );
}

/** Every word of the query must occur in the measure; compound words match on their parts ("testing" finds "sikkerhetstesting"). */
export function matchesQuery(measure: Measure, query: string): boolean {
  const words = normaliseText(query).split(' ').filter(Boolean);
  if (words.length === 0) return true;
  const text = searchableText(measure);
  return words.every((word) => text.includes(word));
}

/** The actor and every actor that is part of it, transitively. */
export function actorFamily(actors: Actor[], actorId: string): Set<string> {
  const family = new Set([actorId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const actor of actors) {
      if (actor.partOf && family.has(actor.partOf) && !family.has(actor.id)) {
        family.add(actor.id);
        grew = true;
      }
    }
  }
  return family;
}

export function filterMeasures(edition: CatalogueEdition, filter: MeasureFilter): Measure[] {
  const family = filter.actor ? actorFamily(edition.actors, filter.actor) : null;
  return edition.measures.filter(
    (m) =>
      (!filter.area || m.areaId === filter.area) &&
      (!family || m.responsible.actorIds.some((id) => family.has(id))) &&
      (!filter.audience || m.relevantFor.audiences.includes(filter.audience)) &&
      (!filter.kind || m.kind === filter.kind) &&
      (!filter.responsibility || m.responsible.status === filter.responsibility) &&
      (!filter.q || matchesQuery(m, filter.q)),
  );
}

export function presentMeasure(edition: CatalogueEdition, measure: Measure): MeasureView {
  const actorsById = new Map(edition.actors.map((a) => [a.id, a]));
  const ref = (id: string): ActorRef => {
    const actor = actorsById.get(id);
    return { id, name: actor?.name ?? id, shortName: actor?.shortName ?? id };
  };
  const area = edition.areas.find((a) => a.id === measure.areaId);
  return {
    id: measure.id,
    edition: edition.edition.id,
    area: { id: measure.areaId, name: area?.name ?? measure.areaId },
    title: measure.title,
    overviewTitle: measure.overviewTitle,
    kind: measure.kind,
    status: measure.status,
    responsible: {
      text: measure.responsible.text,
      status: measure.responsible.status,
      actors: measure.responsible.actorIds.map(ref),
    },
    relevantFor: {
      text: measure.relevantFor.text,
      audiences: measure.relevantFor.audiences,
      actors: measure.relevantFor.actorIds.map(ref),
    },
    description: measure.description,
    remark: measure.remark,
    source: measure.source,
  };
}

/** Natural order of measure ids: 1.2 before 1.10. */
export function compareMeasureIds(a: string, b: string): number {
  const [aa = 0, an = 0] = a.split('.').map(Number);
  const [ba = 0, bn = 0] = b.split('.').map(Number);
  return aa - ba || an - bn;
}
