import { randomUUID } from 'node:crypto';
import { draftArticle } from '@newsroom/testing';
import { createTestDatabase, testKafka, type TestDatabase, type TestKafka } from '@newsroom/testing-system';
import { allMigrations } from '../migrations';
import { startProjectionConsumer, type RunningConsumer } from './projection-consumer';
import { caughtUp, relay, runCommands } from './runner.fixture';

// A projector with 2 s sessions against a broker that keeps Kafka's default minimum (6 s) used to
// stop for good: the join is refused as a non-retriable error. It falls back to 6 s and projects.

let db: TestDatabase;
let k: TestKafka;
let consumer: RunningConsumer | undefined;
const fatal: Error[] = [];

beforeAll(async () => {
  db = await createTestDatabase('refused_session', allMigrations);
  k = await testKafka('session');
});
afterAll(async () => {
  await consumer?.stop();
  await k.close();
  await db.drop();
});

it('falls back to the broker default when the broker refuses the session timeout, and keeps projecting', async () => {
  await runCommands(db.dataSource, randomUUID(), [draftArticle({ headline: 'Session timeouts' })]);
  await relay(db.dataSource, k);
  consumer = await startProjectionConsumer({
    kafka: k.kafka,
    dataSource: db.dataSource,
    producer: k.producer,
    readModel: 'article_state',
    prefix: k.prefix,
    // Below any broker's group.min.session.timeout.ms (ours is 1000), as 2 s is below Kafka's default.
    sessionTimeoutMs: 500,
    onFatal: (err) => fatal.push(err),
  });
  await caughtUp(db.dataSource, 'article_state', 60_000);
  expect(fatal).toEqual([]);
});
