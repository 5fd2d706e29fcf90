import { describe, expect, it } from 'vitest';
import { paceNote } from './DashboardScreen';

describe('time per item against the exam pace', () => {
  it('says how far from the pace, either way', () => {
    expect(paceNote(102_400, 90_000)).toBe('exam pace 90 s: 12 s slower');
    expect(paceNote(61_000, 72_000)).toBe('exam pace 72 s: 11 s faster');
    expect(paceNote(90_300, 90_000)).toBe('exam pace 90 s: on pace');
  });

  it('names the pace alone before any answer', () => {
    expect(paceNote(null, 90_000)).toBe('exam pace 90 s');
  });
});
