import { randomBytes, randomUUID } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '@newsroom/testing-system';
import { eventStoreMigrations } from '../data-source.factory';
import { PostgresEventStore } from '../event-store';
import type { StoredEvent } from '../event-store.types';
import { logEntry } from '../transparency/log-entry';
import { FieldCodec } from './field-codec';
import { drafted, ORDER, photoAttached, redactableFields, SOURCE } from './field-codec.fixture';
import { isRedactionMarker } from './field-envelope';
import { PostgresFieldKeyStore } from './field-key-store.postgres';

let db: TestDatabase;
let store: PostgresEventStore;
let keys: PostgresFieldKeyStore;
beforeAll(async () => {
  db = await createTestDatabase('field_codec', eventStoreMigrations);
  store = new PostgresEventStore(db.dataSource);
  keys = new PostgresFieldKeyStore(db.dataSource);
});
afterAll(() => db.drop());

const masterKey = randomBytes(32);
const codec = () => new FieldCodec({ keys, masterKey, redactableFields });
const metadata = {
  actor: { id: 'u1', name: 'Eda Editor', role: 'editor' },
  commandId: 'c',
  correlationId: 'c',
  causationId: 'c',
};

/** Two appends of encrypted events, as the wired write path will make them. */
async function aStoryNamingTheSource(): Promise<string> {
  const streamId = `article-${randomUUID()}`;
  const writer = codec();
  const first = await store.append(
    streamId,
    null,
    await writer.encrypt(streamId, [drafted()]),
    metadata,
    new Date().toISOString(),
  );
  await store.append(
    streamId,
    first.at(-1)!,
    await writer.encrypt(streamId, [photoAttached()]),
    metadata,
    new Date().toISOString(),
  );
  return streamId;
}

/** What a redaction will do: find the fields holding the passage, and their keys. */
async function kidsHolding(passage: string, events: StoredEvent[]): Promise<string[]> {
  const found = await codec().locate(events, (text) => text.includes(passage));
  expect(found.plaintext).toEqual([]);
  return found.encrypted.map((f) => f.kid);
}

describe('encrypted fields in the PostgreSQL event store', () => {
  it('keep every plaintext of a redactable field out of the events table', async () => {
    const streamId = await aStoryNamingTheSource();

    const [{ n }] = await db.dataSource.query(
      `SELECT count(*)::int AS n FROM events WHERE stream_id = $1 AND data::text LIKE '%' || $2 || '%'`,
      [streamId, 'Lindqvist'],
    );
    expect(n).toBe(0);
    expect(await codec().decrypt(await store.readStream(streamId))).toMatchObject([drafted(), photoAttached()]);
  });

  describe('when the keys of the fields naming the source are destroyed', () => {
    it('leave every stored event, its hash and its Merkle leaf as they were, and the chain verifies', async () => {
      const streamId = await aStoryNamingTheSource();
      const before = await store.readStream(streamId);
      const found = await codec().locate(before, (text) => text.includes(SOURCE));
      expect(found.encrypted.map(({ eventId, path }) => ({ eventId, path }))).toEqual([
        { eventId: before[0].eventId, path: 'body[0].text' },
        { eventId: before[0].eventId, path: 'body[2].attribution' },
        { eventId: before[1].eventId, path: 'photo.caption' },
      ]);
      const kids = found.encrypted.map((f) => f.kid);

      await codec().destroy(kids, ORDER);

      const after = await store.readStream(streamId);
      expect(after).toEqual(before);
      expect(after.map((e) => logEntry(e))).toEqual(before.map((e) => logEntry(e)));
      expect(await store.verify(streamId)).toEqual({ valid: true, events: 2, headHash: before[1].hash });
    });

    it('read as redaction markers naming the order, the rest of the story intact, the source nowhere', async () => {
      const streamId = await aStoryNamingTheSource();
      await codec().destroy(await kidsHolding(SOURCE, await store.readStream(streamId)), ORDER);

      const read = await codec().decrypt(await store.readStream(streamId));

      expect(JSON.stringify(read)).not.toContain(SOURCE);
      const [story, photo] = read.map((e) => e.data);
      expect(isRedactionMarker(story.body[0].text)).toBe(true);
      expect(isRedactionMarker(story.body[2].attribution)).toBe(true);
      expect(isRedactionMarker(photo.photo.caption)).toBe(true);
      expect(story.body[2].text).toBe('Nobody left the table happy.');
      expect(story.headline).toBe(drafted().data.headline);
      expect(photo.photo.credit).toBe('Wire');
      expect(photo.photo.caption).toEqual({ $redacted: expect.objectContaining(ORDER) });
    });
  });
});
