/**
 * The published sector report as XLSX and CSV, made from the snapshot alone. The XLSX has the main sheet (one row
 * per measure and actor, every field) and sheets per area, per actor, indicators, trend, the gap and the report's
 * identity (year, publication time, content hash); the CSV is the main sheet.
 */
import { buildXlsx, toCsv, type XlsxSheet } from '../../platform/export/index.js';
import { reportLabels, type ExportLanguage } from './report-labels.js';
import { asCsvColumns, asXlsxColumns, reportColumns } from './sector-report-rows.js';
import type { GroupSummary, PublishedSectorReport } from './sector-report-types.js';
import { implementationStatuses } from './types.js';

const targetWord = (lang: ExportLanguage) => (lang === 'en' ? 'target' : 'mål');

function groupSheet(
  name: string,
  idHeader: string,
  nameHeader: string,
  groups: readonly GroupSummary[],
  lang: ExportLanguage,
): XlsxSheet<GroupSummary> {
  const l = reportLabels(lang);
  return {
    name,
    rows: groups,
    columns: [
      { header: idHeader, type: 'text', width: 14, value: (g) => g.id },
      { header: nameHeader, type: 'text', width: 40, value: (g) => g.name },
      { header: l.columns.expected, type: 'integer', value: (g) => g.expected },
      { header: l.columns.approved, type: 'integer', value: (g) => g.approved },
      ...implementationStatuses.map((s) => ({
        header: l.status[s],
        type: 'integer' as const,
        value: (g: GroupSummary) => g.counts[s],
      })),
      { header: l.columns.inPlaceShare, type: 'number', width: 16, value: (g) => g.inPlaceShare },
    ],
  };
}

export async function sectorReportXlsx(published: PublishedSectorReport, lang: ExportLanguage): Promise<Buffer> {
  const s = published.snapshot;
  const l = reportLabels(lang);
  const en = lang === 'en';
  const indicators = s.reports.flatMap((r) => r.indicators.map((i) => ({ r, i })));
  const sheets: XlsxSheet[] = [
    {
      name: en ? 'Status reports' : 'Statusrapporter',
      columns: asXlsxColumns(reportColumns(s, l, targetWord(lang))),
      rows: s.reports,
    },
    groupSheet(en ? 'By area' : 'Per område', l.columns.area, l.columns.areaName, s.byArea, lang),
    groupSheet(en ? 'By actor' : 'Per aktør', 'Id', l.columns.actor, s.byActor, lang),
    {
      name: en ? 'Indicators' : 'Indikatorer',
      rows: indicators,
      columns: [
        { header: l.columns.measure, type: 'text', width: 8, value: (x: (typeof indicators)[number]) => x.r.measureId },
        { header: l.columns.actor, type: 'text', width: 28, value: (x: (typeof indicators)[number]) => x.r.actorName },
        {
          header: en ? 'Indicator' : 'Indikator',
          type: 'text',
          width: 40,
          value: (x: (typeof indicators)[number]) => x.i.name,
        },
        { header: en ? 'Value' : 'Verdi', type: 'number', value: (x: (typeof indicators)[number]) => x.i.value },
        { header: en ? 'Unit' : 'Enhet', type: 'text', width: 12, value: (x: (typeof indicators)[number]) => x.i.unit },
        { header: en ? 'Target' : 'Mål', type: 'number', value: (x: (typeof indicators)[number]) => x.i.target },
        {
          header: en ? 'Note' : 'Merknad',
          type: 'longText',
          width: 40,
          value: (x: (typeof indicators)[number]) => x.i.note,
        },
      ],
    },
    {
      name: en ? 'Trend' : 'Utvikling',
      rows: s.trend,
      columns: [
        { header: l.columns.year, type: 'integer', value: (t: (typeof s.trend)[number]) => t.year },
        { header: l.columns.approved, type: 'integer', value: (t: (typeof s.trend)[number]) => t.approved },
        ...implementationStatuses.map((st) => ({
          header: l.status[st],
          type: 'integer' as const,
          value: (t: (typeof s.trend)[number]) => t.counts[st],
        })),
        {
          header: l.columns.inPlaceShare,
          type: 'number',
          width: 16,
          value: (t: (typeof s.trend)[number]) => t.inPlaceShare,
        },
      ],
    },
    {
      name: en ? 'Gap' : 'Gap',
      rows: s.gap,
      columns: [
        { header: l.columns.measure, type: 'text', width: 8, value: (g: (typeof s.gap)[number]) => g.id },
        { header: l.columns.measureTitle, type: 'longText', width: 60, value: (g: (typeof s.gap)[number]) => g.title },
        { header: l.columns.area, type: 'text', width: 8, value: (g: (typeof s.gap)[number]) => g.areaId },
        {
          header: l.columns.responsible,
          type: 'text',
          width: 20,
          value: (g: (typeof s.gap)[number]) => g.responsibleText,
        },
      ],
    },
    {
      name: en ? 'About' : 'Om rapporten',
      rows: [
        [en ? 'Title' : 'Tittel', published.title],
        [l.columns.year, String(s.year)],
        [en ? 'Version' : 'Versjon', String(published.version)],
        [en ? 'Published' : 'Publisert', published.publishedAt.toISOString()],
        [en ? 'Published by' : 'Publisert av', published.publishedBy],
        [en ? 'Catalogue edition' : 'Katalogutgave', `${s.editionId} ${s.editionTitle}`],
        [en ? 'Due date' : 'Frist', s.dueDate],
        [en ? 'Content hash' : 'Innholdshash', published.contentHash],
        [en ? 'Source' : 'Kilde', '004_d10711c7d8f82a89.txt §1.2 Rapportering og oppfølging; Tiltaksoversikt v0.7'],
      ],
      columns: [
        { header: en ? 'Field' : 'Felt', type: 'text', width: 22, value: (row: string[]) => row[0] },
        { header: en ? 'Value' : 'Verdi', type: 'longText', width: 80, value: (row: string[]) => row[1] },
      ],
    },
  ];
  return buildXlsx(sheets, { createdAt: published.publishedAt, title: published.title, creator: 'Varde' });
}

export function sectorReportCsv(
  published: PublishedSectorReport,
  lang: ExportLanguage,
  delimiter: ',' | ';' = ',',
): string {
  const l = reportLabels(lang);
  return toCsv(asCsvColumns(reportColumns(published.snapshot, l, targetWord(lang))), published.snapshot.reports, {
    delimiter,
  });
}

export function exportFileName(published: PublishedSectorReport, extension: string): string {
  return `sektorrapport-${published.year}-v${published.version}.${extension}`;
}
