import { useEffect, useState } from 'react';
import { messageOf } from '../api/client';

export type Loaded<T> = { state: 'loading' } | { state: 'done'; value: T } | { state: 'failed'; message: string };

type Answer<T> = { data?: T; error?: unknown; response: Response };

/**
 * The answer of one typed API call, made when the component mounts and again when a key changes (a call that is not
 * possible yet returns null and stays loading). An answer that arrives after the keys changed is dropped.
 */
export function useApi<T>(call: () => Promise<Answer<T>> | null, keys: unknown[] = []): Loaded<T> {
  const [loaded, setLoaded] = useState<Loaded<T>>({ state: 'loading' });
  useEffect(() => {
    let current = true;
    setLoaded({ state: 'loading' });
    const request = call();
    if (!request) return;
    request.then(
      ({ data, error, response }) => {
        if (!current) return;
        setLoaded(data !== undefined ? { state: 'done', value: data } : { state: 'failed', message: messageOf(error, response) });
      },
      (e: unknown) => current && setLoaded({ state: 'failed', message: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      current = false;
    };
  }, keys);
  return loaded;
}
