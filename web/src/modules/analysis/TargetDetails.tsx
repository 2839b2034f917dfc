/** Each target with the measures linked to it: strength and the one-line reason, in the reader's language. */
import { Details, Paragraph } from '@digdir/designsystemet-react';
import { Link as RouterLink } from 'react-router-dom';
import { useI18n } from '../../i18n/i18n.js';
import type { CoverageReport, TargetCoverage } from './analysis-api.js';
import { formatScore, levelKey, pick, strengthKey } from './labels.js';

export function TargetDetails({
  report,
  targets,
  anchorPrefix,
  measureHref,
}: {
  report: CoverageReport;
  targets: readonly TargetCoverage[];
  anchorPrefix: string;
  measureHref?: (measureId: string) => string | null;
}) {
  const { t, locale } = useI18n();
  const titleOf = (id: string) => report.measures.find((m) => m.id === id)?.title ?? id;
  return (
    <div className="target-details">
      {targets.map((target) => {
        const title = pick(target.target.title, locale);
        const description = target.target.description ? pick(target.target.description, locale) : null;
        return (
          <Details key={target.target.id} id={`${anchorPrefix}-${target.target.id}`}>
            <Details.Summary>
              {target.target.code} <span lang={title.lang}>{title.text}</span> —{' '}
              {formatScore(target.overall.score, locale)} {t(levelKey(target.overall.level))}
            </Details.Summary>
            <Details.Content>
              {description ? (
                <Paragraph data-size="sm" lang={description.lang}>
                  {description.text}
                </Paragraph>
              ) : null}
              {target.links.length === 0 ? (
                <Paragraph data-size="sm">{t('analysis.details.noLinks')}</Paragraph>
              ) : (
                <ul className="link-reasons">
                  {target.links.map((link) => {
                    const reason = pick(link.rationale, locale);
                    const href = measureHref?.(link.measureId) ?? null;
                    const name = (
                      <>
                        {link.measureId} <span lang="nb">{titleOf(link.measureId)}</span>
                      </>
                    );
                    return (
                      <li key={link.measureId}>
                        <span className={`strength-tag strength-tag--${link.strength}`}>
                          {t(strengthKey(link.strength))}
                        </span>{' '}
                        {href ? <RouterLink to={href}>{name}</RouterLink> : name}
                        <br />
                        <span className="muted" lang={reason.lang}>
                          {reason.text}
                        </span>
                      </li>
                    );
                  })}
                </ul>
              )}
            </Details.Content>
          </Details>
        );
      })}
    </div>
  );
}
