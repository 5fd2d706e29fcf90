import { describe, expect, it } from 'vitest';
import { isForFocus } from './shortcuts';

function press(target: EventTarget, init: KeyboardEventInit = {}) {
  let result: boolean | undefined;
  target.addEventListener('keydown', (e) => { result = isForFocus(e as KeyboardEvent); }, { once: true });
  target.dispatchEvent(new KeyboardEvent('keydown', { key: 'a', bubbles: true, ...init }));
  return result;
}

describe('which key presses the shortcuts leave alone', () => {
  it('leaves typing in a text field, a note and a menu alone', () => {
    document.body.innerHTML = '<input type="text"><textarea></textarea><select><option>x</option></select>';
    expect(press(document.querySelector('input')!)).toBe(true);
    expect(press(document.querySelector('textarea')!)).toBe(true);
    expect(press(document.querySelector('select')!)).toBe(true);
  });

  it('takes keys on an answer option and on the page', () => {
    document.body.innerHTML = '<input type="radio" name="answer"><main></main>';
    expect(press(document.querySelector('input')!)).toBe(false);
    expect(press(document.querySelector('main')!)).toBe(false);
  });

  it('leaves an open dialog and modified keys alone', () => {
    document.body.innerHTML = '<div role="dialog"><input type="radio"></div><main></main>';
    expect(press(document.querySelector('[role=dialog] input')!)).toBe(true);
    expect(press(document.querySelector('main')!, { ctrlKey: true })).toBe(true);
  });
});
