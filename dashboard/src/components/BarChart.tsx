import { Bar, BarChart as RechartsBarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

/** A bar chart of one value per key; loaded with the page that shows it so the shell stays small. */
export default function BarChart({
  data,
  valueLabel,
  format,
}: {
  data: { key: string; value: number }[];
  valueLabel: string;
  format: (value: number) => string;
}) {
  return (
    <div style={{ width: '100%', height: 240 }} role="img" aria-label={`${valueLabel} by ${data.map((d) => d.key).join(', ')}`}>
      <ResponsiveContainer>
        <RechartsBarChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 16 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="key" />
          <YAxis tickFormatter={(v: number) => format(v)} width={90} />
          <Tooltip formatter={(v) => format(Number(v))} />
          <Bar dataKey="value" name={valueLabel} fill="#2f5fa7" isAnimationActive={false} />
        </RechartsBarChart>
      </ResponsiveContainer>
    </div>
  );
}
