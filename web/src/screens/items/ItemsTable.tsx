import { Link } from 'react-router';
import type { Full } from '../../api/client';
import type { components } from '../../api/generated/authoring';
import { shortMoment } from '../../components/format';
import { Highlighted } from './Highlighted';
import { hasMatch } from './match';
import { StateBadge } from './StateBadge';

type Summary = Full<components['schemas']['ItemSummary']>;

/** A page of items, each row's searched words marked; on a phone each row becomes a card. */
export function ItemsTable({ items, stems }: { items: Summary[]; stems: string[] }) {
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label="Items table">
      <table className="table items-table" data-testid="items">
        <thead>
          <tr><th scope="col">Item</th><th scope="col">Topic</th><th scope="col">State</th><th scope="col">Difficulty</th><th scope="col">Flags</th><th scope="col">Changed</th></tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.id}>
              <td className="item-cell">
                <Link to={`/items/${item.id}`} className="item-link"><Highlighted text={item.stemPreview} stems={stems} /></Link>
                <span className="lead"><Highlighted text={item.leadIn} stems={stems} /></span>
                {stems.length > 0 && !hasMatch(`${item.stemPreview} ${item.leadIn}`, stems) && <span className="small muted">Found in the options or further into the vignette</span>}
                {(item.tags.length > 0 || item.provenance === 'generated') && (
                  <span className="tags">
                    {item.provenance === 'generated' && <span className="tag generated">generated</span>}
                    {item.tags.map((t) => <span key={t} className="tag">{t}</span>)}
                  </span>
                )}
              </td>
              <td>{item.topicName}</td>
              <td>
                <StateBadge state={item.state} />
                {item.liveVersion != null && (
                  <span className="live small">v{item.liveVersion} live{item.examCodes.length ? ` in ${item.examCodes.join(', ')}` : ''}</span>
                )}
              </td>
              <td className="nowrap">{item.difficulty} · {item.difficultyLevel}</td>
              <td>{item.openFlags > 0 ? <span className="flag-count">{item.openFlags} open</span> : <span className="muted">–</span>}</td>
              <td className="nowrap small">{shortMoment(item.updatedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
