/**
 * The identity part of the header: the DEMO banner in demo mode, then either "Log in" or the user's name, the
 * organisation they act for (a switcher when they hold roles in several), administration, and log out.
 */
import { Button, Select } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { Link as RouterLink, useLocation } from 'react-router-dom';
import { ApiError } from '../../api/client.js';
import { errorMessageKey } from '../../api/error-text.js';
import { useT } from '../../i18n/i18n.js';
import { identityActions } from './identity-api.js';
import { goFresh, hasAnyRole, useIdentity } from './session.js';

export function DemoBanner() {
  const t = useT();
  const { session } = useIdentity();
  if (!session?.mode.demo) return null;
  return (
    <p className="identity-demo-banner" role="note">
      <strong>{t('identity.demo.badge')}</strong> {t('identity.demo.banner')}
    </p>
  );
}

export function HeaderSession() {
  const t = useT();
  const { session } = useIdentity();
  const { pathname } = useLocation();
  const [problem, setProblem] = useState<string | null>(null);
  if (!session) return null;
  if (!session.authenticated) {
    return (
      <div className="identity-header">
        {session.mode.demo ? <span className="identity-demo-tag">{t('identity.demo.badge')}</span> : null}
        <RouterLink className="identity-header__login" to={`/login?returnTo=${encodeURIComponent(pathname)}`}>
          {t('identity.login.link')}
        </RouterLink>
      </div>
    );
  }
  const logout = async () => {
    try {
      const out = await identityActions.logout();
      goFresh(out.endSessionUrl ?? '/');
    } catch (e) {
      setProblem(t(errorMessageKey(e instanceof ApiError ? e : null)));
    }
  };
  const switchTo = async (organisationId: string) => {
    try {
      await identityActions.switchOrganisation(organisationId);
      goFresh(pathname);
    } catch (e) {
      setProblem(t(errorMessageKey(e instanceof ApiError ? e : null)));
    }
  };
  return (
    <div className="identity-header">
      {session.mode.demo ? <span className="identity-demo-tag">{t('identity.demo.badge')}</span> : null}
      <span className="identity-header__user">{session.user.displayName}</span>
      {session.organisations.length > 1 ? (
        <Select
          aria-label={t('identity.switch.label')}
          data-size="sm"
          value={session.organisation?.id ?? ''}
          onChange={(e) => void switchTo(e.target.value)}
        >
          {session.organisations.map((o) => (
            <Select.Option key={o.id} value={o.id}>
              {o.name}
            </Select.Option>
          ))}
        </Select>
      ) : (
        <span className="identity-header__org">{session.organisation?.name}</span>
      )}
      {hasAnyRole(session, 'administrator', 'enterprise-lead') ? (
        <RouterLink className="identity-header__admin" to="/admin">
          {t('identity.admin.link')}
        </RouterLink>
      ) : null}
      <Button variant="tertiary" data-size="sm" onClick={() => void logout()}>
        {t('identity.logout')}
      </Button>
      {problem ? <span role="alert">{problem}</span> : null}
    </div>
  );
}
