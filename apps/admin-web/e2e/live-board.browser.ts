import { expect, test, type Page } from '@playwright/test';
import { apiToken, expectAccessible, screenshot, signIn } from './newsroom.page';

/** The column of a status on the board: a region named by its heading ("Draft (3 articles)"). */
const column = (page: Page, name: string) => page.getByRole('region', { name: new RegExp(`^${name} \\(`) });

test("two editors change one article and a third tab's board shows both changes live, without a reload", async ({
  browser,
  baseURL,
  request,
}, info) => {
  // Three browser contexts on a shared two-core machine: opening them alone has taken half a minute,
  // and the whole test (axe included) more than three.
  test.setTimeout(300_000);
  // What the stream announces shows once two projectors have committed it; on a loaded machine that
  // has taken longer than expect's default. Waiting longer proves the same: no reload happens.
  const live = { timeout: 30_000 };
  // A word of its own, so the filtered board shows this article alone among the suite's others.
  const tag = `tide${Date.now().toString(36)}`;
  const auth = { authorization: `Bearer ${await apiToken(request, 'editor')}` };
  const drafted = await request.post('/api/articles', {
    headers: auth,
    data: { headline: `Harbour reopens ${tag}`, sections: ['Local'] },
  });
  expect(drafted.status()).toBe(201);
  const { id } = (await drafted.json()) as { id: string };

  // Three people, three sessions: editor A and editor B write, an auditor watches the board.
  const [watcher, first, second] = await Promise.all(
    [1, 2, 3].map(async () =>
      (await browser.newContext({ baseURL, viewport: { width: 1440, height: 900 } })).newPage(),
    ),
  );
  await signIn(watcher, 'auditor');
  await watcher.goto(`/board?q=${tag}`);
  await expect(watcher.getByText('Live updates: Live')).toBeVisible(live);
  const drafts = column(watcher, 'Draft');
  await expect(drafts.getByRole('heading', { level: 2 })).toHaveText(/^Draft \(1 article\)$/);
  await expect(drafts.getByRole('article', { name: `Harbour reopens ${tag}` })).toBeVisible();
  // Set once; a reload (or any new document) would lose it.
  await watcher.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));

  await signIn(first, 'editor');
  await first.goto(`/articles/${id}`);
  await expect(first.getByRole('status')).toContainText('Saved · version 1');
  await first.getByLabel('Headline', { exact: true }).fill(`Harbour reopens on Monday ${tag}`);
  await first.getByRole('button', { name: 'Save' }).click();
  await expect(first.getByRole('status')).toContainText('Saved · version 2');

  const afterFirst = drafts.getByRole('article', { name: `Harbour reopens on Monday ${tag}` });
  await expect(afterFirst).toContainText('Version 2', live);
  await expect(afterFirst).toContainText('by Eda Editor');

  await signIn(second, 'admin');
  await second.goto(`/articles/${id}`);
  await expect(second.getByRole('status')).toContainText('Saved · version 2');
  await second.getByLabel('Headline', { exact: true }).fill(`Harbour reopens on Monday, ferries too ${tag}`);
  await second.getByRole('button', { name: 'Save' }).click();
  await expect(second.getByRole('status')).toContainText('Saved · version 3');

  const afterSecond = drafts.getByRole('article', { name: `Harbour reopens on Monday, ferries too ${tag}` });
  await expect(afterSecond).toContainText('Version 3', live);
  await expect(afterSecond).toContainText('by Ada Admin');

  // A change of status moves the card and both columns' counts, still live.
  const submitted = await request.post(`/api/articles/${id}/submit`, { headers: auth });
  expect(submitted.ok()).toBe(true);
  const inReview = column(watcher, 'In review');
  await expect(inReview.getByRole('heading', { level: 2 })).toHaveText(/^In review \(1 article\)$/, live);
  await expect(inReview.getByRole('article')).toContainText('Version 4', live);
  await expect(drafts.getByRole('heading', { level: 2 })).toHaveText(/^Draft \(0 articles\)$/, live);

  expect(await watcher.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
  await expectAccessible(watcher);
  await screenshot(watcher, info, 'live-board');
});
