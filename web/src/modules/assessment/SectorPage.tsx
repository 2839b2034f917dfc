/**
 * The sector's indicators (the e-helse monitor's view): one indicator in one year for the whole sector, split by
 * enterprise type, size class or region (or two of them), or one group followed over the years. Every number shown
 * covers at least k enterprises; merged and hidden groups say why.
 */
import { Field, Heading, Label, Paragraph, Select, Skeleton, Table } from '@digdir/designsystemet-react';
import { lazy, Suspense } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useI18n } from '../../i18n/i18n.js';
import { AppLink } from '../../shell/AppLink.js';
import { ErrorAlert } from '../../shell/ErrorAlert.js';
import { PageHeader } from '../../shell/PageHeader.js';
import {
  assessmentPaths,
  dimensions,
  type IndicatorDefinition,
  type PublishedCell,
  type SelectionView,
} from './assessment-api.js';
import { cellLabel, CellNotes, useCategoryLabel } from './CellNotes.js';
import { dimensionKey, organisationTypeIds, regionIds, regionKey, sizeIds, sizeKey, typeKey } from './labels.js';
import { LoginNeeded } from './LoginNeeded.js';
import { formatNumber, pick, useFresh, useSessionRoles } from './use-assessment.js';

const IndicatorChart = lazy(() => import('./IndicatorChart.js'));
const TrendChart = lazy(() => import('./TrendChart.js'));

const splits = [
  '',
  'organisationType',
  'sizeClass',
  'region',
  'organisationType,region',
  'organisationType,sizeClass',
  'sizeClass,region',
] as const;

export function formatValue(indicator: IndicatorDefinition, value: number | null, locale: string): string {
  if (value === null) return '–';
  return indicator.kind === 'share' ? `${formatNumber(value * 100, locale, 0)} %` : formatNumber(value, locale, 2);
}

export function SectorPage() {
  const { t, locale } = useI18n();
  const session = useSessionRoles();
  const [params, setParams] = useSearchParams();
  const catalogue = useFresh<{ k: number; years: number[]; indicators: IndicatorDefinition[] }>(
    session.loggedIn ? assessmentPaths.indicators() : null,
  );
  const indicatorId = params.get('indicator') ?? 'maturity.G2';
  const year = params.get('year') ?? String(catalogue.data?.years.at(-1) ?? '');
  const by = params.get('by') ?? 'organisationType';
  const filter = {
    organisationType: params.get('organisationType') ?? undefined,
    sizeClass: params.get('sizeClass') ?? undefined,
    region: params.get('region') ?? undefined,
  };
  const query = { year: year || undefined, by: by || undefined, ...filter };
  const selection = useFresh<SelectionView>(
    session.loggedIn && year ? assessmentPaths.indicator(indicatorId, query) : null,
  );
  const trend = useFresh<{
    indicator: IndicatorDefinition;
    k: number;
    points: { year: number; cell: PublishedCell | null }[];
  }>(session.loggedIn ? assessmentPaths.trend(indicatorId, filter) : null);
  const label = useCategoryLabel();
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  const header = (
    <PageHeader title={t('sector.title')} lead={t('sector.lead')} crumbs={[{ to: '/', label: t('nav.home') }]} />
  );
  if (session.loaded && !session.loggedIn)
    return (
      <div className="page">
        {header}
        <LoginNeeded reason="login" />
      </div>
    );
  const k = catalogue.data?.k ?? 5;
  const indicator = catalogue.data?.indicators.find((i) => i.id === indicatorId);
  const sectorName = t('sector.wholeSector');
  const filterText = Object.entries(filter)
    .filter(([, v]) => v)
    .map(([d, v]) => label(d, v!))
    .join(', ');
  const dims = by ? by.split(',') : [];
  const filterDims = dimensions.filter((d) => filter[d]);
  const tooMany = new Set([...dims, ...filterDims]).size > 2;
  // Groups with no enterprises at all are left out (they say nothing); hidden groups stay, with the reason.
  const cells = (selection.data?.cells ?? []).filter((c) => c.suppressed || (c.count ?? 0) > 0);

  return (
    <div className="page">
      {header}
      <Paragraph data-size="sm">{t('sector.privacy', { k })}</Paragraph>
      {session.roles.includes('sector-analyst') ? (
        <Paragraph>
          <AppLink to="/sector/surveys">{t('sector.surveysLink')}</AppLink>
        </Paragraph>
      ) : null}
      {catalogue.error ? <ErrorAlert error={catalogue.error} /> : null}
      <form className="asm-filters" aria-label={t('sector.filters')} onSubmit={(e) => e.preventDefault()}>
        <Field>
          <Label htmlFor="sec-indicator">{t('sector.indicator')}</Label>
          <Select id="sec-indicator" value={indicatorId} onChange={(e) => set('indicator', e.target.value)}>
            {(catalogue.data?.indicators ?? []).map((i) => (
              <Select.Option key={i.id} value={i.id}>
                {pick(i.name, locale)}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <Field>
          <Label htmlFor="sec-year">{t('sector.year')}</Label>
          <Select id="sec-year" value={year} onChange={(e) => set('year', e.target.value)}>
            {(catalogue.data?.years ?? []).map((y) => (
              <Select.Option key={y} value={String(y)}>
                {y}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <Field>
          <Label htmlFor="sec-by">{t('sector.by')}</Label>
          <Select id="sec-by" value={by} onChange={(e) => set('by', e.target.value)}>
            {splits.map((s) => (
              <Select.Option key={s} value={s}>
                {s
                  ? s
                      .split(',')
                      .map((d) => t(dimensionKey(d)))
                      .join(' × ')
                  : t('sector.noSplit')}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <Field>
          <Label htmlFor="sec-type">{t('assessment.dimension.organisationType')}</Label>
          <Select
            id="sec-type"
            value={filter.organisationType ?? ''}
            onChange={(e) => set('organisationType', e.target.value)}
          >
            <Select.Option value="">{t('sector.all')}</Select.Option>
            {organisationTypeIds
              .filter((x) => x !== 'other')
              .map((x) => (
                <Select.Option key={x} value={x}>
                  {t(typeKey(x))}
                </Select.Option>
              ))}
          </Select>
        </Field>
        <Field>
          <Label htmlFor="sec-size">{t('assessment.dimension.sizeClass')}</Label>
          <Select id="sec-size" value={filter.sizeClass ?? ''} onChange={(e) => set('sizeClass', e.target.value)}>
            <Select.Option value="">{t('sector.all')}</Select.Option>
            {sizeIds.map((x) => (
              <Select.Option key={x} value={x}>
                {t(sizeKey(x))}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <Field>
          <Label htmlFor="sec-region">{t('assessment.dimension.region')}</Label>
          <Select id="sec-region" value={filter.region ?? ''} onChange={(e) => set('region', e.target.value)}>
            <Select.Option value="">{t('sector.all')}</Select.Option>
            {regionIds.map((x) => (
              <Select.Option key={x} value={x}>
                {t(regionKey(x))}
              </Select.Option>
            ))}
          </Select>
        </Field>
      </form>
      {tooMany ? <Paragraph role="status">{t('sector.tooMany')}</Paragraph> : null}
      {selection.error && !tooMany ? <ErrorAlert error={selection.error} /> : null}
      {!selection.data && !selection.error && year ? <Skeleton variant="rectangle" height="16rem" /> : null}
      {!year && catalogue.data ? <Paragraph>{t('sector.noData')}</Paragraph> : null}
      {selection.data && indicator && !tooMany ? (
        <section className="asm-section" aria-labelledby="sec-result-heading">
          <Heading level={2} data-size="sm" id="sec-result-heading">
            {t('sector.resultHeading', { indicator: pick(indicator.name, locale), year: selection.data.year })}
          </Heading>
          {selection.data.withheld ? <Paragraph>{t('sector.withheld', { k })}</Paragraph> : null}
          {!selection.data.withheld ? (
            <Paragraph>
              {t('sector.total', {
                value: formatValue(indicator, selection.data.total.mean, locale),
                count: selection.data.total.count ?? 0,
              })}
            </Paragraph>
          ) : null}
          {cells.length > 0 ? (
            <>
              <Suspense fallback={<Skeleton variant="rectangle" height="12rem" />}>
                <IndicatorChart
                  bars={cells.map((c) => ({
                    label: cellLabel(c, label, sectorName),
                    value: c.mean === null ? null : indicator.kind === 'share' ? c.mean * 100 : c.mean,
                  }))}
                  max={indicator.kind === 'share' ? 100 : indicator.max}
                  summary={cells
                    .map(
                      (c) =>
                        `${cellLabel(c, label, sectorName)}: ${c.suppressed ? t('sector.hidden') : formatValue(indicator, c.mean, locale)}`,
                    )
                    .join('; ')}
                />
              </Suspense>
              <Table className="asm-table" data-size="sm">
                <caption className="visually-hidden">
                  {t('sector.resultHeading', { indicator: pick(indicator.name, locale), year: selection.data.year })}
                </caption>
                <Table.Head>
                  <Table.Row>
                    <Table.HeaderCell>{t('sector.group')}</Table.HeaderCell>
                    <Table.HeaderCell>
                      {indicator.kind === 'share' ? t('sector.share') : t('sector.mean')}
                    </Table.HeaderCell>
                    <Table.HeaderCell>{t('sector.count')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('sector.notes')}</Table.HeaderCell>
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {cells.map((c, i) => (
                    <Table.Row key={i}>
                      <Table.HeaderCell scope="row">{cellLabel(c, label, sectorName)}</Table.HeaderCell>
                      <Table.Cell>
                        {c.suppressed ? t('sector.hidden') : formatValue(indicator, c.mean, locale)}
                      </Table.Cell>
                      <Table.Cell>{c.suppressed ? '–' : c.count}</Table.Cell>
                      <Table.Cell>
                        <CellNotes cell={c} k={k} />
                      </Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            </>
          ) : null}
          <Paragraph data-size="sm">
            <a href={assessmentPaths.exportIndicators({ year, by: by || undefined, locale })} download>
              {t('sector.download')}
            </a>
          </Paragraph>
        </section>
      ) : null}
      {trend.data && indicator ? (
        <section className="asm-section" aria-labelledby="sec-trend-heading">
          <Heading level={2} data-size="sm" id="sec-trend-heading">
            {t('sector.trendHeading', { group: filterText || sectorName })}
          </Heading>
          <Suspense fallback={<Skeleton variant="rectangle" height="12rem" />}>
            <TrendChart
              points={trend.data.points.map((p) => ({
                label: String(p.year),
                value: p.cell?.mean == null ? null : indicator.kind === 'share' ? p.cell.mean * 100 : p.cell.mean,
              }))}
              name={pick(indicator.name, locale)}
              max={indicator.kind === 'share' ? 100 : indicator.max}
              summary={trend.data.points
                .map(
                  (p) =>
                    `${p.year}: ${p.cell?.suppressed ? t('sector.hidden') : formatValue(indicator, p.cell?.mean ?? null, locale)}`,
                )
                .join('; ')}
            />
          </Suspense>
          <ul className="asm-plain-list">
            {trend.data.points
              .filter((p) => p.cell && p.cell.notes.length > 0)
              .map((p) => (
                <li key={p.year}>
                  {p.year}: <CellNotes cell={p.cell!} k={k} />
                </li>
              ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
