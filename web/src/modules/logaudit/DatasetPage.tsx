/**
 * One dataset: the latest analysis in numbers and pictures, the run in progress, adding files and starting a new
 * analysis, and every run with its outcome.
 */
import { Button, Card, Heading, Paragraph, Skeleton, Table } from '@digdir/designsystemet-react';
import { lazy, Suspense, useCallback, useState } from 'react';
import { Link as RouterLink, useParams } from 'react-router-dom';
import { PageHeader } from '../../shell/PageHeader.js';
import { DatasetNav } from './DatasetNav.js';
import { DatasetSettings } from './DatasetSettings.js';
import { RunStatusTag } from './labels.js';
import { LogError } from './LogError.js';
import { logReviewActions, logReviewPaths, type DatasetDetailView, type RunView } from './log-review-api.js';
import { ReviewGate } from './ReviewGate.js';
import { RunProgress } from './RunProgress.js';
import { UploadForm } from './UploadForm.js';
import { useFresh } from './use-fresh.js';
import { useLogT } from './use-log-t.js';

const RunCharts = lazy(() => import('./RunCharts.js'));

function Figures({ run }: { run: RunView }) {
  const i = useLogT();
  const { t } = i;
  const s = run.summary;
  if (!s) return null;
  const items = [
    { label: t('summary.events'), value: i.number(s.events) },
    { label: t('summary.added'), value: i.number(s.eventsAdded) },
    { label: t('summary.explained'), value: i.percent(s.explainedShare) },
    { label: t('summary.findings'), value: i.number(s.findings) },
    { label: t('summary.cases'), value: i.number(s.cases) },
    { label: t('summary.newCases'), value: i.number(s.newCases) },
    { label: t('summary.rules'), value: i.number(s.rulesApplied) },
    { label: t('summary.duration'), value: t('summary.seconds', { seconds: i.number(s.durationMs / 1000, 1) }) },
  ];
  return (
    <dl className="lr-figures">
      {items.map((item) => (
        <div key={item.label}>
          <dt>{item.label}</dt>
          <dd>{item.value}</dd>
        </div>
      ))}
    </dl>
  );
}

function RunsTable({ runs }: { runs: readonly RunView[] }) {
  const i = useLogT();
  const { t } = i;
  return (
    <div className="lr-table-wrap" tabIndex={0} role="region" aria-label={t('dataset.runs')}>
      <Table data-size="sm" zebra>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t('runs.col.queued')}</Table.HeaderCell>
            <Table.HeaderCell>{t('runs.col.status')}</Table.HeaderCell>
            <Table.HeaderCell>{t('runs.col.added')}</Table.HeaderCell>
            <Table.HeaderCell>{t('runs.col.explained')}</Table.HeaderCell>
            <Table.HeaderCell>{t('runs.col.cases')}</Table.HeaderCell>
            <Table.HeaderCell>{t('runs.col.duration')}</Table.HeaderCell>
            <Table.HeaderCell>{t('runs.col.note')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {runs.map((r) => (
            <Table.Row key={r.id}>
              <Table.Cell>{i.dateTime(r.queuedAt)}</Table.Cell>
              <Table.Cell>
                <RunStatusTag status={r.status} />
              </Table.Cell>
              <Table.Cell className="lr-num">{r.summary ? i.number(r.summary.eventsAdded) : '–'}</Table.Cell>
              <Table.Cell className="lr-num">{r.summary ? i.percent(r.summary.explainedShare) : '–'}</Table.Cell>
              <Table.Cell className="lr-num">{r.summary ? i.number(r.summary.cases) : '–'}</Table.Cell>
              <Table.Cell className="lr-num">
                {r.summary ? t('summary.seconds', { seconds: i.number(r.summary.durationMs / 1000, 1) }) : '–'}
              </Table.Cell>
              <Table.Cell>
                {r.error ? i.errorText({ code: r.error.code }) + ` (${r.error.message})` : ''}
                {r.summary?.reexplained ? t('runs.reexplained') : ''}
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  );
}

function DatasetContent({ datasetId }: { datasetId: string }) {
  const i = useLogT();
  const { t } = i;
  const detail = useFresh<DatasetDetailView>(logReviewPaths.dataset(datasetId));
  const runs = useFresh<{ runs: RunView[] }>(logReviewPaths.runs(datasetId));
  const [startError, setStartError] = useState<unknown>(null);
  const reloadAll = useCallback(() => {
    detail.reload();
    runs.reload();
  }, [detail, runs]);
  if (detail.error) return <LogError error={detail.error} />;
  if (!detail.data) return <Skeleton variant="rectangle" height="10rem" />;
  const { dataset, latestRun, activeRun, uploads, openCases, pendingApproval } = detail.data;
  const start = async () => {
    setStartError(null);
    try {
      await logReviewActions.startRun(datasetId);
      reloadAll();
    } catch (e) {
      setStartError(e);
    }
  };
  const waiting = uploads.filter((u) => u.ingestedByRun === null).length;
  return (
    <>
      <PageHeader
        title={dataset.name}
        crumbs={[{ to: '/log-review', label: t('home.title') }]}
        lead={
          latestRun?.summary?.firstDay && latestRun.summary.lastDay
            ? t('dataset.lead', {
                from: i.date(latestRun.summary.firstDay),
                to: i.date(latestRun.summary.lastDay),
                capacity: dataset.reviewCapacity,
              })
            : t('dataset.leadEmpty')
        }
      />
      <DatasetNav datasetId={datasetId} />
      {activeRun ? <RunProgress datasetId={datasetId} run={activeRun} onFinished={reloadAll} /> : null}
      <section className="lr-section" aria-labelledby="lr-latest">
        <Heading level={2} data-size="sm" id="lr-latest">
          {t('dataset.latest')}
        </Heading>
        {latestRun ? (
          <>
            <Paragraph data-size="sm">
              {t('dataset.latestAt', { at: latestRun.finishedAt ? i.dateTime(latestRun.finishedAt) : '' })}{' '}
              <RouterLink to={`/log-review/datasets/${datasetId}/cases`}>
                {t('dataset.toCases', { open: openCases, pending: pendingApproval })}
              </RouterLink>
            </Paragraph>
            <Figures run={latestRun} />
            {latestRun.summary ? (
              <Suspense fallback={<Skeleton variant="rectangle" height="16rem" />}>
                <RunCharts summary={latestRun.summary} />
              </Suspense>
            ) : null}
          </>
        ) : (
          <Paragraph>{t('dataset.noRun')}</Paragraph>
        )}
      </section>
      <div className="lr-columns">
        {dataset.sourceKind === 'upload' ? (
          <UploadForm datasetId={datasetId} first={uploads.length === 0} onUploaded={reloadAll} />
        ) : (
          <Card className="lr-card">
            <Heading level={2} data-size="xs">
              {t('dataset.folderHeading')}
            </Heading>
            <Paragraph data-size="sm">
              {t('dataset.folderText', {
                folder: detail.data.folder?.label ?? '',
                path: detail.data.folder?.path ?? '',
              })}
            </Paragraph>
          </Card>
        )}
        <Card className="lr-card">
          <Heading level={2} data-size="xs">
            {t('dataset.analyseHeading')}
          </Heading>
          <Paragraph data-size="sm">
            {dataset.sourceKind === 'upload' ? t('dataset.analyseUpload', { waiting }) : t('dataset.analyseFolder')}
          </Paragraph>
          {startError ? <LogError error={startError} /> : null}
          <Button
            onClick={() => void start()}
            disabled={Boolean(activeRun) || (dataset.sourceKind === 'upload' && uploads.length === 0)}
          >
            {t('dataset.analyse')}
          </Button>
        </Card>
      </div>
      <DatasetSettings
        key={`${dataset.name}:${dataset.reviewCapacity}:${String(dataset.patientLogNames)}`}
        dataset={dataset}
        onSaved={reloadAll}
      />
      <section className="lr-section" aria-labelledby="lr-runs">
        <Heading level={2} data-size="sm" id="lr-runs">
          {t('dataset.runs')}
        </Heading>
        {runs.data ? <RunsTable runs={runs.data.runs} /> : null}
      </section>
    </>
  );
}

export function DatasetPage() {
  const { datasetId = '' } = useParams();
  return (
    <ReviewGate>
      <DatasetContent datasetId={datasetId} />
    </ReviewGate>
  );
}
