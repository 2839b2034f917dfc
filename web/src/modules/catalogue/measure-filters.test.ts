import { describe, expect, it } from 'vitest';
import { activeFilterCount, filtersToParams, readFilters, withFilter } from './measure-filters.js';

describe('measure filters in the URL', () => {
  it('reads known filters and drops values that are not valid', () => {
    const filters = readFilters(
      new URLSearchParams('area=4&actor=helsecert&audience=nobody&kind=new&responsibility=maybe&q=  logg  &x=1'),
    );
    expect(filters).toEqual({ area: '4', actor: 'helsecert', kind: 'new', q: 'logg' });
  });

  it('writes filters in a stable order, so equal filters give equal URLs', () => {
    const a = filtersToParams({ q: 'logg', area: '4', actor: 'nhn' }).toString();
    const b = filtersToParams({ actor: 'nhn', area: '4', q: 'logg' }).toString();
    expect(a).toBe(b);
    expect(a).toBe('area=4&actor=nhn&q=logg');
  });

  it('sets and clears one filter, keeping the others', () => {
    const start = readFilters(new URLSearchParams('area=4&kind=new'));
    expect(withFilter(start, 'actor', 'nhn')).toEqual({ area: '4', actor: 'nhn', kind: 'new' });
    expect(withFilter(start, 'kind', undefined)).toEqual({ area: '4' });
    expect(withFilter(start, 'kind', '')).toEqual({ area: '4' });
  });

  it('counts the chosen facets, not the text search', () => {
    expect(activeFilterCount({ area: '1', q: 'logg' })).toBe(1);
    expect(activeFilterCount({})).toBe(0);
  });
});
