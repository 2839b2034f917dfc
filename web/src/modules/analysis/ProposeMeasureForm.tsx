/** The strategy owner proposes a new measure in a draft: its catalogue fields and its links. */
import {
  Button,
  Checkbox,
  Field,
  Fieldset,
  Heading,
  Input,
  Label,
  Radio,
  Select,
  Textarea,
} from '@digdir/designsystemet-react';
import { useId, useState, type FormEvent } from 'react';
import { apiRequest } from '../../api/client.js';
import { useApi } from '../../api/use-api.js';
import { useI18n } from '../../i18n/i18n.js';
import { cataloguePaths, type AreaList, type AudienceTag } from '../catalogue/catalogue-api.js';
import { analysisPaths, type CoverageReport, type MeasureLinks } from './analysis-api.js';
import { emptyLinks, LinksEditor } from './LinksEditor.js';
import { ProblemList } from './ProblemList.js';

/** The audiences offered in the forms, the most common first. */
export const audienceChoices: AudienceTag[] = [
  'whole-sector',
  'small-enterprises',
  'municipalities',
  'large-enterprises',
  'health-service-providers',
  'helsenett-members',
  'specialist-health-service',
  'under-hod',
  'health-administration',
  'suppliers',
  'specific-actors',
];

export function ProposeMeasureForm({
  draftId,
  report,
  onSaved,
}: {
  draftId: string;
  report: CoverageReport;
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const areas = useApi<AreaList>(cataloguePaths.areas());
  const [measureId, setMeasureId] = useState('');
  const [areaId, setAreaId] = useState('');
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [kind, setKind] = useState<'new' | 'existing'>('new');
  const [chosen, setChosen] = useState<AudienceTag[]>([]);
  const [relevantForText, setRelevantForText] = useState('');
  const [responsibleText, setResponsibleText] = useState('');
  const [links, setLinks] = useState<MeasureLinks>(emptyLinks());
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await apiRequest(analysisPaths.draftChanges(draftId), {
        method: 'POST',
        body: {
          measureId: measureId.trim(),
          action: 'add',
          measure: {
            title,
            areaId,
            kind,
            audiences: chosen,
            relevantForText,
            responsibleText: responsibleText || 'Avklares',
            responsibleActorIds: [],
            description,
          },
          links,
          note,
        },
      });
      setMeasureId('');
      setTitle('');
      setDescription('');
      setChosen([]);
      setRelevantForText('');
      setResponsibleText('');
      setLinks(emptyLinks());
      setNote('');
      onSaved();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="propose-form" onSubmit={(e) => void submit(e)} aria-labelledby={`${id}-heading`}>
      <Heading level={3} data-size="xs" id={`${id}-heading`}>
        {t('analysis.propose.heading')}
      </Heading>
      <div className="propose-form__grid">
        <Field>
          <Label htmlFor={`${id}-area`}>{t('analysis.propose.area')}</Label>
          <Select id={`${id}-area`} value={areaId} onChange={(e) => setAreaId(e.target.value)} required>
            <Select.Option value="">{t('analysis.links.choose')}</Select.Option>
            {(areas.data?.areas ?? []).map((a) => (
              <Select.Option key={a.id} value={a.id} lang="nb">
                {a.id} {a.name}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <Field>
          <Label htmlFor={`${id}-number`}>{t('analysis.propose.number')}</Label>
          <Field.Description>{t('analysis.propose.numberHelp')}</Field.Description>
          <Input
            id={`${id}-number`}
            value={measureId}
            onChange={(e) => setMeasureId(e.target.value)}
            required
            maxLength={20}
          />
        </Field>
      </div>
      <Field>
        <Label htmlFor={`${id}-title`}>{t('analysis.propose.title')}</Label>
        <Input
          id={`${id}-title`}
          lang="nb"
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          required
          maxLength={300}
        />
      </Field>
      <Field>
        <Label htmlFor={`${id}-description`}>{t('analysis.propose.description')}</Label>
        <Textarea
          id={`${id}-description`}
          lang="nb"
          rows={3}
          value={description}
          onChange={(e) => setDescription(e.target.value)}
          required
          maxLength={5000}
        />
      </Field>
      <Fieldset>
        <Fieldset.Legend>{t('analysis.propose.kind')}</Fieldset.Legend>
        <Radio
          label={t('measure.kind.new')}
          name={`${id}-kind`}
          value="new"
          checked={kind === 'new'}
          onChange={() => setKind('new')}
        />
        <Radio
          label={t('measure.kind.existing')}
          name={`${id}-kind`}
          value="existing"
          checked={kind === 'existing'}
          onChange={() => setKind('existing')}
        />
      </Fieldset>
      <Fieldset>
        <Fieldset.Legend>{t('analysis.propose.audiences')}</Fieldset.Legend>
        <Fieldset.Description>{t('analysis.propose.audiencesHelp')}</Fieldset.Description>
        <div className="propose-form__checks">
          {audienceChoices.map((tag) => (
            <Checkbox
              key={tag}
              label={t(`audience.${tag}`)}
              value={tag}
              checked={chosen.includes(tag)}
              onChange={(e) => setChosen(e.target.checked ? [...chosen, tag] : chosen.filter((x) => x !== tag))}
            />
          ))}
        </div>
      </Fieldset>
      <div className="propose-form__grid">
        <Field>
          <Label htmlFor={`${id}-relevant`}>{t('analysis.propose.relevantFor')}</Label>
          <Input
            id={`${id}-relevant`}
            lang="nb"
            value={relevantForText}
            onChange={(e) => setRelevantForText(e.target.value)}
            required
          />
        </Field>
        <Field>
          <Label htmlFor={`${id}-responsible`}>{t('analysis.propose.responsible')}</Label>
          <Field.Description>{t('analysis.propose.responsibleHelp')}</Field.Description>
          <Input
            id={`${id}-responsible`}
            lang="nb"
            value={responsibleText}
            onChange={(e) => setResponsibleText(e.target.value)}
          />
        </Field>
      </div>
      <Heading level={4} data-size="2xs">
        {t('analysis.propose.links')}
      </Heading>
      <LinksEditor
        value={links}
        onChange={setLinks}
        targets={{ principles: report.principles, goals: report.goals, strategicAreas: report.strategicAreas }}
      />
      <Field>
        <Label htmlFor={`${id}-note`}>{t('analysis.propose.note')}</Label>
        <Input id={`${id}-note`} value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} />
      </Field>
      {error ? <ProblemList error={error} /> : null}
      <Button type="submit" disabled={busy}>
        {t('analysis.propose.submit')}
      </Button>
    </form>
  );
}
