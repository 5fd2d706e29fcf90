import { describe, expect, it } from 'vitest';
import { emptyDraft, fieldOf, forget, fromVersion, keep, kept, toContent, type Version } from './content';

describe('editor content', () => {
  it('turns the fields into the API content: labels in order, one key, lines as lists, blanks left out', () => {
    const draft = { ...emptyDraft('t1'), stem: ' A man. ', options: [{ text: 'a', explanation: 'why a' }, { text: 'b', explanation: ' ' },
      { text: 'c', explanation: '' }, { text: 'd', explanation: '' }, { text: 'e', explanation: '' }], keyIndex: 2,
    rationale: 'R', teachingPoints: 'one\n\n two ', tags: 'cardiology, , emergency ', references: '', bloomLevel: '' };
    const content = toContent(draft);
    expect(content.stem).toBe('A man.');
    expect(content.options.map((o) => [o.label, o.correct, o.explanation])).toEqual([
      ['A', false, 'why a'], ['B', false, null], ['C', true, null], ['D', false, null], ['E', false, null]]);
    expect(content.teachingPoints).toEqual(['one', 'two']);
    expect(content.tags).toEqual(['cardiology', 'emergency']);
    expect(content.references).toEqual([]);
    expect(content.bloomLevel).toBeNull();
    expect(content.educationalObjective).toBeNull();
  });

  it('reads a version back into the same fields', () => {
    const draft = { ...emptyDraft('t1'), stem: 'S', rationale: 'R', keyIndex: 1, tags: 'a, b', references: 'r1\nr2', bloomLevel: 'apply',
      options: ['p', 'q', 'r', 's'].map((text) => ({ text, explanation: `x ${text}` })) };
    const version = { ...toContent(draft), version: 1, state: 'draft' } as unknown as Version;
    expect(fromVersion(version)).toEqual({ ...draft, educationalObjective: '', teachingPoints: '', media: '' });
  });

  it('says which field a finding or refusal is about', () => {
    expect(fieldOf('content.options[2].text')).toBe('options[2]');
    expect(fieldOf('options[0]')).toBe('options[0]');
    expect(fieldOf('options')).toBe('options');
    expect(fieldOf('content.stem')).toBe('stem');
    expect(fieldOf('leadIn')).toBe('leadIn');
    expect(fieldOf('')).toBe('item');
  });

  it('keeps unsaved text per item until it is forgotten', () => {
    keep('i1', { baseVersion: 2, draft: { ...emptyDraft(), stem: 'unsaved' } });
    expect(kept('i1')?.draft.stem).toBe('unsaved');
    expect(kept('i2')).toBeNull();
    forget('i1');
    expect(kept('i1')).toBeNull();
  });
});
