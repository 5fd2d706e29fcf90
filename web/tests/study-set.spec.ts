import { expect, test } from '@playwright/test';
import { api, consoleErrors, FRONT_DOOR, look, signIn, Tenant, type User } from './suite';

let learner: User;
let classmate: User;
let author: User;
let publisher: User;

test.beforeAll(async () => {
  const tenant = new Tenant();
  [learner, classmate, author, publisher] = [await tenant.user('student'), await tenant.user('student'), await tenant.user('author'),
    await tenant.user('publisher')];
});

const NOTES = '# Aortic dissection\n\nAortic dissection presents with sudden tearing chest pain radiating to the back. The blood pressure '
  + 'often differs by more than 20 mm Hg between the arms, and the chest radiograph may show a widened mediastinum.\n\n'
  + 'Stanford type A dissections involve the ascending aorta and need emergency surgery.';

type Question = { id: string; version: number; state: string; stem: string };
const mySet = async (user: User) => (await api(user.token, 'GET', '/api/v1/generation/personal/items')) as { total: number; items: Question[] };

test('a student turns their notes into questions, practises them at once, edits, reports, exports, and deletes the notes', async ({ page }) => {
  test.setTimeout(180_000);
  const errors = consoleErrors(page);
  await signIn(page, learner);
  await page.getByRole('link', { name: 'My questions' }).click();
  await expect(page.getByText('No questions yet.')).toBeVisible();

  await page.getByText('Add a material', { exact: true }).click();
  await page.getByLabel('Title').fill('My aortic notes');
  await page.getByRole('textbox', { name: 'Text' }).fill(NOTES);
  await page.getByLabel('Markdown').check();
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'My aortic notes: cut into' })).toBeVisible();
  // it is read in the background; the screen shows it ready without a reload
  await expect(page.getByTestId('my-materials')).toContainText('ready', { timeout: 60_000 });
  await page.getByRole('button', { name: 'Show its passages of My aortic notes' }).click();
  await expect(page.getByTestId('passages')).toContainText('widened mediastinum');

  await page.getByRole('checkbox', { name: 'My aortic notes' }).check();
  await page.getByLabel('About').fill('Aortic dissection');
  await page.getByLabel('Questions', { exact: true }).fill('2');
  await look(page, 'study-set-empty', { phone: true });
  await page.getByRole('button', { name: 'Write the questions' }).click();

  // live progress, then practice at once
  const state = page.getByTestId('job-state');
  await expect(state).toHaveText(/queued|running/);
  await look(page, 'study-set-job-running');
  await expect(state).toHaveText('succeeded', { timeout: 30_000 });
  await expect(page.getByTestId('valid')).toHaveText('2');
  await look(page, 'study-set-job-done', { phone: true });
  const made = await mySet(learner);
  expect(made.total).toBe(2);

  // review learns of the questions through Kafka a moment after the job: the practice serves both, new ones first
  await expect.poll(async () => ((await api(learner.token, 'POST', '/api/v1/reviews/sessions', { personal: true, ahead: false, limit: 50 })) as
    { itemCount: number }).itemCount, { timeout: 20_000 }).toBe(2);
  await page.getByRole('button', { name: 'Practise now' }).click();
  await expect(page.getByRole('heading', { name: 'Practice' })).toBeVisible();
  await expect(page.getByText('Your question · generated, not reviewed')).toBeVisible();
  await expect(page.getByTestId('session-progress')).toHaveText('Item 1 of 2 · Aortic dissection · your own questions');
  await page.locator('.option').first().click();
  await page.getByRole('button', { name: 'Sure', exact: true }).click();
  await page.getByRole('button', { name: /Submit/ }).click();
  await expect(page.getByTestId('verdict')).toContainText(/Correct|Incorrect: the answer is [A-E]/);
  await expect(page.locator('.rationale')).toBeVisible();
  await look(page, 'study-set-practice', { phone: true });
  await page.getByRole('button', { name: /Next/ }).click();
  await page.locator('.option').nth(1).click();
  await page.getByRole('button', { name: 'Sure', exact: true }).click();
  await page.getByRole('button', { name: /Submit/ }).click();
  await page.getByRole('button', { name: /Next/ }).click();
  await expect(page.getByTestId('session-done')).toContainText('You answered 2 items');

  // both are now scheduled, as personal items
  const schedules = (await api(learner.token, 'GET', '/api/v1/reviews/schedules')) as { itemId: string }[];
  expect(schedules.map((s) => s.itemId).sort()).toEqual(made.items.map((q) => q.id).sort());

  // the tenant's retention counts them apart from the bank's reviews
  const analyst = await (await page.context().browser()!.newContext()).newPage();
  await signIn(analyst, publisher);
  await expect.poll(async () => {
    await analyst.goto('/analytics/cohorts');
    return analyst.getByTestId('retention').locator('tbody tr', { hasText: 'learners’ own' }).locator('td').nth(3).textContent({ timeout: 5_000 })
      .catch(() => null);
  }, { timeout: 30_000 }).toBe('2');
  await analyst.close();

  await page.getByRole('link', { name: 'Back to my questions' }).click();
  const questions = page.getByTestId('my-question');
  await expect(questions).toHaveCount(2);
  await expect(questions.first()).toContainText('Generated · not reviewed');
  await questions.first().getByRole('button', { name: 'Show the passages it was written from' }).click();
  await expect(questions.first().getByTestId('sources')).toContainText('My aortic notes, passage 1');
  await expect(questions.first().getByTestId('sources')).toContainText('widened mediastinum');
  await look(page, 'study-set', { phone: true });

  // an edit that breaks a rule is refused with the rule; a good one is a new version
  const first = questions.first();
  await first.getByRole('button', { name: 'Edit' }).click();
  await first.getByLabel('Option D').fill('');
  await first.getByRole('button', { name: 'Save' }).click();
  await expect(first.getByRole('alert')).toContainText('Fill in option D.');
  await first.getByLabel('Option D').fill('All of the above');
  await first.getByRole('button', { name: 'Save' }).click();
  await expect(first.getByRole('alert')).toContainText('all-none-of-the-above');
  await look(page, 'study-set-edit');
  await first.getByLabel('Option D').fill('Acute pericarditis');
  await first.getByRole('button', { name: 'Save' }).click();
  await expect(first).toContainText('edited (version 2)');
  await expect(first).toContainText('Acute pericarditis');

  // proposed to the school's authors: a draft in their review queue, written by the learner, from the notes
  page.once('dialog', (d) => void d.accept());
  await first.getByRole('button', { name: 'Propose to the authors' }).click();
  await expect(first).toContainText('Proposed to your school’s authors on');
  await expect(first.getByRole('button', { name: 'Propose to the authors' })).toHaveCount(0);
  const proposals = async () => ((await api(author.token, 'GET', '/api/v1/authoring/items?provenance=generated')) as { items: { authorId: string; state: string }[] }).items;
  await expect.poll(async () => (await proposals()).length, { timeout: 20_000 }).toBe(1);
  expect((await proposals())[0]).toEqual(expect.objectContaining({ authorId: learner.id, state: 'draft' }));

  // a report keeps it, and leaves it out of practice
  const second = questions.nth(1);
  await second.getByRole('button', { name: 'Report a problem' }).click();
  await page.getByRole('dialog').getByRole('radio', { name: 'The key is wrong' }).check({ force: true });
  await page.getByRole('dialog').getByRole('button', { name: 'Send the report' }).click();
  await expect(second).toContainText('You reported it');
  await expect.poll(async () => ((await api(learner.token, 'POST', '/api/v1/reviews/sessions', { personal: true, ahead: false, limit: 50 })) as
    { itemCount: number }).itemCount, { timeout: 20_000 }).toBe(1);

  // the Anki file: the header, then the active question only, three tab-separated fields
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export for Anki' }).click();
  const file = await (await download).path();
  const text = (await import('node:fs')).readFileSync(file!, 'utf8');
  const notes = text.split('\n').filter((l) => l && !l.startsWith('#'));
  expect(text.startsWith('#separator:tab\n#html:true\n#notetype:Basic\n')).toBe(true);
  expect(notes).toHaveLength(1);
  expect(notes[0]!.split('\t')).toHaveLength(3);
  expect(notes[0]).toContain('Acute pericarditis');

  // nobody else sees any of it: another student, an author, through the API and on their own screen
  for (const other of [classmate, author]) {
    for (const q of made.items) {
      const response = await fetch(`${FRONT_DOOR}/api/v1/generation/personal/items/${q.id}`, { headers: { authorization: `Bearer ${other.token}` } });
      expect(response.status).toBe(404);
    }
    expect((await mySet(other)).total).toBe(0);
  }
  const theirs = await (await page.context().browser()!.newContext()).newPage();
  await signIn(theirs, classmate);
  await theirs.goto('/my-questions');
  await expect(theirs.getByText('No questions yet.')).toBeVisible();

  // deleting the notes deletes the questions, and review forgets them once it has heard
  page.on('dialog', (d) => void d.accept());
  await page.getByRole('button', { name: 'Delete My aortic notes' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'and everything written from it are deleted' })).toBeVisible();
  await expect(page.getByText('No questions yet.')).toBeVisible();
  expect((await mySet(learner)).total).toBe(0);
  await expect.poll(async () => ((await api(learner.token, 'GET', '/api/v1/reviews/schedules')) as unknown[]).length, { timeout: 20_000 }).toBe(0);
  // the browser logs the refused edit (422) itself
  expect(errors.filter((e) => !e.includes('status of 422'))).toEqual([]);
});
