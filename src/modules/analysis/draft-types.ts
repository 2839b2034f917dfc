/** Drafts: proposed changes to a published edition's measures and their links, seen as a what-if before publishing. */
import type { AudienceTag, MeasureKind } from '../catalogue/index.js';
import type { MeasureLinks } from './types.js';

export const draftStatuses = ['draft', 'published', 'discarded'] as const;
export type DraftStatus = (typeof draftStatuses)[number];

export const draftActions = ['add', 'change', 'retire', 'revert'] as const;
export type DraftAction = (typeof draftActions)[number];

/** The catalogue fields of a proposed measure (bokmål, as the catalogue is). */
export interface ProposedMeasure {
  title: string;
  areaId: string;
  kind: MeasureKind;
  audiences: AudienceTag[];
  /** "Relevant for" as text, e.g. "Små virksomheter og kommuner". */
  relevantForText: string;
  /** Who is responsible, as text; "Avklares" when not settled. */
  responsibleText: string;
  /** The edition's actors that are responsible; none means the responsibility is not settled ("Avklares"). */
  responsibleActorIds: string[];
  description: string;
}

/** For a change to an existing measure: only the fields that change (the area cannot: it is part of the id). */
export type MeasureOverrides = Partial<Omit<ProposedMeasure, 'areaId'>>;

export interface DraftInfo {
  id: string;
  baseEditionId: string;
  proposedEditionId: string;
  title: string;
  status: DraftStatus;
  createdBy: string | null;
  createdByName: string | null;
  createdAt: string;
  closedAt: string | null;
  closedBy: string | null;
  closedByName: string | null;
}

/** One revision of one measure's change in a draft; the newest revision per measure is the draft's state. */
export interface DraftChange {
  draftId: string;
  measureId: string;
  revision: number;
  action: DraftAction;
  /** `add`: the whole proposed measure; `change`: the overrides (or null when only links change). */
  measure: ProposedMeasure | MeasureOverrides | null;
  /** New links (`add` always; `change` when links change; null keeps the edition's links). */
  links: MeasureLinks | null;
  note: string;
  authorUserId: string | null;
  authorName: string | null;
  at: string;
}
