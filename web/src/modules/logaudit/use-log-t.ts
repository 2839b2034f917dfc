/**
 * Translations of the log-review pages: their own nb/en files beside the module (same rules as the shell's: nb.json
 * is the reference and types the keys, en.json must have the same keys), in the language the reader chose.
 * Also the formats the pages need: times in the hospital's time zone, numbers and shares.
 */
import { useMemo } from 'react';
import { useI18n, type Locale } from '../../i18n/i18n.js';
import { errorMessageKey } from '../../api/error-text.js';
import { ApiError } from '../../api/client.js';
import en from './i18n/en.json' with { type: 'json' };
import nb from './i18n/nb.json' with { type: 'json' };

export type LogKey = keyof typeof nb;
type Vars = Readonly<Record<string, string | number>>;
const messages: Record<Locale, Record<LogKey, string>> = { nb, en };

/** The data's time zone: the synthetic and Norwegian hospitals all log in Norwegian time. */
export const dataTimeZone = 'Europe/Oslo';

export function hasLogKey(key: string): key is LogKey {
  return Object.hasOwn(nb, key);
}

function fill(text: string, vars?: Vars): string {
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

export interface LogI18n {
  readonly locale: Locale;
  readonly t: (key: LogKey, vars?: Vars) => string;
  /** A key that may not exist (a code from the server): the text, or the fallback. */
  readonly tx: (key: string, fallback: string, vars?: Vars) => string;
  readonly dateTime: (iso: string) => string;
  readonly date: (iso: string) => string;
  readonly number: (value: number, digits?: number) => string;
  readonly percent: (share: number | null | undefined) => string;
  /** An API error as text: this module's codes first, then the shell's. */
  readonly errorText: (error: unknown) => string;
}

export function useLogT(): LogI18n {
  const { locale, t: shellT } = useI18n();
  return useMemo(() => {
    const tag = locale === 'nb' ? 'nb-NO' : 'en-GB';
    const dt = new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeStyle: 'short', timeZone: dataTimeZone });
    const d = new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeZone: dataTimeZone });
    const t = (key: LogKey, vars?: Vars) => fill(messages[locale][key], vars);
    return {
      locale,
      t,
      tx: (key: string, fallback: string, vars?: Vars) => (hasLogKey(key) ? t(key, vars) : fallback),
      dateTime: (iso: string) => {
        const date = new Date(iso);
        return Number.isNaN(date.getTime()) ? iso : dt.format(date);
      },
      date: (iso: string) => {
        const date = new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso);
        return Number.isNaN(date.getTime()) ? iso : d.format(date);
      },
      number: (value: number, digits = 0) => value.toLocaleString(tag, { maximumFractionDigits: digits }),
      percent: (share) =>
        share === null || share === undefined
          ? '–'
          : `${(share * 100).toLocaleString(tag, { maximumFractionDigits: 1 })} %`,
      errorText: (error: unknown) => {
        const code =
          error instanceof ApiError
            ? error.code
            : typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string'
              ? (error as { code: string }).code
              : 'UNKNOWN';
        if (hasLogKey(`error.${code}`)) return t(`error.${code}` as LogKey);
        return shellT(errorMessageKey(error instanceof ApiError ? error : new ApiError(code, code, 0)));
      },
    };
  }, [locale, shellT]);
}
