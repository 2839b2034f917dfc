/**
 * Users and their roles per organisation. Administrators see and manage everyone; enterprise leads see the users
 * of their own organisation. National ids are shown masked (birth date only). Every read here is audited.
 */
import {
  Button,
  Card,
  Field,
  Heading,
  Input,
  Label,
  Paragraph,
  Select,
  Table,
  Tag,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import type { ApiError } from '../../api/client.js';
import { clearApiCache, useApi } from '../../api/use-api.js';
import { useI18n, type MessageKey } from '../../i18n/i18n.js';
import { ErrorAlert } from '../../shell/ErrorAlert.js';
import { PageHeader } from '../../shell/PageHeader.js';
import { asApiError } from './form-error.js';
import { identityActions, identityPaths, roleNames, type Organisation, type UserView } from './identity-api.js';
import { hasAnyRole, useIdentity } from './session.js';

function AddUserForm({ onAdded }: { onAdded: () => void }) {
  const { t } = useI18n();
  const [form, setForm] = useState({ displayName: '', email: '', pid: '', hprNumber: '' });
  const [error, setError] = useState<ApiError | null>(null);
  const problem = (field: string) => error?.details.find((d) => d.field === field)?.message;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      await identityActions.createUser({
        displayName: form.displayName,
        email: form.email || null,
        pid: form.pid || null,
        hprNumber: form.hprNumber || null,
      });
      setForm({ displayName: '', email: '', pid: '', hprNumber: '' });
      onAdded();
    } catch (e) {
      setError(asApiError(e));
    }
  };
  const field = (
    key: keyof typeof form,
    label: MessageKey,
    extra: { inputMode?: 'numeric'; required?: boolean } = {},
  ) => (
    <Field>
      <Label htmlFor={`user-${key}`}>{t(label)}</Label>
      <Input
        id={`user-${key}`}
        value={form[key]}
        onChange={(e) => setForm((f) => ({ ...f, [key]: e.target.value }))}
        aria-invalid={Boolean(problem(key))}
        {...extra}
      />
      {problem(key) ? <ValidationMessage>{problem(key)}</ValidationMessage> : null}
    </Field>
  );
  return (
    <Card className="identity-form-card">
      <form onSubmit={(e) => void submit(e)} aria-labelledby="add-user-heading" className="identity-form">
        <Heading level={2} data-size="xs" id="add-user-heading">
          {t('identity.user.add')}
        </Heading>
        <Paragraph data-size="sm">{t('identity.user.addHelp')}</Paragraph>
        {error && error.details.length === 0 ? <ErrorAlert error={error} /> : null}
        {field('displayName', 'identity.user.name', { required: true })}
        {field('email', 'identity.user.email')}
        {field('pid', 'identity.user.pid', { inputMode: 'numeric' })}
        {field('hprNumber', 'identity.user.hpr', { inputMode: 'numeric' })}
        <Button type="submit">{t('identity.user.addButton')}</Button>
      </form>
    </Card>
  );
}

function RoleEditor({
  user,
  organisations,
  onChanged,
}: {
  user: UserView;
  organisations: readonly Organisation[];
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const [organisationId, setOrganisationId] = useState('');
  const [role, setRole] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const act = async (run: () => Promise<unknown>) => {
    setError(null);
    try {
      await run();
      onChanged();
    } catch (e) {
      setError(asApiError(e));
    }
  };
  return (
    <div className="identity-roles">
      <ul className="identity-role-list">
        {user.roles.map((r) => (
          <li key={`${r.organisationId}:${r.role}`}>
            <Tag data-size="sm">{t(`identity.role.${r.role}` as MessageKey)}</Tag> {r.organisationName}{' '}
            <Button
              variant="tertiary"
              data-size="sm"
              onClick={() => void act(() => identityActions.revokeRole(user.id, r.organisationId, r.role))}
            >
              {t('identity.user.revoke')}
              <span className="visually-hidden">
                {' '}
                {t(`identity.role.${r.role}` as MessageKey)}, {r.organisationName}, {user.displayName}
              </span>
            </Button>
          </li>
        ))}
      </ul>
      <div className="identity-grant">
        <Select
          aria-label={t('identity.user.grantOrganisation', { name: user.displayName })}
          data-size="sm"
          value={organisationId}
          onChange={(e) => setOrganisationId(e.target.value)}
        >
          <Select.Option value="">{t('identity.user.chooseOrganisation')}</Select.Option>
          {organisations
            .filter((o) => o.level === 'enterprise' || o.level === 'unit')
            .map((o) => (
              <Select.Option key={o.id} value={o.id}>
                {o.name}
              </Select.Option>
            ))}
        </Select>
        <Select
          aria-label={t('identity.user.grantRole', { name: user.displayName })}
          data-size="sm"
          value={role}
          onChange={(e) => setRole(e.target.value)}
        >
          <Select.Option value="">{t('identity.user.chooseRole')}</Select.Option>
          {roleNames.map((r) => (
            <Select.Option key={r} value={r}>
              {t(`identity.role.${r}` as MessageKey)}
            </Select.Option>
          ))}
        </Select>
        <Button
          data-size="sm"
          variant="secondary"
          disabled={!organisationId || !role}
          onClick={() => void act(() => identityActions.grantRole(user.id, organisationId, role))}
        >
          {t('identity.user.grant')}
        </Button>
      </div>
      {error ? <ErrorAlert error={error} /> : null}
    </div>
  );
}

export function UsersAdminPage() {
  const { t, formatDate } = useI18n();
  const { session } = useIdentity();
  const admin = hasAnyRole(session, 'administrator');
  const [version, setVersion] = useState(0);
  const users = useApi<{ users: UserView[] }>(`${identityPaths.users}?v=${version}`);
  const orgs = useApi<{ organisations: Organisation[] }>(admin ? identityPaths.organisations : null);
  const refresh = () => {
    clearApiCache(identityPaths.users);
    setVersion((v) => v + 1);
  };
  const setActive = async (user: UserView, active: boolean) => {
    await identityActions.updateUser(user.id, { active });
    refresh();
  };
  return (
    <>
      <PageHeader
        title={t('identity.admin.users')}
        crumbs={[{ to: '/admin', label: t('identity.admin.title') }]}
        lead={t('identity.user.lead')}
      />
      {users.error ? <ErrorAlert error={users.error} /> : null}
      <Table data-size="sm" className="identity-table">
        <caption>{t('identity.user.caption', { count: users.data?.users.length ?? 0 })}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell scope="col">{t('identity.user.name')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('identity.user.identifiers')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('identity.user.roles')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('identity.user.lastLogin')}</Table.HeaderCell>
            {admin ? <Table.HeaderCell scope="col">{t('identity.user.status')}</Table.HeaderCell> : null}
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {(users.data?.users ?? []).map((u) => (
            <Table.Row key={u.id}>
              <Table.HeaderCell scope="row">
                {u.displayName}
                {u.email ? <div className="identity-muted">{u.email}</div> : null}
              </Table.HeaderCell>
              <Table.Cell>
                {[
                  u.pidMasked,
                  u.hprNumber ? `HPR ${u.hprNumber}` : null,
                  u.demoPersona ? t('identity.demo.badge') : null,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </Table.Cell>
              <Table.Cell>
                {admin && orgs.data ? (
                  <RoleEditor user={u} organisations={orgs.data.organisations} onChanged={refresh} />
                ) : (
                  u.roles.map((r) => `${t(`identity.role.${r.role}` as MessageKey)} (${r.organisationName})`).join(', ')
                )}
              </Table.Cell>
              <Table.Cell>{u.lastLoginAt ? formatDate(u.lastLoginAt) : '–'}</Table.Cell>
              {admin ? (
                <Table.Cell>
                  <Button data-size="sm" variant="tertiary" onClick={() => void setActive(u, !u.active)}>
                    {u.active ? t('identity.user.deactivate') : t('identity.user.activate')}
                    <span className="visually-hidden"> {u.displayName}</span>
                  </Button>
                </Table.Cell>
              ) : null}
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
      {admin ? <AddUserForm onAdded={refresh} /> : null}
    </>
  );
}
