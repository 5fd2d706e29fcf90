/** The readiness band: the 95 % band of the ability estimate and the estimate itself on the theta scale, against the standard. */
export function ReadinessBand({ theta, low, high, passing }: { theta: number; low: number; high: number; passing: number | null }) {
  const x = (t: number) => ((Math.max(-3, Math.min(3, t)) + 3) / 6) * 100;
  return (
    <svg className="band" viewBox="0 0 100 24" role="img" preserveAspectRatio="none"
      aria-label={`Ability ${theta.toFixed(2)}, 95 % band ${low.toFixed(2)} to ${high.toFixed(2)}${passing == null ? '' : `, passing standard ${passing.toFixed(2)}`}`}>
      <rect x="0" y="10" width="100" height="4" rx="2" className="band-scale" />
      <rect x={x(low)} y="6" width={Math.max(0.5, x(high) - x(low))} height="12" rx="3" className="band-range" />
      <rect x={x(theta) - 0.6} y="3" width="1.2" height="18" className="band-estimate" />
      {passing != null && <rect x={x(passing) - 0.4} y="0" width="0.8" height="24" className="band-passing" />}
    </svg>
  );
}
