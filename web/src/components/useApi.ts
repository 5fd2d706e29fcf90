import { useEffect, useState } from 'react';
import { messageOf } from '../api/client';

export type Loaded<T> = { state: 'loading' } | { state: 'done'; value: T } | { state: 'failed'; message: string };

type Answer<T> = { data?: T; error?: unknown; response: Response };

/** The answer of one typed API call, made when the component mounts (again when a key changes). */
export function useApi<T>(call: () => Promise<Answer<T>>, keys: unknown[] = []): Loaded<T> {
  const [loaded, setLoaded] = useState<Loaded<T>>({ state: 'loading' });
  useEffect(() => {
    let current = true;
    call().then(
      ({ data, error, response }) => {
        if (!current) return;
        setLoaded(data !== undefined ? { state: 'done', value: data } : { state: 'failed', message: messageOf(error, response) });
      },
      (e: unknown) => current && setLoaded({ state: 'failed', message: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, keys);
  return loaded;
}
