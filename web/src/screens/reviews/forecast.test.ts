import { describe, expect, it } from 'vitest';
import { summarize } from './forecast';

describe('the forecast in words', () => {
  it('adds up today, the week and the whole period', () => {
    const days = Array.from({ length: 30 }, (_, i) => ({ date: `d${i}`, due: i === 0 ? 3 : i === 6 ? 1 : i === 20 ? 2 : 0 }));
    expect(summarize(days)).toBe('3 reviews today, 4 reviews in the next 7 days, 6 reviews in the next 30 days.');
  });

  it('says a single review in the singular', () => {
    expect(summarize([{ due: 1 }, { due: 0 }])).toBe('1 review today, 1 review in the next 7 days, 1 review in the next 2 days.');
  });

  it('says when nothing falls due', () => {
    expect(summarize([{ due: 0 }, {}])).toBe('Nothing falls due in the next 2 days.');
  });
});
