/** What the app reads from the access token: the same claims the services check. */
export interface Identity {
  userId: string;
  username: string;
  name: string;
  tenant: string;
  roles: Role[];
}

export const ROLES = ['student', 'author', 'publisher', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export function identityOf(accessToken: string, profile: { name?: string; preferred_username?: string }): Identity {
  const payload = accessToken.split('.')[1] ?? '';
  const claims = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/'))) as {
    sub: string;
    tenant: string;
    groups?: string[];
    preferred_username?: string;
  };
  const username = claims.preferred_username ?? profile.preferred_username ?? '';
  return {
    userId: claims.sub,
    username,
    name: profile.name ?? username,
    tenant: claims.tenant,
    roles: ROLES.filter((role) => claims.groups?.includes(role)),
  };
}
