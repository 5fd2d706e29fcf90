import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

const COLOURS = ['#1d4ed8', '#b45309', '#15803d', '#7c3aed', '#be123c', '#0e7490'];

/** Share correct per day, one line per cohort. */
export function CohortChart({ days, cohorts }: { days: Record<string, string | number | null>[]; cohorts: string[] }) {
  return (
    <div className="chart" style={{ height: 280 }}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart title="Share correct per day by cohort" data={days} margin={{ left: 0, right: 16, top: 8, bottom: 8 }}>
          <CartesianGrid stroke="#e2e8f0" />
          <XAxis dataKey="day" tick={{ fontSize: 12 }} minTickGap={16} />
          <YAxis domain={[0, 100]} unit=" %" width={56} tick={{ fontSize: 12 }} />
          <Tooltip itemStyle={{ color: '#0f172a' }} formatter={(value, name) => [`${value} %`, String(name)]} />
          <Legend formatter={(value) => <span className="legend-text">{value}</span>} />
          {cohorts.map((c, i) => <Line key={c} dataKey={c} stroke={COLOURS[i % COLOURS.length]} strokeWidth={2} connectNulls isAnimationActive={false} />)}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
