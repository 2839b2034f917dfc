/**
 * Who is responsible for what, as a matrix: measures (rows, grouped by area) × actors (columns). A measure whose
 * responsibility is not placed spans the row with a visible gap marker instead of being left blank.
 */
import { useId } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import { useT } from '../../i18n/i18n.js';
import type { AreaView, ResponsibilityMatrixView } from './catalogue-api.js';
import { UnplacedTag } from './MeasureBits.js';
import { measureHref } from './MeasureResults.js';

export function ResponsibilityMatrix({
  matrix,
  areas,
}: {
  matrix: ResponsibilityMatrixView;
  areas: readonly AreaView[];
}) {
  const t = useT();
  const captionId = useId();
  const columns = matrix.actors;
  return (
    <div className="matrix-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="matrix">
        <caption id={captionId}>{t('actors.matrixCaption')}</caption>
        <thead>
          <tr>
            <th scope="col" className="matrix__corner">
              {t('measure.title')}
            </th>
            {columns.map((actor) => (
              <th key={actor.id} scope="col" className="matrix__actor">
                <RouterLink to={`/actors/${encodeURIComponent(actor.id)}`} title={actor.name} lang="nb">
                  <span>{actor.shortName}</span>
                </RouterLink>
              </th>
            ))}
          </tr>
        </thead>
        {areas.map((area) => {
          const rows = matrix.measures.filter((m) => m.areaId === area.id);
          if (rows.length === 0) return null;
          return (
            <tbody key={area.id}>
              <tr className="matrix__group">
                <th scope="colgroup" colSpan={columns.length + 1} lang="nb">
                  {area.id} {area.name}
                </th>
              </tr>
              {rows.map((measure) => (
                <tr
                  key={measure.id}
                  className={measure.actorIds.length === 0 ? 'matrix__row matrix__row--gap' : 'matrix__row'}
                >
                  <th scope="row" className="matrix__measure">
                    <RouterLink to={measureHref(measure.id)} className="matrix__measure-link">
                      <span className="matrix__measure-id">{measure.id}</span> <span lang="nb">{measure.title}</span>
                    </RouterLink>
                  </th>
                  {measure.actorIds.length === 0 ? (
                    <td colSpan={columns.length} className="matrix__gap">
                      <UnplacedTag />
                    </td>
                  ) : (
                    columns.map((actor) => {
                      const responsible = measure.actorIds.includes(actor.id);
                      return (
                        <td key={actor.id} className={responsible ? 'matrix__cell matrix__cell--yes' : 'matrix__cell'}>
                          {responsible ? (
                            <>
                              <span className="matrix__dot" aria-hidden="true" />
                              <span className="visually-hidden">
                                {t('actors.responsibleMark', { actor: actor.shortName })}
                              </span>
                            </>
                          ) : null}
                        </td>
                      );
                    })
                  )}
                </tr>
              ))}
            </tbody>
          );
        })}
      </table>
    </div>
  );
}
