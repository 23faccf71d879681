import { randomBytes } from 'node:crypto';
import { FieldCodec, FieldKeyMissing, WrongMasterKey } from './field-codec';
import { decodeFieldEnvelope, isRedactionMarker } from './field-envelope';
import { drafted, ORDER, photoAttached, redactableFields, SOURCE } from './field-codec.fixture';
import { InMemoryFieldKeyStore } from './field-key-store.in-memory';

/** Counts the round trips: the codec must fetch a batch's keys at once. */
class CountingKeyStore extends InMemoryFieldKeyStore {
  fetches = 0;
  override fetch(kids: readonly string[]) {
    this.fetches++;
    return super.fetch(kids);
  }
}

const master = randomBytes(32);
const setup = (cache?: ConstructorParameters<typeof FieldCodec>[0]['cache']) => {
  const keys = new CountingKeyStore();
  const codec = (masterKey = master) => new FieldCodec({ keys, masterKey, redactableFields, cache });
  return { keys, writer: codec(), reader: codec(), another: () => codec() };
};
type Drafted = ReturnType<typeof drafted>;

describe('the field codec', () => {
  it('encrypts each non-empty redactable text under a key of its own and leaves the rest in clear', async () => {
    const { keys, writer } = setup();
    const [sealed] = (await writer.encrypt('article-1', [drafted()])) as Drafted[];
    const body = sealed.data.body as unknown as Record<string, unknown>[];

    expect(JSON.stringify(sealed)).not.toContain('Lindqvist');
    const kids = [sealed.data.headline, body[0].text, body[2].text, body[2].attribution, body[3].text].map(
      (v) => decodeFieldEnvelope(v)!.kid,
    );
    expect(new Set(kids).size).toBe(5);
    expect((await keys.fetch(kids)).size).toBe(5);
    expect(sealed.data).toMatchObject({ articleId: 'a1', standfirst: '', dateline: 'REYKJAVIK' });
    expect(body[1]).toEqual({ type: 'photo', photoId: 'p1' });
  });

  it('gives back exactly what was written, in a process that never saw the keys', async () => {
    const { writer, reader } = setup();
    const sealed = await writer.encrypt('article-1', [drafted(), photoAttached()]);

    expect(await reader.decrypt(sealed)).toEqual([drafted(), photoAttached()]);
  });

  it('leaves an event without free text as it is, with no key', async () => {
    const { keys, writer } = setup();
    const approved = { type: 'Approved', data: { by: 'u1' } };

    const [sealed] = await writer.encrypt('article-1', [approved]);

    expect(sealed).toBe(approved);
    expect(await setup().reader.decrypt([approved])).toEqual([approved]);
    expect(keys.fetches).toBe(0);
  });

  it('reads plaintext stored before encryption as it is', async () => {
    const { reader } = setup();

    expect(await reader.decrypt([drafted()])).toEqual([drafted()]);
  });

  it("fetches a whole batch's keys in one round trip, and keys it holds not at all", async () => {
    const { keys, writer, reader } = setup();
    const sealed = await writer.encrypt('article-1', [drafted(), photoAttached(), drafted()]);

    await reader.decrypt(sealed);
    await reader.decrypt(sealed);

    expect(keys.fetches).toBe(1);
  });

  it("fetches a key once for readers that want it at the same moment, as a projector's consumers do", async () => {
    const { keys, writer, reader } = setup();
    const [draft, photo] = await writer.encrypt('article-1', [drafted(), photoAttached()]);

    const read = await Promise.all([reader.decrypt([draft]), reader.decrypt([draft, photo]), reader.decrypt([draft])]);

    expect(read).toEqual([[drafted()], [drafted(), photoAttached()], [drafted()]]);
    expect(keys.fetches).toBe(2); // the draft's keys once, then the photo's alone
  });

  describe('after a key is destroyed', () => {
    it('reads the field as a marker naming the order, and every other field as it was', async () => {
      const { writer, reader } = setup();
      const [sealed] = (await writer.encrypt('article-1', [drafted()])) as Drafted[];
      const attribution = decodeFieldEnvelope(sealed.data.body[2].attribution)!.kid;

      expect(await writer.destroy([attribution], ORDER)).toBe(1);

      const [read] = (await reader.decrypt([sealed])) as Drafted[];
      expect(read.data.body[2]).toEqual({
        type: 'quote',
        text: 'Nobody left the table happy.',
        attribution: { $redacted: { kid: attribution, ...ORDER } },
      });
      expect(read.data.body[0]).toEqual(drafted().data.body[0]);
      expect(read.data.headline).toBe(drafted().data.headline);
    });

    it('stops opening it in the process that destroyed it at once', async () => {
      const { writer } = setup();
      const [sealed] = (await writer.encrypt('article-1', [photoAttached()])) as ReturnType<typeof photoAttached>[];
      const caption = decodeFieldEnvelope(sealed.data.photo.caption)!.kid;

      await writer.destroy([caption], ORDER);

      const [read] = (await writer.decrypt([sealed])) as ReturnType<typeof photoAttached>[];
      expect(isRedactionMarker(read.data.photo.caption)).toBe(true);
      expect(JSON.stringify(read)).not.toContain(SOURCE);
    });

    it('stops opening it in another process that held it once told of the redaction', async () => {
      const { writer, reader } = setup();
      const [sealed] = (await writer.encrypt('article-1', [photoAttached()])) as ReturnType<typeof photoAttached>[];
      const caption = decodeFieldEnvelope(sealed.data.photo.caption)!.kid;
      await reader.decrypt([sealed]);
      await writer.destroy([caption], ORDER);

      reader.forget([caption]);

      const [read] = (await reader.decrypt([sealed])) as ReturnType<typeof photoAttached>[];
      expect(isRedactionMarker(read.data.photo.caption)).toBe(true);
    });

    it('stops opening it in another process never told, once its cache entry ages out', async () => {
      let now = 0;
      const { writer, reader } = setup({ maxAgeMs: 1000, now: () => now });
      const [sealed] = (await writer.encrypt('article-1', [photoAttached()])) as ReturnType<typeof photoAttached>[];
      const caption = decodeFieldEnvelope(sealed.data.photo.caption)!.kid;
      await reader.decrypt([sealed]);
      await writer.destroy([caption], ORDER);

      now = 1000;
      const [cached] = (await reader.decrypt([sealed])) as ReturnType<typeof photoAttached>[];
      expect(cached.data.photo.caption).toBe(photoAttached().data.photo.caption);
      now = 2001;
      const [aged] = (await reader.decrypt([sealed])) as ReturnType<typeof photoAttached>[];
      expect(isRedactionMarker(aged.data.photo.caption)).toBe(true);
    });
  });

  it('refuses a field whose key is neither held nor destroyed: lost keys are not redactions', async () => {
    const { writer } = setup();
    const sealed = await writer.encrypt('article-1', [photoAttached()]);

    await expect(setup().reader.decrypt(sealed)).rejects.toThrow(FieldKeyMissing);
  });

  it('says so when started with another master key', async () => {
    const { keys, writer } = setup();
    const sealed = await writer.encrypt('article-1', [photoAttached()]);

    const elsewhere = new FieldCodec({ keys, masterKey: randomBytes(32), redactableFields });

    await expect(elsewhere.decrypt(sealed)).rejects.toThrow(WrongMasterKey);
  });
});

describe('finding a passage', () => {
  it('names each field holding it by event and path, with its key, and finds no field twice', async () => {
    const { writer, reader, another } = setup();
    const sealed = (await writer.encrypt('article-1', [drafted(), photoAttached()])).map((e, i) => ({
      ...e,
      eventId: `e${i + 1}`,
    }));

    const found = await reader.locate(sealed, (text) => text.includes(SOURCE));

    expect(found.plaintext).toEqual([]);
    expect(found.encrypted.map(({ eventId, path }) => `${eventId} ${path}`)).toEqual([
      'e1 body[0].text',
      'e1 body[2].attribution',
      'e2 photo.caption',
    ]);
    await writer.destroy(
      found.encrypted.map((f) => f.kid),
      ORDER,
    );
    expect(await another().locate(sealed, (text) => text.includes(SOURCE))).toEqual({ encrypted: [], plaintext: [] });
  });

  it('names the fields stored in plaintext apart: no key can remove them', async () => {
    const { reader } = setup();

    const found = await reader.locate([{ ...photoAttached(), eventId: 'old' }], (text) => text.includes(SOURCE));

    expect(found).toEqual({ encrypted: [], plaintext: [{ eventId: 'old', path: 'photo.caption' }] });
  });
});
