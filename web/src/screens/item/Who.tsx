import { useAuth } from '../../auth/AuthContext';
import { useName } from './people';

/** Who did something: "you", or a colleague by name (the start of their id while it is looked up, or if they are gone). */
export function Who({ id }: { id?: string | null }) {
  const { identity } = useAuth();
  if (!id) return null;
  return id === identity?.userId ? <>you</> : <Colleague id={id} />;
}

function Colleague({ id }: { id: string }) {
  const name = useName(id);
  return <span title={id}>{name ?? `user ${id.slice(0, 8)}`}</span>;
}
