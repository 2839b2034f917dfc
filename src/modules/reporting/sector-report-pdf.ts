/**
 * The published sector report as a PDF for the ministry: summary with charts, status by area and by actor, trend
 * over the years and the change since last year, the gap, and every approved report measure by measure. Made from
 * the snapshot alone, in Norwegian (or English), with contents and page numbers from the shared PDF builder.
 */
import { renderPdf, type PdfBlock } from '../../platform/export/index.js';
import { englishDate, norwegianDate } from './mail-messages.js';
import { reportLabels, type ExportLanguage } from './report-labels.js';
import { evidenceText, indicatorText } from './sector-report-rows.js';
import type { GroupSummary, PublishedSectorReport, SectorReportSnapshot } from './sector-report-types.js';
import { statusColours } from './status-scale.js';
import { implementationStatuses } from './types.js';

const areaColours = ['#1e3a5f', '#2e8b57', '#c77c02', '#7b3f99', '#b03a2e'];
const share = (n: number | null) => (n === null ? '–' : `${String(n).replace('.', ',')} %`);

function groupTable(groups: readonly GroupSummary[], nameHeader: string, lang: ExportLanguage): PdfBlock {
  const l = reportLabels(lang);
  return {
    kind: 'table',
    columns: [
      { header: nameHeader, width: 2.6 },
      { header: l.columns.expected, width: 1.55, align: 'right' },
      { header: l.columns.approved, width: 1.55, align: 'right' },
      ...implementationStatuses.map((s) => ({ header: l.status[s], width: 1.3, align: 'right' as const })),
      { header: lang === 'en' ? 'In place' : 'I drift/ fullført', width: 1.5, align: 'right' },
    ],
    rows: groups.map((g) => [
      g.name,
      String(g.expected),
      String(g.approved),
      ...implementationStatuses.map((s) => String(g.counts[s])),
      share(g.inPlaceShare),
    ]),
  };
}

function stacked(
  title: string,
  groups: readonly GroupSummary[],
  label: (g: GroupSummary) => string,
  lang: ExportLanguage,
): PdfBlock {
  const l = reportLabels(lang);
  return {
    kind: 'stackedBarChart',
    title,
    series: implementationStatuses.map((s) => ({ name: l.status[s], color: statusColours[s] })),
    categories: groups.map((g) => ({ label: label(g), values: implementationStatuses.map((s) => g.counts[s]) })),
  };
}

function summary(s: SectorReportSnapshot, lang: ExportLanguage): PdfBlock[] {
  const l = reportLabels(lang);
  const en = lang === 'en';
  const latest = s.trend.at(-1);
  const text = en
    ? `${s.totals.approved} of ${s.totals.expected} expected status reports (one per measure and responsible actor) were approved for ${s.year}. ` +
      `${share(latest?.inPlaceShare ?? null)} of the reported measures are in operation or completed. Since last year ${s.changes.improved} moved forward, ${s.changes.worsened} moved back and ${s.changes.stopped} were stopped. ` +
      `${s.totals.unplaced} measure(s) have no responsible actor yet and are listed as a gap.`
    : `${s.totals.approved} av ${s.totals.expected} forventede statusrapporter (én per tiltak og ansvarlig aktør) er godkjent for ${s.year}. ` +
      `${share(latest?.inPlaceShare ?? null)} av de rapporterte tiltakene er i drift eller fullført. Siden i fjor har ${s.changes.improved} hatt framgang, ${s.changes.worsened} tilbakegang og ${s.changes.stopped} er stanset. ` +
      `${s.totals.unplaced} tiltak har ennå ikke en ansvarlig aktør og er listet som gap.`;
  return [
    { kind: 'heading', level: 1, text: en ? 'Summary' : 'Sammendrag' },
    { kind: 'paragraph', text },
    {
      kind: 'keyValues',
      items: [
        { label: en ? 'Reporting year' : 'Rapporteringsår', value: String(s.year) },
        { label: en ? 'Due date' : 'Frist', value: en ? englishDate(s.dueDate) : norwegianDate(s.dueDate) },
        { label: en ? 'Catalogue edition' : 'Katalogutgave', value: `${s.editionId} – ${s.editionTitle}` },
        { label: en ? 'Measures in the edition' : 'Tiltak i utgaven', value: String(s.totals.measures) },
        {
          label: en ? 'Reports approved' : 'Godkjente rapporter',
          value: `${s.totals.approved} / ${s.totals.expected}`,
        },
        {
          label: en ? 'Not reported or not approved' : 'Ikke rapportert eller ikke godkjent',
          value: String(s.totals.missing),
        },
      ],
    },
    {
      kind: 'barChart',
      title: en ? 'Approved reports by status' : 'Godkjente rapporter etter status',
      bars: implementationStatuses.map((st) => ({
        label: l.status[st],
        value: s.overall[st],
        color: statusColours[st],
      })),
    },
    {
      kind: 'lineChart',
      title: en ? 'Share in operation or completed, by year (%)' : 'Andel i drift eller fullført per år (%)',
      xLabels: s.trend.map((t) => String(t.year)),
      yMax: 100,
      unit: ' %',
      series: [
        { name: en ? 'All measures' : 'Alle tiltak', color: '#111111', values: s.trend.map((t) => t.inPlaceShare) },
        ...s.areaTrend
          .map((a, i) => ({
            name: `${a.id} ${a.name}`,
            color: areaColours[i % areaColours.length] ?? '#555555',
            values: a.points.map((p) => p.inPlaceShare),
          }))
          .filter((series) => series.values.some((v) => v !== null)),
      ],
    },
  ];
}

function byArea(s: SectorReportSnapshot, lang: ExportLanguage): PdfBlock[] {
  const en = lang === 'en';
  return [
    { kind: 'heading', level: 1, text: en ? 'Status by area' : 'Status per område', newPage: true },
    stacked(
      en ? 'Approved reports by area and status' : 'Godkjente rapporter per område og status',
      s.byArea,
      (g) => `${g.id} ${g.name}`,
      lang,
    ),
    groupTable(
      s.byArea.map((a) => ({ ...a, name: `${a.id} ${a.name}` })),
      en ? 'Area' : 'Område',
      lang,
    ),
    ...s.byArea.flatMap((a): PdfBlock[] => [
      { kind: 'heading', level: 3, text: `${a.id} ${a.name}` },
      { kind: 'paragraph', text: `${en ? 'Goal' : 'Mål'}: ${a.goal}`, style: 'muted' },
    ]),
  ];
}

function byActor(s: SectorReportSnapshot, lang: ExportLanguage): PdfBlock[] {
  const en = lang === 'en';
  return [
    { kind: 'heading', level: 1, text: en ? 'Status by actor' : 'Status per aktør', newPage: true },
    stacked(
      en ? 'Approved reports by actor and status' : 'Godkjente rapporter per aktør og status',
      s.byActor,
      (g) => (g as { shortName?: string }).shortName ?? g.name,
      lang,
    ),
    groupTable(s.byActor, en ? 'Actor' : 'Aktør', lang),
  ];
}

function trend(s: SectorReportSnapshot, lang: ExportLanguage): PdfBlock[] {
  const l = reportLabels(lang);
  const en = lang === 'en';
  const changed = s.reports.filter((r) => ['improved', 'worsened', 'stopped'].includes(r.change));
  return [
    { kind: 'heading', level: 1, text: en ? 'Change over the years' : 'Utvikling over år', newPage: true },
    {
      kind: 'stackedBarChart',
      title: en ? 'Approved reports by year and status (share)' : 'Godkjente rapporter per år og status (andel)',
      normalise: true,
      series: implementationStatuses.map((st) => ({ name: l.status[st], color: statusColours[st] })),
      categories: s.trend.map((t) => ({
        label: String(t.year),
        values: implementationStatuses.map((st) => t.counts[st]),
      })),
    },
    {
      kind: 'table',
      columns: [
        { header: l.columns.year, width: 1 },
        { header: l.columns.approved, width: 1.2, align: 'right' },
        ...implementationStatuses.map((st) => ({ header: l.status[st], width: 1.2, align: 'right' as const })),
        { header: en ? 'In place' : 'I drift/fullført', width: 1.5, align: 'right' },
      ],
      rows: s.trend.map((t) => [
        String(t.year),
        String(t.approved),
        ...implementationStatuses.map((st) => String(t.counts[st])),
        share(t.inPlaceShare),
      ]),
    },
    { kind: 'heading', level: 2, text: en ? 'Change since last year' : 'Endring siden i fjor' },
    {
      kind: 'keyValues',
      items: (['improved', 'unchanged', 'worsened', 'stopped', 'new', 'missing'] as const).map((c) => ({
        label: l.change[c],
        value: String(s.changes[c]),
      })),
    },
    changed.length > 0
      ? {
          kind: 'table',
          columns: [
            { header: l.columns.measure, width: 0.8 },
            { header: l.columns.measureTitle, width: 4 },
            { header: l.columns.actor, width: 2.4 },
            { header: l.columns.previousStatus, width: 1.5 },
            { header: l.columns.status, width: 1.5 },
            { header: l.columns.change, width: 1.4 },
          ],
          rows: changed.map((r) => [
            r.measureId,
            r.measureTitle,
            r.actorName,
            r.previousStatus ? l.status[r.previousStatus] : '–',
            r.status ? l.status[r.status] : '–',
            l.change[r.change],
          ]),
        }
      : {
          kind: 'paragraph',
          text: en ? 'No measure changed status since last year.' : 'Ingen tiltak har endret status siden i fjor.',
        },
  ];
}

function gap(s: SectorReportSnapshot, lang: ExportLanguage): PdfBlock[] {
  const l = reportLabels(lang);
  const en = lang === 'en';
  const missing = s.reports.filter((r) => !r.approved);
  return [
    { kind: 'heading', level: 1, text: en ? 'Gaps' : 'Gap', newPage: true },
    { kind: 'heading', level: 2, text: en ? 'Measures without a responsible actor' : 'Tiltak uten ansvarlig aktør' },
    s.gap.length > 0
      ? {
          kind: 'bullets',
          items: s.gap.map((g) => `${g.id} ${g.title} (${en ? 'responsibility' : 'ansvar'}: ${g.responsibleText})`),
        }
      : {
          kind: 'paragraph',
          text: en ? 'Every measure has a responsible actor.' : 'Alle tiltak har en ansvarlig aktør.',
        },
    {
      kind: 'heading',
      level: 2,
      text: en ? 'Reports not approved by the report date' : 'Rapporter som ikke var godkjent ved sammenstilling',
    },
    missing.length > 0
      ? {
          kind: 'table',
          columns: [
            { header: l.columns.measure, width: 0.8 },
            { header: l.columns.measureTitle, width: 4 },
            { header: l.columns.actor, width: 2.5 },
            { header: l.columns.state, width: 1.5 },
          ],
          rows: missing.map((r) => [r.measureId, r.measureTitle, r.actorName, l.state[r.state]]),
        }
      : {
          kind: 'paragraph',
          text: en ? 'All expected reports were approved.' : 'Alle forventede rapporter var godkjent.',
        },
  ];
}

function measures(s: SectorReportSnapshot, lang: ExportLanguage): PdfBlock[] {
  const l = reportLabels(lang);
  const en = lang === 'en';
  const blocks: PdfBlock[] = [
    { kind: 'heading', level: 1, text: en ? 'Measure by measure' : 'Tiltak for tiltak', newPage: true },
  ];
  const ids = [...new Set(s.reports.map((r) => r.measureId))];
  for (const id of ids) {
    const rows = s.reports.filter((r) => r.measureId === id);
    blocks.push({ kind: 'heading', level: 2, text: `${id} ${rows[0]?.measureTitle ?? ''}` });
    for (const r of rows) {
      blocks.push({
        kind: 'heading',
        level: 3,
        text:
          r.actorName +
          (r.reporterActorId !== r.actorId ? ` (${en ? 'reported by' : 'rapportert av'} ${r.reporterActorName})` : ''),
      });
      if (!r.approved) {
        blocks.push({
          kind: 'paragraph',
          text: `${l.notApproved} (${l.state[r.state].toLowerCase()}).`,
          style: 'muted',
        });
        continue;
      }
      blocks.push({
        kind: 'keyValues',
        items: [
          { label: l.columns.status, value: r.status ? l.status[r.status] : '–' },
          {
            label: l.columns.change,
            value: `${l.change[r.change]}${r.previousStatus ? ` (${en ? 'last year' : 'i fjor'}: ${l.status[r.previousStatus]})` : ''}`,
          },
          { label: l.columns.contributionLevel, value: l.contribution[r.contribution.level] },
          { label: l.columns.progress, value: r.progress },
          { label: l.columns.contributionText, value: r.contribution.text },
          ...(r.indicators.length > 0
            ? [
                {
                  label: l.columns.indicators,
                  value: r.indicators.map((i) => indicatorText(i, en ? 'target' : 'mål')).join('\n'),
                },
              ]
            : []),
          { label: l.columns.nextSteps, value: r.nextSteps },
          ...(r.blockers ? [{ label: l.columns.blockers, value: r.blockers }] : []),
          ...(r.evidence.length > 0
            ? [{ label: l.columns.evidence, value: r.evidence.map(evidenceText).join('\n') }]
            : []),
          { label: l.columns.contactName, value: [r.contact.name, r.contact.email].filter(Boolean).join(', ') },
        ],
      });
    }
  }
  return blocks;
}

function about(published: PublishedSectorReport, lang: ExportLanguage): PdfBlock[] {
  const en = lang === 'en';
  return [
    { kind: 'heading', level: 1, text: en ? 'About this report' : 'Om rapporten', newPage: true },
    {
      kind: 'paragraph',
      text: en
        ? 'Actors responsible for measures in the strategy report yearly to the Ministry of Health and Care Services on the status of their measures and whether they help reach the goals; the directorate gathers and compiles the reports (seed 004_d10711c7d8f82a89.txt, §1.2 Rapportering og oppfølging). This report was compiled in Varde from the approved status reports and frozen when published: later changes to the source reports do not change it.'
        : 'Aktører som er ansvarlige for tiltak i strategien rapporterer årlig til Helse- og omsorgsdepartementet om status for tiltakene og om de bidrar til at målene nås; direktoratet samler inn og sammenstiller rapporteringen (kilde: 004_d10711c7d8f82a89.txt, §1.2 Rapportering og oppfølging). Rapporten er sammenstilt i Varde fra de godkjente statusrapportene og fryst ved publisering: senere endringer i rapportene endrer den ikke.',
    },
    {
      kind: 'keyValues',
      items: [
        {
          label: en ? 'Published' : 'Publisert',
          value: published.publishedAt.toISOString().replace('T', ' ').slice(0, 16) + ' UTC',
        },
        { label: en ? 'Published by' : 'Publisert av', value: published.publishedBy },
        { label: en ? 'Version' : 'Versjon', value: String(published.version) },
        { label: en ? 'Content hash (SHA-256)' : 'Innholdshash (SHA-256)', value: published.contentHash },
      ],
    },
  ];
}

export async function sectorReportPdf(published: PublishedSectorReport, lang: ExportLanguage): Promise<Buffer> {
  const s = published.snapshot;
  const en = lang === 'en';
  const date = published.publishedAt.toISOString().slice(0, 10);
  const result = await renderPdf({
    title: en ? `Status report ${s.year}` : `Statusrapport ${s.year}`,
    subtitle: en
      ? 'Measures of the strategy for digital security in the health and care sector'
      : 'Tiltakene i strategi for digital sikkerhet i helse- og omsorgssektoren',
    author: published.publishedBy,
    lang: en ? 'en' : 'nb-NO',
    createdAt: published.publishedAt,
    tocTitle: en ? 'Contents' : 'Innhold',
    pageLabel: en ? (n, total) => `Page ${n} of ${total}` : undefined,
    coverLines: [
      en
        ? 'Report to the Ministry of Health and Care Services (HOD)'
        : 'Rapport til Helse- og omsorgsdepartementet (HOD)',
      `${en ? 'Published' : 'Publisert'} ${en ? englishDate(date) : norwegianDate(date)} ${en ? 'by' : 'av'} ${published.publishedBy} (${en ? 'version' : 'versjon'} ${published.version})`,
      `${en ? 'Catalogue edition' : 'Katalogutgave'} ${s.editionId}`,
      `${en ? 'Content hash' : 'Innholdshash'}: ${published.contentHash}`,
    ],
    footerText: `${en ? 'Status report' : 'Statusrapport'} ${s.year} · ${en ? 'published' : 'publisert'} ${date} · v${published.version}`,
    blocks: [
      ...summary(s, lang),
      ...byArea(s, lang),
      ...byActor(s, lang),
      ...trend(s, lang),
      ...gap(s, lang),
      ...measures(s, lang),
      ...about(published, lang),
    ],
  });
  return result.buffer;
}
