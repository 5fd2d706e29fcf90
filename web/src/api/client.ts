import createClient, { type Middleware } from 'openapi-fetch';
import { userManager } from '../auth/userManager';
import type { paths as AnalyticsPaths } from './generated/analytics';
import type { paths as AuthoringPaths } from './generated/authoring';
import type { paths as DeliveryPaths } from './generated/delivery';
import type { paths as GenerationPaths } from './generated/generation';
import type { paths as ReviewPaths } from './generated/review';

const unsent = new WeakMap<Request, Request>();

/**
 * Every request carries the signed-in user's access token (renewed by oidc-client-ts before it expires). A request the
 * services refuse with 401 is sent once more after a silent renewal; when the session cannot be renewed (it ended at
 * Keycloak, or the device slept through it), the user signs in again and comes back to the same page, where the screens
 * keep what was not sent yet.
 */
const bearer: Middleware = {
  async onRequest({ request }) {
    const user = await userManager.getUser();
    if (user) request.headers.set('Authorization', `Bearer ${user.access_token}`);
    unsent.set(request, request.clone());
    return request;
  },
  async onResponse({ request, response }) {
    if (response.status !== 401) return response;
    const again = unsent.get(request);
    const renewed = await userManager.signinSilent().catch(() => null);
    if (renewed && again) {
      again.headers.set('Authorization', `Bearer ${renewed.access_token}`);
      return fetch(again);
    }
    await signInAgain();
    return response;
  },
};

let signingIn: Promise<void> | null = null;

/** Off to Keycloak's sign-in page, and back to where the user was afterwards. */
function signInAgain(): Promise<void> {
  signingIn ??= userManager.signinRedirect({ state: { returnTo: window.location.pathname + window.location.search } })
    .catch(() => { signingIn = null; }); // Keycloak unreachable: the next refused call tries again
  return signingIn;
}

function client<Paths extends {}>() {
  const api = createClient<Paths>({ baseUrl: window.location.origin });
  api.use(bearer);
  return api;
}

/** The five APIs, typed from the services' OpenAPI documents, all on this origin (the gateway routes them). */
export const authoring = client<AuthoringPaths>();
export const delivery = client<DeliveryPaths>();
export const generation = client<GenerationPaths>();
export const reviews = client<ReviewPaths>();
export const analytics = client<AnalyticsPaths>();

/** A problem+json answer's words for the screen. */
export function messageOf(error: unknown, response: Response): string {
  const problem = error as { detail?: string; title?: string } | undefined;
  return problem?.detail ?? problem?.title ?? `the server answered ${response.status}`;
}

/**
 * A response record as the services send it: every field present, null where the schema says nullable (the OpenAPI
 * documents mark only request fields as required, so the generated types leave every response field optional).
 */
export type Full<T> = T extends (infer U)[] ? Full<U>[] : T extends object ? { [K in keyof T]-?: Full<Exclude<T[K], undefined>> } : T;

/** The same answer, its data typed as {@link Full}. */
export function full<T>(answer: Promise<{ data?: T; error?: unknown; response: Response }>) {
  return answer as Promise<{ data?: Full<T>; error?: unknown; response: Response }>;
}
