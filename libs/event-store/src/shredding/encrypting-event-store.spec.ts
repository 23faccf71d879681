import { randomBytes, randomUUID } from 'node:crypto';
import { eventStoreContract } from '../event-store.contract.fixture';
import { InMemoryEventStore } from '../event-store.in-memory';
import { EncryptingEventStore } from './encrypting-event-store';
import { FieldCodec } from './field-codec';
import { drafted, ORDER, photoAttached, redactableFields, SOURCE } from './field-codec.fixture';
import { isRedactionMarker } from './field-envelope';
import { InMemoryFieldKeyStore } from './field-key-store.in-memory';

const metadata = {
  actor: { id: 'u1', name: 'Eda Editor', role: 'editor' },
  commandId: 'c',
  correlationId: 'c',
  causationId: 'c',
};
const NOW = '2030-01-15T10:00:00.000Z';

function setup() {
  const inner = new InMemoryEventStore();
  const codec = new FieldCodec({ keys: new InMemoryFieldKeyStore(), masterKey: randomBytes(32), redactableFields });
  return { inner, codec, store: new EncryptingEventStore(inner, codec) };
}

describe('the encrypting event store', () => {
  describe('keeps every promise of an event store', () => {
    const { store } = setup();
    eventStoreContract(() => store);
  });

  it('stores ciphertext below and answers plaintext, from the append and from reads', async () => {
    const { inner, store } = setup();
    const streamId = `article-${randomUUID()}`;

    const appended = await store.append(streamId, null, [drafted(), photoAttached()], metadata, NOW);

    expect(JSON.stringify(await inner.readStream(streamId))).not.toContain(SOURCE);
    expect(appended.map((e) => e.data)).toEqual([drafted().data, photoAttached().data]);
    expect(await store.readStream(streamId)).toEqual(appended);
  });

  it('encrypts every stream of an append across streams', async () => {
    const { inner, store } = setup();
    const [a, b] = [`article-${randomUUID()}`, `contribution-${randomUUID()}`];

    const [ofA, ofB] = await store.appendToStreams(
      [
        { streamId: a, head: null, events: [drafted()] },
        { streamId: b, head: null, events: [photoAttached()] },
      ],
      metadata,
      NOW,
    );

    expect(JSON.stringify([await inner.readStream(a), await inner.readStream(b)])).not.toContain(SOURCE);
    expect([ofA[0].data, ofB[0].data]).toEqual([drafted().data, photoAttached().data]);
  });

  it('appends as they come when sealing is off, and still opens what was sealed before', async () => {
    const { inner, codec, store } = setup();
    const streamId = `article-${randomUUID()}`;
    const sealedFirst = await store.append(streamId, null, [drafted()], metadata, NOW);
    const plain = new EncryptingEventStore(inner, codec, { sealAppends: false });

    await plain.append(streamId, { version: 1, hash: sealedFirst[0].hash }, [photoAttached()], metadata, NOW);

    const stored = await inner.readStream(streamId);
    expect(JSON.stringify(stored[0])).not.toContain(SOURCE);
    expect(stored[1].data).toEqual(photoAttached().data);
    expect((await plain.readStream(streamId)).map((e) => e.data)).toEqual([drafted().data, photoAttached().data]);
  });

  it('verifies the chain on the stored ciphertext, before and after keys are destroyed', async () => {
    const { inner, codec, store } = setup();
    const streamId = `article-${randomUUID()}`;
    const appended = await store.append(streamId, null, [drafted(), photoAttached()], metadata, NOW);
    const valid = { valid: true, events: 2, headHash: appended[1].hash };
    expect(await store.verify(streamId)).toEqual(valid);

    // A redaction searches the stored events: decrypted ones hold no envelopes, so no keys to destroy.
    const found = await codec.locate(await inner.readStream(streamId), (text) => text.includes(SOURCE));
    expect(found.encrypted).toHaveLength(3);
    await codec.destroy(
      found.encrypted.map((f) => f.kid),
      ORDER,
    );

    expect(await store.verify(streamId)).toEqual(valid);
    const [story, photo] = await store.readStream(streamId);
    expect(isRedactionMarker(story.data.body[2].attribution)).toBe(true);
    expect(isRedactionMarker(photo.data.photo.caption)).toBe(true);
    expect(JSON.stringify([story, photo])).not.toContain(SOURCE);
  });
});
