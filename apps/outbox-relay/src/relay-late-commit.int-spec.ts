import { randomUUID } from 'node:crypto';
import { QueryRunner } from 'typeorm';
import { articleStreamId } from '@newsroom/editorial-domain';
import { eventStoreMigrations, PostgresEventStore } from '@newsroom/event-store';
import { waitFor } from '@newsroom/testing';
import { createTestDatabase, type TestDatabase } from '@newsroom/testing-system';
import { OutboxRelay } from './outbox.relay';
import { ACTOR, appendTo, newArticleId, outboxSize, startRelay } from './relay.fixture';
import { createTopics, deleteTopics, oneToN, TopicReader } from './topic-reader.fixture';

let db: TestDatabase;
let prefix: string;
let relay: OutboxRelay;
let reader: TopicReader;
let held: QueryRunner | undefined;

beforeAll(async () => {
  db = await createTestDatabase('relay_late_commit', eventStoreMigrations);
  prefix = await createTopics();
  relay = startRelay(db, prefix, 'late-commit');
  reader = await TopicReader.start(prefix);
});
afterAll(async () => {
  if (held?.isTransactionActive) await held.rollbackTransaction();
  await held?.release();
  await relay?.stop();
  await reader?.stop();
  await db?.drop();
  if (prefix) await deleteTopics(prefix);
});

describe('an append that commits after later ones', () => {
  it('is still relayed once it commits, and every article stays in order', async () => {
    const late = newArticleId();
    const others = [newArticleId(), newArticleId(), newArticleId()];
    await appendTo(db, late);

    // Takes the next outbox id and global position, then holds its transaction open.
    held = db.dataSource.createQueryRunner();
    await held.connect();
    await held.startTransaction();
    const store = new PostgresEventStore(db.dataSource);
    const [head] = await store.readStream(articleStreamId(late), { manager: held.manager });
    const id = randomUUID();
    const [lateEvent] = await store.append(
      articleStreamId(late),
      head,
      [{ type: 'Incremented', data: { by: 1 } }],
      { actor: ACTOR, commandId: id, correlationId: id, causationId: id },
      new Date().toISOString(),
      { manager: held.manager },
    );

    for (let round = 0; round < 3; round++) for (const a of others) await appendTo(db, a);
    await waitFor('the later appends in Kafka', async () => reader.reached(new Map(others.map((a) => [a, 3]))), 10_000);
    // The uncommitted row is invisible to the relay, which must not wait behind it.
    await waitFor('the later rows sent and deleted', async () => (await outboxSize(db)) === 0, 5000);
    const laterPositions = reader.messages.filter((m) => others.includes(m.key)).map((m) => m.envelope.position);
    expect(Math.min(...laterPositions)).toBeGreaterThan(lateEvent.globalPosition);
    expect(reader.versionsByArticle().get(late)).toEqual([1]);

    await held.commitTransaction();
    await appendTo(db, late);
    await waitFor('the late event and the one after it', async () => reader.reached(new Map([[late, 3]])), 10_000);
    expect(reader.versionsByArticle().get(late)).toEqual(oneToN(3));
    const lateMessage = reader.messages.find((m) => m.envelope.eventId === lateEvent.eventId);
    expect(lateMessage?.envelope.position).toBe(lateEvent.globalPosition);
    for (const a of others) expect(reader.versionsByArticle().get(a)).toEqual(oneToN(3));
    await waitFor('an empty outbox', async () => (await outboxSize(db)) === 0, 5000);
  });
});
