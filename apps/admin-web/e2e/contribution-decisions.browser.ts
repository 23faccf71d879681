import { expect, test } from '@playwright/test';
import { apiToken, expectAccessible, screenshot, signIn } from './newsroom.page';

const TITLE =
  'the desk sends a contribution back with a note and the reporter revises it, then the desk rejects it with a ' +
  'reason; the reporter withdraws another; an unsent contribution survives a reload';

test(TITLE, async ({ browser, baseURL, request }, info) => {
  // Two browser contexts and four axe scans on a shared two-core machine: one run passed every step
  // and ran out of a 5-minute budget in the last scan.
  test.setTimeout(600_000);
  // Decisions that change no article reach the other person's page with the next poll of their list.
  const live = { timeout: 30_000 };
  const tag = `gull${Date.now().toString(36)}`;
  const editorAuth = { authorization: `Bearer ${await apiToken(request, 'editor')}` };
  const reporterAuth = { authorization: `Bearer ${await apiToken(request, 'reporter')}` };
  const drafted = await request.post('/api/articles', {
    headers: editorAuth,
    data: { headline: `Gulls return to the old pier ${tag}`, body: [{ type: 'paragraph', text: 'Gulls are back.' }] },
  });
  expect(drafted.status()).toBe(201);
  const { id } = (await drafted.json()) as { id: string };
  // The submissions themselves are the other test's subject: here they are set up over HTTP.
  for (const text of [`Counted forty nests ${tag}`, `A second thought ${tag}`]) {
    const sent = await request.post(`/api/articles/${id}/contributions`, {
      headers: reporterAuth,
      data: { blocks: [{ type: 'paragraph', text }], credit: { name: 'Rey Reporter', role: 'contributor' } },
    });
    expect(sent.status()).toBe(201);
  }

  const [editor, reporter] = await Promise.all(
    [1, 2].map(async () => (await browser.newContext({ baseURL, viewport: { width: 1440, height: 900 } })).newPage()),
  );
  await signIn(editor, 'editor');
  await editor.goto(`/articles/${id}`);
  const inbox = editor.getByRole('region', { name: /^Contributions \(/ });
  await expect(editor.getByRole('status').first()).toContainText('Saved · version 1', live);
  await expect(inbox.getByRole('heading', { level: 2 })).toHaveText('Contributions (2 open)', live);
  const nests = inbox.getByRole('article').filter({ hasText: 'forty nests' });

  // Sent back with a note.
  await nests.getByRole('button', { name: 'Send back' }).click();
  const sendBack = editor.getByRole('dialog', { name: "Send back with a note: Rey Reporter's contribution" });
  await sendBack.getByLabel('Note to the reporter').fill('Who counted them? Name the source.');
  await expectAccessible(editor);
  await sendBack.getByRole('button', { name: 'Send back' }).click();
  await expect(sendBack).toHaveCount(0);
  await expect(inbox).toContainText("Sent Rey Reporter's contribution back with your note.");
  await expect(nests).toContainText('Sent back for changes');

  // The reporter finds it first, with the desk's note, and revises it.
  await signIn(reporter, 'reporter');
  await reporter.goto('/contributions');
  const sentBack = reporter.getByRole('region', { name: 'Sent back to you' });
  const mine = sentBack.getByRole('article').filter({ hasText: `forty nests ${tag}` });
  await expect(mine).toContainText("The desk's note");
  await expect(mine).toContainText('Who counted them? Name the source.');
  await expectAccessible(reporter);
  await screenshot(reporter, info, 'sent-back');
  await mine.getByRole('button', { name: 'Revise' }).click();
  const revise = reporter.getByRole('form', { name: 'Revise your contribution' });
  await revise.getByLabel('Paragraph 1', { exact: true }).fill(`The warden counted forty nests ${tag}`);
  await revise.getByRole('button', { name: 'Send the revision to the desk' }).click();
  await expect(reporter.getByText('Your revision was sent to the desk.')).toBeVisible();

  // The other one is withdrawn.
  const waiting = reporter.getByRole('region', { name: 'Waiting for the desk' });
  await waiting
    .getByRole('article')
    .filter({ hasText: `A second thought ${tag}` })
    .getByRole('button', { name: 'Withdraw' })
    .click();
  const withdraw = reporter.getByRole('dialog', { name: 'Withdraw this contribution?' });
  await expectAccessible(reporter);
  await withdraw.getByRole('button', { name: 'Withdraw the contribution' }).click();
  await expect(withdraw).toHaveCount(0);
  const decided = reporter.getByRole('region', { name: 'Decided' });
  await expect(decided.getByRole('article').filter({ hasText: `A second thought ${tag}` })).toContainText('Withdrawn');

  // The desk sees the revision and the withdrawal without a reload, then rejects with a reason.
  await expect(inbox.getByRole('heading', { level: 2 })).toHaveText('Contributions (1 open)', live);
  const revised = inbox.getByRole('article').filter({ hasText: 'The warden counted forty nests' });
  await expect(revised).toContainText('Submitted');
  await revised.getByRole('button', { name: 'Reject' }).click();
  const reject = editor.getByRole('dialog', { name: "Reject with a reason: Rey Reporter's contribution" });
  await reject.getByRole('textbox', { name: 'Reason' }).fill('We ran the warden’s count yesterday.');
  await expectAccessible(editor);
  await reject.getByRole('button', { name: 'Reject' }).click();
  await expect(reject).toHaveCount(0);
  await expect(inbox.getByRole('heading', { level: 2 })).toHaveText('Contributions (0 open)');

  // The reporter's page shows the reason with the next look at the list, no reload.
  const rejected = decided.getByRole('article').filter({ hasText: `The warden counted forty nests ${tag}` });
  await expect(rejected).toContainText('Eda Editor: We ran the warden’s count yesterday.', live);
  await expect(rejected.getByText('Rejected', { exact: true }).first()).toBeVisible();
  await screenshot(reporter, info, 'decided');

  // Typed and not sent: a reload brings it back.
  await reporter.goto(`/articles/${id}/contribute`);
  await reporter.getByLabel('Paragraph 1', { exact: true }).fill(`Half a thought ${tag}`);
  await reporter.reload();
  await expect(reporter.getByText('Restored what you typed here earlier and did not send.')).toBeVisible();
  await expect(reporter.getByLabel('Paragraph 1', { exact: true })).toHaveValue(`Half a thought ${tag}`);
  await reporter.getByRole('button', { name: 'Discard it and start afresh' }).click();
  await expect(reporter.getByLabel('Paragraph 1', { exact: true })).toHaveValue('');
});
