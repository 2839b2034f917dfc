/** A dataset's settings: its name, the team's weekly review capacity, and whether the patient log shows names. */
import { Button, Card, Checkbox, Field, Heading, Input, Label, Paragraph } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { LogError } from './LogError.js';
import { logReviewActions, type DatasetView } from './log-review-api.js';
import { useLogT } from './use-log-t.js';

export function DatasetSettings({ dataset, onSaved }: { dataset: DatasetView; onSaved: () => void }) {
  const { t } = useLogT();
  const [name, setName] = useState(dataset.name);
  const [capacity, setCapacity] = useState(String(dataset.reviewCapacity));
  const [names, setNames] = useState(dataset.patientLogNames);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setSaved(false);
    try {
      await logReviewActions.updateDataset(dataset.id, {
        name,
        reviewCapacity: Number(capacity),
        patientLogNames: names,
      });
      setSaved(true);
      onSaved();
    } catch (e) {
      setError(e);
    }
  };
  return (
    <Card className="lr-card">
      <form onSubmit={(e) => void submit(e)} className="lr-form" aria-labelledby="lr-settings-heading">
        <Heading level={2} data-size="xs" id="lr-settings-heading">
          {t('settings.heading')}
        </Heading>
        <Field>
          <Label>{t('home.new.name')}</Label>
          <Input value={name} onChange={(e) => setName(e.target.value)} required minLength={2} maxLength={120} />
        </Field>
        <Field>
          <Label>{t('home.new.capacity')}</Label>
          <Input
            type="number"
            min={1}
            max={10000}
            value={capacity}
            onChange={(e) => setCapacity(e.target.value)}
            required
          />
        </Field>
        <Checkbox
          label={t('settings.names')}
          description={t('settings.namesHelp')}
          checked={names}
          onChange={(e) => setNames(e.target.checked)}
        />
        {error ? <LogError error={error} /> : null}
        {saved ? (
          <Paragraph data-size="sm" role="status">
            {t('settings.saved')}
          </Paragraph>
        ) : null}
        <Button type="submit" variant="secondary">
          {t('settings.save')}
        </Button>
      </form>
    </Card>
  );
}
