/**
 * Logging in: "Log in with HelseID" when an identity provider is configured; in the embedded demo, a clearly
 * labelled list of demo personas to log in as with one click. A refused login comes back here with its code.
 */
import { Alert, Button, Card, Heading, Paragraph, Skeleton } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { ApiError } from '../../api/client.js';
import { errorMessageKey } from '../../api/error-text.js';
import { useApi } from '../../api/use-api.js';
import { useI18n } from '../../i18n/i18n.js';
import { ErrorAlert } from '../../shell/ErrorAlert.js';
import { PageHeader } from '../../shell/PageHeader.js';
import { identityActions, identityPaths, type DemoPersona } from './identity-api.js';
import { goFresh, useIdentity } from './session.js';

function safeReturnTo(value: string | null): string {
  return value && value.startsWith('/') && !value.startsWith('//') ? value : '/';
}

function DemoPersonas({ returnTo }: { returnTo: string }) {
  const { t, locale } = useI18n();
  const { data, error } = useApi<{ personas: DemoPersona[] }>(identityPaths.demoPersonas);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const login = async (persona: string) => {
    try {
      await identityActions.demoLogin(persona);
      goFresh(returnTo);
    } catch (e) {
      setFailure(e instanceof ApiError ? e : new ApiError('UNKNOWN', String(e), 0));
    }
  };
  if (error) return <ErrorAlert error={error} />;
  if (!data) return <Skeleton variant="rectangle" height="200px" />;
  return (
    <section aria-labelledby="demo-personas-heading">
      <Alert data-color="warning" className="identity-demo-alert">
        <Heading level={2} data-size="xs" id="demo-personas-heading">
          {t('identity.demo.heading')}
        </Heading>
        <Paragraph>{t('identity.demo.explain')}</Paragraph>
      </Alert>
      {failure ? <ErrorAlert error={failure} /> : null}
      <ul className="identity-personas">
        {data.personas.map((p) => (
          <li key={p.id}>
            <Card className="identity-persona">
              <Heading level={3} data-size="xs">
                {p.displayName}
              </Heading>
              <Paragraph data-size="sm">{locale === 'nb' ? p.description.nb : p.description.en}</Paragraph>
              <Button data-size="sm" onClick={() => void login(p.id)}>
                {t('identity.demo.loginAs', { name: p.displayName })}
              </Button>
            </Card>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function LoginPage() {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const { session } = useIdentity();
  const returnTo = safeReturnTo(params.get('returnTo'));
  const errorCode = params.get('error');
  return (
    <>
      <PageHeader title={t('identity.login.title')} lead={t('identity.login.lead')} />
      {errorCode ? (
        <Alert data-color="danger">
          <Paragraph>{t(errorMessageKey(new ApiError(errorCode, errorCode, 401)))}</Paragraph>
        </Alert>
      ) : null}
      {session?.authenticated ? (
        <Paragraph>{t('identity.login.already', { name: session.user.displayName })}</Paragraph>
      ) : null}
      {session && session.mode.oidc ? (
        <Paragraph>
          <Button asChild>
            <a href={identityPaths.loginStart(returnTo)}>{t('identity.login.helseid')}</a>
          </Button>
        </Paragraph>
      ) : null}
      {session && !session.mode.oidc && !session.mode.demo ? (
        <Alert data-color="info">{t('identity.login.notConfigured')}</Alert>
      ) : null}
      {session?.mode.demo ? <DemoPersonas returnTo={returnTo} /> : null}
    </>
  );
}
