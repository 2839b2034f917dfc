/** One indicator across groups as bars; hidden groups have no bar. One image with a text summary for screen readers. */
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, XAxis, YAxis } from 'recharts';

export default function IndicatorChart({
  bars,
  max,
  summary,
}: {
  bars: { label: string; value: number | null }[];
  max: number;
  summary: string;
}) {
  const height = Math.max(200, bars.length * 32 + 40);
  return (
    <div className="asm-chart" role="img" aria-label={summary}>
      <ResponsiveContainer width="100%" height={height}>
        <BarChart
          data={bars}
          layout="vertical"
          margin={{ top: 8, right: 24, bottom: 8, left: 8 }}
          accessibilityLayer={false}
        >
          <CartesianGrid strokeDasharray="3 3" horizontal={false} stroke="#d9dadb" />
          <XAxis type="number" domain={[0, max]} tick={{ fill: '#292c30' }} />
          <YAxis type="category" dataKey="label" width={220} tick={{ fill: '#292c30', fontSize: 13 }} />
          <Bar dataKey="value" fill="#0062ba" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
