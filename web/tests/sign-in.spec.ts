import { expect, test, type Page } from '@playwright/test';
import { consoleErrors, look } from './suite';

const SCREENSHOTS = process.env.QBANK_SCREENSHOTS ?? 'test-results/screenshots';

/** The demo users of the local realm (deploy/keycloak/qbank-realm.json) and what their start page shows. */
const USERS = [
  { username: 'student', name: 'Sam Student', roles: 'Student', card: 'Your study' },
  { username: 'student2', name: 'Alex Second', roles: 'Student', card: 'Your study' },
  { username: 'author', name: 'Ada Author', roles: 'Author', card: 'Your latest items' },
  { username: 'publisher', name: 'Pat Publisher', roles: 'Publisher', card: 'Review queue' },
  { username: 'admin', name: 'Avery Admin', roles: 'Admin', card: 'Your tenant' },
];

async function signIn(page: Page, username: string, password: string) {
  await page.goto('/');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/realms\/qbank\/protocol\/openid-connect\/auth/);
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(password);
  await page.locator('#kc-login').click();
}

test('the front page of someone not signed in', async ({ page }) => {
  const problems = consoleErrors(page);
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Practise like it is exam day.' })).toBeVisible();
  await look(page, 'welcome', { phone: true });
  expect(problems, 'no console errors (a CSP refusal shows as one)').toEqual([]);
});

for (const user of USERS) {
  test(`${user.username} signs in through Keycloak, sees their start page and signs out`, async ({ page }) => {
    const problems = consoleErrors(page);
    await signIn(page, user.username, `demo-${user.username}-2026`);
    await expect(page).toHaveURL('/');
    await expect(page.getByTestId('user-name')).toHaveText(user.name);
    await expect(page.getByTestId('user-tenant')).toHaveText('demo');
    await expect(page.getByTestId('user-roles')).toContainText(user.roles);
    const card = page.locator('section.card', { has: page.getByRole('heading', { name: user.card }) });
    await expect(card).toBeVisible();
    await expect(card).not.toHaveAttribute('aria-busy', 'true');
    await expect(card.locator('.error')).toHaveCount(0);
    await look(page, `home-${user.username}`, { phone: true });

    // a reload keeps the session (the tab's storage); signing out ends it at Keycloak too
    await page.reload();
    await expect(page.getByTestId('user-name')).toHaveText(user.name);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.locator('#username'), 'Keycloak asks again: its session ended').toBeVisible();
    expect(problems, 'no console errors (a CSP refusal shows as one)').toEqual([]);
  });
}

test('a wrong password is refused on Keycloak\'s page, which the gateway serves on the same origin', async ({ page }) => {
  await signIn(page, 'student', 'not-the-password');
  await expect(page.locator('#input-error, .kc-feedback-text, [id^="input-error"]').first()).toContainText(/invalid/i);
  expect(new URL(page.url()).origin).toBe(new URL(process.env.QBANK_FRONT_DOOR ?? 'http://127.0.0.1:8080').origin);
  await page.screenshot({ path: `${SCREENSHOTS}/sign-in-refused.png`, fullPage: true });
});
