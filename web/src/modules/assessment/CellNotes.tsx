/**
 * Why a published number looks the way it does: each note code from the server (merged into "Andre", hidden below
 * k, hidden to prevent subtraction) becomes a sentence, naming the merged groups.
 */
import type { PublishedCell } from './assessment-api.js';
import { useI18n } from '../../i18n/i18n.js';
import { dimensionKey, noteKey, regionKey, sizeKey, typeKey } from './labels.js';

export function useCategoryLabel() {
  const { t } = useI18n();
  return (dimension: string, id: string): string => {
    if (id === 'other') return t('assessment.category.merged');
    const one = (part: string) =>
      t(dimension === 'organisationType' ? typeKey(part) : dimension === 'sizeClass' ? sizeKey(part) : regionKey(part));
    return id.split('+').map(one).join(' + ');
  };
}

export function cellLabel(cell: PublishedCell, label: (d: string, id: string) => string, sector: string): string {
  const parts = Object.entries(cell.key).map(([d, id]) => label(d, id));
  return parts.length > 0 ? parts.join(', ') : sector;
}

export function CellNotes({ cell, k }: { cell: PublishedCell; k: number }) {
  const { t } = useI18n();
  const label = useCategoryLabel();
  if (cell.notes.length === 0) return null;
  return (
    <ul className="asm-notes">
      {cell.notes.map((note) => {
        const merged = Object.entries(cell.members)
          .filter(([d]) => cell.key[d] === 'other' || (cell.key[d] ?? '').includes('+'))
          .map(([d, members]) => `${t(dimensionKey(d))}: ${members.map((m) => label(d, m)).join(', ')}`)
          .join('; ');
        return <li key={note}>{t(noteKey(note), { k, members: merged })}</li>;
      })}
    </ul>
  );
}
