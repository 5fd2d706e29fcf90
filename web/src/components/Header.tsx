import { useAuth } from '../auth/AuthContext';
import type { Role } from '../auth/claims';
import { NavLink } from 'react-router';
import { Brand } from './Brand';
import { DisplayMenu } from './DisplayMenu';

interface Link {
  to: string;
  label: string;
  end?: boolean;
  roles: Role[];
}

const LINKS: Link[] = [
  { to: '/dashboard', label: 'Dashboard', roles: ['student'] },
  { to: '/tests/new', label: 'Build a test', roles: ['student'] },
  { to: '/tests', label: 'Your tests', end: true, roles: ['student'] },
  { to: '/reviews', label: 'Reviews', roles: ['student'] },
  { to: '/my-questions', label: 'My questions', roles: ['student'] },
  { to: '/items', label: 'Items', end: true, roles: ['author', 'publisher', 'admin'] },
  { to: '/items/new', label: 'Write an item', roles: ['author', 'admin'] },
  { to: '/generate', label: 'Generate', roles: ['author', 'admin'] },
  { to: '/review-queue', label: 'Review queue', roles: ['publisher', 'admin'] },
  { to: '/analytics', label: 'Analytics', roles: ['publisher', 'admin'] },
  { to: '/admin', label: 'Admin', roles: ['admin'] },
];

/** The header: each role's screens in the navigation, then who is signed in. */
export function Header() {
  const { identity, signOut } = useAuth();
  const links = LINKS.filter((l) => l.roles.some((r) => identity?.roles.includes(r)));
  return (
    <header className="header">
      <Brand />
      {links.length > 0 && (
        <nav className="main-nav" aria-label="Main">
          {links.map((l) => <NavLink key={l.to} to={l.to} end={l.end}>{l.label}</NavLink>)}
        </nav>
      )}
      {identity && (
        <div className="who">
          <DisplayMenu />
          <span className="who-id">
            <span className="who-name" data-testid="user-name">{identity.name}</span>
            <span className="who-tenant" data-testid="user-tenant">{identity.tenant}</span>
          </span>
          <button type="button" className="button secondary" onClick={() => void signOut()}>
            Sign out
          </button>
        </div>
      )}
    </header>
  );
}
