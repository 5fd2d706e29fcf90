import { useAuth } from '../auth/AuthContext';
import { Brand } from './Brand';

export function Header() {
  const { identity, signOut } = useAuth();
  return (
    <header className="header">
      <Brand />
      {identity && (
        <div className="who">
          <span className="who-name" data-testid="user-name">{identity.name}</span>
          <span className="who-tenant" data-testid="user-tenant">{identity.tenant}</span>
          <button type="button" className="button secondary" onClick={() => void signOut()}>
            Sign out
          </button>
        </div>
      )}
    </header>
  );
}
