import { expect, test, type Page } from '@playwright/test';
import { api, publish, signIn, Tenant, type User } from './suite';

const SCREENSHOTS = process.env.QBANK_SCREENSHOTS ?? 'test-results/screenshots';
const HOSTILE = ' <script>window.__pwned = 1</script><img src="x" onerror="window.__pwned = 2"> [a link](javascript:window.__pwned=3)'
  + ' <a href="JaVaScRiPt:window.__pwned=4">b</a><svg onload="window.__pwned = 5"></svg><iframe src="https://evil.example"></iframe>'
  + '<span style="position:fixed;inset:0">cover</span><form action="https://evil.example"><input name="q"></form>';

let student: User;
let other: User;
let exam: string;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  const tenant = new Tenant();
  const [author, publisher] = [await tenant.user('author'), await tenant.user('publisher')];
  [student, other] = [await tenant.user('student'), await tenant.user('student')];
  exam = `WEB${Math.floor(Math.random() * 1e6)}`;
  await publish(author, publisher, 'Cardiology', exam, [1, 2, 3, 4].map((n) => ({
    stem: `A **${40 + n}-year-old man** has sudden tearing chest pain radiating to the back (case ${n}).${HOSTILE}`,
    key: 'A',
  })));
  // the pool of delivery fills from Kafka
  await expect.poll(async () => ((await api(student.token, 'GET', '/api/v1/quizzes/exams')) as { examCode: string; items: number }[])
    .find((e) => e.examCode === exam)?.items, { timeout: 30_000 }).toBe(4);
});

async function build(page: Page, choices: { mode: 'Tutor' | 'Exam'; timed?: boolean; length: number }) {
  await page.goto('/tests/new');
  await page.getByRole('radio', { name: new RegExp(exam) }).check({ force: true });
  await page.getByRole('checkbox', { name: 'Cardiology' }).check({ force: true });
  await expect(page.getByTestId('matching')).toContainText('4 matching items');
  await page.getByRole('radio', { name: /^Unused/ }).check({ force: true });
  await page.getByRole('radio', { name: new RegExp(`^${choices.mode}`) }).check({ force: true });
  await page.getByRole('radio', { name: /^Linear block/ }).check({ force: true });
  if (choices.timed) await page.getByRole('switch', { name: 'Timed' }).click({ force: true });
  await page.getByRole('textbox', { name: 'Number of items' }).fill(String(choices.length));
  await page.getByRole('textbox', { name: 'Number of items' }).press('Tab');
}

/** The same screen on a phone, then back to the desktop size. */
async function phone(page: Page, name: string) {
  const desktop = page.viewportSize()!;
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${SCREENSHOTS}/${name}-phone.png`, fullPage: true });
  await page.setViewportSize(desktop);
}

function option(page: Page, text: RegExp) {
  return page.locator('.option', { hasText: text });
}

test('a student builds a tutor test and sees the key and explanations after each answer', async ({ page }) => {
  await signIn(page, student);
  await build(page, { mode: 'Tutor', length: 2 });
  await page.screenshot({ path: `${SCREENSHOTS}/builder.png`, fullPage: true });
  await phone(page, 'builder');
  await page.getByRole('button', { name: 'Start the test' }).click();

  await expect(page.locator('.stem')).toContainText('tearing chest pain');
  await option(page, /Right answer/).locator('label').click();
  await page.getByRole('button', { name: /Submit/ }).click();
  await expect(page.locator('.verdict')).toHaveText('Correct.');
  await expect(page.locator('.explanation').first()).toBeVisible();
  await expect(page.locator('.rationale')).toContainText('The rationale of item');
  await page.screenshot({ path: `${SCREENSHOTS}/tutor-feedback.png`, fullPage: true });

  await page.getByRole('button', { name: /Next/ }).click();
  await option(page, /Distractor B/).locator('label').click();
  await page.keyboard.press('Enter');
  await expect(page.locator('.verdict')).toHaveText('Incorrect: the answer is A.');
  await page.getByRole('button', { name: /Next/ }).click();

  await expect(page).toHaveURL(/\/results$/);
  await expect(page.getByTestId('score')).toHaveText('50 %');
  await page.screenshot({ path: `${SCREENSHOTS}/results-tutor.png`, fullPage: true });
});

test('a timed linear exam block: navigate, mark, strike, highlight, reload and resume, change an answer, nothing shown until the end', async ({ page }) => {
  await signIn(page, student);
  await build(page, { mode: 'Exam', timed: true, length: 2 });
  await expect(page.getByTestId('matching')).toContainText('2 matching items'); // two of the four were used by the tutor test
  await page.getByRole('button', { name: 'Start the test' }).click();
  await expect(page.getByTestId('countdown')).toBeVisible();

  // item 1: answered wrongly on purpose, then on to item 2
  await option(page, /Distractor C/).locator('label').click();
  await page.getByRole('button', { name: /Submit/ }).click();
  await expect(page.getByText('Item 2 of 2')).toBeVisible();
  await expect(page.locator('.verdict')).toHaveCount(0);
  await expect(page.locator('.explanation')).toHaveCount(0);

  // item 2: marked (M), option B struck, words of the vignette highlighted (H), a note
  await page.keyboard.press('m');
  await option(page, /Distractor B/).getByRole('button', { name: 'Strike out option B' }).click();
  await page.evaluate(() => {
    const text = document.querySelector('.stem strong')!.firstChild!;
    const range = document.createRange();
    range.setStart(text, 0);
    range.setEnd(text, 5);
    window.getSelection()!.removeAllRanges();
    window.getSelection()!.addRange(range);
  });
  await page.keyboard.press('h');
  await expect(page.locator('mark.highlight')).toHaveText(/^\d\d-ye$/);
  await page.getByLabel('Your note on this item').fill('Check the pulses in both arms');
  await page.getByLabel('Your note on this item').blur();
  await expect(page.getByRole('button', { name: 'Item 2: current, unanswered, marked' })).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOTS}/exam-item.png`, fullPage: true });
  await phone(page, 'exam-item');

  // a reload resumes exactly there: the same item, its mark, strike, highlight and note
  await page.reload();
  await expect(page.getByText('Item 2 of 2')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Item 2: current, unanswered, marked' })).toBeVisible();
  await expect(option(page, /Distractor B/)).toHaveClass(/struck/);
  await expect(page.locator('mark.highlight')).toHaveText(/^\d\d-ye$/);
  await expect(page.getByLabel('Your note on this item')).toHaveValue('Check the pulses in both arms');

  // back to item 1 and change its answer to the key; the lab values are at hand
  await page.getByRole('button', { name: /Lab values/ }).click();
  await expect(page.getByRole('complementary', { name: 'Lab values' })).toContainText('Sodium');
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByText('Item 1 of 2')).toBeVisible();
  await expect(option(page, /Distractor C/)).toHaveClass(/selected/);
  await option(page, /Right answer/).locator('label').click();
  await page.getByRole('button', { name: /Submit/ }).click();
  await expect(page.getByText('Item 2 of 2')).toBeVisible();
  await expect(page.locator('.verdict')).toHaveCount(0);

  // ending with item 2 unanswered and marked asks first
  await page.getByRole('button', { name: 'End block' }).click();
  await expect(page.getByTestId('finish-warning')).toContainText('1 item is unanswered');
  await expect(page.getByTestId('finish-warning')).toContainText('1 item is marked for review');
  await page.screenshot({ path: `${SCREENSHOTS}/exam-finish-warning.png`, fullPage: true });
  await page.getByRole('button', { name: 'End the block' }).click();

  await expect(page).toHaveURL(/\/results$/);
  await expect(page.getByTestId('score')).toHaveText('100 %'); // of the answered items
  await expect(page.locator('.result-item').first()).toContainText('your answer A · correct');
  await expect(page.locator('.result-item').nth(1)).toContainText('not answered');
  await expect(page.locator('.option.key').first()).toBeVisible();
  await expect(page.locator('.rationale').first()).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOTS}/results-exam.png`, fullPage: true });
  await phone(page, 'results-exam');
});

test('the dashboard shows the use of the bank, accuracy, topics, and why readiness is not available yet', async ({ page }) => {
  const problems: string[] = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  await signIn(page, student);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).click();
  await expect(page.getByTestId('used')).toHaveText('4 / 4');
  // the two tests' answers reach analytics through Kafka: three answered, two right
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId('accuracy')).toHaveText('67 %', { timeout: 2000 });
  }).toPass({ timeout: 30_000 });
  await expect(page.getByTestId('readiness-explanation')).toContainText('has not set a passing standard');
  await expect(page.locator('.chart svg')).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOTS}/dashboard.png`, fullPage: true });
  await phone(page, 'dashboard');
  expect(problems, 'no console errors (a CSP refusal shows as one)').toEqual([]);
});

test('the list of tests resumes one in progress and reviews the ended ones', async ({ page }) => {
  await signIn(page, student);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Your tests' }).click();
  const rows = page.getByTestId('tests').locator('tbody tr');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText('Exam');
  await expect(rows.nth(0)).toContainText('Completed');
  await expect(rows.nth(1)).toContainText('Tutor');
  await page.screenshot({ path: `${SCREENSHOTS}/tests.png`, fullPage: true });
  await phone(page, 'tests');
  await rows.nth(1).getByRole('link', { name: 'Review' }).click();
  await expect(page.getByTestId('score')).toHaveText('50 %');
});

test('authors\' Markdown renders inert: no script, no event handler, no javascript: link survives', async ({ page }) => {
  await signIn(page, student);
  const quizzes = (await api(student.token, 'GET', '/api/v1/quizzes')) as { id: string }[];
  await page.goto(`/tests/${quizzes[0]!.id}/results`);
  await expect(page.locator('.stem strong').first()).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  await expect(page.locator('.markdown script')).toHaveCount(0);
  await expect(page.locator('.markdown [onerror]')).toHaveCount(0);
  await expect(page.locator('.markdown svg, .markdown iframe, .markdown form, .markdown input, .markdown [style]')).toHaveCount(0);
  for (const href of await page.locator('.markdown a').evaluateAll((links) => links.map((a) => a.getAttribute('href')))) {
    expect(href ?? '').not.toMatch(/^javascript:/i);
  }
});

test('another student of the same tenant sees none of it', async ({ page }) => {
  const quizzes = (await api(student.token, 'GET', '/api/v1/quizzes')) as { id: string }[];
  await signIn(page, other);
  await page.goto(`/tests/${quizzes[0]!.id}/results`);
  await expect(page.locator('.error')).toContainText('does not exist');
  await expect(page.locator('.stem')).toHaveCount(0);
});
