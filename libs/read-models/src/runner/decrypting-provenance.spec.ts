import { randomBytes } from 'node:crypto';
import { FieldCodec, FieldKeyMissing, InMemoryFieldKeyStore } from '@newsroom/event-store';
import type { Db } from '../tables/recordset';
import type { Item } from './apply-events';
import { decryptingProvenance, kidsAt } from './decrypting-provenance';
import type { Provenance } from './provenance';
import type { StreamEvent } from './stream-source';

const redactableFields = (type: string) => (type === 'Noted' ? ['note'] : []);
const keys = new InMemoryFieldKeyStore();
const codec = new FieldCodec({ keys, masterKey: randomBytes(32), redactableFields });
const asDelivered: Provenance = async (_db, items) => items;
const db = {} as Db;

const itemOf = (articleId: string, data: unknown, ref: number): Item<number, StreamEvent> => ({
  articleId,
  event: { type: 'Noted', data } as StreamEvent,
  ref,
});
const sealed = async (note: string) => (await codec.encrypt('article-x', [{ type: 'Noted', data: { note } }]))[0].data;

describe('decrypting provenance', () => {
  it('opens the confirmed events of a batch', async () => {
    const items = [itemOf('a', await sealed('one'), 1), itemOf('b', await sealed('two'), 2)];

    const opened = await decryptingProvenance(codec, asDelivered)(db, items);

    expect(opened.map((i) => i.event?.data)).toEqual([{ note: 'one' }, { note: 'two' }]);
  });

  it('parks only the event that cannot be opened, naming the missing key', async () => {
    const lost = await new FieldCodec({
      keys: new InMemoryFieldKeyStore(),
      masterKey: randomBytes(32),
      redactableFields,
    })
      .encrypt('article-y', [{ type: 'Noted', data: { note: 'lost' } }])
      .then(([e]) => e.data);
    const items = [itemOf('a', await sealed('kept'), 1), itemOf('b', lost, 2)];

    const [kept, parked] = await decryptingProvenance(codec, asDelivered)(db, items);

    expect(kept.event?.data).toEqual({ note: 'kept' });
    expect(parked).toEqual({ articleId: 'b', event: null, unreadable: expect.any(FieldKeyMissing), ref: 2 });
  });

  it('lets an item the confirmation refused through as it is', async () => {
    const refused: Provenance = async (_db, items) =>
      items.map((i) => ({ ...i, event: null, unreadable: new Error('forged') }));

    const [item] = await decryptingProvenance(codec, refused)(db, [itemOf('a', await sealed('x'), 1)]);

    expect(item).toMatchObject({ event: null, unreadable: new Error('forged') });
  });

  it('fails the batch, to be retried, when the key store cannot be reached', async () => {
    class Unreachable extends InMemoryFieldKeyStore {
      override fetch(): never {
        throw new Error('connection refused');
      }
    }
    const cold = new FieldCodec({ keys: new Unreachable(), masterKey: randomBytes(32), redactableFields });

    await expect(decryptingProvenance(cold, asDelivered)(db, [itemOf('a', await sealed('x'), 1)])).rejects.toThrow(
      'connection refused',
    );
  });
});

describe('the keys a redaction names (what the projector forgets before reading history again)', () => {
  it('are those sealing the referenced fields, by event id and concrete path', async () => {
    const stored = [
      { eventId: 'e1', type: 'Listed', data: { items: [{ text: 'x' }, await sealed('one')] } },
      { eventId: 'e2', type: 'Noted', data: await sealed('two') },
      { eventId: 'e3', type: 'Noted', data: { note: 'written before encryption' } },
    ] as unknown as StreamEvent[];
    const kidOf = (data: unknown) => (data as { note: { $enc: { kid: string } } }).note.$enc.kid;
    const nested = (stored[0].data as { items: Array<{ note: { $enc: { kid: string } } }> }).items[1];

    const kids = kidsAt(stored, [
      { eventId: 'e1', path: 'items[1].note' },
      { eventId: 'e2', path: 'note' },
      { eventId: 'e3', path: 'note' },
      { eventId: 'e9', path: 'note' },
    ]);

    expect(kids).toEqual([nested.note.$enc.kid, kidOf(stored[1].data)]);
  });
});
