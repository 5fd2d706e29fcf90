import { describe, expect, it } from 'vitest';
import { applyHighlights, selectedRange, toggle } from './highlights';

describe('highlights', () => {
  it('merge when they overlap or touch, and stay apart otherwise', () => {
    expect(toggle([{ start: 0, end: 5 }], { start: 3, end: 9 })).toEqual([{ start: 0, end: 9 }]);
    expect(toggle([{ start: 0, end: 5 }], { start: 5, end: 7 })).toEqual([{ start: 0, end: 7 }]);
    expect(toggle([{ start: 10, end: 12 }], { start: 0, end: 3 })).toEqual([{ start: 0, end: 3 }, { start: 10, end: 12 }]);
  });

  it('are drawn over the text across element boundaries, and read back from a selection', () => {
    const root = document.createElement('div');
    root.innerHTML = '<p>A <strong>62-year-old</strong> man</p>';
    document.body.appendChild(root);
    applyHighlights(root, [{ start: 2, end: 9 }]);
    expect([...root.querySelectorAll('mark.highlight')].map((m) => m.textContent).join('')).toBe('62-year');
    expect(root.textContent).toBe('A 62-year-old man');

    const text = root.querySelector('p')!.lastChild!; // " man"
    const range = document.createRange();
    range.setStart(text, 1);
    range.setEnd(text, 4);
    window.getSelection()!.removeAllRanges();
    window.getSelection()!.addRange(range);
    expect(selectedRange(root)).toEqual({ start: 14, end: 17 });
  });
});
