/**
 * In a draft, change an existing measure: whom it is for (its audiences decide which groups it reaches) and what
 * it is linked to. The form starts from the published edition's values.
 */
import { Button, Checkbox, Field, Fieldset, Heading, Input, Label, Select } from '@digdir/designsystemet-react';
import { useId, useState, type FormEvent } from 'react';
import { apiRequest } from '../../api/client.js';
import { useI18n } from '../../i18n/i18n.js';
import type { AudienceTag } from '../catalogue/catalogue-api.js';
import { analysisPaths, dimensionList, type CoverageReport, type MeasureLinks } from './analysis-api.js';
import { emptyLinks, LinksEditor } from './LinksEditor.js';
import { ProblemList } from './ProblemList.js';
import { audienceChoices } from './ProposeMeasureForm.js';

/** A measure's links as the analysis shows them, gathered from the targets. */
export function linksOf(report: CoverageReport, measureId: string): MeasureLinks {
  const links = emptyLinks();
  for (const dimension of dimensionList) {
    for (const target of report[dimension]) {
      const link = target.links.find((l) => l.measureId === measureId);
      if (link)
        links[dimension].push({ target: target.target.id, strength: link.strength, rationale: { ...link.rationale } });
    }
  }
  return links;
}

export function ChangeMeasureForm({
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
  const [measureId, setMeasureId] = useState('');
  const [audiences, setAudiences] = useState<AudienceTag[]>([]);
  const [links, setLinks] = useState<MeasureLinks>(emptyLinks());
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>(null);
  const choose = (next: string) => {
    setMeasureId(next);
    setAudiences([...(report.measures.find((m) => m.id === next)?.audiences ?? [])]);
    setLinks(next ? linksOf(report, next) : emptyLinks());
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      await apiRequest(analysisPaths.draftChanges(draftId), {
        method: 'POST',
        body: { measureId, action: 'change', measure: { audiences }, links, note },
      });
      choose('');
      setNote('');
      onSaved();
    } catch (e) {
      setError(e);
    }
  };
  return (
    <form className="propose-form" onSubmit={(e) => void submit(e)} aria-labelledby={`${id}-heading`}>
      <Heading level={3} data-size="xs" id={`${id}-heading`}>
        {t('analysis.change.heading')}
      </Heading>
      <Field>
        <Label htmlFor={`${id}-measure`}>{t('analysis.retire.measure')}</Label>
        <Select id={`${id}-measure`} value={measureId} onChange={(e) => choose(e.target.value)} required>
          <Select.Option value="">{t('analysis.links.choose')}</Select.Option>
          {report.measures.map((m) => (
            <Select.Option key={m.id} value={m.id} lang="nb">
              {m.id} {m.title}
            </Select.Option>
          ))}
        </Select>
      </Field>
      {measureId ? (
        <>
          <Fieldset>
            <Fieldset.Legend>{t('analysis.propose.audiences')}</Fieldset.Legend>
            <Fieldset.Description>{t('analysis.propose.audiencesHelp')}</Fieldset.Description>
            <div className="propose-form__checks">
              {audienceChoices.map((tag) => (
                <Checkbox
                  key={tag}
                  label={t(`audience.${tag}`)}
                  value={tag}
                  checked={audiences.includes(tag)}
                  onChange={(e) =>
                    setAudiences(e.target.checked ? [...audiences, tag] : audiences.filter((x) => x !== tag))
                  }
                />
              ))}
            </div>
          </Fieldset>
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
          <Button type="submit">{t('analysis.change.submit')}</Button>
        </>
      ) : null}
    </form>
  );
}
