/** What the analysis measures against, taken from a catalogue edition and a framework library. */
import type { CatalogueEdition } from '../catalogue/index.js';
import type { FrameworkLibrary, LocalizedText } from '../frameworks/index.js';
import type { LinkContext } from './check-links.js';
import type { CoverageMeasure, CoverageTarget, Dimension } from './types.js';

const pair = (text: LocalizedText | undefined, fallback: string): { nb: string; en?: string } => ({
  nb: text?.nb ?? Object.values(text ?? {})[0] ?? fallback,
  ...(text?.en ? { en: text.en } : {}),
});

/** The framework's assessable nodes (NSM's 21 principles), each with its category. */
export function principleTargets(library: FrameworkLibrary): CoverageTarget[] {
  const byId = new Map(library.nodes.map((n) => [n.id, n]));
  return library.nodes
    .filter((n) => n.assessable)
    .map((n) => {
      const parent = n.parent ? byId.get(n.parent) : undefined;
      return {
        id: n.id,
        code: n.refId ?? n.id,
        title: pair(n.title ?? n.description, n.id),
        ...(n.description ? { description: pair(n.description, '') } : {}),
        ...(parent ? { group: { id: parent.id, title: pair(parent.title, parent.id) } } : {}),
      };
    });
}

/** The goals of the national areas (one goal per area in v0.7), by area id. */
export function goalTargets(edition: CatalogueEdition): CoverageTarget[] {
  return edition.areas.map((a) => ({ id: a.id, code: a.id, title: { nb: a.name }, description: { nb: a.goal } }));
}

export function strategicAreaTargets(edition: CatalogueEdition): CoverageTarget[] {
  return edition.strategy.strategicAreas.map((s, i) => ({
    id: s.id,
    code: String(i + 1),
    title: { nb: s.name },
    intendedAudiences: [...s.audiences],
  }));
}

export function analysisTargets(
  edition: CatalogueEdition,
  library: FrameworkLibrary,
): Record<Dimension, CoverageTarget[]> {
  return {
    principles: principleTargets(library),
    goals: goalTargets(edition),
    strategicAreas: strategicAreaTargets(edition),
  };
}

/** The edition's active measures. */
export function coverageMeasures(edition: CatalogueEdition): CoverageMeasure[] {
  return edition.measures
    .filter((m) => m.status === 'active')
    .map((m) => ({
      id: m.id,
      title: m.title,
      areaId: m.areaId,
      kind: m.kind,
      audiences: [...m.relevantFor.audiences],
      proposed: false,
    }));
}

export function linkContext(
  edition: CatalogueEdition,
  library: FrameworkLibrary,
  extraMeasureIds: string[] = [],
): LinkContext {
  const targets = analysisTargets(edition, library);
  return {
    editionId: edition.edition.id,
    frameworkId: library.library.id,
    measureIds: new Set([
      ...edition.measures.filter((m) => m.status === 'active').map((m) => m.id),
      ...extraMeasureIds,
    ]),
    targets: {
      principles: new Set(targets.principles.map((t) => t.id)),
      goals: new Set(targets.goals.map((t) => t.id)),
      strategicAreas: new Set(targets.strategicAreas.map((t) => t.id)),
    },
  };
}
