/** Assessments year by year, side by side: the level per requirement in each year, and the change. */
import { Heading, Paragraph, Skeleton, Table } from '@digdir/designsystemet-react';
import { lazy, Suspense } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useI18n } from '../../i18n/i18n.js';
import { ErrorAlert } from '../../shell/ErrorAlert.js';
import { PageHeader } from '../../shell/PageHeader.js';
import type { Answer, AssessmentResult, FrameworkView, StoredAssessment } from './assessment-api.js';
import { assessmentPaths } from './assessment-api.js';
import { formatNumber, pick, useFresh } from './use-assessment.js';

const TrendChart = lazy(() => import('./TrendChart.js'));

interface History {
  framework: FrameworkView;
  entries: { assessment: StoredAssessment; answers: Answer[]; result: AssessmentResult }[];
}

const cellText = (
  a: Answer | undefined,
  t: (k: 'assessment.answer.dontKnowShort' | 'assessment.answer.notRelevantShort') => string,
) =>
  !a
    ? '–'
    : a.kind === 'level'
      ? String(a.level)
      : a.kind === 'dont-know'
        ? t('assessment.answer.dontKnowShort')
        : t('assessment.answer.notRelevantShort');

export function HistoryPage() {
  const { t, locale } = useI18n();
  const [params] = useSearchParams();
  const framework = params.get('framework') ?? 'urn:varde:framework:grunnleggende-tiltak-v0.7';
  const data = useFresh<History>(assessmentPaths.history(framework));
  return (
    <div className="page">
      <PageHeader
        title={t('assessment.history.title')}
        lead={t('assessment.history.lead')}
        crumbs={[{ to: '/assessment', label: t('assessment.home.title') }]}
      />
      {data.error ? <ErrorAlert error={data.error} /> : null}
      {!data.data && !data.error ? <Skeleton variant="rectangle" height="16rem" /> : null}
      {data.data && data.data.entries.length === 0 ? <Paragraph>{t('assessment.home.none')}</Paragraph> : null}
      {data.data && data.data.entries.length > 0 ? (
        <>
          <Suspense fallback={<Skeleton variant="rectangle" height="16rem" />}>
            <TrendChart
              points={data.data.entries.map((e) => ({
                label: `${e.assessment.year}`,
                value: e.result.overall.average,
              }))}
              name={t('assessment.history.average')}
              max={5}
              summary={data.data.entries
                .map(
                  (e) =>
                    `${e.assessment.year}: ${e.result.overall.average === null ? '–' : formatNumber(e.result.overall.average, locale)}`,
                )
                .join('; ')}
            />
          </Suspense>
          <Heading level={2} data-size="sm" className="asm-section">
            {pick(data.data.framework.name, locale)}
          </Heading>
          <div className="asm-scroll">
            <Table className="asm-table" data-size="sm">
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t('assessment.result.col.area')}</Table.HeaderCell>
                  {data.data.entries.map((e) => (
                    <Table.HeaderCell
                      key={e.assessment.id}
                    >{`${e.assessment.year} (${e.assessment.title})`}</Table.HeaderCell>
                  ))}
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {data.data.framework.requirements.map((r) => (
                  <Table.Row key={r.id}>
                    <Table.HeaderCell scope="row">{`${r.refId} ${pick(r.title, locale)}`}</Table.HeaderCell>
                    {data.data!.entries.map((e) => (
                      <Table.Cell key={e.assessment.id}>
                        {cellText(
                          e.answers.find((a) => a.requirementId === r.id),
                          t,
                        )}
                      </Table.Cell>
                    ))}
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </div>
          <ul className="asm-plain-list asm-section">
            <li>
              <a href={assessmentPaths.exportHistory(framework, 'xlsx', locale)} download>
                {t('assessment.history.downloadXlsx')}
              </a>
            </li>
            <li>
              <a href={assessmentPaths.exportHistory(framework, 'pdf', locale)} download>
                {t('assessment.history.downloadPdf')}
              </a>
            </li>
          </ul>
        </>
      ) : null}
    </div>
  );
}
