/**
 * The assessment module's files, as plain data for the shared writers (src/platform/export): an assessment report
 * (PDF, XLSX), the history side by side (PDF, XLSX) and the published indicator tables (XLSX). Labels in bokmål or
 * English. Indicator files hold only cells of the k-anonymous publication, exactly as the API shows them.
 */
import type { PdfBlock, PdfDocumentSpec, XlsxSheet } from '../../platform/export/index.js';
import type { MeasureGuide } from './assessment-content.js';
import type { StoredAssessment } from './assessment-repository.js';
import type { PublishedCell } from './publish-aggregates.js';
import type { FrameworkView } from './requirements.js';
import type { ActionItem, ActionSuggestion, Answer, AssessmentResult, EnterpriseProfile, Localized } from './types.js';

export type Locale = 'nb' | 'en';

const words = {
  nb: {
    report: 'Egenvurdering',
    enterprise: 'Virksomhet',
    year: 'År',
    framework: 'Rammeverk',
    status: 'Status',
    completion: 'Besvart',
    profile: 'Modenhetsprofil',
    profileChart: 'Nivå i dag per område (0–5)',
    area: 'Område',
    today: 'I dag',
    target: 'Mål',
    dontKnow: 'Vet ikke',
    notRelevant: 'Ikke relevant',
    answers: 'Svar',
    requirement: 'Krav',
    answer: 'Svar',
    reason: 'Begrunnelse',
    comment: 'Kommentar',
    evidence: 'Dokumentasjon',
    answeredBy: 'Besvart av',
    answeredAt: 'Tidspunkt',
    plan: 'Handlingsplan',
    action: 'Tiltak',
    owner: 'Ansvarlig',
    due: 'Frist',
    expected: 'Forventet nivå',
    suggestions: 'Forslag som ikke er i planen ennå',
    history: 'Historikk',
    average: 'Gjennomsnitt',
    indicator: 'Indikator',
    group: 'Gruppe',
    value: 'Verdi',
    count: 'Virksomheter',
    notes: 'Merknad',
    hidden: 'skjult',
    sector: 'Hele sektoren',
    privacy: (k: number) => `Bare grupper med minst ${k} virksomheter vises; små grupper er slått sammen eller skjult.`,
    generated: 'Laget',
    statuses: { draft: 'Utkast', 'in-progress': 'Under arbeid', submitted: 'Levert', approved: 'Godkjent' } as Record<
      string,
      string
    >,
    actionStatuses: { planned: 'Planlagt', 'in-progress': 'Pågår', done: 'Ferdig', cancelled: 'Avlyst' } as Record<
      string,
      string
    >,
    page: (p: number, n: number) => `Side ${p} av ${n}`,
    contents: 'Innhold',
  },
  en: {
    report: 'Self-assessment',
    enterprise: 'Enterprise',
    year: 'Year',
    framework: 'Framework',
    status: 'Status',
    completion: 'Answered',
    profile: 'Maturity profile',
    profileChart: 'Level today per area (0–5)',
    area: 'Area',
    today: 'Today',
    target: 'Target',
    dontKnow: "Don't know",
    notRelevant: 'Not relevant',
    answers: 'Answers',
    requirement: 'Requirement',
    answer: 'Answer',
    reason: 'Reason',
    comment: 'Comment',
    evidence: 'Evidence',
    answeredBy: 'Answered by',
    answeredAt: 'Time',
    plan: 'Action plan',
    action: 'Action',
    owner: 'Owner',
    due: 'Due',
    expected: 'Expected level',
    suggestions: 'Suggestions not yet in the plan',
    history: 'History',
    average: 'Average',
    indicator: 'Indicator',
    group: 'Group',
    value: 'Value',
    count: 'Enterprises',
    notes: 'Note',
    hidden: 'hidden',
    sector: 'Whole sector',
    privacy: (k: number) => `Only groups of at least ${k} enterprises are shown; small groups are merged or hidden.`,
    generated: 'Generated',
    statuses: { draft: 'Draft', 'in-progress': 'In progress', submitted: 'Submitted', approved: 'Approved' } as Record<
      string,
      string
    >,
    actionStatuses: {
      planned: 'Planned',
      'in-progress': 'In progress',
      done: 'Done',
      cancelled: 'Cancelled',
    } as Record<string, string>,
    page: (p: number, n: number) => `Page ${p} of ${n}`,
    contents: 'Contents',
  },
};

const pick = (text: Localized | null | undefined, locale: Locale) => (text ? text[locale] : '');
const fixed = (value: number | null, digits = 1) => (value === null ? '–' : value.toFixed(digits));

export interface AssessmentReport {
  assessment: StoredAssessment;
  framework: FrameworkView;
  answers: Answer[];
  result: AssessmentResult;
  guide: MeasureGuide[];
  enterprise: EnterpriseProfile | null;
  actions: ActionItem[];
  suggestions: ActionSuggestion[];
}

function answerText(answer: Answer | undefined, framework: FrameworkView, locale: Locale): string {
  const w = words[locale];
  if (!answer) return '–';
  if (answer.kind === 'dont-know') return w.dontKnow;
  if (answer.kind === 'not-relevant') return w.notRelevant;
  const level = framework.scale.levels.find((l) => l.value === answer.level);
  return `${answer.level} ${pick(level?.name, locale)}`;
}

function categoryTitle(report: Pick<AssessmentReport, 'framework' | 'guide'>, id: string, locale: Locale): string {
  const guide = report.guide.find((g) => g.id === id);
  return guide
    ? pick(guide.plainTitle, locale)
    : pick(report.framework.categories.find((c) => c.id === id)?.title, locale);
}

export function assessmentPdf(report: AssessmentReport, locale: Locale, now: Date): PdfDocumentSpec {
  const w = words[locale];
  const { assessment, framework, result } = report;
  const answers = new Map(report.answers.map((a) => [a.requirementId, a]));
  const blocks: PdfBlock[] = [
    { kind: 'heading', level: 1, text: w.profile },
    {
      kind: 'barChart',
      title: w.profileChart,
      bars: result.categories.map((c) => ({
        label: categoryTitle(report, c.categoryId, locale),
        value: Number((c.average ?? 0).toFixed(1)),
      })),
    },
    {
      kind: 'table',
      columns: [
        { header: w.area, width: 4 },
        { header: w.today, width: 1, align: 'right' },
        { header: w.target, width: 1, align: 'right' },
        { header: w.dontKnow, width: 1, align: 'right' },
        { header: w.notRelevant, width: 1, align: 'right' },
      ],
      rows: result.categories.map((c) => [
        categoryTitle(report, c.categoryId, locale),
        fixed(c.average),
        fixed(c.targetAverage),
        String(c.dontKnowCount),
        String(c.notRelevantCount),
      ]),
    },
    { kind: 'heading', level: 1, text: w.answers, newPage: true },
    {
      kind: 'table',
      columns: [
        { header: w.requirement, width: 4 },
        { header: w.answer, width: 2 },
        { header: w.target, width: 1, align: 'right' },
        { header: w.comment, width: 3 },
        { header: w.answeredBy, width: 2 },
      ],
      rows: framework.requirements.map((r) => {
        const a = answers.get(r.id);
        const note = [
          a?.notRelevantReason,
          a?.comment,
          ...(a?.evidence ?? []).map((e) => `${w.evidence}: ${e.title}${e.url ? ` (${e.url})` : ''}`),
        ]
          .filter(Boolean)
          .join(' · ');
        return [
          `${r.refId} ${pick(r.title, locale)}`,
          answerText(a, framework, locale),
          a?.targetLevel === null || a?.targetLevel === undefined ? '–' : String(a.targetLevel),
          note,
          a ? `${a.answeredBy.name}, ${a.answeredAt.slice(0, 10)}` : '',
        ];
      }),
    },
    { kind: 'heading', level: 1, text: w.plan, newPage: true },
  ];
  if (report.actions.length > 0) {
    blocks.push({
      kind: 'table',
      columns: [
        { header: w.action, width: 5 },
        { header: w.requirement, width: 1 },
        { header: w.owner, width: 2 },
        { header: w.due, width: 2 },
        { header: w.status, width: 2 },
        { header: w.expected, width: 1, align: 'right' },
      ],
      rows: report.actions.map((a) => [
        a.title,
        a.requirementIds.join(', '),
        a.owner ?? '',
        a.dueDate ?? '',
        w.actionStatuses[a.status] ?? a.status,
        a.expectedLevel === null ? '' : String(a.expectedLevel),
      ]),
    });
  }
  if (report.suggestions.length > 0) {
    blocks.push({ kind: 'heading', level: 2, text: w.suggestions });
    blocks.push({
      kind: 'bullets',
      items: report.suggestions
        .slice(0, 15)
        .map((s) => `${pick(s.title, locale)} (${s.requirementId}): ${pick(s.description, locale)}`),
    });
  }
  return {
    title: `${w.report}: ${assessment.title}`,
    subtitle: report.enterprise?.name,
    lang: locale === 'nb' ? 'nb-NO' : 'en-GB',
    createdAt: now,
    coverLines: [
      `${w.enterprise}: ${report.enterprise?.name ?? assessment.organisationId}`,
      `${w.framework}: ${pick(framework.name, locale)}`,
      `${w.year}: ${assessment.year}`,
      `${w.status}: ${w.statuses[assessment.status] ?? assessment.status}`,
      `${w.completion}: ${Math.round(result.completion * 100)} %`,
      `${w.generated}: ${now.toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    ],
    tocTitle: w.contents,
    pageLabel: w.page,
    footerText: `${assessment.title} – ${report.enterprise?.name ?? ''}`,
    blocks,
  };
}

export function assessmentXlsx(report: AssessmentReport, locale: Locale): XlsxSheet[] {
  const w = words[locale];
  const answers = new Map(report.answers.map((a) => [a.requirementId, a]));
  return [
    {
      name: w.answers,
      columns: [
        { header: 'ID', type: 'text', value: (r: FrameworkView['requirements'][number]) => r.refId },
        { header: w.requirement, type: 'longText', value: (r) => pick(r.title, locale) },
        { header: w.answer, type: 'text', value: (r) => answerText(answers.get(r.id), report.framework, locale) },
        { header: `${w.today} (0–5)`, type: 'integer', value: (r) => answers.get(r.id)?.level ?? null },
        { header: w.target, type: 'integer', value: (r) => answers.get(r.id)?.targetLevel ?? null },
        { header: w.reason, type: 'longText', value: (r) => answers.get(r.id)?.notRelevantReason ?? null },
        { header: w.comment, type: 'longText', value: (r) => answers.get(r.id)?.comment ?? null },
        {
          header: w.evidence,
          type: 'longText',
          value: (r) =>
            (answers.get(r.id)?.evidence ?? []).map((e) => (e.url ? `${e.title} (${e.url})` : e.title)).join('; ') ||
            null,
        },
        { header: w.answeredBy, type: 'text', value: (r) => answers.get(r.id)?.answeredBy.name ?? null },
        {
          header: w.answeredAt,
          type: 'datetime',
          value: (r) => (answers.get(r.id) ? new Date(answers.get(r.id)!.answeredAt) : null),
        },
      ],
      rows: report.framework.requirements,
    },
    {
      name: w.profile,
      columns: [
        {
          header: w.area,
          type: 'text',
          value: (c: AssessmentResult['categories'][number]) => categoryTitle(report, c.categoryId, locale),
        },
        { header: w.today, type: 'number', value: (c) => c.average },
        { header: w.target, type: 'number', value: (c) => c.targetAverage },
        { header: w.dontKnow, type: 'integer', value: (c) => c.dontKnowCount },
        { header: w.notRelevant, type: 'integer', value: (c) => c.notRelevantCount },
      ],
      rows: report.result.categories,
    },
    {
      name: w.plan,
      columns: [
        { header: w.action, type: 'longText', value: (a: ActionItem) => a.title },
        { header: w.requirement, type: 'text', value: (a) => a.requirementIds.join(', ') },
        { header: w.owner, type: 'text', value: (a) => a.owner },
        { header: w.due, type: 'date', value: (a) => (a.dueDate ? new Date(`${a.dueDate}T00:00:00Z`) : null) },
        { header: w.status, type: 'text', value: (a) => w.actionStatuses[a.status] ?? a.status },
        { header: w.expected, type: 'integer', value: (a) => a.expectedLevel },
      ],
      rows: report.actions,
    },
  ];
}

export interface HistoryReport {
  framework: FrameworkView;
  enterprise: EnterpriseProfile | null;
  entries: { assessment: StoredAssessment; answers: Answer[]; result: AssessmentResult }[];
}

function historyRows(history: HistoryReport, locale: Locale): string[][] {
  return history.framework.requirements.map((r) => [
    `${r.refId} ${pick(r.title, locale)}`,
    ...history.entries.map((e) =>
      answerText(
        e.answers.find((a) => a.requirementId === r.id),
        history.framework,
        locale,
      ),
    ),
  ]);
}

export function historyPdf(history: HistoryReport, locale: Locale, now: Date): PdfDocumentSpec {
  const w = words[locale];
  const years = history.entries.map((e) => String(e.assessment.year));
  return {
    title: `${w.history}: ${pick(history.framework.name, locale)}`,
    subtitle: history.enterprise?.name,
    lang: locale === 'nb' ? 'nb-NO' : 'en-GB',
    createdAt: now,
    coverLines: [`${w.enterprise}: ${history.enterprise?.name ?? ''}`, `${w.year}: ${years.join(', ')}`],
    tocTitle: null,
    pageLabel: w.page,
    blocks: [
      {
        kind: 'lineChart',
        title: `${w.average} (0–5)`,
        xLabels: years,
        series: [{ name: w.average, color: '#0062ba', values: history.entries.map((e) => e.result.overall.average) }],
        yMax: 5,
      },
      {
        kind: 'table',
        columns: [{ header: w.requirement, width: 4 }, ...years.map((y) => ({ header: y, width: 2 }))],
        rows: historyRows(history, locale),
      },
    ],
  };
}

export function historyXlsx(history: HistoryReport, locale: Locale): XlsxSheet[] {
  const w = words[locale];
  const rows = historyRows(history, locale);
  return [
    {
      name: w.history,
      columns: [
        { header: w.requirement, type: 'longText', value: (r: string[]) => r[0] ?? '' },
        ...history.entries.map((e, i) => ({
          header: `${e.assessment.year} (${e.assessment.title})`,
          type: 'text' as const,
          value: (r: string[]) => r[i + 1] ?? '',
        })),
      ],
      rows,
    },
  ];
}

export interface IndicatorTable {
  indicator: { id: string; name: Localized; kind: 'mean' | 'share' };
  year: number;
  cells: PublishedCell[];
}

export function indicatorsXlsx(
  tables: readonly IndicatorTable[],
  k: number,
  locale: Locale,
  label: (dimension: string, id: string) => string,
): XlsxSheet[] {
  const w = words[locale];
  const rows = tables.flatMap((t) => t.cells.map((cell) => ({ t, cell })));
  type Row = (typeof rows)[number];
  return [
    {
      name: w.indicator,
      columns: [
        { header: w.year, type: 'integer', value: (r: Row) => r.t.year },
        { header: w.indicator, type: 'text', value: (r: Row) => pick(r.t.indicator.name, locale) },
        {
          header: w.group,
          type: 'text',
          value: (r: Row) =>
            Object.entries(r.cell.key)
              .map(([d, id]) => label(d, id))
              .join(', ') || w.sector,
        },
        { header: w.value, type: 'number', value: (r: Row) => (r.cell.suppressed ? null : r.cell.mean) },
        { header: w.count, type: 'integer', value: (r: Row) => (r.cell.suppressed ? null : r.cell.count) },
        {
          header: w.notes,
          type: 'longText',
          value: (r: Row) =>
            r.cell.suppressed ? `${w.hidden}: ${r.cell.notes.join(', ')}` : r.cell.notes.join(', ') || null,
        },
      ],
      rows,
    },
    { name: 'k', columns: [{ header: 'k', type: 'text', value: (r: string) => r }], rows: [w.privacy(k)] },
  ];
}
