import { describe, expect, it } from 'vitest';
import { problemsByItem } from './Transfer';

describe('import problems', () => {
  it('puts each problem by the item and version it is about', () => {
    const { items, general } = problemsByItem([
      { field: '[1].versions[0].content.options', message: 'exactly one option must be correct' },
      { field: '[1].versions[1].content.topicId', message: 'no such topic' },
      { field: 'imported[0].versions[0].content.stem', message: 'must not be blank' },
      { field: '[0].versions', message: 'must not be empty' },
    ], 2);
    expect(items).toEqual([
      ['version 1, stem: must not be blank', 'versions: must not be empty'],
      ['version 1, options: exactly one option must be correct', 'version 2, topicId: no such topic'],
    ]);
    expect(general).toEqual([]);
  });

  it('keeps problems that name no item of the file apart', () => {
    const { items, general } = problemsByItem([{ field: '', message: 'the body must be a JSON array' }, { field: '[5].versions', message: 'x' }], 1);
    expect(items).toEqual([[]]);
    expect(general).toEqual(['the body must be a JSON array', '[5].versions: x']);
  });
});
