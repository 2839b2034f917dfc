/** The strategy owner's drafts on the coverage page: the list, and a form to start a new one. */
import {
  Button,
  Field,
  Heading,
  Input,
  Label,
  Paragraph,
  Table,
  Tag,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { useId, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { ApiError, apiRequest } from '../../api/client.js';
import { errorMessageKey } from '../../api/error-text.js';
import { useI18n } from '../../i18n/i18n.js';
import { AppLink } from '../../shell/AppLink.js';
import { analysisPaths, type DraftInfo, type DraftList } from './analysis-api.js';
import { useFresh } from './use-fresh.js';

export function DraftsPanel() {
  const { t, formatDate } = useI18n();
  const drafts = useFresh<DraftList>(analysisPaths.drafts());
  const navigate = useNavigate();
  const [title, setTitle] = useState('');
  const [editionId, setEditionId] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const draft = await apiRequest<DraftInfo>(analysisPaths.drafts(), {
        method: 'POST',
        body: { title, proposedEditionId: editionId },
      });
      void navigate(`/analysis/drafts/${encodeURIComponent(draft.id)}`);
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError('UNKNOWN', String(e), 0));
    } finally {
      setBusy(false);
    }
  };
  const fieldError = (field: string) => error?.details.find((d) => d.field === field)?.message;

  return (
    <section aria-labelledby="drafts-heading" className="analysis-section drafts-panel">
      <Heading level={2} data-size="sm" id="drafts-heading">
        {t('analysis.drafts.heading')}
      </Heading>
      <Paragraph>{t('analysis.drafts.lead')}</Paragraph>
      {drafts.data && drafts.data.drafts.length > 0 ? (
        <Table className="drafts-table">
          <caption className="visually-hidden">{t('analysis.drafts.heading')}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('analysis.drafts.title')}</Table.HeaderCell>
              <Table.HeaderCell>{t('analysis.drafts.edition')}</Table.HeaderCell>
              <Table.HeaderCell>{t('analysis.drafts.status')}</Table.HeaderCell>
              <Table.HeaderCell>{t('analysis.drafts.changes')}</Table.HeaderCell>
              <Table.HeaderCell>{t('analysis.drafts.created')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {drafts.data.drafts.map((d) => (
              <Table.Row key={d.id}>
                <Table.Cell>
                  <AppLink to={`/analysis/drafts/${encodeURIComponent(d.id)}`}>{d.title}</AppLink>
                </Table.Cell>
                <Table.Cell>
                  {d.baseEditionId} → {d.proposedEditionId}
                </Table.Cell>
                <Table.Cell>
                  <Tag
                    data-size="sm"
                    data-color={d.status === 'draft' ? 'info' : d.status === 'published' ? 'success' : 'neutral'}
                  >
                    {t(`analysis.draftStatus.${d.status}`)}
                  </Tag>
                </Table.Cell>
                <Table.Cell>{d.changeCount}</Table.Cell>
                <Table.Cell>{formatDate(d.createdAt)}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      ) : drafts.data ? (
        <Paragraph>{t('analysis.drafts.none')}</Paragraph>
      ) : null}
      <form className="draft-form" onSubmit={(e) => void submit(e)}>
        <Heading level={3} data-size="xs">
          {t('analysis.drafts.new')}
        </Heading>
        <Field>
          <Label htmlFor={`${id}-title`}>{t('analysis.drafts.title')}</Label>
          <Input id={`${id}-title`} value={title} onChange={(e) => setTitle(e.target.value)} required maxLength={200} />
          {fieldError('title') ? <ValidationMessage>{fieldError('title')}</ValidationMessage> : null}
        </Field>
        <Field>
          <Label htmlFor={`${id}-edition`}>{t('analysis.drafts.proposedEdition')}</Label>
          <Field.Description>{t('analysis.drafts.proposedEditionHelp')}</Field.Description>
          <Input
            id={`${id}-edition`}
            value={editionId}
            onChange={(e) => setEditionId(e.target.value)}
            required
            maxLength={40}
          />
          {fieldError('proposedEditionId') ? (
            <ValidationMessage>{fieldError('proposedEditionId')}</ValidationMessage>
          ) : null}
        </Field>
        {error && error.details.length === 0 ? (
          <ValidationMessage>{t(errorMessageKey(error))}</ValidationMessage>
        ) : null}
        <Button type="submit" disabled={busy}>
          {t('analysis.drafts.create')}
        </Button>
      </form>
    </section>
  );
}
