import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { userManager } from '../../auth/userManager';

/** Where Keycloak sends the browser back after sign-in: the code is exchanged for tokens, then on to where the user was. */
export function CallbackScreen() {
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  const started = useRef(false);

  useEffect(() => {
    if (started.current) return; // the code can be exchanged once only
    started.current = true;
    userManager
      .signinRedirectCallback()
      .then((user) => {
        const returnTo = (user.state as { returnTo?: string } | undefined)?.returnTo;
        navigate(returnTo && returnTo.startsWith('/') && !returnTo.startsWith('/auth/') ? returnTo : '/', { replace: true });
      })
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, [navigate]);

  return (
    <main className="centered">
      {error ? (
        <div className="card">
          <h1>Sign-in did not complete</h1>
          <p>{error}</p>
          <a className="button" href="/">Back to the start page</a>
        </div>
      ) : (
        <p className="muted">Signing you in…</p>
      )}
    </main>
  );
}
