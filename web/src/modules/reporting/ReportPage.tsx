/**
 * One status report. The measure owner fills it in and submits it; the strategy owner reads it and approves or
 * returns it with a comment; the ministry reader reads approved reports. Earlier years' reports of the same measure
 * and actor are beside it, and every kept revision is listed below.
 */
import {
  Alert,
  Button,
  Details,
  Field,
  Heading,
  Label,
  Paragraph,
  Skeleton,
  Textarea,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { useState, type ReactNode } from 'react';
import { useParams } from 'react-router-dom';
import { ApiError } from '../../api/client.js';
import { errorMessageKey } from '../../api/error-text.js';
import { useI18n, type MessageKey } from '../../i18n/i18n.js';
import { ErrorAlert } from '../../shell/ErrorAlert.js';
import { PageHeader } from '../../shell/PageHeader.js';
import { EvidencePanel } from './EvidencePanel.js';
import { contributionKey, StateTag, StatusText } from './labels.js';
import { ReportForm } from './ReportForm.js';
import {
  reportingActions,
  reportingPaths,
  type ReportContentView,
  type ReportView,
  type RevisionView,
} from './reporting-api.js';
import { useFresh, useSession, hasRole } from './use-reporting.js';

function ContentView({
  content,
}: {
  content: Omit<ReportContentView, 'contact'> & { contact?: ReportContentView['contact'] };
}) {
  const { t } = useI18n();
  const row = (label: string, value: ReactNode) => (
    <div className="rep-dl__row">
      <dt>{label}</dt>
      <dd>{value || <span className="muted">–</span>}</dd>
    </div>
  );
  return (
    <dl className="rep-dl">
      {row(t('reporting.field.status'), <StatusText status={content.status} />)}
      {row(t('reporting.field.progress'), content.progress)}
      {row(t('reporting.field.contribution.level'), t(contributionKey(content.contribution.level)))}
      {row(t('reporting.field.contribution.text'), content.contribution.text)}
      {row(
        t('reporting.field.indicators'),
        content.indicators.length > 0 ? (
          <ul className="rep-plain-list">
            {content.indicators.map((i, n) => (
              <li key={n}>
                {i.name}: <strong>{i.value ?? '–'}</strong> {i.unit}
                {i.target !== null ? ` (${t('reporting.indicator.target').toLowerCase()} ${i.target} ${i.unit})` : ''}
              </li>
            ))}
          </ul>
        ) : null,
      )}
      {row(t('reporting.field.nextSteps'), content.nextSteps)}
      {row(t('reporting.field.blockers'), content.blockers)}
      {content.contact
        ? row(
            t('reporting.field.contact'),
            [content.contact.name, content.contact.email, content.contact.phone].filter(Boolean).join(', '),
          )
        : null}
    </dl>
  );
}

function ReviewPanel({
  report,
  onDone,
}: {
  report: ReportView;
  onDone: (view: ReportView, message: MessageKey) => void;
}) {
  const { t } = useI18n();
  const [comment, setComment] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const allowed = (action: string) => report.actions.find((a) => a.action === action);
  const approve = allowed('approve');
  const giveBack = allowed('return');
  if (!approve?.allowed && !giveBack?.allowed) return null;
  const run = async (action: () => Promise<ReportView>, message: MessageKey) => {
    setBusy(true);
    setError(null);
    try {
      onDone(await action(), message);
      setComment('');
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError('UNKNOWN', String(e), 0));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="rep-section rep-review" aria-labelledby="review-heading">
      <Heading level={2} data-size="sm" id="review-heading">
        {t('reporting.review.heading')}
      </Heading>
      {approve?.allowed ? (
        <Button
          disabled={busy}
          onClick={() =>
            void run(() => reportingActions.approve(report.id, report.revision), 'reporting.review.approved')
          }
        >
          {t('reporting.review.approve')}
        </Button>
      ) : approve?.reason && report.state === 'submitted' ? (
        <Paragraph data-size="sm" className="muted">
          {approve.reason}
        </Paragraph>
      ) : null}
      {giveBack?.allowed ? (
        <form
          className="rep-form rep-form--compact"
          onSubmit={(e) => {
            e.preventDefault();
            void run(
              () => reportingActions.returnReport(report.id, comment, report.revision),
              'reporting.review.returned',
            );
          }}
        >
          <Field>
            <Label htmlFor="rep-review-comment">{t('reporting.review.comment')}</Label>
            <Textarea
              id="rep-review-comment"
              rows={3}
              value={comment}
              onChange={(e) => setComment(e.target.value)}
              required
              maxLength={5000}
            />
          </Field>
          <div>
            <Button type="submit" variant="secondary" disabled={busy || !comment.trim()}>
              {t('reporting.review.return')}
            </Button>
          </div>
        </form>
      ) : null}
      {error ? <ValidationMessage>{t(errorMessageKey(error))}</ValidationMessage> : null}
    </section>
  );
}

const actionKey = (action: string) => `reporting.history.${action}` as MessageKey;

function History({ reportId, version }: { reportId: string; version: number }) {
  const { t, formatDate } = useI18n();
  const history = useFresh<{ revisions: RevisionView[] }>(`${reportingPaths.history(reportId)}?v=${version}`);
  return (
    <Details>
      <Details.Summary>{t('reporting.history.heading')}</Details.Summary>
      <Details.Content>
        {history.data ? (
          <ol className="rep-history">
            {history.data.revisions.map((r) => (
              <li key={r.revision}>
                <strong>{t(actionKey(r.action))}</strong> · {r.authorName} · {formatDate(r.at)}
                {r.changedFields.length > 0 ? <span className="muted"> ({r.changedFields.join(', ')})</span> : null}
                {r.comment ? <div className="rep-history__comment">{r.comment}</div> : null}
              </li>
            ))}
          </ol>
        ) : (
          <Skeleton variant="text" />
        )}
      </Details.Content>
    </Details>
  );
}

export function ReportPage() {
  const { id = '' } = useParams();
  const { t, formatDate } = useI18n();
  const { session } = useSession();
  const [version, setVersion] = useState(0);
  const report = useFresh<ReportView>(`${reportingPaths.report(id)}?v=${version}`);
  const [message, setMessage] = useState<MessageKey | null>(null);
  const r = report.data;
  const can = (action: string) => Boolean(r?.actions.find((a) => a.action === action)?.allowed);
  const refresh = () => setVersion((v) => v + 1);
  const crumbs = [
    { to: '/', label: t('nav.home') },
    { to: '/reporting', label: t('reporting.home.title') },
    ...(hasRole(session, 'measure-owner') ? [{ to: '/reporting/my', label: t('reporting.my.title') }] : []),
    ...(hasRole(session, 'strategy-owner') && r
      ? [{ to: `/reporting/cycles/${r.cycleId}`, label: t('reporting.cycles.name', { year: r.year }) }]
      : []),
  ];
  return (
    <div className="page">
      <PageHeader
        title={r ? `${r.measure.id} ${r.measure.title}` : t('reporting.report.title')}
        titleLang="nb"
        eyebrow={r ? t('reporting.report.eyebrow', { year: r.year, actor: r.actor.name }) : undefined}
        crumbs={crumbs}
      >
        {r ? (
          <div className="rep-meta">
            <StateTag state={r.state} />
            {r.reporterActor.id !== r.actor.id ? (
              <span>{t('reporting.report.delegated', { actor: r.reporterActor.name })}</span>
            ) : null}
            {r.cycle ? <span>{t('reporting.report.due', { date: formatDate(r.cycle.dueDate) })}</span> : null}
          </div>
        ) : null}
      </PageHeader>
      {report.error ? <ErrorAlert error={report.error} /> : null}
      {!r && !report.error ? <Skeleton variant="rectangle" height="320px" /> : null}
      {message ? (
        <Alert data-color="success" role="status">
          <Paragraph>{t(message)}</Paragraph>
        </Alert>
      ) : null}
      {r ? (
        <div className="rep-report">
          <div className="rep-report__main">
            {r.state === 'returned' && r.reviewComment ? (
              <Alert data-color="warning">
                <Heading level={2} data-size="2xs">
                  {t('reporting.report.returnedHeading')}
                </Heading>
                <Paragraph>{r.reviewComment}</Paragraph>
              </Alert>
            ) : null}
            <Details>
              <Details.Summary>{t('reporting.report.aboutMeasure')}</Details.Summary>
              <Details.Content>
                <Paragraph lang="nb">{r.measureDetail.description}</Paragraph>
                <Paragraph lang="nb">
                  <strong>
                    {t('reporting.report.areaGoal', { area: `${r.measure.areaId} ${r.measure.areaName}` })}
                  </strong>{' '}
                  {r.measureDetail.areaGoal}
                </Paragraph>
              </Details.Content>
            </Details>
            {can('edit') ? (
              <ReportForm
                key={r.revision}
                report={r}
                canSubmit={can('submit')}
                onSaved={(_view, submitted) => {
                  setMessage(submitted ? 'reporting.form.submitted' : 'reporting.form.saved');
                  refresh();
                }}
              />
            ) : (
              <section className="rep-section" aria-labelledby="content-heading">
                <Heading level={2} data-size="sm" id="content-heading">
                  {t('reporting.report.contentHeading')}
                </Heading>
                <ContentView content={r} />
              </section>
            )}
            <ReviewPanel
              report={r}
              onDone={(_view, key) => {
                setMessage(key);
                refresh();
              }}
            />
            <EvidencePanel report={r} editable={can('edit')} onChanged={refresh} />
            <History reportId={r.id} version={version} />
          </div>
          <aside className="rep-report__aside" aria-labelledby="earlier-heading">
            <Heading level={2} data-size="xs" id="earlier-heading">
              {t('reporting.earlier.heading')}
            </Heading>
            {r.earlier.length === 0 ? (
              <Paragraph data-size="sm" className="muted">
                {t('reporting.earlier.none')}
              </Paragraph>
            ) : null}
            {r.earlier.map((e) => (
              <section key={e.id} className="rep-earlier" aria-label={t('reporting.earlier.year', { year: e.year })}>
                <Heading level={3} data-size="2xs">
                  {t('reporting.earlier.year', { year: e.year })}
                </Heading>
                <ContentView content={e} />
              </section>
            ))}
          </aside>
        </div>
      ) : null}
    </div>
  );
}
