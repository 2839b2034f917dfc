/** The pages of one dataset, as a row of links under the page header. */
import { NavLink } from 'react-router-dom';
import { useLogT } from './use-log-t.js';

export function DatasetNav({ datasetId }: { datasetId: string }) {
  const { t } = useLogT();
  const base = `/log-review/datasets/${datasetId}`;
  const links = [
    { to: base, label: t('nav.overview'), end: true },
    { to: `${base}/cases`, label: t('nav.cases') },
    { to: `${base}/report`, label: t('nav.report') },
    { to: `${base}/patient-log`, label: t('nav.patientLog') },
    { to: '/log-review/rules', label: t('nav.rules') },
  ];
  return (
    <nav aria-label={t('nav.label')} className="lr-subnav">
      <ul>
        {links.map((l) => (
          <li key={l.to}>
            <NavLink to={l.to} end={l.end}>
              {l.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
