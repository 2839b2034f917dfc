import { describe, expect, it } from 'vitest';
import { ancestorIds, checkPlacement, descendantIds } from './organisation-tree.js';

const tree = [
  { id: 'sector', parentId: null },
  { id: 'type-hf', parentId: 'sector' },
  { id: 'hf-a', parentId: 'type-hf' },
  { id: 'hf-a-unit', parentId: 'hf-a' },
  { id: 'hf-a-subunit', parentId: 'hf-a-unit' },
  { id: 'hf-b', parentId: 'type-hf' },
];

describe('organisation tree', () => {
  it('gives an organisation and everything below it as its scope', () => {
    expect(descendantIds(tree, 'hf-a').sort()).toEqual(['hf-a', 'hf-a-subunit', 'hf-a-unit']);
    expect(descendantIds(tree, 'hf-b')).toEqual(['hf-b']);
  });

  it('survives a cycle in bad data', () => {
    expect(
      descendantIds(
        [
          { id: 'x', parentId: 'y' },
          { id: 'y', parentId: 'x' },
        ],
        'x',
      ).sort(),
    ).toEqual(['x', 'y']);
    expect(
      ancestorIds(
        [
          { id: 'x', parentId: 'y' },
          { id: 'y', parentId: 'x' },
        ],
        'x',
      ),
    ).toEqual(['y', 'x']);
  });

  it('lists the path up to the sector', () => {
    expect(ancestorIds(tree, 'hf-a-subunit')).toEqual(['hf-a-unit', 'hf-a', 'type-hf', 'sector']);
  });

  it('checks levels, types and organisation numbers, naming the field', () => {
    const typeNode = { id: 'type-hf', level: 'type' as const, organisationType: 'hospital-trust' as const };
    expect(
      checkPlacement({
        level: 'enterprise',
        parent: typeNode,
        organisationType: 'hospital-trust',
        orgNumber: '994598759',
      }),
    ).toEqual([]);
    expect(
      checkPlacement({ level: 'enterprise', parent: typeNode, organisationType: 'hospital-trust', orgNumber: null }),
    ).toEqual([{ field: 'orgNumber', message: 'an enterprise has an organisation number' }]);
    expect(
      checkPlacement({
        level: 'enterprise',
        parent: typeNode,
        organisationType: 'hospital-trust',
        orgNumber: '994598758',
      })[0],
    ).toMatchObject({ field: 'orgNumber' });
    expect(
      checkPlacement({ level: 'enterprise', parent: null, organisationType: null, orgNumber: '994598759' })[0],
    ).toMatchObject({ field: 'parentId' });
    expect(
      checkPlacement({ level: 'unit', parent: typeNode, organisationType: null, orgNumber: null })[0]?.message,
    ).toMatch(/under enterprise or unit/);
    expect(
      checkPlacement({
        level: 'enterprise',
        parent: typeNode,
        organisationType: 'pharmacy',
        orgNumber: '994598759',
      })[0],
    ).toMatchObject({ field: 'organisationType' });
  });
});
