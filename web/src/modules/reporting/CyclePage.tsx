/**
 * The strategy owner's view of one cycle: who has reported and who has not (with a reminder button per actor),
 * every report with its state, the gap, and compiling and publishing the sector report.
 */
import { Alert, Button, Field, Heading, Label, Paragraph, Select, Skeleton, Table } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { ApiError } from '../../api/client.js';
import { useI18n } from '../../i18n/i18n.js';
import { AppLink } from '../../shell/AppLink.js';
import { ErrorAlert } from '../../shell/ErrorAlert.js';
import { PageHeader } from '../../shell/PageHeader.js';
import { StateTag, StatusText, stateKey } from './labels.js';
import {
  reportingActions,
  reportingPaths,
  reportStates,
  type OverviewView,
  type PublicationView,
  type ReportState,
  type ReportSummary,
  type SectorReportSnapshot,
} from './reporting-api.js';
import { useFresh } from './use-reporting.js';

function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const run = async (action: () => Promise<unknown>, message: string, after: () => void) => {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      await action();
      setDone(message);
      after();
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError('UNKNOWN', String(e), 0));
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, done, run };
}

function ProgressTable({
  overview,
  onRemind,
  busy,
}: {
  overview: OverviewView;
  onRemind: (actorId: string, name: string) => void;
  busy: boolean;
}) {
  const { t, formatDate } = useI18n();
  const open = overview.cycle.state === 'open';
  return (
    <div className="rep-table-wrap" role="region" aria-label={t('reporting.cycle.progressCaption')} tabIndex={0}>
      <Table border data-size="sm" className="rep-table">
        <caption>{t('reporting.cycle.progressCaption')}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell scope="col">{t('reporting.cycle.actor')}</Table.HeaderCell>
            {reportStates.map((s) => (
              <Table.HeaderCell key={s} scope="col" className="rep-num">
                {t(stateKey(s))}
              </Table.HeaderCell>
            ))}
            <Table.HeaderCell scope="col">{t('reporting.cycle.lastReminder')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">
              <span className="visually-hidden">{t('reporting.cycle.actions')}</span>
            </Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {overview.actors.map((a) => (
            <Table.Row key={a.actorId}>
              <Table.HeaderCell scope="row">
                {a.name}
                {a.contacts === 0 ? <span className="rep-note">{t('reporting.cycle.noContact')}</span> : null}
              </Table.HeaderCell>
              {reportStates.map((s) => (
                <Table.Cell key={s} className="rep-num">
                  {a.counts[s]}
                </Table.Cell>
              ))}
              <Table.Cell>{a.lastReminder ? formatDate(a.lastReminder.sentAt) : '–'}</Table.Cell>
              <Table.Cell>
                {open && a.outstanding.length > 0 ? (
                  <Button
                    variant="secondary"
                    data-size="sm"
                    disabled={busy}
                    onClick={() => onRemind(a.actorId, a.name)}
                  >
                    {t('reporting.cycle.remind')}
                    <span className="visually-hidden"> {a.name}</span>
                  </Button>
                ) : null}
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  );
}

function ReportsTable({ reports }: { reports: readonly ReportSummary[] }) {
  const { t } = useI18n();
  return (
    <div className="rep-table-wrap" role="region" aria-label={t('reporting.cycle.reportsHeading')} tabIndex={0}>
      <Table border data-size="sm" className="rep-table">
        <caption className="visually-hidden">{t('reporting.cycle.reportsHeading')}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell scope="col">{t('reporting.report.measure')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('reporting.cycle.actor')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('reporting.report.state')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('reporting.report.status')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {reports.map((r) => (
            <Table.Row key={r.id}>
              <Table.Cell>
                <AppLink to={`/reporting/reports/${r.id}`}>
                  <span lang="nb">
                    {r.measure.id} {r.measure.title}
                  </span>
                </AppLink>
              </Table.Cell>
              <Table.Cell>{r.actor.shortName}</Table.Cell>
              <Table.Cell>
                <StateTag state={r.state} />
              </Table.Cell>
              <Table.Cell>
                <StatusText status={r.status} />
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  );
}

function SectorReportSection({
  cycleId,
  open,
  onPublished,
}: {
  cycleId: string;
  open: boolean;
  onPublished: () => void;
}) {
  const { t, formatDate } = useI18n();
  const preview = useFresh<SectorReportSnapshot>(reportingPaths.preview(cycleId));
  const publications = useFresh<{ sectorReports: PublicationView[] }>(reportingPaths.sectorReports(cycleId));
  const action = useAction();
  const totals = preview.data?.totals;
  return (
    <section className="rep-section" aria-labelledby="sector-report-heading">
      <Heading level={2} data-size="sm" id="sector-report-heading">
        {t('reporting.cycle.sectorReport')}
      </Heading>
      {totals ? (
        <Paragraph>
          {t('reporting.cycle.previewText', {
            approved: totals.approved,
            expected: totals.expected,
            gap: totals.unplaced,
          })}
        </Paragraph>
      ) : (
        <Skeleton variant="text" />
      )}
      <Button
        disabled={action.busy || !totals || totals.approved === 0}
        onClick={() =>
          void action.run(
            () => reportingActions.publish(cycleId),
            t('reporting.cycle.published'),
            () => {
              publications.reload();
              onPublished();
            },
          )
        }
      >
        {t('reporting.cycle.publish')}
      </Button>
      {!open ? (
        <Paragraph data-size="sm" className="muted">
          {t('reporting.cycle.closedNote')}
        </Paragraph>
      ) : null}
      {action.done ? (
        <Alert data-color="success" role="status">
          <Paragraph>{action.done}</Paragraph>
        </Alert>
      ) : null}
      {action.error ? <ErrorAlert error={action.error} /> : null}
      {publications.data && publications.data.sectorReports.length > 0 ? (
        <ul className="rep-publications">
          {publications.data.sectorReports.map((p) => (
            <li key={p.id}>
              <AppLink to={`/reporting/sector-reports/${p.id}`}>
                {t('reporting.publication.name', { year: p.year, version: p.version })}
              </AppLink>{' '}
              <span className="muted">
                {t('reporting.publication.when', { date: formatDate(p.publishedAt), by: p.publishedBy })}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

export function CyclePage() {
  const { id = '' } = useParams();
  const { t, formatDate } = useI18n();
  const overview = useFresh<OverviewView>(reportingPaths.overview(id));
  const [state, setState] = useState<ReportState | ''>('');
  const reports = useFresh<{ reports: ReportSummary[] }>(
    reportingPaths.reports({ cycleId: id, state: state || undefined }),
  );
  const action = useAction();
  const o = overview.data;
  const title = o ? t('reporting.cycles.name', { year: o.cycle.year }) : t('reporting.cycle.title');
  return (
    <div className="page">
      <PageHeader
        title={title}
        crumbs={[
          { to: '/', label: t('nav.home') },
          { to: '/reporting', label: t('reporting.home.title') },
        ]}
        lead={
          o
            ? t(o.daysLeft >= 0 ? 'reporting.cycle.leadOpen' : 'reporting.cycle.leadLate', {
                date: formatDate(o.cycle.dueDate),
                days: Math.abs(o.daysLeft),
                approved: o.counts.approved,
                total: o.total,
              })
            : undefined
        }
      />
      {overview.error ? <ErrorAlert error={overview.error} /> : null}
      {!o && !overview.error ? <Skeleton variant="rectangle" height="240px" /> : null}
      {o ? (
        <>
          <section className="rep-section" aria-labelledby="progress-heading">
            <Heading level={2} data-size="sm" id="progress-heading">
              {t('reporting.cycle.progressHeading')}
            </Heading>
            <Paragraph data-size="sm" className="muted">
              {t('reporting.cycle.outbox', { pending: o.outbox.pending, sent: o.outbox.sent, failed: o.outbox.failed })}
            </Paragraph>
            {action.done ? (
              <Alert data-color="success" role="status">
                <Paragraph>{action.done}</Paragraph>
              </Alert>
            ) : null}
            {action.error ? <ErrorAlert error={action.error} /> : null}
            <ProgressTable
              overview={o}
              busy={action.busy}
              onRemind={(actorId, name) =>
                void action.run(
                  () => reportingActions.remind(id, actorId),
                  t('reporting.cycle.reminded', { name }),
                  overview.reload,
                )
              }
            />
          </section>
          <section className="rep-section" aria-labelledby="reports-heading">
            <Heading level={2} data-size="sm" id="reports-heading">
              {t('reporting.cycle.reportsHeading')}
            </Heading>
            <Field className="rep-filter">
              <Label>{t('reporting.cycle.filterState')}</Label>
              <Select value={state} onChange={(e) => setState(e.target.value as ReportState | '')}>
                <Select.Option value="">{t('reporting.cycle.allStates')}</Select.Option>
                {reportStates.map((s) => (
                  <Select.Option key={s} value={s}>
                    {t(stateKey(s))}
                  </Select.Option>
                ))}
              </Select>
            </Field>
            {reports.error ? <ErrorAlert error={reports.error} /> : null}
            {reports.data ? (
              <ReportsTable reports={reports.data.reports} />
            ) : (
              <Skeleton variant="rectangle" height="200px" />
            )}
          </section>
          <section className="rep-section" aria-labelledby="gap-heading">
            <Heading level={2} data-size="sm" id="gap-heading">
              {t('reporting.gap.heading')}
            </Heading>
            <Paragraph data-size="sm">{t('reporting.gap.lead')}</Paragraph>
            <ul className="rep-gap">
              {o.cycle.gap.map((g) => (
                <li key={g.id} lang="nb">
                  <AppLink to={`/measures/${g.id}`}>
                    {g.id} {g.title}
                  </AppLink>{' '}
                  <span className="muted">({g.responsibleText})</span>
                </li>
              ))}
            </ul>
          </section>
          <SectorReportSection cycleId={id} open={o.cycle.state === 'open'} onPublished={overview.reload} />
          {o.cycle.state === 'open' ? (
            <section className="rep-section" aria-labelledby="close-heading">
              <Heading level={2} data-size="sm" id="close-heading">
                {t('reporting.cycle.closeHeading')}
              </Heading>
              <Paragraph data-size="sm">{t('reporting.cycle.closeText')}</Paragraph>
              <Button
                variant="secondary"
                disabled={action.busy}
                onClick={() =>
                  void action.run(() => reportingActions.closeCycle(id), t('reporting.cycle.closed'), overview.reload)
                }
              >
                {t('reporting.cycle.close')}
              </Button>
            </section>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
