/**
 * The status report form for the measure owner: status, progress, contribution to the area's goal, indicators,
 * next steps, blockers and contact. "Save draft" keeps the work; "Submit" sends it for review. Problems come back
 * from the API by field and are shown in an error summary that links to each field.
 */
import {
  Button,
  ErrorSummary,
  Field,
  Fieldset,
  Heading,
  Input,
  Label,
  Radio,
  Select,
  Textarea,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { ApiError } from '../../api/client.js';
import { errorMessageKey } from '../../api/error-text.js';
import { useI18n } from '../../i18n/i18n.js';
import { contributionKey, fieldLabel, statusKey } from './labels.js';
import {
  contributionLevels,
  implementationStatuses,
  reportingActions,
  type ContributionLevel,
  type ImplementationStatus,
  type Indicator,
  type ReportContentView,
  type ReportView,
} from './reporting-api.js';

type Draft = {
  status: ImplementationStatus | '';
  progress: string;
  contributionLevel: ContributionLevel;
  contributionText: string;
  indicators: { name: string; value: string; unit: string; target: string; note: string }[];
  nextSteps: string;
  blockers: string;
  contactName: string;
  contactEmail: string;
  contactPhone: string;
};

const fromReport = (r: ReportView): Draft => ({
  status: r.status ?? '',
  progress: r.progress,
  contributionLevel: r.contribution.level,
  contributionText: r.contribution.text,
  indicators: r.indicators.map((i) => ({
    name: i.name,
    value: i.value === null ? '' : String(i.value),
    unit: i.unit,
    target: i.target === null ? '' : String(i.target),
    note: i.note,
  })),
  nextSteps: r.nextSteps,
  blockers: r.blockers,
  contactName: r.contact.name,
  contactEmail: r.contact.email,
  contactPhone: r.contact.phone,
});

const number = (text: string) => (text.trim() === '' ? null : Number(text.replace(',', '.')));

const toContent = (d: Draft): ReportContentView => ({
  status: d.status || null,
  progress: d.progress,
  contribution: { level: d.contributionLevel, text: d.contributionText },
  indicators: d.indicators.map((i): Indicator => ({
    name: i.name,
    value: number(i.value),
    unit: i.unit,
    target: number(i.target),
    note: i.note,
  })),
  nextSteps: d.nextSteps,
  blockers: d.blockers,
  contact: { name: d.contactName, email: d.contactEmail, phone: d.contactPhone },
});

const fieldIds: Record<string, string> = {
  status: 'rep-status',
  progress: 'rep-progress',
  'contribution.level': 'rep-contribution-level',
  'contribution.text': 'rep-contribution-text',
  'contact.name': 'rep-contact-name',
  'contact.email': 'rep-contact-email',
  'contact.phone': 'rep-contact-phone',
  nextSteps: 'rep-next-steps',
  blockers: 'rep-blockers',
};

export function ReportForm({
  report,
  canSubmit,
  onSaved,
}: {
  report: ReportView;
  canSubmit: boolean;
  onSaved: (view: ReportView, submitted: boolean) => void;
}) {
  const { t } = useI18n();
  const [draft, setDraft] = useState<Draft>(() => fromReport(report));
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const problem = (field: string) =>
    error?.details.find((d) => d.field === field || d.field === `body.${field}`)?.message;

  const send = async (submit: boolean) => {
    setBusy(true);
    setError(null);
    try {
      const patch = { ...toContent(draft), expectedRevision: report.revision };
      const view = submit
        ? await reportingActions.submit(report.id, patch)
        : await reportingActions.save(report.id, patch);
      onSaved(view, submit);
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError('UNKNOWN', String(e), 0));
    } finally {
      setBusy(false);
    }
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void send(true);
  };
  const setIndicator = (index: number, key: keyof Draft['indicators'][number], value: string) =>
    setDraft((d) => ({ ...d, indicators: d.indicators.map((i, n) => (n === index ? { ...i, [key]: value } : i)) }));

  return (
    <form className="rep-form" onSubmit={onSubmit} noValidate aria-labelledby="report-form-heading">
      <Heading level={2} data-size="sm" id="report-form-heading">
        {t('reporting.form.heading')}
      </Heading>
      {error ? (
        <ErrorSummary>
          <ErrorSummary.Heading>{t(errorMessageKey(error))}</ErrorSummary.Heading>
          {error.details.length > 0 ? (
            <ErrorSummary.List>
              {error.details.map((d, i) => {
                const field = (d.field ?? '').replace(/^body\./, '');
                return (
                  <ErrorSummary.Item key={i}>
                    <ErrorSummary.Link href={`#${fieldIds[field] ?? 'rep-status'}`}>
                      {fieldLabel(t, field)}: {d.message}
                    </ErrorSummary.Link>
                  </ErrorSummary.Item>
                );
              })}
            </ErrorSummary.List>
          ) : null}
        </ErrorSummary>
      ) : null}
      <Field>
        <Label htmlFor="rep-status">{t('reporting.field.status')}</Label>
        <Select
          id="rep-status"
          value={draft.status}
          onChange={(e) => set('status', e.target.value as ImplementationStatus | '')}
        >
          <Select.Option value="">{t('reporting.form.chooseStatus')}</Select.Option>
          {implementationStatuses.map((s) => (
            <Select.Option key={s} value={s}>
              {t(statusKey(s))}
            </Select.Option>
          ))}
        </Select>
        {problem('status') ? <ValidationMessage>{problem('status')}</ValidationMessage> : null}
      </Field>
      <Field>
        <Label htmlFor="rep-progress">{t('reporting.field.progress')}</Label>
        <Field.Description>{t('reporting.form.progressHelp')}</Field.Description>
        <Textarea
          id="rep-progress"
          rows={6}
          value={draft.progress}
          onChange={(e) => set('progress', e.target.value)}
          maxLength={10000}
        />
        {problem('progress') ? <ValidationMessage>{problem('progress')}</ValidationMessage> : null}
      </Field>
      <Fieldset id="rep-contribution-level">
        <Fieldset.Legend>{t('reporting.field.contribution.level')}</Fieldset.Legend>
        <Fieldset.Description>
          {t('reporting.form.contributionHelp', { goal: report.measureDetail.areaGoal.slice(0, 200) })}
        </Fieldset.Description>
        <div className="rep-radios">
          {contributionLevels.map((level) => (
            <Radio
              key={level}
              name="contribution-level"
              value={level}
              label={t(contributionKey(level))}
              checked={draft.contributionLevel === level}
              onChange={() => set('contributionLevel', level)}
            />
          ))}
        </div>
      </Fieldset>
      <Field>
        <Label htmlFor="rep-contribution-text">{t('reporting.field.contribution.text')}</Label>
        <Textarea
          id="rep-contribution-text"
          rows={3}
          value={draft.contributionText}
          onChange={(e) => set('contributionText', e.target.value)}
          maxLength={5000}
        />
        {problem('contribution.text') ? <ValidationMessage>{problem('contribution.text')}</ValidationMessage> : null}
      </Field>
      <Fieldset>
        <Fieldset.Legend>{t('reporting.field.indicators')}</Fieldset.Legend>
        <Fieldset.Description>{t('reporting.form.indicatorsHelp')}</Fieldset.Description>
        {draft.indicators.map((indicator, index) => (
          <div
            className="rep-indicator"
            key={index}
            role="group"
            aria-label={t('reporting.form.indicatorN', { n: index + 1 })}
          >
            <Field>
              <Label>{t('reporting.indicator.name')}</Label>
              <Input value={indicator.name} onChange={(e) => setIndicator(index, 'name', e.target.value)} />
            </Field>
            <Field>
              <Label>{t('reporting.indicator.value')}</Label>
              <Input
                inputMode="decimal"
                value={indicator.value}
                onChange={(e) => setIndicator(index, 'value', e.target.value)}
              />
            </Field>
            <Field>
              <Label>{t('reporting.indicator.unit')}</Label>
              <Input value={indicator.unit} onChange={(e) => setIndicator(index, 'unit', e.target.value)} />
            </Field>
            <Field>
              <Label>{t('reporting.indicator.target')}</Label>
              <Input
                inputMode="decimal"
                value={indicator.target}
                onChange={(e) => setIndicator(index, 'target', e.target.value)}
              />
            </Field>
            <Button
              type="button"
              variant="tertiary"
              data-size="sm"
              onClick={() => setDraft((d) => ({ ...d, indicators: d.indicators.filter((_, n) => n !== index) }))}
            >
              {t('reporting.form.removeIndicator')}
            </Button>
          </div>
        ))}
        <div>
          <Button
            type="button"
            variant="secondary"
            data-size="sm"
            onClick={() =>
              setDraft((d) => ({
                ...d,
                indicators: [...d.indicators, { name: '', value: '', unit: '', target: '', note: '' }],
              }))
            }
          >
            {t('reporting.form.addIndicator')}
          </Button>
        </div>
      </Fieldset>
      <Field>
        <Label htmlFor="rep-next-steps">{t('reporting.field.nextSteps')}</Label>
        <Textarea
          id="rep-next-steps"
          rows={3}
          value={draft.nextSteps}
          onChange={(e) => set('nextSteps', e.target.value)}
          maxLength={5000}
        />
      </Field>
      <Field>
        <Label htmlFor="rep-blockers">{t('reporting.field.blockers')}</Label>
        <Textarea
          id="rep-blockers"
          rows={3}
          value={draft.blockers}
          onChange={(e) => set('blockers', e.target.value)}
          maxLength={5000}
        />
      </Field>
      <Fieldset>
        <Fieldset.Legend>{t('reporting.field.contact')}</Fieldset.Legend>
        <div className="rep-form__row">
          <Field>
            <Label htmlFor="rep-contact-name">{t('reporting.field.contact.name')}</Label>
            <Input
              id="rep-contact-name"
              autoComplete="name"
              value={draft.contactName}
              onChange={(e) => set('contactName', e.target.value)}
            />
            {problem('contact.name') ? <ValidationMessage>{problem('contact.name')}</ValidationMessage> : null}
          </Field>
          <Field>
            <Label htmlFor="rep-contact-email">{t('reporting.field.contact.email')}</Label>
            <Input
              id="rep-contact-email"
              type="email"
              autoComplete="email"
              value={draft.contactEmail}
              onChange={(e) => set('contactEmail', e.target.value)}
            />
            {problem('contact.email') ? <ValidationMessage>{problem('contact.email')}</ValidationMessage> : null}
          </Field>
          <Field>
            <Label htmlFor="rep-contact-phone">{t('reporting.field.contact.phone')}</Label>
            <Input
              id="rep-contact-phone"
              type="tel"
              autoComplete="tel"
              value={draft.contactPhone}
              onChange={(e) => set('contactPhone', e.target.value)}
            />
          </Field>
        </div>
      </Fieldset>
      <div className="rep-form__actions">
        <Button type="button" variant="secondary" disabled={busy} onClick={() => void send(false)}>
          {t('reporting.form.save')}
        </Button>
        {canSubmit ? (
          <Button type="submit" disabled={busy}>
            {t('reporting.form.submit')}
          </Button>
        ) : null}
      </div>
    </form>
  );
}
