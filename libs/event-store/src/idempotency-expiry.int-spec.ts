import { createTestDatabase, type TestDatabase } from '@newsroom/testing-system';
import { eventStoreMigrations } from './data-source.factory';
import { PostgresEventStore } from './event-store';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase('idempotency_expiry', eventStoreMigrations);
});
afterAll(() => db.drop());

const metadata = {
  actor: { id: 'u1', name: 'Eda', role: 'editor' },
  commandId: 'c',
  correlationId: 'c',
  causationId: 'c',
};
const key = (k: string) => ({ actorId: 'u1', key: k, requestHash: 'a'.repeat(64) });
const remember = (store: PostgresEventStore, k: string, answer: unknown) =>
  store.append(`counter-${k}`, null, [], metadata, new Date().toISOString(), { remember: { key: key(k), answer } });

describe('idempotency keys in PostgreSQL over time', () => {
  // A store whose keys live 0 ms sees every record as expired: the clock of PostgreSQL is not ours to move.
  const live = () => new PostgresEventStore(db.dataSource);
  const expiring = () => new PostgresEventStore(db.dataSource, 0);

  it('recalls a key within its time to live', async () => {
    await remember(live(), 'kept', 1);

    expect(await live().recall(key('kept'))).toMatchObject({ answer: 1 });
  });

  it('forgets an expired key, so the same key records a new answer', async () => {
    await remember(live(), 'expired', 1);

    expect(await expiring().recall(key('expired'))).toBeUndefined();
    await remember(live(), 'expired', 2);
    expect(await live().recall(key('expired'))).toMatchObject({ answer: 2 });
  });

  it('purges the expired records', async () => {
    await remember(live(), 'purged', 1);

    expect(await expiring().purgeExpiredKeys()).toBeGreaterThanOrEqual(1);
    const [{ n }] = await db.dataSource.query(`SELECT count(*)::int AS n FROM idempotency_keys`);
    expect(n).toBe(0);
  });
});
