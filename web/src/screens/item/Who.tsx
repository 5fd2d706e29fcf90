import { useAuth } from '../../auth/AuthContext';

/** Who did something: "you", or a colleague by the start of their id (names live in the identity provider). */
export function Who({ id }: { id?: string | null }) {
  const { identity } = useAuth();
  if (!id) return null;
  return id === identity?.userId ? <>you</> : <span title={id}>user {id.slice(0, 8)}</span>;
}
