import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { api, consoleErrors, endSessions, look, publish, signIn, spoilAccessToken, Tenant, type User } from './suite';

const HOSTILE = ' <script>window.__pwned = 1</script><img src="x" onerror="window.__pwned = 2"> [a link](javascript:window.__pwned=3)'
  + ' <a href="JaVaScRiPt:window.__pwned=4">b</a><svg onload="window.__pwned = 5"></svg><iframe src="https://evil.example"></iframe>'
  + '<span style="position:fixed;inset:0">cover</span><form action="https://evil.example"><input name="q"></form>';

const STRIP = `data:image/png;base64,${readFileSync(new URL('./fixtures/rhythm-strip.png', import.meta.url)).toString('base64')}`;

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
    stem: `A **${40 + n}-year-old man** has sudden tearing chest pain radiating to the back (case ${n}).${HOSTILE}\n\n`
      + `![Rhythm strip, lead II](${STRIP})`,
    key: 'A',
  })), 'CV-AORTA');
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

function option(page: Page, text: RegExp) {
  return page.locator('.option', { hasText: text });
}

test('a student builds a tutor test and sees the key and explanations after each answer', async ({ page }) => {
  await signIn(page, student);
  await build(page, { mode: 'Tutor', length: 2 });
  await look(page, 'builder', { phone: true });
  await page.getByRole('button', { name: 'Start the test' }).click();

  await expect(page.locator('.stem')).toContainText('tearing chest pain');
  await option(page, /Right answer/).locator('label').click();
  await page.getByRole('button', { name: /Submit/ }).click();
  await expect(page.locator('.verdict')).toHaveText('Correct.');
  await expect(page.locator('.explanation').first()).toBeVisible();
  await expect(page.locator('.rationale')).toContainText('The rationale of item');
  await look(page, 'tutor-feedback');

  // the item's image, enlarged and zoomed
  await page.getByRole('button', { name: 'Enlarge the image: Rhythm strip, lead II' }).click();
  const zoom = page.getByRole('dialog', { name: 'Rhythm strip, lead II' });
  await expect(zoom.getByRole('img', { name: 'Rhythm strip, lead II' })).toBeVisible();
  await expect(zoom.getByTestId('zoom-level')).toHaveText('100 %');
  await zoom.getByRole('button', { name: 'Zoom in' }).click();
  await expect(zoom.getByTestId('zoom-level')).toHaveText('150 %');
  await look(page, 'image-zoom');
  await page.keyboard.press('Escape');
  await expect(zoom).toHaveCount(0);

  await page.getByRole('button', { name: /Next/ }).click();
  await option(page, /Distractor B/).locator('label').click();
  await page.keyboard.press('Enter');
  await expect(page.locator('.verdict')).toHaveText('Incorrect: the answer is A.');
  await page.getByRole('button', { name: /Next/ }).click();

  await expect(page).toHaveURL(/\/results$/);
  await expect(page.getByTestId('score')).toHaveText('50 %');
  await look(page, 'results-tutor');
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
  await look(page, 'exam-item', { phone: true });

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
  await look(page, 'exam-finish-warning');
  await page.getByRole('button', { name: 'End the block' }).click();

  await expect(page).toHaveURL(/\/results$/);
  await expect(page.getByTestId('score')).toHaveText('100 %'); // of the answered items
  await expect(page.locator('.result-item').first()).toContainText('your answer A · correct');
  await expect(page.locator('.result-item').nth(1)).toContainText('not answered');
  await expect(page.locator('.option.key').first()).toBeVisible();
  await expect(page.locator('.rationale').first()).toBeVisible();
  await look(page, 'results-exam', { phone: true });
});

test('the dashboard shows the use of the bank, accuracy, topics, and why readiness is not available yet', async ({ page }) => {
  const problems = consoleErrors(page);
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
  await expect(page.getByTestId('pace')).toContainText(/exam pace 90 s: \d+ s faster/);
  await look(page, 'dashboard', { phone: true });
  // by blueprint code: the topic's code, with the same share as the API's
  await page.getByRole('button', { name: 'By blueprint code' }).click();
  await expect(page.getByRole('heading', { name: 'Results by blueprint code' })).toBeVisible();
  await expect(page.locator('.chart svg')).toContainText('CV-AORTA');
  const progress = (await api(student.token, 'GET', `/api/v1/analytics/students/me/progress?examCode=${exam}`)) as
    { blueprints: { blueprintCode: string; attempts: number; correct: number }[] };
  expect(progress.blueprints).toEqual([{ blueprintCode: 'CV-AORTA', attempts: 3, correct: 2 }]);
  await page.locator('.chart .recharts-bar-rectangle').first().hover();
  await expect(page.locator('.recharts-tooltip-wrapper')).toContainText('67 % of 3');
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
  await look(page, 'tests', { phone: true });
  await rows.nth(1).getByRole('link', { name: 'Review' }).click();
  await expect(page.getByTestId('score')).toHaveText('50 %');

  // the missed item of the tutor test is reported to its authors from the results
  const missed = page.locator('.result-item.wrong');
  await missed.getByRole('button', { name: 'Report a problem' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: 'Send the report' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Choose what is wrong.');
  await dialog.getByRole('radio', { name: 'More than one answer fits' }).check({ force: true });
  await dialog.getByLabel(/What should the authors know/).fill('B is defensible in an older patient.');
  await look(page, 'report-problem');
  await dialog.getByRole('button', { name: 'Send the report' }).click();
  await expect(missed.getByRole('status')).toContainText('Reported: more than one answer fits');
});

test('reviews: the missed items come back in a session with the key and when they return; the scheduler is the student\'s choice', async ({ page }) => {
  await signIn(page, student);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reviews' }).click();
  // three answers (tutor 2, exam 1) reach the review service through Kafka; a first review is due the next day
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId('forecast-summary')).toContainText('3 reviews in the next 7 days', { timeout: 2000 });
  }).toPass({ timeout: 30_000 });
  await expect(page.getByTestId('due-now')).toHaveText('0');
  await expect(page.getByTestId('nothing-due')).toContainText('The next review falls due');
  await expect(page.getByTestId('scheduler')).toHaveText('SM-2');
  await expect(page.locator('.chart svg')).toBeVisible();
  await look(page, 'reviews', { phone: true });

  await page.getByRole('button', { name: 'Review ahead' }).click();
  await expect(page).toHaveURL(/\/reviews\/[0-9a-f-]{36}$/);
  const seen: string[] = [];
  for (let n = 1; n <= 3; n++) {
    await expect(page.getByTestId('session-progress')).toContainText(`Item ${n} of 3`);
    await expect(page.locator('.verdict')).toHaveCount(0);
    await expect(page.locator('.explanation')).toHaveCount(0);
    seen.push((await page.locator('.stem').textContent())!.match(/case \d/)![0]);
    await option(page, /Distractor B/).locator('label').click();
    if (n === 1) {
      await page.keyboard.press('Enter');
      await expect(page.getByRole('alert')).toContainText('Say how sure you are');
      await page.reload(); // the same item again, unanswered
      await expect(page.getByTestId('session-progress')).toContainText('Item 1 of 3');
      await option(page, /Distractor B/).locator('label').click();
    }
    await page.getByRole('button', { name: 'Unsure' }).click();
    await page.getByRole('button', { name: /Submit/ }).click();
    await expect(page.getByTestId('verdict')).toContainText('Incorrect: the answer is A. Back tomorrow');
    await expect(page.locator('.option.key')).toContainText('Right answer');
    await expect(page.locator('.explanation').first()).toBeVisible();
    await expect(page.locator('.rationale')).toContainText('The rationale of item');
    if (n === 1) {
      await look(page, 'review-answer', { phone: true });
    }
    await page.getByRole('button', { name: /Next/ }).click();
  }
  expect(new Set(seen).size).toBe(3);
  await expect(page.getByTestId('session-done')).toContainText('You answered 3 items');
  await look(page, 'review-done');

  // FSRS with a lower retention: the schedules are worked out again and the choice sticks
  await page.getByRole('link', { name: 'Back to reviews' }).click();
  await page.getByRole('radio', { name: /^FSRS/ }).check({ force: true });
  await page.getByRole('slider').fill('85');
  await expect(page.getByTestId('retention')).toHaveText('85 %');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByTestId('settings-saved')).toBeVisible();
  await page.reload();
  await expect(page.getByTestId('scheduler')).toHaveText('FSRS');
  await expect(page.getByRole('radio', { name: /^FSRS/ })).toBeChecked();
  await expect(page.getByTestId('retention')).toHaveText('85 %');
});

test('an expired session: renewed unseen while Keycloak\'s session lasts, else a new sign-in that loses nothing of the test', async ({ page }) => {
  const quiz = (await api(student.token, 'POST', '/api/v1/quizzes', { examCode: exam, mode: 'exam', adaptive: false, length: 2, timeLimitSeconds: 1800 })) as { id: string };
  await signIn(page, student);
  await page.goto(`/tests/${quiz.id}`);
  await expect(page.getByText('Item 1 of 2')).toBeVisible();

  // the access token is refused, the refresh token still works: the answer goes through, no sign-in page
  await spoilAccessToken(page);
  await option(page, /Distractor B/).locator('label').click();
  await page.getByRole('button', { name: /Submit/ }).click();
  await expect(page.getByText('Item 2 of 2')).toBeVisible();

  // an answer chosen, a confidence given and a note typed, none of them sent, when the session ends at Keycloak
  await option(page, /Distractor C/).locator('label').click();
  await page.getByRole('button', { name: 'Sure', exact: true }).click();
  await page.getByLabel('Your note on this item').fill('Pulse deficit in the left arm');
  await endSessions(student);
  await spoilAccessToken(page);
  await page.getByRole('button', { name: /Submit/ }).click();
  await expect(page.locator('#username'), 'Keycloak asks for the password again').toBeVisible();
  await page.locator('#username').fill(student.username);
  await page.locator('#password').fill(student.password);
  await page.locator('#kc-login').click();

  // back at the same item with everything that was not sent
  await expect(page).toHaveURL(new RegExp(`/tests/${quiz.id}$`));
  await expect(page.getByText('Item 2 of 2')).toBeVisible();
  await expect(option(page, /Distractor C/)).toHaveClass(/selected/);
  await expect(page.getByRole('button', { name: 'Sure', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByLabel('Your note on this item')).toHaveValue('Pulse deficit in the left arm');
  await look(page, 'exam-after-sign-in');
  await page.getByRole('button', { name: /Submit/ }).click();
  await expect(page.getByTestId('finish-warning').or(page.getByText('Every item is answered'))).toBeVisible();

  const positions = (await api(student.token, 'GET', `/api/v1/quizzes/${quiz.id}/positions`)) as { position: number; answered: boolean; note: string | null }[];
  expect(positions.map((p) => [p.position, p.answered])).toEqual([[1, true], [2, true]]);
  expect(positions[1]!.note).toBe('Pulse deficit in the left arm');
  await api(student.token, 'POST', `/api/v1/quizzes/${quiz.id}/finish`);
  const results = (await api(student.token, 'GET', `/api/v1/quizzes/${quiz.id}/results`)) as { items: { position: number; selectedLabel: string }[] };
  expect(results.items.map((i) => i.selectedLabel)).toEqual(['B', 'C']);
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

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reviews' }).click();
  await expect(page.getByTestId('due-now')).toHaveText('0');
  await expect(page.getByTestId('forecast-summary')).toHaveText('Nothing falls due in the next 30 days.');
});
