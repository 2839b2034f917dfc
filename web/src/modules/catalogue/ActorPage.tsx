/** One actor: what kind of organisation it is, what it belongs to, and the measures it is responsible for. */
import { Heading, Paragraph, Skeleton, Tag } from '@digdir/designsystemet-react';
import { useParams } from 'react-router-dom';
import { useApi } from '../../api/use-api.js';
import { useI18n } from '../../i18n/i18n.js';
import { AppLink } from '../../shell/AppLink.js';
import { ErrorAlert } from '../../shell/ErrorAlert.js';
import { NotFoundPage } from '../../shell/NotFoundPage.js';
import { PageHeader } from '../../shell/PageHeader.js';
import { cataloguePaths, type ActorList, type ActorView, type MeasureList, type MeasureView } from './catalogue-api.js';
import { KindTag, SourceNote } from './MeasureBits.js';
import { measureHref } from './MeasureResults.js';

function MeasureLinks({ measures }: { measures: readonly MeasureView[] }) {
  return (
    <ul className="area-measures">
      {measures.map((m) => (
        <li key={m.id}>
          <span className="area-measures__id">{m.id}</span>
          <AppLink to={measureHref(m.id)} lang="nb">
            {m.title}
          </AppLink>
          <KindTag kind={m.kind} />
        </li>
      ))}
    </ul>
  );
}

export function ActorPage() {
  const { t, tn } = useI18n();
  const { id = '' } = useParams();
  const actor = useApi<ActorView>(cataloguePaths.actor(id));
  const actors = useApi<ActorList>(cataloguePaths.actors());
  const measures = useApi<MeasureList>(cataloguePaths.measures());
  const crumbs = [
    { to: '/', label: t('nav.home') },
    { to: '/actors', label: t('nav.actors') },
  ];

  if (actor.error?.code === 'ACTOR_NOT_FOUND') return <NotFoundPage messageKey="error.ACTOR_NOT_FOUND" />;
  const data = actor.data?.id === id ? actor.data : undefined;
  if (!data) {
    return (
      <div className="page">
        <PageHeader title={t('actors.titleFallback')} crumbs={crumbs} />
        {actor.error ? <ErrorAlert error={actor.error} /> : <Skeleton variant="rectangle" height="12rem" />}
      </div>
    );
  }

  const all = measures.data?.measures ?? [];
  const responsible = all.filter((m) => data.responsibleFor.includes(m.id));
  const relevant = all.filter((m) => m.relevantFor.actors.some((a) => a.id === data.id));
  const parent = actors.data?.actors.find((a) => a.id === data.partOf);
  const parts = actors.data?.actors.filter((a) => a.partOf === data.id) ?? [];

  return (
    <div className="page page--narrow">
      <PageHeader title={data.name} titleLang="nb" crumbs={crumbs}>
        <div className="actor-meta">
          <Tag data-color="neutral" data-size="sm">
            {t(`actorKind.${data.kind}`)}
          </Tag>
          {data.shortName !== data.name ? (
            <span className="muted">
              {t('actors.shortName')} <span lang="nb">{data.shortName}</span>
            </span>
          ) : null}
        </div>
      </PageHeader>
      {parent || parts.length > 0 ? (
        <Paragraph>
          {parent ? (
            <>
              {t('actors.partOf')} <AppLink to={`/actors/${encodeURIComponent(parent.id)}`}>{parent.name}</AppLink>
              .{' '}
            </>
          ) : null}
          {parts.length > 0 ? (
            <>
              {t('actors.hasParts')}{' '}
              {parts.map((p, i) => (
                <span key={p.id}>
                  {i > 0 ? ', ' : null}
                  <AppLink to={`/actors/${encodeURIComponent(p.id)}`}>{p.name}</AppLink>
                </span>
              ))}
              .
            </>
          ) : null}
        </Paragraph>
      ) : null}
      <section aria-labelledby="actor-responsible" className="actor-section">
        <Heading level={2} data-size="sm" id="actor-responsible">
          {tn('actors.responsibleHeading', responsible.length)}
        </Heading>
        {responsible.length > 0 ? (
          <>
            <MeasureLinks measures={responsible} />
            <p>
              <AppLink to={`/measures?actor=${encodeURIComponent(data.id)}`}>{t('actors.showInList')}</AppLink>
            </p>
          </>
        ) : (
          <Paragraph>{t('actors.noResponsibility')}</Paragraph>
        )}
      </section>
      {relevant.length > 0 ? (
        <section aria-labelledby="actor-relevant" className="actor-section">
          <Heading level={2} data-size="sm" id="actor-relevant">
            {tn('actors.relevantHeading', relevant.length)}
          </Heading>
          <MeasureLinks measures={relevant} />
        </section>
      ) : null}
      <SourceNote source={data.source} />
    </div>
  );
}
