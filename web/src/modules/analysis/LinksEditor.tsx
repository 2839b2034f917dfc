/**
 * Edits a measure's links in one dimension (principles, goals or strategic areas): the target, the strength and a
 * one-line reason in bokmål and English. Controlled: the caller keeps the value.
 */
import { Button, Field, Fieldset, Input, Label, Select } from '@digdir/designsystemet-react';
import { useId } from 'react';
import { useI18n } from '../../i18n/i18n.js';
import {
  strengthList,
  type Dimension,
  type MappingLink,
  type MeasureLinks,
  type TargetCoverage,
} from './analysis-api.js';
import { pick, strengthKey } from './labels.js';

export const emptyLinks = (): MeasureLinks => ({ principles: [], goals: [], strategicAreas: [] });

function LinkRow({
  link,
  targets,
  index,
  onChange,
  onRemove,
}: {
  link: MappingLink;
  targets: readonly TargetCoverage[];
  index: number;
  onChange: (link: MappingLink) => void;
  onRemove: () => void;
}) {
  const { t, locale } = useI18n();
  const id = useId();
  return (
    <Fieldset className="link-row">
      <Fieldset.Legend>{t('analysis.links.row', { number: index + 1 })}</Fieldset.Legend>
      <Field>
        <Label htmlFor={`${id}-target`}>{t('analysis.links.target')}</Label>
        <Select id={`${id}-target`} value={link.target} onChange={(e) => onChange({ ...link, target: e.target.value })}>
          <Select.Option value="">{t('analysis.links.choose')}</Select.Option>
          {targets.map((target) => (
            <Select.Option key={target.target.id} value={target.target.id}>
              {target.target.code} {pick(target.target.title, locale).text}
            </Select.Option>
          ))}
        </Select>
      </Field>
      <Field>
        <Label htmlFor={`${id}-strength`}>{t('analysis.links.strength')}</Label>
        <Select
          id={`${id}-strength`}
          value={link.strength}
          onChange={(e) => onChange({ ...link, strength: e.target.value as MappingLink['strength'] })}
        >
          {strengthList.map((s) => (
            <Select.Option key={s} value={s}>
              {t(strengthKey(s))}
            </Select.Option>
          ))}
        </Select>
      </Field>
      <Field className="link-row__reason">
        <Label htmlFor={`${id}-nb`}>{t('analysis.links.reasonNb')}</Label>
        <Input
          id={`${id}-nb`}
          lang="nb"
          maxLength={300}
          value={link.rationale.nb}
          onChange={(e) => onChange({ ...link, rationale: { ...link.rationale, nb: e.target.value } })}
        />
      </Field>
      <Field className="link-row__reason">
        <Label htmlFor={`${id}-en`}>{t('analysis.links.reasonEn')}</Label>
        <Input
          id={`${id}-en`}
          lang="en"
          maxLength={300}
          value={link.rationale.en}
          onChange={(e) => onChange({ ...link, rationale: { ...link.rationale, en: e.target.value } })}
        />
      </Field>
      <Button variant="tertiary" data-size="sm" type="button" onClick={onRemove} className="link-row__remove">
        {t('analysis.links.remove', { number: index + 1 })}
      </Button>
    </Fieldset>
  );
}

export function LinksEditor({
  value,
  onChange,
  targets,
}: {
  value: MeasureLinks;
  onChange: (links: MeasureLinks) => void;
  targets: Readonly<Record<Dimension, readonly TargetCoverage[]>>;
}) {
  const { t } = useI18n();
  return (
    <div className="links-editor">
      {(['principles', 'goals', 'strategicAreas'] as const).map((dimension) => {
        const links = value[dimension];
        const set = (next: MappingLink[]) => onChange({ ...value, [dimension]: next });
        return (
          <Fieldset key={dimension} className="links-editor__dimension">
            <Fieldset.Legend>{t(`analysis.dimension.${dimension}`)}</Fieldset.Legend>
            {links.map((link, i) => (
              <LinkRow
                key={i}
                index={i}
                link={link}
                targets={targets[dimension]}
                onChange={(next) => set(links.map((l, j) => (j === i ? next : l)))}
                onRemove={() => set(links.filter((_, j) => j !== i))}
              />
            ))}
            <Button
              variant="secondary"
              data-size="sm"
              type="button"
              onClick={() => set([...links, { target: '', strength: 'strong', rationale: { nb: '', en: '' } }])}
            >
              {t(`analysis.links.add.${dimension}`)}
            </Button>
          </Fieldset>
        );
      })}
    </div>
  );
}
