import { useState } from 'react';
import { Link } from 'react-router';
import { authoring, full } from '../../api/client';
import { shortMoment } from '../../components/format';
import { useApi } from '../../components/useApi';
import { StateBadge } from '../items/StateBadge';
import type { Item } from './ItemScreen';
import { Who } from './Who';

/** Every version of the item, and two of them picked to compare side by side. */
export function Versions({ item }: { item: Item }) {
  const versions = useApi(() => full(authoring.GET('/api/v1/authoring/items/{itemId}/versions', { params: { path: { itemId: item.id } } })), [item.id, item.latestVersion, item.latest.state]);
  const [a, setA] = useState(Math.max(1, item.latestVersion - 1));
  const [b, setB] = useState(item.latestVersion);
  return (
    <section className="panel" aria-labelledby="versions-title">
      <h2 id="versions-title">Versions</h2>
      {versions.state === 'failed' && <p className="error">{versions.message}</p>}
      {versions.state === 'done' && (
        <>
          <ol className="versions" reversed>
            {[...versions.value].reverse().map((v) => (
              <li key={v.version}>
                <span>Version {v.version}</span> <StateBadge state={v.state} />
                <span className="small muted"> {shortMoment(v.createdAt)} · <Who id={v.createdBy} /></span>
              </li>
            ))}
          </ol>
          {versions.value.length > 1 && (
            <form className="compare-form" aria-label="Compare versions" onSubmit={(e) => e.preventDefault()}>
              <label>Compare <select aria-label="Older version" value={a} onChange={(e) => setA(Number(e.target.value))}>
                {versions.value.map((v) => <option key={v.version} value={v.version}>version {v.version}</option>)}
              </select></label>
              <label>with <select aria-label="Newer version" value={b} onChange={(e) => setB(Number(e.target.value))}>
                {versions.value.map((v) => <option key={v.version} value={v.version}>version {v.version}</option>)}
              </select></label>
              <Link className="button secondary small-button" to={`/items/${item.id}/compare?a=${a}&b=${b}`}>Compare</Link>
            </form>
          )}
        </>
      )}
    </section>
  );
}
