import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { User } from 'oidc-client-ts';
import { userManager } from './userManager';
import { identityOf, type Identity } from './claims';

interface Auth {
  /** undefined while the stored session is read; null when nobody is signed in */
  identity: Identity | null | undefined;
  accessToken: () => string | undefined;
  signIn: (returnTo?: string) => Promise<void>;
  signOut: () => Promise<void>;
}

const AuthContext = createContext<Auth | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null | undefined>(undefined);

  useEffect(() => {
    const loaded = (u: User) => setUser(u);
    const gone = () => setUser(null);
    userManager.events.addUserLoaded(loaded);
    userManager.events.addUserUnloaded(gone);
    userManager.events.addSilentRenewError(gone);
    userManager.getUser().then((u) => setUser(u && !u.expired ? u : null), gone);
    return () => {
      userManager.events.removeUserLoaded(loaded);
      userManager.events.removeUserUnloaded(gone);
      userManager.events.removeSilentRenewError(gone);
    };
  }, []);

  const auth = useMemo<Auth>(
    () => ({
      identity: user === undefined ? undefined : user ? identityOf(user.access_token, user.profile) : null,
      accessToken: () => user?.access_token,
      signIn: (returnTo = window.location.pathname) => userManager.signinRedirect({ state: { returnTo } }),
      signOut: () => userManager.signoutRedirect(),
    }),
    [user],
  );
  return <AuthContext.Provider value={auth}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth outside AuthProvider');
  return auth;
}
