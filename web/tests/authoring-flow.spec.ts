import { expect, test, type Browser, type Page } from '@playwright/test';
import { api, consoleErrors, FRONT_DOOR, look, signIn, Tenant, type User } from './suite';

let tenant: Tenant;
let author: User;
let publisher: User;
let student: User;
let topicId: string;
const exam = `AUTH${Math.floor(Math.random() * 1e6)}`;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  tenant = new Tenant();
  [author, publisher, student] = [await tenant.user('author'), await tenant.user('publisher'), await tenant.user('student')];
  ({ id: topicId } = (await api(author.token, 'POST', '/api/v1/authoring/topics', { name: 'Cardiology', blueprintCode: 'CV' })) as { id: string });
});

/** The HTTP status the API answers, for refusals the helper `api` would throw on. */
async function status(user: User, method: string, path: string, body?: unknown) {
  const r = await fetch(`${FRONT_DOOR}${path}`, { method, headers: { authorization: `Bearer ${user.token}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  return r.status;
}

async function signedIn(browser: Browser, user: User): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, user);
  return page;
}

const STEM = 'A 58-year-old man comes to the emergency department because of sudden tearing chest pain radiating to the back. '
  + 'His blood pressure is 182/104 mm Hg in the right arm and 148/88 mm Hg in the left arm.';

async function writeOptions(page: Page, options: string[], key: number) {
  for (const [i, text] of options.entries()) {
    await page.getByLabel(`Option ${'ABCDE'[i]}`, { exact: true }).fill(text);
    await page.getByLabel(new RegExp(`^Why option ${'ABCDE'[i]} is`)).fill(i === key ? `${text} explains every finding.` : `${text} does not explain the arm pressures.`);
  }
  await page.getByRole('radio', { name: `${'ABCDE'[key]} is the key` }).check();
}

test('an author writes an item, a publisher sends it back, approves and publishes it, a student is served it', async ({ browser }) => {
  const writer = await signedIn(browser, author);
  const errors = consoleErrors(writer);
  await writer.getByRole('link', { name: 'Write an item' }).click();
  await writer.getByLabel('Topic').selectOption({ label: 'Cardiology' });
  await writer.getByLabel(/^Vignette/).fill(STEM);
  await writer.getByLabel('Lead-in').fill('Which of the following is not a likely cause of these findings?');
  await writeOptions(writer, ['Aortic dissection', 'Acute myocardial infarction', 'Pulmonary embolism', 'Tension pneumothorax'], 0);
  await writer.getByLabel(/^Explanation/).fill('Tearing pain radiating to the back with unequal arm pressures indicates aortic dissection.');

  // the flaw is named inline, by the lead-in, with its rule and why
  const leadIn = writer.locator('.field', { has: writer.getByLabel('Lead-in') });
  await expect(leadIn.locator('[data-rule="negative-stem-unemphasised"]')).toContainText('Hidden negative');
  await expect(leadIn.locator('[data-rule="negative-stem-unemphasised"] .why')).toContainText('tests reading, not medicine');
  // the preview is the student's item
  await expect(writer.locator('.preview .stem')).toContainText('58-year-old man');
  await writer.getByLabel('Show the answer').check();
  await expect(writer.locator('.preview .option.key')).toContainText('Aortic dissection');
  await look(writer, 'editor-flaw', { phone: true });

  await writer.getByLabel('Lead-in').fill('Which of the following is the most likely diagnosis?');
  await expect(leadIn.locator('.finding')).toHaveCount(0);
  await expect(writer.getByRole('status').filter({ hasText: 'checks find nothing' })).toBeVisible();
  await writer.getByRole('button', { name: 'Save draft' }).click();
  await expect(writer.getByText('Saved as version 1, a draft.')).toBeVisible();
  const itemUrl = writer.url();
  const itemId = itemUrl.split('/').pop()!;

  // an author is offered no publish button, and the API refuses it too
  await expect(writer.getByRole('button', { name: 'Submit for review' })).toBeVisible();
  await expect(writer.getByRole('button', { name: 'Publish' })).toHaveCount(0);
  await expect(writer.getByRole('button', { name: 'Approve' })).toHaveCount(0);
  expect(await status(author, 'POST', `/api/v1/authoring/items/${itemId}/versions/1/publication`, { examCodes: [exam] })).toBe(403);
  await writer.getByRole('button', { name: 'Submit for review' }).click();
  await expect(writer.getByText('Submitted for review.')).toBeVisible();
  await expect(writer.locator('.item-facts .state')).toHaveText('In review');
  await expect(writer.getByRole('link', { name: /^Edit/ })).toHaveCount(0);

  // the publisher finds it in the queue and sends it back with a comment
  const reviewer = await signedIn(browser, publisher);
  await reviewer.getByRole('link', { name: 'Review queue' }).click();
  await expect(reviewer.getByTestId('queue')).toContainText('58-year-old man');
  await look(reviewer, 'review-queue', { phone: true });
  await reviewer.getByTestId('queue').getByRole('link', { name: /58-year-old/ }).click();
  await expect(reviewer.getByRole('link', { name: /^Edit/ })).toHaveCount(0);
  await reviewer.getByRole('button', { name: 'Send back' }).click();
  await expect(reviewer.getByRole('alert')).toHaveText('Say what should change: the author sees your comment.');
  await reviewer.getByLabel(/^Comment/).fill('Say whether the pressures were measured twice.');
  await look(reviewer, 'item-publisher');
  await reviewer.getByRole('button', { name: 'Send back' }).click();
  await expect(reviewer.getByText('Sent back to the author with your comment.')).toBeVisible();
  await expect(reviewer.locator('.item-facts .state')).toHaveText('Draft');

  // the author reads why, writes version 2 and submits it
  await writer.reload();
  await expect(writer.getByTestId('trail')).toContainText('Say whether the pressures were measured twice.');
  // the publisher by name, the author as "you"
  await expect(writer.getByTestId('trail').locator('li').first()).toContainText('Casey Tester');
  await expect(writer.getByTestId('trail').locator('li').last()).toContainText('you');
  await writer.getByRole('link', { name: 'Edit: write version 2' }).click();
  await expect(writer.getByLabel(/^Vignette/)).toHaveValue(STEM);
  await writer.getByLabel(/^Vignette/).fill(STEM.replace('in the left arm.', 'in the left arm, measured twice.'));
  await writer.getByRole('button', { name: 'Save as a new version' }).click();
  await expect(writer.getByText('Saved as version 2, a draft.')).toBeVisible();
  await writer.getByRole('button', { name: 'Submit for review' }).click();
  await expect(writer.locator('.item-facts .state')).toHaveText('In review');

  // the publisher approves and publishes it to an exam code
  await reviewer.reload();
  await reviewer.getByRole('button', { name: 'Approve' }).click();
  await expect(reviewer.getByText('Approved.')).toBeVisible();
  await reviewer.getByLabel('Exam codes to publish to').fill(exam);
  await reviewer.getByRole('button', { name: 'Publish' }).click();
  await expect(reviewer.getByText(`Version 2 published to ${exam}.`)).toBeVisible();
  await expect(reviewer.getByTestId('live')).toHaveText(`Version 2 live in ${exam}`);
  await look(reviewer, 'item-published', { phone: true });

  // the author compares versions 1 and 2
  await writer.reload();
  await writer.getByLabel('Older version').selectOption('1');
  await writer.getByLabel('Newer version').selectOption('2');
  await writer.getByRole('link', { name: 'Compare' }).click();
  const vignette = writer.getByTestId('compare').getByRole('row', { name: /Vignette/ });
  await expect(vignette.locator('del')).toHaveCount(0);
  await expect(vignette.locator('ins')).toHaveText([', measured twice']);
  await expect(writer.getByText('1 field changed')).toBeVisible();
  await look(writer, 'compare', { phone: true });
  expect(errors).toEqual([]);

  // a student of the tenant is served it
  await expect.poll(async () => ((await api(student.token, 'GET', '/api/v1/quizzes/exams')) as { examCode: string; items: number }[])
    .find((e) => e.examCode === exam)?.items, { timeout: 30_000 }).toBe(1);
  const learner = await signedIn(browser, student);
  await learner.goto('/tests/new');
  await learner.getByRole('radio', { name: new RegExp(exam) }).check({ force: true });
  await learner.getByRole('textbox', { name: 'Number of items' }).fill('1');
  await learner.getByRole('textbox', { name: 'Number of items' }).press('Tab');
  await learner.getByRole('button', { name: 'Start the test' }).click();
  await expect(learner.locator('.stem')).toContainText('measured twice');

  // the student reports it; the publisher reads the report on the item and resolves it
  const quizId = new URL(learner.url()).pathname.split('/')[2];
  await api(student.token, 'POST', `/api/v1/quizzes/${quizId}/items/1/flag`, { reason: 'ambiguous', comment: 'B fits a chronic dissection too.' });
  await expect.poll(async () => ((await api(publisher.token, 'GET', `/api/v1/authoring/items/${itemId}/flags`)) as unknown[]).length,
    { timeout: 30_000 }).toBe(1);
  await reviewer.reload();
  const flag = reviewer.locator('.flags li');
  await expect(flag).toContainText('More than one answer fits');
  await expect(flag).toContainText('B fits a chronic dissection too.');
  await flag.getByRole('button', { name: 'Resolve' }).click();
  await expect(flag.getByRole('alert')).toHaveText('Say how it was resolved.');
  await flag.getByLabel('Resolution').fill('The vignette says acute; the key stands.');
  await flag.getByRole('button', { name: 'Resolve' }).click();
  await expect(reviewer.getByText('Flag resolved.')).toBeVisible();
  await expect(reviewer.locator('.flags li')).toContainText('The vignette says acute; the key stands.');
});

function content(stem: string, extra: Record<string, unknown> = {}) {
  return {
    topicId, stem, leadIn: 'Which of the following is the most likely diagnosis?', rationale: 'Aortic dissection explains the findings.',
    difficulty: 'medium', difficultyLevel: 3,
    options: ['Aortic dissection', 'Myocardial infarction', 'Pulmonary embolism', 'Pericarditis'].map((text, i) => ({ label: 'ABCD'[i], text, correct: i === 0 })),
    ...extra,
  };
}

test('an edit that crosses another keeps the author’s text and saves it on top, once they choose to', async ({ browser }) => {
  const created = (await api(author.token, 'POST', '/api/v1/authoring/items', content(`${STEM} Conflict case.`))) as { id: string };
  const writer = await signedIn(browser, author);
  await writer.goto(`/items/${created.id}/edit`);
  await writer.getByLabel(/^Vignette/).fill(`${STEM} Conflict case, my words.`);
  // a colleague saves version 2 meanwhile
  const colleague = await tenant.user('author');
  await api(colleague.token, 'POST', `/api/v1/authoring/items/${created.id}/versions`, { baseVersion: 1, content: content(`${STEM} Conflict case, their words.`) });

  await writer.getByRole('button', { name: 'Save as a new version' }).click();
  await expect(writer.getByTestId('conflict')).toContainText('Someone saved version 2 while you were editing version 1');
  await expect(writer.getByLabel(/^Vignette/)).toHaveValue(`${STEM} Conflict case, my words.`);
  await look(writer, 'editor-conflict');
  // a reload keeps it too
  await writer.reload();
  await expect(writer.getByLabel(/^Vignette/)).toHaveValue(`${STEM} Conflict case, my words.`);
  await writer.getByRole('button', { name: 'Save as a new version' }).click();
  await writer.getByRole('button', { name: 'Save mine as version 3' }).click();
  await expect(writer.getByText('Saved as version 3, a draft.')).toBeVisible();
  const versions = (await api(author.token, 'GET', `/api/v1/authoring/items/${created.id}/versions`)) as { stem: string }[];
  expect(versions.map((v) => v.stem.split('Conflict case')[1])).toEqual(['.', ', their words.', ', my words.']);
});

test('the item bank finds items by every filter with the words marked, imports with problems by their rows, and shows no other tenant', async ({ browser }) => {
  await api(author.token, 'POST', '/api/v1/authoring/items', content('A 33-year-old woman has dissecting pain and syncope after a long flight.', { tags: ['travel'], difficulty: 'hard' }));
  await api(author.token, 'POST', '/api/v1/authoring/items', content('A 71-year-old woman has palpitations.', { tags: ['rhythm'] }));
  await api(author.token, 'POST', '/api/v1/authoring/items', content(`${STEM} Bank case.`));
  const writer = await signedIn(browser, author);
  const errors = consoleErrors(writer);
  await writer.getByRole('link', { name: 'Items', exact: true }).click();
  await writer.getByLabel('Words in the item').fill('tears -syncope');
  await writer.getByRole('button', { name: 'Search' }).click();
  const table = writer.getByTestId('items');
  await expect(table.locator('tbody tr')).not.toHaveCount(0);
  await expect(table).not.toContainText('long flight');
  await expect(table.locator('mark.match').first()).toHaveText('tearing');
  await look(writer, 'item-bank', { phone: true });

  await writer.getByLabel('Words in the item').fill('');
  await writer.getByRole('button', { name: 'Search' }).click();
  await writer.getByLabel('Difficulty').selectOption('hard');
  await expect(table.locator('tbody tr')).toHaveCount(1);
  await expect(table).toContainText('long flight');
  await writer.getByLabel('Difficulty').selectOption('');
  await writer.getByLabel('Tag').fill('rhythm');
  await writer.getByLabel('Tag').press('Enter');
  await expect(table.locator('tbody tr')).toHaveCount(1);
  await expect(table).toContainText('palpitations');
  await writer.getByLabel('State').selectOption('published');
  await expect(writer.getByTestId('no-items')).toBeVisible();
  await writer.getByRole('button', { name: 'Clear every filter' }).click();
  await expect(writer.getByLabel('Tag')).toHaveValue('');
  await expect(table.locator('tbody tr')).not.toHaveCount(1);

  // an import with a bad row says which, and writes nothing
  const good = { versions: [{ content: content('An imported item.') }] };
  const twoKeys = { versions: [{ content: content('Two keys.', { options: content('x').options.map((o) => ({ ...o, correct: true })) }) }] };
  await writer.getByRole('button', { name: 'Import items…' }).click();
  await writer.locator('input[type=file]').setInputFiles({ name: 'items.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify([good, twoKeys])) });
  await writer.getByRole('button', { name: 'Import 2 items' }).click();
  await expect(writer.getByRole('alert')).toContainText('nothing was imported');
  const rows = writer.getByTestId('import-rows').locator(':scope > li');
  await expect(rows.nth(0).locator('.problems')).toHaveCount(0);
  await expect(rows.nth(1).locator('.problems')).toContainText('version 1, options:');
  await look(writer, 'item-import');
  await writer.locator('input[type=file]').setInputFiles({ name: 'items.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify([good])) });
  await writer.getByRole('button', { name: 'Import 1 item' }).click();
  await expect(writer.getByRole('status').filter({ hasText: 'Imported 1 item with 1 version' })).toBeVisible();

  // export downloads what the filters find
  await writer.getByLabel('Tag').fill('travel');
  await writer.getByLabel('Tag').press('Enter');
  await expect(table.locator('tbody tr')).toHaveCount(1);
  const download = writer.waitForEvent('download');
  await writer.getByRole('button', { name: 'Export these items (JSON)' }).click();
  const file = await (await download).path();
  const exported = JSON.parse((await import('node:fs')).readFileSync(file, 'utf8')) as { versions: { content: { stem: string } }[] }[];
  expect(exported.map((i) => i.versions[0]!.content.stem)).toEqual(['A 33-year-old woman has dissecting pain and syncope after a long flight.']);
  // the browser logs the refused import's 422 itself
  expect(errors.filter((e) => !e.includes('status of 422'))).toEqual([]);

  // another tenant's author sees none of it
  const stranger = await signedIn(browser, await new Tenant().user('author'));
  await stranger.goto('/items');
  await expect(stranger.getByTestId('no-items')).toBeVisible();
  const mine = (await api(author.token, 'GET', '/api/v1/authoring/items?size=1')) as { items: { id: string }[] };
  await stranger.goto(`/items/${mine.items[0]!.id}`);
  await expect(stranger.getByRole('alert')).toContainText('does not exist');
});
