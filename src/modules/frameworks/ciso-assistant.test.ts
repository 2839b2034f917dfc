import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { fromCisoAssistantYaml } from './ciso-assistant-import.js';
import { toCisoAssistantYaml } from './ciso-assistant-export.js';
import { lineOf, problemsOf } from './test-helpers.js';
import type { FrameworkLibrary } from './types.js';

const fixture = (name: string): string => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

describe('CISO Assistant import', () => {
  it("imports a framework file from CISO Assistant's public library (NIST CSF 2.0 excerpt)", () => {
    const lib = fromCisoAssistantYaml(fixture('ciso-nist-csf-2.0-excerpt.yaml'), 'nist.yaml');
    expect(lib.library).toStrictEqual({
      id: 'urn:intuitem:framework:nist-csf-2.0',
      refId: 'NIST-CSF-2.0',
      name: { en: 'NIST CSF version 2.0', fr: 'NIST CSF version 2.0' },
      description: {
        en: 'National Institute of Standards and Technology - Cybersecurity Framework (CSF 2.0)',
        fr: 'National Institute of Standards and Technology - Cybersecurity Framework (CSF 2.0)',
      },
      version: 6,
      publisher: 'NIST',
      language: 'en',
      publicationDate: '2025-07-09',
      licenseNote:
        'With the exception of material marked as copyrighted, information presented on NIST sites are considered public information and may be distributed or copied.',
    });
    expect(lib.nodes.map((n) => [n.id, n.parent, n.refId, n.assessable, n.order])).toStrictEqual([
      ['gv', undefined, 'GV', false, 1],
      ['gv.oc', 'gv', 'GV.OC', false, 1],
      ['gv.oc-01', 'gv.oc', 'GV.OC-01', true, 1],
      ['gv.oc-02', 'gv.oc', 'GV.OC-02', true, 2],
    ]);
    expect(lib.nodes[0]?.title).toStrictEqual({ en: 'GOVERN', fr: 'GOUVERNER' });
    expect(lib.nodes[2]?.title).toBeUndefined();
    expect(lib.nodes[2]?.annotation?.en).toMatch(/^1st: 1st Party Risk\nEx1: Share the organization's mission/);
    expect(lib.scale?.levels.map((l) => [l.value, l.name.en])).toStrictEqual([
      [1, 'Partial'],
      [2, 'Risk informed'],
      [3, 'Repeatable'],
      [4, 'Adaptive'],
    ]);
    expect(lib.scale?.levels[0]?.name.fr).toBe('Partiel');
    expect(lib.mappingSets).toStrictEqual([]);
  });

  it('imports a mapping library with forward and reverse sets', () => {
    const lib = fromCisoAssistantYaml(fixture('ciso-mapping-example.yaml'), 'map.yaml');
    expect(lib.library.id).toBe('urn:intuitem:library:mapping-nist-csf-2.0-to-example');
    expect(lib.nodes).toStrictEqual([]);
    expect(lib.mappingSets.map((s) => [s.id, s.sourceFramework, s.targetFramework])).toStrictEqual([
      [
        'urn:intuitem:mapping:nist-csf-2.0-to-example',
        'urn:intuitem:framework:nist-csf-2.0',
        'urn:intuitem:framework:example',
      ],
      [
        'urn:intuitem:mapping:nist-csf-2.0-to-example-revert',
        'urn:intuitem:framework:example',
        'urn:intuitem:framework:nist-csf-2.0',
      ],
    ]);
    expect(lib.mappingSets[0]?.mappings).toStrictEqual([
      { source: 'gv.oc-01', target: 'gov.1', relationship: 'subset', rationaleType: 'semantic' },
      {
        source: 'gv.oc-02',
        target: 'gov.1',
        relationship: 'intersect',
        rationale: 'Both ask for knowing the stakeholders',
        strength: 5,
      },
    ]);
  });

  it('reads the older single `requirement_mapping_set` form', () => {
    const text = `urn: urn:intuitem:test:library:map-a-b
locale: en
ref_id: map-a-b
name: A to B
version: 1
provider: Test
objects:
  requirement_mapping_set:
    urn: urn:intuitem:test:requirement_mapping_set:a-to-b
    name: A to B
    source_framework_urn: urn:intuitem:risk:framework:a
    target_framework_urn: urn:intuitem:risk:framework:b
    requirement_mappings:
    - source_requirement_urn: urn:intuitem:risk:req_node:a:x.1
      target_requirement_urn: urn:intuitem:risk:req_node:b:y
      relationship: intersect
      rationale: semantic
      annotation: ''
`;
    const lib = fromCisoAssistantYaml(text, 'legacy.yaml');
    expect(lib.mappingSets).toStrictEqual([
      {
        id: 'urn:intuitem:mapping:a-to-b',
        name: { en: 'A to B' },
        sourceFramework: 'urn:intuitem:framework:a',
        targetFramework: 'urn:intuitem:framework:b',
        mappings: [{ source: 'x.1', target: 'y', relationship: 'intersect', rationaleType: 'semantic' }],
      },
    ]);
  });

  it('refuses a broken tree, naming the CISO field and line', () => {
    const text = fixture('ciso-nist-csf-2.0-excerpt.yaml')
      .replace(
        'parent_urn: urn:intuitem:risk:req_node:nist-csf-2.0:gv\n',
        'parent_urn: urn:intuitem:risk:req_node:nist-csf-2.0:gx\n',
      )
      .replace(
        'urn: urn:intuitem:risk:req_node:nist-csf-2.0:gv.oc-02',
        'urn: urn:intuitem:risk:req_node:nist-csf-2.0:GV.OC-01',
      );
    const problems = problemsOf(() => fromCisoAssistantYaml(text, 'nist.yaml'));
    expect(problems).toContainEqual({
      place: `nist.yaml:${lineOf(text, 'nist-csf-2.0:gx')}`,
      field: 'objects.framework.requirement_nodes[1].parent_urn',
      message: 'parent "gx" does not exist in this library',
    });
    expect(problems).toContainEqual(
      expect.objectContaining({
        place: `nist.yaml:${lineOf(text, 'nist-csf-2.0:GV.OC-01')}`,
        field: 'objects.framework.requirement_nodes[3].urn',
        message: expect.stringContaining('differs from "gv.oc-01" only by case'),
      }),
    );
  });

  it('refuses URNs that are not CISO requirement node URNs, and unquoted YAML 1.1 booleans', () => {
    const text = fixture('ciso-nist-csf-2.0-excerpt.yaml')
      .replace('urn: urn:intuitem:risk:req_node:nist-csf-2.0:gv.oc-01', 'urn: urn:intuitem:risk:threat:oops')
      .replace('name: Repeatable', 'name: off');
    const problems = problemsOf(() => fromCisoAssistantYaml(text, 'nist.yaml'));
    expect(problems).toStrictEqual([
      expect.objectContaining({
        place: `nist.yaml:${lineOf(text, 'name: off')}`,
        field: 'objects.framework.scores_definition[2].name',
        message: expect.stringContaining('"off" is read as a boolean by YAML 1.1 tools'),
      }),
    ]);
    const urnProblems = problemsOf(() =>
      fromCisoAssistantYaml(text.replace('name: off', 'name: Repeatable'), 'nist.yaml'),
    );
    expect(urnProblems).toContainEqual({
      place: `nist.yaml:${lineOf(text, 'risk:threat:oops')}`,
      field: 'objects.framework.requirement_nodes[2].urn',
      message:
        '"urn:intuitem:risk:threat:oops" is not a requirement node URN (urn:<packager>:risk:req_node:<framework>:<id>)',
    });
  });
});

describe('CISO Assistant export', () => {
  const lib: FrameworkLibrary = {
    library: {
      id: 'urn:varde:framework:sample-2.0',
      name: { nb: 'Eksempel', en: 'Sample' },
      description: { nb: 'Beskrivelse' },
      version: 2,
      publisher: 'Varde tests',
      language: 'nb',
      publicationDate: '2025-02-01',
      source: { document: 'seed.txt', section: '3' },
      licenseNote: 'MIT',
    },
    scale: {
      levels: [
        { value: 0, name: { nb: 'Nei', en: 'No' } },
        { value: 1, name: { nb: 'Ja', en: 'Yes' }, description: { nb: 'Fullt' } },
      ],
    },
    implementationGroups: [{ id: 'IG1', name: { nb: 'Små' } }],
    nodes: [
      { id: '1', title: { nb: 'Kategori', en: 'Category' }, assessable: false, order: 1 },
      {
        id: '1.10',
        parent: '1',
        refId: 'NO',
        title: { nb: 'off' },
        description: { nb: 'Tekst', en: 'Text' },
        annotation: { nb: 'Merknad' },
        typicalEvidence: { nb: 'Logg' },
        assessable: true,
        order: 1,
        implementationGroups: ['IG1'],
        provisional: true,
        guidance: [{ kind: 'guide', title: 'Veileder', publisher: 'Digdir', audience: 'municipalities' }],
        source: { document: 'seed.txt', section: '3 tiltak 1' },
      },
      { id: 'Gx(a)', parent: '1', description: { nb: 'Bare beskrivelse' }, assessable: true, order: 2 },
    ],
    mappingSets: [
      {
        id: 'urn:varde:mapping:sample-to-nsm',
        name: { nb: 'Til NSM' },
        description: { nb: 'Analyse', en: 'Analysis' },
        sourceFramework: 'urn:varde:framework:sample-2.0',
        targetFramework: 'urn:varde:framework:nsm-grunnprinsipper-2.1',
        mappings: [
          {
            source: '1.10',
            target: '2.3',
            relationship: 'subset',
            rationale: 'Fordi',
            rationaleType: 'semantic',
            strength: 3,
          },
          { source: 'Gx(a)', target: '2.3', relationship: 'not_related' },
        ],
      },
    ],
  };

  it("writes CISO Assistant's keys and URNs", () => {
    const doc = parse(toCisoAssistantYaml(lib), { version: '1.1' }) as Record<string, any>;
    expect(doc).toMatchObject({
      urn: 'urn:varde:risk:library:sample-2.0',
      locale: 'nb',
      ref_id: 'sample-2.0',
      name: 'Eksempel',
      version: 2,
      provider: 'Varde tests',
      packager: 'varde',
      copyright: 'MIT',
      dependencies: ['urn:varde:risk:library:nsm-grunnprinsipper-2.1'],
      translations: { en: { name: 'Sample' } },
    });
    const framework = doc.objects.framework;
    expect(framework).toMatchObject({ urn: 'urn:varde:risk:framework:sample-2.0', min_score: 0, max_score: 1 });
    expect(framework.scores_definition[1]).toStrictEqual({
      score: 1,
      name: 'Ja',
      description: 'Fullt',
      translations: { en: { name: 'Yes' } },
    });
    // Read as YAML 1.1 (as PyYAML does): the ref_id "NO" and the title "off" must stay text.
    expect(framework.requirement_nodes[1]).toMatchObject({
      urn: 'urn:varde:risk:req_node:sample-2.0:1.10',
      assessable: true,
      depth: 2,
      parent_urn: 'urn:varde:risk:req_node:sample-2.0:1',
      ref_id: 'NO',
      name: 'off',
      implementation_groups: ['IG1'],
      translations: { en: { description: 'Text' } },
    });
    expect(doc.objects.requirement_mapping_sets[0].requirement_mappings[0]).toStrictEqual({
      source_requirement_urn: 'urn:varde:risk:req_node:sample-2.0:1.10',
      target_requirement_urn: 'urn:varde:risk:req_node:nsm-grunnprinsipper-2.1:2.3',
      relationship: 'subset',
      rationale: 'semantic',
      strength_of_relationship: 3,
      annotation: 'Fordi',
    });
  });

  it('round-trips: export then import gives the same library', () => {
    expect(fromCisoAssistantYaml(toCisoAssistantYaml(lib), 'sample.yaml')).toStrictEqual(lib);
  });

  it('round-trips a CISO file: import, export, import gives the same library', () => {
    for (const name of ['ciso-nist-csf-2.0-excerpt.yaml', 'ciso-mapping-example.yaml']) {
      const first = fromCisoAssistantYaml(fixture(name), name);
      expect(fromCisoAssistantYaml(toCisoAssistantYaml(first), name)).toStrictEqual(first);
    }
  });
});
