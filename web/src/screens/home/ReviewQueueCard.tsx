import { authoring } from '../../api/client';
import { Card } from '../../components/Card';
import { useApi } from '../../components/useApi';

export function ReviewQueueCard() {
  const queue = useApi(() => authoring.GET('/api/v1/authoring/review-queue', { params: { query: { size: 100 } } }));
  return (
    <Card title="Review queue" loaded={queue}>
      {(q) => (
        <p className="figure-line">
          <strong data-testid="queue-size">
            {q.items?.length ?? 0}
            {q.hasNext ? '+' : ''}
          </strong>{' '}
          item versions wait for review
        </p>
      )}
    </Card>
  );
}
