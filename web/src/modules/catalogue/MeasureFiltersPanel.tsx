/** The measures list's filters: one native select per facet (reliable with keyboard and screen readers). */
import { Button, Field, Heading, Label, Select } from '@digdir/designsystemet-react';
import { useT, type MessageKey } from '../../i18n/i18n.js';
import type { ActorView, AreaView } from './catalogue-api.js';
import {
  audienceTags,
  measureKinds,
  responsibilityStates,
  type FilterName,
  type MeasureFilters,
} from './measure-filters.js';

export interface FilterOption {
  readonly value: string;
  readonly label: string;
}

export interface FilterOptions {
  readonly area: readonly FilterOption[];
  readonly actor: readonly FilterOption[];
  readonly audience: readonly FilterOption[];
  readonly kind: readonly FilterOption[];
  readonly responsibility: readonly FilterOption[];
}

/** Actors offered as a filter: those responsible for a measure, and those an actor with measures is part of. */
export function actorOptions(actors: readonly ActorView[]): FilterOption[] {
  const responsible = new Set(actors.filter((a) => a.responsibleFor.length > 0).map((a) => a.id));
  for (const actor of actors) if (responsible.has(actor.id) && actor.partOf) responsible.add(actor.partOf);
  return actors
    .filter((a) => responsible.has(a.id))
    .map((a) => ({ value: a.id, label: a.name.includes(a.shortName) ? a.name : `${a.name} (${a.shortName})` }))
    .sort((a, b) => a.label.localeCompare(b.label, 'nb'));
}

export function useFilterOptions(areas: readonly AreaView[], actors: readonly ActorView[]): FilterOptions {
  const t = useT();
  return {
    area: areas.map((a) => ({ value: a.id, label: `${a.id} ${a.name}` })),
    actor: actorOptions(actors),
    audience: audienceTags.map((tag) => ({ value: tag, label: t(`audience.${tag}`) })),
    kind: measureKinds.map((kind) => ({ value: kind, label: t(`measure.kind.${kind}`) })),
    responsibility: responsibilityStates.map((state) => ({
      value: state,
      label: t(`measure.responsibility.${state}`),
    })),
  };
}

export const selectFilters = [
  'area',
  'actor',
  'audience',
  'kind',
  'responsibility',
] as const satisfies readonly FilterName[];

const labelKeys: Record<(typeof selectFilters)[number], { label: MessageKey; all: MessageKey }> = {
  area: { label: 'filters.area', all: 'filters.allAreas' },
  actor: { label: 'filters.actor', all: 'filters.allActors' },
  audience: { label: 'filters.audience', all: 'filters.allAudiences' },
  kind: { label: 'filters.kind', all: 'filters.allKinds' },
  responsibility: { label: 'filters.responsibility', all: 'filters.allResponsibility' },
};

export function filterLabelKey(name: (typeof selectFilters)[number]): MessageKey {
  return labelKeys[name].label;
}

export interface MeasureFiltersPanelProps {
  readonly filters: MeasureFilters;
  readonly options: FilterOptions;
  readonly onChange: (name: FilterName, value: string | undefined) => void;
  readonly onReset: () => void;
  /** Hide the heading when the panel sits inside a disclosure that already names it. */
  readonly showHeading?: boolean;
}

export function MeasureFiltersPanel({
  filters,
  options,
  onChange,
  onReset,
  showHeading = true,
}: MeasureFiltersPanelProps) {
  const t = useT();
  const anyActive = selectFilters.some((name) => filters[name]) || Boolean(filters.q);
  return (
    <div className="filters">
      {showHeading ? (
        <Heading level={2} data-size="xs" className="filters__heading">
          {t('filters.heading')}
        </Heading>
      ) : null}
      {selectFilters.map((name) => (
        <Field key={name} className="filters__field">
          <Label>{t(labelKeys[name].label)}</Label>
          <Select
            name={name}
            value={filters[name] ?? ''}
            onChange={(event) => onChange(name, event.target.value || undefined)}
          >
            <Select.Option value="">{t(labelKeys[name].all)}</Select.Option>
            {options[name].map((option) => (
              <Select.Option key={option.value} value={option.value}>
                {option.label}
              </Select.Option>
            ))}
          </Select>
        </Field>
      ))}
      <Button variant="secondary" data-size="sm" onClick={onReset} disabled={!anyActive} className="filters__reset">
        {t('filters.reset')}
      </Button>
    </div>
  );
}
