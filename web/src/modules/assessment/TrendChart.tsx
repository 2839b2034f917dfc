/** A value year by year as a line (gaps where the value is hidden); one image with a text summary for screen readers. */
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

export default function TrendChart({
  points,
  name,
  max,
  summary,
}: {
  points: { label: string; value: number | null }[];
  name: string;
  max: number;
  summary: string;
}) {
  return (
    <div className="asm-chart" role="img" aria-label={`${name}: ${summary}`}>
      <ResponsiveContainer width="100%" height={240}>
        <LineChart data={points} margin={{ top: 16, right: 24, bottom: 8, left: 0 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" stroke="#d9dadb" />
          <XAxis dataKey="label" tick={{ fill: '#292c30' }} />
          <YAxis domain={[0, max]} tick={{ fill: '#292c30' }} width={40} />
          <Tooltip />
          <Line
            type="monotone"
            dataKey="value"
            name={name}
            stroke="#0062ba"
            strokeWidth={3}
            dot={{ r: 5 }}
            connectNulls={false}
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
