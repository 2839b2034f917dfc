/**
 * The analysis module's tables: the measure mapping per catalogue edition as append-only revisions, and drafts
 * (proposed changes to an edition's measures, also append-only per measure) with their status.
 */
import type { ColumnType, Generated } from 'kysely';

type Json<T> = ColumnType<T, string, string>;
type Timestamp = ColumnType<Date, string, string>;

export interface MappingSetTable {
  edition_id: string;
  mapping_id: string;
  framework_id: string;
  /** Version and SHA-256 of the shipped file the set was last loaded from (null for a set made by publishing). */
  file_version: number | null;
  file_hash: string | null;
  title: Json<unknown>;
  analysis: Json<unknown>;
  source: Json<unknown>;
  updated_at: Timestamp;
}

export interface MappingRevisionTable {
  id: Generated<number>;
  edition_id: string;
  measure_id: string;
  revision: number;
  links: Json<unknown>;
  /** `shipped` (from data/analysis/), `edit` (by the strategy owner), `published-draft` (carried into a new edition). */
  origin: string;
  file_version: number | null;
  note: string;
  author_user_id: string | null;
  author_name: string | null;
  at: Timestamp;
}

export interface DraftTable {
  id: string;
  base_edition_id: string;
  proposed_edition_id: string;
  title: string;
  status: string;
  created_by: string | null;
  created_by_name: string | null;
  created_at: Timestamp;
  closed_at: Timestamp | null;
  closed_by: string | null;
  closed_by_name: string | null;
}

export interface DraftChangeTable {
  id: Generated<number>;
  draft_id: string;
  measure_id: string;
  revision: number;
  /** `add` (a proposed measure), `change` (of an existing one), `retire`, `revert` (back to the edition). */
  action: string;
  measure: Json<unknown> | null;
  links: Json<unknown> | null;
  note: string;
  author_user_id: string | null;
  author_name: string | null;
  at: Timestamp;
}

declare module '../../platform/db/schema.js' {
  interface Database {
    analysis_mapping_set: MappingSetTable;
    analysis_mapping_revision: MappingRevisionTable;
    analysis_draft: DraftTable;
    analysis_draft_change: DraftChangeTable;
  }
}
