// Figures of the web app against the running suite (./qbank run): the script shipped (gzip) for the first screen and in
// all, the first render of the dashboard on loopback (cold: a new browser profile; warm: a reload with its cache), and the
// API calls each screen makes on loading, and whether they run in parallel; the script of the author, publisher and admin
// screens, which a student never loads; and, when the authoring benchmark's tenant is seeded (QBANK_BANK_TENANT with
// QBANK_BANK_ITEMS items), the item bank's first render and a search at that size. Run by deploy/bench/web.sh.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';

const DOOR = process.env.QBANK_FRONT_DOOR ?? 'http://127.0.0.1:8080';
const DIST = join(import.meta.dirname, '..', 'dist');
const USER = process.env.QBANK_USER ?? 'student';
const PASSWORD = process.env.QBANK_PASSWORD ?? `demo-${USER}-2026`;

// 1. the script shipped
const gz = (file) => gzipSync(readFileSync(join(DIST, file)), { level: 9 }).length;
const index = readFileSync(join(DIST, 'index.html'), 'utf8');
const first = [...index.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]);
const all = readdirSync(join(DIST, 'assets')).filter((f) => /\.(js|css)$/.test(f)).map((f) => `assets/${f}`);
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
console.log(`[web] first screen: ${first.map((f) => `${f} ${kb(gz(f))}`).join(', ')}; total ${kb(first.reduce((s, f) => s + gz(f), 0))} gzip`);
for (const f of all.filter((f) => !first.includes(f))) console.log(`[web] loaded when needed: ${f} ${kb(gz(f))} gzip`);

const browser = await chromium.launch({ executablePath: process.env.QBANK_CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox'] });

/** Script and style files the pages of a context load, as their paths under assets/. */
async function signedIn(user = USER, password = PASSWORD, assets) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  if (assets) context.on('request', (r) => { const m = /\/(assets\/[^?]+\.(?:js|css))$/.exec(r.url()); if (m) assets.add(m[1]); });
  const page = await context.newPage();
  await page.goto(DOOR + '/');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.locator('#username').fill(user);
  await page.locator('#password').fill(password);
  await page.locator('#kc-login').click();
  await page.getByTestId('user-name').waitFor();
  return { context, page };
}

/** Loads a screen; returns the time to the element that says it is drawn with its data, and its API calls. */
async function load(page, path, ready, how = 'goto') {
  const calls = [];
  const onRequest = (r) => r.url().includes('/api/') && calls.push({ url: r.url().replace(DOOR, ''), at: Date.now() });
  const onDone = (r) => { const c = calls.find((x) => x.url === r.url().replace(DOOR, '') && !x.end); if (c) c.end = Date.now(); };
  page.on('request', onRequest);
  page.on('requestfinished', onDone);
  const start = Date.now();
  if (how === 'reload') await page.reload(); else await page.goto(DOOR + path);
  await ready(page);
  const ms = Date.now() - start;
  await page.waitForTimeout(300);
  page.off('request', onRequest);
  page.off('requestfinished', onDone);
  // parallel: every call starts before the first one ends (the screen does not wait for one answer to ask the next)
  const firstEnd = Math.min(...calls.map((c) => c.end ?? Infinity));
  const parallel = calls.filter((c) => c.at <= firstEnd).length;
  return { ms, calls, parallel };
}

const drawn = (testId) => async (page) => page.waitForFunction((id) => {
  const el = document.querySelector(`[data-testid="${id}"]`);
  return el && !/^(…|—)$/.test(el.textContent.trim());
}, testId);

// 2. the dashboard, cold and warm
{
  const { context, page } = await signedIn();
  const cold = await load(page, '/dashboard', drawn('used'));
  const warm = await load(page, '/dashboard', drawn('used'), 'reload');
  console.log(`[web] dashboard first render: cold ${cold.ms} ms, warm ${warm.ms} ms (sign-in done, loopback)`);
  await context.close();
}

// 3. API calls per screen
const studentAssets = new Set();
{
  const { context, page } = await signedIn(USER, PASSWORD, studentAssets);
  const screens = [
    ['home', '/', drawn('level')],
    ['dashboard', '/dashboard', drawn('used')],
    ['reviews', '/reviews', drawn('due-now')],
    ['builder', '/tests/new', async (p) => p.getByText(/matching items/).waitFor()],
  ];
  const report = async (name, r) => console.log(`[web] ${name}: ${r.calls.length} API calls, ${r.parallel} of them at once — ${r.calls.map((c) => c.url.split('?')[0]).join(', ')}`);
  for (const [name, path, ready] of screens) await report(name, await load(page, path, ready));
  await page.getByRole('button', { name: 'Start the test' }).click();
  await page.locator('.stem').waitFor();
  const quiz = new URL(page.url()).pathname;
  await report('test (resumed)', await load(page, quiz, async (p) => p.locator('.stem').waitFor()));
  await report('results', await load(page, `${quiz}/results`, drawn('score')));
  await context.close();
}
// 4. the author, publisher and admin screens: what they load that a student's screens do not
{
  const staffAssets = new Set();
  const { context, page } = await signedIn('admin', 'demo-admin-2026', staffAssets);
  for (const [path, ready] of [['/items', '[data-testid=items], [data-testid=no-items]'], ['/items/new', '.preview .item'],
    ['/review-queue', 'h1'], ['/generate', '#job-title'], ['/analytics', '[data-testid=attention-count], .empty'],
    ['/analytics/jobs', '#calibration-title'], ['/analytics/cohorts', '#cohorts-title'], ['/admin', '[data-testid=users]']]) {
    await page.goto(DOOR + path);
    await page.locator(ready).first().waitFor();
  }
  await page.goto(DOOR + '/items');
  await page.locator('.item-link').first().click();
  await page.locator('#workflow-title').waitFor();
  const own = [...staffAssets].filter((f) => !studentAssets.has(f) && !first.includes(f));
  console.log(`[web] author, publisher and admin screens: ${kb(own.reduce((s, f) => s + gz(f), 0))} gzip in ${own.length} files a student never loads`
    + ` (${own.map((f) => `${f.replace(/^assets\//, '')} ${kb(gz(f))}`).join(', ')})`);
  await context.close();
}

// 5. the item bank at the authoring benchmark's size, as one of that tenant's authors
if (process.env.QBANK_BANK_USER) {
  const { context, page } = await signedIn(process.env.QBANK_BANK_USER, process.env.QBANK_BANK_PASSWORD);
  const rows = async (p) => p.locator('[data-testid=items] tbody tr, [data-testid=no-items]').first().waitFor();
  const cold = await load(page, '/items', rows);
  const warm = await load(page, '/items', rows, 'reload');
  const next = await load(page, '/items?page=200', rows);
  const search = await load(page, '/items?q=stenosis%20murmur&sort=relevance', rows);
  const filtered = await load(page, '/items?tag=cardiology&difficulty=hard&state=published', rows);
  const api = (r) => r.calls.filter((c) => c.url.startsWith('/api/v1/authoring/items')).map((c) => `${c.end - c.at} ms`).join(', ');
  console.log(`[web] item bank of ${process.env.QBANK_BANK_ITEMS} items, a full page load each (sign-in done, loopback): first render cold ${cold.ms} ms `
    + `(its item list answered in ${api(cold)}), warm ${warm.ms} ms (${api(warm)}); page 201 ${next.ms} ms (${api(next)}); `
    + `a relevance search ${search.ms} ms (${api(search)}); three filters ${filtered.ms} ms (${api(filtered)})`);
  await context.close();
}
await browser.close();
