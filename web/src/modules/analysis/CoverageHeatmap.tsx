/**
 * The coverage heatmap: targets (principles, goals or strategic areas) down, coverage overall, per audience group
 * and per kind across. Each cell shows its score and level in text; the colour repeats the level for a quick look.
 */
import { Tag } from '@digdir/designsystemet-react';
import { Fragment, useId } from 'react';
import { useI18n } from '../../i18n/i18n.js';
import { audienceGroupList, type CoverageLevel, type TargetCoverage } from './analysis-api.js';
import { formatScore, gapKey, groupKey, levelKey, pick } from './labels.js';

export function HeatCell({ score, level }: { score: number; level: CoverageLevel }) {
  const { t, locale } = useI18n();
  return (
    <td className={`heat heat--${level}`}>
      <span className="heat__score">{formatScore(score, locale)}</span>
      <span className="heat__level">{t(levelKey(level))}</span>
    </td>
  );
}

export function TargetName({ target, anchorPrefix }: { target: TargetCoverage['target']; anchorPrefix?: string }) {
  const { locale } = useI18n();
  const title = pick(target.title, locale);
  const name = (
    <>
      <span className="heatmap__code">{target.code}</span> <span lang={title.lang}>{title.text}</span>
    </>
  );
  return anchorPrefix ? <a href={`#${anchorPrefix}-${target.id}`}>{name}</a> : name;
}

export function CoverageHeatmap({
  targets,
  caption,
  anchorPrefix,
}: {
  targets: readonly TargetCoverage[];
  caption: string;
  /** When given, names link to the target's details at `#<prefix>-<id>`. */
  anchorPrefix?: string;
}) {
  const { t, locale } = useI18n();
  const captionId = useId();
  const groups: { id: string; title: { nb: string; en?: string } | null; rows: TargetCoverage[] }[] = [];
  for (const target of targets) {
    const groupId = target.target.group?.id ?? '';
    const last = groups.at(-1);
    if (last && last.id === groupId) last.rows.push(target);
    else groups.push({ id: groupId, title: target.target.group?.title ?? null, rows: [target] });
  }
  const columns = 1 + audienceGroupList.length + 2 + 1;
  return (
    <div className="matrix-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="heatmap">
        <caption id={captionId}>{caption}</caption>
        <thead>
          <tr>
            <td />
            <th scope="col">{t('analysis.heatmap.overall')}</th>
            {audienceGroupList.map((g) => (
              <th key={g} scope="col">
                {t(groupKey(g))}
              </th>
            ))}
            <th scope="col">{t('analysis.heatmap.existing')}</th>
            <th scope="col">{t('analysis.heatmap.new')}</th>
            <th scope="col">{t('analysis.heatmap.gaps')}</th>
          </tr>
        </thead>
        <tbody>
          {groups.map((group) => (
            <Fragment key={group.id || 'all'}>
              {group.title ? (
                <tr className="heatmap__group">
                  <th scope="colgroup" colSpan={columns + 1}>
                    {group.id} {pick(group.title, locale).text}
                  </th>
                </tr>
              ) : null}
              {group.rows.map((row) => (
                <tr key={row.target.id}>
                  <th scope="row" className="heatmap__target">
                    <TargetName target={row.target} {...(anchorPrefix ? { anchorPrefix } : {})} />
                  </th>
                  <HeatCell score={row.overall.score} level={row.overall.level} />
                  {audienceGroupList.map((g) => (
                    <HeatCell key={g} score={row.byAudience[g].score} level={row.byAudience[g].level} />
                  ))}
                  <HeatCell score={row.byKind.existing.score} level={row.byKind.existing.level} />
                  <HeatCell score={row.byKind.new.score} level={row.byKind.new.level} />
                  <td className="heatmap__gaps">
                    {row.gaps.map((gap) => (
                      <Tag key={gap} data-color="warning" data-size="sm">
                        {t(gapKey(gap))}
                      </Tag>
                    ))}
                  </td>
                </tr>
              ))}
            </Fragment>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function HeatLegend() {
  const { t } = useI18n();
  const levels: CoverageLevel[] = ['none', 'low', 'partial', 'covered'];
  return (
    <ul className="heat-legend" aria-label={t('analysis.legend.label')}>
      {levels.map((level) => (
        <li key={level}>
          <span className={`heat-legend__swatch heat--${level}`} aria-hidden="true" />
          {t(levelKey(level))}: {t(`analysis.legend.${level}`)}
        </li>
      ))}
    </ul>
  );
}
