import { expect as baseExpect, test } from '@playwright/test';
import { articleWithSevenVersions, STORY } from './article-history.fixture';
import { expectAccessible, screenshot, signIn } from './newsroom.page';

// A past version is replayed from the event store on a machine the whole suite shares: give a page
// longer than the default to show it.
const expect = baseExpect.configure({ timeout: 30_000 });

test('an editor reads the history, compares two versions word by word and links to one read only', async ({
  page,
  request,
}, info) => {
  // Seven versions made through the API, then waited for in the read model: slower than one page.
  test.setTimeout(360_000);
  const { id, history } = await articleWithSevenVersions(request);
  await signIn(page, 'editor');
  await page.goto(`/articles/${id}`);
  await page.getByRole('link', { name: 'History and compare versions' }).click();
  await expect(page.getByRole('heading', { name: 'History', level: 1 })).toBeVisible();

  // Every version, newest first, with who (and in which role) did what.
  const versions = page.getByRole('list', { name: 'Versions, newest first' });
  await expect(versions.getByRole('listitem')).toHaveCount(7);
  const second = versions.getByRole('listitem', { name: 'Version 2', exact: true });
  await expect(second).toContainText('Rey Reporter (reporter)');
  await expect(second).toContainText(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}(:\d{2})? UTC/);
  await second.getByText('Field changes in version 2').click();
  await expect(second.getByRole('table', { name: 'What version 2 changed' })).toContainText('Standfirst');

  // The live story and its correction.
  const live = page.getByRole('region', { name: 'Live story and corrections' });
  await expect(live).toContainText('Readers see the text of version 4 (first publication)');
  await expect(live.getByRole('list', { name: 'Corrections and clarifications' })).toContainText(STORY.correction);

  // The default comparison: since last published (5) against the newest (7).
  await expect(page.getByRole('heading', { name: 'Compare version 5 with version 7' })).toBeVisible();
  const words = page.getByRole('region', { name: 'Body, word by word' });
  await expect(words.getByRole('deletion')).toHaveText(/six/);
  await expect(words.getByRole('insertion').first()).toHaveText(/seven/);
  await expect(
    page
      .getByRole('table', { name: 'Fields that differ between version 5 and version 7' })
      .getByRole('row', { name: /Dateline/ }),
  ).toContainText('SOUTHSEA');
  await expectAccessible(page);
  await screenshot(page, info, 'history');

  // Any two versions: chosen, swapped, and from the presets; the pair is in the URL.
  await page.getByLabel('From version').selectOption('1');
  await page.getByLabel('To version').selectOption('2');
  await expect(page).toHaveURL(/from=1&to=2/);
  await expect(words.getByRole('insertion').first()).toHaveText(/six weeks of/);
  await page.getByRole('button', { name: 'Swap versions' }).click();
  await expect(page.getByRole('heading', { name: 'Compare version 2 with version 1' })).toBeVisible();
  await expect(words.getByRole('deletion').first()).toHaveText(/six weeks of/);
  await page.getByRole('button', { name: 'Previous version against the newest' }).click();
  await expect(page.getByRole('heading', { name: 'Compare version 6 with version 7' })).toBeVisible();
  await expect(words).toContainText('The body did not change.');
  await expectAccessible(page);

  // Version 2 read only, by its link, with its banner; the link survives a reload.
  await versions.getByRole('link', { name: 'Open version 2 read only' }).click();
  await expect(page).toHaveURL(new RegExp(`/articles/${id}/versions\\?version=2$`));
  const banner = page.getByRole('status').filter({ hasText: 'read only' });
  const at = history[1].occurredAt.slice(0, 16).replace('T', ' ');
  await expect(banner).toContainText(`Version 2, as of ${at}`);
  await expect(banner).toContainText('— read only');
  await expect(page.getByRole('article')).toContainText(STORY.revisedBody);
  await expect(page.getByRole('textbox', { name: /headline|standfirst|paragraph/i })).toHaveCount(0);
  await expectAccessible(page);
  await screenshot(page, info, 'version-read-only');
  await page.reload();
  await expect(page.getByRole('status').filter({ hasText: 'read only' })).toContainText('Version 2, as of');
  await expect(page.getByRole('article')).toContainText(STORY.revisedBody);

  // Stepping and a moment: the asOf lands in the URL, and a link to it shows the same state.
  await page.getByRole('button', { name: 'Next version' }).click();
  await expect(page).toHaveURL(/version=3$/);
  await page.goto(`/articles/${id}/versions?asOf=${encodeURIComponent(history[4].occurredAt)}`);
  await expect(page.getByRole('status').filter({ hasText: 'read only' })).toContainText('Version 5, as of');
  await expect(page.getByRole('article')).toContainText(STORY.revisedBody);
  await page.getByLabel('As of (UTC)').fill('2099-01-01T00:00');
  await page.getByRole('button', { name: 'Show this moment' }).click();
  await expect(page).toHaveURL(/asOf=2099-01-01T00%3A00%3A00\.000Z/);
  await expect(page.getByRole('status').filter({ hasText: 'read only' })).toContainText(
    'Version 7, as of 2099-01-01 00:00 UTC — read only',
  );
  await expect(page.getByRole('article')).toContainText(STORY.updatedBody);
  await page.reload();
  await expect(page.getByRole('status').filter({ hasText: 'read only' })).toContainText(
    'Version 7, as of 2099-01-01 00:00 UTC',
  );
  await expectAccessible(page);
});
