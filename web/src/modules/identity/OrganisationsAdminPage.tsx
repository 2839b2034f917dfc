/**
 * The organisation tree for administrators: sector → type → enterprise → unit, with organisation number (checked
 * with mod 11 by the server), size class, region and catalogue actor; and a form to add an organisation.
 */
import {
  Button,
  Card,
  Field,
  Heading,
  Input,
  Label,
  Select,
  Table,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import type { ApiError } from '../../api/client.js';
import { clearApiCache, useApi } from '../../api/use-api.js';
import { useI18n, type MessageKey } from '../../i18n/i18n.js';
import { ErrorAlert } from '../../shell/ErrorAlert.js';
import { PageHeader } from '../../shell/PageHeader.js';
import { asApiError } from './form-error.js';
import { identityActions, identityPaths, type Organisation } from './identity-api.js';

const levels = ['sector', 'type', 'enterprise', 'unit'] as const;
const sizes = ['micro', 'small', 'medium', 'large'] as const;
const regions = ['sor-ost', 'vest', 'midt', 'nord', 'national'] as const;

/** Depth-first order with the depth, so the table reads as a tree. */
function treeOrder(orgs: readonly Organisation[]): { org: Organisation; depth: number }[] {
  const children = new Map<string | null, Organisation[]>();
  for (const o of orgs) children.set(o.parentId, [...(children.get(o.parentId) ?? []), o]);
  const ids = new Set(orgs.map((o) => o.id));
  const roots = orgs.filter((o) => !o.parentId || !ids.has(o.parentId));
  const out: { org: Organisation; depth: number }[] = [];
  const walk = (o: Organisation, depth: number) => {
    out.push({ org: o, depth });
    for (const c of (children.get(o.id) ?? []).sort((a, b) => a.name.localeCompare(b.name, 'nb'))) walk(c, depth + 1);
  };
  for (const r of roots) walk(r, 0);
  return out;
}

function AddOrganisationForm({
  organisations,
  onAdded,
}: {
  organisations: readonly Organisation[];
  onAdded: () => void;
}) {
  const { t } = useI18n();
  const [form, setForm] = useState({
    level: 'enterprise',
    parentId: '',
    name: '',
    orgNumber: '',
    sizeClass: '',
    region: '',
    actorId: '',
  });
  const [error, setError] = useState<ApiError | null>(null);
  const set = (key: keyof typeof form, value: string) => setForm((f) => ({ ...f, [key]: value }));
  const problem = (field: string) => error?.details.find((d) => d.field === field)?.message;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      await identityActions.createOrganisation({
        level: form.level,
        parentId: form.parentId || null,
        name: form.name,
        orgNumber: form.orgNumber || null,
        sizeClass: form.sizeClass || null,
        region: form.region || null,
        actorId: form.actorId || null,
      });
      setForm((f) => ({ ...f, name: '', orgNumber: '' }));
      onAdded();
    } catch (e) {
      setError(asApiError(e));
    }
  };
  return (
    <Card className="identity-form-card">
      <form onSubmit={(e) => void submit(e)} aria-labelledby="add-org-heading" className="identity-form">
        <Heading level={2} data-size="xs" id="add-org-heading">
          {t('identity.org.add')}
        </Heading>
        {error && error.details.length === 0 ? <ErrorAlert error={error} /> : null}
        <Field>
          <Label htmlFor="org-level">{t('identity.org.level')}</Label>
          <Select id="org-level" value={form.level} onChange={(e) => set('level', e.target.value)}>
            {levels.map((l) => (
              <Select.Option key={l} value={l}>
                {t(`identity.level.${l}` as MessageKey)}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <Field>
          <Label htmlFor="org-parent">{t('identity.org.parent')}</Label>
          <Select id="org-parent" value={form.parentId} onChange={(e) => set('parentId', e.target.value)}>
            <Select.Option value="">{t('identity.org.noParent')}</Select.Option>
            {organisations
              .filter((o) => o.level !== 'unit' || form.level === 'unit')
              .map((o) => (
                <Select.Option key={o.id} value={o.id}>
                  {o.name}
                </Select.Option>
              ))}
          </Select>
          {problem('parentId') ? <ValidationMessage>{problem('parentId')}</ValidationMessage> : null}
        </Field>
        <Field>
          <Label htmlFor="org-name">{t('identity.org.name')}</Label>
          <Input id="org-name" required value={form.name} onChange={(e) => set('name', e.target.value)} />
          {problem('name') ? <ValidationMessage>{problem('name')}</ValidationMessage> : null}
        </Field>
        <Field>
          <Label htmlFor="org-number">{t('identity.org.orgNumber')}</Label>
          <Input
            id="org-number"
            inputMode="numeric"
            value={form.orgNumber}
            onChange={(e) => set('orgNumber', e.target.value)}
            aria-invalid={Boolean(problem('orgNumber'))}
          />
          {problem('orgNumber') ? <ValidationMessage>{problem('orgNumber')}</ValidationMessage> : null}
        </Field>
        <Field>
          <Label htmlFor="org-size">{t('identity.org.size')}</Label>
          <Select id="org-size" value={form.sizeClass} onChange={(e) => set('sizeClass', e.target.value)}>
            <Select.Option value="">–</Select.Option>
            {sizes.map((s) => (
              <Select.Option key={s} value={s}>
                {t(`identity.size.${s}` as MessageKey)}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <Field>
          <Label htmlFor="org-region">{t('identity.org.region')}</Label>
          <Select id="org-region" value={form.region} onChange={(e) => set('region', e.target.value)}>
            <Select.Option value="">–</Select.Option>
            {regions.map((r) => (
              <Select.Option key={r} value={r}>
                {t(`identity.region.${r}` as MessageKey)}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <Field>
          <Label htmlFor="org-actor">{t('identity.org.actor')}</Label>
          <Input id="org-actor" value={form.actorId} onChange={(e) => set('actorId', e.target.value)} />
        </Field>
        <Button type="submit">{t('identity.org.addButton')}</Button>
      </form>
    </Card>
  );
}

export function OrganisationsAdminPage() {
  const { t } = useI18n();
  const [version, setVersion] = useState(0);
  const { data, error } = useApi<{ organisations: Organisation[] }>(`${identityPaths.organisations}?v=${version}`);
  const rows = data ? treeOrder(data.organisations) : [];
  return (
    <>
      <PageHeader
        title={t('identity.admin.organisations')}
        crumbs={[{ to: '/admin', label: t('identity.admin.title') }]}
      />
      {error ? <ErrorAlert error={error} /> : null}
      <Table data-size="sm" className="identity-table">
        <caption>{t('identity.org.caption', { count: rows.length })}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell scope="col">{t('identity.org.name')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('identity.org.level')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('identity.org.orgNumber')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('identity.org.size')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('identity.org.region')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('identity.org.actor')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {rows.map(({ org, depth }) => (
            <Table.Row key={org.id}>
              <Table.Cell style={{ paddingInlineStart: `${0.5 + depth * 1.25}rem` }}>{org.name}</Table.Cell>
              <Table.Cell>{t(`identity.level.${org.level}` as MessageKey)}</Table.Cell>
              <Table.Cell>{org.orgNumber ?? ''}</Table.Cell>
              <Table.Cell>{org.sizeClass ? t(`identity.size.${org.sizeClass}` as MessageKey) : ''}</Table.Cell>
              <Table.Cell>{org.region ? t(`identity.region.${org.region}` as MessageKey) : ''}</Table.Cell>
              <Table.Cell>{org.actorId ?? ''}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
      {data ? (
        <AddOrganisationForm
          organisations={data.organisations}
          onAdded={() => {
            clearApiCache(identityPaths.organisations);
            setVersion((v) => v + 1);
          }}
        />
      ) : null}
    </>
  );
}
