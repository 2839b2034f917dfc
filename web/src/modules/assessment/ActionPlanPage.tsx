/**
 * The action plan: every action with the requirements it raises, owner, due date, status and the level it should
 * bring; changed in place, with a version check so two people do not overwrite each other. New actions by hand.
 */
import { Button, Field, Heading, Input, Label, Paragraph, Select, Skeleton, Table } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { ApiError } from '../../api/client.js';
import { useI18n } from '../../i18n/i18n.js';
import { AppLink } from '../../shell/AppLink.js';
import { ErrorAlert } from '../../shell/ErrorAlert.js';
import { PageHeader } from '../../shell/PageHeader.js';
import { assessmentActions, assessmentPaths, type ActionItem, type AssessmentContext } from './assessment-api.js';
import { actionStatusKey, effortKey } from './labels.js';
import { useFresh } from './use-assessment.js';

const statuses = ['planned', 'in-progress', 'done', 'cancelled'] as const;
const basicMeasures = 'urn:varde:framework:grunnleggende-tiltak-v0.7';

function ActionRow({
  action,
  onChanged,
  onError,
}: {
  action: ActionItem;
  onChanged: () => void;
  onError: (e: unknown) => void;
}) {
  const { t } = useI18n();
  const [owner, setOwner] = useState(action.owner ?? '');
  const [due, setDue] = useState(action.dueDate ?? '');
  const save = async (patch: Record<string, unknown>) => {
    try {
      await assessmentActions.updateAction(action.id, { ...patch, basedOnVersion: action.version });
      onChanged();
    } catch (e) {
      onError(e);
      onChanged();
    }
  };
  const label = (what: string) => `${what}: ${action.title}`;
  return (
    <Table.Row>
      <Table.HeaderCell scope="row">
        {action.title}
        <div className="asm-muted asm-small">
          {action.requirementIds.join(', ')}
          {action.expectedLevel !== null
            ? ` · ${t('assessment.actions.toLevel', { level: action.expectedLevel })}`
            : ''}
          {action.effort ? ` · ${t(effortKey(action.effort))}` : ''}
        </div>
      </Table.HeaderCell>
      <Table.Cell>
        <Input
          aria-label={label(t('assessment.actions.owner'))}
          value={owner}
          onChange={(e) => setOwner(e.target.value)}
          onBlur={() => owner !== (action.owner ?? '') && void save({ owner: owner || null })}
          data-size="sm"
        />
      </Table.Cell>
      <Table.Cell>
        <Input
          aria-label={label(t('assessment.actions.due'))}
          type="date"
          value={due}
          onChange={(e) => setDue(e.target.value)}
          onBlur={() => due !== (action.dueDate ?? '') && void save({ dueDate: due || null })}
          data-size="sm"
        />
      </Table.Cell>
      <Table.Cell>
        <Select
          aria-label={label(t('assessment.actions.status'))}
          value={action.status}
          onChange={(e) => void save({ status: e.target.value })}
          data-size="sm"
        >
          {statuses.map((s) => (
            <Select.Option key={s} value={s}>
              {t(actionStatusKey(s))}
            </Select.Option>
          ))}
        </Select>
      </Table.Cell>
    </Table.Row>
  );
}

export function ActionPlanPage() {
  const { t } = useI18n();
  const plan = useFresh<{ actions: ActionItem[] }>(assessmentPaths.actions());
  const context = useFresh<AssessmentContext>(assessmentPaths.context());
  const [error, setError] = useState<unknown>(null);
  const [title, setTitle] = useState('');
  const [requirement, setRequirement] = useState('');
  const add = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      await assessmentActions.addAction({
        frameworkId: basicMeasures,
        title,
        requirementIds: requirement ? [requirement] : [],
      });
      setTitle('');
      plan.reload();
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError('UNKNOWN', String(e), 0));
    }
  };
  const open = (plan.data?.actions ?? []).filter((a) => a.status !== 'done' && a.status !== 'cancelled').length;
  return (
    <div className="page">
      <PageHeader
        title={t('assessment.actions.title')}
        lead={t('assessment.actions.lead')}
        crumbs={[{ to: '/assessment', label: t('assessment.home.title') }]}
      />
      {plan.error ? <ErrorAlert error={plan.error} /> : null}
      {error ? <ErrorAlert error={error} /> : null}
      {!plan.data && !plan.error ? <Skeleton variant="rectangle" height="12rem" /> : null}
      {plan.data ? (
        <>
          <Paragraph role="status">
            {t('assessment.actions.count', { open, total: plan.data.actions.length })}
          </Paragraph>
          {plan.data.actions.length === 0 ? (
            <Paragraph>
              {t('assessment.actions.empty')} <AppLink to="/assessment">{t('assessment.home.title')}</AppLink>
            </Paragraph>
          ) : (
            <Table className="asm-table" data-size="sm">
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t('assessment.actions.action')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('assessment.actions.owner')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('assessment.actions.due')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('assessment.actions.status')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {plan.data.actions.map((a) => (
                  <ActionRow key={`${a.id}-${a.version}`} action={a} onChanged={plan.reload} onError={setError} />
                ))}
              </Table.Body>
            </Table>
          )}
        </>
      ) : null}
      <form className="asm-section asm-form" onSubmit={(e) => void add(e)}>
        <Heading level={2} data-size="sm">
          {t('assessment.actions.addHeading')}
        </Heading>
        <Field>
          <Label htmlFor="asm-new-title">{t('assessment.actions.action')}</Label>
          <Input id="asm-new-title" value={title} onChange={(e) => setTitle(e.target.value)} required maxLength={300} />
        </Field>
        <Field>
          <Label htmlFor="asm-new-req">{t('assessment.actions.requirement')}</Label>
          <Select id="asm-new-req" value={requirement} onChange={(e) => setRequirement(e.target.value)}>
            <Select.Option value="">{t('assessment.actions.noRequirement')}</Select.Option>
            {Array.from({ length: 10 }, (_, i) => `G${i + 1}`).map((g) => (
              <Select.Option key={g} value={g}>
                {t('assessment.actions.basicMeasure', { number: g.slice(1) })}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <div>
          <Button type="submit" disabled={!title.trim() || !context.data}>
            {t('assessment.actions.add')}
          </Button>
        </div>
      </form>
    </div>
  );
}
