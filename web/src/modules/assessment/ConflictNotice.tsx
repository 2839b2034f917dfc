/** Two versions of one answer side by side, after someone else saved first: keep theirs, or save mine over it. */
import { Alert, Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useI18n } from '../../i18n/i18n.js';
import type { Answer, AnswerInput, MaturityScale } from './assessment-api.js';
import { pick } from './use-assessment.js';

function describe(
  answer: Pick<Answer, 'kind' | 'level' | 'notRelevantReason' | 'comment'>,
  scale: MaturityScale,
  t: ReturnType<typeof useI18n>['t'],
  locale: string,
) {
  if (answer.kind === 'dont-know') return t('assessment.answer.dontKnow');
  if (answer.kind === 'not-relevant') return `${t('assessment.answer.notRelevant')}: ${answer.notRelevantReason ?? ''}`;
  const level = scale.levels.find((l) => l.value === answer.level);
  return `${answer.level} – ${pick(level?.name, locale)}${answer.comment ? ` (${answer.comment})` : ''}`;
}

export function ConflictNotice({
  mine,
  theirs,
  scale,
  onKeepTheirs,
  onUseMine,
}: {
  mine: AnswerInput;
  theirs: Answer | null;
  scale: MaturityScale;
  onKeepTheirs: () => void;
  onUseMine: () => void;
}) {
  const { t, locale } = useI18n();
  return (
    <Alert data-color="warning" className="asm-conflict" role="alert">
      <Heading level={3} data-size="xs">
        {t('assessment.conflict.heading')}
      </Heading>
      <Paragraph>
        {theirs
          ? t('assessment.conflict.theirs', {
              name: theirs.answeredBy.name,
              time: new Date(theirs.answeredAt).toLocaleTimeString(locale === 'en' ? 'en-GB' : 'nb-NO', {
                hour: '2-digit',
                minute: '2-digit',
              }),
              answer: describe(theirs, scale, t, locale),
            })
          : t('assessment.conflict.gone')}
      </Paragraph>
      <Paragraph>
        {t('assessment.conflict.mine', {
          answer: describe(
            {
              kind: mine.kind,
              level: mine.level ?? null,
              notRelevantReason: mine.notRelevantReason ?? null,
              comment: mine.comment ?? null,
            },
            scale,
            t,
            locale,
          ),
        })}
      </Paragraph>
      <div className="asm-buttons">
        <Button variant="secondary" onClick={onKeepTheirs}>
          {t('assessment.conflict.keepTheirs')}
        </Button>
        <Button onClick={onUseMine}>{t('assessment.conflict.useMine')}</Button>
      </div>
    </Alert>
  );
}
