/**
 * One case: opened only after the reviewer says why (the reason goes to the audit trail with the view). Shows the
 * flagged patients with every reason in plain words, the timeline of the user's lookups beside the patients'
 * encounters and care relations, what explains the user's other lookups in the period, the decisions and history,
 * and the forms to decide or — as the second reviewer — approve.
 */
import {
  Alert,
  Button,
  Card,
  Field,
  Heading,
  Input,
  Label,
  Paragraph,
  Skeleton,
  Textarea,
} from '@digdir/designsystemet-react';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useParams } from 'react-router-dom';
import { PageHeader } from '../../shell/PageHeader.js';
import { CaseTimeline } from './CaseTimeline.js';
import { Context, Findings, History } from './CaseSections.js';
import { DatasetNav } from './DatasetNav.js';
import { DecisionForm } from './DecisionForm.js';
import { CaseStatusTag, roleName } from './labels.js';
import { LogError } from './LogError.js';
import { logReviewActions, type CaseDetailView, type DecisionView } from './log-review-api.js';
import { ReviewGate, useMyUserId } from './ReviewGate.js';
import { useLogT } from './use-log-t.js';

const reasonStore = 'varde.logReview.viewReason';

export function ViewReasonForm({
  onReason,
  purpose,
}: {
  onReason: (reason: string) => void;
  purpose: 'case' | 'patient';
}) {
  const { t } = useLogT();
  const [reason, setReason] = useState(() => sessionStorage.getItem(reasonStore) ?? '');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    sessionStorage.setItem(reasonStore, reason);
    onReason(reason);
  };
  return (
    <Card className="lr-card">
      <form onSubmit={submit} className="lr-form" aria-labelledby="lr-reason-heading">
        <Heading level={2} data-size="xs" id="lr-reason-heading">
          {purpose === 'case' ? t('viewReason.headingCase') : t('viewReason.headingPatient')}
        </Heading>
        <Paragraph data-size="sm">{t('viewReason.lead')}</Paragraph>
        <Field>
          <Label>{t('viewReason.label')}</Label>
          <Input value={reason} onChange={(e) => setReason(e.target.value)} required minLength={5} maxLength={500} />
        </Field>
        <Button type="submit">{purpose === 'case' ? t('viewReason.openCase') : t('viewReason.openLog')}</Button>
      </form>
    </Card>
  );
}

function PendingReview({
  datasetId,
  caseId,
  decision,
  onDone,
}: {
  datasetId: string;
  caseId: string;
  decision: DecisionView;
  onDone: () => void;
}) {
  const { t } = useLogT();
  const me = useMyUserId();
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>(null);
  if (me === decision.decidedBy) {
    return (
      <Alert data-color="info">
        <Paragraph>{t('review.waiting')}</Paragraph>
      </Alert>
    );
  }
  const act = async (approve: boolean) => {
    setError(null);
    try {
      await logReviewActions.review(datasetId, caseId, decision.id, { approve, note });
      onDone();
    } catch (e) {
      setError(e);
    }
  };
  return (
    <Card className="lr-card" data-color="warning">
      <Heading level={2} data-size="xs">
        {t('review.heading')}
      </Heading>
      <Paragraph data-size="sm">{t('review.lead', { name: decision.decidedByName })}</Paragraph>
      <Paragraph data-size="sm" className="lr-quote">
        {decision.justification}
      </Paragraph>
      <Field>
        <Label>{t('review.note')}</Label>
        <Textarea rows={2} value={note} onChange={(e) => setNote(e.target.value)} minLength={5} maxLength={4000} />
      </Field>
      {error ? <LogError error={error} /> : null}
      <div className="lr-actions">
        <Button onClick={() => void act(true)} disabled={note.trim().length < 5}>
          {t('review.approve')}
        </Button>
        <Button variant="secondary" onClick={() => void act(false)} disabled={note.trim().length < 5}>
          {t('review.reject')}
        </Button>
      </div>
    </Card>
  );
}

function CaseContent({ datasetId, caseId }: { datasetId: string; caseId: string }) {
  const i = useLogT();
  const { t } = i;
  const [reason, setReason] = useState<string | null>(null);
  const [showNames, setShowNames] = useState(false);
  const [detail, setDetail] = useState<CaseDetailView | null>(null);
  const [error, setError] = useState<unknown>(null);
  const load = useCallback(async () => {
    if (!reason) return;
    setError(null);
    try {
      setDetail(await logReviewActions.openCase(datasetId, caseId, reason, showNames));
    } catch (e) {
      setError(e);
    }
  }, [datasetId, caseId, reason, showNames]);
  useEffect(() => {
    void load();
  }, [load]);
  const crumbs = [
    { to: '/log-review', label: t('home.title') },
    { to: `/log-review/datasets/${datasetId}/cases`, label: t('cases.title') },
  ];
  if (!reason) {
    return (
      <>
        <PageHeader title={t('case.titleClosed')} crumbs={crumbs} />
        <ViewReasonForm onReason={setReason} purpose="case" />
      </>
    );
  }
  if (error && !detail) return <LogError error={error} />;
  if (!detail) return <Skeleton variant="rectangle" height="16rem" />;
  const c = detail.case;
  const user = detail.workspace.user;
  const name = user ? [user.givenName, user.familyName].filter(Boolean).join(' ') : '';
  const pending = detail.decisions.filter((d) => d.status === 'pending_approval');
  return (
    <>
      <PageHeader
        title={t('case.title', { user: c.userId })}
        crumbs={crumbs}
        eyebrow={<CaseStatusTag status={c.status} />}
        lead={t('case.lead', {
          name: name || c.userId,
          role: roleName(i, c.userRole),
          unit: c.departmentName ?? c.departmentId ?? '–',
          score: i.number(c.score, 2),
        })}
      >
        <div className="lr-actions">
          <Button variant="secondary" data-size="sm" onClick={() => setShowNames((v) => !v)} aria-pressed={showNames}>
            {showNames ? t('case.hideNames') : t('case.showNames')}
          </Button>
          <Paragraph data-size="xs" className="lr-muted">
            {t('case.namesNote', { reason })}
          </Paragraph>
        </div>
      </PageHeader>
      <DatasetNav datasetId={datasetId} />
      {error ? <LogError error={error} /> : null}
      <Findings detail={detail} />
      <section className="lr-section" aria-labelledby="lr-timeline">
        <Heading level={2} data-size="sm" id="lr-timeline" className="visually-hidden">
          {t('timeline.title')}
        </Heading>
        <CaseTimeline detail={detail} />
      </section>
      <Context detail={detail} />
      {pending.map((d) => (
        <PendingReview key={d.id} datasetId={datasetId} caseId={caseId} decision={d} onDone={() => void load()} />
      ))}
      <DecisionForm key={detail.decisions.length} datasetId={datasetId} detail={detail} onDecided={() => void load()} />
      <History detail={detail} />
    </>
  );
}

export function CasePage() {
  const { datasetId = '', caseId = '' } = useParams();
  return (
    <ReviewGate>
      <CaseContent datasetId={datasetId} caseId={caseId} />
    </ReviewGate>
  );
}
