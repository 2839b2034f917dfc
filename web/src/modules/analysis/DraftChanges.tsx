/** The changes in a draft, each with a way to undo it, and a form to retire an existing measure. */
import { Button, Field, Heading, Input, Label, Paragraph, Select, Table } from '@digdir/designsystemet-react';
import { useId, useState, type FormEvent } from 'react';
import { apiRequest } from '../../api/client.js';
import { useI18n } from '../../i18n/i18n.js';
import { analysisPaths, type CoverageReport, type DraftDetail, type ProposedMeasure } from './analysis-api.js';
import { ProblemList } from './ProblemList.js';

export function DraftChanges({
  detail,
  published,
  editable,
  onChanged,
}: {
  detail: DraftDetail;
  published: CoverageReport;
  editable: boolean;
  onChanged: () => void;
}) {
  const { t, formatDate } = useI18n();
  const id = useId();
  const [retireId, setRetireId] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>(null);
  const send = async (body: Record<string, unknown>) => {
    setError(null);
    try {
      await apiRequest(analysisPaths.draftChanges(detail.draft.id), { method: 'POST', body });
      onChanged();
    } catch (e) {
      setError(e);
    }
  };
  const retire = async (event: FormEvent) => {
    event.preventDefault();
    await send({ measureId: retireId, action: 'retire', note });
    setRetireId('');
    setNote('');
  };
  const titleOf = (measureId: string, measure: unknown) =>
    (measure as Partial<ProposedMeasure> | null)?.title ??
    published.measures.find((m) => m.id === measureId)?.title ??
    '';

  return (
    <div className="draft-changes">
      {detail.changes.length === 0 ? (
        <Paragraph>{t('analysis.draft.noChanges')}</Paragraph>
      ) : (
        <Table>
          <caption className="visually-hidden">{t('analysis.draft.changesHeading')}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('analysis.draft.measure')}</Table.HeaderCell>
              <Table.HeaderCell>{t('analysis.draft.action')}</Table.HeaderCell>
              <Table.HeaderCell>{t('analysis.draft.note')}</Table.HeaderCell>
              <Table.HeaderCell>{t('analysis.draft.by')}</Table.HeaderCell>
              {editable ? <Table.HeaderCell>{t('analysis.draft.undo')}</Table.HeaderCell> : null}
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {detail.changes.map((c) => (
              <Table.Row key={c.measureId}>
                <Table.Cell>
                  {c.measureId} <span lang="nb">{titleOf(c.measureId, c.measure)}</span>
                </Table.Cell>
                <Table.Cell>{t(`analysis.action.${c.action}`)}</Table.Cell>
                <Table.Cell>{c.note}</Table.Cell>
                <Table.Cell>
                  {c.authorName ?? '—'}, {formatDate(c.at)}
                </Table.Cell>
                {editable ? (
                  <Table.Cell>
                    <Button
                      variant="tertiary"
                      data-size="sm"
                      onClick={() => void send({ measureId: c.measureId, action: 'revert', note: '' })}
                    >
                      {t('analysis.draft.undoMeasure', { id: c.measureId })}
                    </Button>
                  </Table.Cell>
                ) : null}
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
      {editable ? (
        <form className="retire-form" onSubmit={(e) => void retire(e)}>
          <Heading level={3} data-size="2xs">
            {t('analysis.retire.heading')}
          </Heading>
          <Field>
            <Label htmlFor={`${id}-measure`}>{t('analysis.retire.measure')}</Label>
            <Select id={`${id}-measure`} value={retireId} onChange={(e) => setRetireId(e.target.value)} required>
              <Select.Option value="">{t('analysis.links.choose')}</Select.Option>
              {published.measures.map((m) => (
                <Select.Option key={m.id} value={m.id} lang="nb">
                  {m.id} {m.title}
                </Select.Option>
              ))}
            </Select>
          </Field>
          <Field>
            <Label htmlFor={`${id}-note`}>{t('analysis.propose.note')}</Label>
            <Input id={`${id}-note`} value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} />
          </Field>
          <Button type="submit" variant="secondary">
            {t('analysis.retire.submit')}
          </Button>
        </form>
      ) : null}
      {error ? <ProblemList error={error} /> : null}
    </div>
  );
}
