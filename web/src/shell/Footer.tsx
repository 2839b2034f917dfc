/** The footer: what Varde is, where the strategy's content comes from, and the open API. */
import { Link } from '@digdir/designsystemet-react';
import { Link as RouterLink } from 'react-router-dom';
import { useApi } from '../api/use-api.js';
import { useI18n } from '../i18n/i18n.js';
import { Logo } from './Logo.js';

interface EditionsAnswer {
  readonly editions: readonly { id: string; title: string; status: string; publishedOn: string | null }[];
}

export function Footer() {
  const { t, formatDate } = useI18n();
  const { data } = useApi<EditionsAnswer>('/api/v1/catalogue/editions');
  const edition = data?.editions.find((e) => e.status === 'published') ?? data?.editions[0];
  return (
    <footer className="shell-footer" data-color-scheme="dark">
      <div className="container shell-footer__grid">
        <div>
          <p className="shell-footer__brand">
            <Logo size={28} tone="light" />
            {t('shell.appName')}
          </p>
          <p>{t('footer.about')}</p>
        </div>
        <div>
          <h2 className="shell-footer__heading">{t('footer.contentHeading')}</h2>
          {edition ? (
            <p>
              {t('footer.edition', { title: edition.title })}
              {edition.publishedOn ? ` (${formatDate(edition.publishedOn)})` : ''}
            </p>
          ) : null}
          <p>{t('footer.contentNote')}</p>
        </div>
        <div>
          <h2 className="shell-footer__heading">{t('footer.moreHeading')}</h2>
          <ul className="shell-footer__links">
            <li>
              <Link asChild>
                <RouterLink to="/basic-measures">{t('nav.basicMeasures')}</RouterLink>
              </Link>
            </li>
            <li>
              <Link href="/api/docs">{t('footer.apiDocs')}</Link>
            </li>
            <li>{t('footer.license')}</li>
          </ul>
        </div>
      </div>
    </footer>
  );
}
