import { expect, test } from '@playwright/test';
import { api, consoleErrors, look, signIn, Tenant, type User } from './suite';

let author: User;
let publisher: User;
const exam = `GEN${Math.floor(Math.random() * 1e6)}`;

test.beforeAll(async () => {
  const tenant = new Tenant();
  [author, publisher] = [await tenant.user('author'), await tenant.user('publisher')];
  await api(author.token, 'POST', '/api/v1/authoring/topics', { name: 'Cardiology' });
});

const NOTES = 'Aortic dissection presents with sudden tearing chest pain radiating to the back. The blood pressure often differs '
  + 'by more than 20 mm Hg between the arms, and the chest radiograph may show a widened mediastinum.\n\n'
  + 'Stanford type A dissections involve the ascending aorta and need emergency surgery; type B dissections are treated '
  + 'with blood-pressure control first.';

test('an author uploads a material, watches a generation job live, and accepts one draft and discards another', async ({ page, browser }) => {
  const errors = consoleErrors(page);
  await signIn(page, author);
  await page.getByRole('link', { name: 'Generate' }).click();
  await page.getByText('Add a material').click();
  await page.getByLabel('Title').fill('Aortic disease lecture');
  await page.getByRole('textbox', { name: 'Text' }).fill(NOTES);
  await page.getByRole('button', { name: 'Upload' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Aortic disease lecture: cut into' })).toBeVisible();
  await expect.poll(async () => ((await api(author.token, 'GET', '/api/v1/generation/materials')) as { embeddingState: string }[])[0]?.embeddingState,
    { timeout: 60_000 }).toBe('ready');
  await page.reload();
  await page.getByRole('button', { name: 'Show its passages' }).click();
  await expect(page.getByTestId('passages')).toContainText('widened mediastinum');

  await page.getByLabel('Topic', { exact: true }).selectOption({ label: 'Cardiology' });
  await page.getByLabel('Subtopic (optional)').fill('Aortic disease');
  await page.getByLabel('Items', { exact: true }).fill('2');
  await page.getByLabel('Exam code').fill(exam);
  await look(page, 'generation', { phone: true });
  await page.getByRole('button', { name: 'Generate' }).click();

  // live: the stream shows it queued or writing, then done, without a reload
  const state = page.getByTestId('job-state');
  await expect(state).toHaveText(/queued|running/);
  await expect(page.getByRole('button', { name: 'Cancel the job' })).toBeVisible();
  await look(page, 'generation-job-running');
  await expect(state).toHaveText('succeeded', { timeout: 30_000 });
  await expect(page.getByTestId('generated')).toHaveText('2');
  await expect(page.getByTestId('valid')).toHaveText('2');
  await expect(page.getByRole('button', { name: 'Cancel the job' })).toHaveCount(0);

  const drafts = page.getByTestId('draft');
  await expect(drafts).toHaveCount(2);
  const acceptedStem = (await drafts.first().locator('.stem').innerText()).trim();
  expect(acceptedStem).toMatch(/^A \d+-year-old/);
  await expect(drafts.first().locator('.cited')).toContainText('Aortic disease lecture, passage');
  await expect(drafts.first().locator('.cited')).toContainText('widened mediastinum');
  await look(page, 'generation-drafts', { phone: true });
  await drafts.first().getByRole('button', { name: 'Accept: submit for review' }).click();
  await expect(drafts.first().getByRole('status')).toHaveText('Accepted: submitted for a publisher’s review.');
  await expect(drafts.first().locator('.state')).toHaveText('In review');
  await drafts.nth(1).getByRole('button', { name: 'Discard' }).click();
  await expect(drafts.nth(1).locator('.state')).toHaveText('Discarded');
  await expect(drafts.nth(1).getByRole('button')).toHaveCount(0);

  // the publisher finds the accepted draft in the queue, marked as generated; the discarded one is not there
  const reviewer = await (await browser.newContext()).newPage();
  await signIn(reviewer, publisher);
  await reviewer.goto('/review-queue');
  await expect(reviewer.getByTestId('queue').locator('tbody tr')).toHaveCount(1);
  await expect(reviewer.getByTestId('queue')).toContainText(acceptedStem.slice(0, 60));

  // a second job cancelled while it runs keeps nothing
  await page.goto('/generate');
  await page.getByLabel('Topic', { exact: true }).selectOption({ label: 'Cardiology' });
  await page.getByLabel('Exam code').fill(exam);
  await page.getByRole('button', { name: 'Generate' }).click();
  await page.getByRole('button', { name: 'Cancel the job' }).click();
  await expect(state).toHaveText('cancelled');
  await expect(page.getByText('Cancelled: nothing it wrote was kept.')).toBeVisible();
  // a draft reaches the bank through Kafka a moment after its job: until then the screen's look-up answers 404, which the
  // browser logs itself
  expect(errors.filter((e) => !e.includes('status of 404'))).toEqual([]);
});
