/**
 * The framework library as plain data: what a "Varde framework library" file holds once it has been read and
 * checked (docs/framework-format.md). The same shape comes out of a CISO Assistant import, so the rest of Varde
 * never needs to know which format a library arrived in.
 *
 * Every optional field is either present or absent (never `undefined`), so two libraries can be compared with a
 * deep equality check: that is how the round-trip tests prove nothing is lost.
 */

/** Text in one or more languages, keyed by language code (`nb`, `en`, ...). Always holds the library's language. */
export type LocalizedText = Readonly<Record<string, string>>;

/**
 * How a source requirement relates to a target requirement (the set relations CISO Assistant uses):
 * `subset` = everything the source asks for is part of the target; `superset` = the source asks for all of the
 * target and more; `intersect` = they overlap; `not_related` = checked and found unrelated.
 */
export type Relationship = 'equal' | 'subset' | 'superset' | 'intersect' | 'not_related';
export const relationships: readonly Relationship[] = ['equal', 'subset', 'superset', 'intersect', 'not_related'];

/** What kind of reasoning a mapping rests on (CISO Assistant's `rationale` field). */
export type RationaleType = 'syntactic' | 'semantic' | 'functional';
export const rationaleTypes: readonly RationaleType[] = ['syntactic', 'semantic', 'functional'];

/** Where content comes from. Shipped data always carries one; imported libraries may not. */
export interface SourceCitation {
  /** The document as its publisher names it, or a seed file name. */
  readonly document: string;
  readonly publisher?: string;
  readonly edition?: string;
  readonly url?: string;
  /** Chapter, section or page in the document's own numbering. */
  readonly section?: string;
  /** Anything a reader must know: what was left out, what is our own wording. */
  readonly note?: string;
}

export interface LibraryInfo {
  /** `urn:<namespace>:framework:<slug>` for a library with requirement nodes, `urn:<namespace>:library:<slug>` otherwise. */
  readonly id: string;
  /** Short code shown to people (e.g. `NSM-GP-2.1`); when absent the id's slug is used. */
  readonly refId?: string;
  readonly name: LocalizedText;
  readonly description?: LocalizedText;
  /** Revision of this library file: 1, 2, ... Bump it whenever the content changes. */
  readonly version: number;
  /** Who is responsible for the framework's content (NSM, Normen's steering group, ...). */
  readonly publisher: string;
  /** The library's main language; every LocalizedText holds it. */
  readonly language: string;
  /** `YYYY-MM-DD`. */
  readonly publicationDate?: string;
  readonly source?: SourceCitation;
  readonly licenseNote?: string;
}

export interface MaturityLevel {
  readonly value: number;
  readonly name: LocalizedText;
  readonly description?: LocalizedText;
}

/** An optional scale a requirement can be scored on; levels run from lowest to highest value. */
export interface MaturityScale {
  readonly levels: readonly MaturityLevel[];
}

/** A named subset of requirements (CISO Assistant's implementation groups, e.g. a "small enterprise" tier). */
export interface ImplementationGroup {
  readonly id: string;
  readonly name: LocalizedText;
  readonly description?: LocalizedText;
}

export type GuidanceKind = 'guide' | 'normen-guide' | 'normen-chapter' | 'normen-factsheet';
export const guidanceKinds: readonly GuidanceKind[] = ['guide', 'normen-guide', 'normen-chapter', 'normen-factsheet'];

/** A pointer to guidance material that helps carry out a requirement. */
export interface GuidanceRef {
  readonly kind: GuidanceKind;
  /** The title as the citing document gives it. */
  readonly title: string;
  readonly publisher?: string;
  /** Set when the source marks the guidance as meant for one audience ("For kommunal sektor"). */
  readonly audience?: 'municipalities';
  /** The guidance as a node of another (or the same) library, when Varde ships that library. */
  readonly target?: { readonly framework: string; readonly node: string };
  readonly url?: string;
}

export interface RequirementNode {
  /** Unique within the library, also when compared ignoring case and spaces. Letters, digits and `._:()[]-`. */
  readonly id: string;
  /** The parent node's id; absent for a root node. */
  readonly parent?: string;
  /** Code shown to people when it differs from the id. */
  readonly refId?: string;
  readonly title?: LocalizedText;
  readonly description?: LocalizedText;
  /** The publisher's explanatory note. */
  readonly annotation?: LocalizedText;
  readonly typicalEvidence?: LocalizedText;
  /** Whether an enterprise assesses itself against this node (principles are, categories are not). */
  readonly assessable: boolean;
  /** Position among its siblings, 1, 2, ... (renumbered on load). */
  readonly order: number;
  readonly implementationGroups?: readonly string[];
  readonly guidance?: readonly GuidanceRef[];
  readonly source?: SourceCitation;
  /**
   * True when the title (and description) are Varde's placeholder, not the publisher's wording, because no
   * source available to us states it. The UI shows such nodes as unverified.
   */
  readonly provisional?: boolean;
}

export interface RequirementMapping {
  /** Node id in the mapping set's source framework. */
  readonly source: string;
  /** Node id in the mapping set's target framework. */
  readonly target: string;
  readonly relationship: Relationship;
  /** One line on why, in the library's language. */
  readonly rationale?: string;
  readonly rationaleType?: RationaleType;
  /** Strength of the relationship, 0–10 (CISO Assistant's `strength_of_relationship`). */
  readonly strength?: number;
}

export interface MappingSet {
  /** `urn:<namespace>:mapping:<slug>`. */
  readonly id: string;
  readonly name: LocalizedText;
  readonly description?: LocalizedText;
  /** Framework ids (`urn:<namespace>:framework:<slug>`). */
  readonly sourceFramework: string;
  readonly targetFramework: string;
  readonly mappings: readonly RequirementMapping[];
}

export interface FrameworkLibrary {
  readonly library: LibraryInfo;
  readonly scale?: MaturityScale;
  readonly implementationGroups?: readonly ImplementationGroup[];
  /** In tree order: each parent before its children, siblings by `order`. Empty for a mapping-only library. */
  readonly nodes: readonly RequirementNode[];
  readonly mappingSets: readonly MappingSet[];
}
