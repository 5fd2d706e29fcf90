import { useState } from 'react';
import { authoring, full, messageOf } from '../../api/client';
import { useAuth } from '../../auth/AuthContext';
import { shortMoment } from '../../components/format';
import { FLAG_REASONS } from '../../components/flagReasons';
import { useApi } from '../../components/useApi';

const reasonOf = (value: string) => FLAG_REASONS.find((r) => r.value === value)?.label ?? value;

/** What students reported about the item, and how each report was resolved; publishers resolve the open ones. */
export function Flags({ itemId, revision, onResolved }: { itemId: string; revision: number; onResolved: (message: string) => void }) {
  const { identity } = useAuth();
  const flags = useApi(() => full(authoring.GET('/api/v1/authoring/items/{itemId}/flags', { params: { path: { itemId }, query: { open: false } } })), [itemId, revision]);
  const mayResolve = identity?.roles.some((r) => r === 'publisher' || r === 'admin');
  return (
    <section className="panel" aria-labelledby="flags-title">
      <h2 id="flags-title">Student flags</h2>
      {flags.state === 'failed' && <p className="error">{flags.message}</p>}
      {flags.state === 'done' && (flags.value.length === 0 ? <p className="muted small">No student has flagged this item.</p> : (
        <ul className="flags">
          {flags.value.map((f) => (
            <li key={f.id} className={f.resolvedAt ? 'resolved' : 'open'}>
              <strong>{reasonOf(f.reason)}</strong> <span className="small muted">on version {f.version} · {shortMoment(f.flaggedAt)}</span>
              {f.comment && <q className="comment">{f.comment}</q>}
              {f.resolvedAt ? <p className="small">Resolved {shortMoment(f.resolvedAt)}: {f.resolution}</p>
                : mayResolve ? <Resolve itemId={itemId} flagId={f.id} onResolved={onResolved} /> : <p className="small">Open</p>}
            </li>
          ))}
        </ul>
      ))}
    </section>
  );
}

function Resolve({ itemId, flagId, onResolved }: { itemId: string; flagId: string; onResolved: (message: string) => void }) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const resolve = async () => {
    if (!text.trim()) return setError('Say how it was resolved.');
    const { data, error: problem, response } = await full(authoring.POST('/api/v1/authoring/items/{itemId}/flags/{flagId}/resolution', {
      params: { path: { itemId, flagId } }, body: { resolution: text.trim() },
    }));
    if (!data) return setError(messageOf(problem, response));
    onResolved('Flag resolved.');
  };
  return (
    <div className="resolve">
      <label className="field"><span>Resolution</span><input value={text} maxLength={2000} onChange={(e) => setText(e.target.value)} placeholder="Key confirmed; option C reworded in version 3" /></label>
      <button type="button" className="button secondary small-button" onClick={() => void resolve()}>Resolve</button>
      {error && <p className="error small" role="alert">{error}</p>}
    </div>
  );
}
