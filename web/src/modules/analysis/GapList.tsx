/** The gaps as a list grouped by kind: what no measure covers, what is weakly covered, who is not reached. */
import { Heading, ListItem, ListUnordered, Paragraph } from '@digdir/designsystemet-react';
import { useI18n } from '../../i18n/i18n.js';
import type { CoverageReport, Dimension, GapKind } from './analysis-api.js';
import { gapKey, groupKey, pick } from './labels.js';

const kinds: GapKind[] = ['none', 'weak', 'only-large', 'small-enterprises-weak', 'intended-audience-missed'];
const dimensionKey = (d: Dimension) => `analysis.dimension.${d}` as const;

export function GapList({ report }: { report: CoverageReport }) {
  const { t, locale } = useI18n();
  if (report.gaps.length === 0) return <Paragraph>{t('analysis.gaps.empty')}</Paragraph>;
  return (
    <div className="gap-list">
      {kinds.map((kind) => {
        const gaps = report.gaps.filter((g) => g.kind === kind);
        if (gaps.length === 0) return null;
        return (
          <section key={kind} aria-labelledby={`gap-${kind}`}>
            <Heading level={3} data-size="2xs" id={`gap-${kind}`}>
              {t(gapKey(kind))} ({gaps.length})
            </Heading>
            <Paragraph data-size="sm" className="muted">
              {t(`analysis.gapHelp.${kind}`)}
            </Paragraph>
            <ListUnordered>
              {gaps.map((gap) => {
                const target = report[gap.dimension].find((x) => x.target.id === gap.targetId);
                const title = target ? pick(target.target.title, locale) : { text: gap.targetId, lang: 'nb' };
                return (
                  <ListItem key={`${gap.dimension}-${gap.targetId}`}>
                    {t(dimensionKey(gap.dimension))} {gap.code}: <span lang={title.lang}>{title.text}</span>
                    {kind === 'intended-audience-missed' && target
                      ? ` (${target.missedGroups.map((g) => t(groupKey(g))).join(', ')})`
                      : ''}
                  </ListItem>
                );
              })}
            </ListUnordered>
          </section>
        );
      })}
    </div>
  );
}
