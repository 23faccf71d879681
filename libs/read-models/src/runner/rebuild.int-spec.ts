import type { DataSource } from 'typeorm';
import { waitFor } from '@newsroom/testing';
import { createTestDatabase, testKafka, type TestDatabase, type TestKafka } from '@newsroom/testing-system';
import { allMigrations } from '../migrations';
import { contentHash } from './content-hash';
import { ARTICLE_READ_MODELS } from './projection';
import type { RunningConsumer } from './projection-consumer';
import { rebuildProjection, rebuildProjections } from './rebuild';
import { caughtUp, heads, relay, startConsumers } from './runner.fixture';
import { RebuildInProgress } from './runner.errors';
import { appendStories, insertSyntheticEvents, syntheticArticleId, syntheticEvent } from './synthetic-article-streams';

let db: TestDatabase;
let ds: DataSource;
let k: TestKafka;
let consumers: RunningConsumer[] = [];
let relayed = 0;
let newArticles = 0;

/** One writer's step: a new version for ten existing articles and the start of a new one, then relayed. */
async function writeAndRelay(): Promise<void> {
  const current = await heads(ds);
  const existing = [...current.entries()].sort(() => Math.random() - 0.5).slice(0, 10);
  const at = new Date().toISOString();
  const fresh = syntheticArticleId('beef', 1000 + newArticles++);
  await insertSyntheticEvents(ds, [
    ...existing.map(([id, v]) => syntheticEvent(id, v + 1, at)),
    ...[1, 2, 3].map((v) => syntheticEvent(fresh, v, at)),
  ]);
  relayed = await relay(ds, k, relayed);
}

async function appendTo(articleId: string): Promise<number> {
  const version = ((await heads(ds)).get(articleId) ?? 0) + 1;
  await insertSyntheticEvents(ds, [syntheticEvent(articleId, version, new Date().toISOString())]);
  relayed = await relay(ds, k, relayed);
  return version;
}

const versionOf = async (articleId: string) =>
  (await ds.query(`SELECT version FROM article_state WHERE article_id = $1`, [articleId]))[0]?.version;

async function allCaughtUp() {
  for (const name of ARTICLE_READ_MODELS) await caughtUp(ds, name);
}

beforeAll(async () => {
  db = await createTestDatabase('runner_rebuild', allMigrations);
  ds = db.dataSource;
  k = await testKafka('rebuild');
  await appendStories(ds, 'beef', 200, 20);
  relayed = await relay(ds, k);
  consumers = await startConsumers(ds, k);
  await allCaughtUp();
});
afterAll(async () => {
  await Promise.all(consumers.map((c) => c.stop()));
  await k.close();
  await db.drop();
});

describe('rebuilding while the live read models keep serving', () => {
  it('rebuilds tables equal to the incrementally built ones, and switches them in', async () => {
    const progress: string[] = [];
    const results = await rebuildProjections(ds, ARTICLE_READ_MODELS, { onProgress: (p) => progress.push(p.phase) });
    for (const r of results) {
      expect(r).toMatchObject({ events: 4000, heldBackArticles: 0 });
      expect(r.contentHash).toBe(r.replacedContentHash);
      expect(await contentHash(ds, r.name)).toBe(r.contentHash);
    }
    expect(progress).toContain('replay');
    expect(progress.at(-1)).toBe('done');
    const [{ n }] = await ds.query(
      `SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = current_schema() AND tablename LIKE '%\\_\\_%'`,
    );
    expect(n).toBe(0);
  });

  it('misses and repeats nothing written during the rebuild or after the switch', async () => {
    let rebuilding = true;
    const rebuild = rebuildProjections(ds, ARTICLE_READ_MODELS).finally(() => {
      rebuilding = false;
    });
    let writes = 0;
    while (rebuilding) {
      await writeAndRelay();
      writes += 1;
    }
    await rebuild;
    await writeAndRelay();
    await allCaughtUp();
    expect(writes).toBeGreaterThan(0);
    const [audit] = await ds.query(`SELECT (SELECT count(*)::int FROM events) AS events, count(*)::int AS entries,
      count(DISTINCT (article_id, version))::int AS distinct_entries,
      (SELECT count(*)::int FROM (
        SELECT article_id FROM audit_trail GROUP BY 1 HAVING max(version) <> count(*)) g) AS gapped
      FROM audit_trail`);
    expect(audit).toEqual({ events: audit.events, entries: audit.events, distinct_entries: audit.events, gapped: 0 });
    // What the live consumers built on top of the switched-in tables equals a build from scratch.
    for (const r of await rebuildProjections(ds, ARTICLE_READ_MODELS))
      expect(r.contentHash).toBe(r.replacedContentHash);
  });

  it('refuses a second rebuild of the same read model while one runs', async () => {
    const first = rebuildProjection(ds, 'audit_trail');
    const second = rebuildProjection(ds, 'audit_trail');
    const outcomes = await Promise.allSettled([first, second]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
    const failed = outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult;
    expect(failed.reason).toBeInstanceOf(RebuildInProgress);
  });

  it('resolves the dead letters of the articles it rebuilt to their head, which then flow again', async () => {
    const article = syntheticArticleId('beef', 7);
    await k.producer.send({ topic: k.topic, acks: -1, messages: [{ key: article, value: 'garbage' }] });
    const held = await appendTo(article);
    await waitFor(
      'the garbage and the event behind it dead-lettered in each read model',
      async () =>
        (await ds.query(`SELECT count(*)::int AS n FROM dead_letters WHERE article_id = $1`, [article]))[0].n ===
        2 * ARTICLE_READ_MODELS.length,
      30_000,
    );
    expect(await versionOf(article)).toBe(held - 1);

    await rebuildProjections(ds, ARTICLE_READ_MODELS);
    expect(await versionOf(article)).toBe(held);
    expect(await ds.query(`SELECT count(*)::int AS n FROM dead_letters WHERE resolved_at IS NULL`)).toEqual([{ n: 0 }]);
    const next = await appendTo(article);
    await waitFor('the article applied live again', async () => (await versionOf(article)) === next, 30_000);
  });
});
