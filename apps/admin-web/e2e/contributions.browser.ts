import { expect, test } from '@playwright/test';
import type { ArticleView } from '@newsroom/contracts';
import { apiToken, expectAccessible, screenshot, signIn } from './newsroom.page';

const TITLE =
  'a reporter contributes in the UI; an editor sees it arrive live, previews and accepts it at a position; ' +
  'the reporter sees it accepted and credited';

test(TITLE, async ({ browser, baseURL, request }, info) => {
  // Two browser contexts and five axe scans on a shared two-core machine: one run took 4.7 minutes.
  test.setTimeout(600_000);
  // What the stream or the inbox's poll brings shows without a reload; on a loaded machine it has
  // taken longer than expect's default.
  const live = { timeout: 30_000 };
  const tag = `quay${Date.now().toString(36)}`;
  const headline = `Ferry strike ends at dawn ${tag}`;
  const auth = { authorization: `Bearer ${await apiToken(request, 'editor')}` };
  const drafted = await request.post('/api/articles', {
    headers: auth,
    data: {
      headline,
      body: [
        { type: 'paragraph', text: 'The ferry strike ended at dawn.' },
        { type: 'paragraph', text: 'Unions and operators signed at the harbour office.' },
        { type: 'paragraph', text: 'Services resume on Tuesday.' },
      ],
    },
  });
  expect(drafted.status()).toBe(201);
  const { id } = (await drafted.json()) as { id: string };

  const [editor, reporter] = await Promise.all(
    [1, 2].map(async () => (await browser.newContext({ baseURL, viewport: { width: 1440, height: 900 } })).newPage()),
  );

  // The editor opens the article's workspace first: the contribution must come to it.
  await signIn(editor, 'editor');
  await editor.goto(`/articles/${id}`);
  const inbox = editor.getByRole('region', { name: /^Contributions \(/ });
  // The article read model may still be catching up with the draft on a loaded machine.
  await expect(editor.getByRole('status').first()).toContainText('Saved · version 1', live);
  await expect(inbox.getByRole('heading', { level: 2 })).toHaveText('Contributions (0 open)', live);
  await editor.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));

  // The reporter reads the article and contributes: a paragraph and a quote with attribution, a credit, a note.
  await signIn(reporter, 'reporter');
  await reporter.getByRole('link', { name: 'My contributions' }).click();
  await expect(reporter.getByRole('heading', { name: 'My stories and contributions', level: 1 })).toBeVisible();
  await reporter.goto(`/articles/${id}/contribute`);
  await expect(reporter.getByRole('heading', { name: `Contribute to “${headline}”`, level: 1 })).toBeVisible();
  await expect(reporter.getByRole('list', { name: 'Body blocks of the article' }).getByRole('listitem')).toHaveCount(3);
  const form = reporter.getByRole('form', { name: `Contribute to ${headline}` });
  await form.getByLabel('Paragraph 1', { exact: true }).fill('Passengers queued on the quay before six.');
  await form.getByLabel('Type of new block').selectOption('quote');
  await form.getByRole('button', { name: 'Add quote' }).click();
  await form.getByLabel('Quote 2', { exact: true }).fill('We slept in the car.');
  await form.getByLabel('Attribution of quote 2').fill('Ana Ruiz, a commuter');
  await form.getByLabel('Credit role').selectOption('contributor');
  await form.getByLabel('Affiliation').fill('Harbour Herald');
  await form.getByLabel('Note to the desk').fill('Spoke to her at 05:40; photo to follow.');
  await expectAccessible(reporter);
  await screenshot(reporter, info, 'contribute');
  await form.getByRole('button', { name: 'Send to the desk' }).click();
  await expect(reporter.getByText(/^Sent to the desk\. Your contribution \(2 blocks\)/)).toBeVisible();
  const sent = reporter.getByRole('region', { name: /^What you sent to this article/ });
  await expect(sent.getByRole('article')).toContainText('Submitted');

  // The editor's inbox shows it without a reload.
  await expect(inbox.getByRole('heading', { level: 2 })).toHaveText('Contributions (1 open)', live);
  const card = inbox.getByRole('article', { name: 'Contribution by Rey Reporter, submitted' });
  await expect(card).toContainText('Passengers queued on the quay before six.');
  await expect(card).toContainText('Note to the desk: Spoke to her at 05:40; photo to follow.');
  await expectAccessible(editor);

  // The preview says where the blocks land; the editor puts them after block 1.
  await card.getByRole('button', { name: 'Preview and accept' }).click();
  const dialog = editor.getByRole('dialog', { name: "Preview the merge of Rey Reporter's contribution" });
  await expect(dialog.getByRole('list', { name: 'Diff of the body' })).toContainText('Added · 4');
  await dialog.getByLabel('Insert the contribution').selectOption('1');
  await expect(dialog.getByRole('listitem', { name: 'Added as block 2' })).toContainText(
    'Passengers queued on the quay before six.',
  );
  await expect(dialog.getByRole('listitem', { name: 'Added as block 3' })).toContainText('Ana Ruiz, a commuter');
  await expect(dialog.getByRole('list', { name: 'Diff of the body' })).toContainText('2 → 4');
  await expect(dialog).toContainText('Credit added to the article: Rey Reporter, contributor (Harbour Herald)');
  await expectAccessible(editor);
  await screenshot(editor, info, 'merge-preview');
  await dialog.getByRole('button', { name: 'Accept and insert after block 1' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(inbox).toContainText("Accepted Rey Reporter's contribution: merged after block 1");
  await expect(inbox.getByRole('heading', { level: 2 })).toHaveText('Contributions (0 open)');
  await expect(inbox.getByRole('article', { name: 'Contribution by Rey Reporter, accepted' })).toBeVisible();

  // The article holds the blocks where the editor put them, and the credit.
  await expect
    .poll(async () => {
      const res = await request.get(`/api/articles/${id}`, { headers: auth });
      const a = (await res.json()) as ArticleView;
      return {
        body: a.working.body.map((b) => ('text' in b ? b.text : b.type)),
        credits: a.working.contributors.map((c) => `${c.name}/${c.role}/${c.affiliation}`),
      };
    }, live)
    .toEqual({
      body: [
        'The ferry strike ended at dawn.',
        'Passengers queued on the quay before six.',
        'We slept in the car.',
        'Unions and operators signed at the harbour office.',
        'Services resume on Tuesday.',
      ],
      credits: ['Rey Reporter/contributor/Harbour Herald'],
    });
  expect(await editor.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
  await screenshot(editor, info, 'inbox-after-accept');

  // The reporter's own page: accepted, and the credit given.
  await reporter.getByRole('link', { name: 'My stories and contributions' }).click();
  const decided = reporter.getByRole('region', { name: 'Decided' });
  const mine = decided.getByRole('article', { name: 'Contribution by Rey Reporter, accepted' }).filter({
    has: reporter.getByRole('link', { name: headline }),
  });
  await expect(mine).toContainText('Accepted by Eda Editor', live);
  await expect(mine).toContainText('Credited as Rey Reporter, contributor (Harbour Herald)');
  await expectAccessible(reporter);
  await screenshot(reporter, info, 'my-contributions');
});
