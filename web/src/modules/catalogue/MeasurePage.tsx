/** One measure with everything the catalogue says about it, and where that comes from. */
import { Alert, Heading, Paragraph, Skeleton, Tag } from '@digdir/designsystemet-react';
import { useParams } from 'react-router-dom';
import { useApi } from '../../api/use-api.js';
import { useI18n } from '../../i18n/i18n.js';
import { AppLink } from '../../shell/AppLink.js';
import { ErrorAlert } from '../../shell/ErrorAlert.js';
import { NotFoundPage } from '../../shell/NotFoundPage.js';
import { PageHeader } from '../../shell/PageHeader.js';
import { cataloguePaths, type MeasureList, type MeasureView } from './catalogue-api.js';
import { AudienceTags, KindTag, ResponsibleActors, SourceNote } from './MeasureBits.js';
import { measureHref } from './MeasureResults.js';
import { measuresListHref } from './measures-href.js';
import { TextBlocks } from './TextBlocks.js';

function Neighbours({ id }: { id: string }) {
  const { t } = useI18n();
  const { data } = useApi<MeasureList>(cataloguePaths.measures());
  const measures = data?.measures ?? [];
  const index = measures.findIndex((m) => m.id === id);
  if (index < 0) return null;
  const previous = measures[index - 1];
  const next = measures[index + 1];
  return (
    <nav className="neighbours" aria-label={t('measure.neighbours')}>
      {previous ? (
        <AppLink to={measureHref(previous.id)} rel="prev">
          ← {t('measure.previous', { id: previous.id })}
        </AppLink>
      ) : (
        <span />
      )}
      {next ? (
        <AppLink to={measureHref(next.id)} rel="next">
          {t('measure.next', { id: next.id })} →
        </AppLink>
      ) : null}
    </nav>
  );
}

function MeasureFacts({ measure }: { measure: MeasureView }) {
  const { t } = useI18n();
  const unplaced = measure.responsible.status === 'unplaced';
  return (
    <dl className="facts">
      <div className="facts__row">
        <dt>{t('measure.area')}</dt>
        <dd>
          <AppLink to={`/areas#area-${measure.area.id}`} lang="nb">
            {measure.area.id} {measure.area.name}
          </AppLink>
        </dd>
      </div>
      <div className="facts__row">
        <dt>{t('measure.responsible')}</dt>
        <dd>
          <ResponsibleActors measure={measure} />
          {unplaced ? (
            <span className="facts__note">{t('measure.unplacedHelp', { text: measure.responsible.text })}</span>
          ) : null}
          {!unplaced && measure.responsible.text ? (
            <span className="facts__note" lang="nb">
              {t('measure.responsibleAsWritten', { text: measure.responsible.text })}
            </span>
          ) : null}
        </dd>
      </div>
      <div className="facts__row">
        <dt>{t('measure.relevantFor')}</dt>
        <dd>
          <span lang="nb">{measure.relevantFor.text}</span>
          <AudienceTags audiences={measure.relevantFor.audiences} />
          {measure.relevantFor.actors.length > 0 ? (
            <span className="facts__note">
              {t('measure.namedActors')}{' '}
              {measure.relevantFor.actors.map((actor, i) => (
                <span key={actor.id}>
                  {i > 0 ? ', ' : null}
                  <AppLink to={`/actors/${encodeURIComponent(actor.id)}`}>{actor.name}</AppLink>
                </span>
              ))}
            </span>
          ) : null}
        </dd>
      </div>
      <div className="facts__row">
        <dt>{t('measure.kind')}</dt>
        <dd>
          <KindTag kind={measure.kind} />
          {measure.status === 'retired' ? (
            <Tag data-color="neutral" data-size="sm" variant="outline">
              {t('measure.retired')}
            </Tag>
          ) : null}
        </dd>
      </div>
      <div className="facts__row">
        <dt>{t('measure.edition')}</dt>
        <dd>{measure.edition}</dd>
      </div>
    </dl>
  );
}

export function MeasurePage() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const { data: measure, error } = useApi<MeasureView>(cataloguePaths.measure(id));
  const crumbs = [
    { to: '/', label: t('nav.home') },
    { to: measuresListHref(), label: t('nav.measures') },
  ];

  if (error?.code === 'MEASURE_NOT_FOUND') return <NotFoundPage messageKey="error.MEASURE_NOT_FOUND" />;
  if (error) {
    return (
      <div className="page">
        <PageHeader title={t('measure.titleFallback', { id })} crumbs={crumbs} />
        <ErrorAlert error={error} />
      </div>
    );
  }
  if (!measure || measure.id !== id) {
    return (
      <div className="page" aria-busy="true">
        <PageHeader title={t('measure.titleFallback', { id })} crumbs={crumbs} />
        <Skeleton variant="text" width="60%" />
        <Skeleton variant="rectangle" height="12rem" />
      </div>
    );
  }

  return (
    <article className="page measure-page">
      <PageHeader
        title={
          <>
            <span className="measure-page__id">{measure.id}</span> <span lang="nb">{measure.title}</span>
          </>
        }
        documentTitle={`${measure.id} ${measure.title}`}
        eyebrow={
          <>
            {t('measure.area')}{' '}
            <span lang="nb">
              {measure.area.id} {measure.area.name}
            </span>
          </>
        }
        crumbs={crumbs}
      />
      <div className="measure-page__grid">
        <section className="measure-page__main" aria-labelledby="measure-description">
          <Heading level={2} data-size="sm" id="measure-description">
            {t('measure.description')}
          </Heading>
          <TextBlocks text={measure.description} />
          {measure.remark ? (
            <Alert data-color="info" className="measure-page__remark">
              <Heading level={3} data-size="2xs">
                {t('measure.remark')}
              </Heading>
              <Paragraph lang="nb">{measure.remark}</Paragraph>
            </Alert>
          ) : null}
          {measure.overviewTitle && measure.overviewTitle !== measure.title ? (
            <Paragraph data-size="sm" className="muted">
              {t('measure.overviewTitle')} <q lang="nb">{measure.overviewTitle}</q>
            </Paragraph>
          ) : null}
          <SourceNote source={measure.source} />
        </section>
        <aside className="measure-page__facts" aria-labelledby="measure-facts">
          <Heading level={2} data-size="xs" id="measure-facts">
            {t('measure.facts')}
          </Heading>
          <MeasureFacts measure={measure} />
          <p className="measure-page__more">
            <AppLink to={`/measures?area=${encodeURIComponent(measure.area.id)}`}>{t('measure.moreInArea')}</AppLink>
          </p>
        </aside>
      </div>
      <Neighbours id={measure.id} />
    </article>
  );
}
