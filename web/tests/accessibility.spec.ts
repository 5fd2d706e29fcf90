import { expect, test, type Locator, type Page } from '@playwright/test';
import { consoleErrors, look, publish, Tenant, type User } from './suite';

let student: User;
let exam: string;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  const tenant = new Tenant();
  const [author, publisher] = [await tenant.user('author'), await tenant.user('publisher')];
  student = await tenant.user('student');
  exam = `KEY${Math.floor(Math.random() * 1e6)}`;
  await publish(author, publisher, 'Nephrology', exam, [1, 2].map((n) => ({
    stem: `A ${30 + n}-year-old woman has periorbital oedema and frothy urine (case ${n}).`, key: 'B',
  })));
});

/** Presses Tab until the target has focus (as a keyboard user would reach it), and checks the focus can be seen. */
async function tabTo(page: Page, target: Locator, presses = 60) {
  for (let i = 0; i < presses; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) {
      const ring = await target.evaluate((el) => {
        const shown = (e: Element | null) => !!e && getComputedStyle(e).outlineStyle !== 'none';
        return shown(el) || shown(el.closest('label'));
      });
      expect(ring, 'the focused control shows a focus ring').toBe(true);
      return;
    }
    await page.keyboard.press('Tab');
  }
  throw new Error(`${target} was not reached with ${presses} presses of Tab`);
}

test('keyboard only: sign in, build a tutor test, answer it and read the results without a mouse', async ({ page }) => {
  const problems = consoleErrors(page);
  await page.goto('/');
  await tabTo(page, page.getByRole('button', { name: 'Sign in' }));
  await page.keyboard.press('Enter');
  await page.locator('#username').focus(); // Keycloak's page puts the cursor there itself; made sure of, not clicked
  await page.keyboard.type(student.username);
  await page.keyboard.press('Tab');
  await page.keyboard.type(student.password);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('user-name')).toBeVisible();

  await tabTo(page, page.getByRole('link', { name: 'Build a test' }).first());
  await page.keyboard.press('Enter');
  const examChoice = page.getByRole('radio', { name: new RegExp(exam) });
  await tabTo(page, examChoice);
  await page.keyboard.press('Space');
  await expect(examChoice).toBeChecked();
  await tabTo(page, page.getByRole('checkbox', { name: 'Nephrology' }));
  await page.keyboard.press('Space');
  await expect(page.getByTestId('matching')).toContainText('2 matching items');
  await tabTo(page, page.getByRole('radio', { name: /^All/ }));
  await page.keyboard.press('ArrowDown'); // Unused
  await expect(page.getByRole('radio', { name: /^Unused/ })).toBeChecked();
  const items = page.getByRole('textbox', { name: 'Number of items' });
  await tabTo(page, items);
  await page.keyboard.press('Control+A');
  await page.keyboard.type('2');
  await tabTo(page, page.getByRole('button', { name: 'Start the test' }));
  await page.keyboard.press('Enter');

  // A–E choose, Enter submits and then moves on
  for (const n of [1, 2]) {
    await expect(page.getByText(`Item ${n} of 2`)).toBeVisible();
    await page.locator('body').press('b');
    await expect(page.locator('.option.selected')).toContainText('Right answer');
    await page.keyboard.press('Enter');
    await expect(page.locator('.verdict')).toHaveText('Correct.');
    if (n === 1) await look(page, 'keyboard-tutor');
    await page.keyboard.press('Enter');
  }
  await expect(page).toHaveURL(/\/results$/);
  await expect(page.getByTestId('score')).toHaveText('100 %');
  expect(problems).toEqual([]);
});

test('high contrast and larger text, chosen from the keyboard, stay on this device and pass axe-core', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.locator('#username').fill(student.username);
  await page.locator('#password').fill(student.password);
  await page.locator('#kc-login').click();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Your tests' }).click();
  await page.getByTestId('tests').getByRole('link', { name: 'Review', exact: true }).click();
  await expect(page.getByTestId('score')).toHaveText('100 %');
  const normalSize = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));

  await tabTo(page, page.getByRole('button', { name: 'Display: contrast and text size' }));
  await page.keyboard.press('Enter');
  const menu = page.getByRole('dialog', { name: 'Display' });
  await expect(menu).toBeVisible();
  await tabTo(page, menu.getByRole('radio', { name: 'Standard' }));
  await page.keyboard.press('ArrowDown');
  await expect(menu.getByRole('radio', { name: 'High contrast' })).toBeChecked();
  await tabTo(page, menu.getByRole('radio', { name: 'Normal' }));
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(menu.getByRole('radio', { name: 'Larger' })).toBeChecked();
  await look(page, 'display-menu');
  await page.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Display: contrast and text size' }), 'focus goes back to the menu button').toBeFocused();

  await expect(page.locator('html')).toHaveAttribute('data-theme', 'contrast');
  expect(await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize))).toBeCloseTo(normalSize * 1.375, 1);
  expect(await page.evaluate(() => getComputedStyle(document.querySelector('.option.key')!).borderTopWidth)).toBe('3px');
  await look(page, 'results-contrast', { phone: true });

  // kept for the next visit on this device, on every screen
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'contrast');
  await expect(page.locator('html')).toHaveAttribute('data-text', 'larger');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).click();
  await expect(page.getByTestId('used')).toHaveText('2 / 2');
  await expect(page.locator('.chart svg')).toBeVisible();
  await look(page, 'dashboard-contrast');
});
