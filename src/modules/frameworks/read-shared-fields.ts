/**
 * Readers for the parts Varde's format and the `x_varde` fields of a CISO Assistant file share: source citations
 * and guidance references.
 */
import { compact, type FieldReader } from './field-reader.js';
import { frameworkIdPattern, maxIdLength, nodeIdPattern } from './ids.js';
import { guidanceKinds, type GuidanceKind, type GuidanceRef, type SourceCitation } from './types.js';
import type { Path } from './yaml-source.js';

export const urlPattern = /^https?:\/\/[^\s]+$/;

export function readGuidance(read: FieldReader, value: unknown, path: Path): GuidanceRef {
  const ref = read.map(value, path, ['kind', 'title', 'publisher', 'audience', 'target', 'url']) ?? {};
  let target: GuidanceRef['target'];
  if (ref.target !== undefined) {
    const t = read.map(ref.target, [...path, 'target'], ['framework', 'node']) ?? {};
    const framework = read.text(t.framework, [...path, 'target', 'framework'], {
      required: true,
      pattern: frameworkIdPattern,
      patternHint: 'a framework id',
      maxLength: maxIdLength,
    });
    const node = read.text(t.node, [...path, 'target', 'node'], {
      required: true,
      pattern: nodeIdPattern,
      patternHint: 'a node id',
      maxLength: maxIdLength,
    });
    if (framework !== undefined && node !== undefined) target = { framework, node };
  }
  return compact({
    kind: read.text(ref.kind, [...path, 'kind'], { required: true, oneOf: guidanceKinds }) as GuidanceKind,
    title: read.text(ref.title, [...path, 'title'], { required: true, maxLength: 1000 }) as string,
    publisher: read.text(ref.publisher, [...path, 'publisher'], { maxLength: 200 }),
    audience: read.text(ref.audience, [...path, 'audience'], { oneOf: ['municipalities'] }) as
      'municipalities' | undefined,
    target,
    url: read.text(ref.url, [...path, 'url'], {
      pattern: urlPattern,
      patternHint: 'an http(s) address',
      maxLength: 2000,
    }),
  });
}

export function readCitation(read: FieldReader, value: unknown, path: Path): SourceCitation | undefined {
  if (value === undefined) return undefined;
  const citation = read.map(value, path, ['document', 'publisher', 'edition', 'url', 'section', 'note']);
  if (!citation) return undefined;
  return compact({
    document: read.text(citation.document, [...path, 'document'], { required: true, maxLength: 1000 }) as string,
    publisher: read.text(citation.publisher, [...path, 'publisher'], { maxLength: 200 }),
    edition: read.text(citation.edition, [...path, 'edition'], { maxLength: 200 }),
    url: read.text(citation.url, [...path, 'url'], {
      pattern: urlPattern,
      patternHint: 'an http(s) address',
      maxLength: 2000,
    }),
    section: read.text(citation.section, [...path, 'section'], { maxLength: 1000 }),
    note: read.text(citation.note, [...path, 'note'], { maxLength: 5000 }),
  });
}
