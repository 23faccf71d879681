import { expect, type Locator, type Page } from '@playwright/test';
import { expectAccessible } from './newsroom.page';

export type BlockSpec =
  | { type: 'paragraph' | 'subheading'; text: string }
  | { type: 'quote'; text: string; attribution: string }
  | { type: 'photo'; caption: string };

const LABELS = { paragraph: 'Paragraph', subheading: 'Subheading', quote: 'Quote', photo: 'Photo' } as const;

/** Appends one body block through the block editor, as an editor would, and fills it. */
export async function addBlock(page: Page, block: BlockSpec, position: number) {
  await page.getByLabel('Type of new block').selectOption(block.type);
  await page.getByRole('button', { name: `Add ${block.type} at the end` }).click();
  const field = page.getByLabel(`${LABELS[block.type]} ${position}`, { exact: true });
  if (block.type === 'photo') await field.selectOption({ label: block.caption });
  else await field.fill(block.text);
  if (block.type === 'quote') await page.getByLabel(`Attribution of quote ${position}`).fill(block.attribution);
}

/** Opens a dialog with its button, checks it for WCAG violations, and returns it. */
export async function openDialog(page: Page, button: string, title: string): Promise<Locator> {
  await page.getByRole('button', { name: button, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: title });
  await expect(dialog).toBeVisible();
  await expectAccessible(page);
  return dialog;
}

export async function addContributor(
  page: Page,
  c: { name: string; role: string; affiliation?: string },
  checkAccessibility = false,
) {
  await page.getByRole('button', { name: 'Add a contributor', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a contributor' });
  await dialog.getByLabel('Name').fill(c.name);
  await dialog.getByLabel('Role').selectOption(c.role);
  if (c.affiliation) await dialog.getByLabel('Affiliation').fill(c.affiliation);
  if (checkAccessibility) await expectAccessible(page);
  await dialog.getByRole('button', { name: 'Add credit' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('list', { name: 'Contributors' })).toContainText(`${c.name} · ${c.role}`);
}

export async function attachPhoto(
  page: Page,
  p: { url: string; caption: string; credit: string; altText: string; rights: string },
  checkAccessibility = false,
) {
  await page.getByRole('button', { name: 'Attach a photo', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Attach a photo' });
  await dialog.getByLabel('Photo URL').fill(p.url);
  await dialog.getByLabel('Caption').fill(p.caption);
  await dialog.getByLabel('Credit').fill(p.credit);
  await dialog.getByLabel('Alt text').fill(p.altText);
  await dialog.getByLabel('Rights').fill(p.rights);
  if (checkAccessibility) await expectAccessible(page);
  await dialog.getByRole('button', { name: 'Attach photo' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('list', { name: 'Photos' })).toContainText(`${p.caption} · ${p.credit}`);
}

/** Moves the focus with Tab alone until `target` has it: the way a keyboard user gets there. */
export async function tabTo(
  page: Page,
  target: Locator,
  direction: 'forward' | 'backward' = 'forward',
  maxPresses = 150,
) {
  for (let i = 0; i < maxPresses; i++) {
    await page.keyboard.press(direction === 'forward' ? 'Tab' : 'Shift+Tab');
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error(`Tab never reached ${target.toString()} in ${maxPresses} presses`);
}
