import { authoring } from '../../api/client';
import { Card } from '../../components/Card';
import { useApi } from '../../components/useApi';

export function UsersCard() {
  const users = useApi(() => authoring.GET('/api/v1/authoring/users', { params: { query: { size: 100 } } }));
  return (
    <Card title="Your tenant" loaded={users}>
      {(u) => (
        <p className="figure-line">
          <strong data-testid="user-count">
            {u.users?.length ?? 0}
            {u.hasNext ? '+' : ''}
          </strong>{' '}
          users, {u.users?.filter((x) => !x.enabled).length ?? 0} disabled
        </p>
      )}
    </Card>
  );
}
