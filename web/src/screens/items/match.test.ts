import { describe, expect, it } from 'vitest';
import { hasMatch, markMatches, wantedStems } from './match';

const marked = (text: string, query: string) => markMatches(text, wantedStems(query)).filter((s) => s.match).map((s) => s.text);

describe('search matches', () => {
  it('marks the words of the query in any of their forms', () => {
    expect(marked('Aortic dissections tear; the dissecting aorta', 'dissection')).toEqual(['dissections', 'dissecting']);
  });

  it('marks the words of a phrase, not the excluded ones, nor "or"', () => {
    expect(wantedStems('"chest pain" -syncope or murmur')).toEqual(['chest', 'pain', 'murmur']);
    expect(marked('Chest pain, syncope or a murmur', '"chest pain" -syncope or murmur')).toEqual(['Chest', 'pain', 'murmur']);
  });

  it('keeps the text whole around the matches', () => {
    const segments = markMatches('A 54-year-old man with pain.', wantedStems('pain'));
    expect(segments.map((s) => s.text).join('')).toBe('A 54-year-old man with pain.');
    expect(segments).toEqual([{ text: 'A 54-year-old man with ', match: false }, { text: 'pain', match: true }, { text: '.', match: false }]);
  });

  it('leaves text alone when nothing was searched for', () => {
    expect(markMatches('Anything', wantedStems('  '))).toEqual([{ text: 'Anything', match: false }]);
  });

  it('says whether a text holds any searched-for word', () => {
    expect(hasMatch('sudden tearing pain', wantedStems('tears'))).toBe(true);
    expect(hasMatch('sudden pain', wantedStems('tears'))).toBe(false);
  });
});
