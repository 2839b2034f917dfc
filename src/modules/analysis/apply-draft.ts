/**
 * A draft's effect, as pure functions: the measures and links the analysis sees with the draft applied, and the
 * catalogue edition the draft becomes when it is published.
 */
import type { CatalogueEdition, Measure } from '../catalogue/index.js';
import type { DraftChange, MeasureOverrides, ProposedMeasure } from './draft-types.js';
import type { CoverageMeasure, MeasureMapping } from './types.js';

export interface AnalysisInput {
  measures: CoverageMeasure[];
  mappings: MeasureMapping[];
}

/** The changes that are in effect: the newest per measure, without reverted ones. */
export function effectiveChanges(current: readonly DraftChange[]): DraftChange[] {
  return current.filter((c) => c.action !== 'revert');
}

export function applyDraft(base: AnalysisInput, current: readonly DraftChange[]): AnalysisInput {
  let measures = [...base.measures];
  let mappings = [...base.mappings];
  for (const change of effectiveChanges(current)) {
    const id = change.measureId;
    switch (change.action) {
      case 'add': {
        const m = change.measure as ProposedMeasure;
        measures = [
          ...measures.filter((x) => x.id !== id),
          { id, title: m.title, areaId: m.areaId, kind: m.kind, audiences: [...m.audiences], proposed: true },
        ];
        mappings = [...mappings.filter((x) => x.measureId !== id), { measureId: id, ...change.links! }];
        break;
      }
      case 'change': {
        const o = (change.measure ?? {}) as MeasureOverrides;
        measures = measures.map((x) =>
          x.id !== id
            ? x
            : {
                ...x,
                ...(o.title !== undefined ? { title: o.title } : {}),
                ...(o.kind !== undefined ? { kind: o.kind } : {}),
                ...(o.audiences !== undefined ? { audiences: [...o.audiences] } : {}),
              },
        );
        if (change.links)
          mappings = [...mappings.filter((x) => x.measureId !== id), { measureId: id, ...change.links }];
        break;
      }
      case 'retire':
        measures = measures.filter((x) => x.id !== id);
        mappings = mappings.filter((x) => x.measureId !== id);
        break;
      case 'revert':
        break;
    }
  }
  return { measures, mappings };
}

export interface PublishInfo {
  draftId: string;
  editionId: string;
  title: string;
  /** `YYYY-MM-DD`. */
  publishedOn: string;
  draftTitle: string;
}

/** Natural order of measure ids: 1.2 before 1.10. */
function compareIds(a: string, b: string): number {
  const [aa = 0, an = 0] = a.split('.').map(Number);
  const [ba = 0, bn = 0] = b.split('.').map(Number);
  return aa - ba || an - bn;
}

function responsibility(m: Pick<ProposedMeasure, 'responsibleText' | 'responsibleActorIds'>): Measure['responsible'] {
  const placed = m.responsibleActorIds.length > 0;
  return {
    text: m.responsibleText.trim() || 'Avklares',
    status: placed ? 'placed' : 'unplaced',
    actorIds: [...m.responsibleActorIds],
  };
}

/** The new edition: the base edition's content with the draft's measures added, changed or retired (kept, marked retired). */
export function draftToEdition(
  base: CatalogueEdition,
  current: readonly DraftChange[],
  info: PublishInfo,
): CatalogueEdition {
  const source = {
    file: `varde:analysis-draft:${info.draftId}`,
    section: `Utkast «${info.draftTitle}», ${info.publishedOn}`,
  };
  const byId = new Map(effectiveChanges(current).map((c) => [c.measureId, c]));
  const measures: Measure[] = base.measures.map((m) => {
    const change = byId.get(m.id);
    if (!change) return m;
    if (change.action === 'retire') return { ...m, status: 'retired' };
    const o = (change.measure ?? {}) as MeasureOverrides;
    return {
      ...m,
      title: o.title ?? m.title,
      kind: o.kind ?? m.kind,
      description: o.description ?? m.description,
      responsible:
        o.responsibleText !== undefined || o.responsibleActorIds !== undefined
          ? responsibility({
              responsibleText: o.responsibleText ?? m.responsible.text,
              responsibleActorIds: o.responsibleActorIds ?? m.responsible.actorIds,
            })
          : m.responsible,
      relevantFor: {
        ...m.relevantFor,
        text: o.relevantForText ?? m.relevantFor.text,
        audiences: o.audiences ? [...o.audiences] : m.relevantFor.audiences,
      },
      source: { ...m.source, section: `${m.source.section}; endret i ${source.section}` },
    };
  });
  for (const change of byId.values()) {
    if (change.action !== 'add') continue;
    const p = change.measure as ProposedMeasure;
    measures.push({
      id: change.measureId,
      areaId: p.areaId,
      title: p.title,
      overviewTitle: null,
      kind: p.kind,
      status: 'active',
      responsible: responsibility(p),
      relevantFor: { text: p.relevantForText, audiences: [...p.audiences], actorIds: [] },
      description: p.description,
      remark: null,
      source: { file: source.file, section: `Tiltak ${change.measureId}, ${source.section}` },
    });
  }
  measures.sort((a, b) => compareIds(a.id, b.id));
  return {
    ...base,
    edition: {
      id: info.editionId,
      title: info.title,
      status: 'published',
      publishedOn: info.publishedOn,
      supersedes: base.edition.id,
      remarks: [
        {
          text: `Utgaven er laget i Varde fra utkastet «${info.draftTitle}» over utgave ${base.edition.id}.`,
          source,
        },
      ],
      source,
    },
    measures,
  };
}
