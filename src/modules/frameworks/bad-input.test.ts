import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.js';
import { parseFrameworkLibrary } from './parse-framework-library.js';
import { lineOf, problemsOf, vardeFile } from './test-helpers.js';

const parse = (text: string) => () => parseFrameworkLibrary(text, 'bad.yaml');
const at = (text: string, needle: string, from = 0) => `bad.yaml:${lineOf(text, needle, from)}`;

describe('a broken requirement tree is refused with the place named', () => {
  it('missing parent', () => {
    const text = vardeFile(
      '  - id: "1"\n    title: En\n    assessable: false\n  - id: "1.1"\n    parent: "9"\n    title: To\n    assessable: true\n',
    );
    expect(problemsOf(parse(text))).toStrictEqual([
      {
        place: at(text, 'parent: "9"'),
        field: 'nodes[1].parent',
        message: 'parent "9" does not exist in this library',
      },
    ]);
  });

  it('cycle', () => {
    const text = vardeFile(`  - id: a
    parent: c
    title: A
    assessable: true
  - id: b
    parent: a
    title: B
    assessable: true
  - id: c
    parent: b
    title: C
    assessable: true
  - id: d
    parent: d
    title: D
    assessable: true
`);
    const problems = problemsOf(parse(text));
    expect(problems).toContainEqual({
      place: at(text, 'parent: c'),
      field: 'nodes[0].parent',
      message: 'parents form a cycle: "a" → "c" → "b" → "a"',
    });
    expect(problems).toContainEqual({
      place: at(text, 'parent: d'),
      field: 'nodes[3].parent',
      message: 'node "d" is its own parent',
    });
    expect(problems).toHaveLength(2);
  });

  it('duplicate id', () => {
    const text = vardeFile(
      '  - id: "1"\n    title: En\n    assessable: true\n  - id: "1"\n    title: To\n    assessable: true\n',
    );
    const second = lineOf(text, 'id: "1"', lineOf(text, 'id: "1"'));
    expect(problemsOf(parse(text))).toStrictEqual([
      {
        place: `bad.yaml:${second}`,
        field: 'nodes[1].id',
        message: `duplicate id "1" (first used at nodes[0].id, ${at(text, 'id: "1"')})`,
      },
    ]);
  });

  it('ids that differ only by case', () => {
    const text = vardeFile(
      '  - id: gv.oc\n    title: En\n    assessable: true\n  - id: GV.OC\n    title: To\n    assessable: true\n',
    );
    expect(problemsOf(parse(text))).toStrictEqual([
      {
        place: at(text, 'id: GV.OC'),
        field: 'nodes[1].id',
        message: `id "GV.OC" differs from "gv.oc" only by case or spaces (nodes[0].id, ${at(text, 'id: gv.oc')})`,
      },
    ]);
  });

  it('ids with spaces are refused', () => {
    const text = vardeFile(
      '  - id: "1.1"\n    title: En\n    assessable: true\n  - id: " 1.1"\n    title: To\n    assessable: true\n',
    );
    const problems = problemsOf(parse(text));
    expect(problems).toContainEqual(
      expect.objectContaining({
        place: at(text, 'id: " 1.1"'),
        field: 'nodes[1].id',
        message: expect.stringContaining('is not valid'),
      }),
    );
  });

  it('a parent listed after its child, and repeated sibling order', () => {
    const text = vardeFile(`  - id: "1.1"
    parent: "1"
    title: Barn
    assessable: true
  - id: "1"
    title: Forelder
    assessable: false
    order: 1
  - id: "2"
    title: Annen
    assessable: false
    order: 1
`);
    const problems = problemsOf(parse(text));
    expect(problems).toContainEqual(
      expect.objectContaining({
        place: at(text, 'parent: "1"'),
        field: 'nodes[0].parent',
        message: expect.stringContaining('must be listed before its child'),
      }),
    );
    expect(problems).toContainEqual(
      expect.objectContaining({
        place: at(text, 'order: 1', lineOf(text, 'id: "2"')),
        field: 'nodes[2].order',
        message: expect.stringContaining('order 1 is already used'),
      }),
    );
  });
});

describe('hostile or ambiguous YAML is refused before anything is read', () => {
  it('an alias bomb', () => {
    const rows = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (const [name, prev] of [
      ['b', 'a'],
      ['c', 'b'],
      ['d', 'c'],
      ['e', 'd'],
      ['f', 'e'],
      ['g', 'f'],
    ]) {
      rows.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const text = `${rows.join('\n')}\n`;
    expect(problemsOf(parse(text))).toStrictEqual([
      {
        place: 'bad.yaml:2',
        message: 'aliases expand too much (more than 100 expansions): refusing a possible YAML bomb',
      },
    ]);
  });

  it('an alias that contains itself', () => {
    const text = 'a: &loop [1, *loop]\n';
    expect(problemsOf(parse(text))).toContainEqual(
      expect.objectContaining({
        place: 'bad.yaml:1',
        message: 'alias *loop refers to a node that contains it (a cycle)',
      }),
    );
  });

  it.each(['__proto__', 'constructor', 'prototype'])('a %s key anywhere', (key) => {
    const text = vardeFile(
      `  - id: "1"\n    title: En\n    assessable: true\n    source:\n      "${key}": { polluted: true }\n`,
    );
    expect(problemsOf(parse(text))).toStrictEqual([
      {
        place: at(text, key),
        field: `nodes[0].source.${key}`,
        message: `key "${key}" is not allowed (it could alter object prototypes)`,
      },
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('a merge key', () => {
    const text = vardeFile('  - &base\n    id: "1"\n    title: En\n    assessable: true\n  - <<: *base\n    id: "2"\n');
    expect(problemsOf(parse(text))).toStrictEqual([
      {
        place: at(text, '<<'),
        field: 'nodes[1].<<',
        message: 'merge keys (<<) are not allowed; write the fields out',
      },
    ]);
  });

  it('NO and yes, which YAML 1.1 tools read as booleans', () => {
    const text = vardeFile('  - id: "1"\n    title: NO\n    assessable: yes\n');
    expect(problemsOf(parse(text))).toStrictEqual([
      {
        place: at(text, 'title: NO'),
        field: 'nodes[0].title',
        message: '"NO" is read as a boolean by YAML 1.1 tools; quote it ("NO") if you mean text, or write true/false',
      },
      {
        place: at(text, 'assessable: yes'),
        field: 'nodes[0].assessable',
        message: '"yes" is read as a boolean by YAML 1.1 tools; quote it ("yes") if you mean text, or write true/false',
      },
    ]);
  });

  it('a boolean or a number where text is expected, and text where a boolean is expected', () => {
    const text = vardeFile('  - id: 1.10\n    title: false\n    assessable: "true"\n');
    expect(problemsOf(parse(text))).toStrictEqual([
      {
        place: at(text, 'title: false'),
        field: 'nodes[0].title',
        message: 'must be text, or text per language ({ nb: …, en: … }), not a boolean (false)',
      },
      {
        place: at(text, 'id: 1.10'),
        field: 'nodes[0].id',
        message: 'must be text, not a number (1.1) (put numbers that are ids or codes in quotes, e.g. "1.10")',
      },
      {
        place: at(text, 'assessable: "true"'),
        field: 'nodes[0].assessable',
        message: 'must be true or false, not text "true"',
      },
    ]);
  });

  it('an explicit tag, a duplicate key, a second document, a YAML 1.1 directive', () => {
    expect(problemsOf(parse('a: !!binary aGk=\n'))[0]?.message).toBe(
      'explicit YAML tag tag:yaml.org,2002:binary is not allowed',
    );
    expect(problemsOf(parse('a: 1\na: 2\n'))[0]).toMatchObject({
      place: 'bad.yaml:2',
      message: expect.stringContaining('Map keys must be unique'),
    });
    expect(problemsOf(parse('a: 1\n---\nb: 2\n'))[0]?.message).toContain('multiple documents');
    expect(problemsOf(parse('%YAML 1.1\n---\na: NO\n'))[0]?.message).toBe(
      'only YAML 1.2 is accepted; remove the %YAML directive',
    );
  });

  it('nesting deeper than the limit', () => {
    const text = `${Array.from({ length: 45 }, (_, i) => `${'  '.repeat(i)}k${i}:`).join('\n')} end\n`;
    expect(problemsOf(parse(text))).toStrictEqual([
      {
        place: 'bad.yaml:41',
        field: Array.from({ length: 41 }, (_, i) => `k${i}`).join('.'),
        message: 'nesting deeper than 40 levels',
      },
    ]);
  });

  it('an empty file, NUL bytes, and a file over the size limit', () => {
    expect(problemsOf(parse('  \n'))).toStrictEqual([{ place: 'bad.yaml', message: 'file is empty' }]);
    expect(problemsOf(parse('a: 1\nb: "x\0"\n'))).toStrictEqual([
      { place: 'bad.yaml:2', message: 'file contains a NUL character (binary data or a wrong encoding)' },
    ]);
    const limits = { maxChars: 1024 * 1024, maxAliasCount: 100, maxDepth: 40 };
    const big = `a: "${'x'.repeat(1024 * 1024)}"\n`;
    expect(problemsOf(() => parseFrameworkLibrary(big, 'big.yaml', limits))).toStrictEqual([
      { place: 'big.yaml', message: 'file is larger than 1 MB' },
    ]);
  });
});

describe('all or nothing', () => {
  it('collects every problem in a file into one FRAMEWORK_INVALID error and returns nothing', () => {
    const text = vardeFile(`  - id: "1"
    title: En
    assessable: true
    assesable: true
  - id: "1"
    parent: "7"
    assessable: maybe
`);
    let thrown: unknown;
    let result: unknown;
    try {
      result = parseFrameworkLibrary(text, 'bad.yaml');
    } catch (error) {
      thrown = error;
    }
    expect(result).toBeUndefined();
    expect(thrown).toBeInstanceOf(AppError);
    const error = thrown as AppError;
    expect(error.status).toBe(422);
    expect(error.message).toBe('bad.yaml: 5 problem(s); nothing was imported');
    expect(error.details.map((d) => [d.field, d.message.slice(0, 30)])).toStrictEqual([
      ['nodes[0].assesable', 'unknown field "assesable" (all'],
      ['nodes[1]', 'a node needs a title or a desc'],
      ['nodes[1].assessable', 'must be true or false, not tex'],
      ['nodes[1].id', 'duplicate id "1" (first used a'],
      ['nodes[1].parent', 'parent "7" does not exist in t'],
    ]);
  });
});
