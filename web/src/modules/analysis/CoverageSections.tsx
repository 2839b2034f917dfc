/** The three views of one analysis (principles, area goals, strategic areas) as tabs: heatmap, matrix, reasons. */
import { Heading, Tabs } from '@digdir/designsystemet-react';
import { useI18n } from '../../i18n/i18n.js';
import type { CoverageReport, Dimension } from './analysis-api.js';
import { CoverageHeatmap, HeatLegend } from './CoverageHeatmap.js';
import { CoverageMatrix, StrengthLegend } from './CoverageMatrix.js';
import { TargetDetails } from './TargetDetails.js';

const anchor: Record<Dimension, string> = { principles: 'p', goals: 'g', strategicAreas: 's' };

export function CoverageSections({
  report,
  measureHref,
  idPrefix = '',
}: {
  report: CoverageReport;
  measureHref?: (measureId: string) => string | null;
  idPrefix?: string;
}) {
  const { t } = useI18n();
  return (
    <Tabs defaultValue="principles" className="coverage-tabs">
      <Tabs.List>
        <Tabs.Tab value="principles">{t('analysis.dimension.principles')}</Tabs.Tab>
        <Tabs.Tab value="goals">{t('analysis.dimension.goals')}</Tabs.Tab>
        <Tabs.Tab value="strategicAreas">{t('analysis.dimension.strategicAreas')}</Tabs.Tab>
      </Tabs.List>
      {(['principles', 'goals', 'strategicAreas'] as const).map((dimension) => (
        <Tabs.Panel key={dimension} value={dimension} className="coverage-tabs__panel">
          <HeatLegend />
          <CoverageHeatmap
            targets={report[dimension]}
            caption={t(`analysis.heatmap.caption.${dimension}`)}
            anchorPrefix={`${idPrefix}${anchor[dimension]}`}
          />
          <Heading level={3} data-size="xs">
            {t('analysis.matrix.heading')}
          </Heading>
          <StrengthLegend />
          <CoverageMatrix
            report={report}
            targets={report[dimension]}
            caption={t(`analysis.matrix.caption.${dimension}`)}
            {...(measureHref ? { measureHref } : {})}
          />
          <Heading level={3} data-size="xs">
            {t('analysis.details.heading')}
          </Heading>
          <TargetDetails
            report={report}
            targets={report[dimension]}
            anchorPrefix={`${idPrefix}${anchor[dimension]}`}
            {...(measureHref ? { measureHref } : {})}
          />
        </Tabs.Panel>
      ))}
    </Tabs>
  );
}
