import { Card } from '../../components/Card';
import { useApi } from '../../components/useApi';

interface ItemPage {
  items: { id: string; state: string; topicName: string; stemPreview: string }[];
}

/** The latest items: the author's own, or the tenant's for an admin. */
export function LatestItemsCard({ authorId }: { authorId?: string }) {
  const page = useApi<ItemPage>(`/api/v1/authoring/items?size=3${authorId ? `&author=${authorId}` : ''}`);
  return (
    <Card title={authorId ? 'Your latest items' : 'Latest items'} loaded={page}>
      {(p) =>
        p.items.length === 0 ? (
          <p className="muted">No items yet.</p>
        ) : (
          <ul className="list">
            {p.items.map((item) => (
              <li key={item.id}>
                <span className={`state state-${item.state}`}>{item.state.replace('_', ' ')}</span>
                <span className="topic">{item.topicName}</span>
                <span className="preview">{item.stemPreview}</span>
              </li>
            ))}
          </ul>
        )
      }
    </Card>
  );
}
