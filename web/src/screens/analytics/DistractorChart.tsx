import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

export interface GroupRow {
  option: string;
  lower: number;
  middle: number;
  upper: number;
}

const COLOURS = { lower: '#64748b', middle: '#60a5fa', upper: '#1e3a8a' };

/** For each option, the share of the lower, middle and upper group that picked it, as grouped columns. */
export function DistractorChart({ rows, keyLabel }: { rows: GroupRow[]; keyLabel: string | null }) {
  return (
    <div className="chart" style={{ height: 260 }}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart title="Share of each ability group that picked each option" data={rows} margin={{ left: 0, right: 16, top: 8, bottom: 8 }}>
          <CartesianGrid vertical={false} stroke="#e2e8f0" />
          <XAxis dataKey="option" tick={{ fontSize: 12 }} tickFormatter={(o: string) => (o === keyLabel ? `${o} (key)` : o)} />
          <YAxis domain={[0, 100]} unit=" %" width={56} tick={{ fontSize: 12 }} />
          <Tooltip itemStyle={{ color: '#0f172a' }} formatter={(value, name) => [`${value} %`, `${name} group`]} />
          <Legend formatter={(value) => <span className="legend-text">{value}</span>} />
          {(['lower', 'middle', 'upper'] as const).map((g) => (
            <Bar key={g} dataKey={g} name={g} fill={COLOURS[g]} isAnimationActive={false} radius={[3, 3, 0, 0]} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
