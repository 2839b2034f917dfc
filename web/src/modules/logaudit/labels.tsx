/** Names and tags for the log-review vocabularies (statuses, roles, reasons), shared by the pages. */
import { Tag } from '@digdir/designsystemet-react';
import { useLogT, type LogI18n } from './use-log-t.js';

type Colour = 'neutral' | 'info' | 'warning' | 'success' | 'danger' | 'accent';

const caseColour: Record<string, Colour> = {
  open: 'warning',
  pending_approval: 'info',
  follow_up: 'accent',
  closed: 'success',
  inactive: 'neutral',
};
const findingColour: Record<string, Colour> = {
  open: 'warning',
  pending_approval: 'info',
  follow_up: 'accent',
  legitimate: 'success',
  not_legitimate: 'danger',
};
const ruleColour: Record<string, Colour> = {
  proposed: 'info',
  approved: 'success',
  retired: 'neutral',
  rejected: 'neutral',
};
const runColour: Record<string, Colour> = {
  queued: 'neutral',
  running: 'info',
  succeeded: 'success',
  failed: 'danger',
};

export function CaseStatusTag({ status }: { status: string }) {
  const { tx } = useLogT();
  return (
    <Tag data-color={caseColour[status] ?? 'neutral'} data-size="sm">
      {tx(`caseStatus.${status}`, status)}
    </Tag>
  );
}

export function FindingStatusTag({ status }: { status: string }) {
  const { tx } = useLogT();
  return (
    <Tag data-color={findingColour[status] ?? 'neutral'} data-size="sm">
      {tx(`findingStatus.${status}`, status)}
    </Tag>
  );
}

export function RuleStatusTag({ status }: { status: string }) {
  const { tx } = useLogT();
  return (
    <Tag data-color={ruleColour[status] ?? 'neutral'} data-size="sm">
      {tx(`ruleStatus.${status}`, status)}
    </Tag>
  );
}

export function RunStatusTag({ status }: { status: string }) {
  const { tx } = useLogT();
  return (
    <Tag data-color={runColour[status] ?? 'neutral'} data-size="sm">
      {tx(`runStatus.${status}`, status)}
    </Tag>
  );
}

export const roleName = (i: LogI18n, role: string | null) => (role ? i.tx(`role.${role}`, role) : i.t('role.unknown'));
export const reasonName = (i: LogI18n, code: string) => i.tx(`reason.${code}`, code);
export const explanationName = (i: LogI18n, code: string | null) =>
  code ? i.tx(`explanation.${code}`, code) : i.t('explanation.none');
export const actionName = (i: LogI18n, action: string) => i.tx(`action.${action}`, action);
export const encounterName = (i: LogI18n, kind: string) => i.tx(`encounter.${kind}`, kind);
export const kindName = (i: LogI18n, kind: string | null) => (kind ? i.tx(`kind.${kind}`, kind) : '');

/** The reason text of a finding in the reader's language. */
export const reasonText = (i: LogI18n, r: { text_nb: string; text_en: string }) =>
  i.locale === 'nb' ? r.text_nb : r.text_en;
