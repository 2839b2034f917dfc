/** Shown instead of a page when nobody is logged in, or the user has no role that page needs. */
import { Alert, Paragraph } from '@digdir/designsystemet-react';
import { useT } from '../../i18n/i18n.js';
import { AppLink } from '../../shell/AppLink.js';

export function LoginNeeded({ reason }: { reason: 'login' | 'enterprise' | 'analyst' }) {
  const t = useT();
  const text =
    reason === 'login'
      ? t('assessment.loginNeeded')
      : reason === 'enterprise'
        ? t('assessment.enterpriseRoleNeeded')
        : t('assessment.analystRoleNeeded');
  return (
    <Alert data-color="info">
      <Paragraph>{text}</Paragraph>
      {reason === 'login' ? (
        <Paragraph>
          <AppLink to={`/login?returnTo=${encodeURIComponent(window.location.pathname + window.location.search)}`}>
            {t('assessment.loginLink')}
          </AppLink>
        </Paragraph>
      ) : null}
    </Alert>
  );
}
