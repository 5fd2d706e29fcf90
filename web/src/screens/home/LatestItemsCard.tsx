import { authoring } from '../../api/client';
import { Card } from '../../components/Card';
import { useApi } from '../../components/useApi';

/** The latest items: the author's own, or the tenant's for an admin. */
export function LatestItemsCard({ authorId }: { authorId?: string }) {
  const page = useApi(() => authoring.GET('/api/v1/authoring/items', { params: { query: { size: 3, author: authorId } } }), [authorId]);
  return (
    <Card title={authorId ? 'Your latest items' : 'Latest items'} loaded={page}>
      {(p) =>
        !p.items?.length ? (
          <p className="muted">No items yet.</p>
        ) : (
          <ul className="list">
            {p.items.map((item) => (
              <li key={item.id}>
                <span className={`state state-${item.state}`}>{item.state?.replace('_', ' ')}</span>
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
