import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { waitFor } from '@newsroom/testing';
import { createTestDatabase, type TestDatabase } from '@newsroom/testing-system';
import { dataSourceOptions, eventStoreMigrations } from './data-source.factory';
import { AppendOutcomeUnknown } from './database-unavailable';
import { PostgresEventStore } from './event-store';
import { NewEvent } from './event-store.types';

// What group commit adds on PostgreSQL beyond the contract suite: appends made together share one
// transaction, and a connection cut under a group leaves every append in it unsure, each with its own ids.

let db: TestDatabase;
let app: DataSource;
let store: PostgresEventStore;
const APP_NAME = 'group-commit-int';

beforeAll(async () => {
  db = await createTestDatabase('group_commit', eventStoreMigrations);
  app = new DataSource(dataSourceOptions({ url: db.url, schema: db.schema, poolSize: 2, applicationName: APP_NAME }));
  await app.initialize();
  store = new PostgresEventStore(app);
});
afterAll(async () => {
  await app.destroy();
  await db.drop();
});

const metadata = {
  actor: { id: 'u1', name: 'Eda Editor', role: 'editor' },
  commandId: 'c1',
  correlationId: 'c1',
  causationId: 'c1',
};
const noted = (...n: number[]): NewEvent[] => n.map((by) => ({ type: 'Noted', data: { by } }));
const now = '2030-01-01T08:00:00.000Z';
const newStream = () => `counter-${randomUUID()}`;

describe('appends made together', () => {
  it('commit in one transaction, each with its own outbox rows, and none for a private stream', async () => {
    const [a, b, c] = [newStream(), newStream(), `user-${randomUUID()}`];
    await Promise.all([
      store.append(a, null, noted(1), metadata, now),
      store.append(b, null, noted(1, 2), metadata, now),
      store.append(c, null, noted(1), metadata, now, { publish: false }),
    ]);
    const transactions = await db.dataSource.query(`SELECT DISTINCT xmin::text FROM events WHERE stream_id = ANY($1)`, [
      [a, b, c],
    ]);
    expect(transactions).toHaveLength(1);
    const outbox = await db.dataSource.query(
      `SELECT o.stream_id, e.version FROM outbox o JOIN events e USING (global_position)
       WHERE o.stream_id = ANY($1) ORDER BY o.id`,
      [[a, b, c]],
    );
    expect(outbox.filter((r: { stream_id: string }) => r.stream_id === b)).toEqual([
      { stream_id: b, version: 1 },
      { stream_id: b, version: 2 },
    ]);
    expect(outbox.filter((r: { stream_id: string }) => r.stream_id !== b)).toEqual([{ stream_id: a, version: 1 }]);
  });
});

describe('a group whose connection is cut while its statement runs', () => {
  it('tells each append in it that its outcome is unknown, naming its own events, and stores none', async () => {
    const [blocked, free] = [newStream(), newStream()];
    // An uncommitted event at the version the group wants holds the group's statement on a row lock.
    const blocker = db.dataSource.createQueryRunner();
    await blocker.startTransaction();
    await blocker.query(
      `INSERT INTO events (event_id, stream_id, version, type, data, metadata, occurred_at, prev_hash, hash)
       VALUES ($1, $2, 1, 'Noted', '{}', '{}', now(), repeat('0', 64), repeat('1', 64))`,
      [randomUUID(), blocked],
    );
    try {
      const results = Promise.allSettled([
        store.append(blocked, null, noted(1), metadata, now),
        store.append(free, null, noted(1, 2), metadata, now),
      ]);
      const pid = await waitFor('the group to wait on the lock', async () => {
        const [row] = await db.dataSource.query(
          `SELECT pid FROM pg_stat_activity WHERE application_name = $1 AND wait_event_type = 'Lock'`,
          [APP_NAME],
        );
        return row?.pid as number | undefined;
      });
      await db.dataSource.query(`SELECT pg_terminate_backend($1)`, [pid]);
      const [first, second] = await results;
      const unknown = [first, second].map((r) => (r.status === 'rejected' ? r.reason : r.value));
      expect(unknown[0]).toBeInstanceOf(AppendOutcomeUnknown);
      expect(unknown[1]).toBeInstanceOf(AppendOutcomeUnknown);
      expect(unknown[0].eventIds).toHaveLength(1);
      expect(unknown[1].eventIds).toHaveLength(2);
      expect(unknown[0].eventIds).not.toContain(unknown[1].eventIds[0]);
    } finally {
      await blocker.rollbackTransaction();
      await blocker.release();
    }
    const owner = new PostgresEventStore(db.dataSource);
    expect(await owner.readStream(free)).toEqual([]);
    expect(await owner.readStream(blocked)).toEqual([]);
  });
});
