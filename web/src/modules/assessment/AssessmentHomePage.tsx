/**
 * "Our security" for an enterprise: what it means for this kind of enterprise, the short guided path for small
 * enterprises, a full assessment against any framework, the assessments year by year, and the way on to the action
 * plan, the comparison with similar enterprises, history and surveys to answer.
 */
import {
  Button,
  Card,
  Field,
  Heading,
  Label,
  Paragraph,
  Select,
  Skeleton,
  Table,
  Tag,
} from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { ApiError } from '../../api/client.js';
import { useI18n } from '../../i18n/i18n.js';
import { AppLink } from '../../shell/AppLink.js';
import { ErrorAlert } from '../../shell/ErrorAlert.js';
import { PageHeader } from '../../shell/PageHeader.js';
import {
  assessmentActions,
  assessmentPaths,
  type AssessmentContext,
  type AssessmentResult,
  type StoredAssessment,
  type Survey,
} from './assessment-api.js';
import { LoginNeeded } from './LoginNeeded.js';
import { regionKey, sizeKey, statusKey, typeKey } from './labels.js';
import { formatNumber, pick, useFresh, useSessionRoles } from './use-assessment.js';

const basicMeasures = 'urn:varde:framework:grunnleggende-tiltak-v0.7';

export function AssessmentHomePage() {
  const { t, locale, formatDate } = useI18n();
  const session = useSessionRoles();
  const isMember = session.roles.includes('enterprise-lead') || session.roles.includes('enterprise-member');
  const context = useFresh<AssessmentContext>(isMember ? assessmentPaths.context() : null);
  const list = useFresh<{ assessments: (StoredAssessment & { result: AssessmentResult })[] }>(
    isMember ? assessmentPaths.assessments() : null,
  );
  const surveys = useFresh<{ surveys: (Survey & { recipientStatus: string })[] }>(
    isMember ? assessmentPaths.mySurveys() : null,
  );
  const navigate = useNavigate();
  const [framework, setFramework] = useState(basicMeasures);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const year = new Date().getFullYear();

  const start = async (path: 'small-enterprise' | 'full') => {
    setBusy(true);
    setError(null);
    try {
      const created = await assessmentActions.create({
        year,
        path,
        frameworkId: path === 'full' ? framework : undefined,
      });
      void navigate(path === 'small-enterprise' ? `/assessment/${created.id}/quick` : `/assessment/${created.id}`);
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError('UNKNOWN', String(e), 0));
      setBusy(false);
    }
  };

  const header = (
    <PageHeader
      title={t('assessment.home.title')}
      lead={t('assessment.home.lead')}
      crumbs={[{ to: '/', label: t('nav.home') }]}
    />
  );
  if (!session.loaded)
    return (
      <div className="page">
        {header}
        <Skeleton variant="rectangle" height="12rem" />
      </div>
    );
  if (!session.loggedIn || !isMember) {
    return (
      <div className="page">
        {header}
        <LoginNeeded reason={session.loggedIn ? 'enterprise' : 'login'} />
        <Paragraph className="asm-section">
          <AppLink to="/sector">{t('assessment.home.sectorLink')}</AppLink>
        </Paragraph>
      </div>
    );
  }
  const enterprise = context.data?.enterprise;
  const open = (list.data?.assessments ?? []).find((a) => a.status === 'draft' || a.status === 'in-progress');
  const pending = (surveys.data?.surveys ?? []).filter((s) => s.status === 'open' && s.recipientStatus !== 'submitted');
  return (
    <div className="page">
      {header}
      {context.error ? <ErrorAlert error={context.error} /> : null}
      {error ? <ErrorAlert error={error} /> : null}
      {enterprise ? (
        <Card data-color="neutral" className="asm-enterprise">
          <Heading level={2} data-size="xs">
            {enterprise.name}
          </Heading>
          <Paragraph data-size="sm">
            {t(typeKey(enterprise.organisationType))} · {t(sizeKey(enterprise.sizeClass))} ·{' '}
            {t(regionKey(enterprise.region))}
          </Paragraph>
          {context.data?.typeSummary ? <Paragraph>{pick(context.data.typeSummary, locale)}</Paragraph> : null}
        </Card>
      ) : null}

      {pending.length > 0 ? (
        <section className="asm-section" aria-labelledby="asm-surveys-heading">
          <Heading level={2} data-size="sm" id="asm-surveys-heading">
            {t('assessment.home.surveysHeading')}
          </Heading>
          <ul className="asm-plain-list">
            {pending.map((s) => (
              <li key={s.id}>
                <AppLink to={`/assessment/surveys/${s.id}`}>{pick(s.title, locale)}</AppLink>
                {s.closesAt ? (
                  <span className="asm-muted">
                    {' '}
                    · {t('assessment.home.surveyCloses', { date: formatDate(s.closesAt) })}
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section className="asm-section" aria-labelledby="asm-start-heading">
        <Heading level={2} data-size="sm" id="asm-start-heading">
          {open ? t('assessment.home.continueHeading') : t('assessment.home.startHeading')}
        </Heading>
        {open ? (
          <Paragraph>
            <AppLink to={open.path === 'small-enterprise' ? `/assessment/${open.id}/quick` : `/assessment/${open.id}`}>
              {t('assessment.home.continue', { title: open.title, percent: Math.round(open.result.completion * 100) })}
            </AppLink>
          </Paragraph>
        ) : null}
        <ul className="asm-cards">
          <li>
            <Card data-color="accent" className="asm-card">
              <Heading level={3} data-size="xs">
                {t('assessment.home.quickTitle')}
              </Heading>
              <Paragraph data-size="sm">{t('assessment.home.quickText')}</Paragraph>
              <Button onClick={() => void start('small-enterprise')} disabled={busy}>
                {t('assessment.home.quickStart', { year })}
              </Button>
            </Card>
          </li>
          <li>
            <Card data-color="neutral" className="asm-card">
              <Heading level={3} data-size="xs">
                {t('assessment.home.fullTitle')}
              </Heading>
              <Paragraph data-size="sm">{t('assessment.home.fullText')}</Paragraph>
              <Field>
                <Label htmlFor="asm-framework">{t('assessment.home.framework')}</Label>
                <Select id="asm-framework" value={framework} onChange={(e) => setFramework(e.target.value)}>
                  {(context.data?.frameworks ?? []).map((f) => (
                    <Select.Option key={f.id} value={f.id}>
                      {pick(f.name, locale)} ({t('assessment.home.requirementCount', { count: f.requirementCount })})
                    </Select.Option>
                  ))}
                </Select>
              </Field>
              <Button variant="secondary" onClick={() => void start('full')} disabled={busy}>
                {t('assessment.home.fullStart', { year })}
              </Button>
            </Card>
          </li>
        </ul>
      </section>

      <section className="asm-section" aria-labelledby="asm-list-heading">
        <Heading level={2} data-size="sm" id="asm-list-heading">
          {t('assessment.home.listHeading')}
        </Heading>
        {list.error ? <ErrorAlert error={list.error} /> : null}
        {list.data && list.data.assessments.length === 0 ? <Paragraph>{t('assessment.home.none')}</Paragraph> : null}
        {list.data && list.data.assessments.length > 0 ? (
          <Table zebra className="asm-table">
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('assessment.home.col.year')}</Table.HeaderCell>
                <Table.HeaderCell>{t('assessment.home.col.title')}</Table.HeaderCell>
                <Table.HeaderCell>{t('assessment.home.col.status')}</Table.HeaderCell>
                <Table.HeaderCell>{t('assessment.home.col.completion')}</Table.HeaderCell>
                <Table.HeaderCell>{t('assessment.home.col.average')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {list.data.assessments.map((a) => (
                <Table.Row key={a.id}>
                  <Table.Cell>{a.year}</Table.Cell>
                  <Table.Cell>
                    <AppLink to={`/assessment/${a.id}/result`}>{a.title}</AppLink>
                  </Table.Cell>
                  <Table.Cell>
                    <Tag data-size="sm" data-color={a.status === 'approved' ? 'success' : 'neutral'}>
                      {t(statusKey(a.status))}
                    </Tag>
                  </Table.Cell>
                  <Table.Cell>{Math.round(a.result.completion * 100)} %</Table.Cell>
                  <Table.Cell>
                    {a.result.overall.average === null ? '–' : formatNumber(a.result.overall.average, locale)}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        ) : null}
      </section>

      <nav className="asm-section" aria-labelledby="asm-more-heading">
        <Heading level={2} data-size="sm" id="asm-more-heading">
          {t('assessment.home.moreHeading')}
        </Heading>
        <ul className="asm-plain-list">
          <li>
            <AppLink to="/assessment/actions">{t('assessment.actions.title')}</AppLink>
          </li>
          <li>
            <AppLink to="/assessment/benchmark">{t('assessment.benchmark.title')}</AppLink>
          </li>
          <li>
            <AppLink to={`/assessment/history?framework=${encodeURIComponent(basicMeasures)}`}>
              {t('assessment.history.title')}
            </AppLink>
          </li>
          <li>
            <AppLink to="/sector">{t('assessment.home.sectorLink')}</AppLink>
          </li>
        </ul>
      </nav>
    </div>
  );
}
