/**
 * All measures, filtered by area, actor, audience, kind and responsibility and searched by text. The filters are
 * the URL's query, so reload and back keep them; the number of hits is announced politely as it changes.
 */
import { Button, Chip, Details, Field, Heading, Input, Label, Paragraph, Skeleton } from '@digdir/designsystemet-react';
import { useEffect, useId, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useApi } from '../../api/use-api.js';
import { useI18n } from '../../i18n/i18n.js';
import { ErrorAlert } from '../../shell/ErrorAlert.js';
import { PageHeader } from '../../shell/PageHeader.js';
import { useMediaQuery, wideScreen } from '../../shell/use-media-query.js';
import { cataloguePaths, type ActorList, type AreaList, type MeasureList } from './catalogue-api.js';
import { activeFilterCount, filtersToParams, readFilters, withFilter, type FilterName } from './measure-filters.js';
import { filterLabelKey, MeasureFiltersPanel, selectFilters, useFilterOptions } from './MeasureFiltersPanel.js';
import { MeasureResults } from './MeasureResults.js';
import { rememberMeasuresSearch } from './measures-href.js';

const searchDelayMs = 300;

export function MeasuresPage() {
  const { t, tn } = useI18n();
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => readFilters(params), [params]);
  const query = filtersToParams(filters).toString();
  const list = useApi<MeasureList>(cataloguePaths.measures(Object.fromEntries(filtersToParams(filters))));
  const all = useApi<MeasureList>(cataloguePaths.measures());
  const areas = useApi<AreaList>(cataloguePaths.areas());
  const actors = useApi<ActorList>(cataloguePaths.actors());
  const options = useFilterOptions(areas.data?.areas ?? [], actors.data?.actors ?? []);
  const wide = useMediaQuery(wideScreen);
  const searchId = useId();
  const [text, setText] = useState(filters.q ?? '');

  useEffect(() => rememberMeasuresSearch(query), [query]);
  // Follow the URL when it changes from outside (back, reset), without undoing a trailing space being typed.
  useEffect(
    () => setText((current) => (current.trim() === (filters.q ?? '') ? current : (filters.q ?? ''))),
    [filters.q],
  );

  const setFilter = (name: FilterName, value: string | undefined) => {
    setParams(filtersToParams(withFilter(filters, name, value)), { replace: true });
  };
  const reset = () => {
    setText('');
    setParams(new URLSearchParams(), { replace: true });
  };

  useEffect(() => {
    if (text.trim() === (filters.q ?? '')) return;
    const timer = setTimeout(() => setFilter('q', text), searchDelayMs);
    return () => clearTimeout(timer);
  });

  const total = all.data?.count;
  const shown = list.data?.measures ?? [];
  const active = selectFilters.filter((name) => filters[name]);
  const valueLabel = (name: (typeof selectFilters)[number]) =>
    options[name].find((o) => o.value === filters[name])?.label ?? filters[name] ?? '';
  const count = activeFilterCount(filters);

  const panel = (
    <MeasureFiltersPanel filters={filters} options={options} onChange={setFilter} onReset={reset} showHeading={wide} />
  );

  return (
    <div className="page">
      <PageHeader title={t('measures.title')} lead={t('measures.lead')} crumbs={[{ to: '/', label: t('nav.home') }]} />
      <div className="measures-layout">
        <aside className="measures-layout__filters" aria-label={t('filters.heading')}>
          {wide ? (
            panel
          ) : (
            <Details className="filters-disclosure">
              <Details.Summary>
                {count > 0 ? t('filters.toggleWithCount', { count }) : t('filters.toggle')}
              </Details.Summary>
              <Details.Content>{panel}</Details.Content>
            </Details>
          )}
        </aside>
        <section className="measures-layout__results" aria-labelledby={`${searchId}-results`}>
          <form role="search" className="measures-search" onSubmit={(event) => event.preventDefault()}>
            <Field>
              <Label htmlFor={searchId}>{t('filters.search')}</Label>
              <Field.Description>{t('filters.searchHelp')}</Field.Description>
              <Input
                id={searchId}
                type="search"
                name="q"
                value={text}
                onChange={(event) => setText(event.target.value)}
                autoComplete="off"
              />
            </Field>
          </form>
          <Heading level={2} id={`${searchId}-results`} className="visually-hidden">
            {t('measures.resultsHeading')}
          </Heading>
          <p role="status" className="measures-count" aria-busy={list.loading}>
            {list.data && total !== undefined
              ? shown.length === total
                ? tn('measures.countAll', total)
                : tn('measures.countShown', shown.length, { total })
              : ''}
          </p>
          {active.length > 0 ? (
            <ul className="active-filters" aria-label={t('filters.active')}>
              {active.map((name) => {
                const label = `${t(filterLabelKey(name))}: ${valueLabel(name)}`;
                return (
                  <li key={name}>
                    <Chip.Removable
                      onClick={() => setFilter(name, undefined)}
                      aria-label={t('filters.remove', { filter: label })}
                    >
                      {label}
                    </Chip.Removable>
                  </li>
                );
              })}
            </ul>
          ) : null}
          {list.error ? (
            <ErrorAlert error={list.error}>
              <Button variant="secondary" data-size="sm" onClick={reset}>
                {t('filters.reset')}
              </Button>
            </ErrorAlert>
          ) : !list.data ? (
            <div className="skeleton-stack" aria-hidden="true">
              {[1, 2, 3, 4, 5].map((n) => (
                <Skeleton key={n} variant="rectangle" height="3rem" />
              ))}
            </div>
          ) : shown.length === 0 ? (
            <div className="empty-state">
              <Paragraph>{t('measures.empty')}</Paragraph>
              <Button variant="secondary" onClick={reset}>
                {t('filters.reset')}
              </Button>
            </div>
          ) : (
            <MeasureResults measures={shown} />
          )}
        </section>
      </div>
    </div>
  );
}
