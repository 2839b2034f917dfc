/**
 * The words of the exported sector report (PDF, XLSX, CSV), in Norwegian bokmål and English. The web UI has its
 * own translation files; exports are made on the server, so their words live here, beside the code that uses them.
 */
import type { StatusChange } from './status-scale.js';
import type { ContributionLevel, ImplementationStatus, ReportState } from './types.js';

export const exportLanguages = ['nb', 'en'] as const;
export type ExportLanguage = (typeof exportLanguages)[number];

export interface ReportLabels {
  readonly status: Record<ImplementationStatus, string>;
  readonly state: Record<ReportState, string>;
  readonly contribution: Record<ContributionLevel, string>;
  readonly change: Record<StatusChange, string>;
  readonly notReported: string;
  readonly notApproved: string;
  readonly columns: Record<
    | 'year'
    | 'area'
    | 'areaName'
    | 'measure'
    | 'measureTitle'
    | 'measureKind'
    | 'actor'
    | 'reporter'
    | 'state'
    | 'status'
    | 'previousStatus'
    | 'change'
    | 'progress'
    | 'contributionLevel'
    | 'contributionText'
    | 'indicators'
    | 'nextSteps'
    | 'blockers'
    | 'contactName'
    | 'contactEmail'
    | 'contactPhone'
    | 'evidence'
    | 'approvedAt'
    | 'expected'
    | 'approved'
    | 'inPlaceShare'
    | 'goal'
    | 'responsible'
    | 'total',
    string
  >;
  readonly kind: Record<'existing' | 'new', string>;
}

const nb: ReportLabels = {
  status: {
    'not-started': 'Ikke startet',
    planned: 'Planlagt',
    'in-progress': 'Pågår',
    'in-operation': 'I drift',
    completed: 'Fullført',
    stopped: 'Stanset',
  },
  state: { draft: 'Utkast', submitted: 'Sendt inn', returned: 'Sendt tilbake', approved: 'Godkjent' },
  contribution: { 'not-assessed': 'Ikke vurdert', none: 'Ingen', low: 'Liten', medium: 'Middels', high: 'Stor' },
  change: {
    new: 'Ny',
    improved: 'Framgang',
    unchanged: 'Uendret',
    worsened: 'Tilbakegang',
    stopped: 'Stanset',
    missing: 'Ikke rapportert',
  },
  notReported: 'Ikke rapportert',
  notApproved: 'Ikke godkjent ved sammenstilling',
  columns: {
    year: 'År',
    area: 'Område',
    areaName: 'Områdenavn',
    measure: 'Tiltak',
    measureTitle: 'Tiltakstittel',
    measureKind: 'Type tiltak',
    actor: 'Ansvarlig aktør',
    reporter: 'Rapportert av',
    state: 'Rapportstatus',
    status: 'Status',
    previousStatus: 'Status i fjor',
    change: 'Endring',
    progress: 'Fremdrift',
    contributionLevel: 'Bidrag til målet',
    contributionText: 'Bidrag, begrunnelse',
    indicators: 'Indikatorer',
    nextSteps: 'Neste steg',
    blockers: 'Hindringer',
    contactName: 'Kontaktperson',
    contactEmail: 'E-post',
    contactPhone: 'Telefon',
    evidence: 'Dokumentasjon',
    approvedAt: 'Godkjent',
    expected: 'Forventet',
    approved: 'Godkjent',
    inPlaceShare: 'Andel i drift eller fullført (%)',
    goal: 'Mål',
    responsible: 'Ansvar',
    total: 'Totalt',
  },
  kind: { existing: 'Eksisterende', new: 'Nytt' },
};

const en: ReportLabels = {
  status: {
    'not-started': 'Not started',
    planned: 'Planned',
    'in-progress': 'In progress',
    'in-operation': 'In operation',
    completed: 'Completed',
    stopped: 'Stopped',
  },
  state: { draft: 'Draft', submitted: 'Submitted', returned: 'Returned', approved: 'Approved' },
  contribution: { 'not-assessed': 'Not assessed', none: 'None', low: 'Low', medium: 'Medium', high: 'High' },
  change: {
    new: 'New',
    improved: 'Improved',
    unchanged: 'Unchanged',
    worsened: 'Worsened',
    stopped: 'Stopped',
    missing: 'Not reported',
  },
  notReported: 'Not reported',
  notApproved: 'Not approved when compiled',
  columns: {
    year: 'Year',
    area: 'Area',
    areaName: 'Area name',
    measure: 'Measure',
    measureTitle: 'Measure title',
    measureKind: 'Kind of measure',
    actor: 'Responsible actor',
    reporter: 'Reported by',
    state: 'Report state',
    status: 'Status',
    previousStatus: 'Status last year',
    change: 'Change',
    progress: 'Progress',
    contributionLevel: 'Contribution to the goal',
    contributionText: 'Contribution, explained',
    indicators: 'Indicators',
    nextSteps: 'Next steps',
    blockers: 'Blockers',
    contactName: 'Contact person',
    contactEmail: 'E-mail',
    contactPhone: 'Phone',
    evidence: 'Evidence',
    approvedAt: 'Approved',
    expected: 'Expected',
    approved: 'Approved',
    inPlaceShare: 'Share in operation or completed (%)',
    goal: 'Goal',
    responsible: 'Responsibility',
    total: 'Total',
  },
  kind: { existing: 'Existing', new: 'New' },
};

export function reportLabels(lang: ExportLanguage): ReportLabels {
  return lang === 'en' ? en : nb;
}
