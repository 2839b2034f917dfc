/**
 * A patient asked the hospital for their access log: the reviewer opens it (with a reason, audited), checks it, and
 * can give the patient a link to the patient-portal page that shows the same log (valid for seven days).
 */
import { Alert, Button, Card, Field, Heading, Input, Label, Paragraph } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { useParams } from 'react-router-dom';
import { PageHeader } from '../../shell/PageHeader.js';
import { DatasetNav } from './DatasetNav.js';
import { LogError } from './LogError.js';
import { logReviewActions, type PatientLogView } from './log-review-api.js';
import { PatientLogDisplay } from './PatientLogDisplay.js';
import { ReviewGate } from './ReviewGate.js';
import { useLogT } from './use-log-t.js';

function RequestContent({ datasetId }: { datasetId: string }) {
  const i = useLogT();
  const { t } = i;
  const [patientId, setPatientId] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [reason, setReason] = useState('');
  const [log, setLog] = useState<PatientLogView | null>(null);
  const [link, setLink] = useState<{ url: string; expiresAt: string } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setLink(null);
    try {
      setLog(
        await logReviewActions.patientLog(datasetId, {
          patientId,
          reason,
          lang: i.locale,
          ...(from ? { from } : {}),
          ...(to ? { to } : {}),
        }),
      );
    } catch (e) {
      setLog(null);
      setError(e);
    }
  };
  const makeLink = async () => {
    if (!log) return;
    setError(null);
    try {
      const made = await logReviewActions.portalLink(datasetId, {
        patientId,
        from: log.periodFrom,
        to: log.periodTo,
        reason,
      });
      setLink({ url: `${window.location.origin}${made.path}`, expiresAt: made.expiresAt });
    } catch (e) {
      setError(e);
    }
  };
  return (
    <>
      <PageHeader
        title={t('request.title')}
        crumbs={[
          { to: '/log-review', label: t('home.title') },
          { to: `/log-review/datasets/${datasetId}`, label: t('nav.overview') },
        ]}
        lead={t('request.lead')}
      />
      <DatasetNav datasetId={datasetId} />
      <Card className="lr-card">
        <form onSubmit={(e) => void submit(e)} className="lr-form" aria-labelledby="lr-request-heading">
          <Heading level={2} data-size="xs" id="lr-request-heading">
            {t('request.formHeading')}
          </Heading>
          <div className="lr-form__row">
            <Field>
              <Label>{t('request.patientId')}</Label>
              <Input
                value={patientId}
                onChange={(e) => setPatientId(e.target.value)}
                required
                maxLength={200}
                autoComplete="off"
              />
            </Field>
            <Field>
              <Label>{t('request.from')}</Label>
              <Input type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
            </Field>
            <Field>
              <Label>{t('request.to')}</Label>
              <Input type="date" value={to} onChange={(e) => setTo(e.target.value)} />
            </Field>
          </div>
          <Field>
            <Label>{t('request.reason')}</Label>
            <Field.Description>{t('request.reasonHelp')}</Field.Description>
            <Input value={reason} onChange={(e) => setReason(e.target.value)} required minLength={5} maxLength={500} />
          </Field>
          <Button type="submit">{t('request.submit')}</Button>
        </form>
      </Card>
      {error ? <LogError error={error} /> : null}
      {log ? (
        <section className="lr-section" aria-labelledby="lr-request-result">
          <Heading level={2} data-size="sm" id="lr-request-result">
            {t('request.result', { patient: patientId })}
          </Heading>
          <div className="lr-actions">
            <Button variant="secondary" onClick={() => void makeLink()}>
              {t('request.makeLink')}
            </Button>
          </div>
          {link ? (
            <Alert data-color="success">
              <Paragraph>{t('request.linkMade', { expires: i.dateTime(link.expiresAt) })}</Paragraph>
              <Paragraph>
                <a href={link.url}>{link.url}</a>
              </Paragraph>
            </Alert>
          ) : null}
          <PatientLogDisplay log={log} headingLevel={3} />
        </section>
      ) : null}
    </>
  );
}

export function PatientLogRequestPage() {
  const { datasetId = '' } = useParams();
  return (
    <ReviewGate>
      <RequestContent datasetId={datasetId} />
    </ReviewGate>
  );
}
