import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { AllocationSeries } from '../pages/adAllocations';

// distinguishable for the usual colour-vision deficiencies (Okabe-Ito), repeated beyond eight campaigns
const COLOURS = ['#0072b2', '#e69f00', '#009e73', '#cc79a7', '#56b4e9', '#d55e00', '#000000', '#f0e442'];

/** Every campaign's allocated daily budget as step lines over the allocator's rounds; loaded with its page. */
export default function AllocationSeriesChart({ series, format }: { series: AllocationSeries; format: (value: number) => string }) {
  const when = (t: number) => new Date(t).toISOString().slice(5, 16).replace('T', ' ');
  return (
    <div
      style={{ width: '100%', height: 280 }}
      role="img"
      aria-label={`Allocated daily budget over time of ${series.campaigns.map((c) => c.name).join(', ')}`}
    >
      <ResponsiveContainer>
        <LineChart data={series.rows} margin={{ top: 8, right: 16, bottom: 8, left: 16 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="time" type="number" scale="time" domain={['dataMin', 'dataMax']} tickFormatter={when} />
          <YAxis tickFormatter={(v: number) => format(v)} width={90} />
          <Tooltip formatter={(v) => format(Number(v))} labelFormatter={(t) => `${when(Number(t))} UTC`} />
          <Legend formatter={(value) => <span className="legend-text">{value}</span>} />
          {series.campaigns.map((c, i) => (
            <Line
              key={c.id}
              type="stepAfter"
              dataKey={c.id}
              name={c.name}
              stroke={COLOURS[i % COLOURS.length]}
              dot={false}
              connectNulls
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
