/**
 * The run's pictures: how the scores of all (user, patient) pairs are spread, and explained against unexplained
 * lookups per day (recharts). Each is one image with a text summary; the numbers are in a table beside it.
 */
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { RunView } from './log-review-api.js';
import { useLogT } from './use-log-t.js';

type Summary = NonNullable<RunView['summary']>;

export default function RunCharts({ summary }: { summary: Summary }) {
  const i = useLogT();
  const { t } = i;
  const low = summary.histogram[0]?.pairs ?? 0;
  const bins = summary.histogram
    .slice(1)
    .map((b) => ({ label: `${b.from.toFixed(2)}–${b.to.toFixed(2)}`, pairs: b.pairs }));
  const flagged = bins.reduce((s, b) => s + b.pairs, 0);
  const days = summary.daily.map((d) => ({ label: i.date(d.day), explained: d.explained, unexplained: d.unexplained }));
  const unexplained = summary.daily.reduce((s, d) => s + d.unexplained, 0);
  return (
    <div className="lr-charts">
      <figure className="lr-figure">
        <figcaption>
          <strong>{t('charts.scores')}</strong>{' '}
          {t('charts.scoresNote', { low: i.number(low), flagged: i.number(flagged) })}
        </figcaption>
        <div role="img" aria-label={t('charts.scoresSummary', { low: i.number(low), flagged: i.number(flagged) })}>
          <ResponsiveContainer width="100%" height={240}>
            <BarChart data={bins} margin={{ top: 8, right: 16, bottom: 8, left: 8 }} accessibilityLayer={false}>
              <CartesianGrid strokeDasharray="3 3" stroke="#d9dadb" />
              <XAxis dataKey="label" tick={{ fill: '#292c30', fontSize: 11 }} interval={1} />
              <YAxis allowDecimals={false} tick={{ fill: '#292c30' }} scale="sqrt" domain={[0, 'auto']} />
              <Tooltip />
              <Bar dataKey="pairs" name={t('charts.pairs')} fill="#1f5f8b" isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        </div>
      </figure>
      <figure className="lr-figure">
        <figcaption>
          <strong>{t('charts.daily')}</strong>{' '}
          {t('charts.dailyNote', { share: i.percent(summary.explainedShare), unexplained: i.number(unexplained) })}
        </figcaption>
        <div
          role="img"
          aria-label={t('charts.dailySummary', { days: days.length, share: i.percent(summary.explainedShare) })}
        >
          <ResponsiveContainer width="100%" height={260}>
            <BarChart data={days} margin={{ top: 8, right: 16, bottom: 8, left: 8 }} accessibilityLayer={false}>
              <CartesianGrid strokeDasharray="3 3" stroke="#d9dadb" />
              <XAxis dataKey="label" tick={{ fill: '#292c30', fontSize: 11 }} />
              <YAxis yAxisId="all" allowDecimals={false} tick={{ fill: '#292c30' }} />
              <YAxis yAxisId="unexplained" orientation="right" allowDecimals={false} tick={{ fill: '#8a2c1c' }} />
              <Tooltip />
              <Legend wrapperStyle={{ color: '#292c30' }} />
              <Bar
                yAxisId="all"
                dataKey="explained"
                name={t('charts.explained')}
                fill="#2e7d4f"
                isAnimationActive={false}
              />
              <Bar
                yAxisId="unexplained"
                dataKey="unexplained"
                name={t('charts.unexplained')}
                fill="#b3261e"
                isAnimationActive={false}
              />
            </BarChart>
          </ResponsiveContainer>
        </div>
      </figure>
    </div>
  );
}
