import { expect as baseExpect, test, type Page } from '@playwright/test';
import type { ArticleView } from '@newsroom/contracts';
import { apiToken, type DemoRole } from './newsroom.page';
import { tabTo } from './workspace.page';

// Each step is a round trip through the whole system (API, relay, Kafka, projector) on a shared,
// busy machine: waited for, never slept on, with room for a slow projector.
const expect = baseExpect.configure({ timeout: 60_000 });

// Every step is a key press: no click anywhere in this file.
test.describe.configure({ timeout: 600_000 });

async function signInByKeyboard(page: Page, role: DemoRole) {
  await page.goto('/sign-in');
  await tabTo(page, page.getByLabel('Email'));
  await page.keyboard.type(`${role}@newsroom.test`);
  await page.keyboard.press('Tab');
  await expect(page.getByRole('textbox', { name: 'Password' })).toBeFocused();
  await page.keyboard.type('newsroom');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Board', level: 1 })).toBeVisible();
}

async function press(page: Page, button: string, key: 'Enter' | ' ' = 'Enter', direction?: 'forward' | 'backward') {
  await tabTo(page, page.getByRole('button', { name: button, exact: true }), direction);
  await page.keyboard.press(key === ' ' ? 'Space' : key);
}

test('a story is drafted, submitted, approved, published and corrected with the keyboard alone', async ({
  browser,
  baseURL,
  request,
}) => {
  const newPage = async () => (await browser.newContext({ baseURL, viewport: { width: 1440, height: 900 } })).newPage();
  const rey = await newPage();
  await signInByKeyboard(rey, 'reporter');
  await tabTo(rey, rey.getByLabel('New article headline'));
  await rey.keyboard.type('Night trains return to the coast line');
  await rey.keyboard.press('Enter');
  await expect(rey.getByRole('status')).toContainText('Saved · version 1');
  const id = rey.url().split('/').pop()!;

  await tabTo(rey, rey.getByLabel('Dateline'));
  await rey.keyboard.type('PORTO');
  await press(rey, 'Add paragraph at the end');
  await tabTo(rey, rey.getByLabel('Paragraph 1', { exact: true }), 'backward');
  await rey.keyboard.type('The first night train in ten years left at 22:40.');
  // A quote, typed after the paragraph, then moved above it: inserting and moving need no mouse.
  await tabTo(rey, rey.getByLabel('Type of new block'));
  await rey.keyboard.press('ArrowDown');
  await rey.keyboard.press('ArrowDown');
  await expect(rey.getByLabel('Type of new block')).toHaveValue('quote');
  await press(rey, 'Add quote at the end');
  await tabTo(rey, rey.getByLabel('Quote 2', { exact: true }), 'backward');
  await rey.keyboard.type('It feels like the old days.');
  await rey.keyboard.press('Tab');
  await expect(rey.getByLabel('Attribution of quote 2')).toBeFocused();
  await rey.keyboard.type('A passenger');
  await press(rey, 'Move Quote 2 up', ' ');
  await expect(rey.getByLabel('Quote 1', { exact: true })).toHaveValue('It feels like the old days.');
  await press(rey, 'Save');
  await expect(rey.getByRole('status')).toContainText('Saved · version 2');
  await press(rey, 'Submit for review', 'Enter', 'backward');
  await expect(rey.getByText('Status: In review')).toBeVisible();

  const eda = await newPage();
  await signInByKeyboard(eda, 'editor');
  await eda.goto(`/articles/${id}`);
  await expect(eda.getByText('Status: In review')).toBeVisible();
  await press(eda, 'Approve');
  await expect(eda.getByText('Status: Approved')).toBeVisible();
  await press(eda, 'Publish', ' ');
  await expect(eda.getByText('Status: Published')).toBeVisible();
  await press(eda, 'Issue a correction');
  const dialog = eda.getByRole('dialog', { name: 'Issue a correction' });
  await expect(dialog.getByLabel('Correction text')).toBeFocused();
  await eda.keyboard.type('The train leaves at 22:40, not 22:30.');
  await eda.keyboard.press('Tab');
  await expect(dialog.getByLabel('Kind')).toBeFocused();
  await eda.keyboard.press('ArrowDown');
  await expect(dialog.getByLabel('Kind')).toHaveValue('clarification');
  await tabTo(eda, dialog.getByRole('button', { name: 'Issue a correction' }));
  await eda.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(eda.getByRole('status')).toContainText('Saved · version 6');

  const token = await apiToken(request, 'editor');
  const res = await request.get(`/api/articles/${id}?minVersion=6`, { headers: { authorization: `Bearer ${token}` } });
  const article = (await res.json()) as ArticleView;
  expect(article.status).toBe('published');
  expect(article.live?.content).toMatchObject({
    headline: 'Night trains return to the coast line',
    dateline: 'PORTO',
    body: [
      { type: 'quote', text: 'It feels like the old days.', attribution: 'A passenger' },
      { type: 'paragraph', text: 'The first night train in ten years left at 22:40.' },
    ],
  });
  expect(article.corrections).toMatchObject([{ text: 'The train leaves at 22:40, not 22:30.', kind: 'clarification' }]);
});
