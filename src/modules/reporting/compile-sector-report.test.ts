import { describe, expect, it } from 'vitest';
import type { CatalogueEdition } from '../catalogue/index.js';
import { canonicalJson, compileSectorReport, snapshotHash } from './compile-sector-report.js';
import { emptyContent } from './report-content.js';
import { statusChange } from './status-scale.js';
import type { ImplementationStatus, ReportingCycle, ReportState, StatusReport } from './types.js';

const source = { file: 'test', section: 'test' };
const edition = {
  edition: {
    id: 'v0.7',
    title: 'Tiltaksoversikt',
    status: 'published',
    publishedOn: null,
    supersedes: null,
    remarks: [],
    source,
  },
  strategy: { purpose: { text: '', source }, objectives: [], strategicAreas: [] },
  areas: [
    { id: '1', name: 'Forebyggende', goal: 'Mål 1', source },
    { id: '2', name: 'Kritiske funksjoner', goal: 'Mål 2', source },
  ],
  actors: [
    { id: 'nhn', name: 'Norsk helsenett SF', shortName: 'NHN', kind: 'state-enterprise', partOf: null, source },
    { id: 'ks', name: 'KS', shortName: 'KS', kind: 'interest-organisation', partOf: null, source },
  ],
  measures: [
    {
      id: '1.1',
      areaId: '1',
      title: 'Tiltak A',
      kind: 'existing',
      status: 'active',
      responsible: { text: 'NHN', status: 'placed', actorIds: ['nhn'] },
    },
    {
      id: '1.2',
      areaId: '1',
      title: 'Tiltak B',
      kind: 'new',
      status: 'active',
      responsible: { text: 'NHN, KS', status: 'placed', actorIds: ['nhn', 'ks'] },
    },
    {
      id: '2.1',
      areaId: '2',
      title: 'Tiltak C',
      kind: 'new',
      status: 'active',
      responsible: { text: 'Avklares', status: 'unplaced', actorIds: [] },
    },
  ],
  basic: { introduction: { text: '', source }, generalGuidance: [], basicMeasures: [] },
} as unknown as CatalogueEdition;

const cycle: ReportingCycle = {
  id: 'c2026',
  year: 2026,
  editionId: 'v0.7',
  dueDate: '2026-03-01',
  state: 'open',
  openedAt: new Date('2026-01-10T00:00:00Z'),
  openedBy: 'Siri',
  closedAt: null,
  delegations: {},
  reminderPolicy: { beforeDays: [], afterDays: [] },
  gap: [{ id: '2.1', title: 'Tiltak C', areaId: '2', responsibleText: 'Avklares' }],
};

function report(
  measureId: string,
  actorId: string,
  state: ReportState,
  status: ImplementationStatus | null,
): StatusReport {
  return {
    ...emptyContent,
    status,
    progress: state === 'approved' ? `Fremdrift ${measureId}` : 'utkast som ikke skal med',
    id: `${measureId}-${actorId}`,
    cycleId: cycle.id,
    year: 2026,
    editionId: 'v0.7',
    measureId,
    actorId,
    reporterActorId: actorId,
    state,
    reviewComment: null,
    revision: 3,
    evidence: [],
    createdAt: new Date('2026-01-10T00:00:00Z'),
    updatedAt: new Date('2026-02-01T00:00:00Z'),
    updatedBy: null,
    submittedAt: null,
    submittedBy: null,
    approvedAt: state === 'approved' ? new Date('2026-02-20T00:00:00Z') : null,
    approvedBy: null,
  };
}

const history = [
  { year: 2024, reports: [{ measureId: '1.1', actorId: 'nhn', areaId: '1', status: 'planned' as const }] },
  {
    year: 2025,
    reports: [
      { measureId: '1.1', actorId: 'nhn', areaId: '1', status: 'in-progress' as const },
      { measureId: '1.2', actorId: 'nhn', areaId: '1', status: 'completed' as const },
    ],
  },
];

describe('sector report compilation', () => {
  const snapshot = compileSectorReport({
    cycle,
    edition,
    reports: [
      report('1.2', 'ks', 'submitted', 'planned'),
      report('1.1', 'nhn', 'approved', 'in-operation'),
      report('1.2', 'nhn', 'approved', 'stopped'),
    ],
    history,
    compiledAt: new Date('2026-03-05T12:00:00Z'),
  });

  it('counts only approved reports and keeps the others as missing, without their content', () => {
    expect(snapshot.totals).toEqual({ expected: 3, approved: 2, missing: 1, measures: 3, unplaced: 1 });
    expect(snapshot.overall['in-operation']).toBe(1);
    expect(snapshot.overall.stopped).toBe(1);
    expect(snapshot.overall.planned).toBe(0);
    const ks = snapshot.reports.find((r) => r.actorId === 'ks');
    expect(ks).toMatchObject({ approved: false, state: 'submitted', status: null, progress: '', change: 'missing' });
    expect(snapshot.reports.map((r) => `${r.measureId}/${r.actorId}`)).toEqual(['1.1/nhn', '1.2/ks', '1.2/nhn']);
  });

  it('summarises by area and actor, compares with last year and builds the trend', () => {
    expect(snapshot.byArea.map((a) => [a.id, a.expected, a.approved, a.inPlaceShare])).toEqual([
      ['1', 3, 2, 50],
      ['2', 0, 0, null],
    ]);
    expect(snapshot.byActor.map((a) => [a.id, a.expected, a.approved])).toEqual([
      ['nhn', 2, 2],
      ['ks', 1, 0],
    ]);
    expect(snapshot.reports.find((r) => r.measureId === '1.1')).toMatchObject({
      previousStatus: 'in-progress',
      change: 'improved',
    });
    expect(snapshot.reports.find((r) => r.measureId === '1.2' && r.actorId === 'nhn')).toMatchObject({
      change: 'stopped',
    });
    expect(snapshot.trend.map((t) => [t.year, t.approved, t.inPlaceShare])).toEqual([
      [2024, 1, 0],
      [2025, 2, 50],
      [2026, 2, 50],
    ]);
    expect(snapshot.gap.map((g) => g.id)).toEqual(['2.1']);
  });

  it('hashes the same content to the same value whatever the key order', () => {
    const reordered = JSON.parse(JSON.stringify(snapshot, Object.keys(snapshot).reverse()));
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: null }] })).toBe('{"a":[{"c":null,"d":2}],"b":1}');
    expect(snapshotHash({ ...snapshot })).toBe(snapshotHash(snapshot));
    expect(snapshotHash({ ...snapshot, year: 2027 })).not.toBe(snapshotHash(snapshot));
    expect(Object.keys(reordered)).not.toEqual(Object.keys(snapshot));
  });

  it('classifies status changes on the scale', () => {
    expect(statusChange(null, 'planned')).toBe('new');
    expect(statusChange('planned', 'in-progress')).toBe('improved');
    expect(statusChange('completed', 'in-progress')).toBe('worsened');
    expect(statusChange('in-progress', 'stopped')).toBe('stopped');
    expect(statusChange('stopped', 'planned')).toBe('improved');
    expect(statusChange('planned', null)).toBe('missing');
  });
});
