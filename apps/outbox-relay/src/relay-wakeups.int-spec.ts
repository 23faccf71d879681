import { eventStoreMigrations } from '@newsroom/event-store';
import { waitFor } from '@newsroom/testing';
import { createTestDatabase, type TestDatabase } from '@newsroom/testing-system';
import { OutboxRelay } from './outbox.relay';
import { appendTo, newArticleId, startRelay } from './relay.fixture';
import { createTopics, deleteTopics, TopicReader } from './topic-reader.fixture';

// The relay used to poll the outbox every 10 ms, costing CPU on an idle system; now each commit
// wakes it through the outbox trigger's NOTIFY, and polling is only the safety net.

const MINUTE = 60_000;
let db: TestDatabase;
let prefix: string;
let relay: OutboxRelay;
let reader: TopicReader;

beforeAll(async () => {
  db = await createTestDatabase('relay_wakeups', eventStoreMigrations);
  prefix = await createTopics();
  reader = await TopicReader.start(prefix);
});
afterAll(async () => {
  await relay?.stop();
  await reader?.stop();
  await db?.drop();
  if (prefix) await deleteTopics(prefix);
});

/** The pids of the relay's listening sessions. */
const listeners = async (): Promise<number[]> =>
  (
    await db.dataSource.query(
      `SELECT pid FROM pg_stat_activity WHERE application_name = 'outbox-relay-listen' AND query ILIKE 'LISTEN%'`,
    )
  ).map((r: { pid: number }) => r.pid);

describe('a relay that polls only once a minute', () => {
  beforeAll(async () => {
    relay = startRelay(db, prefix, 'wakeups', { idlePollMs: MINUTE, listeningPollMs: MINUTE });
    await waitFor('the relay listening for commits', async () => (await listeners()).length > 0, 15_000);
  });

  it('sends a committed event within seconds: the commit itself wakes it', async () => {
    const article = newArticleId();
    await appendTo(db, article);
    await waitFor('the event in Kafka', async () => reader.reached(new Map([[article, 1]])), 10_000);
  });

  it('listens again after its listening session is cut, and the next commit still wakes it', async () => {
    const [cut] = await listeners();
    await db.dataSource.query(`SELECT pg_terminate_backend($1)`, [cut]);
    await waitFor(
      'the relay listening on a new session',
      async () => (await listeners()).some((p) => p !== cut),
      15_000,
    );
    const article = newArticleId();
    await appendTo(db, article);
    await waitFor('the event in Kafka', async () => reader.reached(new Map([[article, 1]])), 10_000);
  });
});
