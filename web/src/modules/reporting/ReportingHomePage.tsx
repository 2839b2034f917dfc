/**
 * The reporting front page: the reporting cycles with their progress, the way in for each role (to-do list,
 * dashboard, cycle overview), and for the strategy owner the form that opens a new cycle.
 */
import {
  Alert,
  Button,
  Card,
  Field,
  Heading,
  Input,
  Label,
  Paragraph,
  Skeleton,
  Table,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { ApiError } from '../../api/client.js';
import { errorMessageKey } from '../../api/error-text.js';
import { useI18n } from '../../i18n/i18n.js';
import { AppLink } from '../../shell/AppLink.js';
import { ErrorAlert } from '../../shell/ErrorAlert.js';
import { PageHeader } from '../../shell/PageHeader.js';
import { fieldLabel } from './labels.js';
import { reportingActions, reportingPaths, type CycleView } from './reporting-api.js';
import { hasRole, useFresh, useSession } from './use-reporting.js';

function OpenCycleForm({ existing, onOpened }: { existing: readonly number[]; onOpened: (cycle: CycleView) => void }) {
  const { t } = useI18n();
  const nextYear = Math.max(new Date().getFullYear(), ...existing.map((y) => y + 1));
  const [year, setYear] = useState(String(nextYear));
  const [dueDate, setDueDate] = useState(`${nextYear}-03-01`);
  const [delegateHod, setDelegateHod] = useState(true);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onOpened(
        await reportingActions.openCycle({
          year: Number(year),
          dueDate,
          delegations: delegateHod ? { hod: 'e-helse' } : {},
        }),
      );
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError('UNKNOWN', String(e), 0));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card className="rep-card" data-color="accent">
      <form onSubmit={(e) => void submit(e)} className="rep-form" aria-labelledby="open-cycle-heading">
        <Heading level={2} data-size="xs" id="open-cycle-heading">
          {t('reporting.open.heading')}
        </Heading>
        <Paragraph data-size="sm">{t('reporting.open.lead')}</Paragraph>
        <div className="rep-form__row">
          <Field>
            <Label>{t('reporting.open.year')}</Label>
            <Input
              type="number"
              min={2000}
              max={2100}
              value={year}
              onChange={(e) => setYear(e.target.value)}
              required
            />
          </Field>
          <Field>
            <Label>{t('reporting.open.dueDate')}</Label>
            <Input type="date" value={dueDate} onChange={(e) => setDueDate(e.target.value)} required />
          </Field>
        </div>
        <label className="rep-checkbox">
          <input type="checkbox" checked={delegateHod} onChange={(e) => setDelegateHod(e.target.checked)} />
          {t('reporting.open.delegateHod')}
        </label>
        {error ? (
          <ValidationMessage>
            {t(errorMessageKey(error))} {error.details.map((d) => `${fieldLabel(t, d.field)}: ${d.message}`).join('; ')}
          </ValidationMessage>
        ) : null}
        <div>
          <Button type="submit" disabled={busy}>
            {t('reporting.open.submit')}
          </Button>
        </div>
      </form>
    </Card>
  );
}

export function ReportingHomePage() {
  const { t, formatDate } = useI18n();
  const navigate = useNavigate();
  const { session, loading: sessionLoading } = useSession();
  const loggedIn = Boolean(session?.authenticated);
  const cycles = useFresh<{ cycles: CycleView[] }>(loggedIn ? reportingPaths.cycles() : null);
  const owner = hasRole(session, 'strategy-owner');
  const measureOwner = hasRole(session, 'measure-owner');
  const reader = hasRole(session, 'ministry-reader');

  return (
    <div className="page">
      <PageHeader
        title={t('reporting.home.title')}
        lead={t('reporting.home.lead')}
        crumbs={[{ to: '/', label: t('nav.home') }]}
      />
      {sessionLoading ? <Skeleton variant="rectangle" height="120px" /> : null}
      {!sessionLoading && !loggedIn ? (
        <Alert data-color="info">
          <Paragraph>{t('reporting.loginNeeded')}</Paragraph>
        </Alert>
      ) : null}
      {loggedIn && !owner && !measureOwner && !reader ? (
        <Alert data-color="info">
          <Paragraph>{t('reporting.noRole')}</Paragraph>
        </Alert>
      ) : null}
      {cycles.error ? <ErrorAlert error={cycles.error} /> : null}
      <ul className="rep-entry-list">
        {measureOwner ? (
          <li>
            <Card className="rep-card">
              <Heading level={2} data-size="xs">
                <AppLink to="/reporting/my">{t('reporting.my.title')}</AppLink>
              </Heading>
              <Paragraph data-size="sm">{t('reporting.home.myText')}</Paragraph>
            </Card>
          </li>
        ) : null}
        {reader || owner ? (
          <li>
            <Card className="rep-card">
              <Heading level={2} data-size="xs">
                <AppLink to="/reporting/dashboard">{t('reporting.dashboard.title')}</AppLink>
              </Heading>
              <Paragraph data-size="sm">{t('reporting.home.dashboardText')}</Paragraph>
            </Card>
          </li>
        ) : null}
      </ul>
      {owner && cycles.data ? (
        <OpenCycleForm
          existing={cycles.data.cycles.map((c) => c.year)}
          onOpened={(cycle) => navigate(`/reporting/cycles/${cycle.id}`)}
        />
      ) : null}
      {cycles.data ? (
        <section aria-labelledby="cycles-heading" className="rep-section">
          <Heading level={2} data-size="sm" id="cycles-heading">
            {t('reporting.cycles.heading')}
          </Heading>
          {cycles.data.cycles.length === 0 ? <Paragraph>{t('reporting.cycles.none')}</Paragraph> : null}
          {cycles.data.cycles.length > 0 ? (
            <div className="rep-table-wrap" role="region" aria-label={t('reporting.cycles.heading')} tabIndex={0}>
              <Table border data-size="sm" className="rep-table">
                <caption className="visually-hidden">{t('reporting.cycles.heading')}</caption>
                <Table.Head>
                  <Table.Row>
                    <Table.HeaderCell scope="col">{t('reporting.cycles.year')}</Table.HeaderCell>
                    <Table.HeaderCell scope="col">{t('reporting.cycles.state')}</Table.HeaderCell>
                    <Table.HeaderCell scope="col">{t('reporting.cycles.dueDate')}</Table.HeaderCell>
                    <Table.HeaderCell scope="col" className="rep-num">
                      {t('reporting.state.draft')}
                    </Table.HeaderCell>
                    <Table.HeaderCell scope="col" className="rep-num">
                      {t('reporting.state.submitted')}
                    </Table.HeaderCell>
                    <Table.HeaderCell scope="col" className="rep-num">
                      {t('reporting.state.returned')}
                    </Table.HeaderCell>
                    <Table.HeaderCell scope="col" className="rep-num">
                      {t('reporting.state.approved')}
                    </Table.HeaderCell>
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {cycles.data.cycles.map((c) => (
                    <Table.Row key={c.id}>
                      <Table.HeaderCell scope="row">
                        {owner ? (
                          <AppLink to={`/reporting/cycles/${c.id}`}>
                            {t('reporting.cycles.name', { year: c.year })}
                          </AppLink>
                        ) : (
                          t('reporting.cycles.name', { year: c.year })
                        )}
                      </Table.HeaderCell>
                      <Table.Cell>
                        {t(c.state === 'open' ? 'reporting.cycles.open' : 'reporting.cycles.closed')}
                      </Table.Cell>
                      <Table.Cell>{formatDate(c.dueDate)}</Table.Cell>
                      <Table.Cell className="rep-num">{c.counts.draft}</Table.Cell>
                      <Table.Cell className="rep-num">{c.counts.submitted}</Table.Cell>
                      <Table.Cell className="rep-num">{c.counts.returned}</Table.Cell>
                      <Table.Cell className="rep-num">{c.counts.approved}</Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            </div>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
