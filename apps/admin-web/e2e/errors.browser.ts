import { expect as baseExpect, test, type Page } from '@playwright/test';
import type { ArticleView } from '@newsroom/contracts';
import { apiToken, expectAccessible, signIn } from './newsroom.page';

// Each step is a round trip through the whole system (API, relay, Kafka, projector) on a shared,
// busy machine: waited for, never slept on, with room for a slow projector.
const expect = baseExpect.configure({ timeout: 60_000 });

test.describe.configure({ timeout: 300_000 });

async function draftAndOpen(page: Page, request: import('@playwright/test').APIRequestContext, headline: string) {
  const token = await apiToken(request, 'editor');
  const res = await request.post('/api/articles', {
    headers: { authorization: `Bearer ${token}` },
    data: { headline },
  });
  const { id } = (await res.json()) as { id: string };
  await signIn(page, 'editor');
  await page.goto(`/articles/${id}`);
  await expect(page.getByRole('status')).toContainText('Saved · version 1');
  return { id, token };
}

test('a refused save marks the field the server names, focuses it, and keeps the text', async ({ page, request }) => {
  await draftAndOpen(page, request, 'Harbour strike');
  const tooLong = 'A headline that goes on and on '.repeat(10);
  await page.getByLabel('Dateline').fill('ROTTERDAM');
  await page.getByLabel('Headline', { exact: true }).fill(tooLong);
  await page.getByLabel('Dateline').focus();
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status')).toContainText('Not saved: Your change was not saved: headline');
  const headline = page.getByLabel('Headline', { exact: true });
  await expect(headline).toHaveAttribute('aria-invalid', 'true');
  await expect(headline).toBeFocused();
  await expect(headline).toHaveValue(tooLong);
  await expect(page.getByLabel('Dateline')).toHaveValue('ROTTERDAM');
  await expectAccessible(page);
});

test('a photo the server refuses keeps its dialog open, with the field marked and the rest as typed', async ({
  page,
  request,
}) => {
  await draftAndOpen(page, request, 'Harbour strike, day two');
  await page.getByRole('button', { name: 'Attach a photo' }).click();
  const dialog = page.getByRole('dialog', { name: 'Attach a photo' });
  await dialog.getByLabel('Photo URL').fill('ftp://photos.example.org/cranes.jpg');
  await dialog.getByLabel('Caption').fill('Idle cranes at the container terminal');
  await dialog.getByLabel('Credit').fill('Noor Haddad/Harbour Lights Agency');
  await dialog.getByRole('button', { name: 'Attach photo' }).click();
  await expect(dialog.getByRole('alert')).toContainText('The photo was not saved: url');
  await expect(dialog.getByLabel('Photo URL')).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByLabel('Caption')).toHaveValue('Idle cranes at the container terminal');
  await expectAccessible(page);
  await dialog.getByLabel('Photo URL').fill('https://photos.example.org/cranes.jpg');
  await dialog.getByRole('button', { name: 'Attach photo' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('list', { name: 'Photos' })).toContainText('Idle cranes at the container terminal');
});

test('a server failure and a lost network say so, keep the text, and the next save goes through', async ({
  page,
  request,
}) => {
  const { id, token } = await draftAndOpen(page, request, 'Ferry timetable');
  await page.getByLabel('Standfirst').fill('Winter sailings start on Monday.');

  await page.route(`**/api/articles/${id}`, (route) =>
    route.request().method() === 'PATCH'
      ? route.fulfill({ status: 503, json: { statusCode: 503, error: 'Service Unavailable', message: 'down' } })
      : route.fallback(),
  );
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status')).toContainText('could not do this right now (error 503)');
  await expect(page.getByLabel('Standfirst')).toHaveValue('Winter sailings start on Monday.');

  await page.unrouteAll();
  await page.route(`**/api/articles/${id}`, (route) =>
    route.request().method() === 'PATCH' ? route.abort('internetdisconnected') : route.fallback(),
  );
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status')).toContainText('The server could not be reached. Your work is kept here');
  await expect(page.getByLabel('Standfirst')).toHaveValue('Winter sailings start on Monday.');

  await page.unrouteAll();
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status')).toContainText('Saved · version 2');
  const res = await request.get(`/api/articles/${id}?minVersion=2`, { headers: { authorization: `Bearer ${token}` } });
  expect(((await res.json()) as ArticleView).working.standfirst).toBe('Winter sailings start on Monday.');
});

test('an ended session loses nothing: after signing in again the typed text is offered back and saved', async ({
  page,
  request,
}) => {
  const { id, token } = await draftAndOpen(page, request, 'Bridge closure');
  await page.getByLabel('Dateline').fill('LISBON');
  await page.getByLabel('Standfirst').fill('The bridge shuts for repairs from Friday night.');
  const session = await page.evaluate(() => JSON.parse(sessionStorage.getItem('newsroom.session')!).accessToken);
  await page.request.post('/api/auth/logout', { headers: { authorization: `Bearer ${session}` } });

  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page).toHaveURL(/\/sign-in\?reason=expired/);
  await signIn(page, 'editor');
  await page.goto(`/articles/${id}`);
  await page.getByRole('button', { name: 'Restore my unsaved changes' }).click();
  await expect(page.getByLabel('Standfirst')).toHaveValue('The bridge shuts for repairs from Friday night.');
  await expect(page.getByLabel('Dateline')).toHaveValue('LISBON');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status')).toContainText('Saved · version 2');
  const res = await request.get(`/api/articles/${id}?minVersion=2`, { headers: { authorization: `Bearer ${token}` } });
  expect(((await res.json()) as ArticleView).working).toMatchObject({
    dateline: 'LISBON',
    standfirst: 'The bridge shuts for repairs from Friday night.',
  });
});
