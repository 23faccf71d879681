import { createTestDatabase, type TestDatabase } from '@newsroom/testing-system';
import { allMigrations } from '../migrations';
import { aLiveWireStory } from '../views/public/public-article.fixtures';
import {
  checkPublicArticle,
  findPublicArticle,
  findPublicArticleBySlug,
  publicFeedPage,
  publicFeedStamp,
  savePublicRows,
} from './public-articles.table';

// The embargo lock at read time, with the clock injected: the instant is a parameter of every read.

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase('public_articles_table', allMigrations);
});
afterAll(() => db.drop());

const T = '2030-01-16T06:00:00.000Z';
const atOffset = (ms: number) => new Date(Date.parse(T) + ms);
const embargoed = { ...aLiveWireStory({ embargoUntil: T }), articleId: 'aaaaaaaa-0000-4000-8000-000000000001' };
const open = {
  ...aLiveWireStory({ headline: 'Open story', sections: ['Sport'] }),
  articleId: 'bbbbbbbb-0000-4000-8000-000000000002',
  slug: 'open-story-bbbbbbbb',
  slugs: ['open-story-bbbbbbbb'],
};

beforeAll(async () => {
  await savePublicRows(db.dataSource, [embargoed, open]);
});

describe('an article under embargo until T, read with an injected clock', () => {
  it('at T − 1 s is found neither by id nor by slug, and is in no feed nor its stamp', async () => {
    const now = atOffset(-1000);

    expect(await findPublicArticle(db.dataSource, embargoed.articleId, now)).toBeUndefined();
    expect(await findPublicArticleBySlug(db.dataSource, embargoed.slug, now)).toBeUndefined();
    const page = await publicFeedPage(db.dataSource, { page: 1, pageSize: 50, now });
    expect(page.entries.map((e) => e.articleId)).toEqual([open.articleId]);
    expect((await publicFeedStamp(db.dataSource, { now })).count).toBe(1);
    expect((await publicFeedStamp(db.dataSource, { section: 'world', now })).count).toBe(0);
  });

  it('at T + 1 s is found everywhere, and the feed stamp (hence its ETag) has changed', async () => {
    const now = atOffset(1000);
    const before = await publicFeedStamp(db.dataSource, { now: atOffset(-1000) });

    expect((await findPublicArticle(db.dataSource, embargoed.articleId, now))?.content.headline).toBe(
      embargoed.content.headline,
    );
    expect((await findPublicArticleBySlug(db.dataSource, embargoed.slug, now))?.articleId).toBe(embargoed.articleId);
    const stamp = await publicFeedStamp(db.dataSource, { now });
    expect(stamp.count).toBe(2);
    expect(stamp).not.toEqual(before);
    expect((await publicFeedStamp(db.dataSource, { section: 'world', now })).count).toBe(1);
  });
});

describe('revalidating output rendered from a held version', () => {
  it('answers the version, status and slug without the row when the held version is current', async () => {
    const held = { articleId: open.articleId, version: open.version };

    expect(await checkPublicArticle(db.dataSource, { articleId: open.articleId }, atOffset(0), held)).toEqual({
      articleId: open.articleId,
      version: open.version,
      status: 'live',
      slug: open.slug,
      row: null,
    });
    expect((await checkPublicArticle(db.dataSource, { slug: open.slug }, atOffset(0), held))?.row).toBeNull();
  });

  it('reads the row when the held version is another, or belongs to another article', async () => {
    const older = { articleId: open.articleId, version: open.version - 1 };
    const elsewhere = { articleId: embargoed.articleId, version: open.version };

    const found = await checkPublicArticle(db.dataSource, { slug: open.slug }, atOffset(0), older);
    expect(found?.row?.content.headline).toBe('Open story');
    expect((await checkPublicArticle(db.dataSource, { slug: open.slug }, atOffset(0), elsewhere))?.row).not.toBeNull();
  });

  it('finds nothing under embargo at T − 1 s, held version or not, by id or by slug', async () => {
    const held = { articleId: embargoed.articleId, version: embargoed.version };

    expect(await checkPublicArticle(db.dataSource, { articleId: embargoed.articleId }, atOffset(-1000), held)).toBe(
      undefined,
    );
    expect(await checkPublicArticle(db.dataSource, { slug: embargoed.slug }, atOffset(-1000), held)).toBeUndefined();
  });
});

describe('the public table', () => {
  it('keeps the newer version when an older row arrives late', async () => {
    await savePublicRows(db.dataSource, [
      { ...open, version: open.version - 1, content: { ...open.content, headline: 'Stale' } },
    ]);

    expect((await findPublicArticle(db.dataSource, open.articleId, atOffset(0)))?.content.headline).toBe('Open story');
  });

  it('serves feed entries without their bodies', async () => {
    const { entries } = await publicFeedPage(db.dataSource, { page: 1, pageSize: 50, now: atOffset(1000) });

    expect(entries.every((e) => !('body' in e.content))).toBe(true);
  });

  it('pages newest first and says when more follow', async () => {
    const first = await publicFeedPage(db.dataSource, { page: 1, pageSize: 1, now: atOffset(1000) });
    const second = await publicFeedPage(db.dataSource, { page: 2, pageSize: 1, now: atOffset(1000) });

    expect([first.more, second.more]).toEqual([true, false]);
    expect(new Set([...first.entries, ...second.entries].map((e) => e.articleId)).size).toBe(2);
  });
});
