/**
 * The guidance a requirement points to (Normen chapters and fact sheets, Digdir, NSM, NHN, KS): linked to the
 * publisher where the library knows the address, else to the chapter or fact sheet in Varde's Normen library.
 */
import { Tag } from '@digdir/designsystemet-react';
import { useI18n } from '../../i18n/i18n.js';
import { AppLink } from '../../shell/AppLink.js';
import type { Guidance } from './assessment-api.js';
import { guidanceKindKey } from './labels.js';

export function GuidanceList({ guidance, municipality }: { guidance: readonly Guidance[]; municipality: boolean }) {
  const { t } = useI18n();
  // Guidance meant for municipalities is shown to municipalities only (the seed marks it so).
  const shown = guidance.filter((g) => g.audience !== 'municipalities' || municipality);
  if (shown.length === 0) return null;
  return (
    <ul className="asm-guidance">
      {shown.map((g, i) => (
        <li key={i}>
          <Tag data-color="neutral" data-size="sm" variant="outline">
            {t(guidanceKindKey(g.kind))}
          </Tag>{' '}
          {g.url ? (
            <a href={g.url} rel="noopener noreferrer" target="_blank" lang="nb">
              {g.title}
              <span className="visually-hidden"> {t('assessment.opensNewWindow')}</span>
            </a>
          ) : g.target ? (
            // Normen's chapters and fact sheets are nodes of the Normen library: link to it in Varde.
            <AppLink
              to={`/frameworks/${encodeURIComponent(g.target.framework)}#node-${encodeURIComponent(g.target.node)}`}
              lang="nb"
            >
              {g.title}
            </AppLink>
          ) : (
            <span lang="nb">{g.title}</span>
          )}
          {g.publisher ? <span className="asm-muted"> · {g.publisher}</span> : null}
        </li>
      ))}
    </ul>
  );
}
