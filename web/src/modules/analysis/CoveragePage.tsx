/**
 * Journey 3's starting point: how well the measures of the published edition cover NSM's principles, the area goals
 * and the strategic areas, whom they reach, and the gaps; downloads; and, for the strategy owner, the drafts.
 */
import { Alert, Heading, Paragraph, Skeleton } from '@digdir/designsystemet-react';
import { lazy, Suspense } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useApi } from '../../api/use-api.js';
import { useI18n } from '../../i18n/i18n.js';
import { ErrorAlert } from '../../shell/ErrorAlert.js';
import { PageHeader } from '../../shell/PageHeader.js';
import { analysisPaths, type CoverageReport } from './analysis-api.js';
import { AnalysisNote } from './AnalysisNote.js';
import { CoverageSections } from './CoverageSections.js';
import { DraftsPanel } from './DraftsPanel.js';
import { ExportLinks } from './ExportLinks.js';
import { GapList } from './GapList.js';
import { groupCounts } from './group-counts.js';
import { groupKey } from './labels.js';
import { useSessionRoles } from './use-session.js';

const GroupChart = lazy(() => import('./GroupChart.js'));

export const mappingHref = (measureId: string) => `/analysis/mapping/${encodeURIComponent(measureId)}`;

export function CoveragePage() {
  const { t } = useI18n();
  const { data, error } = useApi<CoverageReport>(analysisPaths.coverage());
  const session = useSessionRoles();
  const owner = session.roles.includes('strategy-owner');
  const [params] = useSearchParams();
  const published = params.get('published');

  const principles = data?.principles ?? [];
  const covered = principles.filter((p) => p.overall.level === 'covered').length;
  const uncovered = principles.filter((p) => p.overall.level === 'none').length;
  const small = principles.filter((p) => p.byAudience['small-enterprises'].level === 'covered').length;
  const summary = groupCounts(principles)
    .map((row) =>
      t('analysis.chart.row', { group: t(groupKey(row.group)), covered: row.covered, total: principles.length }),
    )
    .join(' ');

  return (
    <div className="page analysis-page">
      <PageHeader title={t('analysis.title')} lead={t('analysis.lead')} crumbs={[{ to: '/', label: t('nav.home') }]} />
      {published ? (
        <Alert data-color="success" role="status">
          {t('analysis.publish.done', { edition: published })}
        </Alert>
      ) : null}
      {error ? <ErrorAlert error={error} /> : null}
      {!data && !error ? <Skeleton variant="rectangle" height="24rem" /> : null}
      {data ? (
        <>
          <AnalysisNote report={data} />
          <section aria-labelledby="analysis-figures" className="analysis-section">
            <Heading level={2} data-size="sm" id="analysis-figures">
              {t('analysis.figures.heading')}
            </Heading>
            <ul className="figures analysis-figures">
              <li>
                <span className="figure__value">{`${covered}/${principles.length}`}</span>
                <span className="figure__label">{t('analysis.figures.covered')}</span>
              </li>
              <li>
                <span className="figure__value">{uncovered}</span>
                <span className="figure__label">{t('analysis.figures.uncovered')}</span>
              </li>
              <li>
                <span className="figure__value">{`${small}/${principles.length}`}</span>
                <span className="figure__label">{t('analysis.figures.small')}</span>
              </li>
              <li>
                <span className="figure__value">{data.gaps.length}</span>
                <span className="figure__label">{t('analysis.figures.gaps')}</span>
              </li>
            </ul>
            <Paragraph>{t('analysis.chart.lead')}</Paragraph>
            <Suspense fallback={<Skeleton variant="rectangle" height="280px" />}>
              <GroupChart targets={principles} summary={summary} />
            </Suspense>
          </section>
          <section aria-labelledby="analysis-coverage" className="analysis-section">
            <Heading level={2} data-size="sm" id="analysis-coverage">
              {t('analysis.coverage.heading')}
            </Heading>
            <CoverageSections report={data} measureHref={mappingHref} />
          </section>
          <section aria-labelledby="analysis-gaps" className="analysis-section">
            <Heading level={2} data-size="sm" id="analysis-gaps">
              {t('analysis.gaps.heading')}
            </Heading>
            <GapList report={data} />
          </section>
          <section aria-labelledby="analysis-export" className="analysis-section">
            <Heading level={2} data-size="sm" id="analysis-export">
              {t('analysis.export.heading')}
            </Heading>
            <ExportLinks href={(query) => analysisPaths.coverageExport(query)} />
          </section>
          {owner ? <DraftsPanel /> : null}
        </>
      ) : null}
    </div>
  );
}
