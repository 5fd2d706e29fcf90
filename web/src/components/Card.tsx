import type { ReactNode } from 'react';
import type { Loaded } from './useApi';

/** A titled panel of the home screen that shows its data once loaded, or why it could not be. */
export function Card<T>({ title, loaded, children, action }: { title: string; loaded: Loaded<T>; children: (value: T) => ReactNode; action?: ReactNode }) {
  return (
    <section className="card" aria-busy={loaded.state === 'loading'}>
      <h2>{title}</h2>
      {loaded.state === 'loading' && <p className="muted">Loading…</p>}
      {loaded.state === 'failed' && <p className="error">{loaded.message}</p>}
      {loaded.state === 'done' && children(loaded.value)}
      {action && <p className="card-action">{action}</p>}
    </section>
  );
}
