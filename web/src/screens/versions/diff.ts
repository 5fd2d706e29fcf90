export type Change = { kind: 'same' | 'removed' | 'added'; text: string };

/** Words, spaces and each punctuation mark, so that a diff keeps the text's own spacing and a changed comma is just that. */
function tokens(text: string): string[] {
  return text.match(/\s+|[\p{L}\p{N}]+|[^\s\p{L}\p{N}]/gu) ?? [];
}

/**
 * What changed from one text to the other, word by word (the longest common subsequence of their words; the common start
 * and end are taken off first, as edits are usually local). Runs of the same kind are merged.
 */
export function diffWords(before: string, after: string): Change[] {
  const a = tokens(before);
  const b = tokens(after);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  const changes: Change[] = [];
  const push = (kind: Change['kind'], text: string) => {
    const last = changes[changes.length - 1];
    if (last?.kind === kind) last.text += text;
    else if (text) changes.push({ kind, text });
  };
  push('same', a.slice(0, start).join(''));
  // lengths of the common subsequences of every pair of suffixes
  const width = midB.length + 1;
  const common = new Uint32Array((midA.length + 1) * width);
  const at = (i: number, j: number) => common[i * width + j]!;
  for (let i = midA.length - 1; i >= 0; i--) {
    for (let j = midB.length - 1; j >= 0; j--) {
      common[i * width + j] = midA[i] === midB[j] ? at(i + 1, j + 1) + 1 : Math.max(at(i + 1, j), at(i, j + 1));
    }
  }
  let i = 0;
  let j = 0;
  while (i < midA.length || j < midB.length) {
    if (i < midA.length && j < midB.length && midA[i] === midB[j]) {
      push('same', midA[i++]!);
      j++;
    } else if (i < midA.length && (j === midB.length || at(i + 1, j) >= at(i, j + 1))) {
      push('removed', midA[i++]!);
    } else {
      push('added', midB[j++]!);
    }
  }
  push('same', a.slice(endA).join(''));
  return changes;
}
