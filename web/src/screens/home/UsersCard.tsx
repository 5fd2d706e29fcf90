import { Card } from '../../components/Card';
import { useApi } from '../../components/useApi';

interface Users {
  users: { id: string; enabled: boolean }[];
  hasNext: boolean;
}

export function UsersCard() {
  const users = useApi<Users>('/api/v1/authoring/users?size=100');
  return (
    <Card title="Your tenant" loaded={users}>
      {(u) => (
        <p className="figure-line">
          <strong data-testid="user-count">{u.users.length}{u.hasNext ? '+' : ''}</strong> users,{' '}
          {u.users.filter((x) => !x.enabled).length} disabled
        </p>
      )}
    </Card>
  );
}
