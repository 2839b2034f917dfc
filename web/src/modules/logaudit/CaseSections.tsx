/** The parts of a case page that only show: the flagged patients and reasons, the context, and the history. */
import { Card, Heading, List, Paragraph, Table } from '@digdir/designsystemet-react';
import { patientLabel } from './CaseTimeline.js';
import { explanationName, FindingStatusTag, kindName, reasonText } from './labels.js';
import type { CaseDetailView } from './log-review-api.js';
import { useLogT } from './use-log-t.js';

export function Findings({ detail }: { detail: CaseDetailView }) {
  const i = useLogT();
  const { t } = i;
  return (
    <section className="lr-section" aria-labelledby="lr-findings">
      <Heading level={2} data-size="sm" id="lr-findings">
        {t('case.findings')}
      </Heading>
      <div className="lr-finding-list">
        {detail.findings.map((f) => {
          const p = detail.workspace.patients.find((q) => q.patientId === f.patientId);
          return (
            <Card key={f.patientId} className={f.active ? 'lr-card' : 'lr-card lr-card--inactive'}>
              <Heading level={3} data-size="2xs">
                {patientLabel(p, f.patientId)} <FindingStatusTag status={f.status} />
              </Heading>
              <Paragraph data-size="sm" className="lr-muted">
                {t('case.findingMeta', {
                  lookups: f.eventCount,
                  from: i.dateTime(f.firstSeen),
                  to: i.dateTime(f.lastSeen),
                  score: i.number(f.score, 2),
                })}
                {p?.isEmployee ? ` · ${t('case.patientIsEmployee')}` : ''}
                {!f.active ? ` · ${t('case.notFlaggedNow')}` : ''}
              </Paragraph>
              <List.Unordered data-size="sm">
                {f.reasons.map((r) => (
                  <List.Item key={r.code}>{reasonText(i, r)}</List.Item>
                ))}
              </List.Unordered>
            </Card>
          );
        })}
      </div>
    </section>
  );
}

export function Context({ detail }: { detail: CaseDetailView }) {
  const i = useLogT();
  const { t } = i;
  const other = detail.workspace.otherLookups;
  const explained = other.byExplanation.filter((e) => e.code !== null).reduce((s, e) => s + e.count, 0);
  return (
    <section className="lr-section" aria-labelledby="lr-context">
      <Heading level={2} data-size="sm" id="lr-context">
        {t('case.context')}
      </Heading>
      <Heading level={3} data-size="2xs">
        {t('case.relations')}
      </Heading>
      {detail.workspace.careRelations.length === 0 ? (
        <Paragraph data-size="sm">{t('case.noRelations')}</Paragraph>
      ) : (
        <div className="lr-table-wrap" tabIndex={0} role="region" aria-label={t('case.relations')}>
          <Table data-size="sm" zebra>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('case.rel.patient')}</Table.HeaderCell>
                <Table.HeaderCell>{t('case.rel.kind')}</Table.HeaderCell>
                <Table.HeaderCell>{t('case.rel.unit')}</Table.HeaderCell>
                <Table.HeaderCell>{t('case.rel.period')}</Table.HeaderCell>
                <Table.HeaderCell>{t('case.rel.withUser')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {detail.workspace.careRelations.map((c, n) => (
                <Table.Row key={n}>
                  <Table.Cell>
                    {patientLabel(
                      detail.workspace.patients.find((p) => p.patientId === c.patientId),
                      c.patientId,
                    )}
                  </Table.Cell>
                  <Table.Cell>{i.tx(`relation.${c.kind}`, c.kind)}</Table.Cell>
                  <Table.Cell>{c.unitName ?? '–'}</Table.Cell>
                  <Table.Cell>
                    {i.date(c.from)} – {c.to ? i.date(c.to) : t('case.rel.open')}
                  </Table.Cell>
                  <Table.Cell>
                    {c.withThisUser
                      ? t('case.rel.thisUser')
                      : c.withThisUsersUnit
                        ? t('case.rel.thisUnit')
                        : t('case.rel.other')}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
      <Heading level={3} data-size="2xs">
        {t('case.otherLookups')}
      </Heading>
      <Paragraph data-size="sm">
        {other.total === 0
          ? t('case.otherNone')
          : t('case.otherText', { total: i.number(other.total), share: i.percent(explained / other.total) })}
      </Paragraph>
      {other.byExplanation.length > 0 ? (
        <List.Unordered data-size="sm">
          {other.byExplanation.map((e) => (
            <List.Item key={e.code ?? 'none'}>
              {explanationName(i, e.code)}: {i.number(e.count)}
            </List.Item>
          ))}
        </List.Unordered>
      ) : null}
    </section>
  );
}

export function History({ detail }: { detail: CaseDetailView }) {
  const i = useLogT();
  const { t } = i;
  return (
    <section className="lr-section" aria-labelledby="lr-history">
      <Heading level={2} data-size="sm" id="lr-history">
        {t('case.history')}
      </Heading>
      {detail.decisions.length > 0 ? (
        <List.Unordered data-size="sm" className="lr-decisions">
          {detail.decisions.map((d) => (
            <List.Item key={d.id}>
              <strong>{t(`decide.outcome.${d.outcome}`)}</strong>
              {d.explanationKind ? ` (${kindName(i, d.explanationKind)})` : ''} – {d.decidedByName},{' '}
              {i.dateTime(d.decidedAt)}. {d.justification}
              {d.followUpContact
                ? ` ${t('case.sentTo', { contact: d.followUpContact, role: t(`followUp.${d.followUpRole ?? 'manager'}`) })}`
                : ''}
              {d.status === 'pending_approval' ? ` ${t('case.awaiting')}` : ''}
              {d.reviewedByName
                ? ` ${t(d.status === 'approved' ? 'case.approvedBy' : 'case.rejectedBy', { name: d.reviewedByName, at: i.dateTime(d.reviewedAt ?? '') })} ${d.reviewNote ?? ''}`
                : ''}
              {d.ruleId ? ` ${t('case.ruleProposed')}` : ''}
            </List.Item>
          ))}
        </List.Unordered>
      ) : (
        <Paragraph data-size="sm">{t('case.noDecisions')}</Paragraph>
      )}
      <List.Ordered data-size="xs" className="lr-history">
        {detail.history.map((h) => (
          <List.Item key={h.seq}>
            {i.dateTime(h.at)} – {i.tx(`history.${h.kind}`, h.kind)}
            {h.actorName ? ` (${h.actorName})` : ''}
          </List.Item>
        ))}
      </List.Ordered>
    </section>
  );
}
