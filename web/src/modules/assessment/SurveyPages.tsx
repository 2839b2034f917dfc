/**
 * Answering a survey: logged in for the enterprise (/assessment/surveys/:id), or through a personal link
 * (/survey/answer#t=…). The link's token is in the fragment, which never reaches a server; the page takes it out of
 * the address at once, opens the link (it works once) and keeps only the answer key for this browser tab.
 */
import { Alert, Paragraph, Skeleton } from '@digdir/designsystemet-react';
import { useEffect, useState } from 'react';
import { useParams } from 'react-router-dom';
import { ApiError } from '../../api/client.js';
import { errorMessageKey } from '../../api/error-text.js';
import { useI18n } from '../../i18n/i18n.js';
import { ErrorAlert } from '../../shell/ErrorAlert.js';
import { PageHeader } from '../../shell/PageHeader.js';
import { assessmentActions, assessmentPaths, type ResponseView } from './assessment-api.js';
import { QuestionnaireForm } from './QuestionnaireForm.js';
import { pick, useFresh } from './use-assessment.js';

export function MySurveyPage() {
  const { id = '' } = useParams();
  const { t, locale } = useI18n();
  const view = useFresh<ResponseView>(assessmentPaths.mySurvey(id));
  return (
    <div className="page">
      <PageHeader
        title={view.data ? pick(view.data.survey.title, locale) : t('survey.title')}
        crumbs={[{ to: '/assessment', label: t('assessment.home.title') }]}
      />
      {view.error ? <ErrorAlert error={view.error} /> : null}
      {!view.data && !view.error ? <Skeleton variant="rectangle" height="20rem" /> : null}
      {view.data ? (
        <QuestionnaireForm
          view={view.data}
          save={(answers, basedOnVersion, submit) =>
            assessmentActions.saveMySurvey(id, { answers, basedOnVersion, submit })
          }
        />
      ) : null}
    </div>
  );
}

const keyStore = 'varde.survey.answerKey';

export function InvitationAnswerPage() {
  const { t, locale } = useI18n();
  const [key, setKey] = useState<string | null>(() => sessionStorage.getItem(keyStore));
  const [view, setView] = useState<ResponseView | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  useEffect(() => {
    const token = new URLSearchParams(window.location.hash.slice(1)).get('t');
    if (!token) return;
    // Out of the address bar and the history at once.
    window.history.replaceState(null, '', window.location.pathname);
    assessmentActions.openInvitation(token).then(
      (opened) => {
        sessionStorage.setItem(keyStore, opened.answerKey);
        setKey(opened.answerKey);
      },
      (e: unknown) => setError(e instanceof ApiError ? e : new ApiError('UNKNOWN', String(e), 0)),
    );
  }, []);

  useEffect(() => {
    if (!key) return;
    assessmentActions
      .readByKey(key)
      .then(setView, (e: unknown) => setError(e instanceof ApiError ? e : new ApiError('UNKNOWN', String(e), 0)));
  }, [key]);

  return (
    <div className="page">
      <PageHeader title={view ? pick(view.survey.title, locale) : t('survey.title')} lead={t('survey.linkLead')} />
      {error ? (
        <Alert data-color="warning">
          <Paragraph>{t(errorMessageKey(error))}</Paragraph>
        </Alert>
      ) : null}
      {!key && !error ? <Paragraph>{t('survey.noLink')}</Paragraph> : null}
      {key && !view && !error ? <Skeleton variant="rectangle" height="20rem" /> : null}
      {view && key ? (
        <QuestionnaireForm
          view={view}
          save={(answers, basedOnVersion, submit) =>
            assessmentActions.saveByKey(key, { answers, basedOnVersion, submit })
          }
        />
      ) : null}
    </div>
  );
}
