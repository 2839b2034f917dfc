/** One framework library: what it is and where it comes from, its requirement tree, its mappings, and downloads. */
import { Button, Field, Heading, Label, Paragraph, Select, Skeleton, Table } from '@digdir/designsystemet-react';
import { useId, useState } from 'react';
import { useParams } from 'react-router-dom';
import { useApi } from '../../api/use-api.js';
import { useI18n } from '../../i18n/i18n.js';
import { ErrorAlert } from '../../shell/ErrorAlert.js';
import { PageHeader } from '../../shell/PageHeader.js';
import { frameworkPaths, localized, type LibraryWithContent } from './frameworks-api.js';
import { RequirementTree } from './RequirementTree.js';

export function FrameworkPage() {
  const { id = '' } = useParams();
  const { t, locale, formatDate } = useI18n();
  const selectId = useId();
  const [version, setVersion] = useState<number | undefined>(undefined);
  const { data, error } = useApi<LibraryWithContent>(frameworkPaths.library(id, version));
  const library = data?.library;
  const name = library ? localized(library.library.name, locale) : null;
  const description = library?.library.description ? localized(library.library.description, locale) : null;
  const source = library?.library.source;

  return (
    <div className="page">
      <PageHeader
        title={name?.text ?? t('frameworks.titleLoading')}
        {...(name ? { titleLang: name.lang } : {})}
        eyebrow={
          data
            ? `${data.info.refId ?? data.info.id} · ${t('frameworks.versionN', { version: data.info.version })}`
            : undefined
        }
        crumbs={[
          { to: '/', label: t('nav.home') },
          { to: '/frameworks', label: t('frameworks.title') },
        ]}
      />
      {error ? <ErrorAlert error={error} /> : null}
      {!data && !error ? <Skeleton variant="rectangle" height="20rem" /> : null}
      {data && library ? (
        <>
          <section className="framework-facts" aria-labelledby="framework-about">
            <Heading level={2} data-size="sm" id="framework-about">
              {t('frameworks.about')}
            </Heading>
            {description ? <Paragraph lang={description.lang}>{description.text}</Paragraph> : null}
            <dl className="framework-facts__list">
              <dt>{t('frameworks.publisher')}</dt>
              <dd>{library.library.publisher}</dd>
              <dt>{t('frameworks.id')}</dt>
              <dd>
                <code>{data.info.id}</code>
              </dd>
              {source ? (
                <>
                  <dt>{t('frameworks.source')}</dt>
                  <dd>
                    {[source.document, source.publisher, source.edition, source.section].filter(Boolean).join(', ')}
                    {source.note ? (
                      <span className="muted" lang="en">
                        {' '}
                        — {source.note}
                      </span>
                    ) : null}
                  </dd>
                </>
              ) : null}
              <dt>{t('frameworks.stored')}</dt>
              <dd>
                {t(`frameworks.originKind.${data.info.origin}`)}, {formatDate(data.info.importedAt)} (
                {data.info.sourceName}, {t(`frameworks.format.${data.info.sourceFormat}`)})
              </dd>
              <dt>{t('frameworks.hash')}</dt>
              <dd>
                <code className="framework-facts__hash">{data.info.contentHash}</code>
              </dd>
            </dl>
            {data.versions.length > 1 ? (
              <Field>
                <Label htmlFor={selectId}>{t('frameworks.chooseVersion')}</Label>
                <Select
                  id={selectId}
                  value={String(version ?? data.info.version)}
                  onChange={(e) => setVersion(Number(e.target.value))}
                >
                  {data.versions.map((v) => (
                    <Select.Option key={v} value={String(v)}>
                      {t('frameworks.versionN', { version: v })}
                    </Select.Option>
                  ))}
                </Select>
              </Field>
            ) : null}
            <div className="button-row">
              <Button asChild variant="secondary">
                <a href={frameworkPaths.export(data.info.id, 'varde', data.info.version)} download>
                  {t('frameworks.export.varde')}
                </a>
              </Button>
              <Button asChild variant="secondary">
                <a href={frameworkPaths.export(data.info.id, 'ciso', data.info.version)} download>
                  {t('frameworks.export.ciso')}
                </a>
              </Button>
            </div>
          </section>
          {library.nodes.length > 0 ? (
            <section aria-labelledby="framework-tree">
              <Heading level={2} data-size="sm" id="framework-tree">
                {t('frameworks.tree.heading', { count: library.nodes.length })}
              </Heading>
              <RequirementTree library={library} />
            </section>
          ) : null}
          {library.mappingSets.map((set) => {
            const setName = localized(set.name, locale);
            return (
              <section key={set.id} aria-labelledby={`set-${set.id}`}>
                <Heading level={2} data-size="sm" id={`set-${set.id}`} lang={setName.lang}>
                  {setName.text}
                </Heading>
                <Paragraph data-size="sm">
                  {t('frameworks.mapping.between', { source: set.sourceFramework, target: set.targetFramework })}
                </Paragraph>
                <div className="matrix-scroll" role="region" aria-labelledby={`set-${set.id}`} tabIndex={0}>
                  <Table>
                    <Table.Head>
                      <Table.Row>
                        <Table.HeaderCell>{t('frameworks.mapping.source')}</Table.HeaderCell>
                        <Table.HeaderCell>{t('frameworks.mapping.target')}</Table.HeaderCell>
                        <Table.HeaderCell>{t('frameworks.mapping.relationship')}</Table.HeaderCell>
                        <Table.HeaderCell>{t('frameworks.mapping.rationale')}</Table.HeaderCell>
                      </Table.Row>
                    </Table.Head>
                    <Table.Body>
                      {set.mappings.map((m) => (
                        <Table.Row key={`${m.source}-${m.target}`}>
                          <Table.Cell>{m.source}</Table.Cell>
                          <Table.Cell>{m.target}</Table.Cell>
                          <Table.Cell>{t(`frameworks.relationship.${m.relationship}`)}</Table.Cell>
                          <Table.Cell lang={library.library.language}>{m.rationale ?? ''}</Table.Cell>
                        </Table.Row>
                      ))}
                    </Table.Body>
                  </Table>
                </div>
              </section>
            );
          })}
        </>
      ) : null}
    </div>
  );
}
