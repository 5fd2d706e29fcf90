import { randomUUID } from 'node:crypto';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/**
 * A fresh tenant for a browser test, made through the suite's own APIs: its users in Keycloak (the realm's qbank-admin-api
 * service account, as tenant administration does), its items written, approved and published by its author and
 * publisher. The browser then signs in as its student on Keycloak's page.
 */
export const FRONT_DOOR = process.env.QBANK_FRONT_DOOR ?? 'http://127.0.0.1:8080';
const KEYCLOAK = process.env.QBANK_IDENTITY_URL ?? 'http://127.0.0.1:8180';
const SECRET = process.env.QBANK_IDENTITY_ADMIN_API_SECRET ?? 'local-admin-api-secret';

export interface User {
  id: string;
  username: string;
  password: string;
  token: string;
}

async function json(response: Response) {
  if (!response.ok) throw new Error(`${response.url} answered ${response.status}: ${await response.text()}`);
  return response.status === 204 ? null : response.json();
}

async function form(url: string, fields: Record<string, string>): Promise<{ access_token: string }> {
  return json(await fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields) }));
}

export class Tenant {
  readonly id = `web-${randomUUID().slice(0, 12)}`;

  async user(...roles: string[]): Promise<User> {
    const headers = await adminHeaders();
    const username = `${this.id}.${roles[0]}.${randomUUID().slice(0, 6)}`;
    const password = `pw-${randomUUID()}`;
    const created = await fetch(`${KEYCLOAK}/admin/realms/qbank/users`, {
      method: 'POST', headers,
      body: JSON.stringify({ username, enabled: true, firstName: roles[0] === 'student' ? 'Robin' : 'Casey', lastName: 'Tester',
        attributes: { tenant: [this.id] }, credentials: [{ type: 'password', value: password, temporary: false }] }),
    });
    if (created.status !== 201) throw new Error(`Keycloak refused the user: ${created.status} ${await created.text()}`);
    const id = created.headers.get('location')!.split('/').pop()!;
    const available = (await json(await fetch(`${KEYCLOAK}/admin/realms/qbank/users/${id}/role-mappings/realm/available`, { headers }))) as { name: string }[];
    await json(await fetch(`${KEYCLOAK}/admin/realms/qbank/users/${id}/role-mappings/realm`, {
      method: 'POST', headers, body: JSON.stringify(available.filter((r) => roles.includes(r.name))),
    }));
    const { access_token: token } = await form(`${FRONT_DOOR}/realms/qbank/protocol/openid-connect/token`,
      { grant_type: 'password', client_id: 'qbank-cli', username, password });
    return { id, username, password, token };
  }
}

async function adminHeaders() {
  const { access_token: admin } = await form(`${KEYCLOAK}/realms/qbank/protocol/openid-connect/token`,
    { grant_type: 'client_credentials', client_id: 'qbank-admin-api', client_secret: SECRET });
  return { authorization: `Bearer ${admin}`, 'content-type': 'application/json' };
}

/** Ends the user's sessions at Keycloak, as an idle timeout or an administrator would: their refresh tokens stop working. */
export async function endSessions(user: User) {
  await json(await fetch(`${KEYCLOAK}/admin/realms/qbank/users/${user.id}/logout`, { method: 'POST', headers: await adminHeaders() }));
}

/**
 * Makes the access token the page holds one the services refuse (its signature broken), as an expired one would be
 * refused, without waiting the five minutes of its life.
 */
export async function spoilAccessToken(page: Page) {
  await page.evaluate(() => {
    const key = Object.keys(sessionStorage).find((k) => k.startsWith('oidc.user:'))!;
    const user = JSON.parse(sessionStorage.getItem(key)!) as { access_token: string };
    user.access_token = `${user.access_token.slice(0, -4)}AAAA`;
    sessionStorage.setItem(key, JSON.stringify(user));
  });
}

export async function api(token: string, method: string, path: string, body?: unknown) {
  return json(await fetch(`${FRONT_DOOR}${path}`, {
    method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body),
  }));
}

export interface ItemText {
  stem: string;
  key: string;
  rationale?: string;
}

/** Writes, approves and publishes items under a new topic to an exam code; returns the topic's id. */
export async function publish(author: User, publisher: User, topicName: string, examCode: string, items: ItemText[], blueprintCode?: string) {
  const topic = (await api(author.token, 'POST', '/api/v1/authoring/topics', { name: topicName, blueprintCode })) as { id: string };
  for (const [n, item] of items.entries()) {
    const labels = ['A', 'B', 'C', 'D'];
    const created = (await api(author.token, 'POST', '/api/v1/authoring/items', {
      topicId: topic.id, stem: item.stem, leadIn: 'Which of the following is the most likely diagnosis?',
      options: labels.map((label) => ({ label, text: label === item.key ? `Right answer ${n + 1}` : `Distractor ${label}${n + 1}`,
        correct: label === item.key, explanation: label === item.key ? `Why ${label} is right` : `Why ${label} is wrong` })),
      rationale: item.rationale ?? `The rationale of item ${n + 1}.`, difficulty: 'medium', difficultyLevel: 3,
    })) as { id: string };
    const version = `/api/v1/authoring/items/${created.id}/versions/1`;
    await api(author.token, 'POST', `${version}/transitions`, { action: 'submit' });
    await api(publisher.token, 'POST', `${version}/transitions`, { action: 'approve' });
    await api(publisher.token, 'POST', `${version}/publication`, { examCodes: [examCode] });
  }
  return topic.id;
}

/** Signs in on Keycloak's page through the app's Sign in button. */
export async function signIn(page: Page, user: { username: string; password: string }) {
  await page.goto('/');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.locator('#username').fill(user.username);
  await page.locator('#password').fill(user.password);
  await page.locator('#kc-login').click();
  await expect(page.getByTestId('user-name')).toBeVisible();
}

const SCREENSHOTS = process.env.QBANK_SCREENSHOTS ?? 'test-results/screenshots';
const PHONE = { width: 390, height: 844 };

const auditing = new WeakSet<Page>();

/** The page's console errors from now on (a refusal by the Content-Security-Policy shows as one), but for axe-core's own. */
export function consoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && !auditing.has(page) && errors.push(m.text()));
  return errors;
}

/** axe-core over the page as it is now: every rule, and not one serious or critical violation. */
export async function accessible(page: Page, what: string) {
  auditing.add(page); // axe sets style attributes to measure, which the CSP refuses, harmlessly
  const { violations } = await new AxeBuilder({ page }).analyze().finally(() => auditing.delete(page));
  const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  expect(bad, `${what}: no serious or critical accessibility violation`).toEqual([]);
}

/**
 * A screen as its users see it: a screenshot kept as an artifact and axe-core's check, and with `phone` the same on a
 * phone-sized screen before the desktop size comes back.
 */
export async function look(page: Page, name: string, { phone = false }: { phone?: boolean } = {}) {
  await page.screenshot({ path: `${SCREENSHOTS}/${name}.png`, fullPage: true });
  await accessible(page, name);
  if (!phone) return;
  const desktop = page.viewportSize()!;
  await page.setViewportSize(PHONE);
  await page.screenshot({ path: `${SCREENSHOTS}/${name}-phone.png`, fullPage: true });
  await accessible(page, `${name} on a phone`);
  await page.setViewportSize(desktop);
}
