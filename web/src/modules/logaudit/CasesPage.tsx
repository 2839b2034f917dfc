/**
 * The case list: flagged users, ranked, with filters (status, reason, unit, period) kept in the address, and the
 * review team's capacity marked. Pseudonymous: user ids, roles and units, no names.
 */
import { Field, Heading, Input, Label, Paragraph, Select, Skeleton, Table, Tag } from '@digdir/designsystemet-react';
import { lazy, Suspense } from 'react';
import { Link as RouterLink, useParams, useSearchParams } from 'react-router-dom';
import { PageHeader } from '../../shell/PageHeader.js';
import { DatasetNav } from './DatasetNav.js';
import { CaseStatusTag, reasonName, roleName } from './labels.js';
import { LogError } from './LogError.js';
import { logReviewPaths, type CaseListView, type DatasetDetailView } from './log-review-api.js';

const RunCharts = lazy(() => import('./RunCharts.js'));
import { ReviewGate } from './ReviewGate.js';
import { useFresh } from './use-fresh.js';
import { useLogT } from './use-log-t.js';

const statuses = ['active', 'open', 'pending_approval', 'follow_up', 'closed', 'inactive', 'all'] as const;

function Filters({ list }: { list: CaseListView | undefined }) {
  const i = useLogT();
  const { t } = i;
  const [params, setParams] = useSearchParams();
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  return (
    <form className="lr-filters" aria-label={t('cases.filters')} onSubmit={(e) => e.preventDefault()}>
      <Field>
        <Label>{t('cases.filter.status')}</Label>
        <Select
          value={params.get('status') ?? 'active'}
          onChange={(e) => set('status', e.target.value === 'active' ? '' : e.target.value)}
        >
          {statuses.map((s) => (
            <Select.Option key={s} value={s}>
              {i.tx(`cases.status.${s}`, s)}
            </Select.Option>
          ))}
        </Select>
      </Field>
      <Field>
        <Label>{t('cases.filter.reason')}</Label>
        <Select value={params.get('reason') ?? ''} onChange={(e) => set('reason', e.target.value)}>
          <Select.Option value="">{t('cases.filter.any')}</Select.Option>
          {(list?.reasons ?? []).map((code) => (
            <Select.Option key={code} value={code}>
              {reasonName(i, code)}
            </Select.Option>
          ))}
        </Select>
      </Field>
      <Field>
        <Label>{t('cases.filter.department')}</Label>
        <Select value={params.get('department') ?? ''} onChange={(e) => set('department', e.target.value)}>
          <Select.Option value="">{t('cases.filter.any')}</Select.Option>
          {(list?.departments ?? []).map((d) => (
            <Select.Option key={d.id} value={d.id}>
              {d.name ?? d.id}
            </Select.Option>
          ))}
        </Select>
      </Field>
      <Field>
        <Label>{t('cases.filter.from')}</Label>
        <Input type="date" value={params.get('from') ?? ''} onChange={(e) => set('from', e.target.value)} />
      </Field>
      <Field>
        <Label>{t('cases.filter.to')}</Label>
        <Input type="date" value={params.get('to') ?? ''} onChange={(e) => set('to', e.target.value)} />
      </Field>
    </form>
  );
}

function CaseTable({ datasetId, list }: { datasetId: string; list: CaseListView }) {
  const i = useLogT();
  const { t } = i;
  if (list.cases.length === 0) return <Paragraph>{t('cases.none')}</Paragraph>;
  return (
    <div className="lr-table-wrap" tabIndex={0} role="region" aria-label={t('cases.table')}>
      <Table data-size="sm" zebra className="lr-cases">
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t('cases.col.rank')}</Table.HeaderCell>
            <Table.HeaderCell>{t('cases.col.user')}</Table.HeaderCell>
            <Table.HeaderCell>{t('cases.col.unit')}</Table.HeaderCell>
            <Table.HeaderCell>{t('cases.col.reasons')}</Table.HeaderCell>
            <Table.HeaderCell>{t('cases.col.patients')}</Table.HeaderCell>
            <Table.HeaderCell>{t('cases.col.period')}</Table.HeaderCell>
            <Table.HeaderCell>{t('cases.col.score')}</Table.HeaderCell>
            <Table.HeaderCell>{t('cases.col.status')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {list.cases.map((c) => (
            <Table.Row key={c.id} className={c.withinCapacity ? 'lr-within' : undefined}>
              <Table.Cell className="lr-num">
                {c.rank ?? '–'}
                {c.withinCapacity ? (
                  <span className="lr-capacity-mark" title={t('cases.withinCapacity')}>
                    {' '}
                    ●<span className="visually-hidden"> {t('cases.withinCapacity')}</span>
                  </span>
                ) : null}
              </Table.Cell>
              <Table.Cell>
                <RouterLink to={`/log-review/datasets/${datasetId}/cases/${c.id}`}>
                  {t('cases.userLink', { user: c.userId })}
                </RouterLink>
                <div className="lr-muted">{roleName(i, c.role)}</div>
              </Table.Cell>
              <Table.Cell>{c.departmentName ?? c.departmentId ?? '–'}</Table.Cell>
              <Table.Cell>
                <ul className="lr-chips">
                  {c.reasonCodes.slice(0, 3).map((code) => (
                    <li key={code}>
                      <Tag data-size="sm" data-color="neutral">
                        {reasonName(i, code)}
                      </Tag>
                    </li>
                  ))}
                </ul>
              </Table.Cell>
              <Table.Cell className="lr-num">{c.activeFindings}</Table.Cell>
              <Table.Cell>
                {i.date(c.firstSeen)}
                {c.lastSeen.slice(0, 10) !== c.firstSeen.slice(0, 10) ? ` – ${i.date(c.lastSeen)}` : ''}
              </Table.Cell>
              <Table.Cell className="lr-num">{i.number(c.score, 2)}</Table.Cell>
              <Table.Cell>
                <CaseStatusTag status={c.status} />
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  );
}

function CasesContent({ datasetId }: { datasetId: string }) {
  const i = useLogT();
  const { t } = i;
  const [params] = useSearchParams();
  const filter = Object.fromEntries(
    ['status', 'reason', 'department', 'from', 'to'].map((k) => [k, params.get(k) ?? undefined]),
  );
  const list = useFresh<CaseListView>(logReviewPaths.cases(datasetId, filter));
  const detail = useFresh<DatasetDetailView>(logReviewPaths.dataset(datasetId));
  return (
    <>
      <PageHeader
        title={t('cases.title')}
        crumbs={[
          { to: '/log-review', label: t('home.title') },
          { to: `/log-review/datasets/${datasetId}`, label: t('nav.overview') },
        ]}
        lead={t('cases.lead')}
      />
      <DatasetNav datasetId={datasetId} />
      {list.data ? (
        <Paragraph className="lr-capacity" role="note">
          {t('cases.capacity', {
            capacity: list.data.reviewCapacity,
            open: list.data.counts.open ?? 0,
            pending: list.data.counts.pending_approval ?? 0,
            followUp: list.data.counts.follow_up ?? 0,
          })}
        </Paragraph>
      ) : null}
      <Filters list={list.data} />
      {list.error ? <LogError error={list.error} /> : null}
      {list.data ? (
        <>
          <Paragraph data-size="sm" role="status">
            {t('cases.count', { count: list.data.cases.length })}
          </Paragraph>
          <CaseTable datasetId={datasetId} list={list.data} />
        </>
      ) : (
        <Skeleton variant="rectangle" height="12rem" />
      )}
      {detail.data?.latestRun?.summary ? (
        <section className="lr-section" aria-labelledby="lr-case-charts">
          <Heading level={2} data-size="sm" id="lr-case-charts">
            {t('cases.charts')}
          </Heading>
          <Suspense fallback={<Skeleton variant="rectangle" height="16rem" />}>
            <RunCharts summary={detail.data.latestRun.summary} />
          </Suspense>
        </section>
      ) : null}
    </>
  );
}

export function CasesPage() {
  const { datasetId = '' } = useParams();
  return (
    <ReviewGate>
      <CasesContent datasetId={datasetId} />
    </ReviewGate>
  );
}
