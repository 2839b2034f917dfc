/**
 * Checks one change to a draft before it is stored: the measure id, the proposed measure's fields, and its links.
 * Returns every problem with the field it concerns (`measure.title`, `links.principles[0].target`).
 */
import { audienceTags, measureKinds, type CatalogueEdition } from '../catalogue/index.js';
import type { ErrorDetail } from '../../platform/errors.js';
import { checkLinks, type LinkContext } from './check-links.js';
import type { DraftAction, DraftChange, MeasureOverrides, ProposedMeasure } from './draft-types.js';
import { dimensions, type MeasureLinks } from './types.js';

export interface DraftChangeInput {
  measureId: string;
  action: DraftAction;
  measure: ProposedMeasure | MeasureOverrides | null;
  links: MeasureLinks | null;
}

export interface DraftCheckContext {
  readonly base: CatalogueEdition;
  /** Link targets; its measure ids are not used here. */
  readonly links: LinkContext;
  /** The draft's current changes (newest per measure). */
  readonly current: readonly DraftChange[];
}

const maxText = { title: 300, relevantForText: 300, responsibleText: 300, description: 5000 } as const;

function checkFields(
  m: Partial<ProposedMeasure>,
  base: CatalogueEdition,
  required: boolean,
  fail: (field: string, message: string) => void,
): void {
  for (const field of ['title', 'relevantForText', 'responsibleText', 'description'] as const) {
    const value = m[field];
    if (value === undefined) {
      if (required && field !== 'responsibleText') fail(`measure.${field}`, 'is missing');
    } else if (typeof value !== 'string' || (value.trim() === '' && field !== 'responsibleText'))
      fail(`measure.${field}`, 'must be text');
    else if (value.length > maxText[field]) fail(`measure.${field}`, `must be at most ${maxText[field]} characters`);
  }
  if (m.kind !== undefined && !measureKinds.includes(m.kind))
    fail('measure.kind', `must be one of ${measureKinds.join(', ')}`);
  else if (m.kind === undefined && required) fail('measure.kind', 'is missing');
  if (m.audiences !== undefined) {
    if (m.audiences.length === 0) fail('measure.audiences', 'name at least one audience');
    m.audiences.forEach((tag, i) => {
      if (!audienceTags.includes(tag)) fail(`measure.audiences[${i}]`, `unknown audience "${tag}"`);
    });
  } else if (required) fail('measure.audiences', 'is missing');
  const actors = new Set(base.actors.map((a) => a.id));
  m.responsibleActorIds?.forEach((id, i) => {
    if (!actors.has(id))
      fail(`measure.responsibleActorIds[${i}]`, `actor "${id}" is not in edition ${base.edition.id}`);
  });
}

export function checkDraftChange(input: DraftChangeInput, ctx: DraftCheckContext): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  const fail = (field: string, message: string) => problems.push({ field, message });
  const { measureId, action } = input;
  const inBase = ctx.base.measures.find((m) => m.id === measureId);
  if (!/^\d+\.\d+$/.test(measureId)) fail('measureId', `must look like "2.9" (area.number); got "${measureId}"`);
  switch (action) {
    case 'add': {
      if (inBase) fail('measureId', `measure ${measureId} exists in edition ${ctx.base.edition.id}; change it instead`);
      const m = (input.measure ?? {}) as Partial<ProposedMeasure>;
      if (!input.measure) fail('measure', 'a proposed measure needs its fields');
      if (!m.areaId) fail('measure.areaId', 'is missing');
      else if (!ctx.base.areas.some((a) => a.id === m.areaId))
        fail('measure.areaId', `area "${m.areaId}" is not in the edition`);
      else if (!measureId.startsWith(`${m.areaId}.`)) fail('measureId', `must start with the area, "${m.areaId}."`);
      if (input.measure) checkFields(m, ctx.base, true, fail);
      if (!input.links) fail('links', 'a proposed measure needs its links (lists may be empty)');
      break;
    }
    case 'change': {
      if (!inBase || inBase.status !== 'active')
        fail('measureId', `no active measure ${measureId} in edition ${ctx.base.edition.id}`);
      if (!input.measure && !input.links) fail('measure', 'give the fields or the links that change');
      if (input.measure && 'areaId' in input.measure)
        fail('measure.areaId', 'the area of an existing measure cannot change');
      if (input.measure) checkFields(input.measure, ctx.base, false, fail);
      break;
    }
    case 'retire':
      if (!inBase || inBase.status !== 'active')
        fail('measureId', `no active measure ${measureId} in edition ${ctx.base.edition.id}`);
      break;
    case 'revert':
      if (!ctx.current.some((c) => c.measureId === measureId && c.action !== 'revert'))
        fail('measureId', `the draft has no change to measure ${measureId}`);
      break;
  }
  if (input.links && action !== 'retire' && action !== 'revert') {
    for (const dimension of dimensions) {
      const links = input.links[dimension];
      if (!Array.isArray(links)) {
        fail(`links.${dimension}`, 'must be a list');
        continue;
      }
      for (const issue of checkLinks(links, dimension, ctx.links))
        fail(
          `links.${dimension}${issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join('')}`,
          issue.message,
        );
    }
  }
  return problems;
}
