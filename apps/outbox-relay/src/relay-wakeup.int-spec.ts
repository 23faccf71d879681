import { eventStoreMigrations } from '@newsroom/event-store';
import { waitFor } from '@newsroom/testing';
import { createTestDatabase, type TestDatabase } from '@newsroom/testing-system';
import { OutboxRelay } from './outbox.relay';
import { appendTo, newArticleId, startRelay } from './relay.fixture';
import { createTopics, deleteTopics, TopicReader } from './topic-reader.fixture';

let db: TestDatabase;
let prefix: string;
let relay: OutboxRelay;
let reader: TopicReader;

beforeAll(async () => {
  db = await createTestDatabase('relay_wakeup', eventStoreMigrations);
  prefix = await createTopics();
  // Asleep, only a wake-up could get it going within the test's time: its safety-net poll is ten minutes away.
  relay = startRelay(db, prefix, 'wakeup', { idleMaxPollMs: 600_000 });
  reader = await TopicReader.start(prefix);
});
afterAll(async () => {
  await relay?.stop();
  await reader?.stop();
  await db?.drop();
  if (prefix) await deleteTopics(prefix);
});

describe('a relay with nothing to send', () => {
  it('sleeps until a writer commits, and then sends at once what was committed', async () => {
    await waitFor('the relay asleep and listening', async () => relay.asleep && relay.hearsWakeups, 10_000);
    const article = newArticleId();

    await appendTo(db, article);
    await appendTo(db, article);

    await waitFor('both events in Kafka', async () => reader.reached(new Map([[article, 2]])), 10_000);
    expect(reader.versionsByArticle().get(article)).toEqual([1, 2]);
  });

  it('hears the next commit after a database restart cut its listening session', async () => {
    await waitFor('the relay asleep and listening', async () => relay.asleep && relay.hearsWakeups, 10_000);
    const sessions = relay.wakeupSessions;
    await db.dataSource.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
       WHERE query LIKE 'LISTEN %' AND query LIKE $1 AND pid <> pg_backend_pid()`,
      [`%${db.schema}%`],
    );
    await waitFor(
      'the relay listening on a new session, and asleep',
      async () => relay.wakeupSessions > sessions && relay.asleep && relay.hearsWakeups,
      15_000,
    );
    const article = newArticleId();

    await appendTo(db, article);

    await waitFor('the event in Kafka', async () => reader.reached(new Map([[article, 1]])), 10_000);
  });
});
