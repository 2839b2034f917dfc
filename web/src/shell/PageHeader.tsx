/** The top of a page: where you are (breadcrumbs), the page's one h1, and an optional lead paragraph. */
import {
  Breadcrumbs,
  BreadcrumbsItem,
  BreadcrumbsLink,
  BreadcrumbsList,
  Heading,
  Paragraph,
} from '@digdir/designsystemet-react';
import type { ReactNode } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import { useT } from '../i18n/i18n.js';
import { useDocumentTitle } from './use-document-title.js';

export interface Crumb {
  readonly to: string;
  readonly label: string;
}

export interface PageHeaderProps {
  readonly title: ReactNode;
  /** The page title for the browser tab, when `title` is not plain text. */
  readonly documentTitle?: string;
  readonly crumbs?: readonly Crumb[];
  readonly eyebrow?: ReactNode;
  readonly lead?: ReactNode;
  readonly children?: ReactNode;
  /** Language of the title when it is catalogue content (always bokmål). */
  readonly titleLang?: string;
}

export function PageHeader({ title, documentTitle, crumbs, eyebrow, lead, children, titleLang }: PageHeaderProps) {
  const t = useT();
  useDocumentTitle(documentTitle ?? (typeof title === 'string' ? title : undefined));
  const trail = crumbs ?? [];
  const parent = trail[trail.length - 1];
  return (
    <div className="page-header">
      {parent ? (
        <Breadcrumbs aria-label={t('shell.breadcrumbs')} className="page-header__crumbs">
          <BreadcrumbsLink asChild aria-label={t('shell.backTo', { page: parent.label })}>
            <RouterLink to={parent.to}>{parent.label}</RouterLink>
          </BreadcrumbsLink>
          <BreadcrumbsList>
            {trail.map((crumb) => (
              <BreadcrumbsItem key={crumb.to}>
                <BreadcrumbsLink asChild>
                  <RouterLink to={crumb.to}>{crumb.label}</RouterLink>
                </BreadcrumbsLink>
              </BreadcrumbsItem>
            ))}
          </BreadcrumbsList>
        </Breadcrumbs>
      ) : null}
      {eyebrow ? <p className="page-header__eyebrow">{eyebrow}</p> : null}
      <Heading level={1} data-size="lg" lang={titleLang}>
        {title}
      </Heading>
      {lead ? (
        <Paragraph data-size="lg" className="page-header__lead">
          {lead}
        </Paragraph>
      ) : null}
      {children}
    </div>
  );
}
