/**
 * Safe reading of YAML data files (catalogue editions, framework libraries): YAML 1.2 only (so `NO` stays a
 * string), duplicate keys refused, alias expansion capped (no "billion laughs"), merge keys and prototype keys
 * refused. Every problem is reported with the file and line, so a reviewer can find it.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { ErrorDetail } from '../errors.js';

export type PathSegment = string | number;

export interface YamlSource {
  readonly fileName: string;
  readonly value: unknown;
  /** "file.yaml:LINE" for the node at a path, falling back to the nearest ancestor that exists. */
  placeOf(path: readonly PathSegment[]): string;
}

const forbiddenKeys = new Set(['__proto__', 'constructor', 'prototype', '<<']);
export const maxYamlBytes = 5 * 1024 * 1024;

export function formatPath(path: readonly PathSegment[]): string {
  return path.reduce<string>((text, segment) => {
    if (typeof segment === 'number') return `${text}[${segment}]`;
    return text ? `${text}.${segment}` : segment;
  }, '');
}

function findUnsafeKeys(node: unknown, path: PathSegment[], found: PathSegment[][]): void {
  if (isMap(node)) {
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      if (forbiddenKeys.has(key)) found.push([...path, key]);
      findUnsafeKeys(pair.value, [...path, key], found);
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, index) => findUnsafeKeys(item, [...path, index], found));
  }
}

function lineOf(doc: Document, lines: LineCounter, path: readonly PathSegment[]): number | null {
  for (let length = path.length; length >= 0; length--) {
    const node = (length === 0 ? doc.contents : doc.getIn(path.slice(0, length), true)) as Node | undefined;
    const offset = node?.range?.[0];
    if (offset !== undefined) return lines.linePos(offset).line;
  }
  return null;
}

/** Parses one YAML file; returns the value or the list of problems (with places), never a half-read value. */
export function readYamlSource(text: string, fileName: string): { source: YamlSource } | { errors: ErrorDetail[] } {
  if (Buffer.byteLength(text, 'utf8') > maxYamlBytes) {
    return { errors: [{ place: fileName, message: `file is larger than ${maxYamlBytes} bytes` }] };
  }
  if (text.includes('\u0000')) return { errors: [{ place: fileName, message: 'file contains a NUL byte' }] };
  const lines = new LineCounter();
  const doc = parseDocument(text.replace(/^\uFEFF/, ''), {
    version: '1.2',
    uniqueKeys: true,
    merge: false,
    lineCounter: lines,
    prettyErrors: false,
  });
  const place = (offset: number | undefined) => (offset === undefined ? fileName : `${fileName}:${lines.linePos(offset).line}`);
  const errors: ErrorDetail[] = doc.errors.map((e) => ({ place: place(e.pos[0]), message: e.message.split('\n')[0] ?? e.message }));
  if (errors.length > 0) return { errors };
  const unsafe: PathSegment[][] = [];
  findUnsafeKeys(doc.contents, [], unsafe);
  if (unsafe.length > 0) {
    return {
      errors: unsafe.map((path) => ({
        place: `${fileName}:${lineOf(doc, lines, path) ?? '?'}`,
        field: formatPath(path),
        message: `the key "${String(path.at(-1))}" is not allowed`,
      })),
    };
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    return { errors: [{ place: fileName, message: `cannot be read: ${(error as Error).message}` }] };
  }
  const source: YamlSource = {
    fileName,
    value,
    placeOf: (path) => `${fileName}:${lineOf(doc, lines, path) ?? '?'}`,
  };
  return { source };
}
