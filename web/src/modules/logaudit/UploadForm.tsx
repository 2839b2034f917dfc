/** Uploading the files of the data contract: the first time all of them, later a new event file for new days. */
import { Button, Card, Field, Heading, Input, Label, Paragraph } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { LogError } from './LogError.js';
import { logReviewActions } from './log-review-api.js';
import { useLogT } from './use-log-t.js';

const allowed = [
  'access_events.csv',
  'audit_events.ndjson',
  'staff.csv',
  'patients.csv',
  'departments.csv',
  'encounters.csv',
  'care_relations.csv',
];

export function UploadForm({
  datasetId,
  first,
  onUploaded,
}: {
  datasetId: string;
  first: boolean;
  onUploaded: () => void;
}) {
  const { t } = useLogT();
  const [files, setFiles] = useState<File[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const upload = await logReviewActions.upload(datasetId, files);
      setDone(t('upload.done', { files: upload.files.map((f) => f.name).join(', ') }));
      setFiles([]);
      onUploaded();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card className="lr-card">
      <form onSubmit={(e) => void submit(e)} aria-labelledby="lr-upload-heading" className="lr-form">
        <Heading level={2} data-size="xs" id="lr-upload-heading">
          {first ? t('upload.headingFirst') : t('upload.headingMore')}
        </Heading>
        <Paragraph data-size="sm">{first ? t('upload.leadFirst') : t('upload.leadMore')}</Paragraph>
        <Paragraph data-size="xs" className="lr-muted">
          {t('upload.allowed', { names: allowed.join(', ') })}
        </Paragraph>
        <Field>
          <Label>{t('upload.files')}</Label>
          <Input
            type="file"
            multiple
            accept=".csv,.ndjson"
            onChange={(e) => setFiles(Array.from(e.target.files ?? []))}
            required
          />
        </Field>
        {files.length > 0 ? (
          <Paragraph data-size="sm">{t('upload.chosen', { names: files.map((f) => f.name).join(', ') })}</Paragraph>
        ) : null}
        {error ? <LogError error={error} /> : null}
        {done ? (
          <Paragraph data-size="sm" role="status">
            {done}
          </Paragraph>
        ) : null}
        <Button type="submit" variant="secondary" disabled={busy || files.length === 0}>
          {t('upload.submit')}
        </Button>
      </form>
    </Card>
  );
}
