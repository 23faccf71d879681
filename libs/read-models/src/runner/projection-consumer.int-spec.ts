import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import {
  addContributor,
  anAdmin,
  approveArticle,
  attachPhoto,
  draftArticle,
  publishArticle,
  removeContributor,
  reviseArticle,
  submitForReview,
  meta,
  waitFor,
} from '@newsroom/testing';
import { ARTICLE_EVENTS_PARTITIONS } from '@newsroom/messaging';
import { createTestDatabase, testKafka, type TestDatabase, type TestKafka } from '@newsroom/testing-system';
import { allMigrations } from '../migrations';
import { contentHash } from './content-hash';
import { ARTICLE_READ_MODELS } from './projection';
import { projectionStatuses } from '../tables/projection-status.table';
import type { RunningConsumer } from './projection-consumer';
import { caughtUp, expectedRows, groupsAtEnd, heads, relay, runCommands, startConsumers } from './runner.fixture';
import { appendStories } from './synthetic-article-streams';

let db: TestDatabase;
let ds: DataSource;
let k: TestKafka;
let consumers: RunningConsumer[] = [];
const published = randomUUID();

/** A real history, decided by the article domain: drafted, credited twice, one credit removed, published. */
const publishStory = (articleId: string) =>
  runCommands(ds, articleId, [
    draftArticle({ headline: 'Ferry strike ends', sections: ['news', 'transport'] }),
    addContributor({ name: 'Cal Contributor' }),
    addContributor({ contributorId: 'contributor-3', name: 'Pat Photographer', role: 'photographer' }),
    attachPhoto(),
    removeContributor('contributor-2'),
    reviseArticle({ headline: 'Ferry strike ends after two weeks' }),
    submitForReview(),
    // The editor made the last content change; under the four-eyes rule someone else approves.
    approveArticle(meta(anAdmin())),
    publishArticle(),
  ]);

beforeAll(async () => {
  db = await createTestDatabase('runner_consumer', allMigrations);
  ds = db.dataSource;
  k = await testKafka('consumer');
  await publishStory(published);
  await appendStories(ds, 'c0c0', 40, 22);
  await relay(ds, k);
  consumers = await startConsumers(ds, k);
  for (const name of ARTICLE_READ_MODELS) await caughtUp(ds, name);
});
afterAll(async () => {
  await Promise.all(consumers.map((c) => c.stop()));
  await k.close();
  await db.drop();
});

describe('the projector applying the topic', () => {
  it('builds article_state exactly as the pure projection folds the event store', async () => {
    const expected = await expectedRows(ds);
    const rows: Array<{ article_id: string; version: number; status: string; row: unknown }> = await ds.query(
      `SELECT article_id, version, status, row FROM article_state`,
    );
    expect(rows).toHaveLength(41);
    for (const r of rows) expect(r.row).toEqual(expected.get(r.article_id));
    expect(rows.find((r) => r.article_id === published)).toMatchObject({ version: 9, status: 'published' });
  });

  it('records one audit entry per stored event, none missing, none twice', async () => {
    const [counts] = await ds.query(`SELECT (SELECT count(*)::int FROM events) AS events,
      (SELECT count(*)::int FROM audit_trail) AS entries,
      (SELECT count(*)::int FROM audit_trail a
        JOIN events e ON e.event_id = a.event_id AND e.version = a.version) AS matched`);
    expect(counts).toEqual({ events: 889, entries: 889, matched: 889 });
    const summaries = await ds.query(`SELECT summary FROM audit_trail WHERE article_id = $1 ORDER BY version`, [
      published,
    ]);
    expect(summaries.map((s: any) => s.summary)).toEqual([
      'Article drafted: “Ferry strike ends”',
      'Contributor credit added: Cal Contributor',
      'Photographer credit added: Pat Photographer',
      'Photo attached: Pat Photographer',
      'Contributor removed: Cal Contributor, contributor',
      'Headline changed',
      'Submitted for review',
      'Approved',
      'Published v8 — first publication',
    ]);
  });

  it('lists the article and indexes its current credits only', async () => {
    const [listed] = await ds.query(`SELECT * FROM article_list WHERE article_id = $1`, [published]);
    expect(listed).toMatchObject({
      version: 9,
      status: 'published',
      headline: 'Ferry strike ends after two weeks',
      sections: ['news', 'transport'],
      contributor_names: ['Pat Photographer'],
    });
    const credits = await ds.query(
      `SELECT contributor_id, name_key, role, version FROM contributor_index WHERE article_id = $1`,
      [published],
    );
    expect(credits).toEqual([
      { contributor_id: 'contributor-3', name_key: 'pat photographer', role: 'photographer', version: 9 },
    ]);
    const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM article_list`);
    expect(n).toBe(41);
  });

  it("keeps each read model's status: every event applied once, up to the last position", async () => {
    const [{ head }] = await ds.query(`SELECT max(global_position)::int AS head FROM events`);
    const views = (await projectionStatuses(ds)).filter((v) => ARTICLE_READ_MODELS.includes(v.name));
    expect(views.map((v) => [v.name, v.status, v.eventsApplied, v.lastPosition])).toEqual(
      ARTICLE_READ_MODELS.map((name) => [name, 'running', 889, head]),
    );
    // Each partition counted on a row of its own: 41 articles reach every partition of the topic.
    const rows = await ds.query(
      `SELECT name, count(*)::int AS n FROM projection_progress WHERE partition >= 0 GROUP BY name ORDER BY name`,
    );
    expect(rows).toEqual([...ARTICLE_READ_MODELS].sort().map((name) => ({ name, n: ARTICLE_EVENTS_PARTITIONS })));
    expect(views.map((v) => [v.name, v.lagEvents, v.lagMs, v.openDeadLetters, v.lastError])).toEqual(
      ARTICLE_READ_MODELS.map((n) => [n, 0, 0, 0, null]),
    );
    // All 889 were applied seconds ago: they count in the last minute's rate.
    for (const v of views) expect(v.eventsPerSecond).toBeGreaterThanOrEqual(Math.floor(889 / 70));
  });

  it('changes nothing when the whole topic is delivered again', async () => {
    const before = await Promise.all(ARTICLE_READ_MODELS.map((n) => contentHash(ds, n)));
    await relay(ds, k);
    await waitFor(
      'every group past the redelivered messages',
      () =>
        groupsAtEnd(
          k,
          consumers.map((c) => c.groupId),
        ),
      30_000,
      200,
    );
    expect(await Promise.all(ARTICLE_READ_MODELS.map((n) => contentHash(ds, n)))).toEqual(before);
    const applied = (await projectionStatuses(ds)).filter((v) => ARTICLE_READ_MODELS.includes(v.name));
    expect(new Set(applied.map((v) => v.eventsApplied))).toEqual(new Set([889]));
    expect(await ds.query(`SELECT count(*)::int AS n FROM dead_letters`)).toEqual([{ n: 0 }]);
    expect((await heads(ds)).size).toBe(41);
  });
});
