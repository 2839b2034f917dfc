/**
 * Who is responsible for what: the responsibility matrix (on narrow screens, a list per actor), the measures
 * whose responsibility is not yet placed shown as a gap, and every actor the catalogue names.
 */
import { Alert, Card, Heading, Paragraph, Skeleton, Tag } from '@digdir/designsystemet-react';
import { useApi } from '../../api/use-api.js';
import { useI18n } from '../../i18n/i18n.js';
import { AppLink } from '../../shell/AppLink.js';
import { ErrorAlert } from '../../shell/ErrorAlert.js';
import { PageHeader } from '../../shell/PageHeader.js';
import { useMediaQuery, wideScreen } from '../../shell/use-media-query.js';
import { cataloguePaths, type ActorList, type AreaList, type ResponsibilityMatrixView } from './catalogue-api.js';
import { measureHref } from './MeasureResults.js';
import { ResponsibilityMatrix } from './ResponsibilityMatrix.js';

function UnplacedGap({ matrix }: { matrix: ResponsibilityMatrixView }) {
  const { t, tn } = useI18n();
  if (matrix.unplaced.length === 0) return null;
  return (
    <Alert data-color="warning" className="gap-alert">
      <Heading level={2} data-size="xs">
        {tn('actors.gapHeading', matrix.unplaced.length)}
      </Heading>
      <Paragraph>{t('actors.gapLead')}</Paragraph>
      <ul className="gap-list">
        {matrix.unplaced.map((measure) => (
          <li key={measure.id}>
            <AppLink to={measureHref(measure.id)}>
              <span className="gap-list__id">{measure.id}</span> <span lang="nb">{measure.title}</span>
            </AppLink>
            <span className="gap-list__note" lang="nb">
              {t('actors.gapAsWritten', { text: measure.responsibleText })}
            </span>
          </li>
        ))}
      </ul>
    </Alert>
  );
}

function ActorResponsibilityList({ matrix }: { matrix: ResponsibilityMatrixView }) {
  const { tn } = useI18n();
  const titles = new Map(matrix.measures.map((m) => [m.id, m.title]));
  return (
    <ul className="actor-cards">
      {matrix.actors.map((actor) => (
        <li key={actor.id}>
          <Card data-color="neutral" className="actor-card">
            <Heading level={3} data-size="2xs">
              <AppLink to={`/actors/${encodeURIComponent(actor.id)}`} lang="nb" data-color="accent">
                {actor.name}
              </AppLink>
            </Heading>
            <p className="muted">{tn('actors.measureCount', actor.measureIds.length)}</p>
            <ul className="actor-card__measures">
              {actor.measureIds.map((id) => (
                <li key={id}>
                  <AppLink to={measureHref(id)} data-color="accent">
                    <span className="gap-list__id">{id}</span> <span lang="nb">{titles.get(id) ?? ''}</span>
                  </AppLink>
                </li>
              ))}
            </ul>
          </Card>
        </li>
      ))}
    </ul>
  );
}

export function ActorsPage() {
  const { t, tn } = useI18n();
  const matrix = useApi<ResponsibilityMatrixView>(cataloguePaths.responsibilityMatrix());
  const areas = useApi<AreaList>(cataloguePaths.areas());
  const actors = useApi<ActorList>(cataloguePaths.actors());
  const wide = useMediaQuery(wideScreen);
  const error = matrix.error ?? areas.error ?? actors.error;

  return (
    <div className="page">
      <PageHeader title={t('actors.title')} lead={t('actors.lead')} crumbs={[{ to: '/', label: t('nav.home') }]} />
      {error ? <ErrorAlert error={error} /> : null}
      {matrix.data ? <UnplacedGap matrix={matrix.data} /> : null}
      <section aria-labelledby="matrix-heading" className="matrix-section">
        <Heading level={2} data-size="sm" id="matrix-heading">
          {t('actors.matrixHeading')}
        </Heading>
        <Paragraph className="muted">{wide ? t('actors.matrixHelp') : t('actors.listHelp')}</Paragraph>
        {matrix.data && areas.data ? (
          wide ? (
            <ResponsibilityMatrix matrix={matrix.data} areas={areas.data.areas} />
          ) : (
            <ActorResponsibilityList matrix={matrix.data} />
          )
        ) : (
          <Skeleton variant="rectangle" height="24rem" />
        )}
      </section>
      <section aria-labelledby="all-actors-heading" className="all-actors">
        <Heading level={2} data-size="sm" id="all-actors-heading">
          {t('actors.allHeading')}
        </Heading>
        <ul className="actor-index">
          {(actors.data?.actors ?? []).map((actor) => (
            <li key={actor.id}>
              <AppLink to={`/actors/${encodeURIComponent(actor.id)}`} lang="nb">
                {actor.name}
              </AppLink>
              <span className="actor-index__meta">
                <Tag data-color="neutral" data-size="sm" variant="outline">
                  {t(`actorKind.${actor.kind}`)}
                </Tag>
                <span className="muted">{tn('actors.measureCount', actor.responsibleFor.length)}</span>
              </span>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
