import { describe, expect, it } from 'vitest';
import { clearDraft, loadDraft, saveDraft } from './draft';

function memory() {
  const values = new Map<string, string>();
  return {
    getItem: (k: string) => values.get(k) ?? null,
    setItem: (k: string, v: string) => void values.set(k, v),
    removeItem: (k: string) => void values.delete(k),
    size: () => values.size,
  };
}

describe('an unsent answer and note per position', () => {
  it('are kept field by field and per quiz and position', () => {
    const store = memory();
    saveDraft('q1', 2, { selected: 'C' }, store);
    saveDraft('q1', 2, { confidence: 5 }, store);
    saveDraft('q1', 3, { note: 'pulses' }, store);
    expect(loadDraft('q1', 2, store)).toEqual({ selected: 'C', confidence: 5 });
    expect(loadDraft('q1', 3, store)).toEqual({ note: 'pulses' });
    expect(loadDraft('q2', 2, store)).toEqual({});
  });

  it('are cleared once sent, and leave nothing behind', () => {
    const store = memory();
    saveDraft('q1', 1, { selected: 'A', confidence: 1, note: 'x' }, store);
    clearDraft('q1', 1, ['selected', 'confidence'], store);
    expect(loadDraft('q1', 1, store)).toEqual({ note: 'x' });
    clearDraft('q1', 1, ['note'], store);
    expect(store.size()).toBe(0);
  });

  it('read an unreadable value as none', () => {
    const store = memory();
    store.setItem('qbank.draft.q1.1', '{oops');
    expect(loadDraft('q1', 1, store)).toEqual({});
    store.setItem('qbank.draft.q1.1', 'null');
    expect(loadDraft('q1', 1, store)).toEqual({});
  });
});
