/** Evidence on a report: links and files, listed for readers; added and removed by the measure owner. */
import { Button, Field, Heading, Input, Label, Paragraph, ValidationMessage } from '@digdir/designsystemet-react';
import { useRef, useState, type FormEvent } from 'react';
import { ApiError } from '../../api/client.js';
import { errorMessageKey } from '../../api/error-text.js';
import { useI18n } from '../../i18n/i18n.js';
import { reportingActions, reportingPaths, type ReportView } from './reporting-api.js';

const kb = (bytes: number | null) => (bytes === null ? '' : `${Math.max(1, Math.round(bytes / 1024))} kB`);

export function EvidencePanel({
  report,
  editable,
  onChanged,
}: {
  report: ReportView;
  editable: boolean;
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const [title, setTitle] = useState('');
  const [url, setUrl] = useState('');
  const fileInput = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (action: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
      setTitle('');
      setUrl('');
      if (fileInput.current) fileInput.current.value = '';
      onChanged();
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError('UNKNOWN', String(e), 0));
    } finally {
      setBusy(false);
    }
  };
  const addLink = (event: FormEvent) => {
    event.preventDefault();
    void run(() => reportingActions.addLink(report.id, title, url));
  };
  const addFile = () => {
    const file = fileInput.current?.files?.[0];
    if (file) void run(() => reportingActions.addFile(report.id, title, file));
  };

  return (
    <section className="rep-section" aria-labelledby="evidence-heading">
      <Heading level={2} data-size="sm" id="evidence-heading">
        {t('reporting.evidence.heading')}
      </Heading>
      {report.evidence.length === 0 ? <Paragraph className="muted">{t('reporting.evidence.none')}</Paragraph> : null}
      <ul className="rep-evidence">
        {report.evidence.map((e) => (
          <li key={e.id}>
            {e.kind === 'link' ? (
              <a href={e.url ?? '#'} rel="noopener noreferrer" target="_blank">
                {e.title}
                <span className="visually-hidden"> ({t('reporting.evidence.opensNew')})</span>
              </a>
            ) : (
              <a href={reportingPaths.evidenceFile(report.id, e.id)} download>
                {e.title}
              </a>
            )}{' '}
            <span className="muted">
              {e.kind === 'file' ? `${e.fileName ?? ''}, ${kb(e.sizeBytes)}` : t('reporting.evidence.link')}
            </span>
            {editable ? (
              <Button
                variant="tertiary"
                data-size="sm"
                disabled={busy}
                onClick={() => void run(() => reportingActions.removeEvidence(report.id, e.id))}
              >
                {t('reporting.evidence.remove')}
                <span className="visually-hidden"> {e.title}</span>
              </Button>
            ) : null}
          </li>
        ))}
      </ul>
      {editable ? (
        <form className="rep-form rep-form--compact" onSubmit={addLink}>
          <Field>
            <Label>{t('reporting.evidence.title')}</Label>
            <Input value={title} onChange={(e) => setTitle(e.target.value)} maxLength={200} />
          </Field>
          <div className="rep-form__row">
            <Field>
              <Label>{t('reporting.evidence.url')}</Label>
              <Input type="url" placeholder="https://" value={url} onChange={(e) => setUrl(e.target.value)} />
            </Field>
            <div className="rep-form__end">
              <Button type="submit" variant="secondary" disabled={busy || !url}>
                {t('reporting.evidence.addLink')}
              </Button>
            </div>
          </div>
          <div className="rep-form__row">
            <Field>
              <Label htmlFor="rep-evidence-file">{t('reporting.evidence.file')}</Label>
              <Field.Description>{t('reporting.evidence.fileHelp')}</Field.Description>
              <input
                id="rep-evidence-file"
                ref={fileInput}
                type="file"
                accept=".pdf,.png,.jpg,.jpeg,.docx,.xlsx,.txt"
                className="rep-file"
              />
            </Field>
            <div className="rep-form__end">
              <Button type="button" variant="secondary" disabled={busy} onClick={addFile}>
                {t('reporting.evidence.upload')}
              </Button>
            </div>
          </div>
          {error ? (
            <ValidationMessage>
              {t(errorMessageKey(error))} {error.details.map((d) => d.message).join('; ')}
            </ValidationMessage>
          ) : null}
        </form>
      ) : null}
    </section>
  );
}
