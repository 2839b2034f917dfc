/** States plainly that the mapping is Varde's own analysis, and shows the rules the numbers follow. */
import { Alert, Details, Heading, ListItem, ListUnordered, Paragraph } from '@digdir/designsystemet-react';
import { useI18n } from '../../i18n/i18n.js';
import { audienceGroupList, type CoverageReport } from './analysis-api.js';
import { formatScore, groupKey, pick } from './labels.js';

export function AnalysisNote({ report }: { report: CoverageReport }) {
  const { t, locale, formatDate } = useI18n();
  const note = pick(report.mapping.analysis, locale);
  const framework = pick(report.framework.name, locale);
  const w = report.rules.strengthWeight;
  return (
    <Alert data-color="info" className="analysis-note">
      <Heading level={2} data-size="xs">
        {t('analysis.note.heading')}
      </Heading>
      <Paragraph lang={note.lang}>{note.text}</Paragraph>
      <Paragraph data-size="sm">
        {t('analysis.note.basis', {
          edition: report.edition.id,
          framework: framework.text,
          version: report.framework.version,
        })}
        {report.mapping.editedMeasures.length > 0
          ? ` ${t('analysis.note.edited', { measures: report.mapping.editedMeasures.join(', ') })}`
          : ''}
        {report.mapping.lastChangedAt
          ? ` ${t('analysis.note.lastChanged', { date: formatDate(report.mapping.lastChangedAt) })}`
          : ''}
      </Paragraph>
      <Details>
        <Details.Summary>{t('analysis.rules.heading')}</Details.Summary>
        <Details.Content>
          <ListUnordered data-size="sm">
            <ListItem>
              {t('analysis.rules.weights', {
                strong: formatScore(w.strong, locale),
                moderate: formatScore(w.moderate, locale),
                weak: formatScore(w.weak, locale),
              })}
            </ListItem>
            <ListItem>{t('analysis.rules.levels')}</ListItem>
            <ListItem>{t('analysis.rules.groups')}</ListItem>
            {audienceGroupList.map((group) => (
              <ListItem key={group}>
                {t(groupKey(group))}:{' '}
                {Object.entries(report.rules.audienceGroupRule)
                  .filter(([, groups]) => groups.includes(group))
                  .map(([tag]) => t(`audience.${tag}` as Parameters<typeof t>[0]))
                  .join(', ')}
              </ListItem>
            ))}
            <ListItem>{t('analysis.rules.gaps')}</ListItem>
          </ListUnordered>
        </Details.Content>
      </Details>
    </Alert>
  );
}
