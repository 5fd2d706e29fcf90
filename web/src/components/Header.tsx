import { useAuth } from '../auth/AuthContext';
import { NavLink } from 'react-router';
import { Brand } from './Brand';
import { DisplayMenu } from './DisplayMenu';

export function Header() {
  const { identity, signOut } = useAuth();
  return (
    <header className="header">
      <Brand />
      {identity?.roles.includes('student') && (
        <nav className="main-nav" aria-label="Main">
          <NavLink to="/dashboard">Dashboard</NavLink>
          <NavLink to="/tests/new">Build a test</NavLink>
          <NavLink to="/tests" end>Your tests</NavLink>
          <NavLink to="/reviews">Reviews</NavLink>
        </nav>
      )}
      {identity && (
        <div className="who">
          <DisplayMenu />
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
