/** The ten basic measures every enterprise should carry out, each with the guidance that helps to do it. */
import { Card, Heading, Skeleton, Tag } from '@digdir/designsystemet-react';
import { useApi } from '../../api/use-api.js';
import { useI18n } from '../../i18n/i18n.js';
import { ErrorAlert } from '../../shell/ErrorAlert.js';
import { PageHeader } from '../../shell/PageHeader.js';
import { cataloguePaths, type BasicMeasureList, type GuidanceRef } from './catalogue-api.js';
import { SourceNote } from './MeasureBits.js';
import { audienceTags } from './measure-filters.js';

const lowerFirst = (text: string) => text.charAt(0).toLocaleLowerCase() + text.slice(1);

function GuidanceItem({ guidance }: { guidance: GuidanceRef }) {
  const { t } = useI18n();
  const audience = (audienceTags as readonly string[]).includes(guidance.audience ?? '')
    ? t(`audience.${guidance.audience as (typeof audienceTags)[number]}`)
    : guidance.audience;
  const facts = [
    guidance.publisher,
    guidance.number !== null ? t('basic.factsheetNumber', { number: guidance.number }) : null,
    audience ? t('basic.forAudience', { audience: lowerFirst(audience) }) : null,
  ].filter(Boolean);
  return (
    <li className="guidance">
      <Tag data-color="neutral" data-size="sm" className="guidance__kind">
        {t(`guidanceKind.${guidance.kind}`)}
      </Tag>
      <span className="guidance__title" lang="nb">
        {guidance.title}
      </span>
      {facts.length > 0 ? <span className="guidance__facts">{facts.join(' · ')}</span> : null}
    </li>
  );
}

export function BasicMeasuresPage() {
  const { t } = useI18n();
  const { data, error } = useApi<BasicMeasureList>(cataloguePaths.basicMeasures());
  return (
    <div className="page">
      <PageHeader title={t('basic.title')} lead={t('basic.lead')} crumbs={[{ to: '/', label: t('nav.home') }]} />
      {error ? <ErrorAlert error={error} /> : null}
      {!data && !error ? <Skeleton variant="rectangle" height="20rem" /> : null}
      <ol className="basic-list">
        {data?.basicMeasures.map((measure) => (
          <li key={measure.id}>
            <Card data-color="neutral" className="basic-card">
              <div className="basic-card__head">
                <span className="basic-card__number" aria-hidden="true">
                  {measure.number}
                </span>
                <Heading level={2} data-size="xs" lang="nb">
                  <span className="visually-hidden">{t('basic.numberLabel', { number: measure.number })} </span>
                  {measure.title}
                </Heading>
              </div>
              <Heading level={3} data-size="2xs" className="basic-card__label">
                {t('basic.guidanceHeading')}
              </Heading>
              <ul className="guidance-list">
                {measure.guidance.map((g, i) => (
                  <GuidanceItem key={i} guidance={g} />
                ))}
              </ul>
              <SourceNote source={measure.source} />
            </Card>
          </li>
        ))}
      </ol>
    </div>
  );
}
