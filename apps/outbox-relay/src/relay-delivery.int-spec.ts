import type { ArticleEventEnvelope } from '@newsroom/contracts';
import { articleStreamId } from '@newsroom/editorial-domain';
import { eventStoreMigrations, PostgresEventStore, StoredEvent } from '@newsroom/event-store';
import { waitFor } from '@newsroom/testing';
import { createTestDatabase, type TestDatabase } from '@newsroom/testing-system';
import { MetricsServer } from './metrics.server';
import { OutboxRelay } from './outbox.relay';
import { ACTOR, appendTo, newArticleId, outboxSize, startRelay } from './relay.fixture';
import { createTopics, deleteTopics, oneToN, TopicReader } from './topic-reader.fixture';

let db: TestDatabase;
let prefix: string;
let relay: OutboxRelay;
let reader: TopicReader;
let server: MetricsServer;
let port: number;

beforeAll(async () => {
  db = await createTestDatabase('relay_delivery', eventStoreMigrations);
  prefix = await createTopics();
  relay = startRelay(db, prefix, 'delivery', { batchSize: 100 });
  server = new MetricsServer(relay.metrics.registry, () => relay.health());
  port = await server.listen(0);
  reader = await TopicReader.start(prefix);
});
afterAll(async () => {
  await relay?.stop();
  await server?.close();
  await reader?.stop();
  await db?.drop();
  if (prefix) await deleteTopics(prefix);
});

// Written out from the stored event, not by the code under test, so a wrong mapping shows.
function expectedEnvelope(e: StoredEvent, articleId: string): ArticleEventEnvelope {
  return {
    eventId: e.eventId,
    type: 'Incremented',
    schemaVersion: 1,
    streamType: 'article',
    streamId: e.streamId,
    articleId,
    version: e.version,
    position: e.globalPosition,
    occurredAt: e.occurredAt,
    actor: ACTOR,
    correlationId: e.metadata.correlationId,
    causationId: e.metadata.causationId,
    data: { by: 1 },
    metadata: e.metadata,
    prevHash: e.prevHash,
    hash: e.hash,
  };
}

const metric = async (name: string) => {
  const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
  return Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1]);
};

describe('the outbox relay', () => {
  it('sends each committed event with its exact envelope, key and headers, then empties the outbox', async () => {
    const articles = [newArticleId(), newArticleId()];
    for (let round = 0; round < 3; round++) for (const a of articles) await appendTo(db, a);
    const stored = new Map(
      await Promise.all(
        articles.map(
          async (a) => [a, await new PostgresEventStore(db.dataSource).readStream(articleStreamId(a))] as const,
        ),
      ),
    );

    await waitFor('six events in Kafka', async () => reader.messages.length >= 6, 15_000);
    expect(reader.messages).toHaveLength(6);
    for (const m of reader.messages) {
      const event = stored.get(m.key)!.find((e) => e.eventId === m.envelope.eventId)!;
      expect(m.envelope).toEqual(expectedEnvelope(event, m.key));
      expect(m.headers).toEqual({ 'event-type': 'Incremented', 'event-id': event.eventId });
    }
    for (const a of articles) expect(reader.versionsByArticle().get(a)).toEqual([1, 2, 3]);
    await waitFor('an empty outbox', async () => (await outboxSize(db)) === 0, 5000);
  });

  it('sends large articles that would together exceed the broker limit on one partition, in order', async () => {
    const article = newArticleId();
    // About 200 KB each, the largest article the API accepts; committed together so one read sees all 1.6 MB.
    const events = Array.from({ length: 8 }, (_, i) => ({
      type: 'Incremented',
      data: { by: 1, body: `${i}`.repeat(200 * 1024) },
    }));
    const metadata = { actor: ACTOR, commandId: 'c', correlationId: 'c', causationId: 'c' };
    await db.dataSource.transaction((m) =>
      new PostgresEventStore(db.dataSource).append(
        articleStreamId(article),
        null,
        events,
        metadata,
        new Date().toISOString(),
        {
          manager: m,
        },
      ),
    );
    await waitFor('eight large events in Kafka', async () => reader.reached(new Map([[article, 8]])), 15_000);
    expect(reader.versionsByArticle().get(article)).toEqual(oneToN(8));
  });

  it('reports what it published, its backlog and its leadership on /metrics and health on /health', async () => {
    await waitFor('the backlog gauge back to 0', async () => (await metric('newsroom_outbox_backlog')) === 0, 5000);
    expect(await metric('newsroom_outbox_published_total')).toBe(reader.messages.length);
    expect(await metric('newsroom_outbox_publish_latency_seconds_count')).toBe(reader.messages.length);
    expect(await metric('newsroom_relay_leader')).toBe(1);
    expect((await fetch(`http://127.0.0.1:${port}/health`)).status).toBe(200);
    await relay.stop();
    expect(await metric('newsroom_relay_leader')).toBe(0);
    expect((await fetch(`http://127.0.0.1:${port}/health`)).status).toBe(503);
  });

  it('drains a backlog of several batches back to back, without idling between full batches, in order', async () => {
    await relay.stop();
    const articles = Array.from({ length: 30 }, newArticleId);
    await Promise.all(
      articles.map(async (a) => {
        for (let i = 0; i < 15; i++) await appendTo(db, a);
      }),
    );
    expect(await outboxSize(db)).toBe(450);
    // An idle poll of a minute: only the no-wait after a full batch can drain 450 rows within the wait below.
    relay = startRelay(db, prefix, 'drain', { batchSize: 100, idlePollMs: 60_000 });
    await waitFor('the backlog in Kafka', async () => reader.reached(new Map(articles.map((a) => [a, 15]))), 15_000);
    for (const a of articles) expect(reader.versionsByArticle().get(a)).toEqual(oneToN(15));
    await waitFor('an empty outbox', async () => (await outboxSize(db)) === 0, 5000);
  });
});
