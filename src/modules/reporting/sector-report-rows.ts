/** The sector report as flat rows (one per measure and actor, every field): shared by the XLSX and CSV exports. */
import type { CsvColumn } from '../../platform/export/index.js';
import type { XlsxColumn } from '../../platform/export/index.js';
import type { ReportLabels } from './report-labels.js';
import type { SectorReportSnapshot, SnapshotReport } from './sector-report-types.js';
import type { Indicator } from './types.js';

const numberText = (n: number | null) => (n === null ? '–' : String(n).replace('.', ','));

export function indicatorText(i: Indicator, targetWord: string): string {
  const unit = i.unit ? ` ${i.unit}` : '';
  const target = i.target !== null ? ` (${targetWord}: ${numberText(i.target)}${unit})` : '';
  return `${i.name}: ${numberText(i.value)}${unit}${target}${i.note ? ` – ${i.note}` : ''}`;
}

export function evidenceText(e: SnapshotReport['evidence'][number]): string {
  if (e.kind === 'link') return `${e.title} <${e.url ?? ''}>`;
  const size = e.sizeBytes !== null ? `, ${Math.max(1, Math.round(e.sizeBytes / 1024))} kB` : '';
  return `${e.title} (${e.fileName ?? ''}${size})`;
}

interface Column {
  readonly header: string;
  readonly type: XlsxColumn<SnapshotReport>['type'];
  readonly width?: number;
  readonly value: (r: SnapshotReport) => string | number | null;
}

export function reportColumns(snapshot: SectorReportSnapshot, l: ReportLabels, targetWord: string): Column[] {
  const c = l.columns;
  return [
    { header: c.year, type: 'integer', width: 7, value: () => snapshot.year },
    { header: c.area, type: 'text', width: 8, value: (r) => r.areaId },
    { header: c.areaName, type: 'text', width: 28, value: (r) => r.areaName },
    { header: c.measure, type: 'text', width: 8, value: (r) => r.measureId },
    { header: c.measureTitle, type: 'longText', width: 40, value: (r) => r.measureTitle },
    { header: c.measureKind, type: 'text', width: 12, value: (r) => l.kind[r.measureKind] },
    { header: c.actor, type: 'text', width: 28, value: (r) => r.actorName },
    { header: c.reporter, type: 'text', width: 28, value: (r) => r.reporterActorName },
    { header: c.state, type: 'text', width: 14, value: (r) => l.state[r.state] },
    { header: c.status, type: 'text', width: 14, value: (r) => (r.status ? l.status[r.status] : l.notReported) },
    {
      header: c.previousStatus,
      type: 'text',
      width: 14,
      value: (r) => (r.previousStatus ? l.status[r.previousStatus] : ''),
    },
    { header: c.change, type: 'text', width: 14, value: (r) => l.change[r.change] },
    { header: c.progress, type: 'longText', width: 60, value: (r) => r.progress },
    {
      header: c.contributionLevel,
      type: 'text',
      width: 14,
      value: (r) => (r.approved ? l.contribution[r.contribution.level] : ''),
    },
    { header: c.contributionText, type: 'longText', width: 50, value: (r) => r.contribution.text },
    {
      header: c.indicators,
      type: 'longText',
      width: 45,
      value: (r) => r.indicators.map((i) => indicatorText(i, targetWord)).join('\n'),
    },
    { header: c.nextSteps, type: 'longText', width: 45, value: (r) => r.nextSteps },
    { header: c.blockers, type: 'longText', width: 40, value: (r) => r.blockers },
    { header: c.contactName, type: 'text', width: 22, value: (r) => r.contact.name },
    { header: c.contactEmail, type: 'text', width: 28, value: (r) => r.contact.email },
    { header: c.contactPhone, type: 'text', width: 14, value: (r) => r.contact.phone },
    { header: c.evidence, type: 'longText', width: 45, value: (r) => r.evidence.map(evidenceText).join('\n') },
    { header: c.approvedAt, type: 'datetime', width: 17, value: (r) => r.approvedAt },
  ];
}

export function asXlsxColumns(columns: readonly Column[]): XlsxColumn<SnapshotReport>[] {
  return columns.map((c) => ({
    header: c.header,
    type: c.type,
    ...(c.width !== undefined ? { width: c.width } : {}),
    value: (r) => {
      const v = c.value(r);
      return (c.type === 'datetime' || c.type === 'date') && typeof v === 'string' ? new Date(v) : v;
    },
  }));
}

export function asCsvColumns(columns: readonly Column[]): CsvColumn<SnapshotReport>[] {
  return columns.map((c) => ({ header: c.header, value: c.value }));
}
