import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ReadinessBand } from './ReadinessBand';

function drawn(markup: string, cls: string) {
  const svg = new DOMParser().parseFromString(markup, 'image/svg+xml');
  const rect = svg.querySelector(`.${cls}`);
  return rect ? { x: Number(rect.getAttribute('x')), width: Number(rect.getAttribute('width')) } : null;
}

describe('the readiness band', () => {
  it('places the band, the estimate and the standard on a scale from −3 to 3', () => {
    const markup = renderToStaticMarkup(<ReadinessBand theta={0} low={-0.6} high={0.6} passing={1.5} />);
    expect(drawn(markup, 'band-range')!.x).toBeCloseTo(40, 6);
    expect(drawn(markup, 'band-range')!.width).toBeCloseTo(20, 6);
    expect(drawn(markup, 'band-estimate')!.x + 0.6).toBeCloseTo(50, 6);
    expect(drawn(markup, 'band-passing')!.x + 0.4).toBeCloseTo(75, 6);
    expect(markup).toContain('aria-label="Ability 0.00, 95 % band -0.60 to 0.60, passing standard 1.50"');
  });

  it('keeps an estimate beyond the scale at its edge and draws no standard when there is none', () => {
    const markup = renderToStaticMarkup(<ReadinessBand theta={4.2} low={3.5} high={4.9} passing={null} />);
    expect(drawn(markup, 'band-estimate')!.x + 0.6).toBeCloseTo(100, 6);
    expect(drawn(markup, 'band-range')!.width).toBeCloseTo(0.5, 6);
    expect(drawn(markup, 'band-passing')).toBeNull();
  });
});
