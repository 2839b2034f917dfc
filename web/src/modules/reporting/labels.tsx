/** Translated names and tags for the reporting scales, shared by the reporting pages. */
import { Tag } from '@digdir/designsystemet-react';
import { hasMessage, useT, type MessageKey } from '../../i18n/i18n.js';
import type { ContributionLevel, ImplementationStatus, ReportState } from './reporting-api.js';

export const statusKey = (s: ImplementationStatus) => `reporting.status.${s}` as MessageKey;
export const stateKey = (s: ReportState) => `reporting.state.${s}` as MessageKey;
export const contributionKey = (l: ContributionLevel) => `reporting.contribution.${l}` as MessageKey;

/** Chart colours per status (same as the PDF), distinguishable and with contrast against white. */
export const statusColours: Record<ImplementationStatus, string> = {
  'not-started': '#6b737c',
  planned: '#5b8fc7',
  'in-progress': '#1f5f8b',
  'in-operation': '#2e7d4f',
  completed: '#1b5e20',
  stopped: '#b3261e',
};

const stateColour: Record<ReportState, 'neutral' | 'info' | 'warning' | 'success'> = {
  draft: 'neutral',
  submitted: 'info',
  returned: 'warning',
  approved: 'success',
};

export function StateTag({ state }: { state: ReportState }) {
  const t = useT();
  return (
    <Tag data-color={stateColour[state]} data-size="sm">
      {t(stateKey(state))}
    </Tag>
  );
}

export function StatusText({ status }: { status: ImplementationStatus | null }) {
  const t = useT();
  if (!status) return <span className="muted">{t('reporting.status.none')}</span>;
  return (
    <span className="rep-status">
      <span className="rep-status__dot" style={{ background: statusColours[status] }} aria-hidden="true" />
      {t(statusKey(status))}
    </span>
  );
}

/** The translated text of an API error detail's field name, or the field itself. */
export function fieldLabel(t: (key: MessageKey) => string, field: string | undefined): string {
  if (!field) return '';
  const key = `reporting.field.${field.replace(/\[\d+\]/g, '').replace(/^body\./, '')}`;
  return hasMessage(key) ? t(key) : field;
}

export const formatShare = (value: number | null, locale: string) =>
  value === null ? '–' : `${value.toLocaleString(locale === 'nb' ? 'nb-NO' : 'en-GB', { maximumFractionDigits: 1 })} %`;
