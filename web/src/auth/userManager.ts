import { UserManager, WebStorageStateStore } from 'oidc-client-ts';

/**
 * Sign-in with Keycloak's realm on the app's own origin (the gateway passes /realms): authorization code with PKCE (S256),
 * the public client qbank-web. Access tokens live 5 minutes and are renewed with the refresh token before they expire;
 * the session is kept per browser tab (sessionStorage), so a closed tab forgets it.
 */
export const userManager = new UserManager({
  authority: `${window.location.origin}/realms/qbank`,
  client_id: 'qbank-web',
  redirect_uri: `${window.location.origin}/auth/callback`,
  post_logout_redirect_uri: `${window.location.origin}/`,
  response_type: 'code',
  scope: 'openid',
  automaticSilentRenew: true,
  userStore: new WebStorageStateStore({ store: window.sessionStorage }),
});
