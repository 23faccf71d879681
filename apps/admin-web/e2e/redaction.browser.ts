import { expect as baseExpect, test, type APIRequestContext } from '@playwright/test';
import { apiToken, expectAccessible, screenshot, signIn } from './newsroom.page';

// Issue #12 in the browser: an admin orders a source's name removed from a published story through the
// workspace, and neither the workspace nor the history shows it again. A write and a re-read of the
// whole history on a machine the suite shares: longer than the default wait.
const expect = baseExpect.configure({ timeout: 30_000 });

const SOURCE = 'Ada Lindqvist';
const ORDER = {
  reason: 'Court order protecting a source',
  legalBasis: 'Contempt of Court Act 1981, s.10',
  reference: 'HC-2030-0117',
};

/** A published story that names its source: drafted (1), submitted (2), approved (3), published (4). */
async function storyNamingASource(request: APIRequestContext): Promise<string> {
  const reporter = { authorization: `Bearer ${await apiToken(request, 'reporter')}` };
  const editor = { authorization: `Bearer ${await apiToken(request, 'editor')}` };
  const ok = async (res: Awaited<ReturnType<APIRequestContext['post']>>) => {
    expect(res.ok(), `${res.url()} answered ${res.status()}: ${await res.text()}`).toBe(true);
    return (await res.json()) as { id?: string };
  };
  const { id } = await ok(
    await request.post('/api/articles', {
      headers: reporter,
      data: {
        headline: 'Quota plan leaked',
        body: [{ type: 'paragraph', text: `The plan was passed to us by ${SOURCE} at the harbour.` }],
      },
    }),
  );
  await ok(await request.post(`/api/articles/${id}/submit`, { headers: reporter }));
  await ok(await request.post(`/api/articles/${id}/approve`, { headers: editor }));
  await ok(await request.post(`/api/articles/${id}/publish`, { headers: editor, data: {} }));
  await expect
    .poll(async () => {
      const res = await request.get(`/api/articles/${id}/history`, { headers: editor });
      return res.ok() ? ((await res.json()) as { items: unknown[] }).items.length : 0;
    })
    .toBe(4);
  return id!;
}

test('an admin redacts a source’s name in the workspace: gone there and from history; an editor sees no panel', async ({
  page,
  browser,
  request,
}, info) => {
  test.setTimeout(300_000);
  const id = await storyNamingASource(request);

  // An editor: the workspace without the panel.
  const editorPage = await browser.newPage();
  try {
    await signIn(editorPage, 'editor');
    await editorPage.goto(`/articles/${id}`);
    await expect(editorPage.getByRole('heading', { name: 'Quota plan leaked', level: 1 })).toBeVisible();
    await expect(editorPage.getByRole('region', { name: 'Legal redactions' })).toHaveCount(0);
    await expect(editorPage.getByRole('button', { name: /redact/i })).toHaveCount(0);
  } finally {
    await editorPage.close();
  }

  await signIn(page, 'admin');
  await page.goto(`/articles/${id}`);
  const paragraph = page.getByLabel('Paragraph 1', { exact: true });
  await expect(paragraph).toHaveValue(new RegExp(SOURCE));
  const panel = page.getByRole('region', { name: 'Legal redactions' });
  await expect(panel).toContainText('No redaction has been ordered for this article.');
  const form = panel.getByRole('form', { name: 'Redact a passage' });
  const passage = form.getByLabel('Passage to remove');

  // A passage the article does not hold: refused, said under the passage field, nothing redacted.
  await passage.fill('Nobody Of That Name');
  await form.getByLabel('Reason').fill(ORDER.reason);
  await form.getByLabel('Legal basis').fill(ORDER.legalBasis);
  await form.getByLabel('Reference').fill(ORDER.reference);
  await form.getByRole('button', { name: 'Redact the passage…' }).click();
  await page
    .getByRole('dialog', { name: 'Redact this passage for good?' })
    .getByRole('button', { name: 'Redact for good' })
    .click();
  await expect(passage).toHaveAttribute('aria-invalid', 'true');
  await expect(passage).toHaveAccessibleDescription(/does not occur in any version of the article/);
  await expect(passage).toBeFocused();
  await expect(panel.getByRole('alert')).toContainText('the passage was not found in any version');

  // The name itself: the dialog says it is for good, and is answered with the keyboard alone.
  await passage.fill(SOURCE);
  await form.getByRole('button', { name: 'Redact the passage…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Redact this passage for good?' });
  await expect(dialog).toContainText('This cannot be undone');
  await expect(dialog).toContainText('Every version of the article');
  await expect(dialog).toContainText('read the passage as redacted');
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await expectAccessible(page);
  await screenshot(page, info, 'redaction-dialog');
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Redact for good' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);

  // Done: said, listed, and gone from the workspace.
  await expect(
    panel.getByText('Redacted: every version of the article now reads the passage as redacted'),
  ).toBeVisible();
  const orders = panel.getByRole('table', { name: 'Redaction orders, oldest first' });
  const row = orders.getByRole('row').filter({ hasText: ORDER.reference });
  await expect(row).toContainText('Ada Admin');
  await expect(row).toContainText('Ada Admin (confirmed)');
  await expect(row).toContainText('Redacted');
  await expect(row).toContainText(ORDER.legalBasis);
  await expect(row).toContainText(ORDER.reason);
  await expect(row).toContainText(/\d+ fields?/);
  await expect(passage).toHaveValue('');
  await expect(paragraph).not.toHaveValue(new RegExp(SOURCE));
  await expect(page.locator('main')).not.toContainText(SOURCE);
  await expectAccessible(page);
  await screenshot(page, info, 'redaction-ordered');

  // The history: no version shows the name any more, and the workspace after a reload neither.
  await page.getByRole('link', { name: 'History and compare versions' }).click();
  await expect(page.getByRole('heading', { name: 'History', level: 1 })).toBeVisible();
  const versions = page.getByRole('list', { name: 'Versions, newest first' });
  await expect(versions.getByRole('listitem')).toHaveCount(5);
  await expect(page.locator('main')).not.toContainText(SOURCE);
  await expect(page.locator('main')).toContainText(ORDER.reference);
  // Readers were told: the live story's panel says so beside its corrections.
  const notes = page.getByRole('list', { name: 'Corrections and clarifications' });
  await expect(notes).toContainText('removed for legal reasons');
  await expect(notes).toContainText(ORDER.reference);
  // The comparison the page opens on (the redaction against the version before) strikes the order's
  // label through whole, not word by word among the re-issued text's words.
  const wordByWord = page.getByRole('region', { name: 'Body, word by word' });
  await expect(wordByWord.locator('del')).toHaveCount(1);
  await expect(wordByWord.locator('del')).toContainText(`${ORDER.legalBasis} · ${ORDER.reference}`);
  await screenshot(page, info, 'redaction-history');
  await page.goto(`/articles/${id}`);
  await expect(paragraph).not.toHaveValue(new RegExp(SOURCE));
  await expect(panel.getByRole('table', { name: 'Redaction orders, oldest first' })).toContainText(ORDER.reference);
});
