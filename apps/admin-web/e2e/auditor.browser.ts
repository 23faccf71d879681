import { readFileSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { expect as baseExpect, test, type Page } from '@playwright/test';
import { unzipBundle, verifyBundle } from '../../../test/audit-bundle.fixture';
import { articleWithSevenVersions, STORY } from './article-history.fixture';
import { expectAccessible, screenshot, signIn } from './newsroom.page';

// Replays and the whole log on a machine the whole suite shares: longer than the default wait.
const expect = baseExpect.configure({ timeout: 30_000 });

const WRITE_CONTROLS = new RegExp(
  '^(save|create draft|submit for review|request changes|approve|schedule|publish|unpublish|issue a correction|' +
    'move |insert |delete |add |restore|discard)',
  'i',
);

/** Every request the page sends that could change something: anything but a read, sign-in and sign-out. */
function writesSentBy(page: Page): string[] {
  const writes: string[] = [];
  page.on('request', (r) => {
    const path = new URL(r.url()).pathname;
    if (r.method() !== 'GET' && r.method() !== 'HEAD' && !/^\/api\/auth\/(login|logout)$/.test(path)) {
      writes.push(`${r.method()} ${path}`);
    }
  });
  return writes;
}

async function expectNoWriteControl(page: Page) {
  await expect(page.getByRole('button', { name: WRITE_CONTROLS })).toHaveCount(0);
  await expect(page.getByRole('link', { name: WRITE_CONTROLS })).toHaveCount(0);
}

test('an auditor filters the log, steps through versions, compares two, checks integrity and changes nothing', async ({
  page,
  request,
}, info) => {
  test.setTimeout(420_000);
  const { id } = await articleWithSevenVersions(request);
  const writes = writesSentBy(page);
  await signIn(page, 'auditor');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit log' }).click();
  await expect(page.getByRole('heading', { name: 'Audit log', level: 1 })).toBeVisible();
  await expectNoWriteControl(page);

  // Integrity of everything: every article and the whole signed log, with what a pass proves.
  await page.getByRole('button', { name: 'Check every article and the whole log' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Pass: everything holds' })).toBeVisible({ timeout: 60_000 });
  await expect(
    page.getByRole('list', { name: 'What a pass of everything proves, and what it does not' }),
  ).toContainText('Does not prove');

  // The log filtered to the article: its seven entries, the filter in the URL.
  await page.getByLabel('Article id').fill(id);
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(new RegExp(`/audit\\?article=${id}$`));
  const log = page.getByRole('table', { name: /entries shown/ });
  await expect(log).toHaveAccessibleName(/^7 entries shown, oldest first/);
  const drafted = log.getByRole('row').filter({ hasText: 'ArticleDrafted' });
  await expect(drafted).toContainText('Rey Reporter(reporter)');
  await expect(drafted).toContainText(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}(:\d{2})? UTC/);
  await drafted.getByText('Field changes').click();
  await expect(drafted.getByRole('table', { name: /What version 1 of article/ })).toContainText(STORY.headline);
  await expectAccessible(page);
  await screenshot(page, info, 'audit-log');

  // One role's entries, linked and exported with a name that says so.
  await page.getByLabel('Role').selectOption('editor');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/role=editor/);
  await expect(log).toHaveAccessibleName(/^4 entries shown/);
  await page.reload();
  await expect(page.getByRole('table', { name: /entries shown/ })).toHaveAccessibleName(/^4 entries shown/);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export this view as CSV' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(
    new RegExp(`^newsroom-audit_article-${id.slice(0, 8)}_role-editor_exported-\\d{4}-\\d{2}-\\d{2}T\\d{6}Z\\.csv$`),
  );
  const csv = (await (await download.createReadStream()).toArray()).join('').trim().split('\n');
  expect(csv).toHaveLength(5);
  expect(csv.slice(1).every((line) => line.includes(`"${id}"`) && line.includes('"editor"'))).toBe(true);

  // The article's own audit: its timeline with every field change open.
  await page.getByRole('link', { name: `Article ${id.slice(0, 8)}, version 4` }).click();
  await expect(page.getByRole('heading', { name: 'Article audit', level: 1 })).toBeVisible();
  const timeline = page.getByRole('list', { name: 'Every event, newest first' });
  await expect(timeline.getByRole('listitem')).toHaveCount(7);
  await expect(timeline.getByRole('table', { name: 'What version 6 changed' })).toContainText('SOUTHSEA');
  await expectNoWriteControl(page);
  await expectAccessible(page);

  // Time travel: the newest version, then a step back, then version 2, each read only.
  await page.getByRole('tab', { name: 'Time travel' }).click();
  const banner = page.getByRole('status').filter({ hasText: 'read only' });
  await expect(banner).toContainText('Version 7, as of');
  await page.getByRole('button', { name: 'Previous version' }).click();
  await expect(banner).toContainText('Version 6, as of');
  await expect(page).toHaveURL(/tab=time-travel&version=6/);
  await page.getByLabel('Version', { exact: true }).selectOption('2');
  await expect(banner).toContainText('Version 2, as of');
  await expect(page.getByRole('article')).toContainText(STORY.revisedBody);
  await expectNoWriteControl(page);
  await expectAccessible(page);
  await screenshot(page, info, 'audit-time-travel');

  // Compare two versions: the body word by word.
  await page.getByRole('tab', { name: 'Compare' }).click();
  await page.getByLabel('From version').selectOption('2');
  await page.getByLabel('To version').selectOption('6');
  await expect(page.getByRole('heading', { name: 'Compare version 2 with version 6' })).toBeVisible();
  const words = page.getByRole('region', { name: 'Body, word by word' });
  await expect(words.getByRole('deletion')).toHaveText(/six/);
  await expect(words.getByRole('insertion')).toHaveText(/seven/);
  await expectAccessible(page);
  await screenshot(page, info, 'audit-compare');

  // Integrity: the chain holds, and the page says what that proves and what it does not.
  await page.getByRole('tab', { name: 'Integrity' }).click();
  await page.getByRole('button', { name: 'Run the integrity check' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Pass' })).toContainText('All 7 events chain');
  await expect(page.getByRole('region', { name: 'What a pass proves, and what it does not' })).toContainText(
    'Does not prove',
  );
  await expectNoWriteControl(page);
  await expectAccessible(page);
  await screenshot(page, info, 'audit-integrity');

  // The verifiable bundle, named for what it holds, accepted offline by its own verifier as a separate
  // process, against the key the API publishes.
  const [bundle] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download the verifiable bundle' }).click(),
  ]);
  expect(bundle.suggestedFilename()).toMatch(new RegExp(`^newsroom-audit-article-${id}-tree-\\d+\\.zip$`));
  const folder = await unzipBundle(readFileSync(await bundle.path()));
  try {
    const key = (await (await request.get('/api/audit/public-key')).text()).trim();
    expect(verifyBundle(folder, key)).toEqual({
      status: 0,
      out: expect.stringMatching(/^OK: 7 events of 1 articles hold/),
    });
  } finally {
    rmSync(dirname(folder), { recursive: true, force: true });
  }

  // Nothing the auditor did sent anything but reads.
  expect(writes).toEqual([]);
});
