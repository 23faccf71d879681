import { expect, test } from '@playwright/test';
import type { ArticleView } from '@newsroom/contracts';
import { apiToken, expectAccessible, screenshot, signIn } from './newsroom.page';

const WRITE_CONTROLS = new RegExp(
  '^(save|create draft|submit for review|request changes|approve|schedule|publish|unpublish|issue a correction|' +
    'move |insert |delete |add )',
  'i',
);

test('the sign-in page names its fields and has no accessibility violations', async ({ page }, info) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(page.getByLabel('Email')).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Password' })).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, info, 'sign-in');
});

test('a wrong password is said in a sentence, and nothing else happens', async ({ page }) => {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill('editor@newsroom.test');
  await page.getByRole('textbox', { name: 'Password' }).fill('not the password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toContainText(/invalid|incorrect|wrong/i);
  await expect(page).toHaveURL(/\/sign-in$/);
});

test('an editor drafts and edits an article in the UI, and the API returns exactly what was typed', async ({
  page,
  request,
}, info) => {
  await signIn(page, 'editor');
  for (const column of [
    'Draft',
    'In review',
    'Changes requested',
    'Approved',
    'Scheduled',
    'Published',
    'Unpublished',
  ]) {
    await expect(page.getByRole('heading', { name: new RegExp(`^${column} \\(`), level: 2 })).toBeVisible();
  }
  await expectAccessible(page);
  await screenshot(page, info, 'board');

  await page.getByLabel('New article headline').fill('Ministers meet in London');
  await page.getByRole('button', { name: 'Create draft' }).click();
  await expect(page).toHaveURL(/\/articles\/[0-9a-f-]{36}$/);
  const id = page.url().split('/').pop()!;
  await expect(page.getByRole('status')).toContainText('Saved · version 1');

  await page.getByLabel('Headline', { exact: true }).fill('Ministers meet in London over the budget');
  await page.getByLabel('Standfirst').fill('Talks run late into the night.');
  await page.getByLabel('Dateline').fill('LONDON');
  await page.getByLabel('Sections').fill('Politics, World');
  await expect(page.getByRole('status')).toContainText('Unsaved changes');
  await page.getByRole('button', { name: 'Add paragraph at the end' }).click();
  await page.getByLabel('Paragraph 1', { exact: true }).fill('Ministers met on Monday.');
  await page.getByLabel('Type of new block').selectOption('quote');
  await page.getByRole('button', { name: 'Add quote at the end' }).click();
  await page.getByLabel('Quote 2', { exact: true }).fill('We will find a way.');
  await page.getByLabel('Attribution of quote 2').fill('The Chancellor');
  await page.getByRole('button', { name: 'Move Quote 2 up' }).click();
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status')).toContainText('Saved · version 2');
  await expectAccessible(page);
  await screenshot(page, info, 'workspace');

  const token = await apiToken(request, 'editor');
  const res = await request.get(`/api/articles/${id}?minVersion=2`, { headers: { authorization: `Bearer ${token}` } });
  const article = (await res.json()) as ArticleView;
  expect(article.working).toMatchObject({
    headline: 'Ministers meet in London over the budget',
    standfirst: 'Talks run late into the night.',
    dateline: 'LONDON',
    sections: ['Politics', 'World'],
    body: [
      { type: 'quote', text: 'We will find a way.', attribution: 'The Chancellor' },
      { type: 'paragraph', text: 'Ministers met on Monday.' },
    ],
  });

  // The session survives a reload of the tab.
  await page.reload();
  await expect(page.getByLabel('Headline', { exact: true })).toHaveValue('Ministers meet in London over the budget');
});

test('a reporter sees no publish or approve control, only what a reporter may do', async ({ page }) => {
  await signIn(page, 'reporter');
  await page.getByLabel('New article headline').fill('Floods in the north');
  await page.getByRole('button', { name: 'Create draft' }).click();
  await expect(page.getByRole('button', { name: 'Submit for review' })).toBeVisible();
  await expect(page.getByRole('button', { name: /publish|approve|request changes|schedule/i })).toHaveCount(0);
  await expect(page.getByText(/publish/i)).toHaveCount(0);
  await expectAccessible(page);
});

test('an auditor sees no write control at all', async ({ page, request }, info) => {
  const token = await apiToken(request, 'editor');
  const drafted = await request.post('/api/articles', {
    headers: { authorization: `Bearer ${token}` },
    data: { headline: 'Audited story', body: [{ type: 'paragraph', text: 'Read only.' }] },
  });
  const { id } = (await drafted.json()) as { id: string };

  await signIn(page, 'auditor');
  await expect(page.getByLabel('New article headline')).toHaveCount(0);
  await page.goto(`/articles/${id}`);
  await expect(page.getByLabel('Headline', { exact: true })).toHaveValue('Audited story');
  await expect(page.getByLabel('Headline', { exact: true })).not.toBeEditable();
  await expect(page.getByLabel('Paragraph 1', { exact: true })).not.toBeEditable();
  await expect(page.getByRole('button', { name: WRITE_CONTROLS })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Workflow' })).toHaveCount(0);
  // An auditor saved nothing: the line under the title says which version this is and who made it.
  await expect(page.getByRole('status').first()).toContainText(/^Version 1 · last changed .+ by Eda Editor$/);
  await expectAccessible(page);
  await screenshot(page, info, 'workspace-auditor');
});

test('a revoked session goes back to sign-in with a message, and signing out ends it', async ({ page }) => {
  await signIn(page, 'editor');
  const token = await page.evaluate(() => JSON.parse(sessionStorage.getItem('newsroom.session')!).accessToken);
  await page.request.post('/api/auth/logout', { headers: { authorization: `Bearer ${token}` } });
  await page.reload();
  await expect(page).toHaveURL(/\/sign-in\?reason=expired/);
  await expect(page.getByText('Your session has ended')).toBeVisible();

  await signIn(page, 'editor');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByText('You are signed out.')).toBeVisible();
  await page.goto('/board');
  await expect(page).toHaveURL(/\/sign-in$/);
});
