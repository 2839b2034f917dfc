/**
 * The page frame every route renders inside: skip link, header, main and footer. When the route changes, focus
 * moves to the main region so keyboard and screen-reader users start at the new page's content.
 */
import { SkipLink } from '@digdir/designsystemet-react';
import { useEffect, useRef, type ReactNode } from 'react';
import { Outlet, useLocation } from 'react-router-dom';
import { useI18n } from '../i18n/i18n.js';
import { Footer } from './Footer.js';
import { Header } from './Header.js';
import type { NavItem } from './navigation.js';

export interface LayoutProps {
  readonly navItems: readonly NavItem[];
  readonly headerActions?: ReactNode;
}

function useFocusMainOnNavigation() {
  const { pathname, hash } = useLocation();
  // The path focus was last moved for; comparing paths (not counting renders) keeps this right when effects re-run.
  const handled = useRef(pathname);
  useEffect(() => {
    if (handled.current === pathname) return;
    handled.current = pathname;
    // A #fragment is handled by the page once its content is there (useScrollToHash).
    if (hash) return;
    window.scrollTo(0, 0);
    document.getElementById('main-content')?.focus({ preventScroll: true });
    // Only a new page moves focus, not a new fragment on the same page.
  }, [pathname]);
}

export function Layout({ navItems, headerActions }: LayoutProps) {
  const { t, locale } = useI18n();
  useFocusMainOnNavigation();
  return (
    <div className="shell">
      <SkipLink href="#main-content">{t('shell.skipToContent')}</SkipLink>
      <Header navItems={navItems} actions={headerActions} />
      {locale !== 'nb' ? (
        <p className="shell-language-note">
          <span className="container">{t('shell.contentLanguageNote')}</span>
        </p>
      ) : null}
      <main id="main-content" className="shell-main" tabIndex={-1}>
        <div className="container">
          <Outlet />
        </div>
      </main>
      <Footer />
    </div>
  );
}
