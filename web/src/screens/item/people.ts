import { useEffect, useReducer } from 'react';
import { authoring } from '../../api/client';

const MAX_IDS = 50;
/** Names looked up so far: null for an id that is no user of the tenant (any more). */
const names = new Map<string, string | null>();
const waiting = new Set<string>();
const listeners = new Set<() => void>();
let flushing: ReturnType<typeof setTimeout> | undefined;

/** The name of a colleague, looked up with every other name the screen asks for at the same time, in one request. */
export function useName(id: string): string | null | undefined {
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    listeners.add(rerender);
    if (!names.has(id) && !waiting.has(id)) {
      waiting.add(id);
      flushing ??= setTimeout(() => void flush(), 0);
    }
    return () => {
      listeners.delete(rerender);
    };
  }, [id]);
  return names.get(id);
}

async function flush() {
  flushing = undefined;
  const ids = [...waiting];
  waiting.clear();
  for (let i = 0; i < ids.length; i += MAX_IDS) {
    const batch = ids.slice(i, i + MAX_IDS);
    const { data } = await authoring.GET('/api/v1/authoring/colleagues', { params: { query: { ids: batch } } });
    // an answer that failed names nobody now; a later screen asks again
    if (!data) continue;
    for (const id of batch) names.set(id, data.find((c) => c.id === id)?.name ?? null);
  }
  listeners.forEach((l) => l());
}
