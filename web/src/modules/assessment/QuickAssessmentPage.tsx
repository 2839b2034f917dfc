/**
 * The short guided path for small enterprises: one basic measure per step, a question in plain language with
 * answers that describe everyday practice (each maps to a maturity level), why it matters, what it means for this
 * kind of enterprise, and the guidance. Each answer is saved when the user moves on; the step is in the address, so
 * a reload continues where the user was. The last step leads to the profile and the action plan.
 */
import {
  Button,
  Details,
  Fieldset,
  Heading,
  Paragraph,
  Radio,
  Skeleton,
  Textarea,
  Field,
  Label,
} from '@digdir/designsystemet-react';
import { useEffect, useRef, useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { useI18n } from '../../i18n/i18n.js';
import { ErrorAlert } from '../../shell/ErrorAlert.js';
import { PageHeader } from '../../shell/PageHeader.js';
import { saveAnswer } from './answer-save.js';
import { assessmentPaths, type Answer, type AnswerInput, type AssessmentDetail } from './assessment-api.js';
import { ConflictNotice } from './ConflictNotice.js';
import { GuidanceList } from './GuidanceList.js';
import { typeKey } from './labels.js';
import { pick, useFresh } from './use-assessment.js';

type Choice = { kind: 'level'; level: number } | { kind: 'dont-know' } | { kind: 'not-relevant' } | null;

const choiceOf = (answer: Answer | undefined): Choice =>
  !answer ? null : answer.kind === 'level' ? { kind: 'level', level: answer.level ?? 0 } : { kind: answer.kind };
const choiceValue = (c: Choice) => (c === null ? '' : c.kind === 'level' ? `level-${c.level}` : c.kind);

export function QuickAssessmentPage() {
  const { id = '' } = useParams();
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const detail = useFresh<AssessmentDetail>(assessmentPaths.assessment(id));
  const [answers, setAnswers] = useState<Map<string, Answer>>(new Map());
  const [choice, setChoice] = useState<Choice>(null);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [conflict, setConflict] = useState<{ mine: AnswerInput; theirs: Answer | null } | null>(null);
  const [missing, setMissing] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);

  const guide = detail.data?.guide ?? [];
  const step = Math.min(Math.max(Number(params.get('step') ?? '1') || 1, 1), Math.max(guide.length, 1));
  const measure = guide[step - 1];

  useEffect(() => {
    if (detail.data) setAnswers(new Map(detail.data.answers.map((a) => [a.requirementId, a])));
  }, [detail.data]);

  useEffect(() => {
    if (!measure) return;
    const existing = answers.get(measure.id);
    setChoice(choiceOf(existing));
    setReason(existing?.notRelevantReason ?? '');
    setConflict(null);
    setMissing(false);
    // Each step is a new question: move focus to it (as a page change would).
    headingRef.current?.focus();
    // Only when the step changes, not on every saved answer.
  }, [measure?.id]);

  if (detail.error)
    return (
      <div className="page">
        <ErrorAlert error={detail.error} />
      </div>
    );
  if (!detail.data || !measure)
    return (
      <div className="page">
        <Skeleton variant="rectangle" height="24rem" />
      </div>
    );
  const data = detail.data;
  const requirement = data.framework.requirements.find((r) => r.id === measure.id);
  const enterpriseType = data.enterprise?.organisationType ?? 'other';
  const locked = data.assessment.status === 'submitted' || data.assessment.status === 'approved';

  const go = (next: number) => {
    if (next > guide.length) void navigate(`/assessment/${id}/result`);
    else setParams({ step: String(next) });
  };

  const inputFor = (c: Exclude<Choice, null>): AnswerInput => {
    const previous = answers.get(measure.id);
    if (c.kind === 'level') {
      // Small enterprises get the guide's first target unless they set one themselves.
      const target = Math.max(previous?.targetLevel ?? measure.smallTarget, c.level);
      return {
        kind: 'level',
        level: c.level,
        targetLevel: target,
        comment: previous?.comment ?? null,
        evidence: previous?.evidence ?? [],
      };
    }
    if (c.kind === 'not-relevant')
      return { kind: 'not-relevant', notRelevantReason: reason, comment: previous?.comment ?? null };
    return { kind: 'dont-know', targetLevel: measure.smallTarget, comment: previous?.comment ?? null };
  };

  const store = async (input: AnswerInput, basedOn: number, next: number) => {
    setBusy(true);
    setError(null);
    const outcome = await saveAnswer(id, measure.id, input, basedOn);
    setBusy(false);
    if (outcome.kind === 'saved') {
      setAnswers((m) => new Map(m).set(measure.id, outcome.answer));
      go(next);
    } else if (outcome.kind === 'conflict') setConflict({ mine: input, theirs: outcome.current });
    else setError(outcome.error);
  };

  const onNext = () => {
    if (locked) return go(step + 1);
    if (!choice || (choice.kind === 'not-relevant' && reason.trim() === '')) {
      setMissing(true);
      return;
    }
    const input = inputFor(choice);
    const previous = answers.get(measure.id);
    const unchanged =
      previous &&
      choiceValue(choiceOf(previous)) === choiceValue(choice) &&
      (choice.kind !== 'not-relevant' || previous.notRelevantReason === reason.trim());
    if (unchanged) return go(step + 1);
    void store(input, previous?.version ?? 0, step + 1);
  };

  const answeredCount = guide.filter((g) => answers.has(g.id)).length;
  return (
    <div className="page asm-quick">
      <PageHeader
        title={data.assessment.title}
        lead={step === 1 ? t('assessment.quick.intro', { count: guide.length }) : undefined}
        crumbs={[{ to: '/assessment', label: t('assessment.home.title') }]}
      />
      <div className="asm-progress">
        <progress max={guide.length} value={answeredCount} aria-labelledby="asm-progress-label" />
        <span id="asm-progress-label" aria-live="polite">
          {t('assessment.quick.progress', { answered: answeredCount, total: guide.length })}
        </span>
      </div>
      {locked ? <Paragraph className="asm-muted">{t('assessment.quick.locked')}</Paragraph> : null}
      {error ? <ErrorAlert error={error} /> : null}
      <section className="asm-step" aria-labelledby="asm-step-heading">
        <p className="asm-eyebrow">{t('assessment.quick.step', { step, total: guide.length })}</p>
        <Heading level={2} data-size="md" id="asm-step-heading" ref={headingRef} tabIndex={-1}>
          {pick(measure.plainTitle, locale)}
        </Heading>
        <Paragraph className="asm-muted" data-size="sm" lang="nb">
          {t('assessment.quick.basicMeasure', { number: step, title: pick(requirement?.title, 'nb') })}
        </Paragraph>
        <Fieldset className="asm-options" disabled={locked}>
          <Fieldset.Legend>{pick(measure.question, locale)}</Fieldset.Legend>
          {missing ? (
            <Paragraph className="asm-missing" role="alert">
              {choice?.kind === 'not-relevant'
                ? t('assessment.quick.reasonMissing')
                : t('assessment.quick.choiceMissing')}
            </Paragraph>
          ) : null}
          {measure.options.map((option) => (
            <Radio
              key={option.level}
              name={`q-${measure.id}`}
              value={`level-${option.level}`}
              label={pick(option.text, locale)}
              checked={choiceValue(choice) === `level-${option.level}`}
              onChange={() => setChoice({ kind: 'level', level: option.level })}
            />
          ))}
          <Radio
            name={`q-${measure.id}`}
            value="dont-know"
            label={t('assessment.answer.dontKnow')}
            checked={choice?.kind === 'dont-know'}
            onChange={() => setChoice({ kind: 'dont-know' })}
          />
          <Radio
            name={`q-${measure.id}`}
            value="not-relevant"
            label={t('assessment.answer.notRelevantForUs')}
            checked={choice?.kind === 'not-relevant'}
            onChange={() => setChoice({ kind: 'not-relevant' })}
          />
        </Fieldset>
        {choice?.kind === 'not-relevant' ? (
          <Field>
            <Label htmlFor="asm-reason">{t('assessment.answer.reason')}</Label>
            <Textarea
              id="asm-reason"
              rows={2}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              maxLength={2000}
            />
          </Field>
        ) : null}
        {conflict ? (
          <ConflictNotice
            mine={conflict.mine}
            theirs={conflict.theirs}
            scale={data.framework.scale}
            onKeepTheirs={() => {
              if (conflict.theirs) {
                const theirs = conflict.theirs;
                setAnswers((m) => new Map(m).set(measure.id, theirs));
                setChoice(choiceOf(theirs));
              }
              setConflict(null);
            }}
            onUseMine={() => void store(conflict.mine, conflict.theirs?.version ?? 0, step + 1)}
          />
        ) : null}
        <div className="asm-buttons">
          {step > 1 ? (
            <Button variant="secondary" onClick={() => go(step - 1)} disabled={busy}>
              {t('assessment.quick.previous')}
            </Button>
          ) : null}
          <Button onClick={onNext} disabled={busy}>
            {step === guide.length ? t('assessment.quick.finish') : t('assessment.quick.next')}
          </Button>
        </div>
        <Details>
          <Details.Summary>{t('assessment.quick.why')}</Details.Summary>
          <Details.Content>
            <Paragraph>{pick(measure.why, locale)}</Paragraph>
          </Details.Content>
        </Details>
        {data.typeNote?.measures[measure.id] ? (
          <Details>
            <Details.Summary>
              {t('assessment.quick.forUs', {
                type: t(typeKey(enterpriseType)).toLocaleLowerCase(locale === 'en' ? 'en' : 'nb'),
              })}
            </Details.Summary>
            <Details.Content>
              <Paragraph>{pick(data.typeNote.measures[measure.id], locale)}</Paragraph>
            </Details.Content>
          </Details>
        ) : null}
        <Details>
          <Details.Summary>{t('assessment.quick.guidance')}</Details.Summary>
          <Details.Content>
            <GuidanceList guidance={requirement?.guidance ?? []} municipality={enterpriseType === 'municipality'} />
            <Paragraph data-size="sm" className="asm-muted">
              {t('assessment.quick.smallGuide')}
            </Paragraph>
          </Details.Content>
        </Details>
        <p className="asm-source">
          {t('assessment.source', { file: measure.source.file, section: measure.source.section })}
        </p>
      </section>
    </div>
  );
}
