/**
 * Measures per area as a stacked bar chart (recharts). The picture is for sighted readers; the same numbers are
 * in the table next to it, so the chart itself is one image with a text summary for screen readers.
 */
import { Bar, BarChart, CartesianGrid, LabelList, Legend, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import { useT } from '../../i18n/i18n.js';
import type { AreaCount } from './area-counts.js';

// Theme colours (accent and brand1 base) with enough contrast against white for graphics (WCAG 1.4.11).
const colours = { existing: '#0062ba', new: '#0d7a5f' };

export default function AreaChart({ counts, summary }: { counts: readonly AreaCount[]; summary: string }) {
  const t = useT();
  const data = counts.map((c) => ({ ...c, label: c.id }));
  return (
    <div className="area-chart" role="img" aria-label={summary}>
      <ResponsiveContainer width="100%" height={300}>
        <BarChart data={data} margin={{ top: 16, right: 16, bottom: 8, left: 0 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#d9dadb" />
          <XAxis
            dataKey="label"
            tickFormatter={(id: string) => t('areas.chartTick', { id })}
            tick={{ fill: '#292c30' }}
          />
          <YAxis allowDecimals={false} tick={{ fill: '#292c30' }} width={36} />
          <Legend wrapperStyle={{ color: '#292c30' }} />
          <Bar
            dataKey="existing"
            name={t('measure.kind.existing')}
            stackId="kind"
            fill={colours.existing}
            isAnimationActive={false}
          >
            <LabelList
              dataKey="existing"
              position="center"
              fill="#ffffff"
              formatter={(v: unknown) => (Number(v) > 0 ? String(v) : '')}
            />
          </Bar>
          <Bar dataKey="new" name={t('measure.kind.new')} stackId="kind" fill={colours.new} isAnimationActive={false}>
            <LabelList
              dataKey="new"
              position="center"
              fill="#ffffff"
              formatter={(v: unknown) => (Number(v) > 0 ? String(v) : '')}
            />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
