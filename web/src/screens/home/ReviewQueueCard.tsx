import { Card } from '../../components/Card';
import { useApi } from '../../components/useApi';

interface Queue {
  items: unknown[];
  hasNext: boolean;
}

export function ReviewQueueCard() {
  const queue = useApi<Queue>('/api/v1/authoring/review-queue?size=100');
  return (
    <Card title="Review queue" loaded={queue}>
      {(q) => (
        <p className="figure-line">
          <strong data-testid="queue-size">{q.items.length}{q.hasNext ? '+' : ''}</strong> item versions wait for review
        </p>
      )}
    </Card>
  );
}
