/**
 * Typed reading of a loaded YAML value. Each reader checks one field, records a problem with its place when the
 * value is wrong, and returns undefined instead of throwing, so one pass finds every problem in a file.
 */
import { fieldName, type IssueList, type Path, type YamlSource } from './yaml-source.js';
import { languagePattern } from './ids.js';
import type { LocalizedText } from './types.js';

export const maxTextLength = 50_000;

export function describe(value: unknown): string {
  if (value === null || value === undefined) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a map';
  if (typeof value === 'string') return `text "${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  return `a ${typeof value} (${String(value)})`;
}

export interface TextOptions {
  readonly required?: boolean;
  readonly pattern?: RegExp;
  /** Said after "must be" when the pattern does not match. */
  readonly patternHint?: string;
  readonly maxLength?: number;
  readonly oneOf?: readonly string[];
}

export class FieldReader {
  constructor(
    readonly source: YamlSource,
    readonly issues: IssueList,
  ) {}

  problem(path: Path, message: string): void {
    this.issues.add({ place: this.source.place(path), field: fieldName(path), message });
  }

  /** A map; with `allowed`, unknown keys (typos such as `assesable`) are problems. */
  map(value: unknown, path: Path, allowed?: readonly string[]): Record<string, unknown> | undefined {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      this.problem(path, `must be a map of fields, not ${describe(value)}`);
      return undefined;
    }
    const record = value as Record<string, unknown>;
    if (allowed) {
      for (const key of Object.keys(record)) {
        if (!allowed.includes(key))
          this.problem([...path, key], `unknown field "${key}" (allowed: ${allowed.join(', ')})`);
      }
    }
    return record;
  }

  list(value: unknown, path: Path, options: { required?: boolean; max?: number } = {}): readonly unknown[] | undefined {
    if (value === undefined || value === null) {
      if (options.required) this.problem(path, 'is required: a list');
      return undefined;
    }
    if (!Array.isArray(value)) {
      this.problem(path, `must be a list, not ${describe(value)}`);
      return undefined;
    }
    if (options.max !== undefined && value.length > options.max) {
      this.problem(path, `has ${value.length} entries; at most ${options.max} are accepted`);
      return undefined;
    }
    return value;
  }

  text(value: unknown, path: Path, options: TextOptions = {}): string | undefined {
    if (value === undefined || value === null) {
      if (options.required) this.problem(path, 'is required');
      return undefined;
    }
    if (typeof value !== 'string') {
      const hint = typeof value === 'number' ? ' (put numbers that are ids or codes in quotes, e.g. "1.10")' : '';
      this.problem(path, `must be text, not ${describe(value)}${hint}`);
      return undefined;
    }
    const text = value.normalize('NFC');
    if (options.required && text.trim() === '') {
      this.problem(path, 'must not be empty');
      return undefined;
    }
    if (text.length > (options.maxLength ?? maxTextLength)) {
      this.problem(path, `is longer than ${options.maxLength ?? maxTextLength} characters`);
      return undefined;
    }
    if (options.oneOf && !options.oneOf.includes(text)) {
      this.problem(path, `must be one of ${options.oneOf.join(', ')}, not "${text}"`);
      return undefined;
    }
    if (options.pattern && !options.pattern.test(text)) {
      this.problem(path, `"${text}" is not valid: must be ${options.patternHint ?? `like ${options.pattern.source}`}`);
      return undefined;
    }
    return text;
  }

  boolean(value: unknown, path: Path, options: { required?: boolean } = {}): boolean | undefined {
    if (value === undefined || value === null) {
      if (options.required) this.problem(path, 'is required: true or false');
      return undefined;
    }
    if (typeof value !== 'boolean') {
      this.problem(path, `must be true or false, not ${describe(value)}`);
      return undefined;
    }
    return value;
  }

  integer(
    value: unknown,
    path: Path,
    options: { required?: boolean; min?: number; max?: number } = {},
  ): number | undefined {
    if (value === undefined || value === null) {
      if (options.required) this.problem(path, 'is required: a whole number');
      return undefined;
    }
    if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
      this.problem(path, `must be a whole number, not ${describe(value)}`);
      return undefined;
    }
    if ((options.min !== undefined && value < options.min) || (options.max !== undefined && value > options.max)) {
      this.problem(path, `must be between ${options.min ?? '-∞'} and ${options.max ?? '∞'}, not ${value}`);
      return undefined;
    }
    return value;
  }

  /**
   * Text in one or more languages: either plain text (in the library's language) or a map `{ nb: ..., en: ... }`.
   * The library's language must always be there.
   */
  localized(
    value: unknown,
    path: Path,
    language: string,
    options: { required?: boolean } = {},
  ): LocalizedText | undefined {
    if (value === undefined || value === null) {
      if (options.required) this.problem(path, 'is required');
      return undefined;
    }
    if (typeof value === 'string') {
      const text = this.text(value, path, { required: true });
      return text === undefined ? undefined : { [language]: text };
    }
    if (typeof value !== 'object' || Array.isArray(value)) {
      this.problem(path, `must be text, or text per language ({ nb: …, en: … }), not ${describe(value)}`);
      return undefined;
    }
    const record = value as Record<string, unknown>;
    const out: Record<string, string> = {};
    let ok = true;
    for (const [lang, text] of Object.entries(record)) {
      if (!languagePattern.test(lang)) {
        this.problem([...path, lang], `"${lang}" is not a language code (such as nb or en)`);
        ok = false;
        continue;
      }
      const read = this.text(text, [...path, lang], { required: true });
      if (read === undefined) ok = false;
      else out[lang] = read;
    }
    if (ok && out[language] === undefined) {
      this.problem(path, `must have text in the library's language "${language}"`);
      return undefined;
    }
    return ok ? out : undefined;
  }
}

/** Drops undefined fields, so optional fields are absent rather than undefined (deep equality then works). */
export function compact<T extends object>(value: T): T {
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) if (field !== undefined) out[key] = field;
  return out as T;
}
