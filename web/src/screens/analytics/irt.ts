/** The three-parameter logistic model as delivery and analytics compute it, with the 1.7 scaling constant. */
export const D = 1.7;

export interface Parameters {
  a: number;
  b: number;
  c: number;
}

export function probability(theta: number, { a, b, c }: Parameters): number {
  return c + (1 - c) / (1 + Math.exp(-D * a * (theta - b)));
}

/** Fisher information: (D·a)²·(Q/P)·((P − c)/(1 − c))². */
export function information(theta: number, item: Parameters): number {
  const p = probability(theta, item);
  const ratio = (p - item.c) / (1 - item.c);
  return (D * item.a) ** 2 * ((1 - p) / p) * ratio * ratio;
}

export interface CurvePoint {
  theta: number;
  p: number;
  /** the lowest and highest value over the parameters one standard error either side */
  pBand: [number, number];
  info: number;
  infoBand: [number, number];
}

/**
 * The item characteristic and information curves from θ = −4 to 4, each with a band: at every θ the range the curve takes
 * as a, b and c each move one standard error either way (the corners of that box; c kept within 0–0.5, a above 0).
 */
export function curves(item: Parameters, se: { a?: number | null; b?: number | null; c?: number | null }, step = 0.25): CurvePoint[] {
  const corners: Parameters[] = [];
  for (const da of [-1, 1]) for (const db of [-1, 1]) for (const dc of [-1, 1]) {
    corners.push({
      a: Math.max(0.01, item.a + da * (se.a ?? 0)),
      b: item.b + db * (se.b ?? 0),
      c: Math.min(0.5, Math.max(0, item.c + dc * (se.c ?? 0))),
    });
  }
  const points: CurvePoint[] = [];
  for (let i = 0; i <= 8 / step; i++) {
    const theta = -4 + i * step;
    const ps = corners.map((k) => probability(theta, k));
    const infos = corners.map((k) => information(theta, k));
    points.push({
      theta, p: probability(theta, item), pBand: [Math.min(...ps), Math.max(...ps)],
      info: information(theta, item), infoBand: [Math.min(...infos), Math.max(...infos)],
    });
  }
  return points;
}
