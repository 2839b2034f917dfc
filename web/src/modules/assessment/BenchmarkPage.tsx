/**
 * "How do we compare?": the enterprise's own level per basic measure beside the closest peer group that is large
 * enough to be published, with the reason when a closer group is hidden. Years with data can be chosen.
 */
import { Field, Label, Paragraph, Select, Skeleton, Table } from '@digdir/designsystemet-react';
import { lazy, Suspense, useState } from 'react';
import { useI18n } from '../../i18n/i18n.js';
import { ErrorAlert } from '../../shell/ErrorAlert.js';
import { PageHeader } from '../../shell/PageHeader.js';
import { assessmentPaths, type AssessmentContext, type BenchmarkView } from './assessment-api.js';
import { PeerNote } from './PeerNote.js';
import { measureKey } from './labels.js';
import { formatNumber, useFresh } from './use-assessment.js';

const ProfileChart = lazy(() => import('./ProfileChart.js'));

export function BenchmarkPage() {
  const { t, locale } = useI18n();
  const [year, setYear] = useState<number | undefined>(undefined);
  const data = useFresh<BenchmarkView>(assessmentPaths.benchmark(year));
  const context = useFresh<AssessmentContext>(assessmentPaths.context());
  const titles: Record<string, string> = Object.fromEntries(
    Array.from({ length: 10 }, (_, i) => [`G${i + 1}`, t(measureKey(`G${i + 1}`))]),
  );
  const rows = (data.data?.rows ?? []).map((r) => ({
    label: titles[r.requirementId ?? ''] ?? r.indicatorId,
    current: r.own,
    target: null,
    peers: r.peers?.cell.mean ?? null,
  }));
  const firstPeers = data.data?.rows.find((r) => r.peers)?.peers ?? null;
  return (
    <div className="page">
      <PageHeader
        title={t('assessment.benchmark.title')}
        lead={t('assessment.benchmark.lead', { k: context.data?.minGroupSize ?? 5 })}
        crumbs={[{ to: '/assessment', label: t('assessment.home.title') }]}
      />
      {data.error ? <ErrorAlert error={data.error} /> : null}
      {!data.data && !data.error ? <Skeleton variant="rectangle" height="20rem" /> : null}
      {data.data ? (
        <>
          {data.data.years.length > 1 ? (
            <Field className="asm-narrow">
              <Label htmlFor="asm-year">{t('assessment.benchmark.year')}</Label>
              <Select
                id="asm-year"
                value={String(data.data.year ?? '')}
                onChange={(e) => setYear(Number(e.target.value))}
              >
                {data.data.years.map((y) => (
                  <Select.Option key={y} value={String(y)}>
                    {y}
                  </Select.Option>
                ))}
              </Select>
            </Field>
          ) : null}
          {data.data.year === null ? <Paragraph>{t('assessment.result.noPeers')}</Paragraph> : null}
          {firstPeers ? <PeerNote peers={firstPeers} enterprise={data.data.enterprise} k={data.data.k} /> : null}
          <Suspense fallback={<Skeleton variant="rectangle" height="20rem" />}>
            <ProfileChart
              rows={rows.map((r) => ({ label: r.label, current: r.current, target: null, peers: r.peers }))}
              summary={t('assessment.benchmark.chartSummary', {
                list: rows
                  .map(
                    (r) =>
                      `${r.label}: ${r.current ?? '–'} / ${r.peers === null ? '–' : formatNumber(r.peers, locale)}`,
                  )
                  .join('; '),
              })}
            />
          </Suspense>
          <Table className="asm-table" data-size="sm">
            <caption className="visually-hidden">{t('assessment.benchmark.title')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('assessment.result.col.area')}</Table.HeaderCell>
                <Table.HeaderCell>{t('assessment.benchmark.own')}</Table.HeaderCell>
                <Table.HeaderCell>{t('assessment.result.col.peers')}</Table.HeaderCell>
                <Table.HeaderCell>{t('assessment.benchmark.groupSize')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {data.data.rows.map((r) => (
                <Table.Row key={r.indicatorId}>
                  <Table.HeaderCell scope="row">{titles[r.requirementId ?? ''] ?? r.indicatorId}</Table.HeaderCell>
                  <Table.Cell>{r.own === null ? '–' : r.own}</Table.Cell>
                  <Table.Cell>
                    {r.peers?.cell.mean == null
                      ? t('assessment.result.peersHidden')
                      : formatNumber(r.peers.cell.mean, locale)}
                  </Table.Cell>
                  <Table.Cell>{r.peers?.cell.count ?? '–'}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
          <Paragraph data-size="sm" className="asm-muted">
            {t('assessment.benchmark.privacy', { k: data.data.k })}
          </Paragraph>
        </>
      ) : null}
    </div>
  );
}
