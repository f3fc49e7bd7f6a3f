import { Area, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ForecastDay } from '../api/types';
import { formatNumber } from '../format';

/** Expected daily units with the 95% band under the 80% band; loaded with the page that shows it. */
export default function ForecastChart({ days, sku }: { days: ForecastDay[]; sku: string }) {
  const data = days.map((d) => ({
    date: d.date,
    expected: d.expected,
    band95: [d.lower_95, d.upper_95],
    band80: [d.lower_80, d.upper_80],
  }));
  return (
    <div style={{ width: '100%', height: 300 }} role="img" aria-label={`Demand forecast of ${sku} with 80% and 95% intervals`}>
      <ResponsiveContainer>
        <ComposedChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="date" />
          <YAxis tickFormatter={(v: number) => formatNumber(v, undefined, 0)} />
          <Tooltip
            formatter={(v) => (Array.isArray(v) ? v.map((x) => formatNumber(Number(x), undefined, 1)).join(' – ') : formatNumber(Number(v), undefined, 1))}
          />
          <Legend formatter={(value) => <span className="legend-text">{value}</span>} />
          <Area dataKey="band95" name="95% interval" fill="#cfdcf2" stroke="none" isAnimationActive={false} />
          <Area dataKey="band80" name="80% interval" fill="#9db8e3" stroke="none" isAnimationActive={false} />
          <Line dataKey="expected" name="Expected units" stroke="#14243d" dot={false} isAnimationActive={false} />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
