/**
 * Reads untrusted YAML safely: YAML 1.2 only, unique keys, bounded size and alias expansion, no merge keys, no
 * prototype-polluting keys, no custom tags, and no plain words a YAML 1.1 reader (CISO Assistant's PyYAML) would
 * take as booleans. Every problem is reported with its file and line; nothing is returned unless the whole file
 * is clean.
 */
import {
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  visit,
  Scalar,
  type Document,
  type Node,
} from 'yaml';
import { AppError, type ErrorDetail } from '../../platform/errors.js';

export type Path = readonly (string | number)[];

export interface YamlLimits {
  /** Characters of text accepted (about bytes for the mostly-ASCII files we read). */
  readonly maxChars: number;
  /** Passed to `yaml`'s toJS: alias expansions allowed before we call it a bomb. */
  readonly maxAliasCount: number;
  /** Nesting depth of collections. */
  readonly maxDepth: number;
}

export const defaultLimits: YamlLimits = { maxChars: 10 * 1024 * 1024, maxAliasCount: 100, maxDepth: 40 };

export interface YamlSource {
  readonly fileName: string;
  readonly value: unknown;
  /** `file.yaml:LINE` for the node at `path`, or the nearest enclosing node that exists. */
  place(path: Path): string;
}

const forbiddenKeys = new Set(['__proto__', 'constructor', 'prototype']);
/** Words YAML 1.1 (PyYAML) resolves to booleans but YAML 1.2 keeps as text: the `NO` (Norway) trap. */
const yaml11BooleanWords = /^(yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF)$/;
const strTag = 'tag:yaml.org,2002:str';
const maxIssues = 100;

/** Collects problems up to a cap, so a hostile file cannot make the error list itself huge. */
export class IssueList {
  readonly items: ErrorDetail[] = [];
  private readonly seen = new Set<string>();
  private dropped = 0;

  add(detail: ErrorDetail): void {
    const key = `${detail.place}\u0000${detail.field ?? ''}\u0000${detail.message}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    if (this.items.length < maxIssues) this.items.push(detail);
    else this.dropped += 1;
  }

  get size(): number {
    return this.items.length + this.dropped;
  }

  /** Throws FRAMEWORK_INVALID listing every problem found, if any. */
  throwIfAny(fileName: string): void {
    if (this.size === 0) return;
    const details =
      this.dropped > 0
        ? [...this.items, { place: fileName, message: `${this.dropped} more problems not listed` }]
        : this.items;
    throw new AppError('FRAMEWORK_INVALID', `${fileName}: ${this.size} problem(s); nothing was imported`, details);
  }
}

export function fieldName(path: Path): string {
  let out = '';
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : out === '' ? part : `.${part}`;
  return out;
}

function lineAt(lineCounter: LineCounter, offset: number | undefined): number | undefined {
  return offset === undefined ? undefined : lineCounter.linePos(offset).line;
}

export function loadYamlSource(text: string, fileName: string, limits: YamlLimits = defaultLimits): YamlSource {
  const issues = new IssueList();
  const fail = (message: string, line?: number): never => {
    issues.add({ place: line === undefined ? fileName : `${fileName}:${line}`, message });
    return issues.throwIfAny(fileName) as never;
  };

  if (text.length > limits.maxChars) fail(`file is larger than ${Math.round(limits.maxChars / 1048576)} MB`);
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const nul = body.indexOf('\0');
  if (nul >= 0)
    fail('file contains a NUL character (binary data or a wrong encoding)', body.slice(0, nul).split('\n').length);
  if (body.trim() === '') fail('file is empty');

  const lineCounter = new LineCounter();
  const doc = parseDocument(body, { version: '1.2', uniqueKeys: true, merge: false, lineCounter, prettyErrors: true });
  for (const problem of [...doc.errors, ...doc.warnings]) {
    const line = problem.linePos?.[0]?.line;
    issues.add({
      place: line === undefined ? fileName : `${fileName}:${line}`,
      message: problem.message.split('\n')[0] ?? problem.message,
    });
  }
  if (doc.directives?.yaml.explicit && doc.directives.yaml.version !== '1.2') {
    issues.add({ place: `${fileName}:1`, message: 'only YAML 1.2 is accepted; remove the %YAML directive' });
  }
  issues.throwIfAny(fileName);

  checkNodes(doc, lineCounter, fileName, limits, issues);
  issues.throwIfAny(fileName);

  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: limits.maxAliasCount });
  } catch (error) {
    const firstAlias = findFirstAlias(doc);
    issues.add({
      place: firstAlias === undefined ? fileName : `${fileName}:${lineAt(lineCounter, firstAlias)}`,
      message:
        error instanceof ReferenceError
          ? `aliases expand too much (more than ${limits.maxAliasCount} expansions): refusing a possible YAML bomb`
          : `cannot read the YAML: ${(error as Error).message}`,
    });
    issues.throwIfAny(fileName);
  }

  return {
    fileName,
    value,
    place(path: Path): string {
      const line = lineOfPath(doc, lineCounter, path);
      return line === undefined ? fileName : `${fileName}:${line}`;
    },
  };
}

function checkNodes(
  doc: Document,
  lineCounter: LineCounter,
  fileName: string,
  limits: YamlLimits,
  issues: IssueList,
): void {
  const at = (node: { range?: readonly number[] | null } | null | undefined): string => {
    const line = lineAt(lineCounter, node?.range?.[0]);
    return line === undefined ? fileName : `${fileName}:${line}`;
  };
  visit(doc, {
    Pair(_, pair, path) {
      const keyField = (key: string): string => [fieldOf(path, pair), key].filter(Boolean).join('.');
      if (path.filter((step) => isMap(step) || isSeq(step)).length > limits.maxDepth) {
        const field = isScalar(pair.key) ? keyField(String(pair.key.value)) : fieldOf(path, pair);
        issues.add({ place: at(pair.key as Node), field, message: `nesting deeper than ${limits.maxDepth} levels` });
        return visit.BREAK;
      }
      if (!isScalar(pair.key)) {
        issues.add({ place: at(pair.key as Node), message: 'map keys must be plain text, not lists or maps' });
        return undefined;
      }
      const key = String(pair.key.value);
      if (forbiddenKeys.has(key)) {
        issues.add({
          place: at(pair.key),
          field: keyField(key),
          message: `key "${key}" is not allowed (it could alter object prototypes)`,
        });
      } else if (key === '<<') {
        issues.add({
          place: at(pair.key),
          field: keyField(key),
          message: 'merge keys (<<) are not allowed; write the fields out',
        });
      }
      return undefined;
    },
    Scalar(_, node, path) {
      if (node.tag !== undefined && node.tag !== strTag) {
        issues.add({
          place: at(node),
          field: fieldOf(path, node),
          message: `explicit YAML tag ${node.tag} is not allowed`,
        });
      }
      if (node.type === Scalar.PLAIN && typeof node.value === 'string' && yaml11BooleanWords.test(node.value)) {
        issues.add({
          place: at(node),
          field: fieldOf(path, node),
          message: `"${node.value}" is read as a boolean by YAML 1.1 tools; quote it ("${node.value}") if you mean text, or write true/false`,
        });
      }
    },
    Map(_, node) {
      if (node.tag !== undefined)
        issues.add({ place: at(node), message: `explicit YAML tag ${node.tag} is not allowed` });
    },
    Seq(_, node) {
      if (node.tag !== undefined)
        issues.add({ place: at(node), message: `explicit YAML tag ${node.tag} is not allowed` });
    },
    Alias(_, node, path) {
      const target = node.resolve(doc);
      if (target === undefined) {
        issues.add({
          place: at(node),
          field: fieldOf(path, node),
          message: `alias *${node.source} has no matching anchor`,
        });
      } else if (path.includes(target as never)) {
        issues.add({
          place: at(node),
          field: fieldOf(path, node),
          message: `alias *${node.source} refers to a node that contains it (a cycle)`,
        });
      }
    },
  });
}

/** The field path of `node` given its ancestors as `visit` reports them, e.g. `nodes[2].title`. */
function fieldOf(ancestors: readonly unknown[], node: unknown): string {
  const parts: (string | number)[] = [];
  const chain = [...ancestors, node];
  for (let i = 0; i < chain.length - 1; i += 1) {
    const step = chain[i];
    const next = chain[i + 1];
    if (isPair(step) && next === step.value) parts.push(isScalar(step.key) ? String(step.key.value) : '?');
    else if (isSeq(step)) parts.push(step.items.indexOf(next as never));
  }
  return fieldName(parts);
}

function findFirstAlias(doc: Document): number | undefined {
  let offset: number | undefined;
  visit(doc, {
    Alias(_, node) {
      offset = node.range?.[0];
      return visit.BREAK;
    },
  });
  return offset;
}

function lineOfPath(doc: Document, lineCounter: LineCounter, path: Path): number | undefined {
  for (let length = path.length; length >= 0; length -= 1) {
    const node: unknown = length === 0 ? doc.contents : doc.getIn(path.slice(0, length), true);
    if (isScalar(node) || isMap(node) || isSeq(node) || isAlias(node)) {
      const line = lineAt(lineCounter, node.range?.[0]);
      if (line !== undefined) return line;
    }
  }
  return undefined;
}
