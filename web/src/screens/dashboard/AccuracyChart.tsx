import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

export interface AccuracyRow {
  label: string;
  accuracy: number;
  attempts: number;
}

/** Share of correct answers per topic or blueprint code as horizontal bars (loaded on its own: the charting library stays out of the first screen's script). */
export default function AccuracyChart({ rows, title }: { rows: AccuracyRow[]; title: string }) {
  return (
    <div className="chart" style={{ height: Math.max(120, rows.length * 34 + 40) }}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart title={title} data={rows} layout="vertical" margin={{ left: 8, right: 24, top: 8, bottom: 8 }}>
          <CartesianGrid horizontal={false} stroke="#e2e8f0" />
          <XAxis type="number" domain={[0, 100]} unit=" %" tick={{ fontSize: 12 }} />
          <YAxis type="category" dataKey="label" width={160} tick={{ fontSize: 12 }} />
          <Tooltip formatter={(value, _name, item) => [`${value} % of ${(item.payload as AccuracyRow).attempts}`, 'Correct']} />
          <Bar dataKey="accuracy" fill="#1d4ed8" radius={[0, 4, 4, 0]} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
