/**
 * A survey's questions as a form: scales, yes/partly/no/don't know, single and multiple choice, numbers and text.
 * "Save" keeps a draft (with a version check); "Submit" sends it, after which the answers are locked.
 */
import {
  Button,
  Checkbox,
  ErrorSummary,
  Field,
  Fieldset,
  Heading,
  Input,
  Label,
  Paragraph,
  Radio,
  Textarea,
} from '@digdir/designsystemet-react';
import { useState } from 'react';
import { ApiError } from '../../api/client.js';
import { errorMessageKey } from '../../api/error-text.js';
import { useI18n } from '../../i18n/i18n.js';
import type { Question, ResponseView, SurveyAnswers, SurveyResponse } from './assessment-api.js';
import { pick } from './use-assessment.js';

const ynpd = ['yes', 'partly', 'no', 'dont-know'] as const;

function QuestionField({
  q,
  value,
  onChange,
  disabled,
}: {
  q: Question;
  value: SurveyAnswers[string] | undefined;
  onChange: (v: SurveyAnswers[string]) => void;
  disabled: boolean;
}) {
  const { t, locale } = useI18n();
  const id = `sq-${q.id}`;
  const legend = `${pick(q.text, locale)}${q.required ? '' : ` (${t('survey.optional')})`}`;
  switch (q.type) {
    case 'scale':
      return (
        <Fieldset id={id} disabled={disabled}>
          <Fieldset.Legend>{legend}</Fieldset.Legend>
          {q.labels.map((l) => (
            <Radio
              key={l.value}
              name={id}
              value={String(l.value)}
              label={pick(l.text, locale)}
              checked={value === l.value}
              onChange={() => onChange(l.value)}
            />
          ))}
          <Radio
            name={id}
            value="dont-know"
            label={t('assessment.answer.dontKnow')}
            checked={value === 'dont-know'}
            onChange={() => onChange('dont-know')}
          />
        </Fieldset>
      );
    case 'yes-partly-no':
      return (
        <Fieldset id={id} disabled={disabled}>
          <Fieldset.Legend>{legend}</Fieldset.Legend>
          <div className="asm-inline-radios">
            {ynpd.map((v) => (
              <Radio
                key={v}
                name={id}
                value={v}
                label={t(`survey.ynpd.${v}`)}
                checked={value === v}
                onChange={() => onChange(v)}
              />
            ))}
          </div>
        </Fieldset>
      );
    case 'single-choice':
      return (
        <Fieldset id={id} disabled={disabled}>
          <Fieldset.Legend>{legend}</Fieldset.Legend>
          {q.options.map((o) => (
            <Radio
              key={o.id}
              name={id}
              value={o.id}
              label={pick(o.text, locale)}
              checked={value === o.id}
              onChange={() => onChange(o.id)}
            />
          ))}
        </Fieldset>
      );
    case 'multiple-choice': {
      const chosen = Array.isArray(value) ? value : [];
      return (
        <Fieldset id={id} disabled={disabled}>
          <Fieldset.Legend>{legend}</Fieldset.Legend>
          <Fieldset.Description>{t('survey.chooseAll')}</Fieldset.Description>
          {q.options.map((o) => (
            <Checkbox
              key={o.id}
              value={o.id}
              label={pick(o.text, locale)}
              checked={chosen.includes(o.id)}
              onChange={(e) => onChange(e.target.checked ? [...chosen, o.id] : chosen.filter((c) => c !== o.id))}
            />
          ))}
        </Fieldset>
      );
    }
    case 'number':
      return (
        <Field>
          <Label htmlFor={id}>{legend}</Label>
          {q.unit ? <Field.Description>{pick(q.unit, locale)}</Field.Description> : null}
          <Input
            id={id}
            type="number"
            inputMode="numeric"
            min={q.min ?? undefined}
            max={q.max ?? undefined}
            disabled={disabled}
            value={typeof value === 'number' ? String(value) : ''}
            onChange={(e) => onChange(e.target.value === '' ? null : Number(e.target.value))}
          />
        </Field>
      );
    case 'text':
      return (
        <Field>
          <Label htmlFor={id}>{legend}</Label>
          {q.help ? <Field.Description>{pick(q.help, locale)}</Field.Description> : null}
          <Textarea
            id={id}
            rows={3}
            maxLength={q.maxLength ?? 2000}
            disabled={disabled}
            value={typeof value === 'string' ? value : ''}
            onChange={(e) => onChange(e.target.value)}
          />
        </Field>
      );
  }
}

export function QuestionnaireForm({
  view,
  save,
}: {
  view: ResponseView;
  save: (answers: SurveyAnswers, basedOn: number, submit: boolean) => Promise<SurveyResponse>;
}) {
  const { t, locale } = useI18n();
  const [answers, setAnswers] = useState<SurveyAnswers>(view.response?.answers ?? {});
  const [version, setVersion] = useState(view.response?.version ?? 0);
  const [submitted, setSubmitted] = useState(view.response?.status === 'submitted');
  const [error, setError] = useState<ApiError | null>(null);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const locked = submitted || view.survey.status !== 'open';

  const send = async (submit: boolean) => {
    setBusy(true);
    setError(null);
    try {
      const response = await save(answers, version, submit);
      setVersion(response.version);
      setSubmitted(response.status === 'submitted');
      setStatus(submit ? t('survey.submitted') : t('survey.saved'));
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError('UNKNOWN', String(e), 0));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="asm-form"
      onSubmit={(e) => {
        e.preventDefault();
        void send(true);
      }}
      noValidate
    >
      <Heading level={2} data-size="sm">
        {view.enterprise.name}
      </Heading>
      {pick(view.survey.description, locale) ? <Paragraph>{pick(view.survey.description, locale)}</Paragraph> : null}
      {error ? (
        <ErrorSummary>
          <ErrorSummary.Heading>{t(errorMessageKey(error))}</ErrorSummary.Heading>
          <ErrorSummary.List>
            {error.details.map((d, i) => {
              const qid = (d.field ?? '').replace(/^answers\./, '');
              const q = view.questions.find((x) => x.id === qid);
              return (
                <ErrorSummary.Item key={i}>
                  <ErrorSummary.Link href={`#sq-${qid}`}>
                    {q ? `${pick(q.text, locale)}: ` : ''}
                    {d.message === 'is required' ? t('survey.required') : d.message}
                  </ErrorSummary.Link>
                </ErrorSummary.Item>
              );
            })}
          </ErrorSummary.List>
        </ErrorSummary>
      ) : null}
      {locked ? (
        <Paragraph data-color="success">{submitted ? t('survey.alreadySubmitted') : t('survey.closed')}</Paragraph>
      ) : null}
      {view.questions.map((q) => (
        <QuestionField
          key={q.id}
          q={q}
          value={answers[q.id]}
          disabled={locked}
          onChange={(v) => setAnswers((a) => ({ ...a, [q.id]: v }))}
        />
      ))}
      <p role="status" className="asm-muted">
        {status}
      </p>
      {locked ? null : (
        <div className="asm-buttons">
          <Button variant="secondary" onClick={() => void send(false)} disabled={busy}>
            {t('survey.save')}
          </Button>
          <Button type="submit" disabled={busy}>
            {t('survey.submit')}
          </Button>
        </div>
      )}
    </form>
  );
}
