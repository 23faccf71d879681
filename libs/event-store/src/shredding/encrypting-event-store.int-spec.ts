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

  const keysOf = async (streamId: string) =>
    (await db.dataSource.query(`SELECT count(*)::int AS n FROM field_keys WHERE stream_id = $1`, [streamId]))[0]
      .n as number;

  it('stores no keys for an append that lost its race, grouped or alone', async () => {
    const stream = `article-${randomUUID()}`;
    const [first] = await store.append(stream, null, [drafted()], metadata, new Date().toISOString());
    const before = await keysOf(stream);
    const head = { version: first.version, hash: first.hash };

    // Two appends after the same head at once: one lands with its keys, the other with none.
    const outcomes = await Promise.allSettled([
      store.append(stream, head, [photoAttached()], metadata, new Date().toISOString()),
      store.append(stream, head, [photoAttached()], metadata, new Date().toISOString()),
    ]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
    const perPhoto = (await keysOf(stream)) - before;
    // And alone, in a caller's transaction that the conflict rolls back.
    await expect(
      db.dataSource.transaction((manager) =>
        store.append(stream, head, [photoAttached()], metadata, new Date().toISOString(), { manager }),
      ),
    ).rejects.toThrow();

    expect(perPhoto).toBe(redactableFields('PhotoAttached').length);
    expect(await keysOf(stream)).toBe(before + perPhoto);
  });
});
