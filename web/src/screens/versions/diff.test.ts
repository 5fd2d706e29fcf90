import { describe, expect, it } from 'vitest';
import { diffWords } from './diff';

describe('word diff', () => {
  it('finds a changed word in the middle and keeps the rest as it is', () => {
    expect(diffWords('A 54-year-old man has chest pain.', 'A 54-year-old woman has chest pain.')).toEqual([
      { kind: 'same', text: 'A 54-year-old ' },
      { kind: 'removed', text: 'man' },
      { kind: 'added', text: 'woman' },
      { kind: 'same', text: ' has chest pain.' },
    ]);
  });

  it('marks words added at the end and removed at the start', () => {
    expect(diffWords('Most likely diagnosis', 'likely diagnosis now')).toEqual([
      { kind: 'removed', text: 'Most ' },
      { kind: 'same', text: 'likely diagnosis' },
      { kind: 'added', text: ' now' },
    ]);
  });

  it('sees a changed punctuation mark as just that', () => {
    expect(diffWords('in the left arm.', 'in the left arm, measured twice.')).toEqual([
      { kind: 'same', text: 'in the left arm' },
      { kind: 'added', text: ', measured twice' },
      { kind: 'same', text: '.' },
    ]);
  });

  it('says nothing changed for equal texts, and all changed against an empty one', () => {
    expect(diffWords('same text', 'same text')).toEqual([{ kind: 'same', text: 'same text' }]);
    expect(diffWords('', 'new')).toEqual([{ kind: 'added', text: 'new' }]);
    expect(diffWords('old', '')).toEqual([{ kind: 'removed', text: 'old' }]);
  });

  it('rebuilds both texts from its changes', () => {
    const before = 'Which of the following is the most likely cause of his symptoms?';
    const after = 'Which of the following is the most appropriate next step in management of this patient?';
    const changes = diffWords(before, after);
    expect(changes.filter((c) => c.kind !== 'added').map((c) => c.text).join('')).toBe(before);
    expect(changes.filter((c) => c.kind !== 'removed').map((c) => c.text).join('')).toBe(after);
  });
});
