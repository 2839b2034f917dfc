/**
 * The frameworks module's tables. A library is stored whole, per version, as its canonical JSON (the value
 * `parseFrameworkLibrary` returns): a library version never changes once stored, and it is read whole and cached
 * by content hash (docs/decisions/0002-framework-library-storage.md).
 */
import type { ColumnType, Generated } from 'kysely';
import type { FrameworkLibrary, LocalizedText } from './types.js';

type Json<T> = ColumnType<T, string, string>;

export interface FrameworkLibraryVersionTable {
  library_id: string;
  version: number;
  /** `framework` (has requirement nodes) or `library` (mapping sets only). */
  kind: string;
  ref_id: string | null;
  name: Json<LocalizedText>;
  publisher: string;
  language: string;
  content: Json<FrameworkLibrary>;
  /** SHA-256 of the canonical content: the same library arriving in either format has the same hash. */
  content_hash: string;
  /** SHA-256 of the file's bytes as received. */
  source_hash: string;
  source_format: string;
  source_name: string;
  /** `shipped` (data/frameworks/) or `imported` (API, CLI). */
  origin: string;
  node_count: number;
  mapping_count: number;
  imported_at: ColumnType<Date, string, string>;
  imported_by: string | null;
  imported_by_name: string | null;
}

export interface FrameworkShippedLoadTable {
  id: Generated<number>;
  file_name: string;
  library_id: string | null;
  version: number | null;
  source_hash: string;
  outcome: string;
  detail: Json<unknown>;
  at: ColumnType<Date, string, string>;
}

declare module '../../platform/db/schema.js' {
  interface Database {
    framework_library_version: FrameworkLibraryVersionTable;
    framework_shipped_load: FrameworkShippedLoadTable;
  }
}
