/** The catalogue's tables, added to the typed database schema. Each edition's content is kept whole, by edition id. */
import type { ColumnType, Generated } from 'kysely';
import type { SourceRef } from './types.js';

type Json<T> = ColumnType<T, string, string>;

export interface EditionTable {
  id: string;
  title: string;
  status: string;
  published_on: string | null;
  supersedes: string | null;
  content_hash: string;
  remarks: Json<unknown>;
  source: Json<SourceRef>;
  strategy: Json<unknown>;
  basic_intro: Json<unknown>;
  imported_at: ColumnType<Date, string, string>;
}

export interface ActorTable {
  edition_id: string;
  id: string;
  name: string;
  short_name: string;
  kind: string;
  part_of: string | null;
  position: number;
  source: Json<SourceRef>;
}

export interface AreaTable {
  edition_id: string;
  id: string;
  name: string;
  goal: string;
  position: number;
  source: Json<SourceRef>;
}

export interface StrategicAreaTable {
  edition_id: string;
  id: string;
  name: string;
  description: string;
  expected_effects: Json<string[]>;
  beneficiaries: string;
  audiences: Json<string[]>;
  position: number;
  source: Json<SourceRef>;
}

export interface MeasureTable {
  edition_id: string;
  id: string;
  area_id: string;
  title: string;
  overview_title: string | null;
  kind: string;
  status: string;
  responsible_text: string;
  responsibility_status: string;
  relevant_text: string;
  audiences: Json<string[]>;
  relevant_actor_ids: Json<string[]>;
  description: string;
  remark: string | null;
  position: number;
  source: Json<SourceRef>;
}

export interface MeasureResponsibleTable {
  edition_id: string;
  measure_id: string;
  actor_id: string;
  position: number;
}

export interface BasicMeasureTable {
  edition_id: string;
  id: string;
  number: number;
  title: string;
  guidance: Json<unknown>;
  source: Json<SourceRef>;
}

export interface EditionLoadTable {
  id: Generated<number>;
  edition_id: string;
  content_hash: string;
  outcome: string;
  detail: Json<unknown>;
  at: ColumnType<Date, string, string>;
}

declare module '../../platform/db/schema.js' {
  interface Database {
    catalogue_edition: EditionTable;
    catalogue_actor: ActorTable;
    catalogue_area: AreaTable;
    catalogue_strategic_area: StrategicAreaTable;
    catalogue_measure: MeasureTable;
    catalogue_measure_responsible: MeasureResponsibleTable;
    catalogue_basic_measure: BasicMeasureTable;
    catalogue_edition_load: EditionLoadTable;
  }
}
