import { describe, expect, it } from 'vitest';
import { subtreeOf } from './topics';

describe('subtreeOf', () => {
  it('is the topic and everything under it, nothing beside it', () => {
    const tree = [
      { id: 'med', path: ['med'] },
      { id: 'cardio', path: ['med', 'cardio'] },
      { id: 'valves', path: ['med', 'cardio', 'valves'] },
      { id: 'renal', path: ['med', 'renal'] },
    ];
    expect(subtreeOf(tree, 'cardio')).toEqual(['cardio', 'valves']);
    expect(subtreeOf(tree, 'med')).toEqual(['med', 'cardio', 'valves', 'renal']);
    expect(subtreeOf(tree, 'valves')).toEqual(['valves']);
  });
});
