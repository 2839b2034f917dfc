/** Tables of approved reports by status (per area, actor or year): the text alternative to the charts. */
import { Skeleton, Table } from '@digdir/designsystemet-react';
import { lazy, Suspense } from 'react';
import { useI18n } from '../../i18n/i18n.js';
import { formatShare, statusKey } from './labels.js';
import { implementationStatuses, type GroupView, type ImplementationStatus } from './reporting-api.js';

const StatusBarChart = lazy(() => import('./StatusBarChart.js'));

export interface StatusRow {
  readonly key: string;
  readonly label: string;
  readonly expected?: number;
  readonly approved: number;
  readonly counts: Record<ImplementationStatus, number>;
  readonly inPlaceShare: number | null;
}

export function StatusTable({
  caption,
  rowHeader,
  rows,
}: {
  caption: string;
  rowHeader: string;
  rows: readonly StatusRow[];
}) {
  const { t, locale } = useI18n();
  const showExpected = rows.some((r) => r.expected !== undefined);
  return (
    <div className="rep-table-wrap" role="region" aria-label={caption} tabIndex={0}>
      <Table border data-size="sm" className="rep-table">
        <caption>{caption}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell scope="col">{rowHeader}</Table.HeaderCell>
            {showExpected ? (
              <Table.HeaderCell scope="col" className="rep-num">
                {t('reporting.table.expected')}
              </Table.HeaderCell>
            ) : null}
            <Table.HeaderCell scope="col" className="rep-num">
              {t('reporting.table.approved')}
            </Table.HeaderCell>
            {implementationStatuses.map((s) => (
              <Table.HeaderCell key={s} scope="col" className="rep-num">
                {t(statusKey(s))}
              </Table.HeaderCell>
            ))}
            <Table.HeaderCell scope="col" className="rep-num">
              {t('reporting.table.inPlace')}
            </Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {rows.map((r) => (
            <Table.Row key={r.key}>
              <Table.HeaderCell scope="row">{r.label}</Table.HeaderCell>
              {showExpected ? <Table.Cell className="rep-num">{r.expected ?? '–'}</Table.Cell> : null}
              <Table.Cell className="rep-num">{r.approved}</Table.Cell>
              {implementationStatuses.map((s) => (
                <Table.Cell key={s} className="rep-num">
                  {r.counts[s]}
                </Table.Cell>
              ))}
              <Table.Cell className="rep-num">{formatShare(r.inPlaceShare, locale)}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  );
}

export const groupRows = (groups: readonly GroupView[], label: (g: GroupView) => string): StatusRow[] =>
  groups.map((g) => ({
    key: g.id,
    label: label(g),
    expected: g.expected,
    approved: g.approved,
    counts: g.counts,
    inPlaceShare: g.inPlaceShare,
  }));

/** Chart and table of the same rows, side by side on wide screens. */
export function StatusPanel({
  caption,
  rowHeader,
  rows,
  labelWidth,
}: {
  caption: string;
  rowHeader: string;
  rows: readonly StatusRow[];
  labelWidth?: number;
}) {
  const { t, locale } = useI18n();
  const summary = t('reporting.chart.summary', {
    caption,
    parts: rows.map((r) => `${r.label}: ${r.approved} (${formatShare(r.inPlaceShare, locale)})`).join('; '),
  });
  return (
    <div className="rep-panel">
      <Suspense fallback={<Skeleton variant="rectangle" height="220px" />}>
        <StatusBarChart
          groups={rows.map((r) => ({ label: r.label, counts: r.counts }))}
          summary={summary}
          labelWidth={labelWidth}
        />
      </Suspense>
      <StatusTable caption={caption} rowHeader={rowHeader} rows={rows} />
    </div>
  );
}
