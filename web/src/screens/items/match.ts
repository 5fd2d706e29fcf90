import { stemmer } from 'stemmer';

/**
 * The words of a web-style search (words, "quoted phrases", -exclusions, or) that an item matched, as stems: PostgreSQL
 * matched them by their English stems, so "dissection" finds "dissecting" and both are marked.
 */
export function wantedStems(query: string): string[] {
  const stems = new Set<string>();
  for (const [, minus, phrase, word] of query.matchAll(/(-?)(?:"([^"]*)"?|(\S+))/g)) {
    if (minus) continue;
    for (const w of wordsOf(phrase ?? word ?? '')) {
      if (w !== 'or') stems.add(stemmer(w));
    }
  }
  return [...stems];
}

function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

export interface Segment {
  text: string;
  match: boolean;
}

/** The text cut into runs, each word whose stem was searched for a run of its own marked as a match. */
export function markMatches(text: string, stems: string[]): Segment[] {
  if (!stems.length) return [{ text, match: false }];
  const wanted = new Set(stems);
  const segments: Segment[] = [];
  let last = 0;
  for (const m of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    if (!wanted.has(stemmer(m[0].toLowerCase()))) continue;
    if (m.index > last) segments.push({ text: text.slice(last, m.index), match: false });
    segments.push({ text: m[0], match: true });
    last = m.index + m[0].length;
  }
  if (last < text.length) segments.push({ text: text.slice(last), match: false });
  return segments;
}

/** Whether any searched-for word is in the text. */
export function hasMatch(text: string, stems: string[]): boolean {
  return markMatches(text, stems).some((s) => s.match);
}
