/**
 * Approved reports by status for a set of groups (areas, actors or years), as horizontal stacked bars (recharts).
 * The numbers are also in a table beside the chart, so the chart is one image with a text summary.
 */
import { Bar, BarChart, CartesianGrid, LabelList, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useT } from '../../i18n/i18n.js';
import { statusColours, statusKey } from './labels.js';
import { implementationStatuses, type ImplementationStatus } from './reporting-api.js';

export interface StatusGroup {
  readonly label: string;
  readonly counts: Record<ImplementationStatus, number>;
}

const hideZero = (value: unknown) => (Number(value) > 0 ? String(value) : '');

export default function StatusBarChart({
  groups,
  summary,
  labelWidth = 160,
}: {
  groups: readonly StatusGroup[];
  summary: string;
  labelWidth?: number;
}) {
  const t = useT();
  const data = groups.map((g) => ({ label: g.label, ...g.counts }));
  return (
    <div className="rep-chart" role="img" aria-label={summary}>
      <ResponsiveContainer width="100%" height={Math.max(160, 44 * groups.length + 70)}>
        <BarChart
          data={data}
          layout="vertical"
          margin={{ top: 8, right: 24, bottom: 8, left: 8 }}
          accessibilityLayer={false}
        >
          <CartesianGrid strokeDasharray="3 3" horizontal={false} stroke="#d9dadb" />
          <XAxis type="number" allowDecimals={false} tick={{ fill: '#292c30' }} />
          <YAxis type="category" dataKey="label" width={labelWidth} tick={{ fill: '#292c30', fontSize: 13 }} />
          <Tooltip />
          <Legend wrapperStyle={{ color: '#292c30' }} itemSorter={null} />
          {implementationStatuses.map((status) => (
            <Bar
              key={status}
              dataKey={status}
              name={t(statusKey(status))}
              stackId="status"
              fill={statusColours[status]}
              isAnimationActive={false}
            >
              <LabelList dataKey={status} position="center" fill="#ffffff" formatter={hideZero} />
            </Bar>
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
