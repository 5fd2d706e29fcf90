import { expect, test } from '@playwright/test';
import { api, consoleErrors, look, publish, signIn, Tenant, type User } from './suite';

let publisher: User;
let items: string[];
const exam = `ANA${Math.floor(Math.random() * 1e6)}`;
const STUDENTS = 12;

interface Groups { group: string; respondents: number; choseA: number; choseB: number; choseC: number; pValue: number | null }

/**
 * Twelve students take the same four items as a linear exam: student s answers item j right when s ≥ 3j (the items get
 * harder), a weaker student's wrong answer is B or C by turns, and the strongest student misses the easiest item.
 */
test.beforeAll(async () => {
  test.setTimeout(180_000);
  const tenant = new Tenant();
  const author = await tenant.user('author');
  publisher = await tenant.user('publisher');
  const topicId = await publish(author, publisher, 'Cardiology', exam, [0, 1, 2, 3].map((j) => ({
    stem: `A ${50 + j}-year-old man has tearing chest pain radiating to the back (analysis case ${j + 1}).`, key: 'A',
  })));
  const listed = (await api(author.token, 'GET', `/api/v1/authoring/items?topicId=${topicId}&sort=created&size=10`)) as { items: { id: string; stemPreview: string }[] };
  items = [0, 1, 2, 3].map((j) => listed.items.find((i) => i.stemPreview.includes(`analysis case ${j + 1}`))!.id);
  const students = await Promise.all(Array.from({ length: STUDENTS }, () => tenant.user('student')));
  await expect.poll(async () => ((await api(students[0]!.token, 'GET', '/api/v1/quizzes/exams')) as { examCode: string; items: number }[])
    .find((e) => e.examCode === exam)?.items, { timeout: 30_000 }).toBe(4);
  for (const [s, student] of students.entries()) {
    const quiz = (await api(student.token, 'POST', '/api/v1/quizzes', { examCode: exam, mode: 'exam', adaptive: false, length: 4 })) as { id: string };
    for (let position = 1; position <= 4; position++) {
      const served = (await api(student.token, 'POST', `/api/v1/quizzes/${quiz.id}/next`)) as { itemId: string };
      const j = items.indexOf(served.itemId);
      const right = s >= 3 * j && !(s === STUDENTS - 1 && j === 0);
      await api(student.token, 'POST', `/api/v1/quizzes/${quiz.id}/answers`,
        { position, selectedLabel: right ? 'A' : s % 2 ? 'B' : 'C', timeTakenMs: 20_000 + 1000 * s });
    }
    await api(student.token, 'POST', `/api/v1/quizzes/${quiz.id}/finish`);
  }
  await expect.poll(async () => ((await api(publisher.token, 'GET', `/api/v1/analytics/items?examCode=${exam}`)) as { attempts: number }[])
    .map((i) => i.attempts).join(), { timeout: 60_000 }).toBe('12,12,12,12');
});

test('a publisher reads the item analysis, the options by ability group, calibrates the items and sees their curves', async ({ page }) => {
  const errors = consoleErrors(page);
  await signIn(page, publisher);
  await page.getByRole('link', { name: 'Analytics' }).click();
  const table = page.getByTestId('item-stats');
  await expect(table.locator('tbody tr')).toHaveCount(4);
  await expect(page.getByTestId('attention-count')).toContainText('of 4 item versions need a look');
  // every figure of a row is the API's
  const listed = (await api(publisher.token, 'GET', `/api/v1/analytics/items?examCode=${exam}`)) as { itemId: string; pValue: number; attention: string[] }[];
  const hardest = listed.find((i) => i.itemId === items[3])!;
  await expect(page.getByTestId('attention-count').locator('strong')).toHaveText(String(listed.filter((i) => i.attention.length).length));
  await page.getByRole('button', { name: /^p/ }).click(); // sort by p, highest first
  await expect(table.locator('tbody tr').last().locator('td').nth(2)).toHaveText(hardest.pValue.toFixed(2));
  await look(page, 'analytics-items', { phone: true });

  // the item page: its figures, and the chart's numbers are the API's
  await page.goto(`/analytics/items/${items[3]}/versions/1`);
  const groups = (await api(publisher.token, 'GET', `/api/v1/analytics/items/${items[3]}/versions/1/groups`)) as Groups[];
  const rows = page.getByTestId('groups-table').locator('tbody tr');
  for (const [i, g] of groups.entries()) {
    await expect(rows.nth(i).locator('td').first()).toHaveText(String(g.respondents));
    await expect(rows.nth(i).locator('td').nth(1)).toHaveText(String(g.choseA));
  }
  // over the key's column of the chart: its tooltip gives each group's share
  await page.locator('.chart').first().scrollIntoViewIfNeeded();
  const keyTick = await page.locator('.chart svg text', { hasText: 'A (key)' }).first().boundingBox();
  await page.mouse.move(keyTick!.x + keyTick!.width / 2, keyTick!.y - 60);
  const tooltip = page.locator('.recharts-tooltip-wrapper');
  await expect(tooltip).toContainText(/^A/);
  const share = (g: Groups) => `${Math.round((g.choseA / g.respondents) * 100)} %`;
  await expect(tooltip).toContainText(`lower group : ${share(groups[0]!)}`);
  await expect(tooltip).toContainText(`upper group : ${share(groups[2]!)}`);
  await expect(page.getByTestId('not-calibrated')).toBeVisible();
  await look(page, 'analytics-item', { phone: true });

  // a calibration job from the screen, followed until it is done
  await page.getByRole('link', { name: 'Calibration jobs' }).click();
  await page.getByLabel('Fewest responses per item').fill('10');
  await page.getByRole('button', { name: 'Start calibration' }).click();
  await expect(page.getByTestId('analytics-job-state')).toHaveText('succeeded', { timeout: 60_000 });
  await expect(page.getByRole('status')).toContainText('calibrated 4');
  await expect(page.getByTestId('job-history')).toContainText('Calibration');
  await look(page, 'analytics-jobs');

  await page.goto(`/analytics/items/${items[3]}/versions/1`);
  const stats = (await api(publisher.token, 'GET', `/api/v1/analytics/items/${items[3]}/versions/1`)) as { a: number; b: number; irtModel: string };
  await expect(page.getByTestId('irt-parameters')).toContainText(`${stats.irtModel}: a = ${stats.a.toFixed(2)}`);
  await expect(page.getByTestId('irt-parameters')).toContainText(`b = ${stats.b.toFixed(2)}`);
  await expect(page.locator('.curves .recharts-line')).toHaveCount(2);
  await expect(page.locator('.curves .recharts-area')).toHaveCount(2);
  await look(page, 'analytics-item-calibrated', { phone: true });

  await page.getByRole('link', { name: 'Cohorts, mastery, retention' }).click();
  await expect(page.getByTestId('cohort-days')).toContainText('unassigned');
  // twelve students on the one topic; its row is the API's
  const mastery = (await api(publisher.token, 'GET', '/api/v1/analytics/topics/mastery')) as { students: number; attempts: number; belowHalf: number }[];
  expect(mastery).toEqual([expect.objectContaining({ students: STUDENTS, attempts: 4 * STUDENTS })]);
  await expect(page.getByTestId('mastery').locator('tbody tr')).toHaveText([new RegExp(`^Cardiology${STUDENTS}${4 * STUDENTS}.*${mastery[0]!.belowHalf}$`)]);
  await look(page, 'analytics-cohorts');
  await page.getByRole('link', { name: 'Test forms' }).click();
  await expect(page.getByTestId('forms')).toContainText(exam);
  expect(errors).toEqual([]);
});
