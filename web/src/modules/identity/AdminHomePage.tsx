/** Administration: organisations, users and roles, and the audit trail (what each role may open). */
import { Card, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useT } from '../../i18n/i18n.js';
import { AppLink } from '../../shell/AppLink.js';
import { PageHeader } from '../../shell/PageHeader.js';
import { hasAnyRole, useIdentity } from './session.js';

export function AdminHomePage() {
  const t = useT();
  const { session } = useIdentity();
  const admin = hasAnyRole(session, 'administrator');
  const entries = [
    ...(admin
      ? [
          {
            to: '/admin/organisations',
            title: t('identity.admin.organisations'),
            text: t('identity.admin.organisationsText'),
          },
        ]
      : []),
    ...(hasAnyRole(session, 'administrator', 'enterprise-lead')
      ? [{ to: '/admin/users', title: t('identity.admin.users'), text: t('identity.admin.usersText') }]
      : []),
    ...(admin ? [{ to: '/admin/audit', title: t('identity.admin.audit'), text: t('identity.admin.auditText') }] : []),
  ];
  return (
    <>
      <PageHeader title={t('identity.admin.title')} />
      {entries.length === 0 ? <Paragraph>{t('error.FORBIDDEN')}</Paragraph> : null}
      <ul className="identity-cards">
        {entries.map((e) => (
          <li key={e.to}>
            <Card>
              <Heading level={2} data-size="xs">
                <AppLink to={e.to}>{e.title}</AppLink>
              </Heading>
              <Paragraph data-size="sm">{e.text}</Paragraph>
            </Card>
          </li>
        ))}
      </ul>
    </>
  );
}
