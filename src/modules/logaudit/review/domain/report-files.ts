/** The control report as files: a PDF document spec and XLSX sheets, using the platform's shared writers. */
import type { PdfBlock, PdfDocumentSpec, XlsxSheet } from '../../../../platform/export/index.js';
import type { ControlReport } from './control-report.js';
import type { Lang } from './patient-texts.js';
import { fill } from './patient-texts.js';
import { reportTexts } from './report-texts.js';

function percent(share: number | null, lang: Lang): string {
  if (share === null) return '–';
  return `${(share * 100).toLocaleString(lang === 'nb' ? 'nb-NO' : 'en-GB', { maximumFractionDigits: 1 })} %`;
}

function num(value: number | null, lang: Lang): string {
  return value === null ? '–' : value.toLocaleString(lang === 'nb' ? 'nb-NO' : 'en-GB');
}

export interface SummaryRow {
  readonly section: string;
  readonly measure: string;
  readonly value: string;
}

export function summaryRows(report: ControlReport, lang: Lang): SummaryRow[] {
  const t = reportTexts[lang];
  const i = report.inputs;
  const eventsAdded = i.runs.reduce((sum, r) => sum + r.eventsAdded, 0);
  return [
    { section: t.checked, measure: t.lookups, value: num(i.lookups.total, lang) },
    { section: t.checked, measure: t.documentedShare, value: percent(report.documentedShare, lang) },
    { section: t.checked, measure: t.runs, value: num(i.runs.length, lang) },
    { section: t.checked, measure: t.eventsAdded, value: num(eventsAdded, lang) },
    { section: t.checked, measure: t.casesFlagged, value: num(i.casesFlagged, lang) },
    { section: t.checked, measure: t.capacity, value: num(i.reviewCapacity, lang) },
    { section: t.outcomesHeading, measure: t.casesReviewed, value: num(report.casesReviewed, lang) },
    { section: t.outcomesHeading, measure: t.legitimate, value: num(report.outcomes.legitimate, lang) },
    { section: t.outcomesHeading, measure: t.notLegitimate, value: num(report.outcomes.not_legitimate, lang) },
    { section: t.outcomesHeading, measure: t.followUp, value: num(report.outcomes.follow_up, lang) },
    { section: t.outcomesHeading, measure: t.awaiting, value: num(report.outcomes.awaiting_second_reviewer, lang) },
    { section: t.outcomesHeading, measure: t.rejected, value: num(report.outcomes.rejected_by_second_reviewer, lang) },
    { section: t.outcomesHeading, measure: t.openAtEnd, value: num(i.openCasesAtEnd, lang) },
    { section: t.outcomesHeading, measure: t.pendingAtEnd, value: num(i.pendingApprovalAtEnd, lang) },
    { section: t.timeHeading, measure: t.median, value: num(report.daysToDecision.median, lang) },
    { section: t.timeHeading, measure: t.p90, value: num(report.daysToDecision.p90, lang) },
    { section: t.timeHeading, measure: t.decided, value: num(report.daysToDecision.count, lang) },
    { section: t.rulesHeading, measure: t.rulesActive, value: num(i.rules.active, lang) },
    { section: t.rulesHeading, measure: t.rulesApproved, value: num(i.rules.approvedInPeriod, lang) },
    { section: t.rulesHeading, measure: t.rulesRetired, value: num(i.rules.retiredInPeriod, lang) },
    { section: t.patientHeading, measure: t.patientServed, value: num(i.patientLogs.served, lang) },
    { section: t.patientHeading, measure: t.patientRows, value: num(i.patientLogs.lookups, lang) },
    { section: t.patientHeading, measure: t.patientDocumented, value: percent(report.patientLogDocumentedShare, lang) },
  ];
}

/** Per-day bars get unreadable beyond this; longer periods are shown per week. */
const MAX_DAY_BARS = 45;

function chartCategories(report: ControlReport): { label: string; values: number[] }[] {
  const daily = report.inputs.daily;
  if (daily.length <= MAX_DAY_BARS)
    return daily.map((d) => ({ label: d.day.slice(5), values: [d.explained, d.unexplained] }));
  const weeks: { label: string; values: number[] }[] = [];
  for (let i = 0; i < daily.length; i += 7) {
    const slice = daily.slice(i, i + 7);
    weeks.push({
      label: slice[0]!.day.slice(5),
      values: [slice.reduce((s, d) => s + d.explained, 0), slice.reduce((s, d) => s + d.unexplained, 0)],
    });
  }
  return weeks;
}

export function controlReportPdf(report: ControlReport, lang: Lang): PdfDocumentSpec {
  const t = reportTexts[lang];
  const i = report.inputs;
  const rows = summaryRows(report, lang);
  const section = (name: string): PdfBlock => ({
    kind: 'keyValues',
    items: rows.filter((r) => r.section === name).map((r) => ({ label: r.measure, value: r.value })),
  });
  const kinds = Object.entries(report.legitimateKinds).sort((a, b) => b[1] - a[1]);
  const blocks: PdfBlock[] = [
    { kind: 'heading', level: 1, text: t.summary },
    { kind: 'paragraph', text: t.summaryText },
    { kind: 'heading', level: 2, text: t.checked },
    section(t.checked),
    ...(i.daily.length > 0
      ? ([
          {
            kind: 'stackedBarChart',
            title: t.dailyHeading,
            series: [
              { name: t.explained, color: '#2f6f4f' },
              { name: t.unexplained, color: '#b5462f' },
            ],
            categories: chartCategories(report),
          },
        ] satisfies PdfBlock[])
      : []),
    { kind: 'heading', level: 2, text: t.outcomesHeading },
    section(t.outcomesHeading),
    {
      kind: 'barChart',
      title: t.chartOutcomes,
      bars: [
        { label: t.legitimate, value: report.outcomes.legitimate, color: '#2f6f4f' },
        { label: t.notLegitimate, value: report.outcomes.not_legitimate, color: '#b5462f' },
        { label: t.followUp, value: report.outcomes.follow_up, color: '#8a6d1d' },
        { label: t.awaiting, value: report.outcomes.awaiting_second_reviewer, color: '#4b5d7a' },
      ],
    },
    { kind: 'heading', level: 2, text: t.timeHeading },
    section(t.timeHeading),
    { kind: 'heading', level: 2, text: t.kindsHeading },
    kinds.length > 0
      ? {
          kind: 'table',
          columns: [
            { header: t.kind, width: 4 },
            { header: t.count, width: 1, align: 'right' },
          ],
          rows: kinds.map(([k, n]) => [t.kinds[k] ?? k, num(n, lang)]),
        }
      : { kind: 'paragraph', text: t.none, style: 'muted' },
    { kind: 'heading', level: 2, text: t.rulesHeading },
    section(t.rulesHeading),
    { kind: 'heading', level: 2, text: t.patientHeading },
    section(t.patientHeading),
  ];
  const vars = {
    org: i.organisationName,
    dataset: i.datasetName,
    from: i.period.from,
    to: i.period.to,
    at: i.generatedAt.toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
  };
  return {
    title: t.title,
    subtitle: fill(t.subtitle, vars),
    lang: lang === 'nb' ? 'nb-NO' : 'en-GB',
    createdAt: i.generatedAt,
    coverLines: t.cover.map((line) => fill(line, vars)),
    tocTitle: t.toc,
    pageLabel: (n, total) => fill(t.pageLabel, { n: String(n), total: String(total) }),
    footerText: `${t.title} ${i.period.from} – ${i.period.to}`,
    blocks,
  };
}

export function controlReportSheets(report: ControlReport, lang: Lang): XlsxSheet[] {
  const t = reportTexts[lang];
  const summary: XlsxSheet<SummaryRow> = {
    name: t.sheetSummary,
    columns: [
      { header: t.summary, type: 'text', value: (r) => r.section, width: 32 },
      { header: t.measure, type: 'text', value: (r) => r.measure, width: 48 },
      { header: t.value, type: 'text', value: (r) => r.value, width: 16 },
    ],
    rows: summaryRows(report, lang),
  };
  const daily: XlsxSheet<ControlReport['inputs']['daily'][number]> = {
    name: t.sheetDaily,
    columns: [
      { header: t.day, type: 'date', value: (r) => r.day },
      { header: t.explained, type: 'integer', value: (r) => r.explained, width: 14 },
      { header: t.unexplained, type: 'integer', value: (r) => r.unexplained, width: 22 },
    ],
    rows: report.inputs.daily,
  };
  const kinds: XlsxSheet<[string, number]> = {
    name: t.sheetKinds,
    columns: [
      { header: t.kind, type: 'text', value: (r) => t.kinds[r[0]] ?? r[0], width: 44 },
      { header: t.count, type: 'integer', value: (r) => r[1] },
    ],
    rows: Object.entries(report.legitimateKinds).sort((a, b) => b[1] - a[1]),
  };
  return [summary, daily, kinds];
}
