/**
 * The what-if side by side: for each target, the published edition's score and the draft's, overall and per
 * audience group, with the change; rows that change are marked, and can be shown alone.
 */
import { Switch, Tag } from '@digdir/designsystemet-react';
import { useId, useState } from 'react';
import { useI18n } from '../../i18n/i18n.js';
import {
  audienceGroupList,
  type CoverageLevel,
  type CoverageReport,
  type Dimension,
  type TargetChange,
} from './analysis-api.js';
import { TargetName } from './CoverageHeatmap.js';
import { formatDelta, formatScore, gapKey, groupKey, levelKey } from './labels.js';

function ChangeCell({
  before,
  after,
  delta,
  level,
}: {
  before: number;
  after: number;
  delta: number;
  level: CoverageLevel;
}) {
  const { t, locale } = useI18n();
  return (
    <td className={`heat heat--${level}${delta !== 0 ? ' heat--changed' : ''}`}>
      <span className="heat__score">
        {formatScore(before, locale)} → {formatScore(after, locale)}
      </span>
      <span className="heat__level">
        {delta !== 0 ? `(${formatDelta(delta, locale)}) ` : ''}
        {t(levelKey(level))}
      </span>
    </td>
  );
}

export function ComparisonTable({
  dimension,
  published,
  proposed,
  changes,
}: {
  dimension: Dimension;
  published: CoverageReport;
  proposed: CoverageReport;
  changes: readonly (TargetChange & { changed: boolean })[];
}) {
  const { t } = useI18n();
  const [onlyChanged, setOnlyChanged] = useState(false);
  const captionId = useId();
  const rows = proposed[dimension].filter((target) => {
    const change = changes.find((c) => c.dimension === dimension && c.targetId === target.target.id);
    return !onlyChanged || change?.changed;
  });
  return (
    <div className="comparison">
      <Switch
        label={t('analysis.compare.onlyChanged')}
        checked={onlyChanged}
        onChange={(e) => setOnlyChanged(e.target.checked)}
        data-size="sm"
      />
      <div className="matrix-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
        <table className="heatmap comparison-table">
          <caption id={captionId}>{t(`analysis.compare.caption.${dimension}`)}</caption>
          <thead>
            <tr>
              <td />
              <th scope="col">{t('analysis.heatmap.overall')}</th>
              {audienceGroupList.map((g) => (
                <th key={g} scope="col">
                  {t(groupKey(g))}
                </th>
              ))}
              <th scope="col">{t('analysis.compare.gaps')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((target) => {
              const change = changes.find((c) => c.dimension === dimension && c.targetId === target.target.id);
              const before = published[dimension].find((x) => x.target.id === target.target.id);
              if (!change || !before) return null;
              return (
                <tr key={target.target.id} className={change.changed ? 'comparison--changed' : undefined}>
                  <th scope="row" className="heatmap__target">
                    <TargetName target={target.target} />
                    {change.changed ? (
                      <span className="visually-hidden"> ({t('analysis.compare.changed')})</span>
                    ) : null}
                  </th>
                  <ChangeCell {...change.overall} level={target.overall.level} />
                  {audienceGroupList.map((g) => (
                    <ChangeCell key={g} {...change.byAudience[g]} level={target.byAudience[g].level} />
                  ))}
                  <td className="heatmap__gaps">
                    {change.gapsClosed.map((gap) => (
                      <Tag key={`c-${gap}`} data-color="success" data-size="sm">
                        {t('analysis.compare.closed', { gap: t(gapKey(gap)) })}
                      </Tag>
                    ))}
                    {change.gapsOpened.map((gap) => (
                      <Tag key={`o-${gap}`} data-color="danger" data-size="sm">
                        {t('analysis.compare.opened', { gap: t(gapKey(gap)) })}
                      </Tag>
                    ))}
                    {target.gaps
                      .filter((gap) => !change.gapsOpened.includes(gap))
                      .map((gap) => (
                        <Tag key={`s-${gap}`} data-color="warning" data-size="sm">
                          {t(gapKey(gap))}
                        </Tag>
                      ))}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
