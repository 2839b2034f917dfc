/** The five areas of the national strategy, each with its goal and its measures, and a chart of the counts. */
import { Heading, Paragraph, Skeleton, Table } from '@digdir/designsystemet-react';
import { lazy, Suspense } from 'react';
import { useApi } from '../../api/use-api.js';
import { useI18n } from '../../i18n/i18n.js';
import { AppLink } from '../../shell/AppLink.js';
import { ErrorAlert } from '../../shell/ErrorAlert.js';
import { PageHeader } from '../../shell/PageHeader.js';
import { useScrollToHash } from '../../shell/use-scroll-to-hash.js';
import { countMeasuresByArea, type AreaCount } from './area-counts.js';
import { cataloguePaths, type AreaList, type MeasureList } from './catalogue-api.js';
import { KindTag, SourceNote } from './MeasureBits.js';
import { measureHref } from './MeasureResults.js';

const AreaChart = lazy(() => import('./AreaChart.js'));

function CountsTable({ counts }: { counts: readonly AreaCount[] }) {
  const { t } = useI18n();
  return (
    <Table border data-size="sm" data-color="neutral" className="counts-table">
      <caption>{t('areas.tableCaption')}</caption>
      <Table.Head>
        <Table.Row>
          <Table.HeaderCell scope="col">{t('measure.area')}</Table.HeaderCell>
          <Table.HeaderCell scope="col" className="numeric">
            {t('measure.kind.existing')}
          </Table.HeaderCell>
          <Table.HeaderCell scope="col" className="numeric">
            {t('measure.kind.new')}
          </Table.HeaderCell>
          <Table.HeaderCell scope="col" className="numeric">
            {t('areas.total')}
          </Table.HeaderCell>
        </Table.Row>
      </Table.Head>
      <Table.Body>
        {counts.map((c) => (
          <Table.Row key={c.id}>
            <Table.HeaderCell scope="row" lang="nb">
              {c.id} {c.name}
            </Table.HeaderCell>
            <Table.Cell className="numeric">{c.existing}</Table.Cell>
            <Table.Cell className="numeric">{c.new}</Table.Cell>
            <Table.Cell className="numeric">{c.existing + c.new}</Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  );
}

export function AreasPage() {
  const { t } = useI18n();
  const areas = useApi<AreaList>(cataloguePaths.areas());
  const measures = useApi<MeasureList>(cataloguePaths.measures());
  const error = areas.error ?? measures.error;
  useScrollToHash(Boolean(areas.data));
  const counts = areas.data && measures.data ? countMeasuresByArea(areas.data.areas, measures.data.measures) : null;
  const byId = new Map((measures.data?.measures ?? []).map((m) => [m.id, m]));
  const summary = counts
    ? t('areas.chartSummary', {
        parts: counts
          .map((c) => t('areas.chartSummaryPart', { id: c.id, existing: c.existing, new: c.new }))
          .join('; '),
      })
    : '';

  return (
    <div className="page">
      <PageHeader title={t('areas.title')} lead={t('areas.lead')} crumbs={[{ to: '/', label: t('nav.home') }]} />
      {error ? <ErrorAlert error={error} /> : null}
      <section className="chart-panel" aria-labelledby="areas-chart-heading">
        <Heading level={2} data-size="xs" id="areas-chart-heading">
          {t('areas.chartHeading')}
        </Heading>
        {counts ? (
          <div className="chart-panel__grid">
            <Suspense fallback={<Skeleton variant="rectangle" height="300px" />}>
              <AreaChart counts={counts} summary={summary} />
            </Suspense>
            <CountsTable counts={counts} />
          </div>
        ) : (
          <Skeleton variant="rectangle" height="300px" />
        )}
      </section>
      {areas.data?.areas.map((area) => (
        <section
          key={area.id}
          id={`area-${area.id}`}
          className="area-section"
          aria-labelledby={`area-${area.id}-heading`}
        >
          <Heading level={2} data-size="sm" id={`area-${area.id}-heading`} lang="nb">
            <span className="area-section__number">{area.id}</span> {area.name}
          </Heading>
          <Heading level={3} data-size="2xs" className="area-section__label">
            {t('areas.goal')}
          </Heading>
          <Paragraph lang="nb" className="area-section__goal">
            {area.goal}
          </Paragraph>
          <Heading level={3} data-size="2xs" className="area-section__label">
            {t('areas.measuresHeading', { count: area.measureIds.length })}
          </Heading>
          {area.measureIds.length === 0 ? <Paragraph className="muted">{t('areas.noMeasures')}</Paragraph> : null}
          <ul className="area-measures">
            {area.measureIds.map((id) => {
              const measure = byId.get(id);
              return (
                <li key={id}>
                  <span className="area-measures__id">{id}</span>
                  <AppLink to={measureHref(id)} lang="nb">
                    {measure?.title ?? id}
                  </AppLink>
                  {measure ? <KindTag kind={measure.kind} /> : null}
                </li>
              );
            })}
          </ul>
          {area.measureIds.length > 0 ? (
            <p className="area-section__more">
              <AppLink to={`/measures?area=${encodeURIComponent(area.id)}`}>{t('areas.showInList')}</AppLink>
            </p>
          ) : null}
          <SourceNote source={area.source} />
        </section>
      ))}
    </div>
  );
}
