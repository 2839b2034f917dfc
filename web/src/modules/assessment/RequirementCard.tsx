/**
 * One requirement in a full assessment: the maturity level on the documented scale (each level with its
 * description), "not relevant" with a reason, or "don't know"; the target; a comment; evidence; the guidance; who
 * answered and when. Saving states the version it was based on; a conflict shows both versions.
 */
import {
  Button,
  Card,
  Details,
  Field,
  Fieldset,
  Heading,
  Input,
  Label,
  Paragraph,
  Radio,
  Select,
  Textarea,
} from '@digdir/designsystemet-react';
import { useEffect, useId, useState } from 'react';
import { useI18n } from '../../i18n/i18n.js';
import { saveAnswer } from './answer-save.js';
import type { Answer, AnswerInput, MaturityScale, RequirementView } from './assessment-api.js';
import { ConflictNotice } from './ConflictNotice.js';
import { ErrorAlert } from '../../shell/ErrorAlert.js';
import { GuidanceList } from './GuidanceList.js';
import { pick } from './use-assessment.js';

interface Draft {
  choice: string;
  targetLevel: string;
  reason: string;
  comment: string;
  evidence: { title: string; url: string }[];
}

const draftOf = (a: Answer | undefined): Draft => ({
  choice: !a ? '' : a.kind === 'level' ? `level-${a.level}` : a.kind,
  targetLevel: a?.targetLevel === null || a?.targetLevel === undefined ? '' : String(a.targetLevel),
  reason: a?.notRelevantReason ?? '',
  comment: a?.comment ?? '',
  evidence: (a?.evidence ?? []).map((e) => ({ title: e.title, url: e.url ?? '' })),
});

function inputOf(d: Draft): AnswerInput {
  const kind = d.choice.startsWith('level-') ? 'level' : (d.choice as 'dont-know' | 'not-relevant');
  return {
    kind,
    level: kind === 'level' ? Number(d.choice.slice(6)) : null,
    targetLevel: d.targetLevel === '' ? null : Number(d.targetLevel),
    notRelevantReason: kind === 'not-relevant' ? d.reason : null,
    comment: d.comment || null,
    evidence: d.evidence.filter((e) => e.title.trim()).map((e) => ({ title: e.title, url: e.url.trim() || null })),
  };
}

export function RequirementCard({
  assessmentId,
  requirement,
  answer,
  scale,
  editable,
  municipality,
  onSaved,
}: {
  assessmentId: string;
  requirement: RequirementView;
  answer: Answer | undefined;
  scale: MaturityScale;
  editable: boolean;
  municipality: boolean;
  onSaved: (a: Answer) => void;
}) {
  const { t, locale, formatDate } = useI18n();
  const uid = useId();
  const [draft, setDraft] = useState<Draft>(() => draftOf(answer));
  const [base, setBase] = useState(answer?.version ?? 0);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [conflict, setConflict] = useState<{ mine: AnswerInput; theirs: Answer | null } | null>(null);
  const [saved, setSaved] = useState('');

  useEffect(() => {
    setBase(answer?.version ?? 0);
  }, [answer?.version]);

  const store = async (input: AnswerInput, basedOn: number) => {
    setBusy(true);
    setError(null);
    setSaved('');
    const outcome = await saveAnswer(assessmentId, requirement.id, input, basedOn);
    setBusy(false);
    if (outcome.kind === 'saved') {
      setConflict(null);
      setBase(outcome.answer.version);
      setSaved(t('assessment.full.saved'));
      onSaved(outcome.answer);
    } else if (outcome.kind === 'conflict') setConflict({ mine: input, theirs: outcome.current });
    else setError(outcome.error);
  };

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const title = `${requirement.refId} ${pick(requirement.title, locale)}`;
  return (
    <Card data-color="neutral" className="asm-requirement" id={`req-${requirement.id}`}>
      <Heading level={3} data-size="xs" lang={locale === 'en' ? undefined : 'nb'}>
        {title}
      </Heading>
      {requirement.description ? <Paragraph data-size="sm">{pick(requirement.description, locale)}</Paragraph> : null}
      <Fieldset disabled={!editable}>
        <Fieldset.Legend>{t('assessment.full.levelLegend')}</Fieldset.Legend>
        {scale.levels.map((level) => (
          <Radio
            key={level.value}
            name={`${uid}-level`}
            value={`level-${level.value}`}
            label={`${level.value} – ${pick(level.name, locale)}`}
            description={pick(level.description, locale)}
            checked={draft.choice === `level-${level.value}`}
            onChange={() => set('choice', `level-${level.value}`)}
          />
        ))}
        <Radio
          name={`${uid}-level`}
          value="dont-know"
          label={t('assessment.answer.dontKnow')}
          checked={draft.choice === 'dont-know'}
          onChange={() => set('choice', 'dont-know')}
        />
        <Radio
          name={`${uid}-level`}
          value="not-relevant"
          label={t('assessment.answer.notRelevant')}
          checked={draft.choice === 'not-relevant'}
          onChange={() => set('choice', 'not-relevant')}
        />
      </Fieldset>
      {draft.choice === 'not-relevant' ? (
        <Field>
          <Label htmlFor={`${uid}-reason`}>{t('assessment.answer.reason')}</Label>
          <Textarea
            id={`${uid}-reason`}
            rows={2}
            value={draft.reason}
            onChange={(e) => set('reason', e.target.value)}
            disabled={!editable}
          />
        </Field>
      ) : null}
      <div className="asm-row">
        <Field>
          <Label htmlFor={`${uid}-target`}>{t('assessment.full.target')}</Label>
          <Select
            id={`${uid}-target`}
            value={draft.targetLevel}
            onChange={(e) => set('targetLevel', e.target.value)}
            disabled={!editable}
          >
            <Select.Option value="">{t('assessment.full.noTarget')}</Select.Option>
            {scale.levels.map((l) => (
              <Select.Option key={l.value} value={String(l.value)}>
                {`${l.value} – ${pick(l.name, locale)}`}
              </Select.Option>
            ))}
          </Select>
        </Field>
      </div>
      <Field>
        <Label htmlFor={`${uid}-comment`}>{t('assessment.full.comment')}</Label>
        <Textarea
          id={`${uid}-comment`}
          rows={2}
          value={draft.comment}
          onChange={(e) => set('comment', e.target.value)}
          disabled={!editable}
          maxLength={5000}
        />
      </Field>
      <Fieldset disabled={!editable}>
        <Fieldset.Legend>{t('assessment.full.evidence')}</Fieldset.Legend>
        <Fieldset.Description>{t('assessment.full.evidenceHelp')}</Fieldset.Description>
        {draft.evidence.map((e, i) => (
          <div className="asm-row" key={i}>
            <Field>
              <Label htmlFor={`${uid}-ev-${i}-title`}>{t('assessment.full.evidenceTitle')}</Label>
              <Input
                id={`${uid}-ev-${i}-title`}
                value={e.title}
                onChange={(x) =>
                  set(
                    'evidence',
                    draft.evidence.map((v, n) => (n === i ? { ...v, title: x.target.value } : v)),
                  )
                }
              />
            </Field>
            <Field>
              <Label htmlFor={`${uid}-ev-${i}-url`}>{t('assessment.full.evidenceUrl')}</Label>
              <Input
                id={`${uid}-ev-${i}-url`}
                type="url"
                value={e.url}
                onChange={(x) =>
                  set(
                    'evidence',
                    draft.evidence.map((v, n) => (n === i ? { ...v, url: x.target.value } : v)),
                  )
                }
              />
            </Field>
          </div>
        ))}
        {editable ? (
          <Button
            variant="tertiary"
            data-size="sm"
            onClick={() => set('evidence', [...draft.evidence, { title: '', url: '' }])}
          >
            {t('assessment.full.addEvidence')}
          </Button>
        ) : null}
      </Fieldset>
      {requirement.guidance.length > 0 ? (
        <Details>
          <Details.Summary>{t('assessment.quick.guidance')}</Details.Summary>
          <Details.Content>
            <GuidanceList guidance={requirement.guidance} municipality={municipality} />
          </Details.Content>
        </Details>
      ) : null}
      {error ? <ErrorAlert error={error} /> : null}
      {conflict ? (
        <ConflictNotice
          mine={conflict.mine}
          theirs={conflict.theirs}
          scale={scale}
          onKeepTheirs={() => {
            if (conflict.theirs) {
              setDraft(draftOf(conflict.theirs));
              setBase(conflict.theirs.version);
              onSaved(conflict.theirs);
            }
            setConflict(null);
          }}
          onUseMine={() => void store(conflict.mine, conflict.theirs?.version ?? 0)}
        />
      ) : null}
      <div className="asm-buttons">
        {editable ? (
          <Button
            data-size="sm"
            onClick={() => void store(inputOf(draft), base)}
            disabled={busy || draft.choice === ''}
          >
            {t('assessment.full.save')}
            <span className="visually-hidden">: {title}</span>
          </Button>
        ) : null}
        <span role="status" className="asm-muted asm-small">
          {saved}
          {answer
            ? ` ${t('assessment.full.answeredBy', { name: answer.answeredBy.name, date: formatDate(answer.answeredAt) })}`
            : ''}
        </span>
      </div>
    </Card>
  );
}
