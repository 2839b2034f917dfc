/** The fields of an explanation rule (its conditions and its descriptions), for proposing and editing. */
import { Field, Input, Label, Select, Textarea } from '@digdir/designsystemet-react';
import type { RuleDraft } from './log-review-api.js';
import { encounterName, roleName } from './labels.js';
import { useLogT } from './use-log-t.js';

const roles = [
  'physician',
  'nurse',
  'secretary',
  'lab',
  'radiology',
  'pharmacist',
  'therapist',
  'admin',
  'it',
  'other',
];
const deptKinds = ['ward', 'outpatient', 'emergency', 'lab', 'radiology', 'pharmacy', 'administration', 'other'];
const encounterKinds = ['inpatient', 'outpatient', 'emergency', 'referral', 'order', 'other'];

export function RuleFields({
  draft,
  onChange,
  idPrefix,
}: {
  draft: RuleDraft;
  onChange: (next: RuleDraft) => void;
  idPrefix: string;
}) {
  const i = useLogT();
  const { t } = i;
  const set = <K extends keyof RuleDraft>(key: K, value: RuleDraft[K]) => onChange({ ...draft, [key]: value });
  const orNull = (value: string) => (value === '' ? null : value);
  return (
    <div className="lr-rule-fields" id={`${idPrefix}-fields`}>
      <Field>
        <Label>{t('rule.field.role')}</Label>
        <Select value={draft.userRole ?? ''} onChange={(e) => set('userRole', orNull(e.target.value))}>
          <Select.Option value="">{t('rule.field.anyRole')}</Select.Option>
          {roles.map((r) => (
            <Select.Option key={r} value={r}>
              {roleName(i, r)}
            </Select.Option>
          ))}
        </Select>
      </Field>
      <Field>
        <Label>{t('rule.field.department')}</Label>
        <Field.Description>{t('rule.field.departmentHelp')}</Field.Description>
        <Input
          value={draft.userDepartmentId ?? ''}
          onChange={(e) => set('userDepartmentId', orNull(e.target.value))}
          maxLength={200}
        />
      </Field>
      <Field>
        <Label>{t('rule.field.departmentKind')}</Label>
        <Select
          value={draft.userDepartmentKind ?? ''}
          onChange={(e) => set('userDepartmentKind', orNull(e.target.value))}
        >
          <Select.Option value="">{t('rule.field.any')}</Select.Option>
          {deptKinds.map((k) => (
            <Select.Option key={k} value={k}>
              {i.tx(`deptKind.${k}`, k)}
            </Select.Option>
          ))}
        </Select>
      </Field>
      <Field>
        <Label>{t('rule.field.encounter')}</Label>
        <Select value={draft.encounterKind ?? ''} onChange={(e) => set('encounterKind', orNull(e.target.value))}>
          <Select.Option value="">{t('rule.field.noEncounter')}</Select.Option>
          {encounterKinds.map((k) => (
            <Select.Option key={k} value={k}>
              {encounterName(i, k)}
            </Select.Option>
          ))}
        </Select>
      </Field>
      <Field>
        <Label>{t('rule.field.window')}</Label>
        <Input
          type="number"
          min={0}
          max={365}
          value={draft.windowDays}
          onChange={(e) => set('windowDays', Number(e.target.value))}
        />
      </Field>
      <Field>
        <Label>{t('rule.field.descriptionNb')}</Label>
        <Textarea
          rows={2}
          value={draft.descriptionNb}
          onChange={(e) => set('descriptionNb', e.target.value)}
          lang="nb"
          required
        />
      </Field>
      <Field>
        <Label>{t('rule.field.descriptionEn')}</Label>
        <Textarea
          rows={2}
          value={draft.descriptionEn}
          onChange={(e) => set('descriptionEn', e.target.value)}
          lang="en"
          required
        />
      </Field>
    </div>
  );
}

/** "Physicians · Kardiologisk sengepost (D1011) · when the patient has a stay within 7 days" in the reader's words. */
export function RuleConditionsText({ rule }: { rule: RuleDraft }) {
  const i = useLogT();
  const { t } = i;
  const parts = [
    rule.userRole ? roleName(i, rule.userRole) : null,
    rule.userDepartmentId ? t('rule.cond.department', { department: rule.userDepartmentId }) : null,
    rule.userDepartmentKind
      ? t('rule.cond.departmentKind', { kind: i.tx(`deptKind.${rule.userDepartmentKind}`, rule.userDepartmentKind) })
      : null,
    rule.action ? t('rule.cond.action', { action: i.tx(`action.${rule.action}`, rule.action) }) : null,
    rule.purpose ? t('rule.cond.purpose', { purpose: rule.purpose }) : null,
    rule.encounterKind
      ? t('rule.cond.encounter', { kind: encounterName(i, rule.encounterKind), days: rule.windowDays })
      : null,
  ].filter(Boolean);
  return <span>{parts.join(' · ')}</span>;
}
