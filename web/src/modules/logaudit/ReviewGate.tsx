/** Log review is for log reviewers: others see why they cannot use it (and how to log in). */
import { Alert, Paragraph, Skeleton } from '@digdir/designsystemet-react';
import type { ReactNode } from 'react';
import { Link as RouterLink, useLocation } from 'react-router-dom';
import { hasAnyRole, useIdentity } from '../identity/session.js';
import { useLogT } from './use-log-t.js';

export function ReviewGate({ children }: { children: ReactNode }) {
  const { t } = useLogT();
  const { session } = useIdentity();
  const { pathname } = useLocation();
  if (!session) return <Skeleton variant="rectangle" height="6rem" />;
  if (!session.authenticated) {
    return (
      <Alert data-color="info">
        <Paragraph>{t('gate.login')}</Paragraph>
        <Paragraph>
          <RouterLink to={`/login?returnTo=${encodeURIComponent(pathname)}`}>{t('gate.loginLink')}</RouterLink>
        </Paragraph>
      </Alert>
    );
  }
  if (!hasAnyRole(session, 'log-reviewer')) {
    return (
      <Alert data-color="warning">
        <Paragraph>{t('gate.role')}</Paragraph>
      </Alert>
    );
  }
  return <>{children}</>;
}

/** The user id of whoever is logged in (to tell "my decision" from a colleague's). */
export function useMyUserId(): string | null {
  const { session } = useIdentity();
  return session?.authenticated ? session.user.id : null;
}
