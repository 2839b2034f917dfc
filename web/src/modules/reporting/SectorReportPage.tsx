/**
 * A published sector report: what it is (year, version, when, by whom, content hash), the downloads (PDF, XLSX,
 * CSV, made from the frozen snapshot), status by area and actor, and the gap.
 */
import { Button, Heading, Paragraph, Skeleton, Table } from '@digdir/designsystemet-react';
import { useParams } from 'react-router-dom';
import { useI18n } from '../../i18n/i18n.js';
import { ErrorAlert } from '../../shell/ErrorAlert.js';
import { PageHeader } from '../../shell/PageHeader.js';
import { StatusText } from './labels.js';
import { reportingPaths, type PublicationView, type SectorReportSnapshot } from './reporting-api.js';
import { groupRows, StatusPanel } from './StatusTables.js';
import { useFresh } from './use-reporting.js';

type Published = PublicationView & { readonly snapshot: SectorReportSnapshot };

export function SectorReportPage() {
  const { id = '' } = useParams();
  const { t, locale, formatDate } = useI18n();
  const report = useFresh<Published>(reportingPaths.sectorReport(id));
  const p = report.data;
  const s = p?.snapshot;
  return (
    <div className="page">
      <PageHeader
        title={
          p ? t('reporting.publication.name', { year: p.year, version: p.version }) : t('reporting.publication.title')
        }
        lead={p ? t('reporting.publication.lead', { date: formatDate(p.publishedAt), by: p.publishedBy }) : undefined}
        crumbs={[
          { to: '/', label: t('nav.home') },
          { to: '/reporting', label: t('reporting.home.title') },
          { to: '/reporting/dashboard', label: t('reporting.dashboard.title') },
        ]}
      />
      {report.error ? <ErrorAlert error={report.error} /> : null}
      {!p && !report.error ? <Skeleton variant="rectangle" height="320px" /> : null}
      {p && s ? (
        <>
          <section className="rep-section" aria-labelledby="downloads-heading">
            <Heading level={2} data-size="sm" id="downloads-heading">
              {t('reporting.publication.downloads')}
            </Heading>
            <div className="rep-downloads">
              {(['pdf', 'xlsx', 'csv'] as const).map((format) => (
                <Button key={format} asChild variant={format === 'pdf' ? 'primary' : 'secondary'}>
                  <a href={reportingPaths.download(p.id, format, locale)} download>
                    {t(`reporting.publication.download.${format}`)}
                  </a>
                </Button>
              ))}
            </div>
            <Paragraph data-size="sm" className="muted rep-hash">
              {t('reporting.publication.hash', { hash: p.contentHash })}
            </Paragraph>
          </section>
          <Paragraph>
            {t('reporting.publication.summary', {
              approved: s.totals.approved,
              expected: s.totals.expected,
              missing: s.totals.missing,
              gap: s.totals.unplaced,
            })}
          </Paragraph>
          <section className="rep-section" aria-labelledby="pub-area-heading">
            <Heading level={2} data-size="sm" id="pub-area-heading">
              {t('reporting.dashboard.byArea', { year: p.year })}
            </Heading>
            <StatusPanel
              caption={t('reporting.dashboard.byAreaCaption', { year: p.year })}
              rowHeader={t('reporting.table.area')}
              rows={groupRows(s.byArea, (g) => `${g.id} ${g.name}`)}
              labelWidth={200}
            />
          </section>
          <section className="rep-section" aria-labelledby="pub-actor-heading">
            <Heading level={2} data-size="sm" id="pub-actor-heading">
              {t('reporting.dashboard.byActor', { year: p.year })}
            </Heading>
            <StatusPanel
              caption={t('reporting.dashboard.byActorCaption', { year: p.year })}
              rowHeader={t('reporting.table.actor')}
              rows={groupRows(s.byActor, (g) => (g as { shortName?: string }).shortName ?? g.name)}
            />
          </section>
          <section className="rep-section" aria-labelledby="pub-reports-heading">
            <Heading level={2} data-size="sm" id="pub-reports-heading">
              {t('reporting.publication.reports')}
            </Heading>
            <div className="rep-table-wrap" role="region" aria-label={t('reporting.publication.reports')} tabIndex={0}>
              <Table border data-size="sm" className="rep-table">
                <caption className="visually-hidden">{t('reporting.publication.reports')}</caption>
                <Table.Head>
                  <Table.Row>
                    <Table.HeaderCell scope="col">{t('reporting.report.measure')}</Table.HeaderCell>
                    <Table.HeaderCell scope="col">{t('reporting.cycle.actor')}</Table.HeaderCell>
                    <Table.HeaderCell scope="col">{t('reporting.report.status')}</Table.HeaderCell>
                    <Table.HeaderCell scope="col">{t('reporting.publication.lastYear')}</Table.HeaderCell>
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {s.reports.map((r) => (
                    <Table.Row key={`${r.measureId}-${r.actorId}`}>
                      <Table.Cell lang="nb">
                        {r.measureId} {r.measureTitle}
                      </Table.Cell>
                      <Table.Cell>{r.actorName}</Table.Cell>
                      <Table.Cell>
                        {r.approved ? (
                          <StatusText status={r.status} />
                        ) : (
                          <span className="muted">{t('reporting.publication.notApproved')}</span>
                        )}
                      </Table.Cell>
                      <Table.Cell>
                        <StatusText status={r.previousStatus} />
                      </Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            </div>
          </section>
        </>
      ) : null}
    </div>
  );
}
