import { describe, expect, it } from 'vitest';
import { atBudget, aucPr, aucRoc, recallPerScenario } from './metrics.js';

const items = (pairs: [number, boolean][]) => pairs.map(([score, positive]) => ({ score, positive }));

describe('aucRoc', () => {
  it('is 1 for a perfect ranking and 0 for a reversed one', () => {
    expect(
      aucRoc(
        items([
          [0.9, true],
          [0.8, true],
          [0.2, false],
          [0.1, false],
        ]),
      ),
    ).toBe(1);
    expect(
      aucRoc(
        items([
          [0.1, true],
          [0.2, true],
          [0.8, false],
          [0.9, false],
        ]),
      ),
    ).toBe(0);
  });
  it('counts ties as half', () => {
    expect(
      aucRoc(
        items([
          [0.5, true],
          [0.5, false],
        ]),
      ),
    ).toBe(0.5);
    // one positive above both negatives, one tied with one negative: (1 + 1 + 0.5 + 1) / 4
    expect(
      aucRoc(
        items([
          [0.9, true],
          [0.5, true],
          [0.5, false],
          [0.1, false],
        ]),
      ),
    ).toBe(0.875);
  });
  it('is undefined without both classes', () => {
    expect(aucRoc(items([[0.5, true]]))).toBeNaN();
  });
});

describe('aucPr', () => {
  it('averages the precision at each positive', () => {
    // ranks: P N P  -> precisions 1 and 2/3
    expect(
      aucPr(
        items([
          [0.9, true],
          [0.8, false],
          [0.7, true],
        ]),
      ),
    ).toBeCloseTo((1 + 2 / 3) / 2, 10);
  });
  it('does not depend on the order of tied scores', () => {
    const a = aucPr(
      items([
        [0.5, true],
        [0.5, false],
        [0.1, true],
      ]),
    );
    const b = aucPr(
      items([
        [0.5, false],
        [0.5, true],
        [0.1, true],
      ]),
    );
    expect(a).toBe(b);
    expect(a).toBeCloseTo((0.5 + 2 / 3) / 2, 10);
  });
});

describe('atBudget and recallPerScenario', () => {
  const ranking = ['a', 'b', 'c', 'd'];
  const positives = new Set(['a', 'c', 'x']);
  it('measures recall and precision within the budget', () => {
    expect(atBudget(ranking, positives, 2)).toEqual({
      budget: 2,
      flagged: 2,
      truePositives: 1,
      recall: 1 / 3,
      precision: 0.5,
    });
    expect(atBudget(ranking, positives, 10).truePositives).toBe(2);
  });
  it('splits recall per scenario', () => {
    const scenarios = new Map([
      ['a', ['family']],
      ['c', ['vip']],
      ['x', ['vip']],
    ]);
    expect(recallPerScenario(ranking, scenarios, 3)).toEqual({
      family: { total: 1, found: 1, recall: 1 },
      vip: { total: 2, found: 1, recall: 0.5 },
    });
  });
});
