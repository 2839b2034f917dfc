/**
 * The sector analyst's surveys: create one from the shipped questionnaire for a target group (types, size classes,
 * regions), send it with a personal link per enterprise (links not e-mailed are shown once, with a CSV download),
 * remind those who have not answered, close it, and follow participation. Answers are never shown here.
 */
import {
  Button,
  Checkbox,
  Field,
  Fieldset,
  Heading,
  Input,
  Label,
  Paragraph,
  Skeleton,
  Table,
  Tag,
} from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { ApiError } from '../../api/client.js';
import { useI18n } from '../../i18n/i18n.js';
import { AppLink } from '../../shell/AppLink.js';
import { ErrorAlert } from '../../shell/ErrorAlert.js';
import { PageHeader } from '../../shell/PageHeader.js';
import {
  assessmentActions,
  assessmentPaths,
  type Participation,
  type SendOutcome,
  type Survey,
} from './assessment-api.js';
import { organisationTypeIds, regionIds, regionKey, sizeIds, sizeKey, typeKey } from './labels.js';
import { LoginNeeded } from './LoginNeeded.js';
import { pick, useFresh, useSessionRoles } from './use-assessment.js';

function Choices({
  legend,
  ids,
  label,
  chosen,
  onChange,
}: {
  legend: string;
  ids: readonly string[];
  label: (id: string) => string;
  chosen: string[];
  onChange: (ids: string[]) => void;
}) {
  const { t } = useI18n();
  return (
    <Fieldset>
      <Fieldset.Legend>{legend}</Fieldset.Legend>
      <Fieldset.Description>{t('sector.surveys.noneMeansAll')}</Fieldset.Description>
      <div className="asm-checkbox-grid">
        {ids.map((id) => (
          <Checkbox
            key={id}
            value={id}
            label={label(id)}
            checked={chosen.includes(id)}
            onChange={(e) => onChange(e.target.checked ? [...chosen, id] : chosen.filter((c) => c !== id))}
          />
        ))}
      </div>
    </Fieldset>
  );
}

export function SurveysAdminPage() {
  const { t, locale } = useI18n();
  const session = useSessionRoles();
  const analyst = session.roles.includes('sector-analyst');
  const list = useFresh<{ surveys: (Survey & { participation: { invited: number; submitted: number } })[] }>(
    analyst ? assessmentPaths.surveys() : null,
  );
  const navigate = useNavigate();
  const [year, setYear] = useState(String(new Date().getFullYear()));
  const [types, setTypes] = useState<string[]>(['gp-office', 'dental-clinic']);
  const [sizes, setSizes] = useState<string[]>([]);
  const [regions, setRegions] = useState<string[]>([]);
  const [error, setError] = useState<unknown>(null);
  const header = (
    <PageHeader
      title={t('sector.surveys.title')}
      lead={t('sector.surveys.lead')}
      crumbs={[{ to: '/sector', label: t('sector.title') }]}
    />
  );
  if (session.loaded && !analyst)
    return (
      <div className="page">
        {header}
        <LoginNeeded reason={session.loggedIn ? 'analyst' : 'login'} />
      </div>
    );

  const create = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      const survey = await assessmentActions.createSurvey({
        templateKey: 'small-enterprises',
        year: Number(year),
        target: { organisationTypes: types, sizeClasses: sizes, regions },
      });
      void navigate(`/sector/surveys/${survey.id}`);
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError('UNKNOWN', String(e), 0));
    }
  };
  return (
    <div className="page">
      {header}
      {list.error ? <ErrorAlert error={list.error} /> : null}
      {!list.data && !list.error ? <Skeleton variant="rectangle" height="8rem" /> : null}
      {list.data ? (
        <Table className="asm-table" data-size="sm">
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('sector.surveys.survey')}</Table.HeaderCell>
              <Table.HeaderCell>{t('sector.year')}</Table.HeaderCell>
              <Table.HeaderCell>{t('sector.surveys.status')}</Table.HeaderCell>
              <Table.HeaderCell>{t('sector.surveys.answered')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {list.data.surveys.map((s) => (
              <Table.Row key={s.id}>
                <Table.HeaderCell scope="row">
                  <AppLink to={`/sector/surveys/${s.id}`}>{pick(s.title, locale)}</AppLink>
                </Table.HeaderCell>
                <Table.Cell>{s.year}</Table.Cell>
                <Table.Cell>{t(`sector.surveys.statusName.${s.status}`)}</Table.Cell>
                <Table.Cell>{`${s.participation.submitted} / ${s.participation.invited}`}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      ) : null}
      <form className="asm-section asm-form" onSubmit={(e) => void create(e)}>
        <Heading level={2} data-size="sm">
          {t('sector.surveys.newHeading')}
        </Heading>
        <Paragraph data-size="sm">{t('sector.surveys.newHelp')}</Paragraph>
        {error ? <ErrorAlert error={error} /> : null}
        <Field className="asm-narrow">
          <Label htmlFor="srv-year">{t('sector.year')}</Label>
          <Input id="srv-year" type="number" value={year} onChange={(e) => setYear(e.target.value)} />
        </Field>
        <Choices
          legend={t('assessment.dimension.organisationType')}
          ids={organisationTypeIds.filter((x) => x !== 'other')}
          label={(x) => t(typeKey(x))}
          chosen={types}
          onChange={setTypes}
        />
        <Choices
          legend={t('assessment.dimension.sizeClass')}
          ids={sizeIds}
          label={(x) => t(sizeKey(x))}
          chosen={sizes}
          onChange={setSizes}
        />
        <Choices
          legend={t('assessment.dimension.region')}
          ids={regionIds}
          label={(x) => t(regionKey(x))}
          chosen={regions}
          onChange={setRegions}
        />
        <div>
          <Button type="submit">{t('sector.surveys.create')}</Button>
        </div>
      </form>
    </div>
  );
}

function linksCsv(outcome: SendOutcome): string {
  const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;
  return [
    'organisation_id;organisation;link;expires',
    ...outcome.links.map((l) => [l.organisationId, l.organisationName, l.link, l.expiresAt].map(quote).join(';')),
  ].join('\r\n');
}

export function SurveyAdminPage() {
  const { id = '' } = useParams();
  const { t, locale } = useI18n();
  const data = useFresh<{ survey: Survey; participation: Participation }>(assessmentPaths.survey(id));
  const [outcome, setOutcome] = useState<SendOutcome | null>(null);
  const [error, setError] = useState<unknown>(null);
  const run = async (action: 'open' | 'remind' | 'close') => {
    setError(null);
    try {
      if (action === 'open') setOutcome(await assessmentActions.openSurvey(id));
      else if (action === 'remind') setOutcome(await assessmentActions.remindSurvey(id));
      else await assessmentActions.closeSurvey(id);
      data.reload();
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError('UNKNOWN', String(e), 0));
    }
  };
  const survey = data.data?.survey;
  const p = data.data?.participation;
  const download = outcome
    ? URL.createObjectURL(new Blob(['\uFEFF', linksCsv(outcome)], { type: 'text/csv;charset=utf-8' }))
    : null;
  return (
    <div className="page">
      <PageHeader
        title={survey ? pick(survey.title, locale) : t('sector.surveys.title')}
        crumbs={[{ to: '/sector/surveys', label: t('sector.surveys.title') }]}
      />
      {data.error ? <ErrorAlert error={data.error} /> : null}
      {error ? <ErrorAlert error={error} /> : null}
      {survey && p ? (
        <>
          <p className="asm-meta">
            <Tag data-size="sm">{t(`sector.surveys.statusName.${survey.status}`)}</Tag> {survey.year} ·{' '}
            {t('sector.surveys.questions', { count: survey.questionnaire.questions.length })}
          </p>
          <Paragraph>
            {t('sector.surveys.participation', {
              submitted: p.submitted,
              invited: p.invited,
              answering: p.answering,
              percent: Math.round(p.responseRate * 100),
            })}
          </Paragraph>
          {p.byType.length > 0 ? (
            <Table className="asm-table" data-size="sm">
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t('assessment.dimension.organisationType')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('sector.surveys.invited')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('sector.surveys.answered')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {p.byType.map((row) => (
                  <Table.Row key={row.organisationType}>
                    <Table.HeaderCell scope="row">{t(typeKey(row.organisationType))}</Table.HeaderCell>
                    <Table.Cell>{row.invited}</Table.Cell>
                    <Table.Cell>{row.submitted}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          ) : null}
          <div className="asm-buttons asm-section">
            {survey.status === 'draft' ? (
              <Button onClick={() => void run('open')}>{t('sector.surveys.send')}</Button>
            ) : null}
            {survey.status === 'open' ? (
              <>
                <Button onClick={() => void run('remind')}>{t('sector.surveys.remind')}</Button>
                <Button variant="secondary" onClick={() => void run('close')}>
                  {t('sector.surveys.close')}
                </Button>
              </>
            ) : null}
          </div>
          {outcome ? (
            <section className="asm-section" aria-labelledby="srv-links-heading">
              <Heading level={2} data-size="sm" id="srv-links-heading">
                {t('sector.surveys.linksHeading')}
              </Heading>
              <Paragraph role="status">
                {t('sector.surveys.sent', {
                  recipients: outcome.recipients,
                  mailed: outcome.mailed,
                  links: outcome.links.length,
                })}
              </Paragraph>
              {outcome.links.length > 0 && download ? (
                <Paragraph>
                  <a href={download} download={`invitasjoner-${survey.year}.csv`}>
                    {t('sector.surveys.downloadLinks')}
                  </a>{' '}
                  {t('sector.surveys.linksOnce')}
                </Paragraph>
              ) : null}
            </section>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
