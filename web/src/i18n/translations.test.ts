/** The two translation files must say the same things: same keys, same placeholders, complete plural pairs. */
import { describe, expect, it } from 'vitest';
import en from './en.json' with { type: 'json' };
import nb from './nb.json' with { type: 'json' };
import { interpolate, translate } from './i18n.js';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('translation files', () => {
  it('have exactly the same keys in bokmål and English', () => {
    const nbKeys = Object.keys(nb).sort();
    const enKeys = Object.keys(en).sort();
    expect(
      enKeys.filter((k) => !nbKeys.includes(k)),
      'keys only in en.json',
    ).toEqual([]);
    expect(
      nbKeys.filter((k) => !enKeys.includes(k)),
      'keys only in nb.json',
    ).toEqual([]);
  });

  it('have no empty texts and the same placeholders in both languages', () => {
    for (const [key, text] of Object.entries(nb)) {
      const english = (en as Record<string, string>)[key] ?? '';
      expect(text.trim(), `nb ${key}`).not.toBe('');
      expect(english.trim(), `en ${key}`).not.toBe('');
      expect(placeholders(english), `placeholders of ${key}`).toEqual(placeholders(text));
    }
  });

  it('define both plural forms wherever one is defined', () => {
    for (const key of Object.keys(nb)) {
      const plural = /^(.*)\.(one|other)$/.exec(key);
      if (!plural) continue;
      expect(Object.keys(nb), `${plural[1]} needs .one and .other`).toEqual(
        expect.arrayContaining([`${plural[1]}.one`, `${plural[1]}.other`]),
      );
    }
  });

  it('has a text for every error the catalogue pages can meet, and a general fallback', () => {
    const codes = [
      'UNKNOWN',
      'NETWORK',
      'INTERNAL',
      'NOT_FOUND',
      'VALIDATION_FAILED',
      'MEASURE_NOT_FOUND',
      'ACTOR_NOT_FOUND',
      'EDITION_NOT_FOUND',
    ];
    expect(codes.filter((code) => !(`error.${code}` in nb))).toEqual([]);
  });
});

describe('interpolate and translate', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(interpolate('{count} av {total}', { count: 3, total: 37 })).toBe('3 av 37');
    expect(interpolate('Hei {name}', {})).toBe('Hei {name}');
  });

  it('translates a key into each language', () => {
    expect(translate('nb', 'nav.measures')).toBe(nb['nav.measures']);
    expect(translate('en', 'nav.measures')).toBe(en['nav.measures']);
    expect(translate('nb', 'nav.measures')).not.toBe(translate('en', 'nav.measures'));
  });
});
