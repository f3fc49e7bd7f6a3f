import { Area, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ForecastDay } from '../api/types';
import { formatNumber } from '../format';

interface Point {
  date: string;
  actual?: number;
  expected?: number;
  band95?: [number, number];
  band80?: [number, number];
}

/** Actual and forecast days on one time axis, oldest first; a day may have both. */
export function demandSeries(actuals: { date: string; units: number }[], days: ForecastDay[]): Point[] {
  const byDate = new Map<string, Point>();
  actuals.forEach((a) => byDate.set(a.date, { date: a.date, actual: a.units }));
  days.forEach((d) =>
    byDate.set(d.date, {
      ...(byDate.get(d.date) ?? { date: d.date }),
      expected: d.expected,
      band95: [d.lower_95, d.upper_95],
      band80: [d.lower_80, d.upper_80],
    }),
  );
  return [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date));
}

/**
 * Expected daily units with the 95% band under the 80% band, and the units actually ordered when given;
 * loaded with the page that shows it.
 */
export default function ForecastChart({
  days,
  sku,
  actuals = [],
}: {
  days: ForecastDay[];
  sku: string;
  actuals?: { date: string; units: number }[];
}) {
  const data = demandSeries(actuals, days);
  const what = days.length ? 'Demand forecast' : 'Demand';
  return (
    <div
      style={{ width: '100%', height: 300 }}
      role="img"
      aria-label={`${what} of ${sku}${days.length ? ' with 80% and 95% intervals' : ''}${actuals.length ? ' and actual units ordered' : ''}`}
    >
      <ResponsiveContainer>
        <ComposedChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="date" />
          <YAxis tickFormatter={(v: number) => formatNumber(v, undefined, 0)} />
          <Tooltip
            formatter={(v) => (Array.isArray(v) ? v.map((x) => formatNumber(Number(x), undefined, 1)).join(' – ') : formatNumber(Number(v), undefined, 1))}
          />
          <Legend formatter={(value) => <span className="legend-text">{value}</span>} />
          {days.length > 0 && <Area dataKey="band95" name="95% interval" fill="#cfdcf2" stroke="none" isAnimationActive={false} />}
          {days.length > 0 && <Area dataKey="band80" name="80% interval" fill="#9db8e3" stroke="none" isAnimationActive={false} />}
          {days.length > 0 && <Line dataKey="expected" name="Expected units" stroke="#14243d" dot={false} isAnimationActive={false} />}
          {actuals.length > 0 && (
            <Line dataKey="actual" name="Units ordered" stroke="#b3471d" dot={false} connectNulls={false} isAnimationActive={false} />
          )}
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
