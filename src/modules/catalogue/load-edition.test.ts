import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.js';
import { editionFiles, parseEdition, shippedEditionsDir } from './load-edition.js';

async function shippedFiles(): Promise<Record<(typeof editionFiles)[number], string>> {
  const files = {} as Record<(typeof editionFiles)[number], string>;
  for (const name of editionFiles) files[name] = await fs.readFile(path.join(shippedEditionsDir, 'v0.7', name), 'utf8');
  return files;
}

function refusal(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected the edition to be refused');
}

describe('the shipped edition v0.7', () => {
  it('holds the 37 measures of Tiltaksoversikt v0.7 in the seed order, in 5 areas', async () => {
    const { content } = parseEdition(await shippedFiles(), 'v0.7');
    const ids = content.measures.map((m) => m.id);
    const expected = [
      ...Array.from({ length: 16 }, (_, i) => `1.${i + 1}`),
      ...Array.from({ length: 8 }, (_, i) => `2.${i + 1}`),
      ...Array.from({ length: 6 }, (_, i) => `3.${i + 1}`),
      ...Array.from({ length: 7 }, (_, i) => `4.${i + 1}`),
    ];
    expect(ids).toEqual(expected);
    expect(content.areas.map((a) => a.id)).toEqual(['1', '2', '3', '4', '5']);
    expect(content.strategy.strategicAreas).toHaveLength(6);
    expect(content.basic.basicMeasures.map((b) => b.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('marks 1.10, 3.1 and 4.7 as unplaced ("Avklares") and no other', async () => {
    const { content } = parseEdition(await shippedFiles(), 'v0.7');
    expect(content.measures.filter((m) => m.responsible.status === 'unplaced').map((m) => m.id)).toEqual([
      '1.10',
      '3.1',
      '4.7',
    ]);
  });

  it('tells existing measures from new ones as the seed does', async () => {
    const { content } = parseEdition(await shippedFiles(), 'v0.7');
    const existing = content.measures.filter((m) => m.kind === 'existing').map((m) => m.id);
    expect(existing).toEqual(['1.1', '1.5', '1.9', '1.13', '1.14', '1.15', '2.1', '2.2', '3.5', '3.6', '4.1']);
  });

  it('cites a seed file and section for every item', async () => {
    const { content } = parseEdition(await shippedFiles(), 'v0.7');
    const sources = [
      ...content.measures,
      ...content.areas,
      ...content.actors,
      ...content.strategy.strategicAreas,
      ...content.basic.basicMeasures,
    ].map((item) => item.source);
    const seeds = await fs.readdir(path.resolve(shippedEditionsDir, '../../../../shared/seeds')).catch(() => null);
    for (const source of sources) {
      expect(source.section.length).toBeGreaterThan(0);
      if (seeds) expect(seeds).toContain(source.file);
    }
  });
});

describe('a bad edition is refused with file, line and field', () => {
  it('names the duplicate measure id and where it stands', async () => {
    const files = await shippedFiles();
    files['measures.yaml'] = files['measures.yaml'].replace('- id: "1.11"', '- id: "1.10"');
    const error = refusal(() => parseEdition(files, 'v0.7'));
    expect(error.code).toBe('EDITION_INVALID');
    const detail = error.details.find((d) => d.message.includes('duplicate id "1.10"'));
    expect(detail?.field).toBe('measures[10].id');
    expect(detail?.place).toMatch(/^v0\.7\/measures\.yaml:\d+$/);
  });

  it('names the line of a syntax error in a corrupted file', async () => {
    const files = await shippedFiles();
    const lines = files['areas.yaml'].split('\n');
    lines.splice(5, 0, '  - id: "9"\n    name: [unclosed');
    files['areas.yaml'] = lines.join('\n');
    const error = refusal(() => parseEdition(files, 'v0.7'));
    expect(error.details[0]?.place).toMatch(/^v0\.7\/areas\.yaml:\d+$/);
  });

  it('refuses an unknown actor, a wrong kind and a measure in the wrong area', async () => {
    const files = await shippedFiles();
    files['measures.yaml'] = files['measures.yaml']
      .replace('actors: [helsetilsynet]', 'actors: [tilsynet-som-ikke-finnes]')
      .replace(/kind: new/, 'kind: brand-new');
    const error = refusal(() => parseEdition(files, 'v0.7'));
    const messages = error.details.map((d) => `${d.field}: ${d.message}`);
    expect(messages.some((m) => m.includes('actor "tilsynet-som-ikke-finnes" is not in actors.yaml'))).toBe(true);
    expect(messages.some((m) => m.includes('must be one of existing, new; got "brand-new"'))).toBe(true);
  });

  it('refuses text fields that YAML reads as something else, and prototype keys', async () => {
    const files = await shippedFiles();
    files['actors.yaml'] = files['actors.yaml'].replace('shortName: "HOD"', 'shortName: 1.10');
    const error = refusal(() => parseEdition(files, 'v0.7'));
    expect(error.details.find((d) => d.field === 'actors[0].shortName')?.message).toMatch(/must be text, got number/);

    const polluted = await shippedFiles();
    polluted['edition.yaml'] = `${polluted['edition.yaml']}\n__proto__: { polluted: true }\n`;
    const protoError = refusal(() => parseEdition(polluted, 'v0.7'));
    expect(protoError.details[0]?.message).toMatch(/__proto__/);
  });
});
