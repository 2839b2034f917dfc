import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { isAppError } from '../../platform/errors.js';
import type { CatalogueEdition } from '../catalogue/index.js';
import { loadEditionFolder, shippedEditionsDir } from '../catalogue/load-edition.js';
import { parseFrameworkLibrary, type FrameworkLibrary } from '../frameworks/index.js';
import { analysisTargets, coverageMeasures, linkContext } from './analysis-targets.js';
import { compareCoverage } from './compare-coverage.js';
import { computeCoverage } from './compute-coverage.js';
import { groupsReached, levelOf } from './coverage-rules.js';
import { readMappingFile } from './read-mapping-file.js';
import type { CoverageAnalysis, MappingFile, MeasureMapping, TargetCoverage } from './types.js';

const root = path.resolve(import.meta.dirname, '../../..');
const mappingText = readFileSync(path.join(root, 'data/analysis/measure-mapping-v0.7.yaml'), 'utf8');
let edition: CatalogueEdition;
let nsm: FrameworkLibrary;
let mapping: MappingFile;
let analysis: CoverageAnalysis;

const principle = (id: string): TargetCoverage => {
  const found = analysis.principles.find((p) => p.target.id === id);
  if (!found) throw new Error(`no principle ${id}`);
  return found;
};

beforeAll(async () => {
  edition = (await loadEditionFolder(path.join(shippedEditionsDir, 'v0.7'))).content;
  nsm = parseFrameworkLibrary(
    readFileSync(path.join(root, 'data/frameworks/nsm-grunnprinsipper-2.1.yaml'), 'utf8'),
    'nsm.yaml',
  );
  mapping = readMappingFile(mappingText, 'measure-mapping-v0.7.yaml', linkContext(edition, nsm));
  analysis = computeCoverage({
    measures: coverageMeasures(edition),
    mappings: mapping.measures,
    targets: analysisTargets(edition, nsm),
  });
});

function problems(text: string) {
  try {
    readMappingFile(text, 'm.yaml', linkContext(edition, nsm));
  } catch (error) {
    if (isAppError(error) && error.code === 'MAPPING_INVALID') return error.details;
    throw error;
  }
  throw new Error('the mapping was accepted');
}

describe('the rules', () => {
  it('maps catalogue audiences to the four groups', () => {
    expect(groupsReached(['whole-sector'])).toStrictEqual([
      'whole-sector',
      'large-enterprises',
      'small-enterprises',
      'municipalities',
    ]);
    expect(groupsReached(['under-hod'])).toStrictEqual(['large-enterprises']);
    expect(groupsReached(['helsenett-members'])).toStrictEqual([
      'large-enterprises',
      'small-enterprises',
      'municipalities',
    ]);
    expect(groupsReached(['suppliers', 'specific-actors'])).toStrictEqual(['large-enterprises']);
    expect(groupsReached(['suppliers'])).toStrictEqual([]);
  });

  it('weighs links, caps the score at 1 and names the level', () => {
    expect([0, 0.25, 0.5, 0.75, 1].map(levelOf)).toStrictEqual(['none', 'low', 'partial', 'partial', 'covered']);
    const measures = [
      { id: 'a', title: 'A', areaId: '1', kind: 'new' as const, audiences: ['whole-sector' as const], proposed: false },
      {
        id: 'b',
        title: 'B',
        areaId: '1',
        kind: 'existing' as const,
        audiences: ['large-enterprises' as const],
        proposed: false,
      },
    ];
    const link = (target: string, strength: 'strong' | 'moderate' | 'weak') => ({
      target,
      strength,
      rationale: { nb: 'x', en: 'x' },
    });
    const mappings: MeasureMapping[] = [
      { measureId: 'a', principles: [link('p1', 'weak')], goals: [], strategicAreas: [] },
      { measureId: 'b', principles: [link('p1', 'strong'), link('p2', 'moderate')], goals: [], strategicAreas: [] },
    ];
    const targets = {
      principles: ['p1', 'p2', 'p3'].map((id) => ({ id, code: id, title: { nb: id } })),
      goals: [],
      strategicAreas: [],
    };
    const result = computeCoverage({ measures, mappings, targets });
    const [p1, p2, p3] = result.principles;
    expect(p1?.overall).toMatchObject({ score: 1, rawScore: 1.25, level: 'covered', measureIds: ['a', 'b'] });
    expect(p1?.byAudience['small-enterprises']).toMatchObject({ score: 0.25, level: 'low', measureIds: ['a'] });
    expect(p1?.byKind).toMatchObject({ new: { score: 0.25 }, existing: { score: 1 } });
    expect(p1?.gaps).toStrictEqual(['small-enterprises-weak']);
    expect(p2?.gaps).toStrictEqual(['weak', 'only-large']);
    expect(p3?.gaps).toStrictEqual(['none']);
    expect(result.gaps.map((g) => `${g.targetId}:${g.kind}`)).toStrictEqual([
      'p1:small-enterprises-weak',
      'p2:weak',
      'p2:only-large',
      'p3:none',
    ]);
  });
});

describe("Varde's mapping of measure overview v0.7", () => {
  it('covers all 37 measures and all 21 principles, 5 area goals and 6 strategic areas', () => {
    expect(mapping.measures).toHaveLength(37);
    expect(analysis.principles).toHaveLength(21);
    expect(analysis.goals.map((g) => g.target.id)).toStrictEqual(['1', '2', '3', '4', '5']);
    expect(analysis.strategicAreas).toHaveLength(6);
    expect(analysis.measures.filter((m) => m.links.principles === 0).map((m) => m.id)).toStrictEqual([
      '1.15',
      '1.16',
      '3.3',
      '3.4',
      '3.5',
    ]);
  });

  it('finds the gaps: no measure maps users and access, recovery and change management are weak', () => {
    expect(principle('1.3').gaps).toStrictEqual(['none']);
    expect(principle('2.9').overall.level).toBe('partial');
    expect(principle('2.9').gaps).toContain('weak');
    expect(principle('2.9').byAudience['small-enterprises'].score).toBeLessThan(1);
    expect(principle('2.10').gaps).toStrictEqual(['weak', 'only-large']);
    expect(principle('2.8').overall.measureIds).toStrictEqual(['1.9']);
    expect(principle('3.3').overall.level).toBe('covered');
    expect(principle('3.3').byAudience['small-enterprises'].measureIds).toStrictEqual(['4.1']);
    const crime = analysis.goals.find((g) => g.target.id === '5');
    expect(crime?.overall).toMatchObject({ score: 0.5, measureIds: ['4.5', '4.6'] });
    expect(crime?.gaps).toContain('weak');
  });

  it('a proposed backup service for small enterprises closes the recovery gap in a what-if', () => {
    const proposed = {
      id: '2.9',
      title: 'Felles tjeneste for sikkerhetskopiering',
      areaId: '2',
      kind: 'new' as const,
      audiences: ['small-enterprises' as const, 'municipalities' as const],
      proposed: true,
    };
    const draft = computeCoverage({
      measures: [...coverageMeasures(edition), proposed],
      mappings: [
        ...mapping.measures,
        {
          measureId: '2.9',
          principles: [{ target: '2.9', strength: 'strong', rationale: { nb: 'x', en: 'x' } }],
          goals: [],
          strategicAreas: [],
        },
      ],
      targets: analysisTargets(edition, nsm),
    });
    const comparison = compareCoverage(analysis, draft);
    const recovery = comparison.targets.find((t) => t.dimension === 'principles' && t.targetId === '2.9');
    expect(recovery).toMatchObject({ changed: true, gapsClosed: ['weak'], measuresAdded: ['2.9'] });
    expect(recovery?.byAudience['small-enterprises']).toStrictEqual({ before: 0.5, after: 1, delta: 0.5 });
    expect(comparison.gapsClosed).toContainEqual({
      dimension: 'principles',
      targetId: '2.9',
      code: '2.9',
      kind: 'weak',
    });
    expect(comparison.targets.filter((t) => t.changed).map((t) => t.targetId)).toStrictEqual(['2.9']);
  });
});

describe('bad mapping files', () => {
  it('names the place of every problem', () => {
    const bad = mappingText
      .replace('  - measure: "4.7"\n', '  - measure: "4.8"\n')
      .replace('      - target: "2.10"\n', '      - target: "2.11"\n')
      .replace('        strength: moderate\n', '        strength: sterk\n');
    const details = problems(bad);
    const lines = bad.split('\n');
    const lineOf = (needle: string) => lines.findIndex((l) => l.includes(needle)) + 1;
    expect(details).toContainEqual(
      expect.objectContaining({ field: 'measures', message: expect.stringContaining('measure "4.7" is missing') }),
    );
    expect(details).toContainEqual(
      expect.objectContaining({
        place: `m.yaml:${lineOf('measure: "4.8"')}`,
        message: expect.stringContaining('not in edition v0.7'),
      }),
    );
    expect(details).toContainEqual(
      expect.objectContaining({
        place: `m.yaml:${lineOf('target: "2.11"')}`,
        field: expect.stringMatching(/principles\[\d+\]\.target$/),
      }),
    );
    expect(details).toContainEqual(expect.objectContaining({ place: `m.yaml:${lineOf('strength: sterk')}` }));
  });

  it('requires a reason in both languages', () => {
    const bad = mappingText.replace(
      '          en: Normen requires a management system with clear responsibility and an overview of processing and systems.\n',
      '',
    );
    expect(problems(bad)).toContainEqual(
      expect.objectContaining({ field: 'measures[0].principles[0].rationale.en', message: 'is missing' }),
    );
  });
});
