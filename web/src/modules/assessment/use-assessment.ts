/**
 * Data hooks for the assessment pages. Assessment data changes while the page is open (answers are saved, actions
 * move), so reads are fresh on every `reload()`. `useSessionRoles` reads who is logged in from the identity module;
 * the server decides access on every request, this only chooses what to show.
 */
import { useIdentity } from '../identity/routes.js';
import type { Localized } from './assessment-api.js';

export { useFresh, type FreshState as LoadState } from '../../api/use-fresh.js';

/** Who is logged in, from the identity module's session (it also installs the CSRF token for the API client). */
export function useSessionRoles(): { loaded: boolean; loggedIn: boolean; roles: readonly string[] } {
  const { session, error } = useIdentity();
  return {
    loaded: session !== undefined || Boolean(error),
    loggedIn: Boolean(session?.authenticated),
    roles: session?.authenticated ? session.roles : [],
  };
}

/** Picks the reader's language from a text the server gives in both. */
export const pick = (text: Localized | null | undefined, locale: string): string =>
  text ? (locale === 'en' ? text.en : text.nb) : '';

/** Numbers as the reader's language writes them (decimal comma in bokmål). */
export function formatNumber(value: number, locale: string, digits = 1): string {
  return new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'nb-NO', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(value);
}
