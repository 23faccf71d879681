import { eventStoreMigrations } from '@newsroom/event-store';
import { waitFor } from '@newsroom/testing';
import { createTestDatabase, type TestDatabase } from '@newsroom/testing-system';
import { OutboxRelay } from './outbox.relay';
import { broker, newArticleId, Newsroom, outboxSize, recordingLogger, startRelay } from './relay.fixture';
import { createTopics, deleteTopics, oneToN, TopicReader } from './topic-reader.fixture';

const OUTAGE_MS = 20_000;

let db: TestDatabase;
let prefix: string;
let relay: OutboxRelay;
let newsroom: Newsroom | undefined;
const readers: TopicReader[] = [];
const said: Array<Record<string, unknown>> = [];

beforeAll(async () => {
  db = await createTestDatabase('relay_broker_outage', eventStoreMigrations);
  prefix = await createTopics();
  relay = startRelay(db, prefix, 'outage', {}, recordingLogger(said));
});
afterAll(async () => {
  // The broker is shared with every other suite: it comes back whatever happened here.
  await broker('kafka-start');
  await newsroom?.stop();
  await relay?.stop();
  for (const r of readers) await r.stop().catch(() => undefined);
  await db?.drop();
  if (prefix) await deleteTopics(prefix);
}, 180_000);

describe('a broker outage of 20 s while editors keep appending', () => {
  it('loses nothing: the backlog drains in order per article once the broker is back', async () => {
    const articles = Array.from({ length: 5 }, newArticleId);
    newsroom = new Newsroom(db, articles, 50);
    const before = await TopicReader.start(prefix);
    readers.push(before);
    await waitFor('events flowing before the outage', async () => before.messages.length >= 20, 10_000);
    await before.stop();

    await broker('kafka-stop');
    const stoppedAt = Date.now();
    const appendedBefore = newsroom.total;
    // The scenario is a broker gone for a fixed time, so this waits on the clock, not on a result.
    await waitFor('the end of the outage', async () => Date.now() - stoppedAt >= OUTAGE_MS, OUTAGE_MS + 5000, 250);
    expect(newsroom.failures).toBe(0); // commands kept being accepted: they only need PostgreSQL
    expect(newsroom.total - appendedBefore).toBeGreaterThan(100);
    expect(await outboxSize(db)).toBeGreaterThan(100); // held back, not dropped
    expect(relay.role).toBe('leader');
    expect(said.filter((l) => l.msg === 'relay step failed; retrying').length).toBeGreaterThan(3);

    await broker('kafka-start');
    await waitFor('the backlog drained', async () => (await outboxSize(db)) === 0, 60_000, 250);
    const appended = await newsroom.stop();
    await waitFor('the last appends relayed', async () => (await outboxSize(db)) === 0, 10_000);

    // Group sessions from before the restart take a while to settle; a new group reads it all afresh.
    const after = await TopicReader.start(prefix);
    readers.push(after);
    await waitFor('every appended event in Kafka', async () => after.reached(appended), 60_000, 200);
    for (const [article, n] of appended) expect(after.appliedByArticle().get(article)).toEqual(oneToN(n));
  }, 180_000);
});
