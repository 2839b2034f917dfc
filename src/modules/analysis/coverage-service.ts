/**
 * Coverage of a catalogue edition (the published one unless named): loads the edition, the mapping's framework and
 * the current links, and runs the pure analysis. Public: the strategy and its analysis are public.
 */
import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import { getEdition, type CatalogueEdition } from '../catalogue/index.js';
import { getFrameworkLibrary, type FrameworkLibrary, type LibraryWithContent } from '../frameworks/index.js';
import { analysisTargets, coverageMeasures } from './analysis-targets.js';
import type { AnalysisInput } from './apply-draft.js';
import { computeCoverage } from './compute-coverage.js';
import { coverageRules } from './coverage-rules.js';
import { loadMapping, type StoredMapping } from './mapping-service.js';
import type { CoverageAnalysis, CoverageTarget, Dimension, LocalizedPair } from './types.js';

export interface CoverageQuery {
  readonly editionId?: string | undefined;
  /** The framework asked for (id, short code or name part); must be the one the mapping links to. */
  readonly framework?: string | undefined;
}

export interface CoverageReport extends CoverageAnalysis {
  edition: { id: string; title: string; status: string; publishedOn: string | null };
  framework: { id: string; refId: string | null; version: number; name: Record<string, string> };
  mapping: {
    id: string;
    title: LocalizedPair;
    analysis: LocalizedPair;
    source: { document: string; note?: string };
    fileVersion: number | null;
    /** Measures whose links the strategy owner has changed since they were loaded. */
    editedMeasures: string[];
    lastChangedAt: string | null;
  };
  rules: typeof coverageRules;
}

export interface AnalysisBase {
  edition: CatalogueEdition;
  framework: LibraryWithContent;
  mapping: StoredMapping;
  input: AnalysisInput;
  targets: Record<Dimension, CoverageTarget[]>;
}

export async function loadAnalysisBase(db: Db, query: CoverageQuery): Promise<AnalysisBase> {
  const edition = await getEdition(db, query.editionId);
  const mapping = await loadMapping(db, edition.edition.id);
  const framework = await getFrameworkLibrary(db, mapping.set.frameworkId);
  if (query.framework !== undefined) {
    const asked = await getFrameworkLibrary(db, query.framework);
    if (asked.info.id !== framework.info.id) {
      throw new AppError(
        'ANALYSIS_FRAMEWORK_NOT_MAPPED',
        `The measures of edition ${edition.edition.id} are mapped to ${framework.info.id}, not to ${asked.info.id}`,
      );
    }
  }
  const library: FrameworkLibrary = framework.library;
  return {
    edition,
    framework,
    mapping,
    input: {
      measures: coverageMeasures(edition),
      mappings: mapping.revisions.map((r) => ({ measureId: r.measureId, ...r.links })),
    },
    targets: analysisTargets(edition, library),
  };
}

export function reportOf(base: AnalysisBase, analysis: CoverageAnalysis): CoverageReport {
  const { edition, framework, mapping } = base;
  const edited = mapping.revisions.filter((r) => r.origin === 'edit');
  return {
    edition: {
      id: edition.edition.id,
      title: edition.edition.title,
      status: edition.edition.status,
      publishedOn: edition.edition.publishedOn,
    },
    framework: {
      id: framework.info.id,
      refId: framework.info.refId,
      version: framework.info.version,
      name: { ...framework.info.name },
    },
    mapping: {
      id: mapping.set.mappingId,
      title: mapping.set.title,
      analysis: mapping.set.analysis,
      source: mapping.set.source,
      fileVersion: mapping.set.fileVersion,
      editedMeasures: edited.map((r) => r.measureId),
      lastChangedAt:
        mapping.revisions
          .map((r) => r.at)
          .sort()
          .at(-1) ?? null,
    },
    rules: coverageRules,
    ...analysis,
  };
}

export async function editionCoverage(db: Db, query: CoverageQuery): Promise<CoverageReport> {
  const base = await loadAnalysisBase(db, query);
  return reportOf(base, computeCoverage({ ...base.input, targets: base.targets }));
}
