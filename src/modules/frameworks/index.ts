/**
 * frameworks: security frameworks (NSM's Grunnprinsipper, the 10 basic measures, Normen) as cited, versioned
 * library files with requirement trees, maturity scales and mappings between frameworks; read and written in
 * Varde's own format (docs/framework-format.md) and in CISO Assistant's YAML library format, stored per version
 * with import (all or nothing), export, an API and a CLI (`varde frameworks …`).
 */
export { parseFrameworkLibrary, vardeFormat } from './parse-framework-library.js';
export { serializeFrameworkLibrary } from './serialize-framework-library.js';
export { fromCisoAssistantYaml } from './ciso-assistant-import.js';
export { toCisoAssistantYaml } from './ciso-assistant-export.js';
export { loadShippedFrameworks, loadShippedFrameworkFiles, shippedFrameworksDir } from './load-shipped-frameworks.js';
export { checkReferences, type NamedLibrary } from './check-references.js';
export { idKey } from './ids.js';
export { defaultLimits, type YamlLimits } from './yaml-source.js';
export type * from './types.js';
export { relationships, rationaleTypes, guidanceKinds } from './types.js';
export { frameworksRoutes } from './frameworks-routes.js';
export {
  getFrameworkLibrary,
  listFrameworkLibraries,
  resolveLibrary,
  importFrameworkLibrary,
  exportFrameworkLibrary,
  type LibraryWithContent,
  type LibrarySummary,
  type ImportOutcome,
} from './frameworks-service.js';
export { syncShippedFrameworks, type ShippedFrameworkOutcome } from './sync-shipped-frameworks.js';
export { libraryFormats, detectLibraryFormat, type LibraryFormat } from './library-files.js';
export type { StoredLibraryInfo } from './frameworks-repository.js';
