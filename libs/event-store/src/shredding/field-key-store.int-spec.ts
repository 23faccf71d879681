import { randomBytes, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { DEFAULT_DATABASE_ROLES } from '@newsroom/settings';
import { createTestDatabase, type TestDatabase } from '@newsroom/testing-system';
import { dataSourceOptions, eventStoreMigrations } from '../data-source.factory';
import { eventStorePrivileges } from '../event-store.privileges';
import { fieldKeyStoreContract } from './field-key-store.contract.fixture';
import { PostgresFieldKeyStore } from './field-key-store.postgres';

let db: TestDatabase;
let store: PostgresFieldKeyStore;
beforeAll(async () => {
  db = await createTestDatabase('field_keys', eventStoreMigrations, eventStorePrivileges);
  store = new PostgresFieldKeyStore(db.dataSource);
});
afterAll(() => db.drop());

const aKey = () => ({
  kid: randomBytes(16).toString('base64url'),
  streamId: 'article-1',
  masterKeyId: '0123456789abcdef',
  wrapped: randomBytes(60),
});

describe('the field key store in PostgreSQL', () => {
  fieldKeyStoreContract(() => store);

  it("stores keys in the caller's transaction, so an append that rolls back leaves no key", async () => {
    const k = aKey();

    await expect(
      db.dataSource.transaction(async (m) => {
        await store.insert([k], m);
        throw new Error('the append lost the race');
      }),
    ).rejects.toThrow('the append lost the race');

    expect((await store.fetch([k.kid])).size).toBe(0);
  });

  it('deletes the row of a destroyed key: its wrapped bytes are nowhere in the table', async () => {
    const k = aKey();
    await store.insert([k]);

    await store.destroy([k.kid], {
      redactionId: randomUUID(),
      redactedAt: new Date().toISOString(),
      legalBasis: 'Erasure request',
      reference: 'DPO-17',
    });

    const [{ n }] = await db.dataSource.query(
      `SELECT count(*)::int AS n FROM field_keys WHERE kid = $1 OR position($2::bytea IN wrapped) > 0`,
      [k.kid, k.wrapped],
    );
    expect(n).toBe(0);
  });

  describe("with the processes' roles", () => {
    const as = async (role: keyof typeof DEFAULT_DATABASE_ROLES) => {
      const ds = new DataSource(dataSourceOptions({ url: db.roleUrls![role], schema: db.schema, poolSize: 1 }));
      return ds.initialize();
    };

    it('lets the projector read keys but not destroy them, and the relay (ciphertext only) not read them', async () => {
      const [projector, relay] = [await as('projector'), await as('relay')];
      try {
        await expect(projector.query(`SELECT kid FROM field_keys LIMIT 1`)).resolves.toBeDefined();
        await expect(projector.query(`DELETE FROM field_keys`)).rejects.toThrow(/permission denied/);
        await expect(relay.query(`SELECT kid FROM field_keys LIMIT 1`)).rejects.toThrow(/permission denied/);
      } finally {
        await Promise.all([projector.destroy(), relay.destroy()]);
      }
    });
  });
});
