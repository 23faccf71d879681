import type { PoolClient } from 'pg';
import { DataSource } from 'typeorm';
import { waitFor } from '@newsroom/testing';
import { createTestDatabase, type TestDatabase } from '@newsroom/testing-system';
import { dataSourceOptions, eventStoreMigrations } from './data-source.factory';
import { isConnectionLost } from './database-unavailable';

// Bug: when PostgreSQL ended the sessions of a running app, a pooled client that was checked out but
// between queries emitted 'error' with no listener (the pool listens only while a client is idle),
// which threw from the socket handler and crashed the process: the in-process API under the
// database-cut e2e, a projector. Every pooled client now carries a listener of its own.

let db: TestDatabase;
let app: DataSource;
beforeAll(async () => {
  db = await createTestDatabase('terminated_session', eventStoreMigrations);
  app = new DataSource(dataSourceOptions({ url: db.url, schema: db.schema, poolSize: 2 }));
  await app.initialize();
});
afterAll(async () => {
  await app.destroy();
  await db.drop();
});

type Pool = { connect(): Promise<PoolClient> };

describe('a pooled connection whose session the server ends while it is checked out and idle', () => {
  it('does not crash the process: its next query fails as a lost connection, the pool serves another', async () => {
    const client = await (app.driver as unknown as { master: Pool }).master.connect();
    const pid = (client as unknown as { processID: number }).processID;
    const errors: Error[] = [];
    const crash = (e: Error) => errors.push(e);
    process.on('uncaughtException', crash);

    await db.dataSource.query('SELECT pg_terminate_backend($1)', [pid]);
    const failure = await waitFor(
      'the dead session to fail a query',
      async () =>
        client.query('SELECT 1').then(
          () => undefined,
          (err: Error) => err,
        ),
      5000,
      50,
    );
    client.release(failure);
    process.off('uncaughtException', crash);

    expect(isConnectionLost(failure)).toBe(true);
    expect(errors).toEqual([]);
    expect(await app.query('SELECT 2 AS n')).toEqual([{ n: 2 }]);
  });
});
