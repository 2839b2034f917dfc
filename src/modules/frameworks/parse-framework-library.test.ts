import { describe, expect, it } from 'vitest';
import { parseFrameworkLibrary } from './parse-framework-library.js';
import { serializeFrameworkLibrary } from './serialize-framework-library.js';
import { lineOf, problemsOf, vardeFile } from './test-helpers.js';
import type { FrameworkLibrary } from './types.js';

describe('parseFrameworkLibrary', () => {
  it('reads a library, turning plain text into the library language and ordering the tree', () => {
    const text = vardeFile(`  - id: "B"
    title: Andre
    assessable: false
    order: 2
  - id: "A"
    title: { nb: Første, en: First }
    assessable: false
    order: 1
  - id: "A.2"
    parent: "A"
    title: To
    description: Beskrivelse
    assessable: true
  - id: "A.1"
    parent: "A"
    title: En
    assessable: true
`);
    const lib = parseFrameworkLibrary(text, 'sample.yaml');
    expect(lib.library).toStrictEqual({
      id: 'urn:test:framework:sample',
      name: { nb: 'Prøverammeverk', en: 'Sample framework' },
      version: 1,
      publisher: 'Varde tests',
      language: 'nb',
    });
    // Siblings by explicit order where given, else by position in the file; children right after their parent.
    expect(lib.nodes.map((n) => [n.id, n.parent, n.order])).toStrictEqual([
      ['A', undefined, 1],
      ['A.2', 'A', 1],
      ['A.1', 'A', 2],
      ['B', undefined, 2],
    ]);
    expect(lib.nodes[0]?.title).toStrictEqual({ nb: 'Første', en: 'First' });
    expect(lib.nodes[1]).toStrictEqual({
      id: 'A.2',
      parent: 'A',
      title: { nb: 'To' },
      description: { nb: 'Beskrivelse' },
      assessable: true,
      order: 1,
    });
    expect(lib.mappingSets).toStrictEqual([]);
  });

  it('keeps "NO" as text when it is quoted, and normalises text to NFC', () => {
    const decomposed = 'Sto\u0308rre'; // "Större" with a combining diaeresis (NFD)
    const lib = parseFrameworkLibrary(
      vardeFile(`  - id: "no"\n    title: "NO"\n    description: "${decomposed}"\n    assessable: true\n`),
      'q.yaml',
    );
    expect(lib.nodes[0]?.id).toBe('no');
    expect(lib.nodes[0]?.title).toStrictEqual({ nb: 'NO' });
    expect(lib.nodes[0]?.description?.nb).toBe('Större'.normalize('NFC'));
  });

  it('accepts a UTF-8 byte order mark and CRLF line ends', () => {
    const text = `\uFEFF${vardeFile('  - id: "1"\n    title: En\n    assessable: true\n')}`.replace(/\n/g, '\r\n');
    expect(parseFrameworkLibrary(text, 'crlf.yaml').nodes).toHaveLength(1);
  });

  it('requires every localized text to have the library language', () => {
    const text = vardeFile('  - id: "1"\n    title: { en: Only English }\n    assessable: true\n');
    expect(problemsOf(() => parseFrameworkLibrary(text, 'lang.yaml'))).toContainEqual({
      place: `lang.yaml:${lineOf(text, 'Only English')}`,
      field: 'nodes[0].title',
      message: 'must have text in the library\'s language "nb"',
    });
  });

  it('rejects a mapping to a node the library does not have, and a mapping given twice', () => {
    const text = vardeFile(
      '  - id: "1"\n    title: En\n    assessable: true\n',
      `mappingSets:
  - id: urn:test:mapping:self
    name: Selv
    sourceFramework: urn:test:framework:sample
    targetFramework: urn:test:framework:other
    mappings:
      - { source: "1", target: "x", relationship: equal }
      - { source: "2", target: "x", relationship: subset }
      - { source: "1", target: "x", relationship: intersect }
`,
    );
    const problems = problemsOf(() => parseFrameworkLibrary(text, 'map.yaml'));
    expect(problems).toContainEqual({
      place: `map.yaml:${lineOf(text, 'source: "2"')}`,
      field: 'mappingSets[0].mappings[1].source',
      message: 'source "2" is not a node of this library',
    });
    expect(problems).toContainEqual(
      expect.objectContaining({
        place: `map.yaml:${lineOf(text, 'relationship: intersect')}`,
        message: expect.stringContaining('is mapped twice'),
      }),
    );
    expect(problems).toHaveLength(2);
  });
});

describe('serializeFrameworkLibrary', () => {
  const full: FrameworkLibrary = {
    library: {
      id: 'urn:test:framework:full',
      refId: 'FULL-1',
      name: { nb: 'Fullt', en: 'Full' },
      description: { nb: 'Alle felt' },
      version: 3,
      publisher: 'Varde tests',
      language: 'nb',
      publicationDate: '2024-03-31',
      source: {
        document: 'Doc',
        publisher: 'P',
        edition: '1.0',
        url: 'https://example.org/doc',
        section: '2',
        note: 'n',
      },
      licenseNote: 'CC BY 4.0',
    },
    scale: {
      levels: [
        { value: 0, name: { nb: 'Nei', en: 'No' } },
        { value: 1, name: { nb: 'Ja' }, description: { nb: 'yes' } },
      ],
    },
    implementationGroups: [{ id: 'small', name: { nb: 'Små', en: 'Small' }, description: { nb: 'Små virksomheter' } }],
    nodes: [
      { id: 'NO', title: { nb: 'NO', en: 'yes' }, assessable: false, order: 1, provisional: true },
      {
        id: '1.10',
        parent: 'NO',
        refId: 'off',
        title: { nb: 'true' },
        description: { nb: '2024-01-01' },
        annotation: { nb: 'Merknad', en: 'Note' },
        typicalEvidence: { nb: 'Bevis' },
        assessable: true,
        order: 1,
        implementationGroups: ['small'],
        guidance: [
          {
            kind: 'normen-factsheet',
            title: 'Faktaark 15',
            publisher: 'Normen',
            audience: 'municipalities',
            target: { framework: 'urn:test:framework:full', node: 'NO' },
            url: 'https://example.org/fa15',
          },
        ],
        source: { document: 'seed.txt', section: '3' },
      },
    ],
    mappingSets: [
      {
        id: 'urn:test:mapping:full-to-other',
        name: { nb: 'Til annet' },
        sourceFramework: 'urn:test:framework:full',
        targetFramework: 'urn:test:framework:other',
        mappings: [
          {
            source: '1.10',
            target: 'Y',
            relationship: 'superset',
            rationale: 'fordi',
            rationaleType: 'functional',
            strength: 7,
          },
        ],
      },
    ],
  };

  it('writes a file that parses back to an equal library, words YAML 1.1 would misread included', () => {
    const text = serializeFrameworkLibrary(full);
    expect(text).toContain('nb: "NO"');
    expect(parseFrameworkLibrary(text, 'full.yaml')).toStrictEqual(full);
  });
});
