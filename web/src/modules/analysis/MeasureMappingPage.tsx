/**
 * One measure's links in the published edition: what it supports and why; the history of changes (logged-in users);
 * and, for the strategy owner, a form to change the links with a reason.
 */
import { Button, Field, Heading, Input, Label, Paragraph, Skeleton, Table } from '@digdir/designsystemet-react';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useParams } from 'react-router-dom';
import { apiRequest } from '../../api/client.js';
import { clearApiCache, useApi } from '../../api/use-api.js';
import { useI18n } from '../../i18n/i18n.js';
import { AppLink } from '../../shell/AppLink.js';
import { ErrorAlert } from '../../shell/ErrorAlert.js';
import { PageHeader } from '../../shell/PageHeader.js';
import {
  analysisPaths,
  dimensionList,
  type CoverageReport,
  type MappingRevision,
  type MeasureLinks,
  type PublicMapping,
} from './analysis-api.js';
import { pick, strengthKey } from './labels.js';
import { emptyLinks, LinksEditor } from './LinksEditor.js';
import { ProblemList } from './ProblemList.js';
import { useFresh } from './use-fresh.js';
import { useSessionRoles } from './use-session.js';

function LinkTable({ links, report }: { links: MeasureLinks; report: CoverageReport }) {
  const { t, locale } = useI18n();
  return (
    <>
      {dimensionList.map((dimension) => (
        <div key={dimension} className="analysis-subsection">
          <Heading level={3} data-size="2xs">
            {t(`analysis.dimension.${dimension}`)}
          </Heading>
          {links[dimension].length === 0 ? (
            <Paragraph data-size="sm">{t('analysis.mapping.none')}</Paragraph>
          ) : (
            <ul className="link-reasons">
              {links[dimension].map((link) => {
                const target = report[dimension].find((x) => x.target.id === link.target);
                const title = target ? pick(target.target.title, locale) : { text: link.target, lang: 'nb' };
                const reason = pick(link.rationale, locale);
                return (
                  <li key={link.target}>
                    <span className={`strength-tag strength-tag--${link.strength}`}>
                      {t(strengthKey(link.strength))}
                    </span>{' '}
                    {target?.target.code ?? link.target} <span lang={title.lang}>{title.text}</span>
                    <br />
                    <span className="muted" lang={reason.lang}>
                      {reason.text}
                    </span>
                  </li>
                );
              })}
            </ul>
          )}
        </div>
      ))}
    </>
  );
}

export function MeasureMappingPage() {
  const { measureId = '' } = useParams();
  const { t, formatDate } = useI18n();
  const id = useId();
  const session = useSessionRoles();
  const owner = session.roles.includes('strategy-owner');
  const report = useApi<CoverageReport>(analysisPaths.coverage());
  const mapping = useFresh<PublicMapping>(analysisPaths.mapping());
  const history = useFresh<{ revisions: MappingRevision[] }>(
    session.loggedIn ? analysisPaths.measureHistory(measureId) : null,
  );
  const current = mapping.data?.measures.find((m) => m.measureId === measureId);
  const measure = report.data?.measures.find((m) => m.id === measureId);
  const [draft, setDraft] = useState<MeasureLinks>(emptyLinks());
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (current) setDraft(current.links);
  }, [current]);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setSaved(false);
    try {
      await apiRequest(analysisPaths.measureMapping(measureId), {
        method: 'PUT',
        body: { links: draft, note, expectedRevision: current?.revision ?? 0 },
      });
      clearApiCache('/api/v1/analysis');
      setNote('');
      setSaved(true);
      mapping.reload();
      history.reload();
    } catch (e) {
      setError(e);
    }
  };

  const title = measure ? `${measure.id} ${measure.title}` : t('analysis.mapping.titleFallback', { id: measureId });
  return (
    <div className="page analysis-page">
      <PageHeader
        title={title}
        titleLang="nb"
        eyebrow={t('analysis.mapping.eyebrow')}
        lead={t('analysis.mapping.lead')}
        crumbs={[
          { to: '/', label: t('nav.home') },
          { to: '/analysis', label: t('analysis.title') },
        ]}
      >
        <Paragraph data-size="sm">
          <AppLink to={`/measures/${encodeURIComponent(measureId)}`}>{t('analysis.mapping.toMeasure')}</AppLink>
        </Paragraph>
      </PageHeader>
      {report.error || mapping.error ? <ErrorAlert error={report.error ?? mapping.error} /> : null}
      {!report.data || !mapping.data ? <Skeleton variant="rectangle" height="16rem" /> : null}
      {report.data && current ? (
        <section aria-labelledby="mapping-links" className="analysis-section">
          <Heading level={2} data-size="sm" id="mapping-links">
            {t('analysis.mapping.linksHeading')}
          </Heading>
          <Paragraph data-size="sm" className="muted">
            {t('analysis.mapping.revision', { revision: current.revision, date: formatDate(current.at) })}
          </Paragraph>
          <LinkTable links={current.links} report={report.data} />
        </section>
      ) : null}
      {report.data && owner && current ? (
        <form className="analysis-section mapping-form" onSubmit={(e) => void save(e)} aria-labelledby="mapping-edit">
          <Heading level={2} data-size="sm" id="mapping-edit">
            {t('analysis.mapping.editHeading')}
          </Heading>
          <LinksEditor
            value={draft}
            onChange={setDraft}
            targets={{
              principles: report.data.principles,
              goals: report.data.goals,
              strategicAreas: report.data.strategicAreas,
            }}
          />
          <Field>
            <Label htmlFor={`${id}-note`}>{t('analysis.mapping.note')}</Label>
            <Field.Description>{t('analysis.mapping.noteHelp')}</Field.Description>
            <Input id={`${id}-note`} value={note} onChange={(e) => setNote(e.target.value)} required maxLength={500} />
          </Field>
          {error ? <ProblemList error={error} /> : null}
          {saved ? (
            <Paragraph role="status" className="saved-note">
              {t('analysis.mapping.saved')}
            </Paragraph>
          ) : null}
          <Button type="submit">{t('analysis.mapping.save')}</Button>
        </form>
      ) : null}
      {history.data ? (
        <section aria-labelledby="mapping-history" className="analysis-section">
          <Heading level={2} data-size="sm" id="mapping-history">
            {t('analysis.mapping.historyHeading')}
          </Heading>
          <Table>
            <caption className="visually-hidden">{t('analysis.mapping.historyHeading')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('analysis.mapping.historyRevision')}</Table.HeaderCell>
                <Table.HeaderCell>{t('analysis.mapping.historyWhen')}</Table.HeaderCell>
                <Table.HeaderCell>{t('analysis.mapping.historyWho')}</Table.HeaderCell>
                <Table.HeaderCell>{t('analysis.mapping.historyWhy')}</Table.HeaderCell>
                <Table.HeaderCell>{t('analysis.mapping.historyLinks')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {history.data.revisions.map((r) => (
                <Table.Row key={r.revision}>
                  <Table.Cell>{r.revision}</Table.Cell>
                  <Table.Cell>{formatDate(r.at)}</Table.Cell>
                  <Table.Cell>{r.authorName ?? t(`analysis.origin.${r.origin}`)}</Table.Cell>
                  <Table.Cell>{r.note}</Table.Cell>
                  <Table.Cell>
                    {dimensionList
                      .map(
                        (d) => `${t(`analysis.dimension.${d}`)}: ${r.links[d].map((l) => l.target).join(', ') || '—'}`,
                      )
                      .join('; ')}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </section>
      ) : null}
    </div>
  );
}
