/**
 * The ministry reader's status dashboard, from published sector reports: status by area and by actor in the latest
 * published year, the trend over the years, the gap, the published reports to download, and how far the open
 * cycle has come. Every chart has a table with the same numbers.
 */
import { Card, Heading, Paragraph, Skeleton } from '@digdir/designsystemet-react';
import { lazy, Suspense } from 'react';
import { useI18n } from '../../i18n/i18n.js';
import { AppLink } from '../../shell/AppLink.js';
import { ErrorAlert } from '../../shell/ErrorAlert.js';
import { PageHeader } from '../../shell/PageHeader.js';
import { formatShare } from './labels.js';
import { reportingPaths, type DashboardView } from './reporting-api.js';
import { groupRows, StatusPanel, StatusTable } from './StatusTables.js';
import { useFresh } from './use-reporting.js';

const TrendChart = lazy(() => import('./TrendChart.js'));
const areaColours = ['#1e3a5f', '#2e7d4f', '#a15c00', '#6a3d9a', '#b3261e'];

function Figures({ data }: { data: DashboardView }) {
  const { t, locale } = useI18n();
  const latest = data.latest;
  const point = data.trend.at(-1);
  if (!latest) return null;
  const items = [
    {
      value: `${latest.totals.approved} / ${latest.totals.expected}`,
      label: t('reporting.dashboard.figApproved', { year: latest.year }),
    },
    { value: formatShare(point?.inPlaceShare ?? null, locale), label: t('reporting.dashboard.figInPlace') },
    { value: String(latest.changes.improved ?? 0), label: t('reporting.dashboard.figImproved') },
    { value: String(latest.totals.unplaced), label: t('reporting.dashboard.figGap') },
  ];
  return (
    <ul className="rep-figures">
      {items.map((item) => (
        <li key={item.label}>
          <span className="rep-figures__value">{item.value}</span>
          <span className="rep-figures__label">{item.label}</span>
        </li>
      ))}
    </ul>
  );
}

export function DashboardPage() {
  const { t, locale, formatDate } = useI18n();
  const dashboard = useFresh<DashboardView>(reportingPaths.dashboard());
  const data = dashboard.data;
  const latest = data?.latest;
  const trendSeries = data
    ? [
        {
          key: 'all',
          name: t('reporting.dashboard.allMeasures'),
          colour: '#111111',
          points: data.trend.map((p) => ({ year: p.year, value: p.inPlaceShare })),
        },
        ...data.areaTrend
          .filter((a) => a.points.some((p) => p.inPlaceShare !== null))
          .map((a, i) => ({
            key: `area${a.id}`,
            name: `${a.id} ${a.name}`,
            colour: areaColours[i % areaColours.length] ?? '#555',
            points: a.points.map((p) => ({ year: p.year, value: p.inPlaceShare })),
          })),
      ]
    : [];
  const trendSummary = t('reporting.chart.trendSummary', {
    parts: (data?.trend ?? []).map((p) => `${p.year}: ${formatShare(p.inPlaceShare, locale)}`).join('; '),
  });
  return (
    <div className="page">
      <PageHeader
        title={t('reporting.dashboard.title')}
        lead={latest ? t('reporting.dashboard.lead', { year: latest.year }) : t('reporting.dashboard.leadEmpty')}
        crumbs={[
          { to: '/', label: t('nav.home') },
          { to: '/reporting', label: t('reporting.home.title') },
        ]}
      />
      {dashboard.error ? <ErrorAlert error={dashboard.error} /> : null}
      {!data && !dashboard.error ? <Skeleton variant="rectangle" height="320px" /> : null}
      {data ? <Figures data={data} /> : null}
      {data && data.openCycles.length > 0 ? (
        <section className="rep-section" aria-labelledby="open-heading">
          <Heading level={2} data-size="sm" id="open-heading">
            {t('reporting.dashboard.openHeading')}
          </Heading>
          {data.openCycles.map((c) => (
            <Paragraph key={c.id}>
              {t('reporting.dashboard.openText', {
                year: c.year,
                date: formatDate(c.dueDate),
                approved: c.counts.approved,
                submitted: c.counts.submitted,
                total: c.total,
              })}
            </Paragraph>
          ))}
        </section>
      ) : null}
      {latest ? (
        <>
          <section className="rep-section" aria-labelledby="area-heading">
            <Heading level={2} data-size="sm" id="area-heading">
              {t('reporting.dashboard.byArea', { year: latest.year })}
            </Heading>
            <StatusPanel
              caption={t('reporting.dashboard.byAreaCaption', { year: latest.year })}
              rowHeader={t('reporting.table.area')}
              rows={groupRows(latest.byArea, (g) => `${g.id} ${g.name}`)}
              labelWidth={200}
            />
          </section>
          <section className="rep-section" aria-labelledby="trend-heading">
            <Heading level={2} data-size="sm" id="trend-heading">
              {t('reporting.dashboard.trend')}
            </Heading>
            <div className="rep-panel">
              <Suspense fallback={<Skeleton variant="rectangle" height="300px" />}>
                <TrendChart series={trendSeries} summary={trendSummary} />
              </Suspense>
              <StatusTable
                caption={t('reporting.dashboard.trendCaption')}
                rowHeader={t('reporting.table.year')}
                rows={
                  data?.trend.map((p) => ({
                    key: String(p.year),
                    label: String(p.year),
                    approved: p.approved,
                    counts: p.counts,
                    inPlaceShare: p.inPlaceShare,
                  })) ?? []
                }
              />
            </div>
          </section>
          <section className="rep-section" aria-labelledby="actor-heading">
            <Heading level={2} data-size="sm" id="actor-heading">
              {t('reporting.dashboard.byActor', { year: latest.year })}
            </Heading>
            <StatusPanel
              caption={t('reporting.dashboard.byActorCaption', { year: latest.year })}
              rowHeader={t('reporting.table.actor')}
              rows={groupRows(latest.byActor, (g) => (g as { shortName?: string }).shortName ?? g.name)}
            />
          </section>
          <section className="rep-section" aria-labelledby="gap-heading">
            <Heading level={2} data-size="sm" id="gap-heading">
              {t('reporting.gap.heading')}
            </Heading>
            <Paragraph data-size="sm">{t('reporting.gap.lead')}</Paragraph>
            <ul className="rep-gap">
              {latest.gap.map((g) => (
                <li key={g.id} lang="nb">
                  <AppLink to={`/measures/${g.id}`}>
                    {g.id} {g.title}
                  </AppLink>
                </li>
              ))}
            </ul>
          </section>
        </>
      ) : null}
      {data && data.published.length > 0 ? (
        <section className="rep-section" aria-labelledby="published-heading">
          <Heading level={2} data-size="sm" id="published-heading">
            {t('reporting.dashboard.published')}
          </Heading>
          <ul className="rep-entry-list">
            {data.published.map((p) => (
              <li key={p.id}>
                <Card className="rep-card">
                  <Heading level={3} data-size="xs">
                    <AppLink to={`/reporting/sector-reports/${p.id}`}>
                      {t('reporting.publication.name', { year: p.year, version: p.version })}
                    </AppLink>
                  </Heading>
                  <Paragraph data-size="sm">
                    {t('reporting.dashboard.publishedText', {
                      date: formatDate(p.publishedAt),
                      approved: p.approved,
                      expected: p.expected,
                      share: formatShare(p.inPlaceShare, locale),
                    })}
                  </Paragraph>
                </Card>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
