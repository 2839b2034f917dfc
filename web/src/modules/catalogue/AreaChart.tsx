/**
 * Measures per area as a stacked bar chart (recharts). The picture is for sighted readers; the same numbers are
 * in the table next to it, so the chart itself is one image with a text summary for screen readers.
 */
import { Bar, BarChart, CartesianGrid, LabelList, Legend, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import { useT } from '../../i18n/i18n.js';
import type { AreaCount } from './area-counts.js';

// Theme colours (accent and brand1 base) with enough contrast against white for graphics (WCAG 1.4.11).
const colours = { existing: '#0062ba', new: '#0d7a5f' };
const hideZero = (value: unknown) => (Number(value) > 0 ? String(value) : '');

export default function AreaChart({ counts, summary }: { counts: readonly AreaCount[]; summary: string }) {
  const t = useT();
  const data = counts.map((c) => ({ ...c, label: c.id }));
  return (
    <div className="area-chart" role="img" aria-label={summary}>
      <ResponsiveContainer width="100%" height={300}>
        <BarChart
          data={data}
          layout="vertical"
          margin={{ top: 8, right: 24, bottom: 8, left: 8 }}
          barCategoryGap="22%"
          accessibilityLayer={false}
        >
          <CartesianGrid strokeDasharray="3 3" horizontal={false} stroke="#d9dadb" />
          <XAxis type="number" allowDecimals={false} tick={{ fill: '#292c30' }} />
          <YAxis
            type="category"
            dataKey="label"
            width={88}
            tickFormatter={(id: string) => t('areas.chartTick', { id })}
            tick={{ fill: '#292c30' }}
          />
          <Legend wrapperStyle={{ color: '#292c30' }} />
          <Bar
            dataKey="existing"
            name={t('measure.kind.existing')}
            stackId="kind"
            fill={colours.existing}
            isAnimationActive={false}
          >
            <LabelList dataKey="existing" position="center" fill="#ffffff" formatter={hideZero} />
          </Bar>
          <Bar dataKey="new" name={t('measure.kind.new')} stackId="kind" fill={colours.new} isAnimationActive={false}>
            <LabelList dataKey="new" position="center" fill="#ffffff" formatter={hideZero} />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
