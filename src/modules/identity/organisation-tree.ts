/** Plain functions over the organisation tree: descendants (an organisation's scope), ancestors, and checks. */
import type { ErrorDetail } from '../../platform/errors.js';
import { orgNumberProblem } from './org-number.js';
import { allowedParentLevels, type OrganisationLevel, type OrganisationType } from './organisation-types.js';
import type { Organisation } from './types.js';

/** The organisation and everything below it, transitively (its isolation scope). Safe against cycles. */
export function descendantIds(
  organisations: readonly Pick<Organisation, 'id' | 'parentId'>[],
  rootId: string,
): string[] {
  const children = new Map<string, string[]>();
  for (const o of organisations) {
    if (o.parentId) children.set(o.parentId, [...(children.get(o.parentId) ?? []), o.id]);
  }
  const seen = new Set<string>([rootId]);
  const queue = [rootId];
  while (queue.length > 0) {
    const id = queue.shift()!;
    for (const child of children.get(id) ?? []) {
      if (!seen.has(child)) {
        seen.add(child);
        queue.push(child);
      }
    }
  }
  return [...seen];
}

/** From the organisation up to the sector, nearest first (excluding itself). */
export function ancestorIds(organisations: readonly Pick<Organisation, 'id' | 'parentId'>[], id: string): string[] {
  const byId = new Map(organisations.map((o) => [o.id, o]));
  const path: string[] = [];
  let current = byId.get(id)?.parentId ?? null;
  while (current && !path.includes(current)) {
    path.push(current);
    current = byId.get(current)?.parentId ?? null;
  }
  return path;
}

export interface PlacementInput {
  readonly level: OrganisationLevel;
  readonly parent: Pick<Organisation, 'id' | 'level' | 'organisationType'> | null;
  readonly organisationType: OrganisationType | null;
  readonly orgNumber: string | null;
}

/** Checks where an organisation sits in the tree and its number; returns every problem with its field. */
export function checkPlacement(input: PlacementInput): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  const parentLevel = input.parent?.level ?? null;
  if (!allowedParentLevels[input.level].includes(parentLevel)) {
    const allowed = allowedParentLevels[input.level].map((l) => l ?? 'none').join(' or ');
    problems.push({
      field: 'parentId',
      message: `a ${input.level} must sit under ${allowed}, not ${parentLevel ?? 'nothing'}`,
    });
  }
  if (input.level === 'type' && !input.organisationType) {
    problems.push({ field: 'organisationType', message: 'a type node names its organisation type' });
  }
  if (
    (input.level === 'enterprise' || input.level === 'unit') &&
    input.parent?.organisationType &&
    input.organisationType &&
    input.organisationType !== input.parent.organisationType
  ) {
    problems.push({
      field: 'organisationType',
      message: `must be "${input.parent.organisationType}", the type it sits under`,
    });
  }
  if (input.level === 'enterprise' && !input.orgNumber) {
    problems.push({ field: 'orgNumber', message: 'an enterprise has an organisation number' });
  }
  if (input.orgNumber) {
    const problem = orgNumberProblem(input.orgNumber);
    if (problem) problems.push({ field: 'orgNumber', message: problem });
  }
  return problems;
}
