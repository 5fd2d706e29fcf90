/**
 * What the student has chosen or typed at a position but not yet sent: kept in the tab's storage so that a reload or a
 * sign-in after an expired session puts it back. Sent answers and saved notes clear it.
 */
export interface Draft {
  selected?: string | null;
  confidence?: number | null;
  note?: string;
}

type Store = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const key = (quizId: string, position: number) => `qbank.draft.${quizId}.${position}`;

export function loadDraft(quizId: string, position: number, store: Store = sessionStorage): Draft {
  try {
    const value = JSON.parse(store.getItem(key(quizId, position)) ?? '{}') as Draft;
    return value && typeof value === 'object' ? value : {};
  } catch {
    return {};
  }
}

export function saveDraft(quizId: string, position: number, change: Draft, store: Store = sessionStorage) {
  store.setItem(key(quizId, position), JSON.stringify({ ...loadDraft(quizId, position, store), ...change }));
}

export function clearDraft(quizId: string, position: number, fields: (keyof Draft)[], store: Store = sessionStorage) {
  const draft = loadDraft(quizId, position, store);
  for (const f of fields) delete draft[f];
  if (Object.keys(draft).length) store.setItem(key(quizId, position), JSON.stringify(draft));
  else store.removeItem(key(quizId, position));
}
