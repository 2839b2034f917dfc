/** A full assessment against a framework: the requirements by category, each answered on its own card. */
import { Heading, Paragraph, Skeleton } from '@digdir/designsystemet-react';
import { useEffect, useState } from 'react';
import { useParams } from 'react-router-dom';
import { useI18n } from '../../i18n/i18n.js';
import { AppLink } from '../../shell/AppLink.js';
import { ErrorAlert } from '../../shell/ErrorAlert.js';
import { PageHeader } from '../../shell/PageHeader.js';
import { assessmentPaths, type Answer, type AssessmentDetail } from './assessment-api.js';
import { RequirementCard } from './RequirementCard.js';
import { statusKey } from './labels.js';
import { pick, useFresh } from './use-assessment.js';

export function AssessmentPage() {
  const { id = '' } = useParams();
  const { t, locale } = useI18n();
  const detail = useFresh<AssessmentDetail>(assessmentPaths.assessment(id));
  const [answers, setAnswers] = useState<Map<string, Answer>>(new Map());
  useEffect(() => {
    if (detail.data) setAnswers(new Map(detail.data.answers.map((a) => [a.requirementId, a])));
  }, [detail.data]);
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
  const { assessment, framework } = detail.data;
  const editable = assessment.status === 'draft' || assessment.status === 'in-progress';
  const answered = framework.requirements.filter((r) => answers.has(r.id)).length;
  return (
    <div className="page">
      <PageHeader
        title={assessment.title}
        lead={t('assessment.full.lead', {
          framework: pick(framework.name, locale),
          count: framework.requirements.length,
        })}
        crumbs={[{ to: '/assessment', label: t('assessment.home.title') }]}
      >
        <p className="asm-meta">
          {t(statusKey(assessment.status))} ·{' '}
          <span aria-live="polite">
            {t('assessment.quick.progress', { answered, total: framework.requirements.length })}
          </span>{' '}
          · <AppLink to={`/assessment/${id}/result`}>{t('assessment.full.toResult')}</AppLink>
        </p>
      </PageHeader>
      {!framework.ownScale ? <Paragraph data-size="sm">{t('assessment.full.defaultScale')}</Paragraph> : null}
      {framework.categories.map((category) => {
        const requirements = framework.requirements.filter((r) => r.categoryId === category.id);
        const single = requirements.length === 1 && requirements[0]!.id === category.id;
        return (
          <section key={category.id} className="asm-section" aria-label={pick(category.title, locale)}>
            {single ? null : (
              <Heading level={2} data-size="sm">
                {pick(category.title, locale)}
              </Heading>
            )}
            {requirements.map((r) => (
              <RequirementCard
                key={r.id}
                assessmentId={id}
                requirement={r}
                answer={answers.get(r.id)}
                scale={framework.scale}
                editable={editable}
                municipality={detail.data?.enterprise?.organisationType === 'municipality'}
                onSaved={(a) => setAnswers((m) => new Map(m).set(a.requirementId, a))}
              />
            ))}
          </section>
        );
      })}
      <Paragraph>
        <AppLink to={`/assessment/${id}/result`}>{t('assessment.full.toResult')}</AppLink>
      </Paragraph>
    </div>
  );
}
