/** Shown for an address that is not a page in Varde (and for a measure or actor that does not exist). */
import { Paragraph } from '@digdir/designsystemet-react';
import { useT } from '../i18n/i18n.js';
import { AppLink } from './AppLink.js';
import { PageHeader } from './PageHeader.js';

export function NotFoundPage({
  messageKey,
}: {
  messageKey?: 'notFound.lead' | 'error.MEASURE_NOT_FOUND' | 'error.ACTOR_NOT_FOUND';
}) {
  const t = useT();
  return (
    <div className="page page--narrow">
      <PageHeader title={t('notFound.title')} lead={t(messageKey ?? 'notFound.lead')} />
      <Paragraph>{t('notFound.help')}</Paragraph>
      <ul className="link-list">
        <li>
          <AppLink to="/">{t('notFound.home')}</AppLink>
        </li>
        <li>
          <AppLink to="/measures">{t('nav.measures')}</AppLink>
        </li>
      </ul>
    </div>
  );
}
