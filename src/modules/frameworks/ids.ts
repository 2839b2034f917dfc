/**
 * Identifier rules for libraries, mapping sets and requirement nodes, and the one-to-one translation between
 * Varde ids and CISO Assistant URNs. Keeping the translation a bijection is what lets a library leave Varde as
 * CISO YAML and come back unchanged.
 *
 *   Varde                                  CISO Assistant
 *   urn:<ns>:framework:<slug>              urn:<ns>:risk:framework:<slug>   (library: urn:<ns>:risk:library:<slug>)
 *   urn:<ns>:library:<slug>                urn:<ns>:risk:library:<slug>
 *   urn:<ns>:mapping:<slug>                urn:<ns>:risk:req_mapping_set:<slug>
 *   node <id> of urn:<ns>:framework:<slug> urn:<ns>:risk:req_node:<slug>:<id>
 */

const namespace = '[a-z0-9][a-z0-9_-]*';
const slug = '[a-z0-9][a-z0-9._-]*';

export const libraryIdPattern = new RegExp(`^urn:(${namespace}):(framework|library):(${slug})$`);
export const frameworkIdPattern = new RegExp(`^urn:(${namespace}):framework:(${slug})$`);
export const mappingSetIdPattern = new RegExp(`^urn:(${namespace}):mapping:(${slug})$`);
/** The characters CISO Assistant allows at the end of a URN, so every node id fits in one. */
export const nodeIdPattern = /^[A-Za-z0-9][A-Za-z0-9._:()[\]-]*$/;
export const languagePattern = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
export const datePattern = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
export const maxIdLength = 200;

/** The key two ids collide on: `A.1`, `a.1` and `a .1` are the same node to a person reading a report. */
export function idKey(id: string): string {
  return id.normalize('NFC').toLowerCase().replace(/\s+/g, '');
}

interface UrnParts {
  readonly namespace: string;
  readonly slug: string;
}

function parts(pattern: RegExp, id: string, slugGroup: number): UrnParts | undefined {
  const match = pattern.exec(id);
  if (!match) return undefined;
  return { namespace: match[1] as string, slug: match[slugGroup] as string };
}

export function parseLibraryId(id: string): (UrnParts & { kind: 'framework' | 'library' }) | undefined {
  const match = libraryIdPattern.exec(id);
  if (!match) return undefined;
  return { namespace: match[1] as string, kind: match[2] as 'framework' | 'library', slug: match[3] as string };
}

export function parseFrameworkId(id: string): UrnParts | undefined {
  return parts(frameworkIdPattern, id, 2);
}

export function parseMappingSetId(id: string): UrnParts | undefined {
  return parts(mappingSetIdPattern, id, 2);
}

function required<T>(value: T | undefined, what: string, id: string): T {
  if (value === undefined) throw new TypeError(`not a valid ${what} id: ${id}`);
  return value;
}

/** CISO URNs for a Varde framework or library id (ids are checked before export, so a bad id is a bug). */
export function cisoLibraryUrn(libraryId: string): string {
  const p = required(parseLibraryId(libraryId), 'library', libraryId);
  return `urn:${p.namespace}:risk:library:${p.slug}`;
}

export function cisoFrameworkUrn(frameworkId: string): string {
  const p = required(parseFrameworkId(frameworkId), 'framework', frameworkId);
  return `urn:${p.namespace}:risk:framework:${p.slug}`;
}

export function cisoNodeUrn(frameworkId: string, nodeId: string): string {
  const p = required(parseFrameworkId(frameworkId), 'framework', frameworkId);
  return `urn:${p.namespace}:risk:req_node:${p.slug}:${nodeId}`;
}

export function cisoMappingSetUrn(mappingSetId: string): string {
  const p = required(parseMappingSetId(mappingSetId), 'mapping set', mappingSetId);
  return `urn:${p.namespace}:risk:req_mapping_set:${p.slug}`;
}

/**
 * A CISO URN `urn:<ns>:<domain>:<kind>:<rest>` split up. CISO Assistant lower-cases URNs when it imports them,
 * so the framework part is compared in lower case; node ids keep their case (see `nodeIdFromCisoUrn`).
 */
export interface CisoUrn {
  readonly namespace: string;
  readonly kind: string;
  readonly rest: string;
}

export function splitCisoUrn(urn: string): CisoUrn | undefined {
  const match = /^urn:([A-Za-z0-9_-]+):([A-Za-z0-9_-]+):([A-Za-z0-9_-]+):(.+)$/.exec(urn);
  if (!match) return undefined;
  return {
    namespace: (match[1] as string).toLowerCase(),
    kind: (match[3] as string).toLowerCase(),
    rest: match[4] as string,
  };
}

/** `urn:<ns>:risk:framework:<slug>` → `urn:<ns>:framework:<slug>`; undefined when the URN is not a framework URN. */
export function frameworkIdFromCisoUrn(urn: string): string | undefined {
  const p = splitCisoUrn(urn);
  if (!p || p.kind !== 'framework') return undefined;
  const id = `urn:${p.namespace}:framework:${p.rest.toLowerCase()}`;
  return frameworkIdPattern.test(id) ? id : undefined;
}

export function libraryIdFromCisoUrn(urn: string, hasFramework: boolean): string | undefined {
  const p = splitCisoUrn(urn);
  if (!p || p.kind !== 'library') return undefined;
  const id = `urn:${p.namespace}:${hasFramework ? 'framework' : 'library'}:${p.rest.toLowerCase()}`;
  return libraryIdPattern.test(id) ? id : undefined;
}

export function mappingSetIdFromCisoUrn(urn: string): string | undefined {
  const p = splitCisoUrn(urn);
  // CISO's own files say `req_mapping_set`; some tests and older files say `requirement_mapping_set`.
  if (!p || (p.kind !== 'req_mapping_set' && p.kind !== 'requirement_mapping_set')) return undefined;
  const id = `urn:${p.namespace}:mapping:${p.rest.toLowerCase()}`;
  return mappingSetIdPattern.test(id) ? id : undefined;
}

/** `urn:<ns>:<domain>:req_node:<framework slug>:<node id>` → the node id (case kept), or undefined. */
export function nodeIdFromCisoUrn(urn: string): { frameworkSlug: string; nodeId: string } | undefined {
  const p = splitCisoUrn(urn);
  if (!p || p.kind !== 'req_node') return undefined;
  const colon = p.rest.indexOf(':');
  if (colon <= 0 || colon === p.rest.length - 1) return undefined;
  const nodeId = p.rest.slice(colon + 1);
  if (!nodeIdPattern.test(nodeId)) return undefined;
  return { frameworkSlug: p.rest.slice(0, colon).toLowerCase(), nodeId };
}
