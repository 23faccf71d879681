import { randomUUID } from 'node:crypto';
import type { Consumer } from 'kafkajs';
import type { DataSource } from 'typeorm';
import { articleStreamId } from '@newsroom/editorial-domain';
import { PostgresEventStore } from '@newsroom/event-store';
import { decodeEnvelope } from '@newsroom/messaging';
import {
  addContributor,
  anAdmin,
  approveArticle,
  attachPhoto,
  draftArticle,
  issueCorrection,
  publishArticle,
  reviseArticle,
  submitForReview,
  meta,
  waitFor,
} from '@newsroom/testing';
import { createTestDatabase, testKafka, type TestDatabase, type TestKafka } from '@newsroom/testing-system';
import { allMigrations } from '../migrations';
import { relay, runCommands } from './runner.fixture';

let db: TestDatabase;
let ds: DataSource;
let k: TestKafka;
let reader: Consumer | undefined;

beforeAll(async () => {
  db = await createTestDatabase('runner_replay_order', allMigrations);
  ds = db.dataSource;
  k = await testKafka('replay');
});
afterAll(async () => {
  await reader?.disconnect();
  await k.close();
  await db.drop();
});

it('gives a new consumer group, from the beginning, every event of every article in version order', async () => {
  // Eight articles written at once, so their events interleave in the store and on the topic.
  const articles = Array.from({ length: 8 }, () => randomUUID());
  await Promise.all(
    articles.map((id, n) =>
      runCommands(ds, id, [
        draftArticle({ headline: `Story ${n}` }),
        addContributor(),
        attachPhoto(),
        reviseArticle({ standfirst: `Update ${n}` }),
        submitForReview(),
        // The editor made the last content change; under the four-eyes rule someone else approves.
        approveArticle(meta(anAdmin())),
        publishArticle(),
        issueCorrection(),
        reviseArticle({ headline: `Story ${n}, corrected` }),
      ]),
    ),
  );
  await relay(ds, k);
  const store = new PostgresEventStore(ds);
  const stored = new Map(
    await Promise.all(articles.map(async (id) => [id, await store.readStream(articleStreamId(id))] as const)),
  );
  const received = new Map<string, Array<{ version: number; eventId: string }>>();
  reader = k.kafka.consumer({ groupId: `${k.prefix}projector.a-new-read-model` });
  await reader.connect();
  await reader.subscribe({ topic: k.topic, fromBeginning: true });
  await reader.run({
    eachMessage: async ({ message }) => {
      const e = decodeEnvelope(message.value);
      received.set(e.articleId, [...(received.get(e.articleId) ?? []), { version: e.version, eventId: e.eventId }]);
    },
  });
  await waitFor('all 72 events', async () => [...received.values()].flat().length >= 72, 30_000);
  expect([...received.keys()].sort()).toEqual([...articles].sort());
  for (const id of articles) {
    expect(received.get(id)!.map((e) => e.version)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(received.get(id)!.map((e) => e.eventId)).toEqual(stored.get(id)!.map((e) => e.eventId));
  }
});
