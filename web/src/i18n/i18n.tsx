/**
 * A tiny typed i18n: every text the user reads is a key in nb.json (bokmål, the reference) and en.json. Keys are
 * typed from nb.json, so a missing or misspelt key fails the type check; a unit test checks both files have the
 * same keys. The chosen language is kept in localStorage and mirrored in <html lang>.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import en from './en.json' with { type: 'json' };
import nb from './nb.json' with { type: 'json' };

export const locales = ['nb', 'en'] as const;
export type Locale = (typeof locales)[number];
export type MessageKey = keyof typeof nb;
/** Keys with plural forms come in pairs `<base>.one` and `<base>.other`. */
export type PluralKey = MessageKey extends infer K ? (K extends `${infer Base}.other` ? Base : never) : never;
export type Vars = Readonly<Record<string, string | number>>;

const messages: Record<Locale, Record<MessageKey, string>> = { nb, en };
const storageKey = 'varde.locale';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

export function hasMessage(key: string): key is MessageKey {
  return Object.hasOwn(nb, key);
}

/** Replaces `{name}` placeholders; an unknown placeholder is left visible so it is noticed. */
export function interpolate(text: string, vars?: Vars): string {
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

export function translate(locale: Locale, key: MessageKey, vars?: Vars): string {
  return interpolate(messages[locale][key], vars);
}

function readStoredLocale(): Locale {
  try {
    const stored = globalThis.localStorage?.getItem(storageKey);
    return isLocale(stored) ? stored : 'nb';
  } catch {
    return 'nb';
  }
}

export interface I18n {
  readonly locale: Locale;
  readonly setLocale: (locale: Locale) => void;
  readonly t: (key: MessageKey, vars?: Vars) => string;
  /** Plural: picks `<key>.one` for 1 and `<key>.other` otherwise; `{count}` is filled in. */
  readonly tn: (key: PluralKey, count: number, vars?: Vars) => string;
  /** Numbers and dates in the reader's language. */
  readonly formatDate: (isoDate: string) => string;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children, initialLocale }: { children: ReactNode; initialLocale?: Locale }) {
  const [locale, setLocaleState] = useState<Locale>(() => initialLocale ?? readStoredLocale());

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  const setLocale = useCallback((next: Locale) => {
    setLocaleState(next);
    try {
      localStorage.setItem(storageKey, next);
    } catch {
      // Private mode or storage disabled: the choice lasts for this page view only.
    }
  }, []);

  const value = useMemo<I18n>(() => {
    const t = (key: MessageKey, vars?: Vars) => translate(locale, key, vars);
    const tn = (key: PluralKey, count: number, vars?: Vars) =>
      translate(locale, `${key}.${count === 1 ? 'one' : 'other'}` as MessageKey, { ...vars, count });
    const dateFormat = new Intl.DateTimeFormat(locale === 'nb' ? 'nb-NO' : 'en-GB', { dateStyle: 'long' });
    const formatDate = (isoDate: string) => {
      const date = new Date(isoDate);
      return Number.isNaN(date.getTime()) ? isoDate : dateFormat.format(date);
    };
    return { locale, setLocale, t, tn, formatDate };
  }, [locale, setLocale]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n must be used inside <I18nProvider>');
  return value;
}

/** The translate function; most components need only this. */
export function useT(): I18n['t'] {
  return useI18n().t;
}
