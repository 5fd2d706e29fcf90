import createClient, { type Middleware } from 'openapi-fetch';
import { userManager } from '../auth/userManager';
import type { paths as AnalyticsPaths } from './generated/analytics';
import type { paths as AuthoringPaths } from './generated/authoring';
import type { paths as DeliveryPaths } from './generated/delivery';
import type { paths as GenerationPaths } from './generated/generation';
import type { paths as ReviewPaths } from './generated/review';

/** Every request carries the signed-in user's access token (renewed by oidc-client-ts before it expires). */
const bearer: Middleware = {
  async onRequest({ request }) {
    const user = await userManager.getUser();
    if (user) request.headers.set('Authorization', `Bearer ${user.access_token}`);
    return request;
  },
};

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
