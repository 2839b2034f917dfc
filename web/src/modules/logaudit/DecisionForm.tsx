/**
 * Deciding a case: legitimate (with the kind of explanation, and optionally a proposed explanation rule so the same
 * false alarm does not come back), not legitimate (waits for a second reviewer), or follow-up (sent on to a named
 * manager or HR contact). A justification is always required.
 */
import {
  Button,
  Card,
  Checkbox,
  Field,
  Fieldset,
  Heading,
  Input,
  Label,
  Paragraph,
  Radio,
  Select,
  Textarea,
} from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { LogError } from './LogError.js';
import { legitimateKinds, logReviewActions, type CaseDetailView, type RuleDraft } from './log-review-api.js';
import { kindName } from './labels.js';
import { RuleFields } from './RuleFields.js';
import { patientLabel } from './CaseTimeline.js';
import { useLogT } from './use-log-t.js';

type Outcome = 'legitimate' | 'not_legitimate' | 'follow_up';

export function DecisionForm({
  datasetId,
  detail,
  onDecided,
}: {
  datasetId: string;
  detail: CaseDetailView;
  onDecided: () => void;
}) {
  const i = useLogT();
  const { t } = i;
  const decidable = detail.findings.filter((f) => f.status === 'open' || f.status === 'follow_up');
  const [outcome, setOutcome] = useState<Outcome | ''>('');
  const [kind, setKind] = useState('');
  const [justification, setJustification] = useState('');
  const [contact, setContact] = useState('');
  const [contactRole, setContactRole] = useState<'manager' | 'hr'>('manager');
  const [patients, setPatients] = useState<string[]>(decidable.map((f) => f.patientId));
  const [withRule, setWithRule] = useState(false);
  const [rule, setRule] = useState<RuleDraft>(detail.ruleSuggestion as unknown as RuleDraft);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  if (decidable.length === 0) return null;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!outcome) return;
    setBusy(true);
    setError(null);
    try {
      await logReviewActions.decide(datasetId, detail.case.id as string, {
        outcome,
        justification,
        patientIds: patients,
        ...(outcome === 'legitimate' ? { explanationKind: kind, proposeRule: withRule ? rule : null } : {}),
        ...(outcome === 'follow_up' ? { followUpContact: contact, followUpRole: contactRole } : {}),
      });
      onDecided();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const togglePatient = (id: string, on: boolean) =>
    setPatients((list) => (on ? [...list, id] : list.filter((p) => p !== id)));
  return (
    <Card className="lr-card">
      <form onSubmit={(e) => void submit(e)} aria-labelledby="lr-decide-heading" className="lr-form">
        <Heading level={2} data-size="xs" id="lr-decide-heading">
          {t('decide.heading')}
        </Heading>
        {decidable.length > 1 ? (
          <Fieldset>
            <Fieldset.Legend>{t('decide.patients')}</Fieldset.Legend>
            {decidable.map((f) => (
              <Checkbox
                key={f.patientId}
                label={patientLabel(
                  detail.workspace.patients.find((p) => p.patientId === f.patientId),
                  f.patientId,
                )}
                value={f.patientId}
                checked={patients.includes(f.patientId)}
                onChange={(e) => togglePatient(f.patientId, e.target.checked)}
              />
            ))}
          </Fieldset>
        ) : null}
        <Fieldset>
          <Fieldset.Legend>{t('decide.outcome')}</Fieldset.Legend>
          {(['legitimate', 'not_legitimate', 'follow_up'] as const).map((o) => (
            <Radio
              key={o}
              name="lr-outcome"
              value={o}
              label={t(`decide.outcome.${o}`)}
              description={t(`decide.outcome.${o}.help`)}
              checked={outcome === o}
              onChange={() => setOutcome(o)}
            />
          ))}
        </Fieldset>
        {outcome === 'legitimate' ? (
          <Field>
            <Label>{t('decide.kind')}</Label>
            <Select value={kind} onChange={(e) => setKind(e.target.value)} required>
              <Select.Option value="">{t('decide.kindChoose')}</Select.Option>
              {legitimateKinds.map((k) => (
                <Select.Option key={k} value={k}>
                  {kindName(i, k)}
                </Select.Option>
              ))}
            </Select>
          </Field>
        ) : null}
        {outcome === 'follow_up' ? (
          <div className="lr-form__row">
            <Field>
              <Label>{t('decide.contact')}</Label>
              <Input
                value={contact}
                onChange={(e) => setContact(e.target.value)}
                required
                minLength={2}
                maxLength={200}
              />
            </Field>
            <Field>
              <Label>{t('decide.contactRole')}</Label>
              <Select value={contactRole} onChange={(e) => setContactRole(e.target.value as 'manager' | 'hr')}>
                <Select.Option value="manager">{t('followUp.manager')}</Select.Option>
                <Select.Option value="hr">{t('followUp.hr')}</Select.Option>
              </Select>
            </Field>
          </div>
        ) : null}
        <Field>
          <Label>{t('decide.justification')}</Label>
          <Field.Description>{t('decide.justificationHelp')}</Field.Description>
          <Textarea
            rows={4}
            value={justification}
            onChange={(e) => setJustification(e.target.value)}
            required
            minLength={10}
            maxLength={4000}
          />
        </Field>
        {outcome === 'legitimate' ? (
          <>
            <Checkbox
              label={t('decide.proposeRule')}
              description={t('decide.proposeRuleHelp')}
              checked={withRule}
              onChange={(e) => setWithRule(e.target.checked)}
            />
            {withRule ? <RuleFields draft={rule} onChange={setRule} idPrefix="decide-rule" /> : null}
          </>
        ) : null}
        {outcome === 'not_legitimate' ? <Paragraph data-size="sm">{t('decide.fourEyes')}</Paragraph> : null}
        {error ? <LogError error={error} /> : null}
        <Button type="submit" disabled={busy || !outcome || patients.length === 0}>
          {t('decide.submit')}
        </Button>
      </form>
    </Card>
  );
}
