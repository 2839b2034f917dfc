/**
 * The front page: what Varde is and whom it is for, the strategy's purpose and objectives, the catalogue in
 * numbers, and the ways in.
 */
import { Button, Card, Heading, Paragraph, Skeleton } from '@digdir/designsystemet-react';
import type { ReactNode } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import { useApi } from '../../api/use-api.js';
import { useI18n, type MessageKey } from '../../i18n/i18n.js';
import { AppLink } from '../../shell/AppLink.js';
import { useDocumentTitle } from '../../shell/use-document-title.js';
import {
  cataloguePaths,
  type ActorList,
  type AreaList,
  type BasicMeasureList,
  type MeasureList,
  type ResponsibilityMatrixView,
  type StrategicAreaList,
  type StrategyView,
} from './catalogue-api.js';

const audiences: readonly { key: string; title: MessageKey; text: MessageKey }[] = [
  { key: 'strategy', title: 'home.users.strategy.title', text: 'home.users.strategy.text' },
  { key: 'owners', title: 'home.users.owners.title', text: 'home.users.owners.text' },
  { key: 'enterprises', title: 'home.users.enterprises.title', text: 'home.users.enterprises.text' },
  { key: 'reviewers', title: 'home.users.reviewers.title', text: 'home.users.reviewers.text' },
  { key: 'patients', title: 'home.users.patients.title', text: 'home.users.patients.text' },
];

function Figure({ value, label, to }: { value: number | undefined; label: string; to: string }) {
  return (
    <li className="figure">
      <RouterLink to={to} className="figure__link">
        <span className="figure__value">{value ?? '–'}</span>
        <span className="figure__label">{label}</span>
      </RouterLink>
    </li>
  );
}

function EntryCard({ to, title, children }: { to: string; title: string; children: ReactNode }) {
  return (
    <li>
      <Card data-color="accent" className="entry-card">
        <Heading level={3} data-size="xs">
          <AppLink to={to}>{title}</AppLink>
        </Heading>
        <Paragraph data-size="sm">{children}</Paragraph>
      </Card>
    </li>
  );
}

export function HomePage() {
  const { t } = useI18n();
  useDocumentTitle(undefined);
  const strategy = useApi<StrategyView>(cataloguePaths.strategy());
  const measures = useApi<MeasureList>(cataloguePaths.measures());
  const areas = useApi<AreaList>(cataloguePaths.areas());
  const strategicAreas = useApi<StrategicAreaList>(cataloguePaths.strategicAreas());
  const basic = useApi<BasicMeasureList>(cataloguePaths.basicMeasures());
  const actors = useApi<ActorList>(cataloguePaths.actors());
  const matrix = useApi<ResponsibilityMatrixView>(cataloguePaths.responsibilityMatrix());
  const responsibleActors = actors.data?.actors.filter((a) => a.responsibleFor.length > 0).length;

  return (
    <div className="page home">
      <section className="hero" aria-labelledby="home-title">
        <p className="hero__eyebrow">{t('home.eyebrow')}</p>
        <Heading level={1} data-size="xl" id="home-title">
          {t('home.title')}
        </Heading>
        <Paragraph data-size="lg" className="hero__lead">
          {t('home.lead')}
        </Paragraph>
        <div className="hero__actions">
          <Button asChild variant="primary">
            <RouterLink to="/measures">{t('home.ctaMeasures')}</RouterLink>
          </Button>
          <Button asChild variant="secondary">
            <RouterLink to="/actors">{t('home.ctaActors')}</RouterLink>
          </Button>
        </div>
      </section>

      <section aria-labelledby="home-figures" className="home__section">
        <Heading level={2} data-size="sm" id="home-figures">
          {t('home.figuresHeading')}
        </Heading>
        <ul className="figures">
          <Figure value={measures.data?.count} label={t('home.figures.measures')} to="/measures" />
          <Figure value={areas.data?.count} label={t('home.figures.areas')} to="/areas" />
          <Figure value={strategicAreas.data?.count} label={t('home.figures.strategicAreas')} to="/strategic-areas" />
          <Figure value={basic.data?.count} label={t('home.figures.basicMeasures')} to="/basic-measures" />
          <Figure value={responsibleActors} label={t('home.figures.actors')} to="/actors" />
          <Figure
            value={matrix.data?.unplaced.length}
            label={t('home.figures.unplaced')}
            to="/measures?responsibility=unplaced"
          />
        </ul>
      </section>

      <section aria-labelledby="home-strategy" className="home__section home__strategy">
        <div>
          <Heading level={2} data-size="sm" id="home-strategy">
            {t('home.purposeHeading')}
          </Heading>
          {strategy.data ? (
            <blockquote className="purpose" lang="nb">
              <p>{strategy.data.purpose.text}</p>
            </blockquote>
          ) : (
            <Skeleton variant="text" width="100%" />
          )}
        </div>
        <div>
          <Heading level={3} data-size="xs">
            {t('home.objectivesHeading')}
          </Heading>
          {strategy.data ? (
            <ol className="objectives" lang="nb">
              {strategy.data.objectives.map((objective) => (
                <li key={objective.id}>{objective.text}</li>
              ))}
            </ol>
          ) : (
            <Skeleton variant="rectangle" height="8rem" />
          )}
        </div>
      </section>

      <section aria-labelledby="home-users" className="home__section">
        <Heading level={2} data-size="sm" id="home-users">
          {t('home.usersHeading')}
        </Heading>
        <Paragraph className="home__intro">{t('home.usersIntro')}</Paragraph>
        <ul className="user-grid">
          {audiences.map((audience) => (
            <li key={audience.key} className="user-grid__item">
              <Heading level={3} data-size="2xs">
                {t(audience.title)}
              </Heading>
              <Paragraph data-size="sm">{t(audience.text)}</Paragraph>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="home-entries" className="home__section">
        <Heading level={2} data-size="sm" id="home-entries">
          {t('home.entriesHeading')}
        </Heading>
        <ul className="entry-grid">
          <EntryCard to="/measures" title={t('nav.measures')}>
            {t('home.entries.measures')}
          </EntryCard>
          <EntryCard to="/areas" title={t('nav.areas')}>
            {t('home.entries.areas')}
          </EntryCard>
          <EntryCard to="/strategic-areas" title={t('nav.strategicAreas')}>
            {t('home.entries.strategicAreas')}
          </EntryCard>
          <EntryCard to="/actors" title={t('nav.actors')}>
            {t('home.entries.actors')}
          </EntryCard>
          <EntryCard to="/basic-measures" title={t('nav.basicMeasures')}>
            {t('home.entries.basicMeasures')}
          </EntryCard>
        </ul>
      </section>
    </div>
  );
}
