/**
 * The organisation's explanation rules: what each explains, who proposed and approved it, and the actions its
 * status allows (approve, reject, edit, retire, reinstate), each with a reason that goes into the rule's history.
 */
import {
  Button,
  Card,
  Details,
  Field,
  Heading,
  Label,
  List,
  Paragraph,
  Select,
  Skeleton,
  Textarea,
} from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { apiRequest } from '../../api/client.js';
import { PageHeader } from '../../shell/PageHeader.js';
import { RuleStatusTag } from './labels.js';
import { LogError } from './LogError.js';
import { logReviewActions, logReviewPaths, type RuleDraft, type RuleView } from './log-review-api.js';
import { ReviewGate } from './ReviewGate.js';
import { RuleConditionsText, RuleFields } from './RuleFields.js';
import { useFresh } from './use-fresh.js';
import { useLogT } from './use-log-t.js';

type Action = 'approve' | 'reject' | 'edit' | 'retire' | 'reinstate';
const actionsFor: Record<string, Action[]> = {
  proposed: ['approve', 'edit', 'reject'],
  approved: ['retire', 'edit'],
  retired: ['reinstate'],
  rejected: [],
};

function draftOf(rule: RuleView): RuleDraft {
  return {
    userRole: rule.userRole,
    userDepartmentId: rule.userDepartmentId,
    userDepartmentKind: rule.userDepartmentKind,
    action: rule.action,
    purpose: rule.purpose,
    encounterKind: rule.encounterKind,
    windowDays: rule.windowDays,
    descriptionNb: rule.descriptionNb,
    descriptionEn: rule.descriptionEn,
  };
}

interface HistoryEntry {
  seq: number;
  at: string;
  actorName: string | null;
  kind: string;
  reason: string | null;
}

function RuleHistory({ ruleId }: { ruleId: string }) {
  const i = useLogT();
  const [entries, setEntries] = useState<HistoryEntry[] | null>(null);
  const load = () => {
    if (entries) return;
    void apiRequest<{ history: HistoryEntry[] }>(logReviewPaths.rule(ruleId)).then((r) => setEntries(r.history));
  };
  return (
    <Details onToggle={load}>
      <Details.Summary>{i.t('rules.history')}</Details.Summary>
      <Details.Content>
        {entries ? (
          <List.Ordered data-size="xs">
            {entries.map((e) => (
              <List.Item key={e.seq}>
                {i.dateTime(e.at)} – {i.tx(`ruleHistory.${e.kind}`, e.kind)} ({e.actorName ?? '–'})
                {e.reason ? `: ${e.reason}` : ''}
              </List.Item>
            ))}
          </List.Ordered>
        ) : (
          <Skeleton variant="text" />
        )}
      </Details.Content>
    </Details>
  );
}

function RuleCard({ rule, onChanged }: { rule: RuleView; onChanged: () => void }) {
  const i = useLogT();
  const { t } = i;
  const [action, setAction] = useState<Action | null>(null);
  const [reason, setReason] = useState('');
  const [draft, setDraft] = useState<RuleDraft>(draftOf(rule));
  const [error, setError] = useState<unknown>(null);
  const submit = async () => {
    if (!action) return;
    setError(null);
    try {
      await logReviewActions.changeRule(rule.id, {
        action,
        reason,
        expectedVersion: rule.version,
        ...(action === 'edit' ? { draft } : {}),
      });
      setAction(null);
      setReason('');
      onChanged();
    } catch (e) {
      setError(e);
    }
  };
  const selfApproved = rule.approvedBy !== null && rule.approvedBy === rule.proposedBy;
  return (
    <Card className="lr-card" aria-labelledby={`rule-${rule.id}`}>
      <Card.Block>
        <Heading level={3} data-size="2xs" id={`rule-${rule.id}`}>
          {i.locale === 'nb' ? rule.descriptionNb : rule.descriptionEn} <RuleStatusTag status={rule.status} />
        </Heading>
        <Paragraph data-size="sm">
          {t('rules.explains')} <RuleConditionsText rule={draftOf(rule)} />
        </Paragraph>
        <Paragraph data-size="xs" className="lr-muted">
          {t('rules.proposed', { name: rule.proposedByName, at: i.dateTime(rule.proposedAt), version: rule.version })}
          {rule.approvedByName
            ? ` ${t('rules.approved', { name: rule.approvedByName, at: i.dateTime(rule.approvedAt ?? '') })}`
            : ''}
          {selfApproved ? ` ${t('rules.selfApproved')}` : ''}
          {rule.retiredByName
            ? ` ${t('rules.retired', { name: rule.retiredByName, at: i.dateTime(rule.retiredAt ?? '') })}`
            : ''}
          {rule.statusReason ? ` ${t('rules.why', { reason: rule.statusReason })}` : ''}
        </Paragraph>
        <div className="lr-actions">
          {actionsFor[rule.status]?.map((a) => (
            <Button
              key={a}
              data-size="sm"
              variant={a === 'approve' ? 'primary' : 'secondary'}
              onClick={() => setAction(a)}
              aria-pressed={action === a}
            >
              {t(`rules.action.${a}`)}
            </Button>
          ))}
        </div>
        {action ? (
          <div className="lr-form">
            {action === 'edit' ? <RuleFields draft={draft} onChange={setDraft} idPrefix={`edit-${rule.id}`} /> : null}
            <Field>
              <Label>{t('rules.reason', { action: t(`rules.action.${action}`) })}</Label>
              <Textarea
                rows={2}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
                minLength={5}
                maxLength={2000}
              />
            </Field>
            {error ? <LogError error={error} /> : null}
            <Button data-size="sm" onClick={() => void submit()} disabled={reason.trim().length < 5}>
              {t('rules.confirm', { action: t(`rules.action.${action}`) })}
            </Button>
          </div>
        ) : null}
      </Card.Block>
      <RuleHistory ruleId={rule.id} />
    </Card>
  );
}

function RulesContent() {
  const { t, tx } = useLogT();
  const [params, setParams] = useSearchParams();
  const status = params.get('status') ?? '';
  const rules = useFresh<{ rules: RuleView[] }>(logReviewPaths.rules(status || undefined));
  return (
    <>
      <Field className="lr-filter-single">
        <Label>{t('rules.filter')}</Label>
        <Select
          value={status}
          onChange={(e) => setParams(e.target.value ? { status: e.target.value } : {}, { replace: true })}
        >
          <Select.Option value="">{t('rules.all')}</Select.Option>
          {['proposed', 'approved', 'retired', 'rejected'].map((s) => (
            <Select.Option key={s} value={s}>
              {tx(`ruleStatus.${s}`, s)}
            </Select.Option>
          ))}
        </Select>
      </Field>
      {rules.error ? <LogError error={rules.error} /> : null}
      {rules.data ? (
        rules.data.rules.length === 0 ? (
          <Paragraph>{t('rules.none')}</Paragraph>
        ) : (
          <div className="lr-rule-list">
            {rules.data.rules.map((r) => (
              <RuleCard key={`${r.id}:${r.version}:${r.status}`} rule={r} onChanged={rules.reload} />
            ))}
          </div>
        )
      ) : (
        <Skeleton variant="rectangle" height="8rem" />
      )}
    </>
  );
}

export function RulesPage() {
  const { t } = useLogT();
  return (
    <>
      <PageHeader
        title={t('rules.title')}
        crumbs={[{ to: '/log-review', label: t('home.title') }]}
        lead={t('rules.lead')}
      />
      <ReviewGate>
        <RulesContent />
      </ReviewGate>
    </>
  );
}
