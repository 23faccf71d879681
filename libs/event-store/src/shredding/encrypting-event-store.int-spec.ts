import { randomBytes, randomUUID } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '@newsroom/testing-system';
import { eventStoreMigrations } from '../data-source.factory';
import { PostgresEventStore } from '../event-store';
import { eventStoreContract } from '../event-store.contract.fixture';
import { EncryptingEventStore } from './encrypting-event-store';
import { FieldCodec } from './field-codec';
import { drafted, photoAttached, redactableFields } from './field-codec.fixture';
import { PostgresFieldKeyStore } from './field-key-store.postgres';

let db: TestDatabase;
let store: EncryptingEventStore;
beforeAll(async () => {
  db = await createTestDatabase('encrypting_store', eventStoreMigrations);
  const keys = new PostgresFieldKeyStore(db.dataSource);
  store = new EncryptingEventStore(
    new PostgresEventStore(db.dataSource),
    new FieldCodec({ keys, masterKey: randomBytes(32), redactableFields }),
  );
});
afterAll(() => db.drop());

const metadata = {
  actor: { id: 'u1', name: 'Eda Editor', role: 'editor' },
  commandId: 'c',
  correlationId: 'c',
  causationId: 'c',
};

describe('the encrypting event store over PostgreSQL', () => {
  describe('keeps every promise of an event store', () => {
    eventStoreContract(() => store);
  });

  it('appends that arrive together still commit, each with its keys, and read back as written', async () => {
    const streams = Array.from({ length: 8 }, () => `article-${randomUUID()}`);

    await Promise.all(
      streams.map((s) => store.append(s, null, [drafted(), photoAttached()], metadata, new Date().toISOString())),
    );

    for (const s of streams) {
      expect((await store.readStream(s)).map((e) => e.data)).toEqual([drafted().data, photoAttached().data]);
    }
    const [{ n }] = await db.dataSource.query(
      `SELECT count(*)::int AS n FROM field_keys WHERE stream_id = ANY($1::text[])`,
      [streams],
    );
    expect(n).toBe(8 * 7);
  });
});
