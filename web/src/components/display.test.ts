import { describe, expect, it } from 'vitest';
import { applyDisplay, loadDisplay } from './display';

function storage(value: string | null) {
  const saved: Record<string, string> = {};
  return { getItem: () => value, setItem: (k: string, v: string) => { saved[k] = v; }, saved };
}

describe('the display settings', () => {
  it('follow the system until the student chooses', () => {
    expect(loadDisplay(storage(null), true)).toEqual({ theme: 'contrast', text: 'normal' });
    expect(loadDisplay(storage(null), false)).toEqual({ theme: 'standard', text: 'normal' });
    expect(loadDisplay(storage('{"theme":"standard","text":"larger"}'), true)).toEqual({ theme: 'standard', text: 'larger' });
  });

  it('ignore a value they cannot read', () => {
    expect(loadDisplay(storage('{not json'), false)).toEqual({ theme: 'standard', text: 'normal' });
    expect(loadDisplay(storage('{"theme":"neon","text":"huge"}'), false)).toEqual({ theme: 'standard', text: 'normal' });
  });

  it('are applied to the page and kept', () => {
    const kept = storage(null);
    const root = document.createElement('html');
    applyDisplay({ theme: 'contrast', text: 'large' }, root, kept);
    expect(root.dataset.theme).toBe('contrast');
    expect(root.dataset.text).toBe('large');
    expect(loadDisplay({ getItem: () => Object.values(kept.saved)[0]! }, false)).toEqual({ theme: 'contrast', text: 'large' });
  });
});
