import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

export interface BudgetPoint {
  at: string;
  own: number | null;
  allocated: number | null;
}

/** A campaign's own and allocated daily budget as step lines over time; loaded with the page that shows it. */
export default function AllocationChart({ points, format }: { points: BudgetPoint[]; format: (value: number) => string }) {
  // a time axis: changes hours apart and days apart are drawn at their distance
  const data = points.map((p) => ({ ...p, time: Date.parse(p.at) }));
  const when = (t: number) => new Date(t).toISOString().slice(5, 16).replace('T', ' ');
  return (
    <div style={{ width: '100%', height: 260 }} role="img" aria-label="Daily budget and the allocator's share over time">
      <ResponsiveContainer>
        <LineChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 16 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="time" type="number" scale="time" domain={['dataMin', 'dataMax']} tickFormatter={when} />
          <YAxis tickFormatter={(v: number) => format(v)} width={90} />
          <Tooltip formatter={(v) => format(Number(v))} labelFormatter={(t) => `${when(Number(t))} UTC`} />
          <Legend formatter={(value) => <span className="legend-text">{value}</span>} />
          <Line type="stepAfter" dataKey="own" name="Daily budget" stroke="#8a94a3" dot={false} connectNulls isAnimationActive={false} />
          <Line type="stepAfter" dataKey="allocated" name="Allocated daily budget" stroke="#1f4f96" connectNulls isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
