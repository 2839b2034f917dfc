/**
 * A library file in either format: telling the format from the text, reading it, writing it, and the two hashes
 * a stored library version carries (of the file's bytes, and of its canonical content). Pure functions.
 */
import { createHash } from 'node:crypto';
import { AppError } from '../../platform/errors.js';
import { fromCisoAssistantYaml } from './ciso-assistant-import.js';
import { toCisoAssistantYaml } from './ciso-assistant-export.js';
import { parseFrameworkLibrary, vardeFormat } from './parse-framework-library.js';
import { serializeFrameworkLibrary } from './serialize-framework-library.js';
import type { FrameworkLibrary } from './types.js';

export const libraryFormats = ['varde', 'ciso'] as const;
export type LibraryFormat = (typeof libraryFormats)[number];

const vardeMarker = new RegExp(`^format:\\s*["']?${vardeFormat.replace('/', '\\/')}["']?\\s*$`, 'm');
const cisoMarker = /^(objects:|urn:\s*["']?urn:[^:\s]+:risk:library:)/m;

/**
 * The format a file is written in: Varde's files start with `format: varde-framework-library/1`, CISO Assistant's
 * have a top-level `urn: urn:<ns>:risk:library:<name>` and `objects:`. Anything else is refused with the reason.
 */
export function detectLibraryFormat(text: string, fileName: string): LibraryFormat {
  if (vardeMarker.test(text)) return 'varde';
  if (cisoMarker.test(text)) return 'ciso';
  throw new AppError('FRAMEWORK_INVALID', `${fileName}: not a framework library file`, [
    {
      place: fileName,
      message:
        'neither a Varde library (format: varde-framework-library/1) nor a CISO Assistant library (urn: urn:…:risk:library:…, objects:); give the format explicitly',
    },
  ]);
}

/** Reads a library file; throws FRAMEWORK_INVALID with every problem (file, line, field) when it is not valid. */
export function readLibraryFile(text: string, fileName: string, format?: LibraryFormat): FrameworkLibrary {
  const chosen = format ?? detectLibraryFormat(text, fileName);
  return chosen === 'varde' ? parseFrameworkLibrary(text, fileName) : fromCisoAssistantYaml(text, fileName);
}

export function writeLibraryFile(library: FrameworkLibrary, format: LibraryFormat): string {
  return format === 'varde' ? serializeFrameworkLibrary(library) : toCisoAssistantYaml(library);
}

/** `nsm-grunnprinsipper-2.1.yaml` (Varde) or `nsm-grunnprinsipper-2.1.ciso.yaml` (CISO Assistant). */
export function libraryFileName(library: FrameworkLibrary, format: LibraryFormat): string {
  const slug = library.library.id.split(':').at(-1) ?? 'library';
  return format === 'varde' ? `${slug}.yaml` : `${slug}.ciso.yaml`;
}

/** JSON with object keys sorted, so equal libraries give equal text whatever order their fields were built in. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** Hash of the library's content: the same library read from a Varde file or a CISO file hashes the same. */
export function libraryContentHash(library: FrameworkLibrary): string {
  return sha256(canonicalJson(library));
}

export function libraryKind(library: FrameworkLibrary): 'framework' | 'library' {
  return library.nodes.length > 0 ? 'framework' : 'library';
}

export function mappingCount(library: FrameworkLibrary): number {
  return library.mappingSets.reduce((sum, set) => sum + set.mappings.length, 0);
}
