import { describe, expect, it } from 'vitest';
import { niceTop } from './format';
import { curves, information, probability } from './irt';

describe('3PL curves', () => {
  const item = { a: 1.2, b: 0.5, c: 0.2 };

  it('gives the known values: halfway between c and 1 at θ = b, c far below, 1 far above', () => {
    expect(probability(0.5, item)).toBeCloseTo(0.6, 12);
    expect(probability(-40, item)).toBeCloseTo(0.2, 6);
    expect(probability(40, item)).toBeCloseTo(1, 6);
    // the same figure as common's Irt3pl: P(1) = 0.2 + 0.8 / (1 + e^(−1.7·1.2·0.5))
    expect(probability(1, item)).toBeCloseTo(0.2 + 0.8 / (1 + Math.exp(-1.02)), 12);
  });

  it('has information of a 2PL item peaking at b with (D·a)²/4', () => {
    const twoPl = { a: 1, b: -1, c: 0 };
    expect(information(-1, twoPl)).toBeCloseTo((1.7 * 1.7) / 4, 12);
    expect(information(-1, twoPl)).toBeGreaterThan(information(0, twoPl));
  });

  it('draws bands that hold the curve, and collapse without standard errors', () => {
    const points = curves(item, { a: 0.2, b: 0.3, c: 0.05 });
    expect(points[0]!.theta).toBe(-4);
    expect(points.at(-1)!.theta).toBe(4);
    for (const p of points) {
      expect(p.pBand[0]).toBeLessThanOrEqual(p.p + 1e-12);
      expect(p.pBand[1]).toBeGreaterThanOrEqual(p.p - 1e-12);
    }
    const exact = curves(item, {});
    expect(exact.every((p) => p.pBand[0] === p.p && p.pBand[1] === p.p)).toBe(true);
  });

  it('puts the top of a scale on a round number', () => {
    expect([0.3, 0.72, 1, 1.3, 4.4, 6, 600].map(niceTop)).toEqual([0.5, 1, 1, 2, 5, 10, 1000]);
    expect(niceTop(0)).toBe(1);
  });
});
