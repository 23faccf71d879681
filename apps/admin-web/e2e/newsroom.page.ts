import AxeBuilder from '@axe-core/playwright';
import { expect, type APIRequestContext, type Page, type TestInfo } from '@playwright/test';

export type DemoRole = 'editor' | 'reporter' | 'auditor' | 'admin';

/** Signs in through the sign-in page, as a person would. */
export async function signIn(page: Page, role: DemoRole) {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(`${role}@newsroom.test`);
  await page.getByRole('textbox', { name: 'Password' }).fill('newsroom');
  await page.getByRole('button', { name: 'Sign in' }).click();
  // Signing in hashes a password: slow on a busy machine.
  await expect(page.getByRole('heading', { name: 'Board', level: 1 })).toBeVisible({ timeout: 60_000 });
}

/** A token straight from the API, to set up or check what the UI did. */
export async function apiToken(request: APIRequestContext, role: DemoRole): Promise<string> {
  const res = await request.post('/api/auth/login', { data: { email: `${role}@newsroom.test`, password: 'newsroom' } });
  expect(res.status()).toBe(200);
  return ((await res.json()) as { accessToken: string }).accessToken;
}

/** Zero WCAG 2.0/2.1/2.2 A and AA violations on what the page shows now. */
export async function expectAccessible(page: Page) {
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'])
    .analyze();
  expect(
    violations.map((v) => ({ rule: v.id, impact: v.impact, targets: v.nodes.map((n) => n.target.join(' ')) })),
  ).toEqual([]);
}

/** A full-page screenshot at 1440×900 under the test output, for a reviewer. */
export async function screenshot(page: Page, info: TestInfo, name: string) {
  // From the top: a full-page capture draws the sticky header where the viewport was scrolled to.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: info.outputPath(`${name}.png`), fullPage: true });
}
