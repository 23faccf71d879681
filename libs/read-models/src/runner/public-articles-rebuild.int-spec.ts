import type { DataSource } from 'typeorm';
import { createTestDatabase, testKafka, type TestDatabase, type TestKafka } from '@newsroom/testing-system';
import { allMigrations } from '../migrations';
import type { RunningConsumer } from './projection-consumer';
import { rebuildProjection } from './rebuild';
import { caughtUp, relay, startConsumers } from './runner.fixture';
import { appendStories } from './synthetic-article-streams';

// The public read model through the real runner: its own consumer group fed from Kafka, then a
// rebuild from the event store to the same content (the runner's own rebuild suite covers all five
// read models together; this one keeps to the public model, so it stays small on a busy machine).

let db: TestDatabase;
let ds: DataSource;
let k: TestKafka;
let consumers: RunningConsumer[] = [];

beforeAll(async () => {
  db = await createTestDatabase('public_articles_rebuild', allMigrations);
  ds = db.dataSource;
  k = await testKafka('public-rebuild');
  // 22 events each: published at 13, corrected at 14, a minor update at 16, a major one at 19.
  await appendStories(ds, 'cafe', 30, 22);
  await relay(ds, k);
  consumers = await startConsumers(ds, k, ['public_articles']);
  await caughtUp(ds, 'public_articles', 60_000);
}, 120_000);
afterAll(async () => {
  await Promise.all(consumers.map((c) => c.stop()));
  await k.close();
  await db.drop();
});

describe('the public read model fed by its consumer group', () => {
  it('holds every published story once, with the dates of its major changes', async () => {
    const rows: Array<{ status: string; published: string; modified: string; updated: string; slugs: number }> =
      await ds.query(
        `SELECT status, row->>'firstPublishedAt' AS published, row->>'modifiedAt' AS modified,
           row->>'publishedAt' AS updated, jsonb_array_length(row->'slugs') AS slugs FROM public_articles`,
      );

    expect(rows).toHaveLength(30);
    for (const r of rows) {
      expect(r.status).toBe('live');
      // The major update (19) moved modifiedAt past the correction (14); the minor one (16) did not.
      expect(Date.parse(r.modified)).toBe(Date.parse(r.updated));
      expect(Date.parse(r.modified)).toBeGreaterThan(Date.parse(r.published));
    }
  });

  it('rebuilds from the event store to exactly the content the consumer built', async () => {
    const result = await rebuildProjection(ds, 'public_articles');

    expect(result).toMatchObject({ events: 30 * 22, heldBackArticles: 0 });
    expect(result.contentHash).toBe(result.replacedContentHash);
  }, 120_000);
});
