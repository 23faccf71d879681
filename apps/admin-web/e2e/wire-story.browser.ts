import { expect as baseExpect, test, type Page } from '@playwright/test';
import type { ArticleView } from '@newsroom/contracts';
import { apiToken, expectAccessible, screenshot, signIn } from './newsroom.page';
import { addBlock, addContributor, attachPhoto, openDialog, type BlockSpec } from './workspace.page';

// Each step is a round trip through the whole system (API, relay, Kafka, projector) on a shared,
// busy machine: waited for, never slept on, with room for a slow projector.
const expect = baseExpect.configure({ timeout: 60_000 });

// Dozens of fields, blocks and dialogs typed one by one, by two people, on a shared machine.
test.describe.configure({ timeout: 1_200_000 });

// An invented story shaped like an agency wire: dateline, sections, subheadings, attributed quotes,
// a "contributed to this report" credit line, and agency photos placed in the body.
const STORY = {
  headline: 'Upstream and downstream states agree a first plan to share the Varna river',
  standfirst: 'After eleven hours of talks, four governments sign a framework on dry-season flows.',
  dateline: 'GENEVA',
  sections: ['World', 'Environment'],
  tags: ['water', 'diplomacy', 'drought'],
  source: 'Newsroom wire',
};

const PHOTOS = [
  {
    url: 'https://photos.example.org/varna/delegates.jpg',
    caption: 'Delegates leave the talks at dawn',
    credit: 'Mara Lind/Northwind Photo Agency',
    altText: 'Four people in coats walk out of a glass building at sunrise',
    rights: 'Editorial use only',
  },
  {
    url: 'https://photos.example.org/varna/riverbed.jpg',
    caption: 'The dry riverbed near Ostra',
    credit: 'Tomas Ek/Baltic Images',
    altText: 'Cracked mud where a river used to flow, with a bridge behind',
    rights: 'Editorial use only',
  },
  {
    url: 'https://photos.example.org/varna/farmers.jpg',
    caption: 'Farmers queue for irrigation permits',
    credit: 'Lea Moreau/Meridian Press Photo',
    altText: 'A line of farmers outside a small office',
    rights: 'Editorial use, no archive',
  },
];

const AUTHOR = { name: 'Rey Reporter', role: 'author', affiliation: 'Newsroom' };
const CONTRIBUTED = [
  ['Ines Varga', 'Budapest'],
  ['Oskar Lunde', 'Oslo'],
  ['Amara Diallo', 'Dakar'],
  ['Petra Novak', 'Prague'],
  ['Jonas Weber', 'Berlin'],
  ['Lucia Ferro', 'Rome'],
  ['Kenji Mori', 'Tokyo'],
  ['Sofia Reyes', 'Madrid'],
].map(([name, city]) => ({ name, role: 'contributor', affiliation: `Newsroom, ${city}` }));

const BODY: BlockSpec[] = [
  { type: 'paragraph', text: 'Four governments agreed early on Tuesday on a first plan to share the Varna river.' },
  { type: 'photo', caption: PHOTOS[0].caption },
  { type: 'subheading', text: 'Eleven hours of talks' },
  { type: 'paragraph', text: 'Negotiators worked through the night in a lakeside hotel.' },
  {
    type: 'quote',
    text: 'Nobody got all they wanted, and that is why it may hold.',
    attribution: 'Anna Berg, mediator',
  },
  { type: 'subheading', text: 'What the plan says' },
  { type: 'paragraph', text: 'Upstream dams will release a minimum flow from June to September.' },
  { type: 'photo', caption: PHOTOS[1].caption },
  { type: 'subheading', text: 'Farmers wait' },
  { type: 'paragraph', text: 'Irrigation permits were suspended in two provinces last summer.' },
  { type: 'quote', text: 'We will believe it when the water reaches our fields.', attribution: 'Milan Horvat, farmer' },
  { type: 'photo', caption: PHOTOS[2].caption },
  { type: 'subheading', text: 'Critics' },
  { type: 'paragraph', text: 'Environmental groups said the minimum flow was set too low.' },
  { type: 'subheading', text: 'Money' },
  { type: 'paragraph', text: 'A joint fund will pay for gauges and a shared data centre.' },
  { type: 'subheading', text: 'Next steps' },
  { type: 'quote', text: 'The hard part starts now.', attribution: 'Lars Koivu, water minister' },
  { type: 'paragraph', text: '(Contributed to this report: eight correspondents; editing by the desk.)' },
];

async function workspaceOf(page: Page, id: string) {
  await page.goto(`/articles/${id}`);
  await expect(page.getByRole('status')).toContainText('Saved · version');
}

test('a wire story built in the UI goes from reporter to desk to readers; the API holds what was typed', async ({
  browser,
  baseURL,
  request,
}, info) => {
  const newPage = async () => (await browser.newContext({ baseURL, viewport: { width: 1440, height: 900 } })).newPage();
  const rey = await newPage();
  await signIn(rey, 'reporter');
  await rey.getByLabel('New article headline').fill(STORY.headline);
  await rey.getByRole('button', { name: 'Create draft' }).click();
  await expect(rey).toHaveURL(/\/articles\/[0-9a-f-]{36}$/);
  const id = rey.url().split('/').pop()!;
  await expect(rey.getByRole('status')).toContainText('Saved · version 1');

  await addContributor(rey, AUTHOR, true);
  for (const c of CONTRIBUTED) await addContributor(rey, c);
  await attachPhoto(rey, PHOTOS[0], true);
  for (const p of PHOTOS.slice(1)) await attachPhoto(rey, p);
  await expect(rey.getByRole('status')).toContainText('Saved · version 13');

  await rey.getByLabel('Standfirst').fill(STORY.standfirst);
  await rey.getByLabel('Dateline').fill(STORY.dateline);
  await rey.getByLabel('Sections').fill(STORY.sections.join(', '));
  await rey.getByLabel('Tags').fill(STORY.tags.join(', '));
  await rey.getByLabel('Source', { exact: true }).fill(STORY.source);
  for (const [i, block] of BODY.entries()) await addBlock(rey, block, i + 1);
  await rey.getByRole('button', { name: 'Save' }).click();
  await expect(rey.getByRole('status')).toContainText('Saved · version 14');
  await expectAccessible(rey);
  await screenshot(rey, info, 'workspace-wire-story');

  await rey.getByRole('button', { name: 'Submit for review' }).click();
  await expect(rey.getByText('Status: In review')).toBeVisible();

  const eda = await newPage();
  await signIn(eda, 'editor');
  await workspaceOf(eda, id);
  const sendBack = await openDialog(eda, 'Request changes', 'Request changes');
  await sendBack.getByLabel('Note to the reporter').fill('Please name the mediator’s organisation.');
  await sendBack.getByRole('button', { name: 'Request changes' }).click();
  await expect(eda.getByText('Status: Changes requested')).toBeVisible();

  // Each person reopens the article to see the other's step: live updates have their own test.
  await workspaceOf(rey, id);
  await expect(rey.getByText('Status: Changes requested')).toBeVisible();
  const mediator = BODY.findIndex((b) => b.type === 'quote') + 1;
  await rey.getByLabel(`Attribution of quote ${mediator}`).fill('Anna Berg, mediator for the Basin Council');
  await rey.getByRole('button', { name: 'Save' }).click();
  await expect(rey.getByRole('status')).toContainText('Saved · version 17');
  await rey.getByRole('button', { name: 'Submit for review' }).click();
  await expect(rey.getByText('Status: In review')).toBeVisible();

  await workspaceOf(eda, id);
  await expect(eda.getByText('Status: In review')).toBeVisible();
  await eda.getByRole('button', { name: 'Approve' }).click();
  await expect(eda.getByText('Status: Approved')).toBeVisible();
  await eda.getByRole('button', { name: 'Publish' }).click();
  await expect(eda.getByText('Status: Published')).toBeVisible();
  const correct = await openDialog(eda, 'Issue a correction', 'Issue a correction');
  await correct.getByLabel('Correction text').fill('An earlier version misspelt the town of Ostra.');
  await correct.getByLabel('Kind').selectOption('correction');
  await correct.getByRole('button', { name: 'Issue a correction' }).click();
  await expect(correct).toHaveCount(0);
  await expect(eda.getByRole('status')).toContainText('Saved · version 21');
  await expectAccessible(eda);
  await screenshot(eda, info, 'workspace-published');

  const token = await apiToken(request, 'editor');
  const res = await request.get(`/api/articles/${id}?minVersion=21`, { headers: { authorization: `Bearer ${token}` } });
  const article = (await res.json()) as ArticleView;
  const photoIdOf = (caption: string) => article.working.photos.find((p) => p.caption === caption)?.photoId;
  const typedBody = BODY.map((b, i) =>
    b.type === 'photo'
      ? { type: 'photo', photoId: photoIdOf(b.caption) }
      : i + 1 === mediator && b.type === 'quote'
        ? { ...b, attribution: 'Anna Berg, mediator for the Basin Council' }
        : b,
  );
  // Field by field, so a failure names the field that differs.
  expect(article.status).toBe('published');
  expect(article.working.headline).toBe(STORY.headline);
  expect(article.working.standfirst).toBe(STORY.standfirst);
  expect(article.working.dateline).toBe(STORY.dateline);
  expect(article.working.sections).toEqual(STORY.sections);
  expect(article.working.tags).toEqual(STORY.tags);
  expect(article.working.source).toBe(STORY.source);
  expect(article.working.body).toEqual(typedBody);
  expect(article.working.contributors.map(({ name, role, affiliation }) => ({ name, role, affiliation }))).toEqual([
    AUTHOR,
    ...CONTRIBUTED,
  ]);
  expect(article.working.photos.map(({ photoId: _, ...p }) => p)).toEqual(PHOTOS);
  expect(article.live?.content.body).toEqual(typedBody);
  expect(article.corrections).toMatchObject([
    { text: 'An earlier version misspelt the town of Ostra.', kind: 'correction' },
  ]);
});
