/** The framework libraries stored in Varde, and (for the strategy owner and administrators) importing one. */
import { Paragraph, Skeleton, Table, Tag } from '@digdir/designsystemet-react';
import { useCallback, useEffect, useState } from 'react';
import { ApiError, apiRequest } from '../../api/client.js';
import { useI18n } from '../../i18n/i18n.js';
import { AppLink } from '../../shell/AppLink.js';
import { ErrorAlert } from '../../shell/ErrorAlert.js';
import { PageHeader } from '../../shell/PageHeader.js';
import { frameworkPaths, localized, type LibraryList } from './frameworks-api.js';
import { ImportForm } from './ImportForm.js';
import { useRoles } from './use-roles.js';

export function FrameworksPage() {
  const { t, locale, formatDate } = useI18n();
  const roles = useRoles();
  const canImport = roles.includes('strategy-owner') || roles.includes('administrator');
  const [list, setList] = useState<LibraryList | null>(null);
  const [error, setError] = useState<unknown>(null);
  const load = useCallback(() => {
    apiRequest<LibraryList>(frameworkPaths.list()).then(setList, (e: unknown) =>
      setError(e instanceof ApiError ? e : new ApiError('UNKNOWN', String(e), 0)),
    );
  }, []);
  useEffect(load, [load]);

  return (
    <div className="page">
      <PageHeader
        title={t('frameworks.title')}
        lead={t('frameworks.lead')}
        crumbs={[{ to: '/', label: t('nav.home') }]}
      />
      {error ? <ErrorAlert error={error} /> : null}
      {!list && !error ? <Skeleton variant="rectangle" height="12rem" /> : null}
      {list ? (
        <div className="matrix-scroll" role="region" aria-labelledby="frameworks-caption" tabIndex={0}>
          <Table className="frameworks-table">
            <caption id="frameworks-caption">{t('frameworks.tableCaption', { count: list.count })}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('frameworks.name')}</Table.HeaderCell>
                <Table.HeaderCell>{t('frameworks.publisher')}</Table.HeaderCell>
                <Table.HeaderCell>{t('frameworks.version')}</Table.HeaderCell>
                <Table.HeaderCell>{t('frameworks.content')}</Table.HeaderCell>
                <Table.HeaderCell>{t('frameworks.origin')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {list.libraries.map((l) => {
                const name = localized(l.name, locale);
                return (
                  <Table.Row key={l.id}>
                    <Table.Cell>
                      <AppLink to={`/frameworks/${encodeURIComponent(l.id)}`}>
                        <span lang={name.lang}>{name.text}</span>
                      </AppLink>
                      <br />
                      <code className="muted">{l.refId ?? l.id}</code>
                    </Table.Cell>
                    <Table.Cell>{l.publisher}</Table.Cell>
                    <Table.Cell>
                      {l.version}
                      {l.versions.length > 1
                        ? ` (${t('frameworks.versions', { versions: l.versions.join(', ') })})`
                        : ''}
                    </Table.Cell>
                    <Table.Cell>
                      {l.kind === 'framework'
                        ? t('frameworks.nodes', { count: l.nodeCount })
                        : t('frameworks.mappings', { count: l.mappingCount })}
                    </Table.Cell>
                    <Table.Cell>
                      <Tag data-size="sm" data-color={l.origin === 'shipped' ? 'neutral' : 'info'}>
                        {t(`frameworks.originKind.${l.origin}`)}
                      </Tag>{' '}
                      {formatDate(l.importedAt)}
                    </Table.Cell>
                  </Table.Row>
                );
              })}
            </Table.Body>
          </Table>
        </div>
      ) : null}
      {canImport ? (
        <ImportForm onImported={load} />
      ) : (
        <Paragraph className="muted">{t('frameworks.import.who')}</Paragraph>
      )}
    </div>
  );
}
