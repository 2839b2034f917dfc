/**
 * The header: Varde's name and mark, the language switch, a slot for the identity module (login state and the
 * organisation switcher), and the main navigation, which folds into a menu button on narrow screens.
 */
import { useEffect, useId, useState, type ReactNode } from 'react';
import { Link as RouterLink, NavLink, useLocation } from 'react-router-dom';
import { useT } from '../i18n/i18n.js';
import { LanguageSwitch } from './LanguageSwitch.js';
import { Logo } from './Logo.js';
import type { NavItem } from './navigation.js';

export interface HeaderProps {
  readonly navItems: readonly NavItem[];
  /** Filled by the identity module (login state, organisation switcher); empty until then. */
  readonly actions?: ReactNode;
}

export function Header({ navItems, actions }: HeaderProps) {
  const t = useT();
  const navId = useId();
  const [menuOpen, setMenuOpen] = useState(false);
  const { pathname } = useLocation();

  useEffect(() => setMenuOpen(false), [pathname]);

  return (
    <header className="shell-header">
      <div className="shell-header__bar container">
        <RouterLink to="/" className="shell-brand">
          <Logo />
          <span className="shell-brand__text">
            <span className="shell-brand__name">{t('shell.appName')}</span>
            <span className="shell-brand__tagline">{t('shell.tagline')}</span>
          </span>
        </RouterLink>
        <div className="shell-header__tools">
          <LanguageSwitch />
          <div className="shell-header__slot" data-slot="header-actions">
            {actions}
          </div>
          <button
            type="button"
            className="shell-menu-button"
            aria-expanded={menuOpen}
            aria-controls={navId}
            onClick={() => setMenuOpen((open) => !open)}
          >
            <svg width="20" height="20" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
              {menuOpen ? (
                <path
                  fill="currentColor"
                  d="M6.4 5 5 6.4 10.6 12 5 17.6 6.4 19l5.6-5.6 5.6 5.6 1.4-1.4-5.6-5.6L19 6.4 17.6 5 12 10.6z"
                />
              ) : (
                <path fill="currentColor" d="M3 6h18v2H3zm0 5h18v2H3zm0 5h18v2H3z" />
              )}
            </svg>
            {t('shell.menu')}
          </button>
        </div>
      </div>
      <nav id={navId} className="shell-nav" data-open={menuOpen} aria-label={t('shell.mainNavigation')}>
        <ul className="shell-nav__list container">
          {navItems.map((item) => (
            <li key={item.to}>
              <NavLink to={item.to} end={item.end ?? false} className="shell-nav__link">
                {t(item.labelKey)}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}
