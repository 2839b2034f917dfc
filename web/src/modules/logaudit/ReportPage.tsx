/** The control report: choose a period, see what was checked and what came of it, download it as PDF or XLSX. */
import { Button, Field, Heading, Input, Label, Paragraph, Skeleton, Table } from '@digdir/designsystemet-react';
import { useEffect, useState, type FormEvent } from 'react';
import { useParams } from 'react-router-dom';
import { PageHeader } from '../../shell/PageHeader.js';
import { DatasetNav } from './DatasetNav.js';
import { kindName } from './labels.js';
import { LogError } from './LogError.js';
import { logReviewPaths, type DatasetDetailView, type ReportView } from './log-review-api.js';
import { ReviewGate } from './ReviewGate.js';
import { useFresh } from './use-fresh.js';
import { useLogT } from './use-log-t.js';

function ReportFigures({ report }: { report: ReportView }) {
  const i = useLogT();
  const { t } = i;
  const r = report;
  const rows: [string, string][] = [
    [t('report.lookups'), i.number(r.inputs.lookups.total)],
    [t('report.documented'), i.percent(r.documentedShare)],
    [t('report.casesFlagged'), i.number(r.inputs.casesFlagged)],
    [t('report.casesReviewed'), i.number(r.casesReviewed)],
    [t('report.legitimate'), i.number(r.outcomes.legitimate)],
    [t('report.notLegitimate'), i.number(r.outcomes.not_legitimate)],
    [t('report.followUp'), i.number(r.outcomes.follow_up)],
    [t('report.awaiting'), i.number(r.outcomes.awaiting_second_reviewer)],
    [t('report.open'), i.number(r.inputs.openCasesAtEnd)],
    [t('report.median'), r.daysToDecision.median === null ? '–' : i.number(r.daysToDecision.median, 1)],
    [t('report.rulesActive'), i.number(r.inputs.rules.active)],
    [t('report.patientLogs'), i.number(r.inputs.patientLogs.served)],
    [t('report.patientDocumented'), i.percent(r.patientLogDocumentedShare)],
  ];
  return (
    <div className="lr-table-wrap" tabIndex={0} role="region" aria-label={t('report.figures')}>
      <Table data-size="sm" zebra>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t('report.measure')}</Table.HeaderCell>
            <Table.HeaderCell>{t('report.value')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {rows.map(([label, value]) => (
            <Table.Row key={label}>
              <Table.Cell>{label}</Table.Cell>
              <Table.Cell className="lr-num">{value}</Table.Cell>
            </Table.Row>
          ))}
          {Object.entries(r.legitimateKinds).map(([kind, n]) => (
            <Table.Row key={kind}>
              <Table.Cell>{t('report.kindRow', { kind: kindName(i, kind) })}</Table.Cell>
              <Table.Cell className="lr-num">{i.number(n)}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  );
}

function ReportContent({ datasetId }: { datasetId: string }) {
  const i = useLogT();
  const { t } = i;
  const detail = useFresh<DatasetDetailView>(logReviewPaths.dataset(datasetId));
  const summary = detail.data?.latestRun?.summary;
  const [period, setPeriod] = useState<{ from: string; to: string } | null>(null);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const effective =
    period ?? (summary?.firstDay && summary.lastDay ? { from: summary.firstDay, to: summary.lastDay } : null);
  const report = useFresh<ReportView>(
    effective ? logReviewPaths.report(datasetId, effective.from, effective.to) : null,
  );
  useEffect(() => {
    if (summary?.firstDay && summary.lastDay) {
      setFrom((f) => f || (summary.firstDay as string));
      setTo((v) => v || (summary.lastDay as string));
    }
  }, [summary?.firstDay, summary?.lastDay]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setPeriod({ from, to });
  };
  return (
    <>
      <PageHeader
        title={t('report.title')}
        crumbs={[
          { to: '/log-review', label: t('home.title') },
          { to: `/log-review/datasets/${datasetId}`, label: detail.data?.dataset.name ?? t('nav.overview') },
        ]}
        lead={t('report.lead')}
      />
      <DatasetNav datasetId={datasetId} />
      <form onSubmit={submit} className="lr-filters" aria-label={t('report.period')}>
        <Field>
          <Label>{t('report.from')}</Label>
          <Input type="date" value={from} onChange={(e) => setFrom(e.target.value)} required />
        </Field>
        <Field>
          <Label>{t('report.to')}</Label>
          <Input type="date" value={to} onChange={(e) => setTo(e.target.value)} required />
        </Field>
        <Button type="submit" variant="secondary">
          {t('report.show')}
        </Button>
      </form>
      {report.error ? <LogError error={report.error} /> : null}
      {effective && report.data ? (
        <section className="lr-section" aria-labelledby="lr-report-figures">
          <Heading level={2} data-size="sm" id="lr-report-figures">
            {t('report.heading', { from: i.date(effective.from), to: i.date(effective.to) })}
          </Heading>
          <Paragraph data-size="sm">{t('report.note')}</Paragraph>
          <ReportFigures report={report.data} />
          <div className="lr-actions">
            <a
              className="ds-button"
              data-variant="primary"
              href={logReviewPaths.reportFile(datasetId, 'pdf', effective.from, effective.to, i.locale)}
              download
            >
              {t('report.pdf')}
            </a>
            <a
              className="ds-button"
              data-variant="secondary"
              href={logReviewPaths.reportFile(datasetId, 'xlsx', effective.from, effective.to, i.locale)}
              download
            >
              {t('report.xlsx')}
            </a>
          </div>
        </section>
      ) : effective ? (
        <Skeleton variant="rectangle" height="10rem" />
      ) : (
        <Paragraph>{t('report.noData')}</Paragraph>
      )}
    </>
  );
}

export function ReportPage() {
  const { datasetId = '' } = useParams();
  return (
    <ReviewGate>
      <ReportContent datasetId={datasetId} />
    </ReviewGate>
  );
}
