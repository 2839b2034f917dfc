/**
 * A patient's access log as the patient reads it: a short summary, then each occasion (a stay, a visit, or a day
 * without a contact) with who looked, when, what they did and why — in plain words from the server, in the reader's
 * language. A lookup without a documented reason is marked, and the page ends with how to ask about it.
 */
import { Alert, Card, Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import type { PatientLogView } from './log-review-api.js';
import { useLogT } from './use-log-t.js';

export function PatientLogDisplay({ log, headingLevel = 2 }: { log: PatientLogView; headingLevel?: 2 | 3 }) {
  const i = useLogT();
  const { t } = i;
  const sub = (headingLevel + 1) as 3 | 4;
  const undocumented = log.lookups - log.documented;
  const time = (iso: string) =>
    new Intl.DateTimeFormat(i.locale === 'nb' ? 'nb-NO' : 'en-GB', {
      timeStyle: 'short',
      timeZone: 'Europe/Oslo',
    }).format(new Date(iso));
  return (
    <div className="lr-patient-log" lang={log.lang}>
      <Paragraph data-size="lg">
        {t('patientLog.summary', {
          from: i.date(log.periodFrom),
          to: i.date(log.periodTo),
          lookups: i.number(log.lookups),
        })}{' '}
        {undocumented === 0
          ? t('patientLog.allDocumented')
          : t('patientLog.someUndocumented', { count: i.number(undocumented) })}
      </Paragraph>
      {log.occasions.length === 0 ? <Paragraph>{t('patientLog.none')}</Paragraph> : null}
      {log.occasions.map((o) => (
        <section key={o.key} className="lr-occasion" aria-labelledby={`occ-${o.key}`}>
          <Heading level={headingLevel} data-size="xs" id={`occ-${o.key}`}>
            {o.title}
          </Heading>
          <Paragraph data-size="sm" className="lr-muted">
            {o.end && o.end.slice(0, 10) !== o.start.slice(0, 10)
              ? `${i.date(o.start)} – ${i.date(o.end)}`
              : i.date(o.start)}
          </Paragraph>
          <ul className="lr-entries">
            {o.entries.map((e, n) => (
              <li key={n}>
                <Card className={e.documented ? 'lr-entry' : 'lr-entry lr-entry--undocumented'}>
                  <Heading level={sub} data-size="2xs">
                    {e.name ? `${e.name}, ${e.role.toLowerCase()}` : e.role} · {e.unit}
                  </Heading>
                  <Paragraph data-size="sm">
                    {e.action}: {i.date(e.times[0] ?? '')}{' '}
                    {t('patientLog.at', { times: e.times.slice(0, 6).map(time).join(', ') })}
                    {e.times.length > 6 ? ` ${t('patientLog.more', { count: e.times.length - 6 })}` : ''}
                    {e.count > 1 ? ` (${t('patientLog.times', { count: e.count })})` : ''}
                  </Paragraph>
                  <Paragraph data-size="sm">
                    {e.documented ? null : (
                      <Tag data-color="warning" data-size="sm" className="lr-tag-inline">
                        {t('patientLog.noReasonTag')}
                      </Tag>
                    )}{' '}
                    <strong>{t('patientLog.why')}</strong> {e.reason}
                    {e.emergencyAccess ? ` ${t('patientLog.emergency')}` : ''}
                  </Paragraph>
                </Card>
              </li>
            ))}
          </ul>
        </section>
      ))}
      <Alert data-color="info" className="lr-how-to-ask">
        <Heading level={headingLevel} data-size="xs">
          {t('patientLog.askHeading')}
        </Heading>
        <Paragraph>{log.howToAsk}</Paragraph>
      </Alert>
    </div>
  );
}
