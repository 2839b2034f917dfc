/** The strategy's content as plain typed data: what the YAML edition files hold and what the API returns. */

export interface SourceRef {
  /** Seed file name (e.g. 004_d10711c7d8f82a89.txt) or another named document. */
  readonly file: string;
  /** Section within it, e.g. "2.1 Tiltak 1.7". */
  readonly section: string;
}

export const audienceTags = [
  'whole-sector',
  'under-hod',
  'large-enterprises',
  'small-enterprises',
  'municipalities',
  'health-service-providers',
  'specialist-health-service',
  'helsenett-members',
  'health-administration',
  'suppliers',
  'specific-actors',
] as const;
export type AudienceTag = (typeof audienceTags)[number];

export const measureKinds = ['existing', 'new'] as const;
export type MeasureKind = (typeof measureKinds)[number];

export const editionStatuses = ['published', 'draft', 'retired'] as const;
export type EditionStatus = (typeof editionStatuses)[number];

export const measureStatuses = ['active', 'retired'] as const;
export type MeasureStatus = (typeof measureStatuses)[number];

export const actorKinds = [
  'ministry',
  'directorate',
  'state-enterprise',
  'supervisory-authority',
  'regional-health-authority',
  'interest-organisation',
  'national-authority',
  'governance-body',
  'enterprise-group',
] as const;
export type ActorKind = (typeof actorKinds)[number];

export interface Remark {
  readonly text: string;
  readonly source: SourceRef;
}

export interface Actor {
  readonly id: string;
  readonly name: string;
  readonly shortName: string;
  readonly kind: ActorKind;
  /** The actor this one is part of (HelseCERT is part of Norsk Helsenett). */
  readonly partOf: string | null;
  readonly source: SourceRef;
}

export interface NationalArea {
  readonly id: string;
  readonly name: string;
  readonly goal: string;
  readonly source: SourceRef;
}

export interface Objective {
  readonly id: string;
  readonly text: string;
  readonly source: SourceRef;
}

export interface StrategicArea {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly expectedEffects: string[];
  readonly beneficiaries: string;
  readonly audiences: AudienceTag[];
  readonly source: SourceRef;
}

export interface Strategy {
  readonly purpose: { readonly text: string; readonly source: SourceRef };
  readonly objectives: Objective[];
  readonly strategicAreas: StrategicArea[];
}

export interface Measure {
  readonly id: string;
  readonly areaId: string;
  readonly title: string;
  readonly overviewTitle: string | null;
  readonly kind: MeasureKind;
  readonly status: MeasureStatus;
  readonly responsible: {
    readonly text: string;
    /** "Avklares" in the seed: responsibility not yet placed with any actor. */
    readonly status: 'placed' | 'unplaced';
    readonly actorIds: string[];
  };
  readonly relevantFor: {
    readonly text: string;
    readonly audiences: AudienceTag[];
    readonly actorIds: string[];
  };
  readonly description: string;
  readonly remark: string | null;
  readonly source: SourceRef;
}

export const guidanceKinds = ['normen-chapter', 'normen-factsheet', 'normen-guide', 'guide'] as const;
export type GuidanceKind = (typeof guidanceKinds)[number];

export interface GuidanceRef {
  readonly kind: GuidanceKind;
  readonly title: string;
  readonly ref: string | null;
  readonly number: number | null;
  readonly publisher: string | null;
  readonly audience: string | null;
}

export interface BasicMeasure {
  readonly id: string;
  readonly number: number;
  readonly title: string;
  readonly guidance: GuidanceRef[];
  readonly source: SourceRef;
}

export interface BasicMeasures {
  readonly introduction: { readonly text: string; readonly source: SourceRef };
  readonly generalGuidance: GuidanceRef[];
  readonly basicMeasures: BasicMeasure[];
}

export interface EditionInfo {
  readonly id: string;
  readonly title: string;
  readonly status: EditionStatus;
  readonly publishedOn: string | null;
  readonly supersedes: string | null;
  readonly remarks: Remark[];
  readonly source: SourceRef;
}

/** One whole edition of the catalogue, as loaded from its folder of YAML files. */
export interface CatalogueEdition {
  readonly edition: EditionInfo;
  readonly strategy: Strategy;
  readonly areas: NationalArea[];
  readonly actors: Actor[];
  readonly measures: Measure[];
  readonly basic: BasicMeasures;
}
