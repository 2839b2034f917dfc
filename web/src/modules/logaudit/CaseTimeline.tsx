/**
 * The case on a timeline: one row per flagged patient, with the patient's encounters (bars), care relations (lines;
 * dark when they name this user) and this user's lookups (dots: red without a documented reason, green with one).
 * A drawing with a text summary; every lookup is also listed in the table below it.
 */
import { Details, Table } from '@digdir/designsystemet-react';
import type { CaseDetailView } from './log-review-api.js';
import { actionName, encounterName, explanationName } from './labels.js';
import { useLogT } from './use-log-t.js';

const WIDTH = 1000;
const LABEL = 170;
const ROW = 64;
const TOP = 28;
const DAY = 86_400_000;

function patientLabel(p: CaseDetailView['workspace']['patients'][number] | undefined, id: string): string {
  if (!p) return id;
  const name = [p.givenName, p.familyName].filter(Boolean).join(' ');
  return name ? `${name}${p.birthYear ? ` (${p.birthYear})` : ''}` : id;
}

export function CaseTimeline({ detail }: { detail: CaseDetailView }) {
  const i = useLogT();
  const { t } = i;
  const start = Date.parse(`${detail.period.from}T00:00:00Z`);
  const end = Date.parse(`${detail.period.to}T00:00:00Z`) + DAY;
  const x = (iso: string) =>
    LABEL + ((Math.min(end, Math.max(start, Date.parse(iso))) - start) / (end - start)) * (WIDTH - LABEL - 10);
  const patients = detail.findings.map((f) => f.patientId);
  const height = TOP + patients.length * ROW + 10;
  const { lookups, encounters, careRelations } = detail.workspace;
  const unexplained = lookups.filter((l) => l.explanation === null).length;
  const ticks: number[] = [];
  for (let d = start; d <= end; d += 7 * DAY) ticks.push(d);
  const summary = t('timeline.summary', { lookups: lookups.length, patients: patients.length, unexplained });
  return (
    <figure className="lr-figure">
      <figcaption>
        <strong>{t('timeline.title')}</strong> {summary}
      </figcaption>
      <div className="lr-timeline-wrap">
        <svg viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label={summary} className="lr-timeline">
          {ticks.map((tick) => (
            <g key={tick}>
              <line
                x1={x(new Date(tick).toISOString())}
                x2={x(new Date(tick).toISOString())}
                y1={TOP - 6}
                y2={height}
                stroke="#d9dadb"
              />
              <text x={x(new Date(tick).toISOString()) + 3} y={14} fontSize="12" fill="#292c30">
                {i.date(new Date(tick).toISOString())}
              </text>
            </g>
          ))}
          {patients.map((pid, row) => {
            const y = TOP + row * ROW;
            const p = detail.workspace.patients.find((q) => q.patientId === pid);
            return (
              <g key={pid}>
                <text x={4} y={y + 30} fontSize="13" fill="#292c30">
                  {patientLabel(p, pid).slice(0, 24)}
                </text>
                {encounters
                  .filter((e) => e.patientId === pid)
                  .map((e) => (
                    <rect
                      key={e.encounterId}
                      x={x(e.start)}
                      y={y + 4}
                      width={Math.max(3, x(e.end ?? e.start) - x(e.start))}
                      height={14}
                      fill="#9cc3e6"
                      stroke="#1f5f8b"
                    >
                      <title>{`${encounterName(i, e.kind)}: ${e.unitName ?? ''} ${i.dateTime(e.start)}`}</title>
                    </rect>
                  ))}
                {careRelations
                  .filter((c) => c.patientId === pid)
                  .map((c, n) => (
                    <line
                      key={n}
                      x1={x(c.from)}
                      x2={x(c.to ?? new Date(end).toISOString())}
                      y1={y + 26}
                      y2={y + 26}
                      stroke={c.withThisUser ? '#292c30' : '#8a8f96'}
                      strokeWidth={c.withThisUser ? 4 : 2}
                    >
                      <title>{`${c.kind}: ${c.unitName ?? ''}`}</title>
                    </line>
                  ))}
                {lookups
                  .filter((l) => l.patientId === pid)
                  .map((l) => (
                    <circle
                      key={l.eventId}
                      cx={x(l.at)}
                      cy={y + 44}
                      r={5}
                      fill={l.explanation ? '#2e7d4f' : '#b3261e'}
                      stroke="#ffffff"
                    >
                      <title>{`${i.dateTime(l.at)} ${actionName(i, l.action)} – ${explanationName(i, l.explanation)}`}</title>
                    </circle>
                  ))}
              </g>
            );
          })}
        </svg>
      </div>
      <ul className="lr-legend">
        <li>
          <span className="lr-swatch lr-swatch--encounter" aria-hidden="true" /> {t('timeline.encounter')}
        </li>
        <li>
          <span className="lr-swatch lr-swatch--relation" aria-hidden="true" /> {t('timeline.relation')}
        </li>
        <li>
          <span className="lr-swatch lr-swatch--unexplained" aria-hidden="true" /> {t('timeline.unexplained')}
        </li>
        <li>
          <span className="lr-swatch lr-swatch--explained" aria-hidden="true" /> {t('timeline.explained')}
        </li>
      </ul>
      <Details>
        <Details.Summary>{t('timeline.asTable', { count: lookups.length })}</Details.Summary>
        <Details.Content>
          <div className="lr-table-wrap" tabIndex={0} role="region" aria-label={t('timeline.tableLabel')}>
            <Table data-size="sm" zebra>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t('timeline.col.time')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('timeline.col.patient')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('timeline.col.action')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('timeline.col.unit')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('timeline.col.explanation')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {lookups.map((l) => (
                  <Table.Row key={l.eventId}>
                    <Table.Cell>{i.dateTime(l.at)}</Table.Cell>
                    <Table.Cell>
                      {patientLabel(
                        detail.workspace.patients.find((q) => q.patientId === l.patientId),
                        l.patientId,
                      )}
                    </Table.Cell>
                    <Table.Cell>
                      {actionName(i, l.action)}
                      {l.purpose === 'ETREAT' ? ` (${t('timeline.emergency')})` : ''}
                    </Table.Cell>
                    <Table.Cell>{l.unitName ?? '–'}</Table.Cell>
                    <Table.Cell>{explanationName(i, l.explanation)}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </div>
        </Details.Content>
      </Details>
    </figure>
  );
}

export { patientLabel };
