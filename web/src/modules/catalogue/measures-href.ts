/** Remembers the measures list's last filters, so "back to the list" from a measure returns to the same hits. */
let lastSearch = '';

export function rememberMeasuresSearch(query: string): void {
  lastSearch = query;
}

export function measuresListHref(): string {
  return lastSearch ? `/measures?${lastSearch}` : '/measures';
}
