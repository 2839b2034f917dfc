/**
 * Log review's front page: what it is for (and what it must never be used for), the datasets of the reviewer's
 * organisation with their latest analysis, and the form that registers a new dataset.
 */
import {
  Alert,
  Button,
  Card,
  Field,
  Fieldset,
  Heading,
  Input,
  Label,
  Paragraph,
  Radio,
  Select,
  Skeleton,
  Table,
} from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { Link as RouterLink, useNavigate } from 'react-router-dom';
import { PageHeader } from '../../shell/PageHeader.js';
import { LogError } from './LogError.js';
import { logReviewActions, logReviewPaths, type DatasetOverviewView, type FolderView } from './log-review-api.js';
import { ReviewGate } from './ReviewGate.js';
import { useFresh } from './use-fresh.js';
import { useLogT } from './use-log-t.js';

export function PurposeNote() {
  const { t } = useLogT();
  return (
    <Alert data-color="info" className="lr-purpose">
      <Heading level={2} data-size="2xs">
        {t('purpose.heading')}
      </Heading>
      <Paragraph data-size="sm">{t('purpose.text')}</Paragraph>
    </Alert>
  );
}

function NewDatasetForm({ folders, onCreated }: { folders: readonly FolderView[]; onCreated: (id: string) => void }) {
  const { t } = useLogT();
  const [name, setName] = useState('');
  const [source, setSource] = useState<'upload' | 'folder'>('upload');
  const [folderId, setFolderId] = useState(folders[0]?.id ?? '');
  const [capacity, setCapacity] = useState('20');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const created = await logReviewActions.createDataset({
        name,
        source,
        folderId: source === 'folder' ? folderId : null,
        reviewCapacity: Number(capacity),
      });
      onCreated(created.id);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card className="lr-card">
      <form onSubmit={(e) => void submit(e)} aria-labelledby="lr-new-heading" className="lr-form">
        <Heading level={2} data-size="xs" id="lr-new-heading">
          {t('home.new.heading')}
        </Heading>
        <Paragraph data-size="sm">{t('home.new.lead')}</Paragraph>
        <Field>
          <Label>{t('home.new.name')}</Label>
          <Input value={name} onChange={(e) => setName(e.target.value)} required minLength={2} maxLength={120} />
        </Field>
        <Fieldset>
          <Fieldset.Legend>{t('home.new.source')}</Fieldset.Legend>
          <Radio
            label={t('home.new.sourceUpload')}
            name="lr-source"
            value="upload"
            checked={source === 'upload'}
            onChange={() => setSource('upload')}
          />
          <Radio
            label={t('home.new.sourceFolder')}
            name="lr-source"
            value="folder"
            checked={source === 'folder'}
            disabled={folders.length === 0}
            onChange={() => setSource('folder')}
          />
          {folders.length === 0 ? <Paragraph data-size="xs">{t('home.new.noFolders')}</Paragraph> : null}
        </Fieldset>
        {source === 'folder' ? (
          <Field>
            <Label>{t('home.new.folder')}</Label>
            <Select value={folderId} onChange={(e) => setFolderId(e.target.value)}>
              {folders.map((f) => (
                <Select.Option key={f.id} value={f.id}>
                  {f.label} ({f.path})
                </Select.Option>
              ))}
            </Select>
          </Field>
        ) : null}
        <Field>
          <Label>{t('home.new.capacity')}</Label>
          <Field.Description>{t('home.new.capacityHelp')}</Field.Description>
          <Input
            type="number"
            min={1}
            max={10000}
            value={capacity}
            onChange={(e) => setCapacity(e.target.value)}
            required
          />
        </Field>
        {error ? <LogError error={error} /> : null}
        <Button type="submit" disabled={busy}>
          {t('home.new.submit')}
        </Button>
      </form>
    </Card>
  );
}

function DatasetTable({ datasets }: { datasets: readonly DatasetOverviewView[] }) {
  const i = useLogT();
  const { t } = i;
  if (datasets.length === 0) return <Paragraph>{t('home.none')}</Paragraph>;
  return (
    <div className="lr-table-wrap" tabIndex={0} role="region" aria-label={t('home.datasets')}>
      <Table data-size="sm" zebra>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t('home.col.name')}</Table.HeaderCell>
            <Table.HeaderCell>{t('home.col.period')}</Table.HeaderCell>
            <Table.HeaderCell>{t('home.col.lookups')}</Table.HeaderCell>
            <Table.HeaderCell>{t('home.col.explained')}</Table.HeaderCell>
            <Table.HeaderCell>{t('home.col.open')}</Table.HeaderCell>
            <Table.HeaderCell>{t('home.col.pending')}</Table.HeaderCell>
            <Table.HeaderCell>{t('home.col.lastRun')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {datasets.map((d) => {
            const s = d.latestRun?.summary;
            return (
              <Table.Row key={d.dataset.id}>
                <Table.Cell>
                  <RouterLink to={`/log-review/datasets/${d.dataset.id}`}>{d.dataset.name}</RouterLink>
                  {d.activeRun ? <span className="lr-muted"> · {t('home.running')}</span> : null}
                </Table.Cell>
                <Table.Cell>
                  {s?.firstDay && s.lastDay ? `${i.date(s.firstDay)} – ${i.date(s.lastDay)}` : '–'}
                </Table.Cell>
                <Table.Cell className="lr-num">{s ? i.number(s.events) : '–'}</Table.Cell>
                <Table.Cell className="lr-num">{s ? i.percent(s.explainedShare) : '–'}</Table.Cell>
                <Table.Cell className="lr-num">{i.number(d.openCases)}</Table.Cell>
                <Table.Cell className="lr-num">{i.number(d.pendingApproval)}</Table.Cell>
                <Table.Cell>
                  {d.latestRun?.finishedAt ? i.dateTime(d.latestRun.finishedAt) : t('home.never')}
                </Table.Cell>
              </Table.Row>
            );
          })}
        </Table.Body>
      </Table>
    </div>
  );
}

function HomeContent() {
  const { t } = useLogT();
  const navigate = useNavigate();
  const datasets = useFresh<{ datasets: DatasetOverviewView[] }>(logReviewPaths.datasets);
  const folders = useFresh<{ folders: FolderView[] }>(logReviewPaths.folders);
  return (
    <>
      <section aria-labelledby="lr-datasets-heading" className="lr-section">
        <Heading level={2} data-size="sm" id="lr-datasets-heading">
          {t('home.datasets')}
        </Heading>
        {datasets.error ? <LogError error={datasets.error} /> : null}
        {datasets.data ? (
          <DatasetTable datasets={datasets.data.datasets} />
        ) : (
          <Skeleton variant="rectangle" height="5rem" />
        )}
        <Paragraph data-size="sm">
          <RouterLink to="/log-review/rules">{t('home.rulesLink')}</RouterLink>
        </Paragraph>
      </section>
      {folders.data ? (
        <NewDatasetForm folders={folders.data.folders} onCreated={(id) => navigate(`/log-review/datasets/${id}`)} />
      ) : null}
    </>
  );
}

export function ReviewHomePage() {
  const { t } = useLogT();
  return (
    <>
      <PageHeader title={t('home.title')} lead={t('home.lead')} />
      <PurposeNote />
      <ReviewGate>
        <HomeContent />
      </ReviewGate>
    </>
  );
}
