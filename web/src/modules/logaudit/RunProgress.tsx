/** A run that is queued or running: its phase and progress, polled until it has finished. */
import { Alert, Paragraph } from '@digdir/designsystemet-react';
import { useCallback, useEffect, useState } from 'react';
import { logReviewActions, type RunView } from './log-review-api.js';
import { useInterval } from './use-fresh.js';
import { useLogT } from './use-log-t.js';

export function RunProgress({
  datasetId,
  run,
  onFinished,
}: {
  datasetId: string;
  run: RunView;
  onFinished: () => void;
}) {
  const { t } = useLogT();
  const [current, setCurrent] = useState(run);
  useEffect(() => setCurrent(run), [run]);
  const active = current.status === 'queued' || current.status === 'running';
  const tick = useCallback(() => {
    void logReviewActions.run(datasetId, current.id).then((next) => {
      setCurrent(next);
      if (next.status === 'succeeded' || next.status === 'failed') onFinished();
    });
  }, [datasetId, current.id, onFinished]);
  useInterval(tick, 1000, active);
  const percent = Math.round(current.progress * 100);
  return (
    <Alert data-color={current.status === 'failed' ? 'danger' : 'info'} className="lr-progress">
      <Paragraph id={`run-${current.id}-label`}>
        {current.status === 'queued' ? t('run.queued') : t('run.running', { phase: current.phase })}
      </Paragraph>
      <progress max={100} value={percent} aria-labelledby={`run-${current.id}-label`} className="lr-progress__bar">
        {percent} %
      </progress>
      <Paragraph data-size="sm" aria-live="polite">
        {t('run.percent', { percent })}
      </Paragraph>
    </Alert>
  );
}
