/**
 * The audit trail for administrators: filter by time, action, outcome, user and organisation; page backwards;
 * export what the filter finds as CSV; and verify the hash chain (it names the first broken event, if any).
 */
import { Alert, Button, Field, Input, Label, Paragraph, Select, Table, Tag } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { useApi } from '../../api/use-api.js';
import { useI18n, type MessageKey } from '../../i18n/i18n.js';
import { ErrorAlert } from '../../shell/ErrorAlert.js';
import { PageHeader } from '../../shell/PageHeader.js';
import { asApiError } from './form-error.js';
import { identityActions, identityPaths, type AuditEvent, type AuditFilter } from './identity-api.js';

const outcomes = ['success', 'denied', 'failure'] as const;
const outcomeColor = { success: 'success', denied: 'danger', failure: 'warning' } as const;

/** `datetime-local` values are local time; the API takes UTC. */
const toUtc = (local: string) => (local ? new Date(local).toISOString() : undefined);

export function AuditPage() {
  const { t, locale } = useI18n();
  const [draft, setDraft] = useState({ from: '', to: '', action: '', outcome: '', actor: '', organisation: '' });
  const [filter, setFilter] = useState<AuditFilter>({});
  const [before, setBefore] = useState<number | undefined>(undefined);
  const [verifyText, setVerifyText] = useState<{ ok: boolean; text: string } | null>(null);
  const { data, error, loading } = useApi<{ count: number; nextBefore: number | null; events: AuditEvent[] }>(
    identityPaths.auditEvents(filter, before),
  );
  const time = new Intl.DateTimeFormat(locale === 'nb' ? 'nb-NO' : 'en-GB', {
    dateStyle: 'short',
    timeStyle: 'medium',
    timeZone: 'UTC',
  });

  const apply = (event: FormEvent) => {
    event.preventDefault();
    setBefore(undefined);
    setFilter({
      from: toUtc(draft.from),
      to: toUtc(draft.to),
      action: draft.action || undefined,
      outcome: draft.outcome || undefined,
      actor: draft.actor || undefined,
      organisation: draft.organisation || undefined,
    });
  };
  const verify = async () => {
    try {
      const result = await identityActions.verifyAudit();
      setVerifyText(
        result.ok
          ? { ok: true, text: t('identity.audit.verifyOk', { count: result.checked }) }
          : {
              ok: false,
              text: t('identity.audit.verifyBroken', {
                seq: result.broken?.seq ?? 0,
                message: result.broken?.message ?? '',
              }),
            },
      );
    } catch (e) {
      setVerifyText({ ok: false, text: asApiError(e).message });
    }
  };
  const input = (key: keyof typeof draft, label: MessageKey, type: 'text' | 'datetime-local' = 'text') => (
    <Field className="identity-filter">
      <Label htmlFor={`audit-${key}`}>{t(label)}</Label>
      <Input
        id={`audit-${key}`}
        type={type}
        value={draft[key]}
        onChange={(e) => setDraft((d) => ({ ...d, [key]: e.target.value }))}
      />
    </Field>
  );
  return (
    <>
      <PageHeader
        title={t('identity.admin.audit')}
        crumbs={[{ to: '/admin', label: t('identity.admin.title') }]}
        lead={t('identity.audit.lead')}
      />
      <form className="identity-filters" onSubmit={apply} aria-label={t('identity.audit.filters')}>
        {input('from', 'identity.audit.from', 'datetime-local')}
        {input('to', 'identity.audit.to', 'datetime-local')}
        {input('action', 'identity.audit.action')}
        <Field className="identity-filter">
          <Label htmlFor="audit-outcome">{t('identity.audit.outcome')}</Label>
          <Select
            id="audit-outcome"
            value={draft.outcome}
            onChange={(e) => setDraft((d) => ({ ...d, outcome: e.target.value }))}
          >
            <Select.Option value="">{t('identity.audit.allOutcomes')}</Select.Option>
            {outcomes.map((o) => (
              <Select.Option key={o} value={o}>
                {t(`identity.audit.outcome.${o}` as MessageKey)}
              </Select.Option>
            ))}
          </Select>
        </Field>
        {input('actor', 'identity.audit.actor')}
        {input('organisation', 'identity.audit.organisation')}
        <div className="identity-filter-actions">
          <Button type="submit">{t('identity.audit.apply')}</Button>
          <Button asChild variant="secondary">
            <a href={identityPaths.auditCsv(filter)} download>
              {t('identity.audit.export')}
            </a>
          </Button>
          <Button variant="tertiary" onClick={() => void verify()}>
            {t('identity.audit.verify')}
          </Button>
        </div>
      </form>
      {verifyText ? (
        <Alert data-color={verifyText.ok ? 'success' : 'danger'} role="status">
          <Paragraph>{verifyText.text}</Paragraph>
        </Alert>
      ) : null}
      {error ? <ErrorAlert error={error} /> : null}
      <Table data-size="sm" className="identity-table" aria-busy={loading}>
        <caption>{t('identity.audit.caption', { count: data?.count ?? 0 })}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell scope="col">#</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('identity.audit.when')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('identity.audit.who')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('identity.audit.action')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('identity.audit.object')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('identity.audit.outcome')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('identity.audit.where')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {(data?.events ?? []).map((e) => (
            <Table.Row key={e.seq}>
              <Table.Cell>{e.seq}</Table.Cell>
              <Table.Cell>{time.format(new Date(e.at))} UTC</Table.Cell>
              <Table.Cell>
                {e.actorName ?? e.actorUserId ?? '–'}
                {e.organisationId ? <div className="identity-muted">{e.organisationId}</div> : null}
              </Table.Cell>
              <Table.Cell>
                <code>{e.action}</code>
              </Table.Cell>
              <Table.Cell>{[e.objectType, e.objectId].filter(Boolean).join(' ')}</Table.Cell>
              <Table.Cell>
                <Tag data-size="sm" data-color={outcomeColor[e.outcome]}>
                  {t(`identity.audit.outcome.${e.outcome}` as MessageKey)}
                </Tag>
              </Table.Cell>
              <Table.Cell>{e.ip ?? ''}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
      <div className="identity-pager">
        {before !== undefined ? (
          <Button variant="secondary" onClick={() => setBefore(undefined)}>
            {t('identity.audit.newest')}
          </Button>
        ) : null}
        {data?.nextBefore ? (
          <Button variant="secondary" onClick={() => setBefore(data.nextBefore ?? undefined)}>
            {t('identity.audit.older')}
          </Button>
        ) : null}
      </div>
    </>
  );
}
