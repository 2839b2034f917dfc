/** The frameworks API as the web UI reads it: paths and answer types (type-only imports from the module). */
import { withQuery } from '../../api/client.js';
import type {
  FrameworkLibrary,
  ImportOutcome,
  LibrarySummary,
  LibraryWithContent,
  LocalizedText,
  RequirementNode,
} from '../../../../src/modules/frameworks/index.js';

export type { FrameworkLibrary, ImportOutcome, LibrarySummary, LibraryWithContent, LocalizedText, RequirementNode };

export interface LibraryList {
  readonly count: number;
  readonly libraries: readonly LibrarySummary[];
}

const base = '/api/v1/frameworks';

export const frameworkPaths = {
  list: () => base,
  library: (id: string, version?: number) =>
    withQuery(`${base}/${encodeURIComponent(id)}`, { version: version ? String(version) : undefined }),
  export: (id: string, format: 'varde' | 'ciso', version?: number) =>
    withQuery(`${base}/${encodeURIComponent(id)}/export`, { format, version: version ? String(version) : undefined }),
  import: () => `${base}/import`,
} as const;

/** Text in the reader's language when the library has it, else the library's own language. */
export function localized(
  text: LocalizedText | undefined,
  locale: string,
  fallback = '',
): { text: string; lang: string } {
  if (!text) return { text: fallback, lang: locale };
  if (text[locale]) return { text: text[locale] as string, lang: locale };
  const [lang, value] = Object.entries(text)[0] ?? [locale, fallback];
  return { text: value, lang };
}
