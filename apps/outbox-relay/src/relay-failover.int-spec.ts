import { eventStoreMigrations } from '@newsroom/event-store';
import { waitFor } from '@newsroom/testing';
import { createTestDatabase, type TestDatabase } from '@newsroom/testing-system';
import { OutboxRelay, RelayRole } from './outbox.relay';
import { newArticleId, Newsroom, outboxSize, recordingLogger, startRelay } from './relay.fixture';
import { createTopics, deleteTopics, oneToN, TopicReader } from './topic-reader.fixture';

let db: TestDatabase;
let prefix: string;
let reader: TopicReader;
let newsroom: Newsroom | undefined;
let first: OutboxRelay;
let second: OutboxRelay;
const firstSaid: Array<Record<string, unknown>> = [];

beforeAll(async () => {
  db = await createTestDatabase('relay_failover', eventStoreMigrations);
  prefix = await createTopics();
  reader = await TopicReader.start(prefix);
});
afterAll(async () => {
  await newsroom?.stop();
  await Promise.all([first?.stop(), second?.stop()]);
  await reader?.stop();
  await db?.drop();
  if (prefix) await deleteTopics(prefix);
});

const published = async (r: OutboxRelay) => (await r.metrics.published.get()).values[0]?.value ?? 0;
const becomes = (r: OutboxRelay, name: string, role: RelayRole) =>
  waitFor(`${name} to be ${role}`, async () => r.role === role, 5000);

/** What a crash or a network cut does to the leader's session, seen from PostgreSQL. */
async function killLockSession(instanceId: string): Promise<void> {
  const rows = await db.dataSource.query(
    `SELECT pg_terminate_backend(pid) AS killed FROM pg_stat_activity WHERE application_name = $1`,
    [`outbox-relay-lock:${instanceId}`],
  );
  expect(rows).toEqual([{ killed: true }]);
}

describe('two relay instances while editors keep appending', () => {
  it('relay through the lock holder only; the other stands by', async () => {
    first = startRelay(db, prefix, 'first', {}, recordingLogger(firstSaid));
    await becomes(first, 'first', 'leader');
    second = startRelay(db, prefix, 'second');
    await becomes(second, 'second', 'standby');
    newsroom = new Newsroom(db, Array.from({ length: 4 }, newArticleId));
    await waitFor('40 events relayed', async () => reader.messages.length >= 40, 10_000);
    expect(second.role).toBe('standby');
    expect(await published(second)).toBe(0);
  });

  it('hand over when the leader loses its lock session: it stops at once, the standby takes over', async () => {
    await killLockSession('first');
    await becomes(second, 'second', 'leader');
    expect(first.role).toBe('standby');
    expect(firstSaid.map((l) => l.msg)).toContain('lost the relay lock; standing by');
    const byFirst = await published(first);
    await waitFor('40 events relayed by the second', async () => (await published(second)) >= 40, 10_000);
    expect(await published(first)).toBe(byFirst);
  });

  it('hand back when the new leader stops, and no event is lost or out of order', async () => {
    const byFirst = await published(first);
    await second.stop();
    await becomes(first, 'first', 'leader');
    await waitFor('more events relayed by the first', async () => (await published(first)) > byFirst, 10_000);
    const appended = await newsroom!.stop();
    expect(newsroom!.failures).toBe(0);
    await waitFor('every appended event in Kafka', async () => reader.reached(appended), 15_000);
    for (const [article, n] of appended) expect(reader.appliedByArticle().get(article)).toEqual(oneToN(n));
    await waitFor('an empty outbox', async () => (await outboxSize(db)) === 0, 5000);
  });
});
