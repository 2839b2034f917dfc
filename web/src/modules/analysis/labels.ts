/** Small helpers shared by the analysis pages: text in the reader's language, numbers, and the keys of labels. */
import type { Locale, MessageKey } from '../../i18n/i18n.js';
import type { AudienceGroup, CoverageLevel, GapKind, Strength } from './analysis-api.js';

/** Text with a bokmål original and maybe an English version: the reader's language when there is one. */
export function pick(
  text: { nb: string; en?: string } | Readonly<Record<string, string>>,
  locale: Locale,
): { text: string; lang: string } {
  const value = text as Record<string, string | undefined>;
  if (locale === 'en' && value.en) return { text: value.en, lang: 'en' };
  return { text: value.nb ?? Object.values(value)[0] ?? '', lang: 'nb' };
}

export function formatScore(score: number, locale: Locale): string {
  return new Intl.NumberFormat(locale === 'nb' ? 'nb-NO' : 'en-GB', {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  }).format(score);
}

export function formatDelta(delta: number, locale: Locale): string {
  const text = formatScore(Math.abs(delta), locale);
  return delta > 0 ? `+${text}` : delta < 0 ? `−${text}` : text;
}

export const levelKey = (level: CoverageLevel): MessageKey => `analysis.level.${level}`;
export const gapKey = (kind: GapKind): MessageKey => `analysis.gap.${kind}`;
export const groupKey = (group: AudienceGroup): MessageKey => `analysis.group.${group}`;
export const strengthKey = (strength: Strength): MessageKey => `analysis.strength.${strength}`;
