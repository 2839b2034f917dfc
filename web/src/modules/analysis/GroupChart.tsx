/**
 * How many principles each audience group has at each coverage level, as a stacked bar chart (recharts). The
 * numbers are in the heatmap and in the text summary, so the chart is one image with that summary as its name.
 */
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import { useI18n } from '../../i18n/i18n.js';
import type { CoverageLevel, TargetCoverage } from './analysis-api.js';
import { groupCounts, levelOrder as levels } from './group-counts.js';
import { groupKey, levelKey } from './labels.js';

// Darker versions of the heatmap colours, for bars on white (graphics contrast 3:1, WCAG 1.4.11).
const colours: Record<CoverageLevel, string> = {
  none: '#b3261e',
  low: '#b35c00',
  partial: '#8a6d00',
  covered: '#1e7a3c',
};

export default function GroupChart({ targets, summary }: { targets: readonly TargetCoverage[]; summary: string }) {
  const { t } = useI18n();
  const data = groupCounts(targets).map((row) => ({ ...row, label: t(groupKey(row.group)) }));
  return (
    <div className="group-chart" role="img" aria-label={summary}>
      <ResponsiveContainer width="100%" height={260}>
        <BarChart
          data={data}
          layout="vertical"
          margin={{ top: 8, right: 16, bottom: 8, left: 8 }}
          accessibilityLayer={false}
        >
          <CartesianGrid strokeDasharray="3 3" horizontal={false} stroke="#d9dadb" />
          <XAxis type="number" allowDecimals={false} domain={[0, targets.length]} tick={{ fill: '#292c30' }} />
          <YAxis type="category" dataKey="label" tick={{ fill: '#292c30', fontSize: 14 }} width={130} />
          <Legend wrapperStyle={{ color: '#292c30' }} />
          {levels.map((level) => (
            <Bar
              key={level}
              dataKey={level}
              name={t(levelKey(level))}
              stackId="level"
              fill={colours[level]}
              isAnimationActive={false}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
