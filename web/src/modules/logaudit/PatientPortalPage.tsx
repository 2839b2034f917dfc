/**
 * The patient-portal page (measure 4.7): "who has looked at my record, and why". It reads the link's token from the
 * address fragment (#token=…, which is never sent to the server in the address) and sends it in a header. A real
 * portal (e.g. helsenorge) would authenticate the patient and ask Varde for the link on their behalf; in the demo a
 * button opens the demo patient's log.
 */
import { Alert, Button, Paragraph, Skeleton } from '@digdir/designsystemet-react';
import { useEffect, useState } from 'react';
import { useIdentity } from '../identity/session.js';
import { PageHeader } from '../../shell/PageHeader.js';
import { LogError } from './LogError.js';
import { logReviewActions, type PatientLogView } from './log-review-api.js';
import { PatientLogDisplay } from './PatientLogDisplay.js';
import { useLogT } from './use-log-t.js';

function tokenFromHash(): string | null {
  const params = new URLSearchParams(window.location.hash.replace(/^#/, ''));
  return params.get('token');
}

export function PatientPortalPage() {
  const i = useLogT();
  const { t } = i;
  const { session } = useIdentity();
  const [token, setToken] = useState<string | null>(tokenFromHash);
  const [log, setLog] = useState<PatientLogView | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    const onHash = () => setToken(tokenFromHash());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  useEffect(() => {
    if (!token) return;
    setError(null);
    logReviewActions.portalLog(token, i.locale).then(setLog, (e: unknown) => {
      setLog(null);
      setError(e);
    });
  }, [token, i.locale]);
  const demo = async () => {
    try {
      const link = await logReviewActions.demoLink();
      window.location.hash = link.path.split('#')[1] ?? '';
    } catch (e) {
      setError(e);
    }
  };
  return (
    <>
      <PageHeader
        title={t('portal.title')}
        lead={log?.organisationName ? t('portal.leadFrom', { organisation: log.organisationName }) : t('portal.lead')}
      />
      {!token ? (
        <Alert data-color="info">
          <Paragraph>{t('portal.noLink')}</Paragraph>
          {session?.mode.demo ? (
            <Button onClick={() => void demo()} className="lr-demo-button">
              {t('portal.demo')}
            </Button>
          ) : null}
        </Alert>
      ) : null}
      {error ? <LogError error={error} /> : null}
      {token && !log && !error ? <Skeleton variant="rectangle" height="12rem" /> : null}
      {log ? <PatientLogDisplay log={log} /> : null}
    </>
  );
}
