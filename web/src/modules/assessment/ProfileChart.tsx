/**
 * The maturity profile as bars: the current level per category beside the target (and, when given, the peer group).
 * The picture is one image with a text summary for screen readers; the same numbers are in the table next to it.
 */
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import { useT } from '../../i18n/i18n.js';

export interface ProfileRow {
  label: string;
  current: number | null;
  target: number | null;
  peers?: number | null;
}

// Theme colours with enough contrast against white for graphics (WCAG 1.4.11).
const colours = { current: '#0062ba', target: '#9ea7b3', peers: '#0d7a5f' };

export default function ProfileChart({
  rows,
  summary,
  max = 5,
}: {
  rows: readonly ProfileRow[];
  summary: string;
  max?: number;
}) {
  const t = useT();
  const height = Math.max(220, rows.length * (rows.some((r) => r.peers !== undefined) ? 42 : 34) + 60);
  return (
    <div className="asm-chart" role="img" aria-label={summary}>
      <ResponsiveContainer width="100%" height={height}>
        <BarChart
          data={[...rows]}
          layout="vertical"
          margin={{ top: 8, right: 24, bottom: 8, left: 8 }}
          accessibilityLayer={false}
        >
          <CartesianGrid strokeDasharray="3 3" horizontal={false} stroke="#d9dadb" />
          <XAxis
            type="number"
            domain={[0, max]}
            ticks={Array.from({ length: max + 1 }, (_, i) => i)}
            tick={{ fill: '#292c30' }}
          />
          <YAxis type="category" dataKey="label" width={190} tick={{ fill: '#292c30', fontSize: 13 }} />
          <Legend wrapperStyle={{ color: '#292c30' }} />
          <Bar
            dataKey="current"
            name={t('assessment.chart.current')}
            fill={colours.current}
            isAnimationActive={false}
          />
          <Bar dataKey="target" name={t('assessment.chart.target')} fill={colours.target} isAnimationActive={false} />
          {rows.some((r) => r.peers !== undefined) ? (
            <Bar dataKey="peers" name={t('assessment.chart.peers')} fill={colours.peers} isAnimationActive={false} />
          ) : null}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
