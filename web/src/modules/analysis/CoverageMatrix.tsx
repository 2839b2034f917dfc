/**
 * Targets × measures: which measure is linked to which principle (or goal, or strategic area), and how strongly.
 * Dots of three sizes show the strength; each cell also says it in words for screen readers.
 */
import { useId } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import { useI18n } from '../../i18n/i18n.js';
import type { CoverageReport, Strength, TargetCoverage } from './analysis-api.js';
import { TargetName } from './CoverageHeatmap.js';
import { strengthKey } from './labels.js';

export function StrengthDot({ strength, measureId }: { strength: Strength; measureId: string }) {
  const { t } = useI18n();
  return (
    <>
      <span className={`strength-dot strength-dot--${strength}`} aria-hidden="true" />
      <span className="visually-hidden">
        {t('analysis.matrix.cell', { measure: measureId, strength: t(strengthKey(strength)) })}
      </span>
    </>
  );
}

export function StrengthLegend() {
  const { t } = useI18n();
  return (
    <ul className="heat-legend" aria-label={t('analysis.matrix.legend')}>
      {(['strong', 'moderate', 'weak'] as const).map((s) => (
        <li key={s}>
          <span className={`strength-dot strength-dot--${s}`} aria-hidden="true" /> {t(strengthKey(s))}
        </li>
      ))}
    </ul>
  );
}

export function CoverageMatrix({
  report,
  targets,
  caption,
  measureHref,
}: {
  report: CoverageReport;
  targets: readonly TargetCoverage[];
  caption: string;
  /** Where a measure's column header links to (its mapping page); none for proposed measures. */
  measureHref?: (measureId: string) => string | null;
}) {
  const captionId = useId();
  const { t } = useI18n();
  return (
    <div className="matrix-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="matrix coverage-matrix">
        <caption id={captionId}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className="matrix__corner">
              {t('analysis.matrix.corner')}
            </th>
            {report.measures.map((m) => {
              const href = measureHref?.(m.id) ?? null;
              return (
                <th
                  key={m.id}
                  scope="col"
                  className={m.proposed ? 'matrix__actor coverage-matrix--proposed' : 'matrix__actor'}
                >
                  {href ? (
                    <RouterLink to={href} title={m.title} lang="nb">
                      <span>{m.id}</span>
                    </RouterLink>
                  ) : (
                    <span className="coverage-matrix__label" title={m.title}>
                      {m.id}
                    </span>
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {targets.map((target) => (
            <tr key={target.target.id} className="matrix__row">
              <th scope="row" className="matrix__measure">
                <TargetName target={target.target} />
              </th>
              {report.measures.map((m) => {
                const link = target.links.find((l) => l.measureId === m.id);
                return (
                  <td key={m.id} className="matrix__cell">
                    {link ? <StrengthDot strength={link.strength} measureId={m.id} /> : null}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
