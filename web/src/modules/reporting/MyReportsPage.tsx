/** The measure owner's to-do list: its actors' reports in open cycles, most urgent first, and its notifications. */
import { Alert, Button, Heading, Paragraph, Skeleton, Table } from '@digdir/designsystemet-react';
import { useI18n, type MessageKey } from '../../i18n/i18n.js';
import { AppLink } from '../../shell/AppLink.js';
import { ErrorAlert } from '../../shell/ErrorAlert.js';
import { PageHeader } from '../../shell/PageHeader.js';
import { StateTag, StatusText } from './labels.js';
import { reportingActions, reportingPaths, type NotificationView, type TodoView } from './reporting-api.js';
import { useFresh } from './use-reporting.js';

function notificationText(
  t: (key: MessageKey, vars?: Record<string, string | number>) => string,
  n: NotificationView,
  formatDate: (iso: string) => string,
): string {
  const p = n.params;
  const vars = {
    year: String(p.year ?? ''),
    date: typeof p.dueDate === 'string' ? formatDate(p.dueDate) : '',
    days: Number(p.days ?? 0),
    count: Number(p.count ?? 0),
    measure: String(p.measureId ?? ''),
  };
  const key = `reporting.notification.${n.kind}` as MessageKey;
  return t(key, vars);
}

export function MyReportsPage() {
  const { t, formatDate } = useI18n();
  const todo = useFresh<TodoView>(reportingPaths.my());
  const data = todo.data;
  const open = data ? data.counts.draft + data.counts.returned : 0;
  return (
    <div className="page">
      <PageHeader
        title={t('reporting.my.title')}
        lead={
          data
            ? t('reporting.my.lead', { open, submitted: data.counts.submitted, approved: data.counts.approved })
            : t('reporting.my.leadLoading')
        }
        crumbs={[
          { to: '/', label: t('nav.home') },
          { to: '/reporting', label: t('reporting.home.title') },
        ]}
      />
      {todo.error ? <ErrorAlert error={todo.error} /> : null}
      {!data && !todo.error ? <Skeleton variant="rectangle" height="240px" /> : null}
      {data ? (
        <>
          {data.items.length === 0 ? (
            <Alert data-color="info">
              <Paragraph>{t('reporting.my.none')}</Paragraph>
            </Alert>
          ) : (
            <div className="rep-table-wrap" role="region" aria-label={t('reporting.my.caption')} tabIndex={0}>
              <Table border data-size="sm" className="rep-table">
                <caption>{t('reporting.my.caption')}</caption>
                <Table.Head>
                  <Table.Row>
                    <Table.HeaderCell scope="col">{t('reporting.report.measure')}</Table.HeaderCell>
                    <Table.HeaderCell scope="col">{t('reporting.cycle.actor')}</Table.HeaderCell>
                    <Table.HeaderCell scope="col">{t('reporting.report.state')}</Table.HeaderCell>
                    <Table.HeaderCell scope="col">{t('reporting.report.status')}</Table.HeaderCell>
                    <Table.HeaderCell scope="col">{t('reporting.cycles.dueDate')}</Table.HeaderCell>
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {data.items.map((item) => (
                    <Table.Row key={item.id}>
                      <Table.Cell>
                        <AppLink to={`/reporting/reports/${item.id}`}>
                          <span lang="nb">
                            {item.measure.id} {item.measure.title}
                          </span>
                        </AppLink>
                        {item.state === 'returned' && item.reviewComment ? (
                          <div className="rep-note">{item.reviewComment}</div>
                        ) : null}
                      </Table.Cell>
                      <Table.Cell>{item.actor.shortName}</Table.Cell>
                      <Table.Cell>
                        <StateTag state={item.state} />
                      </Table.Cell>
                      <Table.Cell>
                        <StatusText status={item.status} />
                      </Table.Cell>
                      <Table.Cell>
                        {formatDate(item.dueDate)}
                        {(item.state === 'draft' || item.state === 'returned') && item.daysLeft < 0 ? (
                          <span className="rep-late"> {t('reporting.my.late', { days: -item.daysLeft })}</span>
                        ) : null}
                      </Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            </div>
          )}
          <section className="rep-section" aria-labelledby="notifications-heading">
            <Heading level={2} data-size="sm" id="notifications-heading">
              {t('reporting.my.notifications', { unread: data.unread })}
            </Heading>
            {data.notifications.length === 0 ? (
              <Paragraph className="muted">{t('reporting.my.noNotifications')}</Paragraph>
            ) : null}
            <ul className="rep-notifications">
              {data.notifications.map((n) => (
                <li key={n.id} className={n.readAt ? 'is-read' : 'is-unread'}>
                  <span className="rep-notifications__date">{formatDate(n.createdAt)}</span>
                  <span>
                    {n.readAt ? null : <span className="visually-hidden">{t('reporting.my.unread')}: </span>}
                    {n.reportId ? (
                      <AppLink to={`/reporting/reports/${n.reportId}`}>{notificationText(t, n, formatDate)}</AppLink>
                    ) : (
                      notificationText(t, n, formatDate)
                    )}
                  </span>
                  {n.readAt ? null : (
                    <Button
                      variant="tertiary"
                      data-size="sm"
                      onClick={() => void reportingActions.markRead(n.id).then(todo.reload)}
                    >
                      {t('reporting.my.markRead')}
                    </Button>
                  )}
                </li>
              ))}
            </ul>
          </section>
        </>
      ) : null}
    </div>
  );
}
