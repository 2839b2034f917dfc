import { mkdtemp, readFile, writeFile, cp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { fromCisoAssistantYaml } from './ciso-assistant-import.js';
import { toCisoAssistantYaml } from './ciso-assistant-export.js';
import { loadShippedFrameworks, shippedFrameworksDir } from './load-shipped-frameworks.js';
import { parseFrameworkLibrary } from './parse-framework-library.js';
import { serializeFrameworkLibrary } from './serialize-framework-library.js';
import { problemsOf } from './test-helpers.js';
import type { FrameworkLibrary } from './types.js';

let libraries: FrameworkLibrary[];
const byId = (id: string): FrameworkLibrary => {
  const lib = libraries.find((l) => l.library.id === id);
  if (!lib) throw new Error(`library ${id} not shipped`);
  return lib;
};

beforeAll(async () => {
  libraries = await loadShippedFrameworks();
});

describe('shipped framework libraries', () => {
  it('all load, with their references resolved', () => {
    expect(libraries.map((l) => l.library.id).sort()).toStrictEqual([
      'urn:varde:framework:grunnleggende-tiltak-v0.7',
      'urn:varde:framework:normen-6.0',
      'urn:varde:framework:nsm-grunnprinsipper-2.1',
      'urn:varde:library:mapping-grunnleggende-tiltak-v0.7-to-nsm-grunnprinsipper-2.1',
    ]);
  });

  it('NSM Grunnprinsipper 2.1 has 4 categories and 21 principles; principles are assessable, categories are not', () => {
    const nsm = byId('urn:varde:framework:nsm-grunnprinsipper-2.1');
    const categories = nsm.nodes.filter((n) => n.parent === undefined);
    const principles = nsm.nodes.filter((n) => n.parent !== undefined);
    expect(categories.map((n) => n.id)).toStrictEqual(['1', '2', '3', '4']);
    expect(principles).toHaveLength(21);
    expect(categories.map((c) => principles.filter((p) => p.parent === c.id).length)).toStrictEqual([3, 10, 4, 4]);
    expect(categories.every((n) => !n.assessable)).toBe(true);
    expect(principles.every((n) => n.assessable)).toBe(true);
    expect(nsm.nodes.every((n) => n.title?.nb && n.title.en && n.description?.nb && n.description.en && n.source)).toBe(
      true,
    );
    expect(nsm.nodes.find((n) => n.id === '2.10')?.title?.nb).toBe(
      'Integrer sikkerhet i prosess for endringshåndtering',
    );
    expect(nsm.scale?.levels.map((l) => l.value)).toStrictEqual([0, 1, 2, 3, 4, 5]);
  });

  it("the 10 basic measures match the catalogue's ids and titles", async () => {
    const basic = byId('urn:varde:framework:grunnleggende-tiltak-v0.7');
    const catalogue = parse(
      await readFile(new URL('../../../data/catalogue/editions/v0.7/basic-measures.yaml', import.meta.url), 'utf8'),
    ) as {
      basicMeasures: { id: string; title: string }[];
    };
    expect(basic.nodes.map((n) => [n.id, n.title?.nb])).toStrictEqual(
      catalogue.basicMeasures.map((m) => [m.id, m.title]),
    );
    expect(basic.nodes.every((n) => n.assessable && n.source?.document === '004_d10711c7d8f82a89.txt')).toBe(true);
  });

  it('Normen lists only sourced chapters, their titles marked provisional', () => {
    const normen = byId('urn:varde:framework:normen-6.0');
    const chapters = normen.nodes.filter((n) => /^\d/.test(n.id));
    expect(chapters.map((n) => n.id)).toStrictEqual([
      '2',
      '3',
      '3.3',
      '3.4',
      '3.5',
      '5',
      '5.1',
      '5.2',
      '5.3',
      '5.4',
      '5.5',
      '5.7',
      '5.8',
      '5.9',
    ]);
    expect(chapters.every((n) => n.provisional === true && n.title?.nb === `Kapittel ${n.id}`)).toBe(true);
    expect(normen.nodes.filter((n) => n.parent === 'faktaark').map((n) => n.refId)).toContain('Faktaark 15');
  });

  it('maps every basic measure to at least one NSM principle, and leaves exactly the principles it says uncovered', () => {
    const [set] = byId('urn:varde:library:mapping-grunnleggende-tiltak-v0.7-to-nsm-grunnprinsipper-2.1').mappingSets;
    const basic = byId('urn:varde:framework:grunnleggende-tiltak-v0.7');
    const nsm = byId('urn:varde:framework:nsm-grunnprinsipper-2.1');
    expect(new Set(set?.mappings.map((m) => m.source))).toStrictEqual(new Set(basic.nodes.map((n) => n.id)));
    expect(set?.mappings.every((m) => m.rationale && m.rationaleType === 'semantic')).toBe(true);
    const covered = new Set(set?.mappings.map((m) => m.target));
    const uncovered = nsm.nodes.filter((n) => n.assessable && !covered.has(n.id)).map((n) => n.id);
    expect(uncovered).toStrictEqual(['2.7', '2.10', '3.1', '3.2', '3.3', '3.4']);
    expect(set?.description?.nb).toContain('Prinsipp 2.7, 2.10 og 3.1–3.4 har ingen motpart');
  });

  it('every shipped library re-imports identically from its own format and from CISO Assistant YAML', () => {
    for (const lib of libraries) {
      expect(parseFrameworkLibrary(serializeFrameworkLibrary(lib), 'varde.yaml')).toStrictEqual(lib);
      expect(fromCisoAssistantYaml(toCisoAssistantYaml(lib), 'ciso.yaml')).toStrictEqual(lib);
    }
  });

  it('refuses to load when a mapping points at a node that does not exist', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'varde-frameworks-'));
    await cp(shippedFrameworksDir, dir, { recursive: true });
    const file = join(dir, 'mapping-grunnleggende-tiltak-to-nsm.yaml');
    await writeFile(file, (await readFile(file, 'utf8')).replace('target: "2.8"', 'target: "2.99"'));
    const problems = await loadShippedFrameworks(dir).then(
      () => [],
      (error: unknown) =>
        problemsOf(() => {
          throw error;
        }),
    );
    expect(problems).toStrictEqual([
      {
        place: 'mapping-grunnleggende-tiltak-to-nsm.yaml',
        field: 'mappingSets[0].mappings[14].target',
        message: 'target node "2.99" does not exist in urn:varde:framework:nsm-grunnprinsipper-2.1',
      },
    ]);
  });
});
