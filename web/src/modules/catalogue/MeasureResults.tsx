/** The filtered measures: a table on wide screens, a list of cards on narrow ones. */
import { Card, Heading, Table } from '@digdir/designsystemet-react';
import { useT } from '../../i18n/i18n.js';
import { AppLink } from '../../shell/AppLink.js';
import { useMediaQuery, wideScreen } from '../../shell/use-media-query.js';
import type { MeasureView } from './catalogue-api.js';
import { KindTag, ResponsibleActors } from './MeasureBits.js';

export const measureHref = (id: string) => `/measures/${encodeURIComponent(id)}`;

function MeasureTable({ measures }: { measures: readonly MeasureView[] }) {
  const t = useT();
  return (
    <Table border zebra data-color="neutral" className="measures-table">
      <caption className="visually-hidden">{t('measures.tableCaption')}</caption>
      <Table.Head>
        <Table.Row>
          <Table.HeaderCell scope="col" className="measures-table__id">
            {t('measure.number')}
          </Table.HeaderCell>
          <Table.HeaderCell scope="col">{t('measure.title')}</Table.HeaderCell>
          <Table.HeaderCell scope="col">{t('measure.responsible')}</Table.HeaderCell>
          <Table.HeaderCell scope="col">{t('measure.kind')}</Table.HeaderCell>
        </Table.Row>
      </Table.Head>
      <Table.Body>
        {measures.map((measure) => (
          <Table.Row key={measure.id}>
            <Table.HeaderCell scope="row" className="measures-table__id">
              {measure.id}
            </Table.HeaderCell>
            <Table.Cell>
              <AppLink to={measureHref(measure.id)} lang="nb" data-color="accent">
                {measure.title}
              </AppLink>
              <span className="measures-table__area" lang="nb">
                {measure.area.id} {measure.area.name}
              </span>
            </Table.Cell>
            <Table.Cell>
              <ResponsibleActors measure={measure} links={false} />
            </Table.Cell>
            <Table.Cell>
              <KindTag kind={measure.kind} />
            </Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  );
}

function MeasureCards({ measures }: { measures: readonly MeasureView[] }) {
  const t = useT();
  return (
    <ul className="measure-cards">
      {measures.map((measure) => (
        <li key={measure.id}>
          <Card data-color="neutral" className="measure-card">
            <Heading level={3} data-size="2xs">
              <AppLink to={measureHref(measure.id)} data-color="accent">
                <span className="measure-card__id">{measure.id}</span> <span lang="nb">{measure.title}</span>
              </AppLink>
            </Heading>
            <p className="measure-card__area" lang="nb">
              {measure.area.id} {measure.area.name}
            </p>
            <dl className="measure-card__facts">
              <div>
                <dt>{t('measure.responsible')}</dt>
                <dd>
                  <ResponsibleActors measure={measure} links={false} />
                </dd>
              </div>
              <div>
                <dt>{t('measure.kind')}</dt>
                <dd>
                  <KindTag kind={measure.kind} />
                </dd>
              </div>
            </dl>
          </Card>
        </li>
      ))}
    </ul>
  );
}

export function MeasureResults({ measures }: { measures: readonly MeasureView[] }) {
  const wide = useMediaQuery(wideScreen);
  return wide ? <MeasureTable measures={measures} /> : <MeasureCards measures={measures} />;
}
