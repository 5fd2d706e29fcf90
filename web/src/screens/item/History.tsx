import { authoring, full } from '../../api/client';
import { shortMoment } from '../../components/format';
import { useApi } from '../../components/useApi';
import { StateBadge } from '../items/StateBadge';
import { Who } from './Who';

/** The audit trail: who moved which version where, when and why. */
export function History({ itemId, revision }: { itemId: string; revision: number }) {
  const history = useApi(() => full(authoring.GET('/api/v1/authoring/items/{itemId}/history', { params: { path: { itemId } } })), [itemId, revision]);
  return (
    <section className="panel" aria-labelledby="history-title">
      <h2 id="history-title">Audit trail</h2>
      {history.state === 'failed' && <p className="error">{history.message}</p>}
      {history.state === 'done' && (
        <ol className="trail" data-testid="trail">
          {[...history.value].reverse().map((e, i) => (
            <li key={i}>
              <span>
                v{e.version} {e.fromState ? <><StateBadge state={e.fromState} /> → </> : 'created as '}<StateBadge state={e.toState} />
              </span>
              <span className="small muted">{shortMoment(e.at)} · <Who id={e.actor} /></span>
              {e.comment && <q className="comment">{e.comment}</q>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
