/** The six strategic areas of the health sector's strategy: what each is, what it should achieve, who gains. */
import { Card, Heading, ListItem, ListUnordered, Paragraph, Skeleton } from '@digdir/designsystemet-react';
import { useApi } from '../../api/use-api.js';
import { useI18n } from '../../i18n/i18n.js';
import { ErrorAlert } from '../../shell/ErrorAlert.js';
import { PageHeader } from '../../shell/PageHeader.js';
import { useScrollToHash } from '../../shell/use-scroll-to-hash.js';
import { cataloguePaths, type StrategicAreaList } from './catalogue-api.js';
import { AudienceTags, SourceNote } from './MeasureBits.js';
import { TextBlocks } from './TextBlocks.js';

export function StrategicAreasPage() {
  const { t } = useI18n();
  const { data, error } = useApi<StrategicAreaList>(cataloguePaths.strategicAreas());
  useScrollToHash(Boolean(data));
  const items = data?.strategicAreas ?? [];

  return (
    <div className="page">
      <PageHeader
        title={t('strategicAreas.title')}
        lead={t('strategicAreas.lead')}
        crumbs={[{ to: '/', label: t('nav.home') }]}
      />
      {error ? <ErrorAlert error={error} /> : null}
      {!data && !error ? <Skeleton variant="rectangle" height="20rem" /> : null}
      {items.length > 0 ? (
        <nav className="toc" aria-labelledby="strategic-toc">
          <Heading level={2} data-size="2xs" id="strategic-toc">
            {t('strategicAreas.toc')}
          </Heading>
          <ol className="toc__list" lang="nb">
            {items.map((area) => (
              <li key={area.id}>
                <a href={`#${area.id}`}>{area.name}</a>
              </li>
            ))}
          </ol>
        </nav>
      ) : null}
      {items.map((area, index) => (
        <section key={area.id} id={area.id} className="strategic-area" aria-labelledby={`${area.id}-heading`}>
          <Heading level={2} data-size="sm" id={`${area.id}-heading`} lang="nb">
            <span className="strategic-area__number">{index + 1}</span> {area.name}
          </Heading>
          <div className="strategic-area__grid">
            <div>
              <TextBlocks text={area.description} />
            </div>
            <div className="strategic-area__side">
              <Card data-color="brand1" variant="tinted" className="strategic-area__card">
                <Heading level={3} data-size="2xs">
                  {t('strategicAreas.expectedEffects')}
                </Heading>
                <ListUnordered lang="nb">
                  {area.expectedEffects.map((effect) => (
                    <ListItem key={effect}>{effect}</ListItem>
                  ))}
                </ListUnordered>
              </Card>
              <Card data-color="neutral" variant="tinted" className="strategic-area__card">
                <Heading level={3} data-size="2xs">
                  {t('strategicAreas.beneficiaries')}
                </Heading>
                <Paragraph data-size="sm" lang="nb">
                  {area.beneficiaries}
                </Paragraph>
                <AudienceTags audiences={area.audiences} />
              </Card>
            </div>
          </div>
          <SourceNote source={area.source} />
        </section>
      ))}
    </div>
  );
}
