import { Area, CartesianGrid, ComposedChart, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { niceTop } from './format';
import type { CurvePoint } from './irt';

/** One curve over θ with its standard-error band: the item characteristic curve or the information curve. */
export function CurvesChart({ points, curve, title }: { points: CurvePoint[]; curve: 'p' | 'info'; title: string }) {
  const band = curve === 'p' ? 'pBand' : 'infoBand';
  // the scale follows the curve: a wide band (few responses) is cut at the top rather than flattening the curve
  const top = curve === 'p' ? 1 : niceTop(1.5 * Math.max(...points.map((p) => p.info)));
  return (
    <div className="chart" style={{ height: 240 }}>
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart title={title} data={points} margin={{ left: 0, right: 16, top: 8, bottom: 8 }}>
          <CartesianGrid stroke="#e2e8f0" />
          <XAxis dataKey="theta" type="number" domain={[-4, 4]} ticks={[-4, -3, -2, -1, 0, 1, 2, 3, 4]} tick={{ fontSize: 12 }}
            label={{ value: 'ability θ', position: 'insideBottomRight', offset: -4, fontSize: 12 }} />
          <YAxis domain={[0, top]} allowDataOverflow ticks={curve === 'p' ? [0, 0.25, 0.5, 0.75, 1] : [0, 1, 2, 3, 4, 5].map((i) => (i * top) / 5)} width={48} tick={{ fontSize: 12 }}
            tickFormatter={(v: number) => (top < 10 ? String(Number(v.toFixed(2))) : v.toFixed(0))} />
          <Tooltip itemStyle={{ color: '#0f172a' }} formatter={(value) => (Array.isArray(value) ? value.map((v: number) => v.toFixed(3)).join(' – ') : Number(value).toFixed(3))}
            labelFormatter={(t) => `θ = ${Number(t).toFixed(2)}`} />
          <Area dataKey={band} name="± 1 standard error" stroke="none" fill="#bfdbfe" isAnimationActive={false} />
          <Line dataKey={curve} name={curve === 'p' ? 'P(correct)' : 'information'} stroke="#1d4ed8" strokeWidth={2} dot={false} isAnimationActive={false} />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}

