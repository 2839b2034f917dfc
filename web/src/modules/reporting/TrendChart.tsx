/**
 * The share of measures in operation or completed, year by year, for the whole sector and each area (recharts).
 * The same numbers are in the table beside it; the chart is one image with a text summary.
 */
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

export interface TrendSeries {
  readonly key: string;
  readonly name: string;
  readonly colour: string;
  readonly points: readonly { readonly year: number; readonly value: number | null }[];
}

export default function TrendChart({ series, summary }: { series: readonly TrendSeries[]; summary: string }) {
  const years = [...new Set(series.flatMap((s) => s.points.map((p) => p.year)))].sort((a, b) => a - b);
  const data = years.map((year) => ({
    year: String(year),
    ...Object.fromEntries(series.map((s) => [s.key, s.points.find((p) => p.year === year)?.value ?? null])),
  }));
  return (
    <div className="rep-chart" role="img" aria-label={summary}>
      <ResponsiveContainer width="100%" height={300}>
        <LineChart data={data} margin={{ top: 8, right: 24, bottom: 8, left: 0 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" stroke="#d9dadb" />
          <XAxis dataKey="year" tick={{ fill: '#292c30' }} />
          <YAxis domain={[0, 100]} unit=" %" tick={{ fill: '#292c30' }} width={56} />
          <Tooltip />
          <Legend wrapperStyle={{ color: '#292c30' }} itemSorter={null} />
          {series.map((s, i) => (
            <Line
              key={s.key}
              dataKey={s.key}
              name={s.name}
              stroke={s.colour}
              strokeWidth={i === 0 ? 3 : 2}
              strokeDasharray={i === 0 ? undefined : `${2 + i * 2} 3`}
              dot={{ r: 4 }}
              connectNulls={false}
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
