import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '@newsroom/testing-system';
import { dataSourceOptions, eventStoreMigrations, openPoolConnections } from './data-source.factory';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase('warm_pool', eventStoreMigrations);
});
afterAll(() => db.drop());

/** The backends PostgreSQL has for this application name: what the pool really holds open. */
async function backendsOf(name: string): Promise<number> {
  const [{ n }] = await db.dataSource.query(
    `SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = $1`,
    [name],
  );
  return n;
}

describe("a pool's warm connections", () => {
  it('are opened before the first query needs one, and only as many as asked for', async () => {
    const name = `warm-pool-${randomBytes(4).toString('hex')}`;
    const ds = new DataSource(
      dataSourceOptions({ url: db.url, schema: db.schema, poolSize: 10, poolMin: 3, applicationName: name }),
    );
    await ds.initialize();
    try {
      const before = await backendsOf(name);

      await openPoolConnections(ds, 3);

      expect(await backendsOf(name)).toBe(Math.max(before, 3));
      // Idle in the pool: three queries at once are answered without opening a fourth.
      await Promise.all([1, 2, 3].map(() => ds.query('SELECT 1')));
      expect(await backendsOf(name)).toBe(3);
    } finally {
      await ds.destroy();
    }
  });

  it('are kept however idle: the pool is told its minimum, never above its size', () => {
    const extra = (poolMin: number) =>
      (dataSourceOptions({ url: db.url, poolSize: 5, poolMin }) as { extra: { min: number } }).extra;

    expect(extra(3).min).toBe(3);
    expect(extra(8).min).toBe(5);
    expect((dataSourceOptions({ url: db.url }) as { extra: { min: number } }).extra.min).toBe(0);
  });
});
