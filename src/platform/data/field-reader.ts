/**
 * Reads typed fields out of untrusted parsed data and collects every problem with its place, instead of stopping
 * at the first. Used by the importers of YAML data files; the caller throws one AppError with all the details.
 */
import type { ErrorDetail } from '../errors.js';
import { formatPath, type PathSegment, type YamlSource } from './yaml-source.js';

export class FieldReader {
  readonly errors: ErrorDetail[] = [];

  constructor(private readonly source: YamlSource) {}

  fail(path: readonly PathSegment[], message: string): void {
    this.errors.push({ place: this.source.placeOf(path), field: formatPath(path), message });
  }

  at(path: readonly PathSegment[]): unknown {
    let value: unknown = this.source.value;
    for (const segment of path) {
      if (value === null || typeof value !== 'object') return undefined;
      value = (value as Record<string | number, unknown>)[segment];
    }
    return value;
  }

  object(path: readonly PathSegment[]): Record<string, unknown> | null {
    const value = this.at(path);
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
    this.fail(path, value === undefined ? 'is missing' : 'must be a mapping');
    return null;
  }

  list(path: readonly PathSegment[], options: { optional?: boolean } = {}): unknown[] {
    const value = this.at(path);
    if (Array.isArray(value)) return value;
    if (value === undefined || value === null) {
      if (!options.optional) this.fail(path, 'is missing');
      return [];
    }
    this.fail(path, 'must be a list');
    return [];
  }

  string(path: readonly PathSegment[]): string {
    const value = this.at(path);
    if (typeof value === 'string' && value.trim() !== '') return value.normalize('NFC');
    if (value === undefined || value === null) this.fail(path, 'is missing');
    else if (typeof value === 'string') this.fail(path, 'must not be empty');
    else this.fail(path, `must be text, got ${typeof value} (${JSON.stringify(value)}); quote it`);
    return '';
  }

  optionalString(path: readonly PathSegment[]): string | null {
    const value = this.at(path);
    return value === undefined || value === null ? null : this.string(path);
  }

  integer(path: readonly PathSegment[]): number {
    const value = this.at(path);
    if (typeof value === 'number' && Number.isInteger(value)) return value;
    this.fail(path, value === undefined ? 'is missing' : 'must be a whole number');
    return 0;
  }

  optionalInteger(path: readonly PathSegment[]): number | null {
    const value = this.at(path);
    return value === undefined || value === null ? null : this.integer(path);
  }

  oneOf<T extends string>(path: readonly PathSegment[], allowed: readonly T[]): T {
    const value = this.string(path);
    if (value && !allowed.includes(value as T)) this.fail(path, `must be one of ${allowed.join(', ')}; got "${value}"`);
    return value as T;
  }

  stringList(path: readonly PathSegment[], options: { optional?: boolean } = {}): string[] {
    return this.list(path, options).map((_, index) => this.string([...path, index]));
  }

  /** Checks that a list's items have unique ids, also when they differ only in case or surrounding spaces. */
  uniqueIds(path: readonly PathSegment[], ids: readonly string[], idField = 'id'): void {
    const seen = new Map<string, number>();
    ids.forEach((id, index) => {
      const key = id.trim().toLowerCase();
      const first = seen.get(key);
      if (first !== undefined) {
        this.fail([...path, index, idField], `duplicate id "${id}" (already used at ${formatPath([...path, first])})`);
      } else seen.set(key, index);
    });
  }
}
