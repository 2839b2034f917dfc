/** Which peer group a comparison uses, and why a closer one is not shown (groups below k, hidden to protect others). */
import { Paragraph } from '@digdir/designsystemet-react';
import { useI18n } from '../../i18n/i18n.js';
import type { EnterpriseProfile, PeerView } from './assessment-api.js';
import { noteKey, peerLevelKey, peerLevelNameKey, sizeKey, typeKey } from './labels.js';

export function PeerNote({ peers, enterprise, k }: { peers: PeerView; enterprise: EnterpriseProfile; k: number }) {
  const { t } = useI18n();
  const group =
    peers.level === 'type-size'
      ? `${t(typeKey(enterprise.organisationType))}, ${t(sizeKey(enterprise.sizeClass)).toLocaleLowerCase()}`
      : peers.level === 'type'
        ? t(typeKey(enterprise.organisationType))
        : t('assessment.peerLevel.sector');
  return (
    <div className="asm-peer-note">
      <Paragraph data-size="sm">{t(peerLevelKey(peers.level), { group, count: peers.cell.count ?? 0 })}</Paragraph>
      {peers.passedOver.map((p) => (
        <Paragraph data-size="sm" key={p.level} className="asm-muted">
          {t('assessment.peer.passedOver', { level: t(peerLevelNameKey(p.level)) })}{' '}
          {p.notes.map((n) => t(noteKey(n), { k, members: '' })).join(' ')}
        </Paragraph>
      ))}
    </div>
  );
}
