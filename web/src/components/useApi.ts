import { useEffect, useState } from 'react';
import { getJson } from '../api';

export type Loaded<T> = { state: 'loading' } | { state: 'done'; value: T } | { state: 'failed'; message: string };

/** The answer of one GET, loaded when the component mounts. */
export function useApi<T>(path: string): Loaded<T> {
  const [loaded, setLoaded] = useState<Loaded<T>>({ state: 'loading' });
  useEffect(() => {
    let current = true;
    getJson<T>(path).then(
      (value) => current && setLoaded({ state: 'done', value }),
      (e: unknown) => current && setLoaded({ state: 'failed', message: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      current = false;
    };
  }, [path]);
  return loaded;
}
