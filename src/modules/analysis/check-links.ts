/**
 * Checks one measure's links of one dimension against what exists: the mapping's framework's assessable nodes
 * (principles), the edition's areas (their goals) and strategic areas. Used for mapping files, edits and drafts.
 */
import type { PathSegment } from '../../platform/data/yaml-source.js';
import { strengths, type Dimension, type MappingLink } from './types.js';

export interface LinkContext {
  readonly editionId: string;
  readonly frameworkId: string;
  readonly measureIds: ReadonlySet<string>;
  readonly targets: Readonly<Record<Dimension, ReadonlySet<string>>>;
}

export interface LinkIssue {
  readonly path: PathSegment[];
  readonly message: string;
}

const what: Record<Dimension, string> = {
  principles: 'a principle (assessable node) of the framework',
  goals: 'an area of the edition',
  strategicAreas: 'a strategic area of the edition',
};

export const maxRationaleLength = 300;

export function checkLinks(links: readonly MappingLink[], dimension: Dimension, context: LinkContext): LinkIssue[] {
  const issues: LinkIssue[] = [];
  const seen = new Set<string>();
  links.forEach((link, i) => {
    if (link.target && !context.targets[dimension].has(link.target))
      issues.push({ path: [i, 'target'], message: `"${link.target}" is not ${what[dimension]}` });
    if (seen.has(link.target)) issues.push({ path: [i, 'target'], message: `"${link.target}" is linked twice` });
    seen.add(link.target);
    if (!(strengths as readonly string[]).includes(link.strength))
      issues.push({ path: [i, 'strength'], message: `must be one of ${strengths.join(', ')}` });
    for (const lang of ['nb', 'en'] as const) {
      const text = link.rationale?.[lang] ?? '';
      if (text.trim() === '') issues.push({ path: [i, 'rationale', lang], message: 'a one-line reason is required' });
      else if (text.length > maxRationaleLength || /[\r\n]/.test(text.trim()))
        issues.push({
          path: [i, 'rationale', lang],
          message: `must be one line of at most ${maxRationaleLength} characters`,
        });
    }
  });
  return issues;
}
