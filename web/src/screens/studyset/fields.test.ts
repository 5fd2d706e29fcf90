import { describe, expect, it } from 'vitest';
import { fieldName, label } from './fields';

describe('the editor names what the server refused as the form does', () => {
  it('labels options A, B, C… in order', () => {
    expect([0, 1, 4].map(label)).toEqual(['A', 'B', 'E']);
  });
  it('names an option by its label and the other fields by their titles', () => {
    expect(fieldName('options[3]')).toBe('Option D');
    expect(fieldName('stem')).toBe('Case');
    expect(fieldName('leadIn')).toBe('Question');
    expect(fieldName('rationale')).toBe('Explanation');
    expect(fieldName('somethingNew')).toBe('somethingNew');
  });
});
