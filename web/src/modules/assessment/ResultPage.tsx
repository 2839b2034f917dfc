/**
 * The result of an assessment: the maturity profile (current against target, and the closest published peer group
 * where it is large enough), the counts of "don't know" and "not relevant", the workflow (submit, approve, reopen),
 * the ranked suggestions for the action plan with their guidance, and the downloads (PDF, XLSX).
 */
import { Button, Card, Checkbox, Heading, Paragraph, Skeleton, Table, Tag } from '@digdir/designsystemet-react';
import { lazy, Suspense, useState } from 'react';
import { useParams } from 'react-router-dom';
import { ApiError } from '../../api/client.js';
import { useI18n, type MessageKey } from '../../i18n/i18n.js';
import { AppLink } from '../../shell/AppLink.js';
import { ErrorAlert } from '../../shell/ErrorAlert.js';
import { PageHeader } from '../../shell/PageHeader.js';
import {
  assessmentActions,
  assessmentPaths,
  type ActionSuggestion,
  type AssessmentDetail,
  type BenchmarkView,
} from './assessment-api.js';
import { effortKey, reasonKey, statusKey } from './labels.js';
import { PeerNote } from './PeerNote.js';
import { formatNumber, pick, useFresh } from './use-assessment.js';

const ProfileChart = lazy(() => import('./ProfileChart.js'));

export function ResultPage() {
  const { id = '' } = useParams();
  const { t, locale } = useI18n();
  const detail = useFresh<AssessmentDetail>(assessmentPaths.assessment(id));
  const suggestions = useFresh<{ suggestions: ActionSuggestion[] }>(assessmentPaths.suggestions(id));
  const year = detail.data?.assessment.year;
  const isBasic = (detail.data?.guide.length ?? 0) > 0;
  const benchmark = useFresh<BenchmarkView>(isBasic && year ? assessmentPaths.benchmark(year) : null);
  const [error, setError] = useState<unknown>(null);
  const [added, setAdded] = useState<string[]>([]);
  const [status, setStatus] = useState('');
  const [showAll, setShowAll] = useState(false);

  if (detail.error)
    return (
      <div className="page">
        <ErrorAlert error={detail.error} />
      </div>
    );
  if (!detail.data)
    return (
      <div className="page">
        <Skeleton variant="rectangle" height="24rem" />
      </div>
    );
  const { assessment, framework, result, answers } = detail.data;
  const guideById = new Map(detail.data.guide.map((g) => [g.id, g]));
  const titleOf = (categoryId: string) => {
    const g = guideById.get(categoryId);
    return g ? pick(g.plainTitle, locale) : pick(framework.categories.find((c) => c.id === categoryId)?.title, locale);
  };
  const peers = new Map((benchmark.data?.rows ?? []).map((r) => [r.requirementId, r.peers]));
  const showPeers = isBasic && benchmark.data !== undefined && benchmark.data.year !== null;
  const rows = result.categories.map((c) => ({
    id: c.categoryId,
    label: titleOf(c.categoryId),
    current: c.average,
    target: c.targetAverage,
    ...(showPeers ? { peers: peers.get(c.categoryId)?.cell.mean ?? null } : {}),
    notRelevant: c.notRelevantCount,
    dontKnow: c.dontKnowCount,
  }));
  const summary = t('assessment.result.chartSummary', {
    list: rows.map((r) => `${r.label}: ${r.current === null ? '–' : formatNumber(r.current, locale)}`).join('; '),
  });
  const firstPeers = (benchmark.data?.rows ?? []).find((r) => r.peers)?.peers ?? null;

  const act = async (action: 'submit' | 'approve' | 'reopen') => {
    setError(null);
    try {
      await assessmentActions.transition(id, action);
      setStatus(t(`assessment.result.done.${action}` as MessageKey));
      detail.reload();
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError('UNKNOWN', String(e), 0));
    }
  };
  const share = async (value: boolean) => {
    try {
      await assessmentActions.settings(id, { shareAnonymously: value });
      detail.reload();
    } catch (e) {
      setError(e);
    }
  };
  const addToPlan = async (s: ActionSuggestion) => {
    setError(null);
    try {
      await assessmentActions.addAction({ assessmentId: id, templateId: s.templateId, locale });
      setAdded((a) => [...a, s.templateId]);
      setStatus(t('assessment.result.added', { title: pick(s.title, locale) }));
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError('UNKNOWN', String(e), 0));
    }
  };
  const open = assessment.status === 'draft' || assessment.status === 'in-progress';

  return (
    <div className="page">
      <PageHeader
        title={t('assessment.result.title', { title: assessment.title })}
        documentTitle={assessment.title}
        crumbs={[{ to: '/assessment', label: t('assessment.home.title') }]}
      >
        <p className="asm-meta">
          <Tag data-size="sm" data-color={assessment.status === 'approved' ? 'success' : 'neutral'}>
            {t(statusKey(assessment.status))}
          </Tag>{' '}
          {t('assessment.result.completion', { percent: Math.round(result.completion * 100) })}
        </p>
      </PageHeader>
      <p className="visually-hidden" role="status">
        {status}
      </p>
      {error ? <ErrorAlert error={error} /> : null}

      <section className="asm-section" aria-labelledby="asm-profile-heading">
        <Heading level={2} data-size="sm" id="asm-profile-heading">
          {t('assessment.result.profileHeading')}
        </Heading>
        <Paragraph data-size="sm">{t('assessment.result.profileHelp')}</Paragraph>
        <Suspense fallback={<Skeleton variant="rectangle" height="20rem" />}>
          <ProfileChart rows={rows} summary={summary} max={Math.max(...framework.scale.levels.map((l) => l.value))} />
        </Suspense>
        {showPeers && firstPeers && benchmark.data ? (
          <PeerNote peers={firstPeers} enterprise={benchmark.data.enterprise} k={benchmark.data.k} />
        ) : null}
        {isBasic && benchmark.data?.year === null ? (
          <Paragraph data-size="sm">{t('assessment.result.noPeers')}</Paragraph>
        ) : null}
        <Table className="asm-table" data-size="sm">
          <caption className="visually-hidden">{t('assessment.result.profileHeading')}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('assessment.result.col.area')}</Table.HeaderCell>
              <Table.HeaderCell>{t('assessment.result.col.current')}</Table.HeaderCell>
              <Table.HeaderCell>{t('assessment.result.col.target')}</Table.HeaderCell>
              {showPeers ? <Table.HeaderCell>{t('assessment.result.col.peers')}</Table.HeaderCell> : null}
              <Table.HeaderCell>{t('assessment.result.col.dontKnowOrNotRelevant')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {rows.map((r) => (
              <Table.Row key={r.id}>
                <Table.HeaderCell scope="row">{r.label}</Table.HeaderCell>
                <Table.Cell>{r.current === null ? '–' : formatNumber(r.current, locale)}</Table.Cell>
                <Table.Cell>{r.target === null ? '–' : formatNumber(r.target, locale)}</Table.Cell>
                {showPeers ? (
                  <Table.Cell>
                    {peers.get(r.id)?.cell.mean == null
                      ? t('assessment.result.peersHidden')
                      : formatNumber(peers.get(r.id)!.cell.mean!, locale)}
                  </Table.Cell>
                ) : null}
                <Table.Cell>
                  {[
                    r.dontKnow ? t('assessment.result.dontKnowCount', { count: r.dontKnow }) : '',
                    r.notRelevant ? t('assessment.result.notRelevantCount', { count: r.notRelevant }) : '',
                  ]
                    .filter(Boolean)
                    .join(', ') || '–'}
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
        <Paragraph data-size="sm">
          <AppLink to="/assessment/benchmark">{t('assessment.result.benchmarkLink')}</AppLink>
        </Paragraph>
      </section>

      <section className="asm-section" aria-labelledby="asm-plan-heading">
        <Heading level={2} data-size="sm" id="asm-plan-heading">
          {t('assessment.result.planHeading')}
        </Heading>
        <Paragraph data-size="sm">{t('assessment.result.planHelp')}</Paragraph>
        {suggestions.data && suggestions.data.suggestions.length === 0 ? (
          <Paragraph>{t('assessment.result.noSuggestions')}</Paragraph>
        ) : null}
        <ol className="asm-suggestions">
          {(suggestions.data?.suggestions ?? []).slice(0, showAll ? 30 : 6).map((s) => {
            const requirement = framework.requirements.find((r) => r.id === s.requirementId);
            return (
              <li key={s.templateId}>
                <Card data-color="neutral" className="asm-suggestion">
                  <Heading level={3} data-size="2xs">
                    {pick(s.title, locale)}
                  </Heading>
                  <Paragraph data-size="sm">{pick(s.description, locale)}</Paragraph>
                  <p className="asm-tags">
                    {s.quickWin ? (
                      <Tag data-size="sm" data-color="success">
                        {t('assessment.result.quickWin')}
                      </Tag>
                    ) : null}{' '}
                    <Tag data-size="sm" data-color="neutral" variant="outline">
                      {t(effortKey(s.effort))}
                    </Tag>{' '}
                    <span className="asm-muted">
                      {t('assessment.result.raises', {
                        title: guideById.get(s.requirementId)
                          ? pick(guideById.get(s.requirementId)!.plainTitle, locale)
                          : pick(requirement?.title, locale),
                        from: s.current === null ? '?' : s.current,
                        to: s.expectedLevel,
                      })}
                    </span>
                  </p>
                  <p className="asm-muted asm-small">{s.reasons.map((r) => t(reasonKey(r))).join(' ')}</p>
                  {added.includes(s.templateId) ? (
                    <Paragraph data-size="sm">{t('assessment.result.inPlan')}</Paragraph>
                  ) : (
                    <Button variant="secondary" data-size="sm" onClick={() => void addToPlan(s)}>
                      {t('assessment.result.addToPlan')}
                      <span className="visually-hidden">: {pick(s.title, locale)}</span>
                    </Button>
                  )}
                </Card>
              </li>
            );
          })}
        </ol>
        {!showAll && (suggestions.data?.suggestions.length ?? 0) > 6 ? (
          <div>
            <Button variant="tertiary" onClick={() => setShowAll(true)}>
              {t('assessment.result.showAll', { count: suggestions.data!.suggestions.length })}
            </Button>
          </div>
        ) : null}
        <Paragraph>
          <AppLink to="/assessment/actions">{t('assessment.result.planLink')}</AppLink>
        </Paragraph>
      </section>

      <section className="asm-section" aria-labelledby="asm-workflow-heading">
        <Heading level={2} data-size="sm" id="asm-workflow-heading">
          {t('assessment.result.workflowHeading')}
        </Heading>
        <Paragraph data-size="sm">{t(`assessment.result.workflowHelp.${assessment.status}` as MessageKey)}</Paragraph>
        <div className="asm-buttons">
          {open ? (
            <>
              <AppLink to={assessment.path === 'small-enterprise' ? `/assessment/${id}/quick` : `/assessment/${id}`}>
                {t('assessment.result.edit')}
              </AppLink>
              <Button onClick={() => void act('submit')}>{t('assessment.result.submit')}</Button>
            </>
          ) : null}
          {assessment.status === 'submitted' ? (
            <>
              <Button onClick={() => void act('approve')}>{t('assessment.result.approve')}</Button>
              <Button variant="secondary" onClick={() => void act('reopen')}>
                {t('assessment.result.reopen')}
              </Button>
            </>
          ) : null}
        </div>
        {isBasic ? (
          <Checkbox
            label={t('assessment.result.share')}
            description={t('assessment.result.shareHelp')}
            checked={assessment.shareAnonymously}
            onChange={(e) => void share(e.target.checked)}
          />
        ) : null}
        <p className="asm-muted asm-small">
          {answers.length > 0
            ? t('assessment.result.lastAnswer', {
                name: answers.slice().sort((a, b) => b.answeredAt.localeCompare(a.answeredAt))[0]!.answeredBy.name,
              })
            : null}
        </p>
      </section>

      <section className="asm-section" aria-labelledby="asm-downloads-heading">
        <Heading level={2} data-size="sm" id="asm-downloads-heading">
          {t('assessment.result.downloads')}
        </Heading>
        <ul className="asm-plain-list">
          <li>
            <a href={assessmentPaths.exportAssessment(id, 'pdf', locale)} download>
              {t('assessment.result.downloadPdf')}
            </a>
          </li>
          <li>
            <a href={assessmentPaths.exportAssessment(id, 'xlsx', locale)} download>
              {t('assessment.result.downloadXlsx')}
            </a>
          </li>
        </ul>
      </section>
    </div>
  );
}
