import { randomUUID } from 'node:crypto';
import { articleStreamId } from '@newsroom/editorial-domain';
import { eventStoreMigrations, PostgresEventStore } from '@newsroom/event-store';
import { waitFor } from '@newsroom/testing';
import { createTestDatabase, type TestDatabase } from '@newsroom/testing-system';
import { OutboxRelay } from './outbox.relay';
import { ACTOR, appendTo, newArticleId, outboxSize, startRelay } from './relay.fixture';
import { createTopics, deleteTopics, TopicReader } from './topic-reader.fixture';

// User accounts keep their audited events in streams `user-<id>` of the same store (issue #7).
// They are appended unpublished, so they never reach the outbox nor Kafka.

let db: TestDatabase;
let prefix: string;
let relay: OutboxRelay;
let reader: TopicReader;

beforeAll(async () => {
  db = await createTestDatabase('relay_private', eventStoreMigrations);
  prefix = await createTopics();
  relay = startRelay(db, prefix, 'private', { batchSize: 100 });
  reader = await TopicReader.start(prefix);
});
afterAll(async () => {
  await relay?.stop();
  await reader?.stop();
  await db?.drop();
  if (prefix) await deleteTopics(prefix);
});

const metadata = () => {
  const id = randomUUID();
  return { actor: ACTOR, commandId: id, correlationId: id, causationId: id };
};

describe('the relay beside private streams', () => {
  it('keeps relaying articles appended between unpublished account events, which never reach the topic', async () => {
    const store = new PostgresEventStore(db.dataSource);
    const user = `user-${randomUUID()}`;
    const now = new Date().toISOString();
    const created = await store.append(user, null, [{ type: 'UserCreated', data: { roles: [] } }], metadata(), now, {
      publish: false,
    });
    expect(await outboxSize(db)).toBe(0);
    const article = newArticleId();
    await appendTo(db, article);
    await store.append(user, created[0], [{ type: 'UserDisabled', data: {} }], metadata(), now, { publish: false });
    await appendTo(db, article);

    await waitFor('both article events on the topic', async () => reader.messages.length >= 2, 30_000);
    await waitFor('the outbox emptied', async () => (await outboxSize(db)) === 0, 30_000);
    expect(reader.messages.map((m) => [m.envelope.articleId, m.envelope.version])).toEqual([
      [article, 1],
      [article, 2],
    ]);
    expect((await store.verify(user)).valid).toBe(true);
    expect((await store.readStream(articleStreamId(article))).map((e) => e.version)).toEqual([1, 2]);
  });

  it('never deletes a row it did not send: a stream without a topic waits unsent, the next article goes', async () => {
    const store = new PostgresEventStore(db.dataSource);
    const user = `user-${randomUUID()}`;
    // Published by mistake: the relay must neither drop it nor stall every article behind it.
    await store.append(user, null, [{ type: 'UserCreated', data: {} }], metadata(), new Date().toISOString());
    const article = newArticleId();
    await appendTo(db, article);
    await waitFor(
      'the article after the stray row on the topic',
      async () => reader.messages.some((m) => m.envelope.articleId === article),
      30_000,
    );
    // The relay deletes a row just after Kafka's acknowledgement, so a consumer may see it first.
    const waiting = async () => (await db.dataSource.query(`SELECT stream_id FROM outbox`)) as unknown[];
    await waitFor('the article row deleted', async () => (await waiting()).length === 1, 10_000);
    expect(await waiting()).toEqual([{ stream_id: user }]);
    expect(reader.messages.some((m) => m.key.startsWith('user-') || m.envelope.articleId.startsWith('user-'))).toBe(
      false,
    );
    expect(reader.others.map((m) => m.envelope.streamId)).not.toContain(user);
  });

  it('sends a second aggregate type to its own topic, keyed by its id, in order, beside articles', async () => {
    const contribution = randomUUID();
    const article = newArticleId();
    await appendTo(db, article, 'article');
    await appendTo(db, contribution, 'contribution');
    await appendTo(db, contribution, 'contribution');
    await appendTo(db, article, 'article');
    await waitFor('both contribution events on their topic', async () => reader.others.length >= 2, 30_000);
    await waitFor(
      'the second article event',
      async () => reader.messages.filter((m) => m.envelope.articleId === article).length >= 2,
      30_000,
    );
    expect(
      reader.others.map((m) => [m.key, m.envelope.streamType, m.envelope.contributionId, m.envelope.version]),
    ).toEqual([
      [contribution, 'contribution', contribution, 1],
      [contribution, 'contribution', contribution, 2],
    ]);
    expect(reader.messages.some((m) => m.key === contribution)).toBe(false);
  });
});
