import { expect, test } from '@playwright/test';
import type { ArticleView } from '@newsroom/contracts';
import { apiToken, expectAccessible, screenshot, signIn } from './newsroom.page';

test('two editors save one version: the second hears who saved first, keeps its text and applies it on top', async ({
  browser,
  baseURL,
  request,
}, info) => {
  const token = await apiToken(request, 'editor');
  const auth = { authorization: `Bearer ${token}` };
  const drafted = await request.post('/api/articles', { headers: auth, data: { headline: 'Budget talks' } });
  const { id } = (await drafted.json()) as { id: string };

  // Two browser contexts: two people, each with a session of their own.
  const [first, second] = await Promise.all(
    [1, 2].map(async () => (await browser.newContext({ baseURL, viewport: { width: 1440, height: 900 } })).newPage()),
  );
  for (const page of [first, second]) {
    await signIn(page, 'editor');
    await page.goto(`/articles/${id}`);
    await expect(page.getByRole('status')).toContainText('Saved · version 1');
  }

  await first.getByLabel('Standfirst').fill('Talks resume on Tuesday.');
  await first.getByRole('button', { name: 'Save' }).click();
  await expect(first.getByRole('status')).toContainText('Saved · version 2');

  await second.getByLabel('Dateline').fill('BRUSSELS');
  await second.getByRole('button', { name: 'Save' }).click();
  const conflict = second.getByRole('alert').filter({ hasText: 'saved version 2' });
  await expect(conflict).toContainText('changed: standfirst');
  await expect(second.getByLabel('Dateline')).toHaveValue('BRUSSELS');
  await expectAccessible(second);
  await screenshot(second, info, 'conflict');

  await second.getByRole('button', { name: 'Apply my changes on version 2' }).click();
  await expect(second.getByRole('status')).toContainText('Saved · version 3');
  const res = await request.get(`/api/articles/${id}?minVersion=3`, { headers: auth });
  const article = (await res.json()) as ArticleView;
  expect(article.working).toMatchObject({ standfirst: 'Talks resume on Tuesday.', dateline: 'BRUSSELS' });
});
