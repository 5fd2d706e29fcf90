import { userManager } from './auth/userManager';

/** A problem+json answer of an API, as a plain message for the screen. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** GET of a QBank API on this origin with the signed-in user's token; a problem's detail becomes the error's message. */
export async function getJson<T>(path: string): Promise<T> {
  const user = await userManager.getUser();
  const response = await fetch(path, { headers: { Authorization: `Bearer ${user?.access_token ?? ''}`, Accept: 'application/json' } });
  if (!response.ok) {
    const problem = (await response.json().catch(() => null)) as { detail?: string; title?: string } | null;
    throw new ApiError(response.status, problem?.detail ?? problem?.title ?? `the server answered ${response.status}`);
  }
  return (await response.json()) as T;
}
