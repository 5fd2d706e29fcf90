import type { Range } from './highlights';

export interface PositionState {
  position: number;
  answered: boolean;
  marked: boolean;
  struck: string[];
  highlights: Range[];
  note: string | null;
}

/** Every position of the test: answered, marked, current, or not seen yet; a linear exam's served ones can be opened. */
export function Navigator({ positions, length, current, navigable, onOpen }: {
  positions: PositionState[]; length: number; current: number; navigable: boolean; onOpen: (position: number) => void;
}) {
  return (
    <nav className="navigator" aria-label="Items of this test">
      <ol>
        {Array.from({ length }, (_, i) => i + 1).map((n) => {
          const p = positions.find((x) => x.position === n);
          const state = !p ? 'unseen' : p.answered ? 'answered' : 'open';
          const label = `Item ${n}: ${n === current ? 'current, ' : ''}${state === 'unseen' ? 'not seen' : state === 'answered' ? 'answered' : 'unanswered'}${p?.marked ? ', marked' : ''}`;
          return (
            <li key={n}>
              <button type="button" className={`nav-item ${state} ${n === current ? 'current' : ''} ${p?.marked ? 'marked' : ''}`}
                aria-label={label} aria-current={n === current ? 'step' : undefined} disabled={!p || !navigable || n === current}
                onClick={() => onOpen(n)}>
                {n}{p?.marked && <span aria-hidden="true" className="flag">⚑</span>}
              </button>
            </li>
          );
        })}
      </ol>
      <ul className="legend muted small" aria-hidden="true">
        <li><span className="swatch answered" /> answered</li>
        <li><span className="swatch" /> unanswered</li>
        <li><span className="flag">⚑</span> marked</li>
      </ul>
    </nav>
  );
}
