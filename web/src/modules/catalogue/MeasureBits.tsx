/** Small pieces shown wherever a measure appears: its kind, who is responsible, who it is for, where it is from. */
import { Tag } from '@digdir/designsystemet-react';
import { Fragment } from 'react';
import { useI18n, useT, type MessageKey } from '../../i18n/i18n.js';
import { AppLink } from '../../shell/AppLink.js';
import type { AudienceTag, MeasureKind, MeasureView, SourceRef } from './catalogue-api.js';

export function KindTag({ kind }: { kind: MeasureKind }) {
  const t = useT();
  return (
    <Tag data-color={kind === 'new' ? 'brand1' : 'neutral'} data-size="sm" className="kind-tag">
      {t(`measure.kind.${kind}`)}
    </Tag>
  );
}

export function UnplacedTag() {
  const t = useT();
  return (
    <Tag data-color="warning" data-size="sm" className="unplaced-tag">
      {t('measure.unplaced')}
    </Tag>
  );
}

/** Responsible actors: links to their pages, or plain short names where many links would be noise (tables). */
export function ResponsibleActors({ measure, links = true }: { measure: MeasureView; links?: boolean }) {
  if (measure.responsible.status === 'unplaced' || measure.responsible.actors.length === 0) return <UnplacedTag />;
  if (!links) return <span lang="nb">{measure.responsible.actors.map((a) => a.shortName).join(', ')}</span>;
  return (
    <span lang="nb">
      {measure.responsible.actors.map((actor, index) => (
        <Fragment key={actor.id}>
          {index > 0 ? ', ' : null}
          <AppLink to={`/actors/${encodeURIComponent(actor.id)}`}>{actor.name}</AppLink>
        </Fragment>
      ))}
    </span>
  );
}

export function AudienceTags({ audiences }: { audiences: readonly AudienceTag[] }) {
  const t = useT();
  if (audiences.length === 0) return null;
  return (
    <ul className="tag-list">
      {audiences.map((audience) => (
        <li key={audience}>
          <Tag data-color="info" data-size="sm" variant="outline">
            {t(`audience.${audience}`)}
          </Tag>
        </li>
      ))}
    </ul>
  );
}

/** The seed documents the catalogue cites, by file name. */
const sourceDocuments: Readonly<Record<string, MessageKey>> = {
  '004_d10711c7d8f82a89.txt': 'source.measureOverview',
  '003_951c4d7959e2f9b7.txt': 'source.strategicAreas',
};

export function SourceNote({ source }: { source: SourceRef }) {
  const { t } = useI18n();
  const document = sourceDocuments[source.file];
  return (
    <p className="source-note">
      {t('source.label')}{' '}
      {document
        ? t('source.withDocument', { document: t(document), section: source.section, file: source.file })
        : t('source.fileOnly', { section: source.section, file: source.file })}
    </p>
  );
}
