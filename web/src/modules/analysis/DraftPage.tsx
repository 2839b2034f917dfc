/**
 * One draft (what-if): its changes, a form to propose a measure, and the coverage beside the published edition's,
 * with the gaps it closes or opens; then publish it as a new edition, or discard it. Strategy owner only.
 */
import {
  Alert,
  Button,
  Field,
  Heading,
  Input,
  Label,
  ListItem,
  ListUnordered,
  Paragraph,
  Skeleton,
  Tabs,
  Tag,
} from '@digdir/designsystemet-react';
import { useId, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { apiRequest } from '../../api/client.js';
import { clearApiCache } from '../../api/use-api.js';
import { useI18n } from '../../i18n/i18n.js';
import { ErrorAlert } from '../../shell/ErrorAlert.js';
import { PageHeader } from '../../shell/PageHeader.js';
import { analysisPaths, type DraftCoverage, type DraftDetail, type Gap } from './analysis-api.js';
import { ChangeMeasureForm } from './ChangeMeasureForm.js';
import { ComparisonTable } from './ComparisonTable.js';
import { DraftChanges } from './DraftChanges.js';
import { ExportLinks } from './ExportLinks.js';
import { gapKey, pick } from './labels.js';
import { ProblemList } from './ProblemList.js';
import { ProposeMeasureForm } from './ProposeMeasureForm.js';
import { useFresh } from './use-fresh.js';

function GapChanges({
  gaps,
  heading,
  colour,
  coverage,
}: {
  gaps: readonly Gap[];
  heading: string;
  colour: 'success' | 'danger';
  coverage: DraftCoverage;
}) {
  const { t, locale } = useI18n();
  if (gaps.length === 0) return null;
  return (
    <div>
      <Heading level={3} data-size="2xs">
        {heading}
      </Heading>
      <ListUnordered>
        {gaps.map((g) => {
          const target = coverage.proposed[g.dimension].find((x) => x.target.id === g.targetId);
          const title = target ? pick(target.target.title, locale) : { text: g.targetId, lang: 'nb' };
          return (
            <ListItem key={`${g.dimension}-${g.targetId}-${g.kind}`}>
              <Tag data-color={colour} data-size="sm">
                {t(gapKey(g.kind))}
              </Tag>{' '}
              {t(`analysis.dimension.${g.dimension}`)} {g.code} <span lang={title.lang}>{title.text}</span>
            </ListItem>
          );
        })}
      </ListUnordered>
    </div>
  );
}

export function DraftPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const navigate = useNavigate();
  const detail = useFresh<DraftDetail>(analysisPaths.draft(id));
  const coverage = useFresh<DraftCoverage>(analysisPaths.draftCoverage(id));
  const [editionTitle, setEditionTitle] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const fieldId = useId();
  const reload = () => {
    detail.reload();
    coverage.reload();
  };
  const draft = detail.data?.draft;
  const open = draft?.status === 'draft';

  const publish = async () => {
    setError(null);
    try {
      const result = await apiRequest<{ editionId: string }>(analysisPaths.draftPublish(id), {
        method: 'POST',
        body: editionTitle.trim() ? { editionTitle } : {},
      });
      clearApiCache();
      void navigate(`/analysis?published=${encodeURIComponent(result.editionId)}`);
    } catch (e) {
      setError(e);
    }
  };
  const discard = async () => {
    setError(null);
    try {
      await apiRequest(analysisPaths.draftDiscard(id), { method: 'POST', body: {} });
      reload();
    } catch (e) {
      setError(e);
    }
  };

  const loadError = detail.error ?? coverage.error;
  return (
    <div className="page analysis-page">
      <PageHeader
        title={draft ? t('analysis.draft.title', { title: draft.title }) : t('analysis.draft.titleLoading')}
        lead={t('analysis.draft.lead')}
        crumbs={[
          { to: '/', label: t('nav.home') },
          { to: '/analysis', label: t('analysis.title') },
        ]}
      >
        {draft ? (
          <Paragraph data-size="sm">
            <Tag data-size="sm" data-color={open ? 'info' : draft.status === 'published' ? 'success' : 'neutral'}>
              {t(`analysis.draftStatus.${draft.status}`)}
            </Tag>{' '}
            {t('analysis.draft.facts', {
              base: draft.baseEditionId,
              proposed: draft.proposedEditionId,
              by: draft.createdByName ?? '—',
            })}
          </Paragraph>
        ) : null}
      </PageHeader>
      {loadError ? <ErrorAlert error={loadError} /> : null}
      {!detail.data && !loadError ? <Skeleton variant="rectangle" height="20rem" /> : null}
      {detail.data && coverage.data ? (
        <>
          <section aria-labelledby="draft-compare" className="analysis-section">
            <Heading level={2} data-size="sm" id="draft-compare">
              {t('analysis.compare.heading')}
            </Heading>
            <Paragraph>{t('analysis.compare.lead')}</Paragraph>
            <div className="gap-changes" role="status">
              {coverage.data.comparison.gapsClosed.length === 0 && coverage.data.comparison.gapsOpened.length === 0 ? (
                <Paragraph>{t('analysis.compare.noGapChange')}</Paragraph>
              ) : null}
              <GapChanges
                gaps={coverage.data.comparison.gapsClosed}
                heading={t('analysis.compare.gapsClosed')}
                colour="success"
                coverage={coverage.data}
              />
              <GapChanges
                gaps={coverage.data.comparison.gapsOpened}
                heading={t('analysis.compare.gapsOpened')}
                colour="danger"
                coverage={coverage.data}
              />
            </div>
            <Tabs defaultValue="principles">
              <Tabs.List>
                {(['principles', 'goals', 'strategicAreas'] as const).map((d) => (
                  <Tabs.Tab key={d} value={d}>
                    {t(`analysis.dimension.${d}`)}
                  </Tabs.Tab>
                ))}
              </Tabs.List>
              {(['principles', 'goals', 'strategicAreas'] as const).map((d) => (
                <Tabs.Panel key={d} value={d} className="coverage-tabs__panel">
                  <ComparisonTable
                    dimension={d}
                    published={coverage.data!.published}
                    proposed={coverage.data!.proposed}
                    changes={coverage.data!.comparison.targets}
                  />
                </Tabs.Panel>
              ))}
            </Tabs>
          </section>
          <section aria-labelledby="draft-changes" className="analysis-section">
            <Heading level={2} data-size="sm" id="draft-changes">
              {t('analysis.draft.changesHeading')}
            </Heading>
            <DraftChanges detail={detail.data} published={coverage.data.published} editable={open} onChanged={reload} />
            {open ? <ProposeMeasureForm draftId={id} report={coverage.data.published} onSaved={reload} /> : null}
            {open ? <ChangeMeasureForm draftId={id} report={coverage.data.published} onSaved={reload} /> : null}
          </section>
          <section aria-labelledby="draft-export" className="analysis-section">
            <Heading level={2} data-size="sm" id="draft-export">
              {t('analysis.export.draftHeading')}
            </Heading>
            <ExportLinks href={(query) => analysisPaths.draftExport(id, query)} />
          </section>
          {open ? (
            <section aria-labelledby="draft-publish" className="analysis-section">
              <Heading level={2} data-size="sm" id="draft-publish">
                {t('analysis.publish.heading')}
              </Heading>
              <Paragraph>{t('analysis.publish.lead', { edition: detail.data.draft.proposedEditionId })}</Paragraph>
              {confirming ? (
                <Alert data-color="warning">
                  <Field>
                    <Label htmlFor={`${fieldId}-title`}>{t('analysis.publish.editionTitle')}</Label>
                    <Input
                      id={`${fieldId}-title`}
                      value={editionTitle}
                      onChange={(e) => setEditionTitle(e.target.value)}
                      maxLength={300}
                    />
                  </Field>
                  <div className="button-row">
                    <Button onClick={() => void publish()}>{t('analysis.publish.confirm')}</Button>
                    <Button variant="secondary" onClick={() => setConfirming(false)}>
                      {t('analysis.publish.cancel')}
                    </Button>
                  </div>
                </Alert>
              ) : (
                <div className="button-row">
                  <Button onClick={() => setConfirming(true)}>{t('analysis.publish.button')}</Button>
                  <Button variant="secondary" data-color="danger" onClick={() => void discard()}>
                    {t('analysis.publish.discard')}
                  </Button>
                </div>
              )}
            </section>
          ) : null}
          {error ? <ProblemList error={error} /> : null}
        </>
      ) : null}
    </div>
  );
}
