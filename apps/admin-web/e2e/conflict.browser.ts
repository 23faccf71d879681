import { expect as baseExpect, test, type Browser, type Page } from '@playwright/test';
import type { ArticleView } from '@newsroom/contracts';
import { apiToken, expectAccessible, screenshot, signIn, type DemoRole } from './newsroom.page';

// Each step is a round trip through the whole system (API, relay, Kafka, projector) on a shared,
// busy machine: waited for, never slept on, with room for a slow projector.
const expect = baseExpect.configure({ timeout: 60_000 });

// Two browsers against the whole system on a shared machine: slower than one page.
test.describe.configure({ timeout: 420_000 });

/** One person in a browser context of their own, on the article's workspace. */
async function person(browser: Browser, baseURL: string | undefined, role: DemoRole, id: string): Promise<Page> {
  const page = await (await browser.newContext({ baseURL, viewport: { width: 1440, height: 900 } })).newPage();
  await signIn(page, role);
  await page.goto(`/articles/${id}`);
  await expect(page.getByRole('status')).toContainText('Saved · version 1');
  return page;
}

test('two people save one version: the second sees what changed, re-applies its fields one by one', async ({
  browser,
  baseURL,
  request,
}, info) => {
  const token = await apiToken(request, 'editor');
  const auth = { authorization: `Bearer ${token}` };
  const drafted = await request.post('/api/articles', {
    headers: auth,
    data: { headline: 'Budget talks', body: [{ type: 'paragraph', text: 'Ministers met on Monday.' }] },
  });
  const { id } = (await drafted.json()) as { id: string };
  const ada = await person(browser, baseURL, 'admin', id);
  const eda = await person(browser, baseURL, 'editor', id);

  // Eda has unsaved edits when Ada saves: Eda is told, never overwritten, and meets the conflict on saving.
  await eda.getByLabel('Headline', { exact: true }).fill('Budget talks collapse');
  await eda.getByLabel('Dateline').fill('BRUSSELS');
  await ada.getByLabel('Headline', { exact: true }).fill('Budget talks resume');
  await ada.getByLabel('Standfirst').fill('Talks resume on Tuesday.');
  await ada.getByLabel('Paragraph 1', { exact: true }).fill('Ministers met again on Monday night.');
  await ada.getByRole('button', { name: 'Save' }).click();
  await expect(ada.getByRole('status')).toContainText('Saved · version 2');

  await expect(
    eda.getByText(/Ada Admin changed this article — version 2\. Your unsaved changes are kept/),
  ).toBeVisible();
  await expect(eda.getByLabel('Dateline')).toHaveValue('BRUSSELS');
  await eda.getByRole('button', { name: 'Save' }).click();

  const panel = eda.getByRole('region', { name: 'Someone else saved first: version 2' });
  await expect(panel).toBeVisible();
  await expect(eda.getByRole('status')).toContainText('Not saved: Ada Admin saved version 2 meanwhile');
  await expect(panel.getByRole('list', { name: 'Changes since your version' })).toContainText(
    'Ada Admin (admin) · version 2',
  );
  await expect(panel).toContainText('Fields changed: headline, standfirst, body');
  await expect(panel.getByLabel('Word changes in the body').locator('ins')).toContainText(['again']);
  const values = panel.getByRole('table', { name: 'Your values and the current ones' });
  await expect(values.getByRole('row', { name: /^headline/ })).toContainText('Budget talks collapse');
  await expect(values.getByRole('row', { name: /^dateline/ })).toContainText('BRUSSELS');
  // The form shows version 2 until the editor chooses to put their own values back.
  await expect(eda.getByLabel('Headline', { exact: true })).toHaveValue('Budget talks resume');
  await expectAccessible(eda);
  await screenshot(eda, info, 'conflict');

  // A reload in the middle loses nothing: the copy in this browser comes back into the same panel.
  await eda.reload();
  await eda.getByRole('button', { name: 'Restore my unsaved changes' }).click();
  await expect(panel).toBeVisible();

  await panel.getByRole('button', { name: 'Re-apply my dateline' }).click();
  await expect(eda.getByLabel('Dateline')).toHaveValue('BRUSSELS');
  await expect(eda.getByLabel('Headline', { exact: true })).toHaveValue('Budget talks resume');
  await panel.getByRole('button', { name: 'Re-apply my headline' }).click();
  await expect(eda.getByLabel('Headline', { exact: true })).toHaveValue('Budget talks collapse');
  await expect(values.getByRole('row', { name: /^headline/ })).toContainText('Re-applied');

  await eda.getByRole('button', { name: 'Save on version 2' }).click();
  await expect(eda.getByRole('status')).toContainText('Saved · version 3');
  await expect(panel).toHaveCount(0);
  const res = await request.get(`/api/articles/${id}?minVersion=3`, { headers: auth });
  const article = (await res.json()) as ArticleView;
  expect(article.working).toMatchObject({
    headline: 'Budget talks collapse',
    standfirst: 'Talks resume on Tuesday.',
    dateline: 'BRUSSELS',
    body: [{ type: 'paragraph', text: 'Ministers met again on Monday night.' }],
  });
});

test('a colleague’s change refreshes a clean workspace and is only told to one with unsaved edits', async ({
  browser,
  baseURL,
  request,
}) => {
  const token = await apiToken(request, 'admin');
  const auth = { authorization: `Bearer ${token}` };
  const drafted = await request.post('/api/articles', { headers: auth, data: { headline: 'Storm warning' } });
  const { id } = (await drafted.json()) as { id: string };
  const eda = await person(browser, baseURL, 'editor', id);

  // Ada works through the API: the workspace hears it from the stream, not from a reload.
  const revise = async (version: number, data: Record<string, unknown>) =>
    expect(
      (await request.patch(`/api/articles/${id}`, { headers: { ...auth, 'if-match': `"${version}"` }, data })).status(),
    ).toBe(200);
  await revise(1, { standfirst: 'Gales reach the coast tonight.' });
  await expect(eda.getByLabel('Standfirst')).toHaveValue('Gales reach the coast tonight.');
  await expect(eda.getByRole('status')).toContainText('Saved · version 2');
  await expect(eda.getByText('Ada Admin changed this article — now showing version 2.')).toBeVisible();

  await eda.getByLabel('Dateline').fill('CARDIFF');
  await revise(2, { standfirst: 'Gales reach the coast at midnight.' });
  await expect(
    eda.getByText(/Ada Admin changed this article — version 3\. Your unsaved changes are kept/),
  ).toBeVisible();
  await expect(eda.getByLabel('Dateline')).toHaveValue('CARDIFF');
  await expect(eda.getByLabel('Standfirst')).toHaveValue('Gales reach the coast tonight.');
  await expect(eda.getByRole('status')).toContainText('Unsaved changes · editing version 2');
});
